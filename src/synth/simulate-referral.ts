import { Weights } from './prng.js';
import type { SimContext } from './sim-context.js';
import { allocate } from './sim-context.js';
import { addEvent, type SimChild, type SimCpPlan, type SimReferral, type SimS47 } from './sim-types.js';
import {
  type Day,
  addWd,
  ageOn,
  birthdayOf,
  isWd,
  onOrNextWd,
  onOrPrevWd,
  plusMonths,
} from './day-calendar.js';
import { endYearOf } from './collection-years.js';
import { simulateCare } from './simulate-care.js';
import { simulateShortBreaks } from './simulate-short-breaks.js';

/** Referral sources in percent (sum 100): schools 19.9, police 29.5, health 14.8 as England 2021-22. */
const SOURCES = new Weights<string>([
  ['1A', 3.4],
  ['1B', 1.15],
  ['1C', 2.3],
  ['1D', 2.3],
  ['2A', 19.9],
  ['2B', 1.7],
  ['3A', 2.5],
  ['3B', 2],
  ['3C', 0.8],
  ['3D', 1.5],
  ['3E', 3.5],
  ['3F', 4.5],
  ['4', 1.7],
  ['5A', 4.6],
  ['5B', 3.4],
  ['5C', 2.85],
  ['5D', 3.4],
  ['6', 29.5],
  ['7', 2.3],
  ['8', 4.6],
  ['9', 0.9],
  ['10', 1.2],
]);
const NEEDS = new Weights<string>([
  ['N1', 55],
  ['N2', 4],
  ['N3', 3],
  ['N4', 3],
  ['N5', 16],
  ['N6', 2],
  ['N7', 0.5],
  ['N8', 5],
  ['N0', 6],
]);
const FACTORS = new Weights<string>([
  ['1A', 6],
  ['1B', 3],
  ['2A', 6],
  ['2B', 3],
  ['3A', 16],
  ['3B', 6],
  ['3C', 3],
  ['4A', 10],
  ['4B', 9],
  ['4C', 2],
  ['5A', 1],
  ['5B', 1],
  ['6B', 1],
  ['7A', 1],
  ['10A', 1.5],
  ['11A', 1.5],
  ['13A', 1],
  ['14A', 3],
  ['15A', 3],
  ['16A', 7],
  ['17A', 8],
  ['18B', 3],
  ['18C', 3],
  ['19B', 1],
  ['19C', 1],
  ['20', 4],
  ['24A', 1],
]);
const CATEGORIES = new Weights<string>([
  ['NEG', 50],
  ['EMO', 36],
  ['PHY', 7],
  ['SAB', 4],
  ['MUL', 3],
]);

const SAME_OR_NEXT_DAY = new Weights<number>([
  [0, 5],
  [1, 5],
]);
const S47_AFTER_REFERRAL = new Weights<number>([
  [0, 5],
  [1, 3],
  [2, 2],
  [4, 1],
]);
const STRATEGY_BEFORE_S47 = new Weights<number>([
  [0, 6],
  [1, 3],
  [2, 1],
]);
const CP_DAYS = new Weights<readonly [number, number]>([
  [[30, 90], 0.14],
  [[91, 365], 0.52],
  [[366, 728], 0.285],
  [[729, 1200], 0.055],
]);
const CP_VISIT_GAP = new Weights<number>([
  [10, 5],
  [9, 5],
  [8, 4],
  [7, 3],
  [5, 2],
  [3, 1],
]);

/** Options of one referral journey. */
export interface ReferralOptions {
  /** The child comes into care from this referral (care-stock children, UASC). */
  readonly forceCare?: boolean;
  readonly uasc?: boolean;
  /** Probability this referral leads to care (front door), already adjusted for age. */
  readonly pCare: number;
}

/** What a referral left behind for the next one. */
export interface ReferralOutcome {
  /** When the case closed; null if still open at the horizon (or in care). */
  readonly closure: Day | null;
  readonly enteredCare: boolean;
  /** The referral led to a CP plan (its child is more likely to be referred again, often years later). */
  readonly cpPlan: boolean;
}

/** Minutes since day 0 for a day and a time of day. */
const at = (d: Day, minute: number): number => d * 1440 + minute;

/**
 * One referral of a child and everything that follows from it: the contact and its screening decision,
 * assessment, strategy discussion and S47, ICPC, CP plan with reviews and visits, CIN plan, entry to care,
 * closure, and the social-work allocations covering the case.
 */
export function simulateReferral(
  ctx: SimContext,
  child: SimChild,
  r: Day,
  opts: ReferralOptions,
): ReferralOutcome {
  const { rng, profile } = ctx;
  const b18 = birthdayOf(child.dob, 18);
  // A child who has had a CP plan is more likely to be subject to an enquiry, conference and plan again.
  const hadPlan = child.referrals.some((x) => x.cpPlans.length > 0);

  // Front door: a contact (sometimes after an earlier one) screened into a referral.
  if (rng.chance(0.3) && !opts.uasc) {
    const earlier = r - rng.int(2, 150);
    if (earlier > child.dob) addContact(ctx, child, earlier, rng.chance(0.6) ? 'nfa' : 'early-help');
  }
  let source = opts.uasc
    ? rng.weighted([
        ['6', 5],
        ['5C', 3],
        ['8', 2],
      ] as const)
    : rng.weighted(SOURCES);
  if (source === '5D' && endYearOf(r) < 2023) source = '5A';
  addContact(ctx, child, r, 'referral', source);

  let need = opts.uasc
    ? 'N8'
    : child.disabilities.length > 0 && rng.chance(0.45)
      ? 'N2'
      : rng.weighted(NEEDS);
  const ref: SimReferral = {
    date: r,
    source,
    need,
    nfa: false,
    closure: null,
    reason: null,
    icpcOnDetails: null,
    assessments: [],
    cinPlans: [],
    s47s: [],
    cpPlans: [],
  };
  addEvent(child, 'referrals', ref);
  let willCare = opts.forceCare === true || rng.chance(opts.pCare);

  // No further action at referral.
  if (!willCare && rng.chance(0.07)) {
    (ref as { nfa: boolean }).nfa = true;
    (ref as { need: string }).need = 'N9';
    ref.closure = addWd(r, rng.int(0, 3));
    ref.reason = 'RC7';
    return { closure: ref.closure, enteredCare: false, cpPlan: false };
  }

  // Assessment.
  const aStart = rng.chance(0.5) ? onOrNextWd(r) : addWd(r, rng.int(1, 4));
  const pOnTime = profile.assess45 + profile.quarterly('assess', aStart, 0.03);
  const aWd = rng.chance(pOnTime) ? rng.int(6, 45) : rng.int(46, 95);
  const aAuth = addWd(aStart, aWd);
  const factors = opts.uasc ? ['9A'] : pickFactors(ctx, need, r);
  ref.assessments.push({ start: aStart, auth: aAuth, factors });
  const caseStart = r;

  // Section 47 enquiry (after a strategy discussion), ICPC and CP plan.
  let cp: SimCpPlan | null = null;
  const pS47 = willCare ? 0.6 : hadPlan ? 0.45 : 0.3;
  if (!opts.uasc && rng.chance(pS47)) {
    const sStart = Math.min(addWd(r, rng.weighted(S47_AFTER_REFERRAL)), aAuth);
    const sd = Math.max(r, addWd(sStart, -rng.weighted(STRATEGY_BEFORE_S47)));
    addEvent(child, 'strategies', { date: sd, s47Start: rng.chance(0.8) ? sStart : null });
    const toIcpc = rng.chance(willCare ? 0.65 : hadPlan ? 0.5 : 0.36);
    let s47: SimS47;
    if (toIcpc) {
      const onTime = rng.chance(profile.icpc15 + profile.quarterly('icpc', sStart, 0.06));
      const icpc = addWd(sStart, onTime ? rng.int(5, 15) : rng.int(16, 32));
      s47 = { start: sStart, target: addWd(sStart, 15), end: icpc, icpc, notRequired: false };
      if (rng.chance(0.88)) cp = makeCpPlan(ctx, child, icpc);
    } else {
      s47 = {
        start: sStart,
        target: addWd(sStart, 15),
        end: addWd(sStart, rng.int(3, 15)),
        icpc: null,
        notRequired: true,
      };
    }
    ref.s47s.push(s47);
    if (rng.chance(0.04)) ref.s47s.push(extraS47(ctx, s47));
  } else if (!opts.uasc && !willCare && rng.chance(0.006)) {
    // A transfer-in conference: ICPC with no Section47 of this LA.
    const icpc = addWd(r, rng.int(5, 20));
    ref.icpcOnDetails = icpc;
    cp = makeCpPlan(ctx, child, icpc);
  }
  if (cp) ref.cpPlans.push(cp);

  // Entry to care (not for a child about to turn 18: the case closes instead).
  let entry = 0;
  if (willCare) {
    if (cp) {
      entry = cp.start + rng.int(10, 420);
    } else {
      entry = r + rng.int(0, 12);
    }
    if (entry >= b18 - 30) entry = Math.max(r, b18 - rng.int(31, 120));
    if (cp && entry <= cp.start) entry = cp.start + 1;
    if (entry >= b18 - 7) willCare = false;
  }
  if (willCare) {
    if (cp) {
      cp.end = entry;
      planEvents(ctx, child, cp);
    }
    const period = simulateCare(ctx, child, entry, {
      need: need === 'N0' || need === 'N9' ? 'N1' : need,
      uasc: opts.uasc === true,
    });
    const careEnd = period.end;
    allocate(ctx, child, cp ? 'Safeguarding' : 'Assessment', caseStart, entry);
    allocate(ctx, child, 'Children in Care', entry, careEnd);
    if (careEnd === null) return { closure: null, enteredCare: true, cpPlan: cp !== null };
    const last = period.episodes[period.episodes.length - 1]!;
    const rec = last.rec ?? 'E8';
    ref.closure =
      rec === 'E2'
        ? careEnd
        : careEnd + (rec.startsWith('E4') || rec === 'E13' ? rng.int(30, 180) : rng.int(0, 20));
    if (ref.closure > b18) ref.closure = careEnd;
    // Not before the assessment and every S47 have concluded (a short stay in care can be over sooner).
    ref.closure = Math.max(ref.closure, aAuth, lastS47End(ref));
    ref.reason = closureReasonFor(rec, careEnd >= b18);
    if (rec.startsWith('E4') || rec === 'E13') ref.cinPlans.push({ start: careEnd, end: ref.closure });
    return { closure: ref.closure, enteredCare: true, cpPlan: cp !== null };
  }

  // No care: close after the assessment, a CIN plan or the CP plan.
  let closure: Day;
  if (cp) {
    planEvents(ctx, child, cp);
    const cpEnd = cp.end!;
    if (rng.chance(0.55)) {
      const end = cpEnd + rng.int(60, 330);
      ref.cinPlans.push({ start: cpEnd, end });
      closure = end;
    } else {
      closure = cpEnd + rng.int(0, 25);
    }
    ref.reason = 'RC7';
    allocate(ctx, child, 'Safeguarding', caseStart, closure);
  } else {
    const outcome = rng.weighted([
      ['plan', 0.38],
      ['nfa', 0.47],
      ['eh', 0.15],
    ] as const);
    if (outcome === 'plan') {
      const start = aAuth + rng.int(0, 10);
      const end = start + rng.int(60, 520);
      ref.cinPlans.push({ start, end });
      closure = end;
      ref.reason = 'RC7';
      if (child.disabilities.length > 0 && need === 'N2') simulateShortBreaks(ctx, child, start, end);
    } else {
      closure = aAuth + rng.int(0, 6);
      ref.reason = outcome === 'eh' && endYearOf(closure) >= 2023 ? 'RC9' : 'RC8';
      need = rng.chance(0.5) ? 'N9' : need;
      (ref as { need: string }).need = need;
    }
    allocate(ctx, child, 'Assessment', caseStart, closure);
  }
  if (closure >= b18) closure = b18 - 1;
  // The case stays open until every S47 has concluded (an ICPC held late included).
  ref.closure = Math.max(closure, aAuth, r, lastS47End(ref));
  if (rng.chance(0.0004)) {
    child.death = ref.closure;
    ref.reason = 'RC2';
  }
  return { closure: ref.closure, enteredCare: false, cpPlan: cp !== null };
}

/** The day the referral's last S47 concluded (0 when it had none). */
function lastS47End(ref: SimReferral): Day {
  let end = 0;
  for (const s of ref.s47s) if (s.end > end) end = s.end;
  return end;
}

function pickFactors(ctx: SimContext, need: string, r: Day): string[] {
  const { rng } = ctx;
  if (rng.chance(0.06)) return ['21'];
  const n = rng.weighted([
    [1, 3],
    [2, 4],
    [3, 3],
    [4, 1],
  ] as const);
  const out = new Set<string>();
  if (need === 'N2') out.add(rng.pick(['5A', '6A']));
  while (out.size < n) {
    let f = rng.weighted(FACTORS);
    if (f === '24A' && endYearOf(r) < 2023) f = '20';
    out.add(f);
  }
  return [...out].sort();
}

/** A second S47 within the same referral (new concerns), ending before or after the first. */
function extraS47(ctx: SimContext, first: SimS47): SimS47 {
  const start = addWd(first.end, ctx.rng.int(5, 60));
  return {
    start,
    target: addWd(start, 15),
    end: addWd(start, ctx.rng.int(3, 12)),
    icpc: null,
    notRequired: true,
  };
}

/** A CP plan starting at the ICPC: duration, categories and the number of previous plans. */
function makeCpPlan(ctx: SimContext, child: SimChild, start: Day): SimCpPlan {
  const { rng } = ctx;
  // NumberOfPreviousCPP: the child's own earlier plans; otherwise, for some (more of the older children:
  // a plan in another LA, or before the simulated history) one or two that no loaded record shows.
  const earlier = child.referrals.reduce((n, ref) => n + ref.cpPlans.length, 0);
  const previous =
    earlier > 0
      ? earlier
      : rng.chance(0.03 + 0.0095 * ageOn(child.dob, start))
        ? rng.weighted([
            [1, 8],
            [2, 2],
          ] as const)
        : 0;
  const [lo, hi] = rng.weighted(CP_DAYS);
  const days = rng.int(lo, hi);
  let end = onOrPrevWd(start + days);
  const b18 = birthdayOf(child.dob, 18);
  if (end >= b18) end = b18 - 1;
  if (end <= start) end = start + 1;
  const initialCategory = rng.weighted(CATEGORIES);
  return {
    start,
    end,
    initialCategory,
    latestCategory: rng.chance(0.9) ? initialCategory : rng.weighted(CATEGORIES),
    previousPlans: previous,
    reviews: [],
  };
}

/** Review conferences and CP visits of a plan (its end date now final). */
function planEvents(ctx: SimContext, child: SimChild, cp: SimCpPlan): void {
  const { rng, profile } = ctx;
  const end = cp.end!;
  // Reviews: first within 3 months, then every 6 months.
  let a = cp.start;
  let k = 1;
  for (;;) {
    const due = plusMonths(a, k === 1 ? 3 : 6);
    const held = onOrPrevWd(rng.chance(0.92) ? due - rng.int(0, 20) : due + rng.int(1, 25));
    if (held >= end) break;
    if (held > a) {
      cp.reviews.push(held);
      a = held;
    } else a = due;
    k++;
  }
  // CP visits every 10 working days (some late; a few attempts where the child was not seen).
  if (end < ctx.eventsFrom) return;
  let v = cp.start;
  for (;;) {
    const p = profile.cpVisit + profile.quarterly('cpv', v, 0.04);
    const next = rng.chance(p) ? addWd(v, rng.weighted(CP_VISIT_GAP)) : addWd(v, rng.int(11, 17));
    if (next >= end || next > ctx.horizon) break;
    if (rng.chance(0.03)) {
      const miss = addWd(v, 1);
      if (miss < next && isWd(miss)) addEvent(child, 'cpVisits', visit(ctx, miss, false, child, miss));
    }
    addEvent(child, 'cpVisits', visit(ctx, next, true, child, next));
    v = next;
  }
}

function visit(ctx: SimContext, d: Day, seen: boolean, child: SimChild, on: Day) {
  const { rng } = ctx;
  const older = ageOn(child.dob, on) >= 4;
  return {
    date: d,
    minute: rng.int(9 * 60, 18 * 60),
    seen,
    seenAlone: !seen ? false : older ? (rng.chance(0.08) ? null : rng.chance(0.75)) : false,
    id: ctx.nextId('visit'),
  };
}

/** A contact received on d (a working-day time mostly) and screened in some working days. */
export function addContact(
  ctx: SimContext,
  child: SimChild,
  d: Day,
  outcome: 'referral' | 'nfa' | 'early-help' | 'other',
  source?: string,
): void {
  const { rng, profile } = ctx;
  const receivedMin = isWd(d) && rng.chance(0.88) ? rng.int(8 * 60, 17 * 60 + 30) : rng.int(0, 23 * 60 + 59);
  const p1 = profile.screen1wd + profile.quarterly('screen', d, 0.06);
  const k = rng.chance(p1)
    ? rng.weighted(SAME_OR_NEXT_DAY)
    : rng.chance(0.75)
      ? rng.int(2, 3)
      : rng.int(4, 9);
  let decidedDay = k === 0 ? d : addWd(d, k);
  let decidedMin: number;
  if (decidedDay === d) {
    decidedMin = Math.min(23 * 60 + 59, receivedMin + rng.int(15, 360));
  } else {
    decidedMin = rng.int(9 * 60, 17 * 60 + 30);
  }
  if (k === 0 && !isWd(d)) decidedDay = d;
  let src = source ?? rng.weighted(SOURCES);
  if (src === '5D' && endYearOf(d) < 2023) src = '5A';
  addEvent(child, 'contacts', {
    id: ctx.nextId('contact'),
    received: at(d, receivedMin),
    decided: at(decidedDay, decidedMin),
    outcome,
    source: src,
  });
}

/** CIN ReasonForClosure for a child's way out of care. */
function closureReasonFor(rec: string, aged18: boolean): string {
  if (rec === 'E11' || rec === 'E12') return 'RC1';
  if (rec === 'E2') return 'RC2';
  if (rec === 'E41') return 'RC3';
  if (rec === 'E45' || rec === 'E46' || rec === 'E47' || rec === 'E48') return 'RC4';
  if (rec === 'E3') return 'RC5';
  if (rec === 'E7' || (aged18 && rec === 'E15')) return 'RC6';
  return 'RC7';
}
