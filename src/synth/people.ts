import { type Rng, Weights } from './prng.js';
import type { LaInfo } from './la-table.js';
import { NO_EVENTS, type SimChild } from './sim-types.js';
import type { Day } from './day-calendar.js';

const ETHNICITY_PAIRS: readonly (readonly [string, number])[] = [
  ['WBRI', 65],
  ['WIRI', 0.3],
  ['WIRT', 0.4],
  ['WOTH', 4],
  ['WROM', 0.5],
  ['MWBC', 3],
  ['MWBA', 1],
  ['MWAS', 1],
  ['MOTH', 3],
  ['AIND', 1.5],
  ['APKN', 4],
  ['ABAN', 1],
  ['AOTH', 1.5],
  ['BCRB', 1],
  ['BAFR', 3],
  ['BOTH', 1],
  ['CHNE', 0.2],
  ['OOTH', 3],
  ['REFU', 0.5],
  ['NOBT', 2],
];
const ETHNICITY = new Weights<string>(ETHNICITY_PAIRS);
const ETHNICITY_LONDON = new Weights<string>(
  ETHNICITY_PAIRS.map(([c, w]) => [c, c === 'WBRI' ? w * 0.35 : w] as const),
);
const UASC_ETHNICITY = new Weights<string>([
  ['AOTH', 35],
  ['BAFR', 30],
  ['OOTH', 25],
  ['WOTH', 5],
  ['REFU', 5],
]);
const DISABILITIES = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA'];
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * A Unique Pupil Number: check letter, LA code, establishment, year and serial, with the DfE check
 * letter (weights 2–13 over characters 2–13, modulo 23).
 * @example upnFor('841', 4001, 15, 123) //=> 'X841400115123' with X the check letter
 */
export function upnFor(la: string, estab: number, yy: number, serial: number): string {
  const body = `${la}${String(estab).padStart(4, '0')}${String(yy % 100).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  return `${UPN_LETTERS[sum % 23]}${body}`;
}

/** Hands out unique child ids (7 digits, a fixed permutation of a counter so ids do not look sequential). */
export class ChildIds {
  private n = 0;
  constructor(private readonly offset: number) {}
  next(): string {
    const k = this.n++;
    return String(1000000 + ((k * 7919 + this.offset) % 9000000));
  }
}

/** Makes a child's fixed characteristics. The caller supplies the id, date of birth and home postcode. */
export function makeChild(
  rng: Rng,
  la: LaInfo,
  id: string,
  dob: Day,
  options: { uasc?: boolean; upnFrom?: Day; upns?: Set<string> } = {},
): SimChild {
  const uasc = options.uasc === true;
  const sex: 'M' | 'F' = uasc ? (rng.chance(0.92) ? 'M' : 'F') : rng.chance(0.52) ? 'M' : 'F';
  const ethnicity = rng.weighted(
    uasc ? UASC_ETHNICITY : la.region === 'London' ? ETHNICITY_LONDON : ETHNICITY,
  );
  const disabilities: string[] = [];
  if (!uasc && rng.chance(0.08)) {
    disabilities.push(rng.pick(DISABILITIES));
    if (rng.chance(0.3)) {
      const d = rng.pick(DISABILITIES);
      if (!disabilities.includes(d)) disabilities.push(d);
    }
    disabilities.sort();
  }
  // A UPN for children who reach school age in the data (not for UASC, who mostly have none).
  const schoolAge = options.upnFrom === undefined || dob + 5 * 365 < options.upnFrom;
  let upn: string | null = null;
  if (!uasc && schoolAge && rng.chance(0.95)) {
    const yy = Math.floor((dob + 5 * 365) / 365.25) + 1970;
    // Unique within the LA (two children never share a UPN): draw again on a clash.
    do upn = upnFor(la.code, rng.int(1000, 7999), yy, rng.int(1, 999));
    while (options.upns?.has(upn));
    options.upns?.add(upn);
  }
  return {
    id,
    upn,
    dob,
    sex,
    ethnicity,
    disabilities,
    death: null,
    homePost: '',
    uasc: null,
    motherOf: null,
    contacts: NO_EVENTS,
    referrals: NO_EVENTS,
    strategies: NO_EVENTS,
    cpVisits: NO_EVENTS,
    periods: NO_EVENTS,
    shortBreaks: NO_EVENTS,
    claVisits: NO_EVENTS,
    health: NO_EVENTS,
    reviews: NO_EVENTS,
    missing: NO_EVENTS,
    leaver: NO_EVENTS,
    allocations: NO_EVENTS,
  };
}
