import type { IsoDate } from '../calendar/iso-date.js';
import { inWindow } from '../calendar/period.js';
import type { StrategyDiscussion } from '../model/cin.js';
import { variant } from './settings.js';
import { asAtFor } from './lib/as-at.js';
import { notAvailable } from './lib/availability.js';
import { breakdownRow } from './lib/breakdown.js';
import { referralDates } from './lib/referral-dates.js';
import { fromMembers } from './lib/members.js';
import { countNote } from './lib/notes.js';
import { byChild } from './lib/unique-referrals.js';
import { windowOf } from './lib/window.js';
import { wd, workingDaysText } from './lib/working-days.js';
import type { IndicatorDefinition, Member } from './types.js';

/** The child's latest strategy discussion in [referral date, ICPC], or null. */
function strategyAnchor(
  discussions: readonly StrategyDiscussion[] | undefined,
  referralDate: IsoDate | null,
  icpc: IsoDate,
): StrategyDiscussion | null {
  if (!discussions || referralDate === null) return null;
  let best: StrategyDiscussion | null = null;
  for (const s of discussions) {
    if (s.strategyDate < referralDate || s.strategyDate > icpc) continue;
    if (!best || s.strategyDate > best.strategyDate) best = s;
  }
  return best;
}

/**
 * icpc-15wd (indicators.md §2): Section47 records with an ICPC in the period (ICPCnotRequired excluded),
 * and those held within 15 working days of the S47 start, or of the latest strategy discussion under
 * `icpc.anchor = strategy` (falling back to the S47 start, note `anchorFallback`). An ICPC date recorded
 * only at CINdetails level has no anchor: note `icpcWithoutS47` (§1.8). Under the strategy anchor the
 * count stops at the earlier of the CIN and strategy_discussions as-at dates (note `provisional` when e
 * is after it, §1.8).
 */
export const icpc15wd: IndicatorDefinition = {
  id: 'icpc-15wd',
  title:
    'Initial Child Protection Conferences held within 15 working days from the strategy meeting/Section 47 being initiated',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'child-protection',
  basis: 'in-period',
  bases: ['in-period', 'ytd'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 icpc-15wd',
  definitionVersion: '1.0',
  definition: {
    summary:
      'The percentage of initial child protection conferences held within 15 working days of the Section 47 enquiry starting.',
    numerator:
      'Conferences held within 15 working days of the S47 start date (working days after the start, up to and including the conference date).',
    denominator:
      'Section 47 enquiries with an initial child protection conference in the period; each conference counts.',
    exclusions:
      'Enquiries where a conference was not required; conference dates recorded without a Section 47 (note icpcWithoutS47); a conference dated before its anchor (note invalidDates).',
    why: 'Working Together to Safeguard Children expects the conference within 15 working days of the strategy discussion that started the enquiry.',
    comparability:
      'As the DfE Children in need statistic, which measures from the S47 start. The strategy-meeting variant is a local measure.',
  },
  sources: ['section47'],
  target: { value: 90, kind: 'local' },
  england: {
    value: 79.2,
    text: '79.2% (58,440 of 73,780)',
    year: '2021-22',
    publisher: 'DfE Children in need statistics',
    likeForLike: true,
  },
  directionComparator: 'previous',
  narrative: {
    subject: 'of Initial Child Protection Conferences (ICPCs) {when} were held within 15 working days',
  },
  compute(input, ctx) {
    const w = windowOf(ctx);
    const byStrategy = variant<string>(ctx.settings, 'icpc.anchor', 's47') === 'strategy';
    if (byStrategy && !input.data.tables.has('strategy-discussions')) {
      return notAvailable(['strategy-discussions']);
    }
    // §1.8: a count using several sources stops at the earliest of their as-at dates (and is provisional
    // when e is after it). Under the strategy anchor that is the CIN census and strategy_discussions.
    const stopAt = byStrategy ? asAtFor(input.data, ['section47', 'strategy-discussions']) : null;
    const s47FromStrategy = input.data.annexASupplied.has('section47');
    const referralDate = referralDates(input.data);
    const strategies = byStrategy ? byChild(input.data.strategyDiscussions) : new Map();
    const members: Member[] = [];
    let invalid = 0;
    let fallback = 0;
    const bands = [0, 0, 0];
    const s47Icpcs = new Set<string>();
    for (const s of input.data.section47s) {
      if (s.dateOfInitialCpc === null) continue;
      s47Icpcs.add(`${s.referralId}\u0000${s.dateOfInitialCpc}`);
      if (s.icpcNotRequired || !inWindow(s.dateOfInitialCpc, w)) continue;
      if (stopAt !== null && s.dateOfInitialCpc > stopAt) continue;
      const strategy = byStrategy
        ? strategyAnchor(
            strategies.get(s.childId),
            referralDate.get(s.referralId) ?? null,
            s.dateOfInitialCpc,
          )
        : null;
      // An Annex A List 5 enquiry starts on its strategy discussion (inputs.md §4): no fallback there.
      if (byStrategy && !strategy && !s47FromStrategy) fallback++;
      const anchor = strategy ? strategy.strategyDate : s.startDate;
      if (s.dateOfInitialCpc < anchor) {
        invalid++;
        continue;
      }
      const days = wd(ctx.settings, anchor, s.dateOfInitialCpc);
      bands[days <= 15 ? 0 : days <= 20 ? 1 : 2]!++;
      members.push({
        childId: s.childId,
        recordIds: strategy ? [s.id, strategy.id] : [s.id],
        dates: {
          s47Start: s.startDate,
          ...(byStrategy ? { strategyDate: strategy?.strategyDate ?? null } : {}),
          icpcDate: s.dateOfInitialCpc,
        },
        inNumerator: days <= 15,
        reason: `ICPC ${workingDaysText(days)} after ${strategy || (byStrategy && s47FromStrategy) ? 'strategy discussion' : 'S47 start'}`,
      });
    }
    const withoutS47 = input.data.referrals.filter(
      (r) =>
        r.dateOfInitialCpc !== null &&
        inWindow(r.dateOfInitialCpc, w) &&
        !s47Icpcs.has(`${r.id}\u0000${r.dateOfInitialCpc}`),
    ).length;
    const n = members.length;
    return fromMembers(members, {
      notes: [
        countNote('invalidDates', invalid),
        countNote('icpcWithoutS47', withoutS47),
        countNote('anchorFallback', fallback),
        stopAt !== null && ctx.period.end > stopAt
          ? { code: 'provisional', detail: `data to ${stopAt}; ICPCs after it are not counted` }
          : null,
        // inputs.md §4: Annex A List 5 supplies the strategy anchor when strategy_discussions.csv is absent.
        byStrategy &&
        input.data.annexASupplied.has('strategy-discussions') &&
        !input.data.annexASupplied.has('section47')
          ? {
              code: 'annexA',
              detail:
                'Ofsted Annex A List 5 in place of strategy_discussions.csv, which is not loaded (strategy anchor)',
            }
          : null,
      ],
      breakdowns: {
        timing: [
          breakdownRow('within-15', 'Within 15 working days', bands[0]!, n),
          breakdownRow('16-to-20', '16 to 20 working days', bands[1]!, n),
          breakdownRow('over-20', 'Over 20 working days', bands[2]!, n),
        ],
      },
    });
  },
};
