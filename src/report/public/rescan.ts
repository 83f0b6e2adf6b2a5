import type { RenderModel } from '../model/render-model.js';
import type { OutputFormat } from '../render/render-output.js';
import { docxText } from './docx-text.js';
import { isSmall, percentSuppressed } from './suppression.js';
import type { SuppressionRule } from './suppression.js';

/** A disclosure found by the publication check (report.md §6). */
export interface Breach {
  readonly code: 'PUB-SMALL-COUNT' | 'PUB-SMALL-FRACTION' | 'PUB-ROW' | 'PUB-NOT-PUBLIC';
  readonly where: string;
  readonly detail: string;
}

/**
 * A number followed by "children" or a similar word: what the publication check looks for in text (not the
 * tail of a decimal or a section number, as in "§1.8 care leavers").
 */
export const CHILD_WORDS =
  /(?<![\d.,§])\b(\d{1,3})[ \u00a0]+(children|child|young people|young person|care leavers?|referrals?|episodes?|plans?|assessments?|CiC)\b(?!-)/gi;

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
 * residence not known (R)"), a shown fraction "(x/n)" with x, n or n − x from 1 to k, and a CSV/JSON row that shows a small figure unsuppressed. Any breach fails publication.
 * A breach names its output by `names` (by position, "output 2", without).
 * @example rescanPublic(model, texts, rule) //=> []
 */
export function rescanPublic(
  model: RenderModel,
  texts: readonly string[],
  rule: SuppressionRule,
  names: readonly string[] = [],
): Breach[] {
  const out: Breach[] = [];
  const where = (i: number): string => names[i] ?? `output ${i + 1}`;
  if (!model.meta.public)
    out.push({ code: 'PUB-NOT-PUBLIC', where: 'meta', detail: 'the model is the full version' });
  texts.forEach((raw, i) => {
    // Tags become separators, so adjacent table cells (a row number and a title) never read as one phrase.
    const text = raw.replace(/<[^>]+>/g, ' | ');
    for (const m of text.matchAll(CHILD_WORDS)) {
      if (isSmall(Number(m[1]), rule.k)) {
        out.push({ code: 'PUB-SMALL-COUNT', where: where(i), detail: `"${m[0]}"` });
      }
    }
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
 * rules: HTML, CSV and JSON as text; a DOCX by the text of its document, headers, footers and notes
 * (`docxText`). A PDF is read as the HTML it is printed from: `renderPdf` prints `renderHtml(model)`, the
 * set's HTML, so a set with a PDF must hold that HTML (no installed library extracts a PDF's text; the PDF
 * adds only a running header and footer of the title, the exempt line and the PUBLIC marking).
 * @example await rescanPublicOutputs(model, new Map([['html', html], ['docx', docx]]), rule) //=> []
 */
export async function rescanPublicOutputs(
  model: RenderModel,
  outputs: ReadonlyMap<OutputFormat, Buffer | string>,
  rule: SuppressionRule,
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
  return rescanPublic(model, texts, rule, names);
}
