import type { Context } from 'hono';
import { parsePeriod } from '../../calendar/period.js';
import type { IndicatorReport } from '../../indicators/types.js';
import type { AppEnv } from '../env.js';
import { applyTargets } from '../figures/apply-targets.js';
import { forbidden, notFound } from '../middleware/guards.js';
import type { LaInfo } from '../services.js';
import { targetsFor } from '../targets/target-store.js';

/** The LA and period a request is about, checked against the user's LA and the data held. */
export interface Scope {
  readonly la: LaInfo;
  readonly las: readonly LaInfo[];
  readonly periods: readonly string[];
  readonly period: string;
}

/**
 * Resolves `?la=` and `?period=` (defaults: the user's LA, the latest quarter). A user limited to one LA
 * is refused any other (403); an unknown LA or period is 404.
 */
export async function resolveScope(c: Context<AppEnv>): Promise<Scope | Response> {
  const { services } = c.var.deps;
  const user = c.var.user!;
  const all = await services.las();
  const las = user.la ? all.filter((l) => l.code === user.la) : all;
  const wanted = c.req.query('la') ?? user.la ?? las[0]?.code;
  if (user.la && wanted !== user.la)
    return forbidden(c, 'Your account is limited to another local authority.');
  const la = las.find((l) => l.code === wanted);
  if (!la)
    return notFound(
      c,
      wanted ? `There is no data for local authority ${wanted}.` : 'No data has been loaded yet.',
    );
  const periods = await services.periods(la.code);
  const period = c.req.query('period') ?? periods[0];
  if (!period || !periods.includes(period)) {
    return notFound(c, period ? `There are no figures for ${period}.` : 'No figures have been computed yet.');
  }
  return { la, las, periods, period };
}

/** The scorecard for a scope with the LA's targets applied, from the cache when the dataset is unchanged. */
export async function scopedReport(c: Context<AppEnv>, scope: Scope): Promise<IndicatorReport | null> {
  return (await keyedReport(c, scope))?.report ?? null;
}

/**
 * {@link scopedReport} with a key naming exactly these figures (LA, period, dataset version and the
 * targets in force), for caching what is rendered from them.
 */
export async function keyedReport(
  c: Context<AppEnv>,
  scope: Scope,
): Promise<{ report: IndicatorReport; key: string } | null> {
  const { services, cache, db, views } = c.var.deps;
  const current = await services.currentDatasetId(scope.la.code);
  let report = current ? cache.get(scope.la.code, scope.period, current) : undefined;
  if (!report) {
    const fresh = await services.scorecard(scope.la.code, scope.period);
    if (!fresh) return null;
    cache.set(scope.la.code, scope.period, fresh.dataset.id, fresh);
    report = fresh;
  }
  const fy = parsePeriod(scope.period).financialYear;
  const targets = await targetsFor(db, scope.la.code, fy);
  const stamp = targets
    .map((t) => `${t.indicatorId}:${t.setAt}:${t.target}:${t.tolerance}:${t.scheme}`)
    .join(',');
  const key = `${scope.la.code}|${scope.period}|${report.dataset.id}|${stamp}`;
  let applied = views.get(`report|${key}`) as IndicatorReport | undefined;
  if (!applied) {
    applied = applyTargets(report, targets);
    views.set(`report|${key}`, applied);
  }
  return { report: applied, key };
}

/** The LA a request is about (`?la=` or the user's), without a period. */
export async function resolveLaOnly(c: Context<AppEnv>): Promise<LaInfo | Response> {
  const user = c.var.user!;
  const all = await c.var.deps.services.las();
  const wanted = c.req.query('la') ?? user.la ?? all[0]?.code;
  if (user.la && wanted !== user.la)
    return forbidden(c, 'Your account is limited to another local authority.');
  const la = all.find((l) => l.code === wanted);
  if (la) return la;
  if (wanted && user.la) return { code: wanted, name: `Local authority ${wanted}` };
  return notFound(c, wanted ? `There is no local authority ${wanted}.` : 'No data has been loaded yet.');
}
