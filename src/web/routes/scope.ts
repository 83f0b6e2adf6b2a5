import type { Context } from 'hono';
import { parsePeriod } from '../../calendar/period.js';
import type { IndicatorReport } from '../../indicators/types.js';
import type { AppEnv } from '../env.js';
import { forbidden, notFound } from '../middleware/guards.js';
import type { LaInfo } from '../services.js';
import { storedTargets } from '../../store/targets.js';
import type { TargetSet } from '../../indicators/targets.js';
import { freshRead } from '../fresh-read.js';

/** The {@link freshRead} key of an LA's stored targets for a financial year (forgotten when one is set). */
export function targetsKey(la: string, financialYear: string): string {
  return `targets|${la}|${financialYear}`;
}

/** The {@link freshRead} key of an LA's stored commentary for a period (forgotten when it is edited). */
export function commentaryKey(la: string, period: string): string {
  return `commentary|${la}|${period}`;
}

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

/** The scorecard for a scope, rated by the engine against the LA's stored targets. */
export async function scopedReport(c: Context<AppEnv>, scope: Scope): Promise<IndicatorReport | null> {
  return (await keyedReport(c, scope))?.report ?? null;
}

/**
 * {@link scopedReport} with a key naming exactly these figures (LA, period, dataset version and the
 * targets in force), for caching what is rendered from them. The targets are the dashboard's
 * (`storedTargets`), passed to the engine, which rates each indicator.
 */
export async function keyedReport(
  c: Context<AppEnv>,
  scope: Scope,
): Promise<{ report: IndicatorReport; key: string; targets: TargetSet | null } | null> {
  const { services, db, views } = c.var.deps;
  const current = await services.currentDatasetId(scope.la.code);
  if (!current) return null;
  const fy = parsePeriod(scope.period).financialYear;
  const targets = await freshRead(views, targetsKey(scope.la.code, fy), () =>
    storedTargets(db, scope.la.code, fy),
  );
  const key = `${scope.la.code}|${scope.period}|${current}|${targets ? JSON.stringify(targets.overrides) : ''}`;
  let report = views.get(`report|${key}`) as IndicatorReport | undefined;
  if (!report) {
    const fresh = await services.scorecard(scope.la.code, scope.period, targets);
    if (!fresh) return null;
    report = fresh;
    views.set(`report|${key}`, report);
  }
  return { report, key, targets };
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
