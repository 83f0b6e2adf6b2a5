import type { IsoDate } from '../../calendar/iso-date.js';
import {
  type Period,
  financialYear,
  previousPeriod,
  samePeriodLastYear,
  trailingQuarters,
} from '../../calendar/period.js';
import type { TargetSet } from '../targets.js';
import { resolveTarget } from '../targets.js';
import type {
  ComparisonFigure,
  IndicatorDefinition,
  IndicatorInput,
  IndicatorResult,
  IndicatorSettings,
} from '../types.js';
import { directionOfTravel } from './direction.js';
import { comparisonFigure, displayValue } from './indicator-value.js';
import { rateFigure } from './rate-figure.js';
import { roundTenth } from './rounding.js';
import { type EngineComputation, type RunOptions, headlineBasis, runIndicator } from './run-indicator.js';
import { percentPoints, wilson } from './wilson.js';

/** What the engine needs to compute one LA's indicators for one period. */
export interface ReportRequest {
  readonly input: IndicatorInput;
  readonly period: Period;
  readonly settings: IndicatorSettings;
  /** The LA's targets for the period's financial year; null = catalogue defaults. */
  readonly targets: TargetSet | null;
  readonly dataset: { readonly id: string; readonly hash: string; readonly asAt: IsoDate | null };
  /** Other LAs by comparator group name (region, statistical neighbours): their mean is reported. */
  readonly comparatorGroups?: Readonly<Record<string, readonly IndicatorInput[]>>;
  /** Quarters in the trend (default 8). */
  readonly trendQuarters?: number;
  /**
   * Headline figures only, for benchmarking between LAs (the hub's stored figures): no member lists, no
   * breakdowns and no trend; the previous quarter and the same quarter last year are still computed, for
   * RAG and direction of travel. An LA's own report and dashboard compute everything.
   */
  readonly figuresOnly?: boolean;
}

/** Runs whose figures alone are read (comparison periods, trend, comparator means): no members, no breakdowns. */
const HEADLINE_ONLY: RunOptions = { members: false, breakdowns: false };

/** An indicator's headline computation and result together (the CLI's `--members` needs both). */
export interface IndicatorOutcome {
  readonly result: IndicatorResult;
  readonly current: EngineComputation;
}

function meanOfOthers(
  def: IndicatorDefinition,
  inputs: readonly IndicatorInput[],
  period: Period,
  settings: IndicatorSettings,
): number | null {
  const basis = headlineBasis(def, settings);
  const values = inputs
    .map((inp) => displayValue(def, runIndicator(def, inp, period, basis, settings, HEADLINE_ONLY)))
    .filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  return roundTenth(values.reduce((a, b) => a + b, 0) / values.length);
}

/**
 * One indicator's full result for a period (issue 4's JSON contract): the headline figure on its basis,
 * RAG against the LA's target, previous quarter, same period last year, the 8-quarter trend (each a
 * re-run of the same definition), direction of travel against the definition's comparator, the Wilson
 * 95% interval, the England benchmark and the mean of each comparator group.
 * @example computeIndicatorResult(rereferrals, request).result.value //=> 50
 */
export function computeIndicatorResult(def: IndicatorDefinition, req: ReportRequest): IndicatorOutcome {
  const { input, period, settings } = req;
  const basis = headlineBasis(def, settings);
  const cache = new Map<string, EngineComputation>();
  const full = req.figuresOnly !== true;
  const current = runIndicator(def, input, period, basis, settings, { members: full, breakdowns: full });
  cache.set(period.id, current);
  const run = (p: Period): EngineComputation => {
    let c = cache.get(p.id);
    if (!c) {
      c = runIndicator(def, input, p, basis, settings, HEADLINE_ONLY);
      cache.set(p.id, c);
    }
    return c;
  };
  const prevPeriod = previousPeriod(period);
  const lastYearPeriod = samePeriodLastYear(period);
  const previous = comparisonFigure(def, prevPeriod.id, run(prevPeriod));
  const lastYear = comparisonFigure(def, lastYearPeriod.id, run(lastYearPeriod));
  const trend: ComparisonFigure[] = req.figuresOnly
    ? []
    : trailingQuarters(period, req.trendQuarters ?? 8).map((q) => comparisonFigure(def, q.id, run(q)));
  const value = displayValue(def, current);
  const figure = comparisonFigure(def, period.id, current);
  const resolved = resolveTarget(def, req.targets);
  const rag = rateFigure(
    {
      unit: def.unit,
      polarity: def.polarity,
      value,
      numerator: figure.numerator,
      denominator: figure.denominator,
      lastYear: lastYear.status === 'ok' ? lastYear : null,
    },
    resolved,
  );
  const comparator = def.directionComparator === 'last-year' ? lastYear : previous;
  // report.md §4: no direction for annual indicators, without a comparator, or when a denominator is 0; the
  // last includes a count with a denominator (cic-missing when no child was looked after), whose 0 is a
  // figure (its engine status is ok) but whose scorecard cell reads "No eligible cases".
  const direction =
    basis === 'annual' ||
    comparator.status !== 'ok' ||
    figure.status !== 'ok' ||
    comparator.denominator === 0 ||
    figure.denominator === 0
      ? null
      : directionOfTravel(def.unit, def.polarity, comparator, figure);
  const interval =
    def.unit === 'percent' && current.engineStatus === 'ok' && current.denominator
      ? wilson(current.numerator, current.denominator)
      : null;
  const comparators: Record<string, number | null> = {};
  for (const name of Object.keys(req.comparatorGroups ?? {}).sort()) {
    comparators[name] = meanOfOthers(def, req.comparatorGroups![name]!, period, settings);
  }
  const counted = current.engineStatus === 'ok' || current.engineStatus === 'no-eligible-cases';
  // Between year ends an annual figure shows its last outturn: "Reported annually (2020-21: 88.0%)".
  let notes = current.notes;
  let extra: Record<string, number | null> = { ...(current.extra ?? {}) };
  if (current.engineStatus === 'annual-only') {
    const yearEnd = financialYear(Number(period.financialYear.slice(0, 4)) - 1);
    const outturn = comparisonFigure(def, yearEnd.id, run(yearEnd));
    notes = notes.map((n) =>
      n.code === 'reportedAnnually' ? { code: n.code, detail: `last outturn ${yearEnd.id}` } : n,
    );
    extra = { ...extra, lastOutturn: outturn.value };
  }
  const result: IndicatorResult = {
    id: def.id,
    title: def.titleUnder?.(settings) ?? def.title,
    unit: def.unit,
    polarity: def.polarity,
    basis,
    serviceArea: def.serviceArea,
    value,
    numerator: counted ? current.numerator : null,
    denominator: counted ? current.denominator : null,
    ci95: interval ? percentPoints(interval) : null,
    target: resolved.target,
    targetKind: resolved.kind,
    tolerance: resolved.tolerance,
    rag,
    direction,
    previous,
    lastYear,
    trend,
    england: def.england,
    comparators,
    status: current.engineStatus,
    notes,
    breakdowns: req.figuresOnly ? {} : (current.breakdowns ?? {}),
    extra,
    ...(resolved.bounds ? { bounds: resolved.bounds } : {}),
    ...(resolved.inLineBand !== null ? { inLineBand: resolved.inLineBand } : {}),
  };
  return { result, current };
}
