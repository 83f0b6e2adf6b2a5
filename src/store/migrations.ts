import type { Migration } from './database.js';
import { migration as storeCore } from './migrations/001-store-core.js';
import { migration as recordTables } from './migrations/002-record-tables.js';
import { migration as indicatorResults } from './migrations/100-indicator-results.js';
import { migration as webTables } from './migrations/090-web.js';
import { migration as webAuditAppendOnly } from './migrations/091-web-audit-append-only.js';
import { migration as editions } from './migrations/110-editions.js';
import { migration as submissionCounts } from './migrations/003-submission-counts.js';
import { migration as storedTables } from './migrations/004-stored-tables.js';
import { migration as editionsAppendOnly } from './migrations/111-editions-append-only.js';
import { migration as targetsImprovementAware } from './migrations/112-targets-improvement-aware.js';
import { migration as datasetSnapshots } from './migrations/005-dataset-snapshots.js';
import { migration as submissionsKept } from './migrations/006-submissions-kept.js';
import { migration as datasetSnapshotParts } from './migrations/007-dataset-snapshot-parts.js';
import { migration as recordKeysBytewise } from './migrations/008-record-keys-bytewise.js';
import { migration as annexACp } from './migrations/009-annex-a-cp.js';
import { migration as targetsThresholds } from './migrations/113-targets-thresholds.js';
import { migration as commentary } from './migrations/120-commentary.js';
import { migration as hubSettings } from './migrations/121-hub-settings.js';
import { migration as editionOutputs } from './migrations/122-edition-outputs.js';
import { migration as editionDocuments } from './migrations/123-edition-documents.js';

/**
 * Every schema change, in the order applied. Append new ones at the end (a file
 * `store/migrations/NNN-name.ts` exporting `migration: Migration` in SQL both SQLite and PostgreSQL accept);
 * never edit or reorder one that has shipped. The order of this list, not the file numbers, is the order applied.
 */
export const MIGRATIONS: readonly Migration[] = [
  storeCore,
  recordTables,
  indicatorResults,
  webTables,
  webAuditAppendOnly,
  editions,
  submissionCounts,
  storedTables,
  editionsAppendOnly,
  targetsImprovementAware,
  datasetSnapshots,
  submissionsKept,
  datasetSnapshotParts,
  recordKeysBytewise,
  annexACp,
  targetsThresholds,
  commentary,
  hubSettings,
  editionOutputs,
  editionDocuments,
];
