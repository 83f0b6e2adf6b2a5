import type { IndicatorReport } from '../../indicators/types.js';
import type { IndicatorView } from './indicator-view.js';
import type { DataRow } from './render-model.js';
import type { ReportOptions } from './report-options.js';

/**
 * The CSV/JSON rows (report.md §7): per indicator the headline for the period (with rating, direction and
 * comparators), each earlier quarter of the trend, and each breakdown cell. Suppressed figures have null
 * numerator, denominator and value and `suppressed` true. The public version gives earlier quarters as
 * values only, so no year-to-date difference or other small figure can be worked out from the rows. Earlier
 * quarters restated since their editions are flagged; headline rows carry the benchmarks between the LAs
 * loaded (their mean, this LA's rank and quartile, and how many of the other LAs' figures are from an
 * earlier dataset version than their current one) when the store holds other LAs' figures. A team breakdown
 * is in the public rows only when the setting is on and every cell passes (report.md §6).
 */
export function dataRows(
  report: IndicatorReport,
  views: readonly IndicatorView[],
  opts: ReportOptions,
): DataRow[] {
  const out: DataRow[] = [];
  for (const v of views) {
    const r = v.result;
    const base = {
      la: report.la,
      indicator: r.id,
      title: r.title,
      basis: r.basis,
      unit: r.unit,
      target: r.target,
      tolerance: r.tolerance,
      england: r.england?.value ?? null,
      englandUnit: r.england ? (r.england.unit ?? r.unit) : null,
      snAverage: r.comparators[opts.snKey] ?? null,
      datasetVersion: report.dataset.id,
      definitionVersion: v.entry.definitionVersion,
      restated: false,
      lasLoadedMean: null,
      rankAmongLas: null,
      lasRanked: null,
      quartileAmongLas: null,
      lasFromEarlierVersion: null,
    };
    const hide = v.plan.headline;
    const hub = opts.hubBenchmarks?.[r.id];
    const pos = hub && !hide && r.status === 'ok' && r.polarity !== 'none' ? hub.position : null;
    out.push({
      ...base,
      period: report.period.id,
      breakdown: '',
      cell: '',
      numerator: hide ? null : r.numerator,
      denominator: hide ? null : r.denominator,
      value: hide ? null : r.value,
      rating: hide ? null : r.rag,
      direction: hide ? null : r.direction,
      previous: v.plan.previous ? null : (r.previous?.value ?? null),
      lastYear: v.plan.lastYear ? null : (r.lastYear?.value ?? null),
      suppressed: hide,
      status: r.status,
      lasLoadedMean: hub?.mean ?? null,
      rankAmongLas: pos?.rank ?? null,
      lasRanked: pos?.of ?? null,
      quartileAmongLas: pos?.quartile ?? null,
      lasFromEarlierVersion: hub && !hub.notComparable ? (hub.earlierVersions?.las ?? 0) : null,
    });
    r.trend.forEach((t, i) => {
      if (t.period === report.period.id) return;
      const h = v.plan.trend[i] ?? false;
      out.push({
        ...base,
        period: t.period,
        breakdown: '',
        cell: '',
        numerator: h || opts.public ? null : t.numerator,
        denominator: h || opts.public ? null : t.denominator,
        value: h ? null : t.value,
        rating: null,
        direction: null,
        previous: null,
        lastYear: null,
        suppressed: h,
        status: t.status,
        restated: !h && v.restated.has(t.period),
      });
    });
    for (const [key, rows] of Object.entries(r.breakdowns)) {
      // A team breakdown the public version withholds (report.md §6) is left out, team names and all.
      if (opts.public && key === 'team' && (v.plan.breakdowns[key] ?? []).every(Boolean)) continue;
      rows.forEach((row, i) => {
        const h = v.plan.breakdowns[key]?.[i] ?? false;
        out.push({
          ...base,
          period: key.endsWith(':last-year') && r.lastYear ? r.lastYear.period : report.period.id,
          breakdown: key,
          cell: row.key,
          numerator: h ? null : row.numerator,
          denominator: h ? null : row.denominator,
          value: h ? null : row.value,
          rating: null,
          direction: null,
          previous: null,
          lastYear: null,
          suppressed: h,
          status: 'ok',
        });
      });
    }
  }
  return out;
}
