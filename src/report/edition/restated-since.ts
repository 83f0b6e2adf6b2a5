import type { HeadlineFigure } from '../../indicators/engine/compute-report.js';
import type { IndicatorReport, Unit } from '../../indicators/types.js';
import type { Database } from '../../store/database.js';
import {
  type SuppressionRule,
  figureSuppressed,
  restatedPublishedSuppressed,
} from '../public/suppression.js';
import { type EditionSummary, loadEditionReport } from './edition-store.js';
import { restatements } from './restatement.js';

/** One indicator of an edition whose figure the current dataset would now give differently. */
export interface RestatedIndicator {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  /** As published and now (value only); null when there was none, or when the view withholds them. */
  readonly published: number | null;
  readonly now: number | null;
  /** now − published in points (percent) or units (count); null when either is null or withheld. */
  readonly change: number | null;
  /**
   * The counts behind the figures as published and now, given only where the two figures are the same once
   * rounded (a percentage whose count changed can round to the same one-decimal figure), and only in the full
   * view (the public view shows no counts); the list then shows them.
   */
  readonly counts?: {
    readonly published: { readonly numerator: number | null; readonly denominator: number | null };
    readonly now: { readonly numerator: number | null; readonly denominator: number | null };
  };
  /** The public view leaves the figures out: the change is a small number of children (report.md §6). */
  readonly withheld: boolean;
}

/** A published edition whose figures the current dataset would now give differently (report.md §8). */
export interface RestatedSince {
  readonly edition: string;
  readonly period: string;
  /** The dataset version the figures now come from, and the day it was imported. */
  readonly dataset: { readonly id: string; readonly importedAt: string };
  /** The indicators restated, in the edition's order (aggregates only: never which children moved). */
  readonly indicators: readonly RestatedIndicator[];
}

/** The figures computed now for a period: each indicator's headline figure (a report's results will do). */
export interface FiguresNow {
  readonly indicators: readonly HeadlineFigure[];
}

/** The current dataset version the comparison is made with. */
export interface CurrentDataset {
  readonly id: string;
  readonly importedAt: string;
}

/**
 * An edition's indicators that the figures computed now for its period restate (report.md §8, the
 * restatements a new edition would freeze: {@link restatements}, value, numerator or denominator differing),
 * as a list shows them. Aggregates only: never the children who moved, nor how many. In the public view a
 * figure whose published value the report's public version would leave out (`restatedPublishedSuppressed`:
 * a small published figure, or a change of 1 to k children, so a reader could subtract) or whose figure now
 * the public scorecard hides (`figureSuppressed`) is named without its figures (`withheld`).
 * @example restatedSince({ id: 'e1', period: '2021-22-Q3', frozen: { report } }, now, ds, 'full', rule)
 * //=> { edition: 'e1', indicators: [{ id: 'cic-count', published: 271, now: 275, change: 4, withheld: false }], … }
 */
export function restatedSince(
  edition: {
    readonly id: string;
    readonly frozen: { readonly report: Pick<IndicatorReport, 'period' | 'indicators'> };
  },
  now: FiguresNow,
  dataset: CurrentDataset,
  visibility: 'public' | 'full',
  rule: SuppressionRule,
): RestatedSince | null {
  const found = restatements(edition.frozen.report, now, edition.id);
  if (found.length === 0) return null;
  const indicators = found.map((x): RestatedIndicator => {
    const r = edition.frozen.report.indicators.find((i) => i.id === x.indicator)!;
    const withheld =
      visibility === 'public' &&
      (restatedPublishedSuppressed(
        r.unit,
        {
          published: x.published.value,
          publishedNumerator: x.published.numerator,
          publishedDenominator: x.published.denominator,
          now: x.now.value,
          nowNumerator: x.now.numerator,
          nowDenominator: x.now.denominator,
        },
        rule,
      ) ||
        figureSuppressed(r.unit, x.now.numerator, x.now.denominator, rule));
    return {
      id: r.id,
      title: r.title,
      unit: r.unit,
      published: withheld ? null : x.published.value,
      now: withheld ? null : x.now.value,
      change: withheld ? null : x.change,
      withheld,
      // Only where the figures look the same once rounded, and only in the full view.
      ...(!withheld &&
      visibility === 'full' &&
      x.published.value !== null &&
      x.now.value !== null &&
      formatted(r.unit, x.published.value) === formatted(r.unit, x.now.value)
        ? {
            counts: {
              published: { numerator: x.published.numerator, denominator: x.published.denominator },
              now: { numerator: x.now.numerator, denominator: x.now.denominator },
            },
          }
        : {}),
    };
  });
  return { edition: edition.id, period: edition.frozen.report.period.id, dataset, indicators };
}

/**
 * For each published edition (newest first, as listed), whether the LA's current dataset would now give it
 * different figures ({@link restatedSince}), by edition id; editions with none are absent.
 *
 * Reading (report.md §8 restates a period "on later data or definitions" in the next report; it is silent on
 * flagging an edition before then; docs/spec-readings.md): the figures "now" are those the period's next
 * draft would give, so the flag says in advance what that draft's restatements will list: the current
 * dataset version, definitions and settings (`figuresNow`: the dashboard's scorecard headline figures, under the LA's
 * settings; `cspi publish --list`, under `--settings` as `cspi report`). Only an edition published on another
 * dataset version than the current one is compared, so a list costs nothing until data are imported again,
 * and each period is computed once however many editions it has (the dashboard keeps the figures per dataset
 * version). Of each edition only its figures as published are read (`loadEditionReport`): never the children
 * frozen with it, which for a large LA are a hundred times its report and would make the list's cost grow
 * with its editions. The date given is the current version's import date: the dataset the figures now come from. A
 * version imported between the edition's and the current one is not examined; the stored hub results
 * (`indicator_results`) are not used, as they are computed under the default settings and would flag a
 * setting's difference as a restatement. A period the current data cannot give (`figuresNow` null) is not
 * flagged.
 * @example await editionsRestatedSince(db, editions, ds, (p) => report(p), 'public', rule)
 * //=> Map { '841-2021-22-Q3-…' => { indicators: [{ id: 'cic-count', withheld: true, … }], … } }
 */
export async function editionsRestatedSince<R extends FiguresNow>(
  db: Database,
  editions: readonly Pick<EditionSummary, 'id' | 'period' | 'datasetId'>[],
  dataset: CurrentDataset | null,
  figuresNow: (period: string) => Promise<R | null>,
  visibility: 'public' | 'full',
  ruleOf: (now: R) => SuppressionRule,
): Promise<Map<string, RestatedSince>> {
  const out = new Map<string, RestatedSince>();
  if (!dataset) return out;
  const byPeriod = new Map<string, Promise<R | null>>();
  for (const e of editions) {
    if (e.datasetId === dataset.id) continue;
    if (!byPeriod.has(e.period)) byPeriod.set(e.period, figuresNow(e.period));
    const now = await byPeriod.get(e.period)!;
    if (!now) continue;
    const edition = await loadEditionReport(db, e.id);
    if (!edition) continue;
    const found = restatedSince(edition, now, dataset, visibility, ruleOf(now));
    if (found) out.set(e.id, found);
  }
  return out;
}

const formatted = (unit: Unit, v: number): string =>
  unit === 'percent' ? `${v.toFixed(1)}%` : v.toLocaleString('en-GB');

/**
 * The line a list gives for an edition restated since: how many indicators, the dataset and its import
 * date, and each indicator with its figures as published and now (or, withheld, that they are not shown).
 * @example restatedSinceLine(x) //=> 'Restated since publication: 1 indicator would now give a different figure on dataset ds-2 (imported 2022-02-01): Children in care (published 271, now 275).'
 */
export function restatedSinceLine(x: RestatedSince): string {
  const n = x.indicators.length;
  const items = x.indicators.map((i) => {
    if (i.withheld) return `${i.title} (figures not shown: small numbers)`;
    const was = i.published === null ? 'no figure' : formatted(i.unit, i.published);
    const now = i.now === null ? 'no figure' : formatted(i.unit, i.now);
    if (was !== now) return `${i.title} (published ${was}, now ${now})`;
    // The same when rounded: the counts say what changed (the full view), else that it is within the rounding.
    const c = i.counts;
    const count = (x: { numerator: number | null; denominator: number | null }): string =>
      `${x.numerator ?? '–'} of ${x.denominator ?? '–'}`;
    return c
      ? `${i.title} (published ${was}, ${count(c.published)}; now ${now}, ${count(c.now)})`
      : `${i.title} (published ${was}, now ${now}: a change within the rounding)`;
  });
  return `Restated since publication: ${n} ${n === 1 ? 'indicator would now give a different figure' : 'indicators would now give different figures'} on dataset ${x.dataset.id} (imported ${x.dataset.importedAt.slice(0, 10)}): ${items.join('; ')}.`;
}
