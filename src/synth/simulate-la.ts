import { Rng, Weights } from './prng.js';
import type { LaInfo } from './la-table.js';
import { laProfile } from './la-profile.js';
import { PostcodeBook } from './postcodes.js';
import { WorkerPool, type SimContext } from './sim-context.js';
import type { SimChild, SimLa } from './sim-types.js';
import { ChildIds, makeChild } from './people.js';
import { type Day, ageOn, birthdayOf } from './day-calendar.js';
import { addContact, simulateReferral } from './simulate-referral.js';
import { hashString } from './prng.js';

/** What to simulate for one LA. */
export interface SimulateOptions {
  readonly seed: string;
  /** Extract date (the last day any file shows). */
  readonly extract: Day;
  /** 1 April of the first collection year written. */
  readonly windowStart: Day;
  /** Multiplier on the LA's population (1 = real scale). */
  readonly scale: number;
}

/** Age at a child's first referral (CIN referrals by age, roughly). */
const REFERRAL_AGE = new Weights<number>([
  [0, 10],
  [1, 5.5],
  [2, 5],
  [3, 5],
  [4, 4.5],
  [5, 5.5],
  [6, 5.5],
  [7, 5],
  [8, 5],
  [9, 5],
  [10, 5],
  [11, 5.5],
  [12, 6],
  [13, 6.5],
  [14, 7],
  [15, 6.5],
  [16, 5],
  [17, 3],
]);
/** Age when starting to be looked after (DfE CLA, roughly). */
const CARE_AGE = new Weights<number>([
  [0, 18],
  [1, 4],
  [2, 4],
  [3, 3.5],
  [4, 3.5],
  [5, 3.6],
  [6, 3.6],
  [7, 3.6],
  [8, 3.6],
  [9, 3.6],
  [10, 5],
  [11, 5.5],
  [12, 6.5],
  [13, 7.5],
  [14, 8],
  [15, 7.5],
  [16, 6],
  [17, 3],
]);
/** Relative chance a referral leads to care, by age at referral. */
const careWeight = (age: number): number =>
  age < 1 ? 2.4 : age < 5 ? 0.85 : age < 10 ? 0.6 : age < 16 ? 1.05 : 0.9;

/**
 * Simulates one LA: children arriving at the front door over the collection years (with three years of
 * run-in for look-backs), the care population built up over the preceding 18 years, UASC arrivals, and
 * contacts that go no further. Deterministic for (seed, LA, options).
 * @example simulateLa(darlington, table, { seed: '1', extract, windowStart, scale: 1 }).children.length
 */
export function simulateLa(la: LaInfo, table: readonly LaInfo[], opts: SimulateOptions): SimLa {
  const rng = new Rng(`${opts.seed}:${la.code}:sim`);
  const profile = laProfile(la, opts.seed, opts.scale);
  const book = new PostcodeBook(la, table, new Rng(`${opts.seed}:${la.code}:postcodes`));
  const workers = new WorkerPool(rng, la.code, Math.max(3, Math.round(profile.referralsPerYear / 45)));
  let contactSeq = 0;
  let visitSeq = 0;
  const ctx: SimContext = {
    rng,
    profile,
    book,
    workers,
    horizon: opts.extract,
    eventsFrom: opts.windowStart - 400,
    windowStart: opts.windowStart,
    laUrn: `SC${100000 + (hashString(`${opts.seed}:${la.code}:urn`) % 900000)}`,
    nextId: (kind) => (kind === 'contact' ? ++contactSeq : ++visitSeq),
  };
  const ids = new ChildIds(hashString(`${opts.seed}:${la.code}:ids`) % 9000000);
  const children: SimChild[] = [];
  const upns = new Set<string>();
  const newChild = (dob: Day, uasc = false): SimChild => {
    const c = makeChild(rng, la, ids.next(), dob, { uasc, upnFrom: opts.extract, upns });
    children.push(c);
    return c;
  };

  const cinStart = opts.windowStart - 3 * 365;
  const careStart = opts.windowStart - 18 * 365;
  const uascPerDay = (profile.careEntriesPerYear * profile.uascShare) / 365;
  const careFrontDoor = profile.careEntriesPerYear * (1 - profile.uascShare);
  const pCare = careFrontDoor / profile.referralsPerYear;
  const meanChain = 1 / (1 - profile.rereferral * 0.8);
  const newPerDay = profile.referralsPerYear / meanChain / 365;

  const runChain = (child: SimChild, first: Day, forceCare: boolean, uasc: boolean): void => {
    let r = first;
    let force = forceCare;
    for (;;) {
      const age = ageOn(child.dob, r);
      const out = simulateReferral(ctx, child, r, {
        forceCare: force,
        uasc,
        pCare: Math.min(0.6, pCare * careWeight(age)),
      });
      force = false;
      if (out.closure === null || child.death !== null || uasc) return;
      if (!rng.chance(out.cpPlan ? Math.min(0.85, profile.rereferral + 0.2) : profile.rereferral)) return;
      let next = r + (rng.chance(0.75) ? rng.int(25, 364) : rng.int(365, 1400));
      // After a CP plan, concerns often return only years later: repeat plans within two years of the
      // last are a minority of repeat plans.
      if (next <= out.closure)
        next = out.closure + (out.cpPlan && rng.chance(0.65) ? rng.int(300, 1800) : rng.int(7, 90));
      if (next > ctx.horizon || next >= birthdayOf(child.dob, 18)) return;
      r = next;
    }
  };

  // The care population built up before the look-back window: children who came into care then.
  for (let d = careStart; d < cinStart; d++) {
    const n = rng.poisson((careFrontDoor * 1) / 365);
    for (let i = 0; i < n; i++) {
      const age = rng.weighted(CARE_AGE);
      const entry = d;
      const dob = entry - age * 365 - rng.int(0, 364);
      const child = newChild(dob);
      runChain(child, Math.max(dob, entry - rng.int(0, 20)), true, false);
    }
  }
  // Front door from the look-back window on.
  for (let d = cinStart; d <= opts.extract; d++) {
    const n = rng.poisson(newPerDay);
    for (let i = 0; i < n; i++) {
      const age = rng.weighted(REFERRAL_AGE);
      const dob = d - age * 365 - rng.int(0, 364);
      runChain(newChild(dob), d, false, false);
    }
  }
  // Unaccompanied asylum-seeking children.
  for (let d = careStart; d <= opts.extract; d++) {
    const n = rng.poisson(uascPerDay);
    for (let i = 0; i < n; i++) {
      const age = rng.weighted([
        [14, 1],
        [15, 3],
        [16, 5],
        [17, 3],
      ] as const);
      const dob = d - age * 365 - rng.int(0, 364);
      runChain(newChild(dob, true), d, true, true);
    }
  }
  // Contacts that went no further: new children, or children already known.
  const known = children.length;
  for (let d = opts.windowStart - 365; d <= opts.extract; d++) {
    const n = rng.poisson((profile.referralsPerYear * 1.25) / 365);
    for (let i = 0; i < n; i++) {
      const outcome = rng.weighted([
        ['nfa', 55],
        ['early-help', 30],
        ['other', 15],
      ] as const);
      if (rng.chance(0.35) && known > 0) {
        const c = children[rng.int(0, known - 1)]!;
        if (c.dob < d && (c.death === null || c.death > d) && d < birthdayOf(c.dob, 18)) {
          addContact(ctx, c, d, outcome);
          continue;
        }
      }
      const age = rng.weighted(REFERRAL_AGE);
      const c = newChild(d - age * 365 - rng.int(0, 364));
      addContact(ctx, c, d, outcome);
    }
  }
  for (const c of children) if (c.contacts.length > 1) c.contacts.sort((a, b) => a.received - b.received);
  return { children, workers: workers.workers, postcodes: book.entries };
}
