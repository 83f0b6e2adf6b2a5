import type { Basis, Period } from '../../calendar/period.js';
import type { TableName } from '../../model/source.js';
import { isYearEnd } from '../../calendar/period.js';
import { asAtFor } from '../lib/as-at.js';
import { fileFor, missingTables, notAvailable } from '../lib/availability.js';
import { beforeData } from '../lib/data-start.js';
import { childBreakdowns } from '../lib/child-breakdowns.js';
import { sortMembers } from '../lib/members.js';
import { sortNotes } from '../lib/notes.js';
import { explainedByLoadedDates } from './loaded-dates-before-table.js';
import type {
  BreakdownRow,
  Computation,
  IndicatorDefinition,
  IndicatorInput,
  IndicatorSettings,
  IndicatorStatus,
  Note,
} from '../types.js';

/** A computation with the engine's status: `no-eligible-cases` when a proportion's denominator is 0. */
export interface EngineComputation extends Computation {
  readonly engineStatus: IndicatorStatus;
}

/** The headline basis of an indicator under the LA's settings (`<id>.basis`), if it is one the indicator offers. */
export function headlineBasis(def: IndicatorDefinition, settings: IndicatorSettings): Basis {
  const chosen = settings.basis[def.id];
  return chosen && def.bases.includes(chosen) ? chosen : def.basis;
}

function sortRecord<T>(r: Readonly<Record<string, T>> | undefined): Record<string, T> {
  if (!r) return {};
  return Object.fromEntries(
    Object.keys(r)
      .sort()
      .map((k) => [k, r[k]!]),
  );
}

function normaliseBreakdowns(
  b: Readonly<Record<string, readonly BreakdownRow[]>> | undefined,
): Record<string, readonly BreakdownRow[]> {
  const out: Record<string, readonly BreakdownRow[]> = {};
  for (const [k, rows] of Object.entries(sortRecord(b))) {
    out[k] = rows.map((r) => ({
      key: r.key,
      label: r.label,
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
    }));
  }
  return out;
}

/**
 * The `annexA` note when Ofsted Annex A supplies a table the indicator reads because no primary source
 * is loaded (lists 3, 4, 5, 7 for CIN tables; List 9 for care_leavers), or null.
 */
function annexASuppliedNote(input: IndicatorInput, sources: readonly TableName[]): Note | null {
  const supplied = sources.filter((t) => input.data.annexASupplied.has(t));
  if (supplied.length === 0) return null;
  return {
    code: 'annexA',
    detail: `Ofsted Annex A in place of ${[...new Set(supplied.map(fileFor))].join(', ')}, which is not loaded`,
  };
}

/** Options of {@link runIndicator}. */
export interface RunOptions {
  /** false = drop the member list (comparison and trend periods need only the figures). Default true. */
  readonly members?: boolean;
  /**
   * false = headline figures only (`ComputeContext.breakdowns`): no breakdowns at all, neither the
   * indicator's own nor the standard child breakdowns. Default true.
   */
  readonly breakdowns?: boolean;
}

/**
 * Runs one indicator for one period and basis (indicators.md §1): `annual-only` between year ends
 * (value null, note `reportedAnnually`), `not-available` when a needed table is missing (never 0) or the period
 * ends before its loaded data begin ({@link beforeData}), the
 * definition's compute otherwise; when that is not available and the definition has an Annex A fallback
 * whose tables are loaded, the fallback's figure (note `annexA`; inputs.md §4); adds `provisional` when the period ends after the sources' as-at date,
 * adds the standard child breakdowns (age band and sex at the period end, ethnicity) when the indicator
 * gives none (no breakdowns at all when `options.breakdowns` is false), and puts members, notes, breakdowns
 * and extra figures in a stable order.
 * @example runIndicator(def, input, parsePeriod('2021-22-Q3'), 'in-period', DEFAULT_SETTINGS).numerator
 */
export function runIndicator(
  def: IndicatorDefinition,
  input: IndicatorInput,
  period: Period,
  basis: Basis,
  settings: IndicatorSettings,
  options: RunOptions = {},
): EngineComputation {
  if (basis === 'annual' && !isYearEnd(period)) {
    return {
      status: 'annual-only',
      engineStatus: 'annual-only',
      numerator: 0,
      denominator: null,
      members: [],
      notes: [{ code: 'reportedAnnually' }],
    };
  }
  const keep = options.members !== false;
  const wantBreakdowns = options.breakdowns !== false;
  const sources = def.sourcesUnder?.(settings) ?? def.sources;
  const missing = missingTables(input, sources);
  const ctx = { period, basis, settings, members: keep, breakdowns: wantBreakdowns };
  const primary =
    missing.length > 0
      ? notAvailable(missing)
      : (beforeData(input.data, sources, period) ??
        explainedByLoadedDates(input.data, () => def.compute(input, ctx)));
  // Ofsted Annex A answers only when the primary source is absent (inputs.md §4): a needed table, or a
  // file the compute found missing. When Annex A cannot answer either, the primary's reason stands.
  const fallbackRaw =
    primary.status === 'not-available' && def.annexA && missingTables(input, def.annexA.sources).length === 0
      ? explainedByLoadedDates(input.data, () => def.annexA!.compute(input, ctx))
      : null;
  const fallback = fallbackRaw !== null && fallbackRaw.status !== 'not-available';
  const raw = fallback ? fallbackRaw : primary;
  const asAt = fallback ? null : asAtFor(input.data, sources);
  const provisional = raw.status === 'ok' && asAt !== null && period.end > asAt;
  const notes = sortNotes([
    ...raw.notes,
    provisional ? { code: 'provisional', detail: `period ends after the data's as-at date ${asAt}` } : null,
    fallback ? null : annexASuppliedNote(input, sources),
  ]);
  const engineStatus: IndicatorStatus =
    raw.status !== 'ok'
      ? raw.status
      : def.unit === 'percent' && raw.denominator === 0
        ? 'no-eligible-cases'
        : 'ok';
  const members = keep ? sortMembers(raw.members) : [];
  // The headline figure gets the standard child breakdowns (age band and sex at e, ethnicity) unless the
  // indicator gives its own; a headline-only run gets none.
  const breakdowns = !wantBreakdowns
    ? undefined
    : keep && raw.status === 'ok' && !raw.breakdowns?.['sex']
      ? {
          ...(raw.breakdowns ?? {}),
          ...childBreakdowns(
            members,
            input.childrenById,
            period.end,
            def.unit === 'count' ? 'count' : 'percent',
          ),
        }
      : raw.breakdowns;
  return {
    status: raw.status,
    engineStatus,
    numerator: raw.numerator,
    denominator: raw.denominator,
    members,
    notes,
    breakdowns: normaliseBreakdowns(breakdowns),
    extra: sortRecord(raw.extra),
    ...(raw.missing ? { missing: [...raw.missing].sort() } : {}),
  };
}
