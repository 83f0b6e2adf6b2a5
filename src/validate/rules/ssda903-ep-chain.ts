import type { EpisodeTable } from '../../ingest/episode-table.js';
import { ran, type Rule, type RuleHit } from '../rule.js';
import { anotherStartsOn, episodeSpans } from '../episode-spans.js';
import { ukDate } from '../../ingest/parse-date.js';

/**
 * 903-EP-CHAIN (inputs.md §6; DfE 433, 388): "Ended X1 on 12/07/2021 but no episode starts that day" (X1 needs
 * the next DECOM = DEC). Warning: the period of care ends there (the chaining treats it so). The next episode is
 * another one: a same-day episode (DEC = DECOM) ending X1 does not chain to itself (inputs.md §2.3). An X1
 * episode that the next one (in DECOM order) overlaps is not reported: 903-EP-OVERLAP reports that next one,
 * and the episode is taken to end where it starts, so the X1 chain continues (one problem, one finding).
 */
export const ssda903EpChain: Rule = {
  code: '903-EP-CHAIN',
  severity: 'warning',
  dfeRule: '433, 388',
  sources: ['ssda903'],
  tables: ['episodes'],
  fields: ['REC', 'DEC', 'DECOM'],
  message: 'An episode ends X1 but no episode starts on its DEC.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const t = ctx.tables.episodes;
    if (t === undefined) return ran(hits);
    const { rows, ends } = episodeSpans(t);
    const { decom, dec } = t;
    const rec = t.codes.rec;
    let from = 0;
    for (const to of ends) {
      // A child has a handful of episodes a year: a scan beats building a set of start dates.
      let starts: Set<string> | null = null;
      if (to - from > 16) {
        starts = new Set();
        for (let k = from; k < to; k++) starts.add(decom.at(rows[k]!));
      }
      for (let k = from; k < to; k++) {
        const i = rows[k]!;
        const d = dec.at(i);
        if (
          rec.at(i) === 'X1' &&
          d !== null &&
          !anotherStartsOn(t, rows, from, to, i, d, starts) &&
          !overlappedByNext(t, rows, from, to, i)
        ) {
          hits.push({
            table: 'episodes',
            row: i,
            record: t.record(i),
            field: 'REC',
            value: 'X1',
            message: `ended X1 on ${ukDate(d)} but no episode of child ${t.childId(i)} starts that day; the period of care is taken to end there`,
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};

/**
 * True when the episode after row `self` in the child's DECOM order (the child's rows `rows[from..to)` of its
 * {@link episodeSpans}, in file order; equal DECOMs keep file order, as 903-EP-OVERLAP reads them) starts before
 * row `self` ends: 903-EP-OVERLAP's finding, after which row `self` ends where that one starts. Some later
 * episode starting before the DEC is enough: the next one starts no later.
 */
export function overlappedByNext(
  t: EpisodeTable,
  rows: Int32Array,
  from: number,
  to: number,
  self: number,
): boolean {
  const { decom, dec } = t;
  const end = dec.at(self);
  if (end === null) return false;
  const start = decom.at(self);
  for (let k = from; k < to; k++) {
    const r = rows[k]!;
    const x = decom.at(r);
    // Rows of a span are in file order, so a later row is later in the file.
    const after = x > start || (x === start && r > self);
    if (after && x < end) return true;
  }
  return false;
}
