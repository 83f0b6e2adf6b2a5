import { hashString, Rng } from './prng.js';
import type { LaInfo } from './la-table.js';
import { type Day, quarterOf } from './day-calendar.js';

/**
 * One LA's behaviour: volumes from its size and care rate, and practice rates drawn around England's
 * 2021-22 levels (indicators.md §2), so LAs differ believably. Probabilities are per event; `quarterly`
 * adds a small drift per quarter so quarters differ too.
 */
export interface LaProfile {
  readonly la: LaInfo;
  /** Children aged 0–17 after scaling. */
  readonly children: number;
  readonly referralsPerYear: number;
  /** Care entries per year (all routes). */
  readonly careEntriesPerYear: number;
  /** Share of care entrants who are UASC. */
  readonly uascShare: number;
  /** Probability a closed referral is followed by another (re-referral chain). */
  readonly rereferral: number;
  /** P(screening decision within 1 working day) for contacts. */
  readonly screen1wd: number;
  /** P(assessment authorised within 45 working days). */
  readonly assess45: number;
  /** P(ICPC within 15 working days of the S47 start). */
  readonly icpc15: number;
  /** P(each CP visit on time). */
  readonly cpVisit: number;
  /** P(each CiC visit on time). */
  readonly claVisit: number;
  /** P(each CiC review on time). */
  readonly review: number;
  /** P(each health review on time). */
  readonly health: number;
  /** P(a dental check completed for a due). */
  readonly dental: number;
  /** P(NEET) for care leavers aged 19–21 (17–18 scaled down). */
  readonly neet: number;
  /** P(suitable accommodation) for care leavers. */
  readonly suitable: number;
  /** Yearly chance a looked-after child aged 11+ goes missing at least once. */
  readonly missing: number;
  /** Multiplier on placement breakdown hazards. */
  readonly instability: number;
  /** Share of placements far away (another LA, usually 20+ miles). */
  readonly far: number;
  /** Drift in [-amp, amp] for a measure in the quarter containing d (deterministic). */
  quarterly(kind: string, d: Day, amp: number): number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** England's referral rate 2021-22: 650,270 referrals for about 12.1 million children. */
const REFERRALS_PER_CHILD = 0.0537;
/** Mean period of care in years, used to turn a care rate (stock) into entries (flow); tuned by test. */
const MEAN_CARE_YEARS = 2.7;

/**
 * Draws an LA's profile from the seed (independent of which other LAs are generated).
 * @example laProfile(darlington, '1', 1).referralsPerYear //=> about 1,300
 */
export function laProfile(la: LaInfo, seed: string, scale: number): LaProfile {
  const rng = new Rng(`${seed}:${la.code}:profile`);
  // LA differences: normal, bounded at 1.5 standard deviations so no LA is implausibly far from England.
  const n = (sd: number): number => clamp(rng.normal(0, 1), -1.5, 1.5) * sd;
  const careIndex = la.claPer10000 / 70;
  const children = Math.max(1, la.children * scale);
  const referralsPerYear = children * REFERRALS_PER_CHILD * Math.pow(careIndex, 0.45) * Math.exp(n(0.12));
  const careEntriesPerYear = (children * la.claPer10000) / 10000 / MEAN_CARE_YEARS;
  const uascBase =
    la.region === 'London' ? 0.12 : la.code === '886' ? 0.25 : la.region === 'South East' ? 0.08 : 0.05;
  const qseed = `${seed}:${la.code}`;
  const drift = new Map<string, Map<number, number>>();
  return {
    la,
    children,
    referralsPerYear,
    careEntriesPerYear,
    uascShare: clamp(uascBase * Math.exp(n(0.3)), 0.01, 0.4),
    rereferral: clamp(0.385 + n(0.05), 0.22, 0.65),
    screen1wd: clamp(0.8 + n(0.05), 0.6, 0.97),
    assess45: clamp(0.835 + n(0.04), 0.65, 0.97),
    icpc15: clamp(0.755 + n(0.06), 0.55, 0.97),
    cpVisit: clamp(0.86 + n(0.035), 0.7, 0.97),
    claVisit: clamp(0.91 + n(0.03), 0.75, 0.98),
    review: clamp(0.91 + n(0.03), 0.75, 0.98),
    health: clamp(0.92 + n(0.03), 0.75, 0.99),
    // Measured about 0.8 × this: a due is met only by a check between the last one and the due date (or,
    // late, by the period's end), and a child counts only when every due of the year was met.
    dental: clamp(0.79 + n(0.06), 0.55, 0.95),
    neet: clamp(0.395 + n(0.04), 0.2, 0.55),
    suitable: clamp(0.935 + n(0.025), 0.8, 0.99),
    missing: clamp(0.22 + n(0.035), 0.1, 0.35),
    instability: clamp(Math.exp(n(0.2)), 0.6, 1.6),
    // About two thirds of placements away are 20+ miles from home, and England's 17% counts only those
    // outside the LA: the all-placements share the indicator measures is a little higher (about 19%).
    far: clamp(0.27 + n(0.06), 0.08, 0.45),
    quarterly(kind: string, d: Day, amp: number): number {
      const q = quarterOf(d);
      let byQuarter = drift.get(kind);
      if (byQuarter === undefined) drift.set(kind, (byQuarter = new Map()));
      let u = byQuarter.get(q);
      if (u === undefined) {
        const key = `${kind}:${Math.floor(q / 4)}-${q % 4}`;
        u = (hashString(`${qseed}:${key}`) / 4294967296) * 2 - 1;
        byQuarter.set(q, u);
      }
      return u * amp;
    },
  };
}
