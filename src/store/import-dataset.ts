import { createHash, randomUUID } from 'node:crypto';
import type { IngestResult, RecordTables, StagedSubmission, StagedTables } from '../ingest/staged.js';
import { recordTablesOf } from '../ingest/episode-table.js';
import type { LaDataset } from '../model/la-dataset.js';
import type { RowCount, ValidationIssue } from '../validate/issue.js';
import {
  type AssembledDataset,
  assembleChecks,
  assembleDataset,
  datasetChecks,
} from './assemble/assemble-dataset.js';
import type { SubmissionRecords } from './assemble/submission-records.js';
import { reidentifyInPlace } from './assemble/keyed-merge.js';
import type { Database } from './database.js';
import type { SubmissionSummary, ValidationSummary } from './dataset-versions.js';
import { lockLa, summariseIssues } from './dataset-versions.js';
import type { PseudonymKey } from './pseudonymise.js';
import { personalValuesOf, pseudonymiseIssue, pseudonymiseTables } from './pseudonymise.js';
import { writeRecords } from './records/record-io.js';
import type { StoredSubmission } from './stored-submissions.js';
import { readSubmission, versionSubmissions } from './stored-submissions.js';
import { submissionIdentity } from './submission-identity.js';
import { laCode } from '../ingest/la-code.js';
import { structuralIssue } from '../ingest/refusal.js';
import { writeSnapshot } from './snapshot/dataset-snapshots.js';
import { NotStorable, storedTables } from './snapshot/stored-form.js';

export interface ImportOptions {
  /** The LA the import is for (`--la` or configuration). Files naming another LA are refused. */
  readonly la: string;
  /** Pseudonymise on import with this LA secret (inputs.md §7). */
  readonly pseudonymise?: PseudonymKey | null;
  /** Rows written so far of the total to write (for a progress bar). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Clock, for tests. */
  readonly now?: () => Date;
  /**
   * Called inside the import with the new version's dataset exactly as loading the version will give it
   * (what its snapshot holds), so a caller can compute from it without loading the version again (a hub
   * import job with a period to compute). Not called when nothing is imported, nor when a staged value could
   * not be stored as it is (then only loading the version gives its dataset). The version is committed only
   * once the import returns.
   */
  readonly onAssembled?: (dataset: LaDataset) => void;
  /**
   * Writes what the caller records of the import (the audit log's `data-upload` entry naming who loaded it)
   * in the import's own transaction, given its outcome, after everything else: the entry commits with the new
   * version, and an import that fails and rolls back (or whose entry cannot be written) leaves neither.
   * Called once for every outcome, an unchanged or refused import too; a refusal found before the import's
   * transaction starts (a refused reading, files naming another LA) is recorded in a transaction of its own.
   */
  readonly record?: (tx: Database, outcome: ImportOutcome) => Promise<void>;
}

/**
 * A staged submission skipped as byte-identical to a stored one: its files as this import named them, and the
 * stored submission (and the import that stored it) that stays in its place, rows as that import loaded them.
 */
export interface SkippedSubmission {
  readonly files: readonly { readonly name: string; readonly sha256: string }[];
  readonly storedId: string;
  readonly storedImportId: string;
}

export type ImportOutcome =
  | {
      readonly kind: 'refused';
      /** The structural issues that refused it (`S-…`). */
      readonly issues: readonly ValidationIssue[];
    }
  | {
      readonly kind: 'unchanged';
      /** Every submission was byte-identical to the current one: no new version. */
      readonly datasetId: string | null;
      readonly skipped: number;
      readonly skippedSubmissions: readonly SkippedSubmission[];
    }
  | {
      readonly kind: 'imported';
      readonly importId: string;
      readonly datasetId: string;
      readonly previousDatasetId: string | null;
      readonly added: readonly SubmissionSummary[];
      /** Ids of the submissions the new ones replaced. */
      readonly replaced: readonly string[];
      /** Staged submissions skipped as byte-identical to the current ones. */
      readonly skipped: number;
      readonly skippedSubmissions: readonly SkippedSubmission[];
      /** Dataset checks found on the merged dataset (stitching, cross-source). */
      readonly checks: readonly ValidationIssue[];
      readonly validation: ValidationSummary;
      /** Records per dataset table after merging. */
      readonly tables: Readonly<Record<string, number>>;
    };

/**
 * Stores an ingest as a new dataset version of one LA, in one transaction (inputs.md §1.1, §6): new
 * submissions (one with the same identity, `submissionIdentity`, replaces the current one whole, but a file
 * of an undated local table never replaces another, §5; one whose files are all byte-identical to the
 * current one's is skipped), the new version = the current submissions, the
 * import's validation issues and the dataset checks of the merged data. A refused ingest, a file naming
 * another LA (`S-LA-MISMATCH`) or any failure commits nothing: the previous version stays current.
 * @example const r = await importDataset(db, await readInputs(paths, { la: '841' }), { la: '841' }); r.kind //=> 'imported'
 */
export async function importDataset(
  db: Database,
  ingest: IngestResult,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const la = laCode(options.la);
  const now = options.now ?? (() => new Date());
  const record = options.record;
  const refused = async (outcome: ImportOutcome): Promise<ImportOutcome> => {
    if (record) await db.transaction((tx) => record(tx, outcome));
    return outcome;
  };
  if (ingest.refused)
    return refused({ kind: 'refused', issues: ingest.issues.filter((i) => i.severity === 'structural') });
  if (ingest.la !== null && laCode(ingest.la) !== la) {
    return refused({
      kind: 'refused',
      issues: [
        {
          code: 'S-LA-MISMATCH',
          severity: 'structural',
          file: ingest.files[0]?.name ?? null,
          table: null,
          position: null,
          childId: null,
          field: 'LEA',
          value: ingest.la,
          dfeRule: null,
          message: `The files are for LA ${ingest.la} but the import is for LA ${la}. Import them with --la ${ingest.la} or check the files.`,
        },
      ],
    });
  }
  const key = options.pseudonymise ?? null;
  const pseudonymised = key !== null;
  const postcodes = ingest.submissions.flatMap((s) => s.tables.postcodes ?? []);
  const prepared = ingest.submissions.map((s) =>
    key ? { ...s, tables: pseudonymiseTables(s.tables, key, postcodes) } : s,
  );
  const personal = key ? personalValuesOf(ingest.submissions.map((s) => s.tables)) : null;
  const issues = key ? ingest.issues.map((i) => pseudonymiseIssue(i, key, personal!)) : ingest.issues;

  // Row counts name their files. A reading names each file uniquely (its path from the import's common folder,
  // collectInputFiles); a result staged otherwise may repeat a name (episodes.csv of two years): then the n-th
  // submission holding that name takes the n-th count of each (file, table).
  const occurrence = new Map<StagedSubmission, Map<string, number>>();
  const seenNames = new Map<string, number>();
  for (const s of ingest.submissions) {
    const own = new Map<string, number>();
    for (const f of s.files) {
      if (own.has(f.name)) continue;
      own.set(f.name, seenNames.get(f.name) ?? 0);
      seenNames.set(f.name, (seenNames.get(f.name) ?? 0) + 1);
    }
    occurrence.set(s, own);
  }
  const countGroups = new Map<string, RowCount[]>();
  for (const c of ingest.counts) {
    const k = `${c.file}|${c.table}`;
    const list = countGroups.get(k);
    if (list) list.push(c);
    else countGroups.set(k, [c]);
  }
  const countsBySubmission = new Map<StagedSubmission, RowCount[]>();
  ingest.submissions.forEach((s, i) => {
    const own = occurrence.get(s)!;
    const out: RowCount[] = [];
    for (const [k, list] of countGroups) {
      const n = own.get(k.slice(0, k.lastIndexOf('|')));
      if (n !== undefined && list[n]) out.push(list[n]!);
    }
    countsBySubmission.set(prepared[i]!, out);
  });
  const countsOf = (s: StagedSubmission): RowCount[] => countsBySubmission.get(s) ?? [];

  const store = async (tx: Database): Promise<ImportOutcome> => {
    const startedAt = now().toISOString();
    await ensureLa(tx, la, startedAt);
    const current = await tx.get<{ id: string; seq: number }>(
      'SELECT id, seq FROM dataset_versions WHERE la = ? ORDER BY seq DESC LIMIT 1',
      [la],
    );
    const held = current ? await versionSubmissions(tx, current.id) : [];
    const byIdentity = new Map(held.map((s) => [s.identity, s]));

    // Decide: skip (identical), replace or add.
    const toAdd: { staged: StagedSubmission; identity: string; replaces: StoredSubmission | undefined }[] =
      [];
    let skipped = 0;
    const skippedSubmissions: SkippedSubmission[] = [];
    for (const s of prepared) {
      const identity = submissionIdentity(s);
      const existing = byIdentity.get(identity);
      if (
        existing &&
        existing.pseudonymised === pseudonymised &&
        sameFiles(
          existing.sha256s,
          s.files.map((f) => f.sha256),
        )
      ) {
        skipped++;
        skippedSubmissions.push({
          files: s.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
          storedId: existing.id,
          storedImportId: existing.importId,
        });
        continue;
      }
      const earlier = toAdd.findIndex((a) => a.identity === identity);
      if (earlier >= 0) toAdd.splice(earlier, 1);
      toAdd.push({ staged: s, identity, replaces: existing });
    }
    if (toAdd.length === 0)
      return { kind: 'unchanged', datasetId: current?.id ?? null, skipped, skippedSubmissions } as const;
    const mixed = mixedPseudonymisation(la, held, new Set(toAdd.map((a) => a.identity)), pseudonymised);
    if (mixed) return { kind: 'refused', issues: [mixed] } as const;

    const importId = randomUUID();
    const seqRow = await tx.get<{ seq: number | null }>(
      'SELECT max(seq) AS seq FROM submissions WHERE la = ?',
      [la],
    );
    let seq = Number(seqRow?.seq ?? 0);
    const datasetSeq = Number(current?.seq ?? 0) + 1;
    const datasetId = `${la}-v${datasetSeq}`;
    const total = toAdd.reduce((n, a) => n + countRows(a.staged.tables), 0);
    let done = 0;

    await tx.run(
      `INSERT INTO imports (id, la, started_at, finished_at, status, pseudonymised, dataset_id, files_json, counts_json, summary_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        importId,
        la,
        startedAt,
        startedAt,
        'imported',
        pseudonymised,
        datasetId,
        JSON.stringify(
          ingest.files.map((f) => ({
            name: f.name,
            size: f.size,
            sha256: f.sha256,
            format: f.format,
            tables: f.tables,
          })),
        ),
        JSON.stringify(ingest.counts),
        JSON.stringify(summariseIssues(issues)),
      ],
    );
    await insertIssues(tx, 'validation_issues', importId, issues);

    const added: { stored: StagedRecords; summary: SubmissionSummary; identity: string }[] = [];
    const replaced: string[] = [];
    for (const a of toAdd) {
      seq++;
      const s = a.staged;
      const id = `${la}-${s.source}-${s.collectionYear ?? s.asAt ?? 'ref'}-${seq}`;
      await tx.run(
        `INSERT INTO submissions (id, la, source, collection_year, as_at, range_start, range_end, identity, import_id, seq, created_at, tables_json, pseudonymised, superseded_by, counts_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
        [
          id,
          la,
          s.source,
          s.collectionYear,
          s.asAt,
          s.dateRange?.start ?? null,
          s.dateRange?.end ?? null,
          a.identity,
          importId,
          seq,
          startedAt,
          JSON.stringify(Object.keys(s.tables)),
          pseudonymised,
          JSON.stringify(countsOf(s)),
        ],
      );
      await tx.insertMany(
        'submission_files',
        ['submission_id', 'file_no', 'name', 'size', 'sha256', 'format', 'tables_json'],
        s.files.map((f, n) => [id, n, f.name, f.size, f.sha256, f.format, JSON.stringify(f.tables)]),
      );
      await writeRecords(tx, id, s.tables, (rows) => {
        done += rows;
        options.onProgress?.(done, total);
      });
      if (a.replaces) {
        await tx.run('UPDATE submissions SET superseded_by = ? WHERE id = ?', [id, a.replaces.id]);
        replaced.push(a.replaces.id);
        byIdentity.delete(a.identity);
      }
      added.push({
        identity: a.identity,
        stored: {
          id,
          source: s.source,
          collectionYear: s.collectionYear,
          asAt: s.asAt,
          dateRange: s.dateRange,
          seq,
          importId,
          tables: s.tables,
        },
        summary: submissionSummary(id, s, s.tables),
      });
    }

    // The new version: the current submissions not replaced, plus the new ones.
    const kept = [...byIdentity.values()];
    const keptRecords = await Promise.all(kept.map((s) => readSubmission(tx, s)));
    const assembled = assembleAsStored(
      la,
      keptRecords,
      added.map((a) => a.stored),
    );
    const {
      issues: checks,
      counts: tables,
      asAt,
    } = assembled
      ? datasetChecks(assembled)
      : assembleChecks(la, [
          ...keptRecords,
          ...added.map((a) => ({ ...a.stored, tables: recordTablesOf(a.stored.tables) })),
        ]);
    const submissionsSummary: SubmissionSummary[] = [
      ...kept.map((s, n) => submissionSummary(s.id, s, keptRecords[n]!.tables)),
      ...added.map((a) => a.summary),
    ];
    const hash = contentHash([
      ...kept.map((s) => ({ identity: s.identity, shas: s.sha256s, pseudonymised: s.pseudonymised })),
      ...added.map((a) => ({
        identity: a.identity,
        shas: toAdd.find((t) => t.identity === a.identity)!.staged.files.map((f) => f.sha256),
        pseudonymised,
      })),
    ]);
    const extractDate =
      [asAt.cin, asAt.ssda903, ...Object.values(asAt.local)]
        .filter((d): d is NonNullable<typeof d> => d !== null && d !== undefined)
        .sort()
        .at(-1) ?? null;
    const validation = summariseIssues(issues);
    await tx.run(
      `INSERT INTO dataset_versions (id, la, seq, created_at, import_id, content_hash, extract_date, as_at_json, row_counts_json, validation_json, checks_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        datasetId,
        la,
        datasetSeq,
        now().toISOString(),
        importId,
        hash,
        extractDate,
        JSON.stringify(asAt),
        JSON.stringify({
          tables,
          submissions: submissionsSummary,
          files: [...kept.flatMap((k) => k.counts), ...toAdd.flatMap((a) => countsOf(a.staged))],
        }),
        JSON.stringify(validation),
        JSON.stringify(summariseIssues(checks)),
      ],
    );
    await tx.insertMany(
      'dataset_submissions',
      ['dataset_id', 'submission_id'],
      submissionsSummary.map((s) => [datasetId, s.id]),
    );
    await insertIssues(tx, 'dataset_checks', datasetId, checks);
    await writeSnapshot(
      tx,
      la,
      datasetId,
      assembled ? { dataset: assembled.dataset, checks: assembled.issues } : null,
      startedAt,
    );
    await tx.run('UPDATE imports SET finished_at = ? WHERE id = ?', [now().toISOString(), importId]);
    if (assembled) options.onAssembled?.(assembled.dataset);
    return {
      kind: 'imported',
      importId,
      datasetId,
      previousDatasetId: current?.id ?? null,
      added: added.map((a) => a.summary),
      replaced,
      skipped,
      skippedSubmissions,
      checks,
      validation,
      tables,
    } as const;
  };
  return db.transaction(async (tx) => {
    const outcome = await store(tx);
    await record?.(tx, outcome);
    return outcome;
  });
}

/**
 * The new version assembled exactly as loading it will assemble it: the new submissions' records in the
 * form reading them back gives (`storedForm`), merged with the kept ones as read. Null when a new record
 * holds a value the database would not give back as it is (then no snapshot is kept: loading assembles the
 * version from its records).
 */
function assembleAsStored(
  la: string,
  kept: readonly SubmissionRecords[],
  added: readonly StagedRecords[],
): AssembledDataset | null {
  try {
    const stored = added.map((s) => ({ ...s, tables: storedTables(s.id, s.tables) }));
    // Both are this import's own copies (read back, or built by storedTables): re-identified in place.
    return assembleDataset(la, [...kept, ...stored], reidentifyInPlace);
  } catch (e) {
    if (e instanceof NotStorable) return null;
    throw e;
  }
}

/** The column naming whose issues a row is: the import's (validation_issues) or the dataset version's (dataset_checks). */
const ISSUE_OWNER = { validation_issues: 'import_id', dataset_checks: 'dataset_id' } as const;

/**
 * Stores issues in `validation_issues` (an import's) or `dataset_checks` (a dataset version's), numbered
 * `seq` from 0 in their order: the two tables hold an issue in the same columns (migration 001).
 */
async function insertIssues(
  tx: Database,
  table: keyof typeof ISSUE_OWNER,
  ownerId: string,
  issues: readonly ValidationIssue[],
): Promise<void> {
  await tx.insertMany(
    table,
    [
      ISSUE_OWNER[table],
      'seq',
      'code',
      'severity',
      'file',
      'table_name',
      'position',
      'child_id',
      'field',
      'value',
      'dfe_rule',
      'message',
    ],
    issues.map((i, n) => [
      ownerId,
      n,
      i.code,
      i.severity,
      i.file,
      i.table,
      i.position,
      i.childId,
      i.field,
      i.value,
      i.dfeRule,
      i.message,
    ]),
  );
}

async function ensureLa(db: Database, la: string, at: string): Promise<void> {
  // The lock makes two imports for one LA run one after the other.
  if (await lockLa(db, la)) return;
  // Two first imports of one LA at once (two `cspi hub import`s of one root) both find no row: the second's
  // insert waits for the first's and, once it commits, does nothing, and the second then takes the lock and
  // imports after it. A plain insert failed the second on the duplicate code, its whole import's work lost.
  await db.run('INSERT INTO las (code, name, created_at) VALUES (?, NULL, ?) ON CONFLICT (code) DO NOTHING', [
    la,
    at,
  ]);
  await lockLa(db, la);
}

function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

/** A new submission as the merge will take it, its tables still as read (episodes held by column). */
type StagedRecords = Omit<SubmissionRecords, 'tables'> & { readonly tables: StagedTables };

function countRows(t: StagedTables): number {
  return Object.values(t).reduce((n, rows) => n + (rows as unknown[]).length, 0);
}

/**
 * A submission as its dataset version lists it (`row_counts_json.submissions`), a new one or one kept from
 * the previous version alike: what it is, and its rows by table.
 */
function submissionSummary(
  id: string,
  s: Pick<StoredSubmission, 'source' | 'collectionYear' | 'asAt'>,
  tables: StagedTables | RecordTables,
): SubmissionSummary {
  const rows: Record<string, number> = {};
  for (const [k, records] of Object.entries(tables)) rows[k] = (records as unknown[]).length;
  return { id, source: s.source, collectionYear: s.collectionYear, asAt: s.asAt, rows };
}

/** SHA-256 over the version's submissions: identity, pseudonymisation and file digests, order-independent. */
function contentHash(parts: { identity: string; shas: readonly string[]; pseudonymised: boolean }[]): string {
  const canon = parts
    .map((p) => `${p.identity}|${p.pseudonymised ? 'p' : ''}|${[...p.shas].sort().join(',')}`)
    .sort()
    .join('\n');
  return createHash('sha256').update(canon).digest('hex');
}

/**
 * S-PSEUDO-MIXED: an import that would leave one LA's dataset partly pseudonymised (inputs.md §7). Raw and
 * pseudonymised child ids never link (a child's CIN and SSDA903 records would be two children), and on a
 * hub a raw import after pseudonymised ones puts identifiable records back where the LA chose to send
 * none. Allowed when every submission it would keep is of its own kind (it replaces the others).
 */
function mixedPseudonymisation(
  la: string,
  held: readonly StoredSubmission[],
  replacing: ReadonlySet<string>,
  pseudonymised: boolean,
): ValidationIssue | null {
  const other = held.filter((s) => !replacing.has(s.identity) && s.pseudonymised !== pseudonymised);
  if (other.length === 0) return null;
  const kinds = [...new Set(other.map((s) => `${s.source} ${s.collectionYear ?? s.asAt ?? ''}`.trim()))];
  return structuralIssue(
    'S-PSEUDO-MIXED',
    null,
    null,
    pseudonymised
      ? `LA ${la}'s stored data is not pseudonymised (${kinds.join(', ')}): a pseudonymised import would not link to it. Re-import those submissions with --pseudonymise too, or import without it.`
      : `LA ${la}'s stored data is pseudonymised (${kinds.join(', ')}): these files would add identifiable records beside it. Import them with --pseudonymise (CSPI_LA_SECRET, the same secret as before).`,
  );
}
