import { createHmac } from 'node:crypto';
import type { IsoDate } from '../../calendar/iso-date.js';
import { ukDate } from '../../indicators/lib/uk-date.js';
import { Hono } from 'hono';
import { parsePeriod, periodLabel, trailingQuarters } from '../../calendar/period.js';
import type {
  BreakdownRow,
  IndicatorDefinition,
  IndicatorReport,
  IndicatorResult,
  Member,
} from '../../indicators/types.js';
import { commentaryHistory, staleCommentary } from '../../report/commentary/commentary-store.js';
import { auditChildLevel } from '../audit/child-level.js';
import { accessOf, userCan } from '../access.js';
import type { AppEnv } from '../env.js';
import { chartedEngland, englandKey, toleranceBand, trendChart } from '../figures/chart.js';
import {
  figureCell,
  figureWords,
  resultSuppression,
  trendAltText,
  visibleTrend,
  type Visibility,
} from '../figures/figure-view.js';
import { publicRuleOf, publicTeamsOf } from '../figures/suppression.js';
import type { SuppressionRule } from '../../report/public/suppression.js';
import { indicatorHub } from '../figures/hub-view.js';
import { hubFigures } from '../hub-figures.js';
import { restatedFigures, restatementNote } from '../restated-figures.js';
import { restatedKey } from '../../report/edition/earlier-restatements.js';
import { planBreakdown, planSuppression } from '../../report/public/suppression.js';
import { NOT_SHOWN, NOT_SHOWN_NOTE, countText, suppressedText } from '../../report/model/cell-text.js';
import { breakdownShape } from '../../indicators/lib/breakdown-shape.js';
import { roundedPercent } from '../../indicators/engine/rounding.js';
import { breakdownName } from '../../report/model/breakdown-name.js';
import { loadCodeBook } from '../../validate/code-lists.js';
import {
  BASIS_LABELS,
  GOOD_IS,
  SERVICE_AREA_LABELS,
  formatCount,
  formatPercent,
  formatValue,
  shortPeriod,
} from '../figures/format.js';
import { scorecardRow, targetText } from '../figures/scorecard-view.js';
import { wilsonPercent } from '../figures/wilson.js';
import { notFound, requirePermission } from '../middleware/guards.js';
import { cachedPage, page } from '../pages.js';
import type { IndicatorInfo, MemberList } from '../services.js';
import { storedTargets } from '../../store/targets.js';
import { definitionTextUnder } from '../../indicators/definition-under.js';
import { resolveTarget } from '../../indicators/targets.js';
import { visibilityFor } from './scorecard.js';
import { keyedReport, resolveScope, type Scope } from './scope.js';
import type { Context } from 'hono';
import { spreadsheetCsv } from '../../csv/spreadsheet-csv.js';

/** A stable pseudonym for a child (analysts): HMAC of the LA and child id, never reversible without the key. */
export function pseudonym(key: Buffer, la: string, childId: string): string {
  return `P-${createHmac('sha256', key).update(`${la}\u0000${childId}`).digest('hex').slice(0, 10).toUpperCase()}`;
}

/** Target in force for each trend quarter (stepped by financial year), resolved as the engine does. */
async function trendTargets(c: Context<AppEnv>, la: string, info: IndicatorInfo, periods: readonly string[]) {
  const byFy = new Map<string, { target: number | null; tolerance: number | null }>();
  for (const id of periods) {
    const fy = parsePeriod(id).financialYear;
    if (byFy.has(fy)) continue;
    const r = resolveTarget(
      { id: info.id, target: info.target } as IndicatorDefinition,
      await storedTargets(c.var.deps.db, la, fy),
    );
    byFy.set(fy, r.scheme === 'none' ? { target: null, tolerance: null } : r);
  }
  return periods.map((id) => byFy.get(parsePeriod(id).financialYear)!);
}

async function loadIndicator(c: Context<AppEnv>) {
  const scope = await resolveScope(c);
  if (scope instanceof Response) return scope;
  const id = c.req.param('id') ?? '';
  const info = c.var.deps.services.catalogue().find((i) => i.id === id);
  if (!info) return notFound(c, `There is no indicator "${id}".`);
  const keyed = await keyedReport(c, scope);
  const result = keyed?.report.indicators.find((r) => r.id === id);
  if (!keyed || !result) return notFound(c, 'No figures have been computed for this period.');
  return { scope, info, result, report: keyed.report, key: keyed.key };
}

/**
 * The breakdown tables of a result, each shown as its shape asks (`breakdownShape`, as the report's tables
 * do):
 * - a breakdown by a child's characteristic (`rate`): numerator, denominator, percentage and 95% interval of
 *   each group. A row is compared with the LA's figure ("Significantly different" when the LA's value lies
 *   outside the row's 95% interval, else "Similar") only when it has an interval and the LA's figure is a
 *   percentage: a withheld row or a row with no eligible cases gets "–", and a table where no row has one
 *   has no such column. A group's percentage is a percentage even when the headline is a count with a
 *   denominator (cic-missing: 7 of 123 children aged 10 to 15 is 5.7%, not "6").
 * - a `share` (ICPCs by time to conference, children by number of placements) or a `composition` (care
 *   leavers by activity): the number in each group and its percentage of the whole, with no comparison, since
 *   a group's share of the cohort is not the indicator's figure for that group; a share whose groups make up
 *   the whole ends with it ("All"), one whose groups overlap or leave some out (children missing, children
 *   away) does not.
 * - `counts`: each group's number alone.
 *
 * In the public view each cell follows the report's public plan (`planSuppression`: small cells, then
 * secondary suppression where a breakdown shows its total; a composition's group sizes as the report plans
 * them; every group of a withheld headline, which the report leaves out), and a team breakdown appears only when the LA's setting allows it (`publicTeams`, `publicTeamsOf`)
 * and every cell passes (report.md §6). A withheld count from 1 to k reads "<6"; a withheld count that is
 * not itself small (a secondary cell) reads "Not shown", never "<6", as in the report. `rule` is the
 * report's public rule. Each table is named as the report names it (`breakdownName`: "By age band", not the
 * key "ageBand"); an ethnicity row by its label in the code list with its code.
 */
export function breakdownTables(
  r: IndicatorResult,
  /** The period shown (`2021-22-Q4`): its collection year's code list names the ethnicities. */
  period: string,
  visibility: Visibility,
  rule: SuppressionRule,
  publicTeams = false,
) {
  const planned = visibility === 'public' ? planSuppression(r, rule) : null;
  const plan = planned?.breakdowns ?? null;
  const ethnicities = loadCodeBook('ssda903', period.slice(0, 7));
  return Object.entries(r.breakdowns)
    .filter(([name]) => !(plan && name === 'team' && (!publicTeams || plan[name]!.some(Boolean))))
    .map(([name, rows]) => tableOf(name, rows));

  function labelOf(name: string, b: BreakdownRow): string {
    // An ethnicity is written as the year's code list names it, with its code: "African (BAFR)".
    const entry = name === 'ethnicity' ? ethnicities?.get('ETHNIC', b.key) : undefined;
    return entry ? `${entry.label} (${entry.code})` : b.label;
  }

  function tableOf(name: string, rows: readonly BreakdownRow[]): GroupTable | RateTable {
    const title = breakdownName(name).replace(/^./, (s) => s.toUpperCase());
    const shape = breakdownShape(name, rows, r.denominator);
    if (shape === 'share' || shape === 'composition') {
      const whole = shape === 'share' ? rows[0]!.denominator! : r.denominator!;
      // A composition shows each group's size (its denominator), planned as the report plans it.
      const sizes = rows.map((b) =>
        shape === 'share'
          ? b
          : {
              ...b,
              numerator: b.denominator!,
              denominator: whole,
              value: roundedPercent(b.denominator!, whole),
            },
      );
      // A withheld headline withholds every group of it, as the report leaves out its breakdowns.
      const hidden = !planned
        ? rows.map(() => false)
        : planned.headline
          ? rows.map(() => true)
          : shape === 'share'
            ? planned.breakdowns[name]!
            : planBreakdown(sizes, rule);
      const shown: GroupRow[] = sizes.map((b, i) => ({
        label: labelOf(name, b),
        number: countText(b.numerator, hidden[i]!, rule.k),
        share: hidden[i] ? 'Small numbers' : b.value === null ? '–' : formatPercent(b.value),
      }));
      // The whole, when the groups make it up (not children missing and children away, who overlap).
      const total: GroupRow | null =
        shape === 'share' && !planned?.headline && rows.reduce((a, b) => a + b.numerator, 0) === whole
          ? { label: 'All', number: formatCount(whole), share: '100.0%' }
          : null;
      const table: GroupTable = {
        name,
        title,
        shape,
        rows: shown,
        total,
        notShown: shown.some((x) => x.number === NOT_SHOWN),
      };
      return table;
    }
    const shown = rows.map((b, i): RateRow => {
      const label = labelOf(name, b);
      if (plan?.[name]?.[i]) {
        return {
          label,
          numerator: '–',
          denominator: '–',
          value:
            b.denominator === null ? countText(b.numerator, true, rule.k) : suppressedText('percent', rule.k),
          interval: '–',
          differs: null,
        };
      }
      const ci = b.denominator ? wilsonPercent(b.numerator, b.denominator) : null;
      // Compared with the LA's figure only where there is an interval to compare (a percentage with cases).
      const differs =
        ci !== null && r.value !== null && r.unit === 'percent' ? r.value < ci[0] || r.value > ci[1] : null;
      return {
        label,
        numerator: formatCount(b.numerator),
        denominator: b.denominator === null ? '–' : formatCount(b.denominator),
        value:
          b.value === null
            ? b.denominator === 0
              ? 'No eligible cases'
              : '–'
            : b.denominator !== null
              ? formatPercent(b.value)
              : formatCount(b.value),
        interval: ci ? `${formatPercent(ci[0])} to ${formatPercent(ci[1])}` : '–',
        differs,
      };
    });
    const table: RateTable = {
      name,
      title,
      shape,
      rows: shown,
      notShown: shown.some((x) => x.value === NOT_SHOWN),
      // A breakdown of counts (no denominators, as the report's tables tell them) shows each group's number
      // only: it has no denominator, interval or comparison to show.
      count: shape === 'counts',
      compares: shown.some((x) => x.differs !== null),
    };
    return table;
  }
}

/** A row of a share or composition table: a group's number and its percentage of the whole. */
export interface GroupRow {
  readonly label: string;
  readonly number: string;
  readonly share: string;
}

/** A breakdown shown as groups of a whole (`share`, `composition`). */
export interface GroupTable {
  readonly name: string;
  readonly title: string;
  readonly shape: 'share' | 'composition';
  readonly rows: readonly GroupRow[];
  /** The whole, for a share ("All", its denominator, 100.0%). */
  readonly total: GroupRow | null;
  /** Some count is withheld without being small itself (the page then explains "Not shown"). */
  readonly notShown: boolean;
}

/** A row of a rate (or counts) table. */
export interface RateRow {
  readonly label: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly value: string;
  readonly interval: string;
  readonly differs: boolean | null;
}

/** A breakdown shown group by group (`rate`, `counts`). */
export interface RateTable {
  readonly name: string;
  readonly title: string;
  readonly shape: 'rate' | 'counts';
  readonly rows: readonly RateRow[];
  readonly notShown: boolean;
  readonly count: boolean;
  readonly compares: boolean;
}

/**
 * The indicator page's commentary history (report.md §8, §9 "histories of restatements and commentary"):
 * every stored edit of this indicator's commentary for the period, newest first, with who, when, the text
 * and the reason; whether the commentary in force is stale; and the link to edit it. Only for roles that
 * may draft reports (officers), who write it; members see the public report's text, not its drafts. In
 * the public view internal entries are left out, as the public version leaves them out.
 */
async function commentaryView(
  c: Context<AppEnv>,
  report: IndicatorReport,
  id: string,
  visibility: Visibility,
) {
  const all = await commentaryHistory(c.var.deps.db, report.la, report.period.id, id);
  const shown = visibility === 'public' ? all.filter((r) => !r.entry.internal) : all;
  return {
    stamp: `${all.length}|${all[0]?.id ?? ''}`,
    stale: staleCommentary(all, report).length > 0,
    editHref: `/reports/commentary/${encodeURIComponent(id)}?${new URLSearchParams({ la: report.la, period: report.period.id })}`,
    history: shown.map((r) => ({
      latest: r === all[0],
      by: r.writtenBy,
      at: r.writtenAt,
      confirmed: r.kind === 'confirm',
      text: r.entry.text,
      mode: r.entry.mode,
      scorecard: r.entry.scorecard,
      reason: r.entry.reason,
      section: r.entry.section,
      action: r.entry.action,
      internal: r.entry.internal,
    })),
  };
}

/** The indicator page and the child-level list behind it (report.md §9). */
export function indicatorRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/indicators/:id', requirePermission('scorecard:view'), async (c) => {
    const loaded = await loadIndicator(c);
    if (loaded instanceof Response) return loaded;
    const { scope, info, result, report, key } = loaded;
    const visibility: Visibility = visibilityFor(accessOf(c)!, c.req.query('view'));
    const rule = publicRuleOf(report.settings, report.indicators);
    const row = scorecardRow(
      result,
      report.indicators.indexOf(result) + 1,
      visibility,
      rule,
      info.directionComparator,
    );
    const trend = visibleTrend(result, visibility, rule);
    const shown = resultSuppression(result, visibility, rule);
    const targets = await trendTargets(
      c,
      scope.la.code,
      info,
      trend.map((t) => t.period),
    );
    const hub = await hubFigures(c, scope.period);
    const restated = await restatedFigures(c, report, key);
    const commentary = userCan(c, 'reports:draft')
      ? await commentaryView(c, report, info.id, visibility)
      : null;
    const pageKey = `indicator|${key}|${info.id}|${visibility}|${JSON.stringify(targets)}|${hub.stamp}|${restated.stamp}|${commentary?.stamp ?? ''}`;
    const html = cachedPage(c, pageKey, 'indicator.njk', () => {
      const alt = `${result.title}: ${trendAltText(info.unit, trend)}${result.target !== null ? `; target ${formatValue(info.unit, result.target)}` : ''}`;
      const showCi = visibility === 'full' && info.unit === 'percent';
      const points = trend.map((t, i) => ({
        period: t.period,
        value: t.value,
        ci95: showCi && t.denominator ? wilsonPercent(t.numerator ?? 0, t.denominator) : null,
        target: targets[i].target,
        tolerance: targets[i].tolerance,
      }));
      // The England figure is drawn for a percentage only, as the report's chart does (`chartedEngland`).
      const england = chartedEngland(info.unit, result.england);
      const chart = trendChart(info.unit, points, england, info.polarity, alt);
      // The table gives every figure the chart draws (WCAG 1.1.1): the intervals and tolerance bands too.
      const range = (r: readonly [number, number] | null): string =>
        r ? `${formatValue(info.unit, r[0])} to ${formatValue(info.unit, r[1])}` : '–';
      const bands = points.map((p) => range(toleranceBand(p, info.polarity)));
      const p = parsePeriod(scope.period);
      const suppressed = row.current.suppressed;
      // Trend figures restated since their periods' editions: marked "r", footnoted (report.md §8, §9).
      const trendNotes: string[] = [];
      const trendValue = (i: number): string => {
        const f = result.trend[i]!;
        const cell = figureCell(info.unit, { ...f }, visibility, false, rule, shown.trend[i]);
        const x = restated.byKey.get(restatedKey(result.id, f.period));
        if (!x || cell.suppressed || cell.sort === null) return cell.text;
        trendNotes.push(restatementNote(info.unit, result.title, x, visibility, rule));
        return `${cell.text} r`;
      };
      const { groups } = c.var.deps;
      return {
        hub: hub.stamp
          ? indicatorHub(
              scope.la.code,
              info.unit,
              result,
              hub.figures,
              groups,
              suppressed,
              hub.minOtherLas,
              report.settings,
              scope.period,
            )
          : null,
        title: result.title,
        laName: scope.la.name,
        la: scope.la,
        period: scope.period,
        periodLabel: periodLabel(p),
        info,
        // The definition as the figure is computed: under the LA's settings (CP visits every 15 working days).
        definition: definitionTextUnder(info, report.settings),
        areaLabel: SERVICE_AREA_LABELS[info.serviceArea],
        row,
        result,
        visibility,
        suppressed,
        value: figureWords(info.unit, result, visibility, rule, shown.headline),
        numerator: suppressed || result.numerator === null ? null : formatCount(result.numerator),
        denominator: suppressed || result.denominator === null ? null : formatCount(result.denominator),
        ci:
          !suppressed && result.ci95
            ? `${formatPercent(result.ci95[0])} to ${formatPercent(result.ci95[1])}`
            : null,
        goodIs: GOOD_IS[info.polarity],
        basis: BASIS_LABELS[result.basis],
        target: targetText(result),
        chart,
        englandKey: england ? englandKey(info.unit, england) : null,
        showTarget: points.some((p) => p.target !== null),
        trendRows: trend.map((t, i) => ({
          period: shortPeriod(t.period),
          value: trendValue(i),
          numerator: t.numerator === null ? '–' : formatCount(t.numerator),
          denominator: t.denominator === null ? '–' : formatCount(t.denominator),
          target:
            targets[i].target === null ? 'No target' : formatValue(info.unit, targets[i].target as number),
          band: bands[i],
          interval: range(points[i].value !== null ? (points[i].ci95 ?? null) : null),
        })),
        showIntervals: showCi,
        showBands: bands.some((b) => b !== '–'),
        trendNotes,
        breakdowns:
          visibility === 'public' || userCan(c, 'breakdowns:view')
            ? breakdownTables(result, scope.period, visibility, rule, publicTeamsOf(report.settings))
            : [],
        notShownNote: NOT_SHOWN_NOTE,
        notes: visibility === 'full' ? result.notes : [],
        childrenHref: `/indicators/${info.id}/children?${new URLSearchParams({ la: scope.la.code, period: scope.period })}`,
        backHref: `/scorecard?${new URLSearchParams({ la: scope.la.code, period: scope.period, ...(visibility === 'public' ? { view: 'public' } : {}) })}`,
        dataset: report.dataset,
        commentary,
        classification:
          visibility === 'full'
            ? 'NOT FOR PUBLICATION: full figures, including small numbers. Do not share outside the council.'
            : null,
      };
    });
    return html;
  });

  app.get('/indicators/:id/children', requirePermission('child-level:view'), async (c) => {
    const loaded = await loadMembers(c);
    if (loaded instanceof Response) return loaded;
    const { scope, info, list, identifiable } = loaded;
    const { filter, shown } = shownMembers(c.req.query('show'), list.members);
    await auditChildLevel(c, 'child-level-view', scope.la.code, {
      indicator: info.id,
      period: scope.period,
      datasetVersion: list.datasetId,
      rows: shown.length,
      list: filter,
      identifiable,
    });
    const dateKeys = memberDateKeys(list.members);
    const q = new URLSearchParams({ la: scope.la.code, period: scope.period });
    return c.html(
      page(c, 'children.njk', {
        title: `Children behind: ${list.title}`,
        indicatorTitle: list.title,
        laName: scope.la.name,
        la: scope.la,
        period: scope.period,
        periodLabel: periodLabel(parsePeriod(scope.period)),
        info,
        identifiable,
        filter,
        total: list.members.length,
        inNumerator: list.members.filter((m) => m.inNumerator).length,
        dateKeys: dateKeys.map((k) => ({ key: k, label: dateColumnLabel(k) })),
        rows: memberRows(c, scope, list, shown, identifiable, dateKeys).map(pageRow),
        datasetId: list.datasetId,
        query: q.toString(),
        backHref: `/indicators/${info.id}?${q}`,
        exportHref: `/indicators/${info.id}/children.csv?${new URLSearchParams({ ...Object.fromEntries(q), show: filter })}`,
        classification: 'OFFICIAL-SENSITIVE: personal data about children. Do not copy or share.',
      }),
    );
  });

  app.get('/indicators/:id/children.csv', requirePermission('child-level:export'), async (c) => {
    const loaded = await loadMembers(c);
    if (loaded instanceof Response) return loaded;
    const { scope, info, list, identifiable } = loaded;
    const { filter, shown } = shownMembers(c.req.query('show'), list.members);
    const dateKeys = memberDateKeys(list.members);
    const rows = memberRows(c, scope, list, shown, identifiable, dateKeys);
    const header = [
      'child',
      ...(identifiable ? ['date_of_birth'] : []),
      'in_numerator',
      ...dateKeys,
      'reason',
    ];
    // Child ids come from the input files: written formula-safe (src/csv/spreadsheet-csv.ts).
    const body = spreadsheetCsv(
      header,
      rows.map((r) => [
        r.child,
        ...(identifiable ? [r.dob] : []),
        r.inNumerator ? 'yes' : 'no',
        ...r.dates,
        r.reason,
      ]),
    );
    await auditChildLevel(c, 'child-level-export', scope.la.code, {
      indicator: info.id,
      period: scope.period,
      datasetVersion: list.datasetId,
      rows: rows.length,
      list: filter,
      format: 'csv',
      identifiable,
    });
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${info.id}-${scope.period}-children.csv"`,
    });
  });

  return app;
}

async function loadMembers(
  c: Context<AppEnv>,
): Promise<Response | { scope: Scope; info: IndicatorInfo; list: MemberList; identifiable: boolean }> {
  const scope = await resolveScope(c);
  if (scope instanceof Response) return scope;
  const id = c.req.param('id') ?? '';
  const info = c.var.deps.services.catalogue().find((i) => i.id === id);
  if (!info) return notFound(c, `There is no indicator "${id}".`);
  const list = await c.var.deps.services.members(scope.la.code, scope.period, id);
  if (!list) return notFound(c, 'There is no child-level list for this figure.');
  return { scope, info, list, identifiable: userCan(c, 'child-level:identifiable') };
}

/** Which members a child list shows: all of them, those in the numerator, or those not in it. */
export type MemberFilter = 'all' | 'numerator' | 'not-numerator';

/**
 * The members a child list shows and its filter, from the `show` query parameter: `numerator` or
 * `not-numerator`, else (absent or any other value) all. The page and its CSV export show the same list.
 * @example shownMembers('numerator', members).shown.every((m) => m.inNumerator) //=> true
 */
export function shownMembers(
  show: string | undefined,
  members: readonly Member[],
): { filter: MemberFilter; shown: Member[] } {
  const filter: MemberFilter = show === 'numerator' || show === 'not-numerator' ? show : 'all';
  const shown = members.filter((m) =>
    filter === 'all' ? true : filter === 'numerator' ? m.inNumerator : !m.inNumerator,
  );
  return { filter, shown };
}

/**
 * The date columns of a child list (page and CSV): every key of the members' `dates`, in the order first met,
 * whichever members the filter shows; numbered keys of one kind together in number order (`placement9Start`
 * before `placement10Start`, which a stored list, its keys sorted as text, meets first).
 * @example memberDateKeys([{ dates: { due: '2022-01-04' } }, { dates: { due: '…', event: '…' } }]) //=> ['due', 'event']
 */
export function memberDateKeys(members: readonly Pick<Member, 'dates'>[]): string[] {
  const keys = [...new Set(members.flatMap((m) => Object.keys(m.dates)))];
  const kind = (k: string): string => k.replace(/\d+/g, '#');
  const numberOf = (k: string): number => Number(/\d+/.exec(k)?.[0] ?? 0);
  const firstOfKind = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!firstOfKind.has(kind(k))) firstOfKind.set(kind(k), i);
  });
  return keys
    .map((k, i) => ({ k, i }))
    .sort(
      (a, b) =>
        firstOfKind.get(kind(a.k))! - firstOfKind.get(kind(b.k))! ||
        numberOf(a.k) - numberOf(b.k) ||
        a.i - b.i,
    )
    .map((x) => x.k);
}

function memberRows(
  c: Context<AppEnv>,
  scope: Scope,
  list: MemberList,
  shown: readonly Member[],
  identifiable: boolean,
  dateKeys: readonly string[],
) {
  const key = c.var.deps.pseudonymKey;
  return shown.map((m) => ({
    child: identifiable ? m.childId : pseudonym(key, scope.la.code, m.childId),
    dob: identifiable ? (list.children.get(m.childId)?.dob ?? '') : '',
    inNumerator: m.inNumerator,
    dates: dateKeys.map((k) => m.dates[k] ?? ''),
    reason: m.reason,
  }));
}

/** A date cell of the child list page: written as the reasons beside it write dates, sorted by the date. */
export interface DateCell {
  /** `05/03/2021`, or '' for none. */
  readonly text: string;
  /** `20210305`, or '' for none (sorted last). */
  readonly sort: string;
}

/**
 * A child list row as the page shows it: dates as `dd/mm/yyyy`, as the row's reason writes them (the
 * page had ISO dates beside `05/03/2021` in the reason), each with its sort key. The CSV keeps ISO dates.
 * @example pageRow({ …, dob: '2009-10-25', dates: ['2021-03-05', ''] }).dates //=> [{ text: '05/03/2021', sort: '20210305' }, { text: '', sort: '' }]
 */
export function pageRow<R extends { readonly dob: string; readonly dates: readonly string[] }>(
  r: R,
): Omit<R, 'dob' | 'dates'> & { readonly dob: DateCell; readonly dates: readonly DateCell[] } {
  const cell = (d: string): DateCell =>
    /^\d{4}-\d{2}-\d{2}$/.test(d)
      ? { text: ukDate(d as IsoDate), sort: d.replaceAll('-', '') }
      : { text: d, sort: '' };
  return { ...r, dob: cell(r.dob), dates: r.dates.map(cell) };
}

/**
 * The heading of a child list's date column, from the date's key in the members' `dates`.
 * @example dateColumnLabel('placement2Start') //=> 'Placement 2 start'
 */
export function dateColumnLabel(key: string): string {
  return key
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (s) => s.toUpperCase());
}

/** For the trend table: the last eight quarter ids ending at a period. */
export function trendPeriods(period: string): string[] {
  return trailingQuarters(parsePeriod(period), 8).map((p) => p.id);
}
