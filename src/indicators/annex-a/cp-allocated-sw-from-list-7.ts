import type { IsoDate } from '../../calendar/iso-date.js';
import type { AnnexACp } from '../../model/annex-a.js';
import { ukDate } from '../lib/uk-date.js';
import type { AnnexAFallback, Computation, Member, Note } from '../types.js';
import { namesWorker } from './allocated-worker.js';
import { fromMembers } from '../lib/members.js';

/**
 * cp-allocated-sw from Annex A List 7 (inputs.md §4 fallback: List 7 for CP indicators), used when
 * `allocations.csv` (or the CIN census) is not loaded: of the children with a CP plan open at the
 * workbook's as-at date A, those whose Allocated Worker names a worker ({@link namesWorker}).
 *
 * Reading of the spec, as for List 8 (list-8-snapshot.ts): List 7's allocation is as at A, so the figure
 * is the position at the latest workbook's A, and only for a period ending on or after A (noted
 * `provisional` when it ends after A); an earlier period end is not available from Annex A. Open at A as
 * the indicator reads a plan (Plan Start Date ≤ A and Plan End Date blank or after A); a child with several
 * open plans counts once, allocated when any names a worker.
 * @example cpAllocatedSwFromList7.compute(input, ctx).denominator //=> children with a List 7 plan open at A
 */
export const cpAllocatedSwFromList7: AnnexAFallback = {
  sources: ['annex-a-cp'],
  compute(input, ctx) {
    let asAt: IsoDate | null = null;
    for (const r of input.data.annexACp) if (asAt === null || r.asAt > asAt) asAt = r.asAt;
    const e = ctx.period.end;
    if (asAt === null || asAt > e) return list7NotAvailable(asAt);
    const a = asAt;
    const byChild = new Map<string, AnnexACp[]>();
    for (const r of input.data.annexACp) {
      if (r.asAt !== a || r.startDate > a || (r.endDate !== null && r.endDate <= a)) continue;
      const rows = byChild.get(r.childId);
      if (rows) rows.push(r);
      else byChild.set(r.childId, [r]);
    }
    const members: Member[] = [];
    for (const [childId, rows] of byChild) {
      rows.sort((x, y) => (x.startDate < y.startDate ? -1 : x.startDate > y.startDate ? 1 : 0));
      const named = rows.find((r) => namesWorker(r.worker));
      members.push({
        childId,
        recordIds: rows.map((r) => r.id),
        dates: { planStart: rows[0]!.startDate },
        inNumerator: named !== undefined,
        reason: named
          ? `Allocated worker named at ${ukDate(a)} (Annex A)`
          : `No allocated worker at ${ukDate(a)} (Annex A)`,
      });
    }
    const notes: Note[] = [
      {
        code: 'annexA',
        detail: `Ofsted Annex A List 7 as at ${ukDate(a)}, as the primary source is not loaded: Allocated Worker of each child with a CP plan open at that date`,
      },
    ];
    if (e > a) notes.push({ code: 'provisional', detail: `Annex A as at ${ukDate(a)}` });
    return fromMembers(members, { notes });
  },
};

function list7NotAvailable(asAt: IsoDate | null): Computation {
  const detail =
    asAt === null
      ? 'needs allocations.csv (Annex A List 7 holds no plans)'
      : `needs allocations.csv (Ofsted Annex A List 7 is as at ${ukDate(asAt)}, after the period end)`;
  return {
    status: 'not-available',
    numerator: 0,
    denominator: null,
    members: [],
    notes: [{ code: 'notAvailable', detail }],
    missing: ['allocations.csv'],
  };
}
