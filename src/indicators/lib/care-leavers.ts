import { ageAt, birthday } from '../../calendar/age.js';
import { type IsoDate, addDays, daysBetween, maxDate, minDate } from '../../calendar/iso-date.js';
import { inWindow, isYearEnd } from '../../calendar/period.js';
import type { CareHistory } from '../../model/care-history.js';
import { lookedAfterOn } from '../../model/care-queries.js';
import type { Oc3Outcome } from '../../model/episode.js';
import type { CareLeaverStatus } from '../../model/local.js';
import type { TableName } from '../../model/source.js';
import { variant } from '../settings.js';
import type { ComputeContext, IndicatorInput, IndicatorSettings, Note } from '../types.js';
import { missingTables } from './availability.js';
import { uascExclusion } from './uasc.js';

/** The care-leaver ages of `careLeavers.ages` (default 19–21; option 17–18). */
export interface AgeRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Reads `careLeavers.ages`: `19-21` (default) or `17-18`; any other `a-b` is taken as written.
 * @example careLeaverAges(settings) //=> { min: 19, max: 21 }
 */
export function careLeaverAges(ctx: ComputeContext): AgeRange {
  const text = String(variant(ctx.settings, 'careLeavers.ages', '19-21'));
  const m = /^\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\s*$/.exec(text);
  if (!m || Number(m[1]) > Number(m[2])) return { min: 19, max: 21 };
  return { min: Number(m[1]), max: Number(m[2]) };
}

/**
 * The table a care-leaver measure reads under the settings (indicators.md care-leavers-neet "Data"):
 * local `care_leavers`, or OC3 under `careLeavers.cohort = oc3`. The engine's "not available" and
 * as-at checks use it (`IndicatorDefinition.sourcesUnder`).
 * @example careLeaverSources({ ...DEFAULT_SETTINGS, variants: { 'careLeavers.cohort': 'oc3' } }) //=> ['oc3']
 */
export function careLeaverSources(settings: IndicatorSettings): readonly TableName[] {
  return variant<string>(settings, 'careLeavers.cohort', 'local') === 'oc3' ? ['oc3'] : ['care-leavers'];
}

/** Result of the eligibility derivation from SSDA903 (indicators.md care-leavers-neet, §1.8). */
export interface DerivedEligibility {
  readonly eligible: boolean;
  /** Days looked after from the 14th birthday up to e: the sum of (DEC − DECOM), DEC day not counted. */
  readonly daysFrom14: number;
  /** At least one of those days is on or after the 16th birthday. */
  readonly dayAfter16: boolean;
  readonly lookedAfterAtE: boolean;
}

/**
 * Derives care-leaver eligibility from a care history (short breaks already removed): looked after for
 * at least 91 days in total from the 14th birthday, at least one of those days on or after the 16th
 * birthday, and not looked after at e. Each episode counts its days in [max(DECOM, 14th birthday),
 * DEC); an open episode counts up to e.
 * @example deriveEligibility(history, '2002-05-01', '2021-12-31').eligible //=> true
 */
export function deriveEligibility(
  history: CareHistory | undefined,
  dob: IsoDate,
  e: IsoDate,
): DerivedEligibility {
  if (history === undefined)
    return { eligible: false, daysFrom14: 0, dayAfter16: false, lookedAfterAtE: false };
  const b14 = birthday(dob, 14);
  const b16 = birthday(dob, 16);
  const dayAfterE = addDays(e, 1);
  let days = 0;
  let dayAfter16 = false;
  for (const p of history.periodsOfCare) {
    for (const ep of p.episodes) {
      const start = maxDate(ep.decom, b14);
      const end = ep.dec === null ? dayAfterE : minDate(ep.dec, dayAfterE);
      if (end <= start) continue;
      days += daysBetween(start, end);
      // The last counted day is end − 1; it is on or after the 16th birthday when end > b16.
      if (end > b16) dayAfter16 = true;
    }
  }
  const lookedAfterAtE = lookedAfterOn(history, e);
  return {
    eligible: days >= 91 && dayAfter16 && !lookedAfterAtE,
    daysFrom14: days,
    dayAfter16,
    lookedAfterAtE,
  };
}

/** One young person in the care-leaver cohort, with the status that decides the numerator. */
export interface CareLeaverEntry {
  readonly childId: string;
  /** The status row (care_leavers or OC3) that gives IN_TOUCH, ACTIV and ACCOM. */
  readonly recordId: string;
  readonly statusDate: IsoDate | null;
  readonly age: number;
  readonly inTouch: string;
  /** The ACTIV code the measures count: `0` (not known) when not in touch, else as recorded. */
  readonly activity: string;
  /** The ACCOM code the measures count: `0` (not known) when not in touch, else as recorded. */
  readonly accommodation: string;
  /** The codes on the row when not in touch replaced them with not known (see `asCounted`), else null. */
  readonly recorded: { readonly activity: string; readonly accommodation: string } | null;
  /** How eligibility was known: from the extract, derived from SSDA903, or implied by an OC3 row. */
  readonly eligibility: 'extract' | 'derived' | 'oc3';
}

/** The cohort, or why there is none. */
export type CareLeaverCohort =
  | { readonly status: 'ok'; readonly entries: readonly CareLeaverEntry[]; readonly notes: readonly Note[] }
  | { readonly status: 'not-available'; readonly missing: readonly TableName[] }
  | { readonly status: 'annual-only'; readonly notes: readonly Note[] };

const EXCLUDED_IN_TOUCH = new Set(['DIED', 'RHOM']);
const NOT_KNOWN_IN_TOUCH = new Set(['NO', 'REFU', 'NREQ']);

function norm(code: string | null): string {
  return (code ?? '').trim().toUpperCase();
}

/** The OC3 code for "not known" in ACTIV and ACCOM. */
export const NOT_KNOWN_CODE = '0';

/**
 * Whether IN_TOUCH says the LA is not in touch with the young person (NO, REFU or NREQ).
 * @example notInTouch('REFU') //=> true
 */
export function notInTouch(inTouch: string): boolean {
  return NOT_KNOWN_IN_TOUCH.has(norm(inTouch));
}

/**
 * The status a care-leaver measure counts (indicators.md care-leavers-neet "Exclusions": NO, REFU and
 * NREQ "stay in the cohort as not known"). Decided reading: when the LA is not in touch, activity and
 * accommodation are both not known (`0`) whatever codes the row carries, as in the DfE OC3 guidance
 * (the information is not known when the LA is not in touch), so such a young person is in neither
 * numerator and, in the suitable-accommodation measure, not removed by an ACCOM G, H or R either.
 * Otherwise the codes count as recorded. Codes are trimmed and upper-cased.
 * @example asCounted('NO', 'G5', 'D1') //=> { activity: '0', accommodation: '0', recorded: { activity: 'G5', accommodation: 'D1' } }
 * @example asCounted('YES', 'g5', 'D1') //=> { activity: 'G5', accommodation: 'D1', recorded: null }
 */
export function asCounted(
  inTouch: string | null,
  activity: string | null,
  accommodation: string | null,
): Pick<CareLeaverEntry, 'activity' | 'accommodation' | 'recorded'> {
  const recorded = { activity: norm(activity), accommodation: norm(accommodation) };
  if (!notInTouch(norm(inTouch))) return { ...recorded, recorded: null };
  return { activity: NOT_KNOWN_CODE, accommodation: NOT_KNOWN_CODE, recorded };
}

/** The latest status row dated ≤ e of each young person (a later row in the file wins a tie). */
function latestStatus(rows: readonly CareLeaverStatus[], e: IsoDate): Map<string, CareLeaverStatus> {
  const out = new Map<string, CareLeaverStatus>();
  for (const r of rows) {
    if (r.statusDate > e) continue;
    const prev = out.get(r.childId);
    if (prev === undefined || r.statusDate >= prev.statusDate) out.set(r.childId, r);
  }
  return out;
}

/**
 * The care-leaver cohort at e shared by care-leavers-neet and care-leavers-suitable-accommodation
 * (indicators.md §2, §1.8): local `care_leavers` rows with eligibility relevant or former relevant
 * (derived from SSDA903 where blank), aged `careLeavers.ages` at e, status = latest row ≤ e; without a
 * row ≤ e or a date of birth (note `noDob`) a young person is not in it. IN_TOUCH DIED or RHOM and, under
 * `excludeUasc`, UASC on e leave it; NO, REFU and NREQ stay with activity and accommodation not known
 * (`asCounted`: the row's codes are replaced by `0`, note `inTouchNotKnown`). With
 * `careLeavers.cohort = oc3` (annual) the OC3 rows of the year whose birthday at the chosen ages falls in
 * [fy, e] are the cohort, with the status as returned.
 * @example careLeaverCohort(input, ctx) //=> { status: 'ok', entries: [...], notes: [...] }
 */
export function careLeaverCohort(input: IndicatorInput, ctx: ComputeContext): CareLeaverCohort {
  const e = ctx.period.end;
  const ages = careLeaverAges(ctx);
  const oc3 = variant<string>(ctx.settings, 'careLeavers.cohort', 'local') === 'oc3';
  const notes: Note[] = [];
  if (oc3) {
    const missing = missingTables(input, ['oc3']);
    if (missing.length > 0) return { status: 'not-available', missing };
    if (!isYearEnd(ctx.period)) {
      return {
        status: 'annual-only',
        notes: [{ code: 'reportedAnnually', detail: 'OC3 cohort (31 March)' }],
      };
    }
  } else {
    const missing = missingTables(input, ['care-leavers']);
    if (missing.length > 0) return { status: 'not-available', missing };
  }
  const candidates = oc3 ? oc3Candidates(input, ctx, ages, notes) : localCandidates(input, ctx, ages, notes);
  const uasc = uascExclusion(input.data, ctx.settings, e);
  const entries: CareLeaverEntry[] = [];
  let excludedInTouch = 0;
  let uascRemoved = 0;
  let notKnown = 0;
  for (const c of candidates) {
    if (EXCLUDED_IN_TOUCH.has(c.inTouch)) {
      excludedInTouch += 1;
      continue;
    }
    if (uasc.has(c.childId)) {
      uascRemoved += 1;
      continue;
    }
    if (notInTouch(c.inTouch)) notKnown += 1;
    entries.push(c);
  }
  if (excludedInTouch > 0) {
    notes.push({ code: 'excludedInTouch', count: excludedInTouch, detail: 'IN_TOUCH DIED or RHOM' });
  }
  if (notKnown > 0) {
    notes.push({
      code: 'inTouchNotKnown',
      count: notKnown,
      detail: 'IN_TOUCH NO, REFU or NREQ: kept as not known',
    });
  }
  notes.push({ code: 'careLeaverAges', detail: `aged ${ages.min} to ${ages.max}` });
  notes.push(...uasc.notes(uascRemoved));
  return { status: 'ok', entries, notes };
}

function localCandidates(
  input: IndicatorInput,
  ctx: ComputeContext,
  ages: AgeRange,
  notes: Note[],
): CareLeaverEntry[] {
  const e = ctx.period.end;
  const out: CareLeaverEntry[] = [];
  let noDob = 0;
  let derived = 0;
  let derivedWithoutEpisodes = 0;
  const haveEpisodes = input.data.tables.has('episodes');
  for (const row of latestStatus(input.data.careLeavers, e).values()) {
    const dob = input.childrenById.get(row.childId)?.dob ?? null;
    if (dob === null) {
      noDob += 1;
      continue;
    }
    const age = ageAt(dob, e);
    if (age < ages.min || age > ages.max) continue;
    let eligibility: CareLeaverEntry['eligibility'] = 'extract';
    if (row.eligibility === null) {
      derived += 1;
      if (!haveEpisodes) derivedWithoutEpisodes += 1;
      if (!deriveEligibility(input.careHistories.get(row.childId), dob, e).eligible) continue;
      eligibility = 'derived';
    } else if (row.eligibility !== 'relevant' && row.eligibility !== 'former-relevant') {
      continue;
    }
    out.push({
      childId: row.childId,
      recordId: row.id,
      statusDate: row.statusDate,
      age,
      inTouch: norm(row.inTouch),
      ...asCounted(row.inTouch, row.activity, row.accommodation),
      eligibility,
    });
  }
  if (noDob > 0) notes.push({ code: 'noDob', count: noDob, detail: 'no date of birth in SSDA903 or CIN' });
  if (derived > 0) {
    notes.push({
      code: 'eligibilityDerived',
      count: derived,
      detail:
        derivedWithoutEpisodes > 0
          ? `${derivedWithoutEpisodes} could not be derived: no SSDA903 episodes loaded`
          : 'eligibility blank in the extract: derived from SSDA903 episodes',
    });
  }
  return out;
}

function oc3Candidates(
  input: IndicatorInput,
  ctx: ComputeContext,
  ages: AgeRange,
  notes: Note[],
): CareLeaverEntry[] {
  const fy = ctx.period.yearStart;
  const e = ctx.period.end;
  const window = { start: fy, end: e };
  const seen = new Set<string>();
  const out: CareLeaverEntry[] = [];
  let noDob = 0;
  const rows: Oc3Outcome[] = input.data.oc3.filter(
    (r) => r.year === '' || r.year === ctx.period.financialYear,
  );
  for (const r of rows) {
    if (seen.has(r.childId)) continue;
    const dob = r.dob ?? input.childrenById.get(r.childId)?.dob ?? null;
    if (dob === null) {
      noDob += 1;
      continue;
    }
    let age: number | null = null;
    for (let a = ages.min; a <= ages.max; a++) if (inWindow(birthday(dob, a), window)) age = a;
    if (age === null) continue;
    seen.add(r.childId);
    out.push({
      childId: r.childId,
      recordId: r.id,
      statusDate: null,
      age,
      inTouch: norm(r.inTouch),
      ...asCounted(r.inTouch, r.activ, r.accom),
      eligibility: 'oc3',
    });
  }
  if (noDob > 0)
    notes.push({ code: 'noDob', count: noDob, detail: 'no date of birth in OC3, SSDA903 or CIN' });
  return out;
}

/** Activity groups of the OC3 ACTIV code, for breakdowns. */
export function activityGroup(activity: string): { key: string; label: string } {
  if (/^G[456]$/.test(activity)) return { key: 'neet', label: 'NEET' };
  if (/^[FP][12]$/.test(activity)) return { key: 'education', label: 'In education' };
  if (/^[FP][345]$/.test(activity)) return { key: 'training-employment', label: 'In training or employment' };
  return { key: 'not-known', label: 'Not known' };
}
