/**
 * Abbreviations spelt out at first use (report.md §5: "Children in Care (CiC)"). Catalogue phrases mark an
 * abbreviation as `[[CiC]]`; a literal "Children in Care (CiC)" is recognised too. The first use in the
 * narrative reads "Children in Care (CiC)", every later one "CiC".
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  CP: 'Child Protection',
  CiC: 'Children in Care',
  NEET: 'not in employment, education or training',
  ICPC: 'Initial Child Protection Conference',
  UASC: 'unaccompanied asylum-seeking children',
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Expands `[[X]]` markers in texts read in order, spelling each abbreviation out once.
 * @example expandAbbreviations(['[[CP]] plan', 'a [[CP]] visit']) //=> ['Child Protection (CP) plan', 'a CP visit']
 */
export function expandAbbreviations(
  texts: readonly string[],
  alreadyIntroduced: ReadonlySet<string> = new Set(),
): string[] {
  const seen = new Set(alreadyIntroduced);
  const pattern = new RegExp(
    Object.entries(ABBREVIATIONS)
      .map(([short, long]) => `\\[\\[${escapeRe(short)}\\]\\]|${escapeRe(long)} \\(${escapeRe(short)}\\)`)
      .join('|'),
    'g',
  );
  return texts.map((text) =>
    text.replace(pattern, (match) => {
      const short = match.startsWith('[[') ? match.slice(2, -2) : /\(([^)]+)\)$/.exec(match)![1]!;
      if (seen.has(short)) return short;
      seen.add(short);
      return `${ABBREVIATIONS[short]} (${short})`;
    }),
  );
}
