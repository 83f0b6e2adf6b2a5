import type { IsoDate } from '../../calendar/iso-date.js';
import type { BreakdownRow, Computation, ComputeContext, IndicatorInput, Member, Note } from '../types.js';
import { notAvailable } from './availability.js';
import { type Cell, breakdownBy, childBreakdowns } from './child-breakdowns.js';
import { type CareLeaverEntry, NOT_KNOWN_CODE, careLeaverAges, careLeaverCohort } from './care-leavers.js';
import { ukDate } from './uk-date.js';

/** How a care-leaver measure treats a cohort entry. */
export interface CareLeaverMeasure {
  /** A reason to leave the entry out of this measure (beyond the shared exclusions), or null. */
  exclude(entry: CareLeaverEntry): string | null;
  /** Is the entry in the numerator? */
  inNumerator(entry: CareLeaverEntry): boolean;
  /** The OC3 code the measure reads, for reasons ("Activity G5"). */
  describe(entry: CareLeaverEntry): string;
  /** Note code for the measure's own exclusions. */
  readonly excludedNote: string;
  /** An extra breakdown of the cohort (activity or accommodation group). */
  readonly group: { readonly name: string; cell(entry: CareLeaverEntry): Cell };
}

/**
 * Why a young person not in touch counts as not known, naming any codes the row carried instead.
 * @example notInTouchReason(entry) //=> '; not in touch (IN_TOUCH NO): counted as not known (row has activity G5, accommodation D1)'
 */
function notInTouchReason(c: CareLeaverEntry): string {
  if (c.recorded === null) return '';
  const { activity, accommodation } = c.recorded;
  const stale = activity !== NOT_KNOWN_CODE || accommodation !== NOT_KNOWN_CODE;
  const codes = `activity ${activity === '' ? 'blank' : activity}, accommodation ${accommodation === '' ? 'blank' : accommodation}`;
  return `; not in touch (IN_TOUCH ${c.inTouch}): counted as not known${stale ? ` (row has ${codes})` : ''}`;
}

/**
 * Computes a care-leaver percentage from the shared cohort (care-leavers-neet and
 * care-leavers-suitable-accommodation, indicators.md §2).
 * @example computeCareLeaverMeasure(input, ctx, neet).numerator //=> 5
 */
export function computeCareLeaverMeasure(
  input: IndicatorInput,
  ctx: ComputeContext,
  measure: CareLeaverMeasure,
): Computation {
  const cohort = careLeaverCohort(input, ctx);
  if (cohort.status === 'not-available') return notAvailable(cohort.missing);
  if (cohort.status === 'annual-only') {
    return { status: 'annual-only', numerator: 0, denominator: null, members: [], notes: cohort.notes };
  }
  const entries: CareLeaverEntry[] = [];
  const excluded = new Map<string, number>();
  for (const c of cohort.entries) {
    const why = measure.exclude(c);
    if (why === null) entries.push(c);
    else excluded.set(why, (excluded.get(why) ?? 0) + 1);
  }
  const notes = measureNotes(cohort.notes, excluded, measure.excludedNote);
  // A headline-only run (no members, no breakdowns) counts the entries without a member list to build.
  if (ctx.members === false && ctx.breakdowns === false) {
    let numerator = 0;
    for (const c of entries) if (measure.inNumerator(c)) numerator++;
    return { status: 'ok', numerator, denominator: entries.length, members: [], notes };
  }
  const members: Member[] = entries.map((c) => {
    const on = c.statusDate === null ? 'as returned in OC3' : `at ${ukDate(c.statusDate)}`;
    return {
      childId: c.childId,
      recordIds: [c.recordId],
      dates: { statusDate: c.statusDate } as Record<string, IsoDate | null>,
      inNumerator: measure.inNumerator(c),
      reason: `Aged ${c.age}; ${measure.describe(c)} ${on}${notInTouchReason(c)}${c.eligibility === 'derived' ? '; eligibility derived from SSDA903' : ''}`,
    };
  });
  return {
    status: 'ok',
    numerator: members.filter((m) => m.inNumerator).length,
    denominator: members.length,
    members,
    notes,
    ...(ctx.breakdowns === false
      ? {}
      : { breakdowns: careLeaverBreakdowns(input, ctx, measure, entries, members) }),
  };
}

/** The cohort's notes and, when the measure left entries out, its own note counting them by reason. */
function measureNotes(
  cohortNotes: readonly Note[],
  excluded: ReadonlyMap<string, number>,
  excludedNote: string,
): Note[] {
  const notes: Note[] = [...cohortNotes];
  const excludedTotal = [...excluded.values()].reduce((a, b) => a + b, 0);
  if (excludedTotal > 0) {
    notes.push({
      code: excludedNote,
      count: excludedTotal,
      detail: [...excluded].map(([why, n]) => `${n} ${why}`).join('; '),
    });
  }
  return notes;
}

/**
 * A care-leaver measure's breakdowns: age on the birthday in the period, sex, ethnicity and the measure's
 * own group (activity or accommodation). Not built for a headline-only run (`ctx.breakdowns` false).
 */
function careLeaverBreakdowns(
  input: IndicatorInput,
  ctx: ComputeContext,
  measure: CareLeaverMeasure,
  entries: readonly CareLeaverEntry[],
  members: readonly Member[],
): Record<string, BreakdownRow[]> {
  const byChild = new Map(entries.map((c) => [c.childId, c]));
  const ages = careLeaverAges(ctx);
  const ageOrder: Cell[] = [];
  for (let a = ages.min; a <= ages.max; a++) ageOrder.push({ key: String(a), label: `Aged ${a}` });
  const ageCell = (m: Member): Cell => {
    const age = byChild.get(m.childId)?.age;
    return age === undefined
      ? { key: 'unknown', label: 'Age not known' }
      : { key: String(age), label: `Aged ${age}` };
  };
  const { sex, ethnicity } = childBreakdowns(members, input.childrenById, ctx.period.end, 'percent');
  return {
    age: breakdownBy(members, ageCell, 'percent', ageOrder),
    sex,
    ethnicity,
    [measure.group.name]: breakdownBy(members, (m) => measure.group.cell(byChild.get(m.childId)!), 'percent'),
  };
}
