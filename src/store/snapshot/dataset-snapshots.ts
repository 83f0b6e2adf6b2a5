import type { Database } from '../database.js';
import { ASSEMBLY_VERSION } from './assembly-version.js';
import type { LaDataset } from '../../model/la-dataset.js';
import { type DatasetSnapshot, decodeSnapshot, encodeSnapshot, figuresSnapshot } from './snapshot-codec.js';

/**
 * Stores the snapshot of an LA's new current version (its head in `dataset_snapshots`, its parts in
 * `dataset_snapshot_parts`) and drops the LA's older ones (only the current version is kept assembled; an
 * older one is assembled from its records when asked for). Returns false, storing nothing, when there is
 * no snapshot or the dataset holds a value it could not give back exactly.
 * @example await writeSnapshot(tx, '841', '841-v3', { dataset, checks }, now) //=> true
 */
export async function writeSnapshot(
  db: Database,
  la: string,
  datasetId: string,
  snapshot: DatasetSnapshot | null,
  createdAt: string,
): Promise<boolean> {
  await db.run('DELETE FROM dataset_snapshot_parts WHERE la = ?', [la]);
  await db.run('DELETE FROM dataset_snapshots WHERE la = ?', [la]);
  const text = snapshot ? encodeSnapshot(snapshot) : null;
  if (text === null) return false;
  await db.run(
    'INSERT INTO dataset_snapshots (dataset_id, la, assembly, created_at, body) VALUES (?, ?, ?, ?, ?)',
    [datasetId, la, ASSEMBLY_VERSION, createdAt, text.head],
  );
  // One statement per part: a part is a long value (up to tens of MB) that a statement's parameter carries
  // as it is, where COPY would first escape it.
  for (let part = 0; part < text.parts.length; part++) {
    await db.run('INSERT INTO dataset_snapshot_parts (dataset_id, la, part, body) VALUES (?, ?, ?, ?)', [
      datasetId,
      la,
      part,
      text.parts[part],
    ]);
  }
  return true;
}

/** The head of a dataset version's snapshot written by this assembly version, if there is one. */
function snapshotHead(db: Database, datasetId: string): Promise<{ body: string } | undefined> {
  return db.get<{ body: string }>(
    'SELECT body FROM dataset_snapshots WHERE dataset_id = ? AND assembly = ?',
    [datasetId, ASSEMBLY_VERSION],
  );
}

/**
 * The stored snapshot of a dataset version, or undefined when it has none written by this assembly version
 * (or its parts are not all there).
 * @example (await readSnapshot(db, '841-v3'))?.dataset.episodes.length //=> 1234
 */
export async function readSnapshot(db: Database, datasetId: string): Promise<DatasetSnapshot | undefined> {
  const head = await snapshotHead(db, datasetId);
  if (!head) return undefined;
  const parts = await db.all<{ body: string }>(
    'SELECT body FROM dataset_snapshot_parts WHERE dataset_id = ? ORDER BY part',
    [datasetId],
  );
  return decodeSnapshot({ head: head.body, parts: parts.map((p) => p.body) }) ?? undefined;
}

/**
 * The stored snapshot of a dataset version read for its figures only ({@link figuresSnapshot}): the records
 * without their source references and no checks, fetching only the parts that hold the rest. Undefined when
 * the version has no snapshot written by this assembly version (or a part is missing).
 * @example (await readFiguresSnapshot(db, '841-v3'))?.episodes[0]?.source //=> { file: '', position: '', submissionId: '' }
 */
export async function readFiguresSnapshot(db: Database, datasetId: string): Promise<LaDataset | undefined> {
  const head = await snapshotHead(db, datasetId);
  const figures = head ? figuresSnapshot(head.body) : null;
  if (!figures) return undefined;
  const texts = new Map<number, string>();
  if (figures.parts.length > 0) {
    const rows = await db.all<{ part: number; body: string }>(
      `SELECT part, body FROM dataset_snapshot_parts WHERE dataset_id = ? AND part IN (${figures.parts
        .map(() => '?')
        .join(', ')})`,
      [datasetId, ...figures.parts],
    );
    for (const r of rows) texts.set(Number(r.part), r.body);
  }
  return figures.decode(texts) ?? undefined;
}
