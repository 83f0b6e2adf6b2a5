import type { Episode } from '../../model/episode.js';
import { ran, childSpans, type Rule, type RuleHit } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/**
 * 903-EP-CHAIN (inputs.md §6; DfE 433, 388): "Ended X1 on 12/07/2021 but no episode starts that day" (X1 needs
 * the next DECOM = DEC). Warning: the period of care ends there (the chaining treats it so). The next episode is
 * another one: a same-day episode (DEC = DECOM) ending X1 does not chain to itself (inputs.md §2.3).
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
    const { records: eps, ends } = childSpans(ctx.tables.episodes);
    let from = 0;
    for (const to of ends) {
      // A child has a handful of episodes a year: a scan beats building a set of start dates.
      const starts = to - from > 16 ? new Set(eps.slice(from, to).map((e) => e.decom)) : null;
      for (let i = from; i < to; i++) {
        const e = eps[i]!;
        const dec = e.dec;
        if (e.rec === 'X1' && dec !== null && !anotherStartsOn(eps, from, to, i, dec, starts)) {
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
