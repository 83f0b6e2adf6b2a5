// Who loaded a dataset (report.md §9, Data page: "who loaded them and when"): `cspi import` writes the same
// `data-upload` audit entry as the dashboard's upload, naming `command line (OS user)`, in the import's own
// transaction; the dashboard's datasets view and `cspi datasets` (and `--json`) name that loader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../../ingest/read-inputs.js';
import { cinXml, plainCinChildren } from '../../ingest/test-fixtures.js';
import type { Database } from '../../store/database.js';
import { listDatasetVersions } from '../../store/dataset-versions.js';
import { importDataset } from '../../store/import-dataset.js';
import { testStores } from '../../store/test-stores.js';
import { appendAudit, readAudit } from '../../web/audit/audit-log.js';
import { createStoreServices } from '../../web/real-services.js';
import type { Output } from '../output.js';
import { runImport } from './import.js';

const CLI = fileURLToPath(new URL('../../../bin/cspi.js', import.meta.url));
const CLI_ACTOR = `command line (${userInfo().username})`;

const silent = (): Output => ({
  json: false,
  info: () => {},
  result: () => {},
  progress: () => ({ update: () => {}, stop: () => {} }),
});

/** A folder holding one CIN census of LA 841 (children C1…C3). */
function censusFolder(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-import-audit-'));
  const file = join(dir, 'in', 'cin_census.xml');
  mkdirSync(join(dir, 'in'));
  writeFileSync(file, cinXml(plainCinChildren(3)));
  return { dir, file };
}

const importFolder = (url: string, dir: string, paths: string[]) =>
  runImport(
    paths,
    { db: url, la: '841', reportDir: join(dir, 'r'), env: {} },
    async () => readInputs,
    silent(),
  );

/** Makes the store refuse every new audit entry, as a full disk or a revoked right would. */
async function refuseAuditEntries(db: Database): Promise<void> {
  if (db.kind === 'sqlite') {
    await db.exec(
      "CREATE TRIGGER audit_log_refuse_insert BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no audit entries'); END;",
    );
  } else {
    await db.exec(`CREATE FUNCTION audit_log_refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'no audit entries'; END $$;
      CREATE TRIGGER audit_log_refuse_insert BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_insert();`);
  }
}

for (const store of testStores()) {
  test(
    `cspi import records who loaded the version; the datasets view and cspi datasets name them (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const { dir, file } = censusFolder();
      try {
        assert.equal(await importFolder(url, dir, [join(dir, 'in')]), 0);
        const { entries } = await readAudit(db, { action: 'data-upload' });
        assert.deepEqual(
          entries.map((e) => [e.actor, e.ip, e.la, e.detail]),
          [
            [
              CLI_ACTOR,
              null,
              '841',
              {
                files: 'cin_census.xml',
                bytes: statSync(file).size,
                refused: false,
                datasetVersion: '841-v1',
                structural: 0,
                errors: 0,
                warnings: entries[0]!.detail['warnings']!,
                queries: entries[0]!.detail['queries']!,
              },
            ],
          ],
        );
        assert.doesNotMatch(JSON.stringify(entries), /\bC[123]\b|2012-01-01/, 'no child id or value');

        // The same file again (unchanged) and a file of another LA (refused): recorded, as the dashboard records
        // them, but neither loaded a version, so the loader of 841-v1 stays the first import's.
        assert.equal(await importFolder(url, dir, [join(dir, 'in')]), 0);
        writeFileSync(join(dir, 'other.xml'), cinXml(plainCinChildren(1), { lea: '805' }));
        assert.equal(await importFolder(url, dir, [join(dir, 'other.xml')]), 2);
        const all = (await readAudit(db, { action: 'data-upload' })).entries.reverse();
        assert.deepEqual(
          all.map((e) => [e.actor, e.la, e.detail['refused'], e.detail['datasetVersion']]),
          [
            [CLI_ACTOR, '841', false, '841-v1'],
            [CLI_ACTOR, '841', false, '841-v1'],
            [CLI_ACTOR, '841', true, null],
          ],
        );

        // The dashboard's datasets view: it said "command line" for every cspi import.
        const [shown] = await createStoreServices(db).datasets('841');
        assert.equal(shown!.createdBy, CLI_ACTOR);

        // cspi datasets and its --json.
        const run = (...args: string[]) =>
          spawnSync(process.execPath, [CLI, 'datasets', '--db', url, ...args], {
            encoding: 'utf8',
            timeout: 60_000,
          });
        const text = run();
        assert.equal(text.status, 0, text.stderr);
        assert.ok(text.stdout.includes(`by ${CLI_ACTOR}`), text.stdout);
        const json = run('--json');
        assert.equal(json.status, 0, json.stderr);
        assert.deepEqual(
          (JSON.parse(json.stdout) as { id: string; createdBy: string }[]).map((v) => [v.id, v.createdBy]),
          [['841-v1', CLI_ACTOR]],
        );
      } finally {
        await cleanup();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test(
    `cspi import is atomic with its audit entry: no entry, no version (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const { dir } = censusFolder();
      try {
        await refuseAuditEntries(db);
        await assert.rejects(importFolder(url, dir, [join(dir, 'in')]), /no audit entries/);
        assert.deepEqual(await listDatasetVersions(db), [], 'a version is never current without its entry');
        assert.deepEqual(await db.all('SELECT id FROM imports'), []);
      } finally {
        await cleanup();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test(
    `an import that rolls back after its entry is written leaves no entry (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      const { dir } = censusFolder();
      try {
        const ingest = await readInputs([join(dir, 'in')], { la: '841' });
        let recorded = 0;
        await assert.rejects(
          importDataset(db, ingest, {
            la: '841',
            record: async (tx, outcome) => {
              assert.equal(outcome.kind, 'imported');
              await appendAudit(tx, { actor: 'x', ip: null, action: 'data-upload', la: '841', detail: {} });
              recorded++;
              throw new Error('the import fails after its entry');
            },
          }),
          /fails after its entry/,
        );
        assert.equal(recorded, 1, 'the entry was written in the import');
        assert.equal((await readAudit(db)).total, 0, 'and rolled back with it');
        assert.deepEqual(await listDatasetVersions(db), []);
      } finally {
        await cleanup();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
