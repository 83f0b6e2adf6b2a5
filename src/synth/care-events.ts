import { Weights } from './prng.js';
import type { SimContext } from './sim-context.js';
import { addEvent, type SimChild, type SimPeriod } from './sim-types.js';
import { type Day, addWd, ageOn, onOrNextWd, onOrPrevWd, plusMonths, weekday } from './day-calendar.js';

const REVIEW_CODES = new Weights<string>([
  ['PN1', 60],
  ['PN2', 5],
  ['PN3', 3],
  ['PN4', 3],
  ['PN5', 10],
  ['PN6', 12],
  ['PN7', 7],
]);

/**
 * The events of one period of care: CiC reviews (20 working days, 3 months, then 6 months), statutory
 * visits per placement (7 days, then 6 weeks; 3 months for long-term placements after a year), health
 * assessments and dental checks, and missing / away episodes.
 */
export function careEvents(ctx: SimContext, child: SimChild, period: SimPeriod): void {
  const end = period.end ?? ctx.horizon + 1;
  reviews(ctx, child, period.start, end);
  if (end < ctx.eventsFrom) return;
  visits(ctx, child, period, end);
  health(ctx, child, period.start, end);
  missing(ctx, child, period.start, end);
}

function reviews(ctx: SimContext, child: SimChild, start: Day, end: Day): void {
  const { rng, profile } = ctx;
  let a = start;
  for (let k = 1; ; k++) {
    const due = k === 1 ? addWd(a, 20) : plusMonths(a, k === 2 ? 3 : 6);
    const onTime = rng.chance(profile.review + profile.quarterly('review', due, 0.04));
    let held = onTime
      ? onOrPrevWd(due - rng.int(0, Math.min(20, Math.max(0, due - a - 2))))
      : onOrNextWd(due + rng.int(1, 35));
    if (held <= a) held = due;
    if (held >= end || held > ctx.horizon) return;
    addEvent(child, 'reviews', {
      date: held,
      code: ageOn(child.dob, held) < 4 ? 'PN0' : rng.weighted(REVIEW_CODES),
    });
    a = held;
  }
}

function visits(ctx: SimContext, child: SimChild, period: SimPeriod, periodEnd: Day): void {
  const { rng, profile } = ctx;
  const byKey = new Map<number, { start: Day; end: Day }>();
  for (const e of period.episodes) {
    const p = byKey.get(e.placementKey);
    const epEnd = e.dec ?? periodEnd;
    if (!p) byKey.set(e.placementKey, { start: e.decom, end: epEnd });
    else p.end = Math.max(p.end, epEnd);
  }
  for (const { start, end } of byKey.values()) {
    if (end < ctx.eventsFrom) continue;
    const lt = period.longTerm.find((x) => x.placementStart === start);
    let a = start;
    for (let k = 1; ; k++) {
      const longTerm = lt !== undefined && a >= lt.from && a >= plusMonths(start, 12);
      const interval = k === 1 ? 7 : 42;
      const due = longTerm ? plusMonths(a, 3) : a + interval;
      const onTime = rng.chance(profile.claVisit + profile.quarterly('clav', due, 0.04));
      let d = onTime
        ? due - rng.int(0, Math.min(k === 1 ? 5 : 20, Math.max(0, due - a - 1)))
        : due + rng.int(1, 21);
      if (weekday(d) >= 6 && d - 2 > a) d = onOrPrevWd(d);
      if (d <= a) d = due;
      if (d >= end || d > ctx.horizon) break;
      if (d >= ctx.eventsFrom) {
        const older = ageOn(child.dob, d) >= 4;
        addEvent(child, 'claVisits', {
          date: d,
          minute: rng.int(8 * 60, 19 * 60),
          seen: !rng.chance(0.015),
          seenAlone: older ? (rng.chance(0.1) ? null : rng.chance(0.7)) : false,
          id: ctx.nextId('visit'),
        });
      }
      a = d;
    }
  }
}

function health(ctx: SimContext, child: SimChild, start: Day, end: Day): void {
  const { rng, profile } = ctx;
  const push = (type: 'IHA' | 'RHA' | 'DENTAL', date: Day, completed = true): void => {
    if (date >= ctx.eventsFrom && date <= ctx.horizon && date < end)
      addEvent(child, 'health', { type, date, completed });
  };
  // Initial health assessment (due within 20 working days; often late), then reviews.
  const iha = addWd(start, rng.chance(0.45) ? rng.int(5, 20) : rng.int(21, 70));
  let a: Day;
  if (iha < end) {
    push('IHA', iha);
    a = iha;
  } else return;
  for (;;) {
    const due = plusMonths(a, ageOn(child.dob, a) < 5 ? 6 : 12);
    const onTime = rng.chance(profile.health + profile.quarterly('health', due, 0.04));
    let d = onOrPrevWd(
      onTime ? due - rng.int(0, Math.min(45, Math.max(0, due - a - 3))) : due + rng.int(1, 70),
    );
    if (d <= a) d = due;
    if (d >= end || d > ctx.horizon) break;
    if (rng.chance(0.02)) push('RHA', Math.max(a + 1, d - rng.int(5, 20)), false);
    push('RHA', d);
    a = d;
  }
  // Dental checks: about yearly; some years none.
  let b = start;
  for (;;) {
    const due = plusMonths(b, 12);
    if (due >= end || due > ctx.horizon + 366) break;
    const r = rng.next();
    const p = profile.dental + profile.quarterly('dental', due, 0.05);
    if (r < p * 0.8) {
      const d = onOrPrevWd(due - rng.int(0, 90));
      if (d > b) {
        push('DENTAL', d);
        b = d;
        continue;
      }
      b = due;
    } else if (r < p) {
      const d = onOrNextWd(due + rng.int(1, 100));
      if (rng.chance(0.03)) push('DENTAL', d - 3, false);
      push('DENTAL', d);
      b = d;
    } else b = due;
  }
}

function missing(ctx: SimContext, child: SimChild, start: Day, end: Day): void {
  const { rng, profile } = ctx;
  const from = Math.max(start, ctx.eventsFrom);
  const to = Math.min(end, ctx.horizon + 1);
  const seen = new Set<string>();
  for (let s = from; s < to; s += 365) {
    const blockEnd = Math.min(to, s + 365);
    const span = blockEnd - s;
    if (span < 7) break;
    const p = (ageOn(child.dob, s) >= 11 ? profile.missing : 0.004) * (span / 365);
    for (const [kind, chance, mean] of [
      ['M', p, 4.5],
      ['A', p * 0.45, 1.5],
    ] as const) {
      if (!rng.chance(chance)) continue;
      const n = 1 + rng.poisson(mean);
      for (let i = 0; i < n; i++) {
        const d = s + rng.int(0, span - 1);
        const key = `${kind}${d}`;
        if (seen.has(key) || d <= child.dob) continue;
        seen.add(key);
        const len = rng.weighted([
          [0, 40],
          [1, 35],
          [rng.int(2, 7), 25],
        ] as const);
        let e: Day | null = d + len;
        if (e >= end) e = end === ctx.horizon + 1 ? null : end;
        if (e !== null && e > ctx.horizon) e = null;
        addEvent(child, 'missing', { kind, start: d, end: e });
      }
    }
  }
}
