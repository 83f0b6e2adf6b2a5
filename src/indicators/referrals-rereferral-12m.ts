import type { IsoDate } from '../calendar/iso-date.js';
import { addDays } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import { inWindow } from '../calendar/period.js';
import type { Referral } from '../model/cin.js';
import { variant } from './settings.js';
import { historyIncomplete, referralHistoryStart } from './lib/history.js';
import { fromMembers } from './lib/members.js';
import { byChild, uniqueReferrals } from './lib/unique-referrals.js';
import { windowOf } from './lib/window.js';
import type { IndicatorDefinition, Member } from './types.js';

/** The earliest date p a previous referral may have for referral date r (`rereferral.window`). */
function windowStart(r: IsoDate, window: string): IsoDate {
  return window === '365days' ? addDays(r, -365) : addMonths(r, -12);
}

/**
 * referrals-rereferral-12m (indicators.md §2): referrals in the period whose child had another referral
 * dated p with r − 12 months ≤ p < r, from all loaded years; same-date duplicates count once.
 */
export const referralsRereferral12m: IndicatorDefinition = {
  id: 'referrals-rereferral-12m',
  title: "Re-referrals to Children's Social Care within 12 months of a previous referral",
  unit: 'percent',
  polarity: 'lower',
  serviceArea: 'front-door',
  basis: 'in-period',
  bases: ['in-period', 'ytd'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 referrals-rereferral-12m',
  definitionVersion: '1.0',
  definition: {
    summary:
      'The percentage of referrals in the period where the child had another referral in the 12 months before.',
    numerator:
      'Referrals (CINdetails) in the period for which the same child has another referral dated on or after the referral date minus 12 months and before the referral date. Earlier referrals count whether or not they ended in no further action, from every loaded year.',
    denominator:
      'Referrals (CINdetails) with a referral date in the period; duplicate child and date records count once.',
    exclusions: 'None. A referral is never its own previous referral; same-date duplicates do not count.',
    why: 'Frequent re-referral may mean that earlier involvement did not meet the child’s needs or closed too early.',
    comparability:
      'As the DfE Children in need statistic (re-referrals within 12 months), measured per referral. The DfE figure is for a whole year; quarterly figures are more volatile.',
  },
  sources: ['cin-details'],
  target: { value: 18, kind: 'local' },
  england: {
    value: 21.5,
    text: '21.5% (139,500 of 650,270)',
    year: '2021-22',
    publisher: 'DfE Children in need statistics',
    likeForLike: true,
  },
  directionComparator: 'previous',
  narrative: {
    subject:
      "of the children referred {when} had been re-referred to Children's Social Care within 12 months of a previous referral",
    zeroPhrase: "No child referred {when} had been re-referred to Children's Social Care within 12 months",
    narrativeGroup: 'referrals',
  },
  compute(input, ctx) {
    const w = windowOf(ctx);
    const window = variant<string>(ctx.settings, 'rereferral.window', '12months');
    const referrals = uniqueReferrals(input.data);
    const members: Member[] = [];
    for (const list of byChild(referrals).values()) {
      // list is in date order and has one referral per date.
      list.forEach((r: Referral, i: number) => {
        if (!inWindow(r.referralDate, w)) return;
        const from = windowStart(r.referralDate, window);
        // The latest earlier referral (dates are distinct) decides: it qualifies when p ≥ from.
        const latest = i > 0 ? list[i - 1]! : null;
        const previous = latest && latest.referralDate >= from ? latest : null;
        members.push({
          childId: r.childId,
          recordIds: latest ? [r.id, latest.id] : [r.id],
          dates: { referralDate: r.referralDate, previousReferralDate: latest?.referralDate ?? null },
          inNumerator: previous !== null,
          reason: previous
            ? `previous referral ${previous.referralDate} on or after ${from}`
            : latest
              ? `previous referral ${latest.referralDate} before ${from}`
              : 'no earlier referral',
        });
      });
    }
    return fromMembers(members, {
      notes: [historyIncomplete(referralHistoryStart(input.data), w.start, 12)],
    });
  },
};
