import type { Episode } from '../../model/episode.js';
import { ran, childSpans, type Rule, type RuleHit, episodeRecords } from '../rule.js';
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
    const { records: eps, ends } = childSpans(episodeRecords(ctx.tables.episodes));
    let from = 0;
    for (const to of ends) {
      // A child has a handful of episodes a year: a scan beats building a set of start dates.
      const starts = to - from > 16 ? new Set(eps.slice(from, to).map((e) => e.decom)) : null;
      for (let i = from; i < to; i++) {
        const e = eps[i]!;
        const dec = e.dec;
        if (
          e.rec === 'X1' &&
          dec !== null &&
          !anotherStartsOn(eps, from, to, i, dec, starts) &&
          !overlappedByNext(eps, from, to, i)
        ) {
          hits.push({
            table: 'episodes',
            record: e,
            field: 'REC',
            value: 'X1',
            message: `ended X1 on ${ukDate(dec)} but no episode of child ${e.childId} starts that day; the period of care is taken to end there`,
          });
        }
      }
      from = to;
    }
    return ran(hits);
  },
};

/**
 * True when an episode of the child `eps[from..to)` other than `eps[self]` starts on the day (`starts`: their
 * start dates, when the child has many). Only a same-day episode starts on its own DEC.
 */
export function anotherStartsOn(
  eps: readonly Episode[],
  from: number,
  to: number,
  self: number,
  day: string,
  starts: ReadonlySet<string> | null = null,
): boolean {
  if (starts !== null && eps[self]!.decom !== day) return starts.has(day);
  for (let i = from; i < to; i++) if (i !== self && eps[i]!.decom === day) return true;
  return false;
}

/**
 * True when the episode after `eps[self]` in the child's DECOM order (`eps[from..to)` in file order; equal
 * DECOMs keep file order, as 903-EP-OVERLAP reads them) starts before `eps[self]` ends: 903-EP-OVERLAP's
 * finding, after which `eps[self]` ends where that one starts. Some later episode starting before the DEC
 * is enough: the next one starts no later.
 */
export function overlappedByNext(eps: readonly Episode[], from: number, to: number, self: number): boolean {
  const e = eps[self]!;
  if (e.dec === null) return false;
  for (let i = from; i < to; i++) {
    const x = eps[i]!;
    const after = x.decom > e.decom || (x.decom === e.decom && i > self);
    if (after && x.decom < e.dec) return true;
  }
  return false;
}
