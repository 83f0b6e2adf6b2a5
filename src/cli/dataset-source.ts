import type { IsoDate } from '../calendar/iso-date.js';
import type { LaDataset } from '../model/la-dataset.js';
import { listDatasetVersions } from '../store/dataset-versions.js';
import { loadDatasetVersion } from '../store/load-dataset.js';
import { openDatabase } from '../store/open.js';
import { storedTargets } from '../store/targets.js';
import { type AuditEntry, appendAudit } from '../web/audit/audit-log.js';
import type { TargetSet } from '../indicators/targets.js';
import { UserError } from './user-error.js';
import { commandLineActor } from './os-user.js';

/** A dataset version loaded for computing: the merged records and what identifies the version. */
export interface LoadedDataset {
  readonly data: LaDataset;
  readonly id: string;
  readonly hash: string;
  readonly asAt: IsoDate | null;
}

/** Where the command reads datasets from (the store; an in-memory source in tests). */
export interface DatasetSource {
  /** The current dataset version of an LA (or the only LA when `la` is not given). */
  load(la: string | undefined): Promise<LoadedDataset>;
  /** The targets the LA set in the dashboard for a financial year (null = none; the catalogue's apply). */
  targets?(la: string, financialYear: string): Promise<TargetSet | null>;
  /** Writes an entry to the store's audit log, "command line (OS user)" as the actor (a store-backed source). */
  audit?(entry: Pick<AuditEntry, 'action' | 'la' | 'detail'>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The store-backed dataset source: opens the database (`--db`, else DATABASE_URL, else ./cspi.db) and loads
 * an LA's current dataset version (or `datasetId`). Without `--la`, the store must hold exactly one LA. With
 * `readOnlyIfUnwritable` (a caller that writes nothing, not even an audit entry) a file this user cannot
 * write is read as it is ({@link openDatabase}).
 */
export async function storeDatasetSource(
  dbUrl: string | undefined,
  datasetId: string | undefined,
  options: { readonly readOnlyIfUnwritable?: boolean } = {},
): Promise<DatasetSource> {
  const db = await openDatabase(dbUrl, {
    mustExist: true,
    readOnlyIfUnwritable: options.readOnlyIfUnwritable ?? false,
  });
  return {
    targets: (la, financialYear) => storedTargets(db, la, financialYear),
    audit: async (entry) => void (await appendAudit(db, { actor: commandLineActor(), ip: null, ...entry })),
    load: async (la) => {
      let code = la;
      if (code === undefined) {
        const las = [...new Set((await listDatasetVersions(db)).map((v) => v.la))].sort();
        if (las.length !== 1) {
          throw new UserError(
            las.length === 0
              ? `the database ${db.location} holds no datasets: import one first (cspi import)`
              : `the database holds several LAs (${las.join(', ')}): choose one with --la`,
            2,
            las.length === 0 ? 'NO-DATASET' : 'LA-NOT-CHOSEN',
          );
        }
        code = las[0]!;
      }
      // A current version without a snapshot of this assembly version (imported before an upgrade) is kept
      // assembled, so the next command loads it in two reads.
      const loaded = await loadDatasetVersion(
        db,
        code,
        la === undefined || la === code ? datasetId : undefined,
        { keepAssembled: true },
      );
      if (!loaded) {
        if (datasetId) throw new UserError(`LA ${code} has no dataset version ${datasetId}`, 2, 'NO-DATASET');
        const held = [...new Set((await listDatasetVersions(db)).map((v) => v.la))].sort();
        throw new UserError(
          `LA ${code} has no dataset in ${db.location}` +
            (held.length === 0 ? ': it holds none yet (cspi import)' : ` (it holds LA ${held.join(', ')})`),
          2,
          'NO-DATASET',
        );
      }
      return {
        data: loaded.dataset,
        id: loaded.version.id,
        hash: loaded.version.contentHash,
        asAt: loaded.version.extractDate,
      };
    },
    close: () => db.close(),
  };
}
