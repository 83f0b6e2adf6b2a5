import type { Database } from '../database.js';
import { ASSEMBLY_VERSION } from './assembly-version.js';
import { type DatasetSnapshot, decodeSnapshot, encodeSnapshot } from './snapshot-codec.js';

/**
 * Stores the snapshot of an LA's new current version and drops the LA's older ones (only the current
 * version is kept assembled; an older one is assembled from its records when asked for). Returns false,
 * storing nothing, when there is no snapshot or the dataset holds a value it could not give back exactly.
 * @example await writeSnapshot(tx, '841', '841-v3', { dataset, checks }, now) //=> true
 */
export async function writeSnapshot(
  db: Database,
  la: string,
  datasetId: string,
  snapshot: DatasetSnapshot | null,
  createdAt: string,
): Promise<boolean> {
  await db.run('DELETE FROM dataset_snapshots WHERE la = ?', [la]);
  const body = snapshot ? encodeSnapshot(snapshot) : null;
  if (body === null) return false;
  await db.run(
    'INSERT INTO dataset_snapshots (dataset_id, la, assembly, created_at, body) VALUES (?, ?, ?, ?, ?)',
    [datasetId, la, ASSEMBLY_VERSION, createdAt, body],
  );
  return true;
}

/**
 * The stored snapshot of a dataset version, or undefined when it has none written by this assembly version.
 * @example (await readSnapshot(db, '841-v3'))?.dataset.episodes.length //=> 1234
 */
export async function readSnapshot(db: Database, datasetId: string): Promise<DatasetSnapshot | undefined> {
  const row = await db.get<{ body: string }>(
    'SELECT body FROM dataset_snapshots WHERE dataset_id = ? AND assembly = ?',
    [datasetId, ASSEMBLY_VERSION],
  );
  return row ? (decodeSnapshot(row.body) ?? undefined) : undefined;
}
