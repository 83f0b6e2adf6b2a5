import type { IsoDate } from '../../calendar/iso-date.js';
import type { LaDataset } from '../../model/la-dataset.js';

const cache = new WeakMap<LaDataset, ReadonlyMap<string, IsoDate>>();

/** CINreferralDate by referral (CINdetails) id, built once per dataset. */
export function referralDates(data: LaDataset): ReadonlyMap<string, IsoDate> {
  let m = cache.get(data);
  if (!m) {
    m = new Map(data.referrals.map((r) => [r.id, r.referralDate]));
    cache.set(data, m);
  }
  return m;
}
