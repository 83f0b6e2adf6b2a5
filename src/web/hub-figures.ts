import type { Context } from 'hono';
import { hubSettings } from '../hub/hub-settings.js';
import { type StoredFigure, currentFigures } from '../hub/indicator-results.js';
import type { AppEnv } from './env.js';
import { freshRead } from './fresh-read.js';

/** The figures other LAs have in the store for a period (hub results), with a stamp naming their version. */
export interface HubFigures {
  readonly figures: readonly StoredFigure[];
  /** Empty when the store holds no results for the period. */
  readonly stamp: string;
  /** The hub's sharing rule: the fewest other LAs an aggregate shown to an LA may be made of. */
  readonly minOtherLas: number;
}

/**
 * Every LA's stored headline figures for a period (`indicator_results`, each LA's current dataset version),
 * read once per version of those results (one count query a second: `freshRead`) and kept in the view cache,
 * with the hub's sharing rule (hub-settings.ts) they are shown under. The stamp counts the dataset versions
 * too: a version imported since an LA's figures were computed makes them from an earlier version
 * (`fromEarlierVersion`), which the pages say.
 * @example const { figures, stamp } = await hubFigures(c, '2021-22-Q3')
 */
export async function hubFigures(c: Context<AppEnv>, period: string): Promise<HubFigures> {
  const { db, views } = c.var.deps;
  const v = await freshRead(views, `hub-stamp|${period}`, () =>
    db.get<{ n: number | string; at: string | null; nv: number | string; sv: number | string | null }>(
      `SELECT COUNT(*) AS n, MAX(computed_at) AS at,
              (SELECT COUNT(*) FROM dataset_versions) AS nv, (SELECT SUM(seq) FROM dataset_versions) AS sv
         FROM indicator_results WHERE period = ?`,
      [period],
    ),
  );
  const { minOtherLas } = await freshRead(views, 'hub-settings', () => hubSettings(db));
  if (!v || Number(v.n) === 0) return { figures: [], stamp: '', minOtherLas };
  const stamp = `${v.n}@${v.at}/${minOtherLas}/${v.nv}:${v.sv}`;
  const key = `hub|${period}|${stamp}`;
  let figures = views.get(key) as StoredFigure[] | undefined;
  if (!figures) {
    figures = await currentFigures(db, period);
    views.set(key, figures);
  }
  return { figures, stamp, minOtherLas };
}
