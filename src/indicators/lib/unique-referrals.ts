import type { LaDataset } from '../../model/la-dataset.js';
import type { Referral } from '../../model/cin.js';

const cache = new WeakMap<LaDataset, readonly Referral[]>();

/**
 * The dataset's referrals with duplicate child + CINreferralDate records counted once (indicators.md §1.7),
 * keeping the record with the smallest id, in (child, date) order. Cached per dataset.
 */
export function uniqueReferrals(data: LaDataset): readonly Referral[] {
  const hit = cache.get(data);
  if (hit) return hit;
  const byKey = new Map<string, Referral>();
  for (const r of data.referrals) {
    const key = `${r.childId}\u0000${r.referralDate}`;
    const kept = byKey.get(key);
    if (!kept || r.id < kept.id) byKey.set(key, r);
  }
  const out = [...byKey.values()].sort((a, b) =>
    a.childId < b.childId
      ? -1
      : a.childId > b.childId
        ? 1
        : a.referralDate < b.referralDate
          ? -1
          : a.referralDate > b.referralDate
            ? 1
            : 0,
  );
  cache.set(data, out);
  return out;
}

const groupCache = new WeakMap<readonly unknown[], ReadonlyMap<string, readonly unknown[]>>();

/**
 * Groups records by child id, keeping their order. Cached per array (dataset arrays never change), so
 * every period of a trend reuses one grouping; callers must not modify the lists.
 */
export function byChild<T extends { readonly childId: string }>(
  records: readonly T[],
): ReadonlyMap<string, readonly T[]> {
  const hit = groupCache.get(records);
  if (hit) return hit as ReadonlyMap<string, readonly T[]>;
  const out = new Map<string, T[]>();
  for (const r of records) {
    const list = out.get(r.childId);
    if (list) list.push(r);
    else out.set(r.childId, [r]);
  }
  groupCache.set(records, out);
  return out;
}
