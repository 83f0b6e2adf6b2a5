import { Weights } from './prng.js';
import type { SimContext } from './sim-context.js';
import { addEvent, type SimAdoption, type SimChild, type SimEpisode, type SimPeriod } from './sim-types.js';
import { type Day, ageOn, birthdayOf, day } from './day-calendar.js';
import { endYearOf } from './collection-years.js';
import { careEvents } from './care-events.js';
import { simulateLeaver } from './simulate-leaver.js';

/** A carer (the unit of a placement): PLACE, provider, postcode and URN. */
interface Carer {
  place: string;
  readonly provider: string;
  readonly post: string;
  readonly urn: string;
  readonly key: number;
  readonly start: Day;
}

interface Fate {
  end: Day;
  rec: string;
  kind: 'home' | 'adopt' | 'sgo' | 'cao' | 'to18' | 'long' | 'other' | 'died';
}

const INF = Number.MAX_SAFE_INTEGER;
/** Episodes in H5/P2 (valid to 2023-24) and Z1 (to 2024-25) still open are recoded (RNE T) on 1 April after;
 * the old code's episode then shows once in the next year, ending on its first day (H5 is legacy then). */
const H5_LAST = day('2024-03-31');
const Z1_LAST = day('2025-03-31');
const TEMP_CODES = new Weights<string>([
  ['T1', 30],
  ['T2', 10],
  ['T3', 35],
  ['T4', 25],
]);
const LEGAL_STATUS = new Weights([
  ['V2', 45],
  ['C1', 34],
  ['L1', 8],
  ['L2', 5],
] as const);
const ADOPTER_SEX_TWO = new Weights([
  ['MF', 85],
  ['MM', 8],
  ['FF', 7],
] as const);
const ADOPTER_LS_TWO = new Weights([
  ['L0', 70],
  ['L11', 8],
  ['L12', 2],
  ['L2', 20],
] as const);
const STABILITY_CLASS = new Weights([
  ['stable', 76.5],
  ['mid', 17.5],
  ['unstable', 6],
] as const);
const FATE_UNDER_5 = new Weights([
  ['adopt', 28],
  ['sgo', 20],
  ['home', 27],
  ['cao', 5],
  ['long', 20],
] as const);
const FATE_5_TO_11 = new Weights([
  ['home', 42],
  ['sgo', 8],
  ['cao', 4],
  ['to18', 46],
] as const);
const FATE_12_TO_15 = new Weights([
  ['home', 45],
  ['to18', 50],
  ['other', 5],
] as const);
const FATE_16_17 = new Weights([
  ['home', 35],
  ['to18', 65],
] as const);
const REC_HOME = new Weights([
  ['E4A', 75],
  ['E4B', 15],
  ['E13', 10],
] as const);
const REC_SGO = new Weights([
  ['E47', 50],
  ['E48', 15],
  ['E45', 25],
  ['E46', 10],
  ['E41', 10],
  ['E4A', 10],
] as const);
const REC_OTHER_UASC = new Weights([
  ['E3', 5],
  ['E15', 4],
  ['E16', 1],
] as const);
const REC_OTHER = new Weights([
  ['E9', 4],
  ['E8', 4],
  ['E3', 2],
  ['E16', 1],
] as const);
const REC_AT_18_UASC = new Weights([
  ['E5', 55],
  ['E6', 5],
  ['E8', 25],
  ['E17', 15],
] as const);
const REC_AT_18 = new Weights([
  ['E17', 28],
  ['E5', 32],
  ['E6', 5],
  ['E7', 4],
  ['E4A', 16],
  ['E8', 15],
] as const);
const PREV_PERM = new Weights([
  ['Z1', 85],
  ['P1', 2],
  ['P2', 6],
  ['P3', 4],
  ['P4', 3],
] as const);
const PLACE_UASC = new Weights([
  ['H5', 45],
  ['U6', 35],
  ['K2', 20],
] as const);
const PLACE_UNDER_1 = new Weights([
  ['U6', 62],
  ['U5', 10],
  ['U3', 15],
  ['R3', 5],
  ['P1', 5],
  ['U4', 3],
] as const);
const PLACE_1_TO_10 = new Weights([
  ['U6', 55],
  ['U4', 10],
  ['U3', 14],
  ['U1', 6],
  ['P1', 7],
  ['K2', 3],
  ['S1', 1],
  ['Z1', 0.5],
] as const);
const PLACE_11_TO_15 = new Weights([
  ['U6', 45],
  ['U4', 9],
  ['U3', 8],
  ['U1', 4],
  ['K2', 21],
  ['K1', 1],
  ['P1', 6],
  ['R5', 1],
  ['S1', 2],
  ['Z1', 1],
] as const);
const PLACE_16_17 = new Weights([
  ['U6', 30],
  ['U4', 8],
  ['U3', 5],
  ['K2', 16],
  ['H5', 30],
  ['P2', 4],
  ['P1', 5],
  ['Z1', 2],
] as const);
const PROVIDER_FOSTER = new Weights([
  ['PR1', 60],
  ['PR4', 35],
  ['PR5', 5],
] as const);
const PROVIDER_RESIDENTIAL = new Weights([
  ['PR4', 70],
  ['PR1', 20],
  ['PR5', 10],
] as const);
const PROVIDER_ADOPTION = new Weights([
  ['PR1', 60],
  ['PR2', 15],
  ['PR5', 25],
] as const);
const MOVE_REASONS = new Weights<string>([
  ['CARPL', 35],
  ['CREQB', 12],
  ['CREQO', 10],
  ['CHILD', 8],
  ['LAREQ', 8],
  ['ALLEG', 3],
  ['STAND', 3],
  ['APPRR', 2],
  ['CLOSE', 3],
  ['OTHER', 16],
]);

/**
 * A period of care from `entry`: fate and length by age, legal status changes (L), moves (P, B),
 * same-carer changes (T, U), temporary placements with returns, an adoption track for some young
 * children, then the events that go with it (reviews, visits, health, missing) and, for older
 * leavers, the care-leaver statuses.
 */
export function simulateCare(
  ctx: SimContext,
  child: SimChild,
  entry: Day,
  route: { need: string; uasc: boolean },
): SimPeriod {
  const { rng, profile } = ctx;
  const age = ageOn(child.dob, entry);
  const b18 = birthdayOf(child.dob, 18);
  if (route.uasc) child.uasc = { duc: b18 };
  if (child.homePost === '') child.homePost = ctx.book.local();
  // Back in care: care-leaver statuses planned after an earlier period stop here.
  if (child.leaver.length > 0) child.leaver = child.leaver.filter((s) => s.date < entry);
  const fate = chooseFate(ctx, age, entry, b18, route.uasc);
  const hardStop = ctx.horizon + 400;
  const keyBase = child.periods.length * 1000;
  let keyN = 0;

  // Legal status plan.
  let ls: string;
  if (route.uasc) ls = 'V2';
  else if (age >= 10 && rng.chance(0.02)) ls = 'J1';
  else ls = rng.weighted(LEGAL_STATUS);
  const lsPlan: { at: Day; ls: string }[] = [];
  let t0 = entry;
  let cur0 = ls;
  if (cur0 === 'L1' || cur0 === 'L2') {
    t0 += rng.int(1, 3);
    cur0 = rng.chance(0.65) ? 'C1' : 'V2';
    lsPlan.push({ at: t0, ls: cur0 });
  }
  if (cur0 === 'V2' && !route.uasc && rng.chance(fate.kind === 'home' ? 0.12 : 0.7)) {
    t0 += rng.int(30, 300);
    cur0 = 'C1';
    lsPlan.push({ at: t0, ls: 'C1' });
  }
  if (cur0 === 'C1') {
    t0 += rng.int(110, 330);
    lsPlan.push({ at: t0, ls: 'C2' });
  }
  let adoptionAt = INF;
  let adoption: SimAdoption | null = null;
  if (fate.kind === 'adopt') {
    const e1 = Math.max(t0 + 20, entry + Math.round((fate.end - entry) * (0.35 + 0.2 * rng.next())));
    lsPlan.push({ at: e1, ls: 'E1' });
    adoptionAt = e1 + rng.int(40, 160);
    if (adoptionAt + 60 > fate.end) fate.end = adoptionAt + rng.int(90, 300);
    const fosterCare = rng.chance(0.25);
    adoption = {
      decision: e1 - rng.int(20, 90),
      match: adoptionAt - rng.int(5, 40),
      placedCeased: fate.end,
      placedCeasedReason: 'RD1',
      fosterCare,
      adopters: {
        nb: rng.chance(0.8) ? 2 : 1,
        sex: '',
        ls: '',
      },
    };
    const two = adoption.adopters.nb === 2;
    adoption.adopters.sex = two ? rng.weighted(ADOPTER_SEX_TWO) : rng.chance(0.85) ? 'F1' : 'M1';
    adoption.adopters.ls = two ? rng.weighted(ADOPTER_LS_TWO) : rng.chance(0.5) ? 'L3' : 'L4';
  }
  if (ls === 'J1') lsPlan.length = 0;
  lsPlan.sort((a, b) => a.at - b.at);

  // Placement stability of this child.
  const cls = rng.weighted(STABILITY_CLASS);
  const meanDays = (cls === 'stable' ? 8000 : cls === 'mid' ? 400 : 90) / profile.instability;
  // A planned move for some children staying long: from a short-term carer to their long-term (permanent)
  // carer, two months to two years in (what keeps England's long-term stability near 71%).
  let plannedMove =
    cls === 'stable' && (fate.kind === 'to18' || fate.kind === 'long') && !route.uasc && rng.chance(0.12);
  const placementDays = (first: boolean): number => {
    if (first && rng.chance(0.15)) return rng.int(3, 45);
    if (plannedMove) {
      plannedMove = false;
      return rng.int(60, 720);
    }
    return Math.max(7, Math.round(rng.exponential(meanDays * (ageOn(child.dob, entry) >= 12 ? 0.8 : 1))));
  };

  const period: SimPeriod = {
    start: entry,
    end: null,
    episodes: [],
    longTerm: [],
    prevPerm: prevPerm(ctx, child, entry),
    adoption,
  };
  const newCarer = (t: Day, kind?: string): Carer => {
    const c = chooseCarer(ctx, child, t, route.uasc, kind, keyBase + keyN++);
    if ((c.place === 'U4' || c.place === 'U1' || (c.place === 'K2' && rng.chance(0.05))) && rng.chance(0.8)) {
      period.longTerm.push({ placementStart: t, from: t + rng.int(0, 120) });
    }
    return c;
  };
  const push = (decom: Day, rne: string, c: Carer, temp?: string): SimEpisode => {
    const e: SimEpisode = {
      decom,
      rne,
      ls,
      cin: route.need,
      place: temp ?? c.place,
      provider: temp ? '' : c.provider,
      dec: null,
      rec: null,
      reasonChange: null,
      plPost: temp ? '' : c.post,
      urn: temp ? '' : c.urn,
      placementKey: c.key,
    };
    period.episodes.push(e);
    return e;
  };
  const close = (e: SimEpisode, d: Day, rec: string, reason: string | null): void => {
    e.dec = d;
    e.rec = rec;
    e.reasonChange = reason;
  };

  let carer = newCarer(entry);
  let cur = push(entry, 'S', carer);
  let nextMove = entry + placementDays(true);
  let nextTemp = entry + Math.round(rng.exponential(2400));
  let nextType = typeChangeAt(ctx, carer, fate);
  let semiInd = INF;
  if ((fate.kind === 'to18' || route.uasc) && rng.chance(0.45)) {
    semiInd = Math.max(entry + 30, birthdayOf(child.dob, 16) + rng.int(120, 500));
  }
  let lsIdx = 0;
  for (;;) {
    const nextLs = lsIdx < lsPlan.length ? lsPlan[lsIdx]!.at : INF;
    const recode =
      (carer.place === 'H5' || carer.place === 'P2') && cur.decom <= H5_LAST
        ? H5_LAST + 1
        : carer.place === 'Z1' && cur.decom <= Z1_LAST
          ? Z1_LAST + 1
          : INF;
    const t = Math.min(nextLs, nextMove, nextTemp, nextType, adoptionAt, semiInd, recode);
    if (t === cur.decom && t < fate.end) {
      // Two changes on one day would leave a zero-length episode and a second episode starting the
      // same day (a duplicate key): the later change waits until the next day.
      if (nextLs === t) lsPlan[lsIdx] = { at: t + 1, ls: lsPlan[lsIdx]!.ls };
      if (nextMove === t) nextMove++;
      if (nextTemp === t) nextTemp++;
      if (nextType === t) nextType++;
      if (adoptionAt === t) adoptionAt++;
      if (semiInd === t) semiInd++;
      continue;
    }
    if (t >= fate.end) {
      if (fate.end > hardStop) break;
      close(cur, fate.end, fate.rec, null);
      period.end = fate.end;
      break;
    }
    if (t > hardStop) break;
    if (t === nextLs) {
      ls = lsPlan[lsIdx++]!.ls;
      if (nextMove - t < 10 && nextMove !== INF && adoptionAt === INF) {
        carer = newCarer(t);
        close(cur, t, 'X1', rng.weighted(MOVE_REASONS));
        cur = push(t, 'B', carer);
        nextMove = t + placementDays(false);
        nextType = typeChangeAt(ctx, carer, fate);
      } else if (ls === 'E1' && adoptionAt - t < 5) {
        close(cur, t, 'X1', 'PLACE');
        carer.place = 'A5';
        cur = push(t, 'U', carer);
        adoptionAt = INF;
      } else {
        close(cur, t, 'X1', null);
        cur = push(t, 'L', carer);
      }
    } else if (t === adoptionAt) {
      adoptionAt = INF;
      nextMove = INF;
      nextType = INF;
      if (adoption?.fosterCare) {
        close(cur, t, 'X1', 'PLACE');
        carer = { ...carer, place: 'A5' };
        cur = push(t, 'T', carer);
      } else {
        close(cur, t, 'X1', 'CARPL');
        carer = newCarer(t, 'A6');
        cur = push(t, 'P', carer);
      }
    } else if (t === nextMove) {
      carer = newCarer(t);
      close(cur, t, 'X1', rng.weighted(MOVE_REASONS));
      cur = push(t, 'P', carer);
      nextMove = t + placementDays(false);
      nextType = typeChangeAt(ctx, carer, fate);
    } else if (t === nextTemp) {
      nextTemp = t + Math.round(rng.exponential(2400)) + 30;
      const code = rng.weighted(TEMP_CODES);
      const len = code === 'T4' ? rng.int(1, 7) : code === 'T1' ? rng.int(2, 20) : rng.int(5, 14);
      const back = t + len;
      const busy = Math.min(nextLs, nextMove, nextType, adoptionAt, semiInd, recode);
      if (back >= fate.end || back >= busy || cur.place.startsWith('A') || cur.place === 'P1') continue;
      close(cur, t, 'X1', 'OTHER');
      const temp = push(t, 'P', carer, code);
      close(temp, back, 'X1', null);
      cur = push(back, 'P', carer);
    } else if (t === nextType) {
      nextType = INF;
      const to = carer.place === 'U6' ? 'U4' : carer.place === 'U3' ? 'U1' : carer.place;
      if (to === carer.place) continue;
      close(cur, t, 'X1', 'PLACE');
      carer = { ...carer, place: to };
      cur = push(t, 'T', carer);
      period.longTerm.push({ placementStart: carer.start, from: t });
    } else if (t === semiInd) {
      semiInd = INF;
      carer = newCarer(t, endYearOf(t) >= 2025 ? 'K3' : 'H5');
      close(cur, t, 'X1', 'CARPL');
      cur = push(t, 'P', carer);
      nextMove = t + Math.max(60, Math.round(rng.exponential(600)));
      nextType = INF;
    } else if (t === recode) {
      const to = carer.place === 'Z1' ? rng.pick(['Z11', 'Z12', 'Z13', 'Z14']) : 'K3';
      close(cur, t, 'X1', 'PLACE');
      carer = { ...carer, place: to };
      cur = push(t, 'T', carer);
    }
  }
  // Long-term agreements only for placements that lasted to their long_term_from.
  const placementEnd = new Map<number, Day | null>();
  for (const e of period.episodes) placementEnd.set(e.placementKey, e.dec);
  const startOfKey = new Map<Day, number>();
  for (const e of period.episodes)
    if (!startOfKey.has(e.decom) && e.rne !== 'L') startOfKey.set(e.decom, e.placementKey);
  const kept = period.longTerm.filter((lt) => {
    const key = startOfKey.get(lt.placementStart);
    if (key === undefined) return false;
    const end = placementEnd.get(key);
    return end === null || end === undefined || lt.from < end;
  });
  period.longTerm.length = 0;
  const seen = new Set<number>();
  for (const lt of kept) {
    if (seen.has(lt.placementStart)) continue;
    seen.add(lt.placementStart);
    period.longTerm.push(lt);
  }
  if (fate.kind === 'died' && period.end !== null) child.death = period.end;
  if (child.sex === 'F' && age >= 13 && rng.chance(0.03)) {
    const d = Math.max(entry, birthdayOf(child.dob, 15)) + rng.int(30, 700);
    if (period.end === null ? d <= ctx.horizon : d < period.end) child.motherOf = d;
  }
  addEvent(child, 'periods', period);
  careEvents(ctx, child, period);
  if (period.end !== null && fate.kind !== 'died' && fate.kind !== 'adopt')
    simulateLeaver(ctx, child, period);
  return period;
}

function chooseFate(ctx: SimContext, age: number, entry: Day, b18: Day, uasc: boolean): Fate {
  const { rng } = ctx;
  let kind: Fate['kind'];
  if (uasc) kind = rng.chance(0.1) ? 'other' : 'to18';
  else if (rng.chance(0.0015)) kind = 'died';
  else if (age < 5) kind = rng.weighted(FATE_UNDER_5);
  else if (age < 12) kind = rng.weighted(FATE_5_TO_11);
  else if (age < 16) kind = rng.weighted(FATE_12_TO_15);
  else kind = rng.weighted(FATE_16_17);
  let days: number;
  switch (kind) {
    case 'home':
      days = rng.chance(0.7) ? rng.int(7, 180) : rng.int(181, 900);
      break;
    case 'adopt':
      days = rng.int(420, 1000);
      break;
    case 'sgo':
      days = rng.int(250, 1100);
      break;
    case 'cao':
      days = rng.int(200, 900);
      break;
    case 'long':
      days = rng.int(900, 3000);
      break;
    case 'other':
    case 'died':
      days = rng.int(30, 700);
      break;
    default:
      days = b18 - entry;
  }
  let end = entry + days;
  if (end >= b18) {
    end = b18;
    kind = kind === 'died' ? 'died' : 'to18';
  }
  let rec: string;
  switch (kind) {
    case 'home':
      rec = rng.weighted(REC_HOME);
      break;
    case 'adopt':
      rec = rng.chance(0.9) ? 'E11' : 'E12';
      break;
    case 'sgo':
    case 'long':
      rec = rng.weighted(REC_SGO);
      break;
    case 'cao':
      rec = 'E41';
      break;
    case 'died':
      rec = 'E2';
      break;
    case 'other':
      rec = uasc ? rng.weighted(REC_OTHER_UASC) : rng.weighted(REC_OTHER);
      break;
    default:
      rec = uasc ? rng.weighted(REC_AT_18_UASC) : rng.weighted(REC_AT_18);
  }
  return { end, rec, kind };
}

function typeChangeAt(ctx: SimContext, carer: Carer, fate: Fate): Day {
  if (
    (carer.place === 'U6' || carer.place === 'U3') &&
    (fate.kind === 'to18' || fate.kind === 'long') &&
    ctx.rng.chance(0.55)
  ) {
    return carer.start + ctx.rng.int(150, 700);
  }
  return INF;
}

function prevPerm(ctx: SimContext, child: SimChild, entry: Day): SimPeriod['prevPerm'] {
  const { rng } = ctx;
  const code = rng.weighted(PREV_PERM);
  if (code === 'Z1') return { code, la: null, date: null };
  const date = child.dob + Math.floor((entry - child.dob) * (0.2 + 0.6 * rng.next()));
  return {
    code,
    la: rng.chance(0.8) ? ctx.profile.la.code : rng.pick(['330', '841', '390', '886', '306']),
    date,
  };
}

/** PLACE, provider, postcode and URN of a new carer for a child of this age. */
function chooseCarer(
  ctx: SimContext,
  child: SimChild,
  t: Day,
  uasc: boolean,
  kind: string | undefined,
  key: number,
): Carer {
  const { rng, book, profile } = ctx;
  const age = ageOn(child.dob, t);
  let place: string =
    kind ??
    (uasc
      ? rng.weighted(PLACE_UASC)
      : age < 1
        ? rng.weighted(PLACE_UNDER_1)
        : age < 11
          ? rng.weighted(PLACE_1_TO_10)
          : age < 16
            ? rng.weighted(PLACE_11_TO_15)
            : rng.weighted(PLACE_16_17));
  if ((place === 'H5' || place === 'P2') && t > H5_LAST) place = 'K3';
  if (place === 'Z1' && t > Z1_LAST) place = rng.pick(['Z11', 'Z12', 'Z13', 'Z14']);
  let provider: string;
  if (place === 'P1') provider = 'PR0';
  else if (place.startsWith('Z')) provider = '';
  else if (place === 'U1' || place === 'U2' || place === 'U3') provider = 'PR1';
  else if (place === 'U4' || place === 'U5' || place === 'U6') provider = rng.weighted(PROVIDER_FOSTER);
  else if (place === 'K2' || place === 'H5' || place === 'K3') provider = rng.weighted(PROVIDER_RESIDENTIAL);
  else if (place === 'A5' || place === 'A6') provider = rng.weighted(PROVIDER_ADOPTION);
  else if (place === 'R1' || place === 'R5' || place === 'K1') provider = 'PR3';
  else if (place === 'S1') provider = 'PR5';
  else provider = 'PR4';
  // Where: near home, in the LA, or away (most residential and secure placements are away).
  const farScale = (profile.far / 0.14) * 0.8;
  const pAway =
    place === 'P1'
      ? 0
      : place === 'K1' || place === 'S1' || place === 'R5'
        ? 0.85
        : place === 'K2'
          ? Math.min(0.9, 0.55 * farScale)
          : place.startsWith('U1') || place === 'U2' || place === 'U3'
            ? Math.min(0.6, 0.2 * farScale)
            : provider === 'PR1'
              ? Math.min(0.5, 0.05 * farScale)
              : Math.min(0.7, 0.25 * farScale);
  let post: string;
  if (place === 'P1') post = rng.chance(0.6) ? child.homePost : book.near(child.homePost, 2500);
  else if (rng.chance(0.005)) post = book.unlisted();
  else if (rng.chance(pAway))
    post = book.away(rng.chance(0.8) ? 14 + rng.exponential(25) : 8 + rng.int(0, 12));
  else post = rng.chance(0.5) ? book.near(child.homePost, 8000) : book.local();
  const regulated = ['K1', 'K2', 'K3', 'R1', 'R3', 'R5', 'S1'].includes(place);
  const agency =
    (place === 'U4' || place === 'U5' || place === 'U6' || place === 'A5' || place === 'A6') &&
    provider !== 'PR1';
  const urn =
    regulated || agency
      ? `SC${rng.int(100000, 999999)}`
      : place.startsWith('U') || place.startsWith('A')
        ? ctx.laUrn
        : 'XXXXXXX';
  return { place, provider, post, urn, key, start: t };
}
