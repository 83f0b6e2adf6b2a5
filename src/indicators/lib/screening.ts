import type { IsoDate } from '../../calendar/iso-date.js';
import { type DateWindow, inWindow } from '../../calendar/period.js';
import type { Contact } from '../../model/local.js';
import { variant } from '../settings.js';
import type {
  BreakdownRow,
  ComputeContext,
  DefinitionText,
  IndicatorInput,
  IndicatorSettings,
  Member,
  Note,
} from '../types.js';
import { breakdownRow } from './breakdown.js';
import { countNote } from './notes.js';
import { sharedView } from './shared-view.js';
import { windowOf } from './window.js';
import { wd, workingDaysText } from './working-days.js';

/** One contact in a screening cohort, with its working days from receipt to decision (or to as-at). */
export interface ScreeningCase {
  readonly contact: Contact;
  readonly days: number;
  /** Not yet decided at the as-at date (the `screening.cohortBy = received` variant only). */
  readonly undecided: boolean;
}

/** A screening cohort (referrals-decided-1wd and -over-3wd, indicators.md §2). */
export interface ScreeningCohort {
  readonly cases: readonly ScreeningCase[];
  readonly notes: readonly (Note | null)[];
  readonly breakdown: readonly BreakdownRow[];
}

function awaiting(input: IndicatorInput, ctx: ComputeContext, asAt: IsoDate): Note | null {
  const e = ctx.period.end;
  const at = asAt < e ? asAt : e;
  const open = input.data.contacts.filter(
    (c) =>
      (c.outcome === null || c.outcome === 'referral') &&
      c.receivedDate <= e &&
      (c.decidedDate === null || c.decidedDate > e),
  );
  if (open.length === 0) return null;
  const oldest = open.reduce((a, b) => (b.receivedDate < a.receivedDate ? b : a));
  const age = Math.max(0, wd(ctx.settings, oldest.receivedDate, at));
  return countNote('awaitingDecision', open.length, `oldest ${workingDaysText(age)}`);
}

/**
 * Working days after receipt beyond which a contact still undecided at as-at joins the received cohort
 * (`screening.cohortBy = received`): referrals-decided-1wd's own threshold.
 */
const LATE_AFTER = 1;

/**
 * The screening cohort: `contacts` with outcome referral decided in the window (default), or received in
 * it (`screening.cohortBy = received`, where a row still undecided at as-at joins as late once
 * wd(received, as-at) > 1). A decision before receipt leaves the cohort (note `invalidDates`).
 * Also returns the note `awaitingDecision` and the exclusive timeliness bands.
 *
 * One cohort serves both measures. indicators.md §2 referrals-decided-over-3wd has "Same cohort, basis and
 * variants as referrals-decided-1wd", so under cohortBy = received an undecided contact enters the
 * over-3wd denominator exactly when it enters the 1wd one (once more than 1 working day old), and the
 * over-3wd numerator only once wd(received, as-at) > 3 (it is already late for 1wd, not yet for 3wd). The
 * two percentages therefore share a denominator and add up with the "over 1 and up to 3" band, as the
 * timeliness breakdown shows.
 *
 * Units (indicators.md §1.7 against §2's "`contacts` rows"): one case per contacts row, keyed by contact_id
 * (inputs.md §5). A child's several contacts that became referrals count once each, even two received the
 * same day; the duplicate that counts once is a repeated contact_id, which the import already rejects
 * (GEN-DUP-KEY). See docs/spec-readings.md.
 */
export function screeningCohort(input: IndicatorInput, ctx: ComputeContext): ScreeningCohort {
  const w = windowOf(ctx);
  const byReceived = cohortByReceived(ctx.settings);
  // Shared by the screening indicators (one cohort for both, see above).
  const key = `screening|${w.start}|${w.end}|${ctx.period.end}|${ctx.settings.workingDays}|${byReceived ? 'received' : 'decided'}`;
  return sharedView(input, key, () => cohortOf(input, ctx, w, byReceived));
}

function cohortOf(
  input: IndicatorInput,
  ctx: ComputeContext,
  w: DateWindow,
  byReceived: boolean,
): ScreeningCohort {
  const asAt = input.data.asAt.local.contacts ?? ctx.period.end;
  const cases: ScreeningCase[] = [];
  let invalid = 0;
  for (const c of input.data.contacts) {
    if (byReceived) {
      if (!inWindow(c.receivedDate, w)) continue;
      const decided = c.decidedDate !== null && c.decidedDate <= asAt;
      if (!decided) {
        if (c.outcome !== null && c.outcome !== 'referral') continue;
        const days = wd(ctx.settings, c.receivedDate, asAt);
        if (days > LATE_AFTER) cases.push({ contact: c, days, undecided: true });
        continue;
      }
      if (c.outcome !== 'referral') continue;
    } else if (c.outcome !== 'referral' || c.decidedDate === null || !inWindow(c.decidedDate, w)) {
      continue;
    }
    if (c.decidedDate! < c.receivedDate) {
      invalid++;
      continue;
    }
    cases.push({ contact: c, days: wd(ctx.settings, c.receivedDate, c.decidedDate!), undecided: false });
  }
  const n = cases.length;
  const within1 = cases.filter((x) => !x.undecided && x.days <= 1).length;
  const over3 = cases.filter((x) => x.days > 3).length;
  return {
    cases,
    notes: [countNote('invalidDates', invalid), awaiting(input, ctx, asAt)],
    breakdown: [
      breakdownRow('within-1', 'Within 1 working day', within1, n),
      breakdownRow('over-1-to-3', 'Over 1 and up to 3 working days', n - within1 - over3, n),
      breakdownRow('over-3', 'Over 3 working days', over3, n),
    ],
  };
}

/** Whether the LA counts the screening cohort by received date (`screening.cohortBy = received`). */
function cohortByReceived(settings: IndicatorSettings): boolean {
  return variant<string>(settings, 'screening.cohortBy', 'decided') === 'received';
}

/**
 * A screening measure's definition text under the LA's settings (`definitionUnder`): its catalogue text by
 * default; under `screening.cohortBy = received`, the received cohort both measures share (indicators.md §2:
 * received in the period, and undecided contacts counted as late once over 1 working day old at the extract
 * date), with the measure's own summary and numerator. The default text ("decision date is in the period")
 * would describe a cohort the figure does not count.
 */
export function screeningDefinitionUnder(
  definition: DefinitionText,
  receivedCohort: Pick<DefinitionText, 'summary' | 'numerator'>,
): (settings: IndicatorSettings) => DefinitionText {
  return (settings) =>
    cohortByReceived(settings)
      ? {
          ...definition,
          ...receivedCohort,
          denominator:
            'Contacts received in the period with outcome referral, and contacts received in the period (outcome blank or referral) still undecided at the extract date more than 1 working day after receipt, counted as late.',
          exclusions:
            'Contacts with any other outcome; contacts undecided at the extract date within 1 working day of receipt; a decision dated before receipt (counted in the note invalidDates). Contacts undecided at the period end are also reported in the note awaitingDecision.',
        }
      : definition;
}

/** A screening member: one contact, its dates and a short reason. */
export function screeningMember(x: ScreeningCase, inNumerator: boolean): Member {
  return {
    childId: x.contact.childId,
    recordIds: [x.contact.id],
    dates: { received: x.contact.receivedDate, decided: x.undecided ? null : x.contact.decidedDate },
    inNumerator,
    reason: x.undecided
      ? `undecided ${workingDaysText(x.days)} after receipt at the as-at date`
      : `decided ${workingDaysText(x.days)} after receipt`,
  };
}
