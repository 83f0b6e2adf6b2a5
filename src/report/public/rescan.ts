import type { RenderModel } from '../model/render-model.js';
import type { OutputFormat } from '../render/render-output.js';
import { type DatasetIdentifiers, NO_IDENTIFIERS } from './dataset-identifiers.js';
import { docxText } from './docx-text.js';
import { identifierHits, modelFigures, reportOwnDates } from './identifier-scan.js';
import { isSmall, percentSuppressed } from './suppression.js';
import type { SuppressionRule } from './suppression.js';

/** A disclosure found by the publication check (report.md §6). */
export interface Breach {
  readonly code:
    | 'PUB-SMALL-COUNT'
    | 'PUB-SMALL-FRACTION'
    | 'PUB-ROW'
    | 'PUB-NOT-PUBLIC'
    | 'PUB-CHILD-ID'
    | 'PUB-DOB'
    | 'PUB-POSTCODE'
    | 'PUB-WORKER';
  readonly where: string;
  /** What was found and where; for a child-level identifier, its kind and line, never the value. */
  readonly detail: string;
}

/**
 * HTML attributes that hold text a reader never sees but a screen reader, a tooltip or a search engine
 * does: alt text, titles, ARIA labels and descriptions, placeholders and `<meta content>`.
 */
const HIDDEN_TEXT =
  /\s(?:alt|title|aria-label|aria-description|placeholder|content)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * The text of an output as the publication check reads it: each tag becomes a separator (" | "), so
 * adjacent table cells never read as one phrase, followed by the text of its non-visible attributes
 * (`HIDDEN_TEXT`: alt text is scanned as the visible text is), keeping the tag's line breaks so lines
 * still number as in the file; then character references are decoded ("3&nbsp;children").
 * @example outputText('<td>3</td><img alt="2 children">') //=> ' | 3 |  | 2 children | '
 */
export function outputText(raw: string): string {
  return raw
    .replace(/<[^>]+>/g, (tag) => {
      const hidden = [...tag.matchAll(HIDDEN_TEXT)].map((m) => (m[1] ?? m[2] ?? '').replace(/\n/g, ' '));
      return ` | ${hidden.map((h) => `${h} | `).join('')}${tag.replace(/[^\n]/g, '')}`;
    })
    .replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (m, dec?: string, hex?: string, name?: string) =>
      dec
        ? String.fromCodePoint(Number(dec))
        : hex
          ? String.fromCodePoint(parseInt(hex, 16))
          : (ENTITIES[name!.toLowerCase()] ?? m),
    );
}

/** How a breach names an output in its detail: "the CSV", "the DOCX text". */
function outputLabel(name: string): string {
  const label: Readonly<Record<string, string>> = {
    html: 'the HTML',
    csv: 'the CSV',
    json: 'the JSON',
    docx: 'the DOCX text',
  };
  return label[name] ?? name;
}

/** The words after a number that make it a count of children (or of their referrals, plans, …). */
const CHILD_WORD =
  'children|child|young people|young person|care leavers?|referrals?|episodes?|plans?|assessments?|CiC';

/**
 * A number followed by "children" or a similar word: what the publication check looks for in text (not the
 * tail of a decimal or a section number, as in "§1.8 care leavers").
 */
export const CHILD_WORDS = new RegExp(`(?<![\\d.,§])\\b(\\d{1,3})[ \u00a0]+(${CHILD_WORD})\\b(?!-)`, 'gi');

/** The numbers one to twenty as words, by value (an officer's "Three children"). */
const NUMBER_WORDS: readonly string[] = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];

/**
 * A number written as a word, one to twenty, followed by "children" or a similar word (report.md §5 "numbers
 * from 1 to k next to 'children' … are flagged": a number in words is a number). Read by the publication
 * check only: the generated text writes counts in digits, and an officer's words are theirs to change.
 */
const CHILD_NUMBER_WORDS = new RegExp(
  `\\b(${NUMBER_WORDS.join('|')})[ \u00a0]+(${CHILD_WORD})\\b(?!-)`,
  'gi',
);

/** A count of children from 1 to k in text, as written ("3 children", "Three children") and its word. */
export interface SmallChildCount {
  readonly text: string;
  readonly word: string;
}

/**
 * The counts from 1 to k next to "children" or a similar word in a text, in digits or in words (report.md
 * §5 "In public text, numbers from 1 to k next to 'children' or similar words are flagged"): what the
 * publication check refuses and the dashboard flags when commentary is saved.
 * @example smallChildCounts('Three children and 12 referrals', 5) //=> [{ text: 'Three children', word: 'children' }]
 */
export function smallChildCounts(text: string, k: number): SmallChildCount[] {
  const found: { at: number; text: string; word: string }[] = [];
  for (const m of text.matchAll(CHILD_WORDS))
    if (isSmall(Number(m[1]), k)) found.push({ at: m.index, text: m[0], word: m[2]! });
  for (const m of text.matchAll(CHILD_NUMBER_WORDS))
    if (isSmall(NUMBER_WORDS.indexOf(m[1]!.toLowerCase()) + 1, k))
      found.push({ at: m.index, text: m[0], word: m[2]! });
  return found.sort((a, b) => a.at - b.at).map(({ text: t, word }) => ({ text: t, word }));
}

/**
 * A count heading a list item of an engine note's detail, "2 gone abroad (G); 1 residence not known (R)" or
 * "(3 removed)": a number at the start, after "; " or after "(", followed by a word. Each item counts
 * children, whatever word follows (report.md §6), so it is masked and checked like a child word.
 */
export const LIST_COUNTS = /(?<=^|; |\()(\d{1,3})(?= [a-z])/g;

/**
 * What the publication check reads as a listed count: "; 2 gone abroad", "(3 removed)"; not a count of
 * indicators such as the summary's "; 4 are outside tolerance".
 */
const LISTED_COUNT = /; (\d{1,3}) (?!(?:is|are|was|were|of)\b)(?=[a-z])|\((\d{1,3}) removed\)/g;

/**
 * Free text for the public version: a count from 1 to k next to "children" or a similar word, or heading an
 * item of a note's list of counts (`LIST_COUNTS`), reads "fewer than k+1" (report.md §6), so engine notes'
 * details pass the publication check at any threshold.
 * @example maskSmallCounts('7 assessments lacking an authorisation date', 10) //=> 'fewer than 11 assessments lacking an authorisation date'
 * @example maskSmallCounts('2 gone abroad (G); 9 deported (H)', 5) //=> 'fewer than 6 gone abroad (G); 9 deported (H)'
 */
export function maskSmallCounts(text: string, k: number): string {
  return text
    .replace(CHILD_WORDS, (m, n: string, word: string) =>
      isSmall(Number(n), k) ? `fewer than ${k + 1} ${word}` : m,
    )
    .replace(LIST_COUNTS, (n: string) => (isSmall(Number(n), k) ? `fewer than ${k + 1}` : n));
}

/**
 * The publication check: rescans every public output before it is released. Breaches: a number from 1 to
 * k next to "children" or similar words in text, or heading an item of a note's list of counts ("; 1
 * residence not known (R)"), a shown fraction "(x/n)" with x, n or n − x from 1 to k, a CSV/JSON row that
 * shows a small figure unsuppressed, and any child-level identifier of the dataset the report was computed
 * from (`identifiers`: child id, UPN hash, date of birth, postcode, worker; {@link identifierHits}), named
 * by rule, output and line but never by value ("a child identifier of the dataset at line 12 of the CSV").
 * Text is read with its non-visible attributes (alt text, titles, ARIA labels; {@link outputText}).
 * Any breach fails publication. A breach names its output by `names` (by position, "output 2", without).
 * @example rescanPublic(model, texts, rule, ['html'], datasetIdentifiers(data)) //=> []
 */
export function rescanPublic(
  model: RenderModel,
  texts: readonly string[],
  rule: SuppressionRule,
  names: readonly string[] = [],
  identifiers: DatasetIdentifiers = NO_IDENTIFIERS,
): Breach[] {
  const out: Breach[] = [];
  const where = (i: number): string => names[i] ?? `output ${i + 1}`;
  if (!model.meta.public)
    out.push({ code: 'PUB-NOT-PUBLIC', where: 'meta', detail: 'the model is the full version' });
  const own = { figures: modelFigures(model), dates: reportOwnDates(model, identifiers) };
  texts.forEach((raw, i) => {
    const text = outputText(raw);
    for (const h of identifierHits(text, identifiers, own)) {
      out.push({
        code: h.code,
        where: where(i),
        detail: `${h.what} of the dataset at line ${h.line} of ${outputLabel(where(i))}`,
      });
    }
    for (const c of smallChildCounts(text, rule.k))
      out.push({ code: 'PUB-SMALL-COUNT', where: where(i), detail: `"${c.text}"` });
    // An item of a note's list of counts ("…; 1 residence not known (R)", "(3 removed)"): the check reads
    // only items after "; " and "(N removed)", as labels such as "1 placement" or "(1 of 8 quarters" are no counts.
    for (const m of text.matchAll(LISTED_COUNT)) {
      const n = m[1] ?? m[2];
      if (isSmall(Number(n), rule.k)) {
        out.push({ code: 'PUB-SMALL-COUNT', where: where(i), detail: `"${m[0]}"` });
      }
    }
    for (const m of text.matchAll(/\((\d[\d,]*)\/(\d[\d,]*)\)/g)) {
      const x = Number(m[1]!.replace(/,/g, ''));
      const n = Number(m[2]!.replace(/,/g, ''));
      if (percentSuppressed(x, n, rule))
        out.push({ code: 'PUB-SMALL-FRACTION', where: where(i), detail: m[0] });
    }
  });
  model.rows.forEach((r, i) => {
    if (r.suppressed) return;
    const bad =
      r.unit === 'count' && r.breakdown === ''
        ? isSmall(r.numerator, rule.k)
        : r.denominator !== null && r.numerator !== null
          ? percentSuppressed(r.numerator, r.denominator, rule)
          : isSmall(r.numerator, rule.k) && r.denominator === null && r.unit === 'count';
    if (bad)
      out.push({
        code: 'PUB-ROW',
        where: `row ${i + 1} (${r.indicator} ${r.period} ${r.breakdown} ${r.cell})`,
        detail: 'small figure shown',
      });
  });
  return out;
}

/**
 * The publication check over rendered public outputs, by format (report.md §6: "every public output,
 * including CSV and JSON, is rescanned before publication. Any breach fails it"), by {@link rescanPublic}'s
 * rules, with the child-level identifiers of the dataset (`identifiers`): HTML, CSV and JSON as text (an
 * HTML's alt text, titles and ARIA labels included); a DOCX by the text of its document, headers, footers,
 * notes, comments, drawings' alt text and document properties (`docxText`). A PDF is read as the HTML it is printed from: `renderPdf` prints `renderHtml(model)`, the
 * set's HTML, so a set with a PDF must hold that HTML (no installed library extracts a PDF's text; the PDF
 * adds only a running header and footer of the title, the exempt line and the PUBLIC marking).
 * @example await rescanPublicOutputs(model, new Map([['html', html], ['docx', docx]]), rule) //=> []
 */
export async function rescanPublicOutputs(
  model: RenderModel,
  outputs: ReadonlyMap<OutputFormat, Buffer | string>,
  rule: SuppressionRule,
  identifiers: DatasetIdentifiers = NO_IDENTIFIERS,
): Promise<Breach[]> {
  if (outputs.has('pdf') && !outputs.has('html'))
    throw new Error('the publication check reads a PDF as the HTML it is printed from: give that HTML too');
  const names: string[] = [];
  const texts: string[] = [];
  for (const [format, body] of outputs) {
    if (format === 'pdf') continue;
    names.push(format);
    texts.push(
      format === 'docx'
        ? await docxText(Buffer.from(body))
        : typeof body === 'string'
          ? body
          : body.toString('utf8'),
    );
  }
  return rescanPublic(model, texts, rule, names, identifiers);
}
