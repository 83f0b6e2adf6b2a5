import type { IsoDate } from '../../calendar/iso-date.js';
import type { SourceKind } from '../../model/source.js';
import type { Database } from '../../store/database.js';
import { versionSubmissions } from '../../store/stored-submissions.js';
import type { DatasetSource } from '../model/report-options.js';

const SOURCE_NAMES: Readonly<Record<SourceKind, string>> = {
  ssda903: 'SSDA903 return',
  cin: 'CIN census',
  'annex-a': 'Ofsted Annex A',
  local: 'Local files',
};

/**
 * Appendix D's import and extract date per source of a dataset version (report.md §2 item 7): for each kind
 * of source the version holds (SSDA903, CIN census, Annex A, local files), the date of its latest import
 * and its latest extract (as-at) date. Aggregates only; in the order above.
 * @example await datasetSourcesOf(db, '841-v1') //=> [{ source: 'SSDA903 return', importedAt: '2022-01-20', extractDate: '2021-12-31' }, …]
 */
export async function datasetSourcesOf(db: Database, datasetId: string): Promise<DatasetSource[]> {
  const subs = await versionSubmissions(db, datasetId);
  if (subs.length === 0) return [];
  const ids = [...new Set(subs.map((s) => s.importId))];
  const imports = await db.all<{ id: string; finished_at: string }>(
    `SELECT id, finished_at FROM imports WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const finished = new Map(imports.map((i) => [i.id, String(i.finished_at).slice(0, 10)]));
  const out: DatasetSource[] = [];
  for (const kind of Object.keys(SOURCE_NAMES) as SourceKind[]) {
    const of = subs.filter((s) => s.source === kind);
    if (of.length === 0) continue;
    const latest = (xs: readonly (string | null | undefined)[]) =>
      xs.filter((x): x is string => !!x).reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
    out.push({
      source: SOURCE_NAMES[kind],
      importedAt: latest(of.map((s) => finished.get(s.importId))) ?? 'an unknown date',
      extractDate: latest(of.map((s) => s.asAt)) as IsoDate | null,
    });
  }
  return out;
}
