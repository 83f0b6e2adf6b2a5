import type { Basis, Period } from '../../calendar/period.js';
import { samePeriodLastYear } from '../../calendar/period.js';
import { runIndicator } from '../../indicators/engine/run-indicator.js';
import type {
  BreakdownRow,
  IndicatorDefinition,
  IndicatorInput,
  IndicatorSettings,
  IndicatorStatus,
} from '../../indicators/types.js';

/** One engine run behind an Appendix B table: figures only, never members. */
export interface AppendixFigure {
  readonly period: string;
  readonly basis: Basis;
  readonly status: IndicatorStatus;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly breakdowns: Readonly<Record<string, readonly BreakdownRow[]>>;
  readonly extra: Readonly<Record<string, number | null>>;
}

/**
 * The figures of Appendix B (report.md §2 item 5) that the headline IndicatorReport does not hold: referrals
 * by source this quarter and the same quarter last year, decision timeliness for the quarter and the year to
 * date, and missing episodes this quarter and the same quarter last year. Each is a run of the catalogue's
 * own definition through the engine, so the figures match the scorecard's. Frozen in an edition with the report.
 */
export interface MembersQuestionsFigures {
  readonly referralSources: {
    readonly current: AppendixFigure | null;
    readonly lastYear: AppendixFigure | null;
  };
  readonly decisionTimeliness: {
    readonly quarter: AppendixFigure | null;
    readonly yearToDate: AppendixFigure | null;
  };
  readonly missing: { readonly current: AppendixFigure | null; readonly lastYear: AppendixFigure | null };
}

/** No Appendix B figures beyond the report (the render model falls back to the headline breakdowns). */
export const NO_MEMBERS_QUESTIONS_FIGURES: MembersQuestionsFigures = {
  referralSources: { current: null, lastYear: null },
  decisionTimeliness: { quarter: null, yearToDate: null },
  missing: { current: null, lastYear: null },
};

function figure(
  def: IndicatorDefinition | undefined,
  input: IndicatorInput,
  period: Period,
  basis: Basis,
  settings: IndicatorSettings,
): AppendixFigure | null {
  if (!def || !def.bases.includes(basis)) return null;
  const c = runIndicator(def, input, period, basis, settings, { members: false });
  const counted = c.engineStatus === 'ok' || c.engineStatus === 'no-eligible-cases';
  return {
    period: period.id,
    basis,
    status: c.engineStatus,
    numerator: counted ? c.numerator : null,
    denominator: counted ? c.denominator : null,
    breakdowns: c.breakdowns ?? {},
    extra: c.extra ?? {},
  };
}

/**
 * Runs the catalogue definitions Appendix B needs (`referrals-by-source`, `referrals-decided-1wd`,
 * `cic-missing`) for the period, the same period last year and both bases. Pure.
 * @example membersQuestionsFigures(input, parsePeriod('2021-22-Q4'), DEFAULT_SETTINGS, INDICATORS).referralSources.lastYear?.period //=> '2020-21-Q4'
 */
export function membersQuestionsFigures(
  input: IndicatorInput,
  period: Period,
  settings: IndicatorSettings,
  definitions: readonly IndicatorDefinition[],
): MembersQuestionsFigures {
  const def = (id: string) => definitions.find((d) => d.id === id);
  const lastYear = samePeriodLastYear(period);
  const sources = def('referrals-by-source');
  const decided = def('referrals-decided-1wd');
  const missing = def('cic-missing');
  return {
    referralSources: {
      current: figure(sources, input, period, 'in-period', settings),
      lastYear: figure(sources, input, lastYear, 'in-period', settings),
    },
    decisionTimeliness: {
      quarter: figure(decided, input, period, 'in-period', settings),
      yearToDate: figure(decided, input, period, 'ytd', settings),
    },
    missing: {
      current: figure(missing, input, period, 'in-period', settings),
      lastYear: figure(missing, input, lastYear, 'in-period', settings),
    },
  };
}
