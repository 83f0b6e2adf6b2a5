import { ran, type Rule, type RuleHit } from '../rule.js';
import { londonDateTime } from '../../calendar/london-date.js';
import { ukDate } from '../../ingest/parse-date.js';

/**
 * LOC-ORDER (inputs.md §6): decided_at before received_at, or allocation_end before allocation_start. Error.
 * decided_at and received_at are compared by their London dates (§5); when either is written with an offset, the
 * message adds the London dates and times compared, as UTC text can put two London days on one date.
 */
export const locOrder: Rule = {
  code: 'LOC-ORDER',
  severity: 'error',
  sources: ['local'],
  tables: ['contacts', 'allocations'],
  fields: ['received_at', 'decided_at', 'allocation_start', 'allocation_end'],
  message: 'An end (decision, allocation end) is before its start.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const c of ctx.tables.contacts ?? []) {
      if (c.decidedDate !== null && c.decidedAt !== null && c.decidedDate < c.receivedDate) {
        hits.push({
          table: 'contacts',
          record: c,
          field: 'decided_at',
          value: c.decidedAt,
          message: `decided_at ${c.decidedAt} is before received_at ${c.receivedAt}${inLondonTime(c.decidedAt, c.receivedAt)}`,
        });
      }
    }
    for (const a of ctx.tables.allocations ?? []) {
      if (a.end !== null && a.end < a.start)
        hits.push({
          table: 'allocations',
          record: a,
          field: 'allocation_end',
          value: a.end,
          message: `allocation_end ${a.end} is before allocation_start ${a.start}`,
        });
    }
    return ran(hits);
  },
};

/**
 * ` (in London time, decided 30/06/2021 23:00, received 01/07/2021 00:30)` when either text has an offset, so
 * was converted to London time before its date was taken (inputs.md §5); else nothing (the text is London time).
 * @example inLondonTime('2021-06-30T22:00Z', '2021-06-30T23:30Z') //=> ' (in London time, decided 30/06/2021 23:00, received 01/07/2021 00:30)'
 */
export function inLondonTime(decidedAt: string, receivedAt: string): string {
  const decided = londonDateTime(decidedAt);
  const received = londonDateTime(receivedAt);
  if (!decided || !received || (!decided.converted && !received.converted)) return '';
  const shown = (t: { date: string; time: string | null }): string =>
    `${ukDate(t.date)}${t.time === null ? '' : ` ${t.time}`}`;
  return ` (in London time, decided ${shown(decided)}, received ${shown(received)})`;
}
