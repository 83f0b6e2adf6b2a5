import type { RenderModel } from '../model/render-model.js';
import { isSmall, percentSuppressed } from './suppression.js';
import type { SuppressionRule } from './suppression.js';

/** A disclosure found by the publication check (report.md §6). */
export interface Breach {
  readonly code: 'PUB-SMALL-COUNT' | 'PUB-SMALL-FRACTION' | 'PUB-ROW' | 'PUB-NOT-PUBLIC';
  readonly where: string;
  readonly detail: string;
}

const CHILD_WORDS =
  /\b(\d{1,3})[ \u00a0]+(children|child|young people|young person|care leavers?|referrals?|episodes?|plans?|assessments?|CiC)\b(?!-)/gi;

/**
 * The publication check: rescans every public output before it is released. Breaches: a number from 1 to
 * k next to "children" or similar words in text, a shown fraction "(x/n)" with x, n or n − x from 1 to k,
 * and a CSV/JSON row that shows a small figure unsuppressed. Any breach fails publication.
 * @example rescanPublic(model, texts, rule) //=> []
 */
export function rescanPublic(model: RenderModel, texts: readonly string[], rule: SuppressionRule): Breach[] {
  const out: Breach[] = [];
  if (!model.meta.public)
    out.push({ code: 'PUB-NOT-PUBLIC', where: 'meta', detail: 'the model is the full version' });
  texts.forEach((raw, i) => {
    // Tags become separators, so adjacent table cells (a row number and a title) never read as one phrase.
    const text = raw.replace(/<[^>]+>/g, ' | ');
    for (const m of text.matchAll(CHILD_WORDS)) {
      if (isSmall(Number(m[1]), rule.k)) {
        out.push({ code: 'PUB-SMALL-COUNT', where: `output ${i + 1}`, detail: `"${m[0]}"` });
      }
    }
    for (const m of text.matchAll(/\((\d[\d,]*)\/(\d[\d,]*)\)/g)) {
      const x = Number(m[1]!.replace(/,/g, ''));
      const n = Number(m[2]!.replace(/,/g, ''));
      if (percentSuppressed(x, n, rule))
        out.push({ code: 'PUB-SMALL-FRACTION', where: `output ${i + 1}`, detail: m[0] });
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
