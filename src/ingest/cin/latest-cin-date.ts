import type { IsoDate } from '../../calendar/iso-date.js';
import type { StagedTables } from '../staged.js';

/**
 * The latest CIN event date up to `until` (inputs.md §1: a CIN census's as-at date is its latest event date
 * when it has no `Source/DateTime`): referral, closure and ICPC dates, assessment start and authorisation, CIN
 * plan, Section 47 and CP plan dates and CP reviews. A date after `until` (a typo in the future, rejected as
 * GEN-FUTURE) is left out. Null when there is none.
 * @example latestCinDate({ referrals: [r20210601, r20310101] }, '2024-06-01') //=> '2021-06-01'
 */
export function latestCinDate(tables: StagedTables, until: IsoDate): IsoDate | null {
  let latest: IsoDate | null = null;
  const see = (d: IsoDate | null): void => {
    if (d !== null && d <= until && (latest === null || d > latest)) latest = d;
  };
  for (const r of tables.referrals ?? []) {
    see(r.referralDate);
    see(r.closureDate);
    see(r.dateOfInitialCpc);
  }
  for (const a of tables.assessments ?? []) {
    see(a.startDate);
    see(a.authorisationDate);
  }
  for (const p of tables.cinPlans ?? []) {
    see(p.startDate);
    see(p.endDate);
  }
  for (const s of tables.section47s ?? []) {
    see(s.startDate);
    see(s.dateOfInitialCpc);
  }
  for (const p of tables.cpPlans ?? []) {
    see(p.startDate);
    see(p.endDate);
    for (const d of p.reviewDates) see(d);
  }
  return latest;
}
