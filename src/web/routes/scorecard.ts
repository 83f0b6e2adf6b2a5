import { Hono } from 'hono';
import { parsePeriod, periodLabel, previousPeriod } from '../../calendar/period.js';
import type { ServiceArea } from '../../indicators/types.js';
import { type Access, can } from '../auth/permissions.js';
import { accessOf, userCan } from '../access.js';
import type { AppEnv } from '../env.js';
import { SERVICE_AREA_LABELS, SERVICE_AREAS, shortPeriod } from '../figures/format.js';
import { hubSnMeanText } from '../figures/hub-view.js';
import { hubFigures } from '../hub-figures.js';
import { restatedFigures } from '../restated-figures.js';
import { hubBenchmarksOf, snGroupName } from '../../report/model/hub-benchmarks.js';
import type { Visibility } from '../figures/figure-view.js';
import { scorecardView } from '../figures/scorecard-view.js';
import { requirePermission } from '../middleware/guards.js';
import { notFound } from '../middleware/guards.js';
import { cachedPage } from '../pages.js';
import { commentaryKey, keyedReport, resolveScope } from './scope.js';
import { freshRead } from '../fresh-read.js';
import {
  commentaryHistory,
  latestCommentary,
  staleCommentary,
} from '../../report/commentary/commentary-store.js';
import { render } from '../render.js';
import { COMPARATOR_LABELS, chosenComparator, withComparator } from '../figures/comparator.js';

/**
 * Which view a user gets: those without `figures:full` (members; on a multi-LA store, any account with no LA)
 * always the public one; others choose (full by default).
 */
export function visibilityFor(who: Access, asked: string | undefined): Visibility {
  if (!can(who, 'figures:full')) return 'public';
  return asked === 'public' ? 'public' : 'full';
}

/**
 * The scorecard page (report.md §3, §9): period, comparator (`?comparator=previous|last-year`; by default
 * each indicator's catalogue comparator), public or full, service area; the Commentary column from the
 * commentary written on the dashboard (public view and members: never internal entries; officers: stale
 * entries marked, in both views, as the indicator page marks them).
 */
export function scorecardRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.redirect('/scorecard', 302));
  app.get('/scorecard', requirePermission('scorecard:view'), async (c) => {
    const scope = await resolveScope(c);
    if (scope instanceof Response) return scope;
    const keyed = await keyedReport(c, scope);
    if (!keyed) return notFound(c, 'No figures have been computed for this period.');
    const { report, key } = keyed;
    const areaQ = c.req.query('area');
    const area = SERVICE_AREAS.includes(areaQ as ServiceArea) ? (areaQ as ServiceArea) : null;
    const visibility = visibilityFor(accessOf(c)!, c.req.query('view'));
    const comparator = chosenComparator(c.req.query('comparator'));
    const canChoose = userCan(c, 'figures:full');
    const p = parsePeriod(scope.period);
    const laKey = scope.las.map((l) => l.code).join(',');
    const { groups } = c.var.deps;
    const snName = snGroupName(groups, scope.la.code);
    const hub = await hubFigures(c, scope.period);
    const restated = await restatedFigures(c, report, key);
    // The period's commentary: one query, shared by the requests of the next second (freshRead), forgotten
    // when an officer saves commentary. Officers (who write it) see stale entries marked.
    const history = await freshRead(c.var.deps.views, commentaryKey(scope.la.code, scope.period), () =>
      commentaryHistory(c.var.deps.db, scope.la.code, scope.period),
    );
    const officer = userCan(c, 'reports:draft');
    const commentaryStamp = `${history.length}|${history[0]?.id ?? ''}`;
    const viewKey = `scorecard|${key}|${visibility}|${comparator ?? ''}|${area ?? ''}|${canChoose}|${laKey}|${hub.stamp}|${restated.stamp}|${commentaryStamp}|${officer}`;
    const html = cachedPage(c, viewKey, 'scorecard.njk', () => {
      // A chosen comparator replaces each indicator's own, and its direction is taken against it.
      const comparators = new Map(
        c.var.deps.services.catalogue().map((i) => [i.id, comparator ?? i.directionComparator]),
      );
      const compared = comparator
        ? { ...report, indicators: report.indicators.map((r) => withComparator(r, comparator)) }
        : report;
      const sn =
        snName && hub.stamp
          ? new Map(
              report.indicators.map((r) => [
                r.id,
                hubSnMeanText(
                  scope.la.code,
                  r,
                  hub.figures,
                  groups,
                  snName!,
                  hub.minOtherLas,
                  report.settings,
                ),
              ]),
            )
          : snName
            ? new Map<string, string>()
            : null;
      const view = scorecardView(compared, visibility, area, comparators, sn, {
        restated: restated.byKey,
        hub: hub.stamp ? hubBenchmarksOf(report, hub.figures, groups, hub.minOtherLas) : null,
        // Officers' text is a draft until a report carrying it is published: members (who read the
        // published papers) see none of it here, as on the indicator page.
        commentary: officer ? latestCommentary(history, null) : { author: null, entries: {} },
        ...(officer ? { staleCommentary: new Set(staleCommentary(history, report)) } : {}),
      });
      const q = (extra: Record<string, string>) =>
        new URLSearchParams({ la: scope.la.code, period: scope.period, ...extra }).toString();
      const body = render('scorecard-body.njk', {
        can: { 'figures:full': canChoose },
        la: scope.la,
        laItems: scope.las.map((l) => ({
          value: l.code,
          text: `${l.name} (${l.code})`,
          selected: l.code === scope.la.code,
        })),
        period: scope.period,
        periodLabel: periodLabel(p),
        periodStart: p.start,
        periodEnd: p.end,
        previousLabel: shortPeriod(previousPeriod(p).id),
        periods: scope.periods.map((id) => ({
          value: id,
          text: periodLabel(parsePeriod(id)),
          selected: id === scope.period,
        })),
        areas: [
          { value: '', text: 'All service areas', selected: area === null },
          ...SERVICE_AREAS.map((a) => ({ value: a, text: SERVICE_AREA_LABELS[a], selected: a === area })),
        ],
        area,
        areaLabel: area ? SERVICE_AREA_LABELS[area] : null,
        comparatorItems: [
          { value: '', text: 'Each indicator’s usual comparator', selected: comparator === null },
          ...(['previous', 'last-year'] as const).map((v) => ({
            value: v,
            text: `${COMPARATOR_LABELS[v].replace(/^./, (x) => x.toUpperCase())}`,
            selected: v === comparator,
          })),
        ],
        comparatorLabel: comparator ? COMPARATOR_LABELS[comparator] : null,
        visibility,
        view,
        // An SN column with no LA's figures for the quarter (not computed on the hub) says why it reads
        // "No figures", rather than leaving a column of them unexplained.
        snNotHeld: snName !== null && !hub.stamp,
        dataset: report.dataset,
        indicatorQuery: q(visibility === 'public' ? { view: 'public' } : {}),
      });
      return {
        title: `Scorecard ${periodLabel(p)}`,
        laName: scope.la.name,
        body,
        classification:
          visibility === 'full'
            ? 'NOT FOR PUBLICATION: full figures, including small numbers. Do not share outside the council.'
            : null,
      };
    });
    return html;
  });
  return app;
}
