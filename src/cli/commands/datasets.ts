import type { Command } from 'commander';
import { listDatasetVersions } from '../../store/dataset-versions.js';
import type { DatasetVersion } from '../../store/dataset-versions.js';
import { openDatabase } from '../../store/open.js';
import { StoreBusyError } from '../../store/store-error.js';
import { createOutput } from '../output.js';
import { UserError } from '../user-error.js';
import { laCode } from '../../ingest/la-code.js';
import { LOADER_NOT_RECORDED, datasetLoaders } from '../../web/audit/data-upload.js';

/** A dataset version as `cspi datasets` lists it: with who loaded it (the dashboard's "Loaded by"). */
export type ListedVersion = DatasetVersion & { readonly createdBy: string };

/**
 * The lines `cspi datasets` prints: one per version, newest first, the current one marked, with who loaded it.
 * @example datasetLines(versions)[1] //=> '* 841-v3  2024-05-01 10:02  by command line (jsmith)  as at 2024-03-31  episodes 1,204 …'
 */
export function datasetLines(versions: readonly ListedVersion[]): string[] {
  if (versions.length === 0) return ['No datasets yet: load some with `cspi import PATH... --la CODE`.'];
  const rows = versions.map((v) => {
    const t = v.rowCounts.tables;
    const bySource = new Map<string, string[]>();
    for (const s of v.rowCounts.submissions) {
      if (!s.collectionYear) continue;
      const list = bySource.get(s.source) ?? [];
      if (!list.includes(s.collectionYear)) list.push(s.collectionYear);
      bySource.set(s.source, list);
    }
    const years = [...bySource]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([source, ys]) => {
        const sorted = ys.sort();
        return sorted.length > 2
          ? `${source} ${sorted[0]}…${sorted.at(-1)} (${sorted.length} years)`
          : `${source} ${sorted.join(', ')}`;
      });
    return [
      v.current ? '*' : ' ',
      v.id,
      v.createdAt.slice(0, 16).replace('T', ' '),
      `by ${v.createdBy}`,
      v.extractDate ? `as at ${v.extractDate}` : 'no as-at',
      `children ${fmt(t['children'])}, episodes ${fmt(t['episodes'])}, referrals ${fmt(t['referrals'])}`,
      `errors ${v.validation.error}, warnings ${v.validation.warning}, checks ${v.checks.error + v.checks.warning + v.checks.query}`,
      years.join('; '),
    ];
  });
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return [
    '  (* = current)',
    ...rows.map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    ),
  ];
}

/**
 * What `cspi datasets --la CODE` says when the LA has no dataset: which LAs the database holds, so a mistyped
 * code is not read as "nothing imported yet".
 * @example noDatasetOf('805', 'cspi.db', ['841']) //=> 'No dataset of LA 805 in cspi.db (it holds LA 841).'
 */
export function noDatasetOf(la: string, location: string, held: readonly string[]): string {
  return held.length === 0
    ? `No dataset of LA ${la} in ${location}: it holds none yet (load some with cspi import PATH... --la ${la}).`
    : `No dataset of LA ${la} in ${location} (it holds LA ${held.join(', ')}).`;
}

function fmt(n: number | undefined): string {
  return (n ?? 0).toLocaleString('en-GB');
}

/**
 * Registers `cspi datasets [--la CODE] [--db URL] [--json]`: lists dataset versions, each with who loaded it
 * (`createdBy` in `--json`: the dashboard's name for it; {@link datasetLoaders}).
 */
export function register(program: Command): void {
  program
    .command('datasets')
    .description('List dataset versions (newest first; * marks the current one)')
    .option('--la <code>', 'only this LA', laCode)
    .option('--db <url>', 'database: an SQLite file or postgres:// URL (default DATABASE_URL or ./cspi.db)')
    .option('--json', 'print the versions as JSON')
    .action(async (o: { la?: string; db?: string; json?: boolean }) => {
      const out = createOutput(o.json ?? false);
      let db;
      try {
        db = await openDatabase(o.db, { mustExist: true, readOnlyIfUnwritable: true });
      } catch (err) {
        if (err instanceof StoreBusyError) throw new UserError(err.message, 2);
        throw err;
      }
      try {
        const la = o.la?.trim() || undefined;
        const loaders = await datasetLoaders(db, la);
        const versions: ListedVersion[] = (await listDatasetVersions(db, la)).map((v) => ({
          ...v,
          createdBy: loaders.get(v.id) ?? LOADER_NOT_RECORDED,
        }));
        if (la !== undefined && versions.length === 0) {
          const held = [...new Set((await listDatasetVersions(db)).map((v) => v.la))].sort();
          out.info(noDatasetOf(la, db.location, held));
        } else for (const line of datasetLines(versions)) out.info(line);
        out.result(versions);
      } finally {
        await db.close();
      }
    });
}
