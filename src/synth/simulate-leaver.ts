import { Weights } from './prng.js';
import type { SimContext } from './sim-context.js';
import { allocate } from './sim-context.js';
import { addEvent, type SimChild, type SimPeriod } from './sim-types.js';
import { type Day, birthdayOf } from './day-calendar.js';

const EDUCATION = new Weights<string>([
  ['1', 8],
  ['2', 45],
  ['4', 10],
  ['5', 37],
]);
const NEET = new Weights<string>([
  ['G4', 20],
  ['G5', 65],
  ['G6', 15],
]);
const SUITABLE = new Weights<string>([
  ['B1', 12],
  ['C1', 4],
  ['D1', 15],
  ['E1', 8],
  ['K1', 4],
  ['T1', 3],
  ['U1', 38],
  ['Z1', 14],
  ['Y1', 2],
]);
const UNSUITABLE = new Weights<string>([
  ['B2', 15],
  ['D2', 10],
  ['S2', 20],
  ['W2', 10],
  ['V2', 10],
  ['X2', 25],
  ['Y2', 10],
]);

/**
 * Care-leaver statuses after a period of care that makes the young person relevant or former relevant
 * (91+ days looked after from 14, one of them on or after 16): a status near each birthday from 17 to 21
 * and one between, in OC3 codes, plus a personal adviser allocation.
 */
export function simulateLeaver(ctx: SimContext, child: SimChild, period: SimPeriod): void {
  const { rng, profile } = ctx;
  const end = period.end!;
  const b14 = birthdayOf(child.dob, 14);
  const b16 = birthdayOf(child.dob, 16);
  const b18 = birthdayOf(child.dob, 18);
  if (end <= b16) return;
  let days = 0;
  for (const p of child.periods) {
    const s = Math.max(p.start, b14);
    const e = p.end ?? end;
    if (e > s) days += e - s;
  }
  if (days < 91) return;
  if (end > ctx.horizon) return;
  allocate(ctx, child, 'Leaving Care', end, birthdayOf(child.dob, rng.chance(0.1) ? 25 : 21), 'other');
  let state: { inTouch: string; activity: string; accommodation: string } | null = null;
  const dates: Day[] = [];
  for (let n = 17; n <= 21; n++) {
    const bd = birthdayOf(child.dob, n);
    dates.push(bd + rng.int(-25, 25));
    if (n < 21) dates.push(bd + rng.int(150, 210));
  }
  if (end < b18) dates.push(end + rng.int(20, 60));
  dates.sort((a, b) => a - b);
  let last = end;
  for (const d of dates) {
    if (d <= last || d > ctx.horizon) continue;
    const age = d >= b18 ? 19 : 17;
    if (!state || !rng.chance(0.55)) {
      const inTouch = rng.weighted([
        ['YES', 95],
        ['NO', 2],
        ['REFU', 1],
        ['NREQ', 1.2],
        ['RHOM', 0.8],
      ] as const);
      if (inTouch !== 'YES') state = { inTouch, activity: '0', accommodation: '0' };
      else {
        const pNeet = (age >= 19 ? profile.neet : profile.neet * 0.74) + profile.quarterly('neet', d, 0.03);
        const activity = rng.chance(pNeet)
          ? rng.weighted(NEET)
          : `${rng.chance(0.75) ? 'F' : 'P'}${rng.weighted(EDUCATION)}`;
        let accommodation = rng.chance(profile.suitable + (age < 19 ? 0.02 : 0))
          ? rng.weighted(SUITABLE)
          : rng.weighted(UNSUITABLE);
        if (accommodation === 'Z1' && d < b18) accommodation = 'D1';
        if (child.uasc && rng.chance(0.03)) accommodation = rng.pick(['G2', 'H2', 'R2']);
        state = { inTouch, activity, accommodation };
      }
    }
    const eligibility = rng.chance(0.05) ? '' : d < b18 ? 'relevant' : 'former-relevant';
    addEvent(child, 'leaver', { date: d, ...state, eligibility });
    last = d;
  }
}
