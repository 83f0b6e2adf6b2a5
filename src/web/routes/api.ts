import { Hono } from 'hono';
import { auditChildLevel } from '../audit/child-level.js';
import { accessOf, userCan } from '../access.js';
import type { AppEnv } from '../env.js';
import { apiIndicator } from '../figures/public-result.js';
import { publicRuleOf, publicTeamsOf } from '../figures/suppression.js';
import { notFound, requirePermission, requireUser } from '../middleware/guards.js';
import { openApiDocument } from '../openapi.js';
import { pseudonym } from './indicator.js';
import { visibilityFor } from './scorecard.js';
import { commentaryKey, keyedReport, resolveScope, scopedReport } from './scope.js';
import { freshRead } from '../fresh-read.js';
import { definitionTextUnder } from '../../indicators/definition-under.js';
import { commentaryCell } from '../figures/scorecard-view.js';
import {
  commentaryHistory,
  latestCommentary,
  staleCommentary,
} from '../../report/commentary/commentary-store.js';

/** The JSON API under /api (documented in /api/openapi.json), with the same permissions as the pages. */
export function apiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.use('*', requireUser());

  /**
   * The scorecard as JSON. Officers (roles that draft reports) get each indicator's `commentary` as the
   * scorecard page's Commentary column shows it (report.md §3, §6, §9): `{ text, stale }` for the entry in
   * force (its scorecard text; never an internal entry in the public view), or null when none is in force
   * in that view. Members read commentary only in published papers, so for them the field is absent. Like
   * the page, reading it is not audited (only child-level views and exports are).
   */
  app.get('/scorecard', requirePermission('scorecard:view'), async (c) => {
    const scope = await resolveScope(c);
    if (scope instanceof Response) return scope;
    const keyed = await keyedReport(c, scope);
    if (!keyed) return notFound(c, 'No figures have been computed for this period.');
    const { report, key } = keyed;
    const visibility = visibilityFor(accessOf(c)!, c.req.query('view'));
    // Officers' commentary, as the scorecard page shows it (one query, shared and forgotten on a save).
    const officer = userCan(c, 'reports:draft');
    const history = officer
      ? await freshRead(c.var.deps.views, commentaryKey(scope.la.code, scope.period), () =>
          commentaryHistory(c.var.deps.db, scope.la.code, scope.period),
        )
      : [];
    const commentaryStamp = officer ? `${history.length}|${history[0]?.id ?? ''}` : 'none';
    const cacheKey = `api-scorecard|${key}|${visibility}|${commentaryStamp}`;
    let body = c.var.deps.views.get(cacheKey) as Buffer | undefined;
    if (!body) {
      const rule = publicRuleOf(report.settings, report.indicators);
      const teams = publicTeamsOf(report.settings);
      const notes = officer
        ? {
            commentary: latestCommentary(history, null),
            staleCommentary: new Set(staleCommentary(history, report)),
          }
        : null;
      const indicators = report.indicators.map((r) => ({
        ...apiIndicator(r, visibility, rule, teams),
        ...(notes ? { commentary: commentaryCell(r.id, visibility, notes) } : {}),
      }));
      const counts = { green: 0, amber: 0, red: 0, none: 0, rated: 0 };
      for (const r of indicators) {
        if (r.rag) {
          counts[r.rag]++;
          counts.rated++;
        } else counts.none++;
      }
      body = Buffer.from(
        JSON.stringify({
          la: { code: scope.la.code, name: scope.la.name },
          period: report.period,
          dataset: report.dataset,
          visibility,
          ragCounts: counts,
          indicators,
        }),
      );
      c.var.deps.views.set(cacheKey, body);
    }
    return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), 200, {
      'Content-Type': 'application/json; charset=utf-8',
    });
  });

  app.get('/indicators/:id', requirePermission('scorecard:view'), async (c) => {
    const scope = await resolveScope(c);
    if (scope instanceof Response) return scope;
    const info = c.var.deps.services.catalogue().find((i) => i.id === c.req.param('id'));
    if (!info) return notFound(c, `There is no indicator "${c.req.param('id')}".`);
    const report = await scopedReport(c, scope);
    const r = report?.indicators.find((x) => x.id === info.id);
    if (!report || !r) return notFound(c, 'No figures have been computed for this period.');
    const visibility = visibilityFor(accessOf(c)!, c.req.query('view'));
    return c.json({
      la: { code: scope.la.code, name: scope.la.name },
      period: report.period,
      dataset: report.dataset,
      visibility,
      definition: {
        // Worded under the LA's settings, as the figure is computed (CP visits every 15 working days).
        ...definitionTextUnder(info, report.settings),
        definitionVersion: info.definitionVersion,
        specSection: info.specSection,
        directionComparator: info.directionComparator,
      },
      indicator: apiIndicator(
        r,
        visibility,
        publicRuleOf(report.settings, report.indicators),
        publicTeamsOf(report.settings),
      ),
    });
  });

  /**
   * The child-level list as JSON. A machine-readable copy of the whole list is an export, not a view
   * (report.md §9: "export needs a separate permission"), so it needs `child-level:export`, as the CSV
   * does, and is audited as `child-level-export` (format json); the list page is the view.
   */
  app.get('/indicators/:id/members', requirePermission('child-level:export'), async (c) => {
    const scope = await resolveScope(c);
    if (scope instanceof Response) return scope;
    const id = c.req.param('id');
    const list = await c.var.deps.services.members(scope.la.code, scope.period, id);
    if (!list) return notFound(c, 'There is no child-level list for this figure.');
    const identifiable = userCan(c, 'child-level:identifiable');
    await auditChildLevel(c, 'child-level-export', scope.la.code, {
      indicator: id,
      period: scope.period,
      datasetVersion: list.datasetId,
      rows: list.members.length,
      list: 'all',
      format: 'json',
      identifiable,
    });
    return c.json({
      la: scope.la.code,
      period: scope.period,
      indicator: id,
      datasetVersion: list.datasetId,
      identifiable,
      members: list.members.map((m) => ({
        child: identifiable ? m.childId : pseudonym(c.var.deps.pseudonymKey, scope.la.code, m.childId),
        ...(identifiable ? { dob: list.children.get(m.childId)?.dob ?? null } : {}),
        inNumerator: m.inNumerator,
        dates: m.dates,
        reason: m.reason,
        ...(identifiable ? { recordIds: m.recordIds } : {}),
      })),
    });
  });

  return app;
}
