import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../ingest/read-inputs.js';
import type { IngestResult } from '../../ingest/staged.js';
import { day } from '../../synth/day-calendar.js';
import { FAULT_KINDS } from '../../synth/faults.js';
import { runSynth } from '../../synth/run-synth.js';
import { enableLaIsolation, withLaScope } from '../../hub/la-isolation.js';
import type { Database } from '../database.js';
import { importDataset } from '../import-dataset.js';
import { assembleVersion, loadDatasetVersion, loadFiguresDataset } from '../load-dataset.js';
import { computeReport } from '../../indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../../indicators/input.js';
import { INDICATORS } from '../../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import { parsePeriod } from '../../calendar/period.js';
import { episode, ingestResult, staged } from '../test-records.js';
import { testStores } from '../test-stores.js';
import { emptyDataset, type LaDataset } from '../../model/la-dataset.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { readSnapshot, writeSnapshot } from './dataset-snapshots.js';
import {
  type DatasetSnapshot,
  NO_SOURCE,
  NO_SOURCES,
  type SnapshotText,
  encodeSnapshot,
} from './snapshot-codec.js';

// An import keeps its new version assembled (the snapshot); loading the version must give exactly what
// assembling it from the stored records gives, on both databases, or else not use a snapshot at all.

const dir = mkdtempSync(join(tmpdir(), 'cspi-snapshots-'));
let first: IngestResult;
let second: IngestResult;

before(async () => {
  const synth = async (seed: string, years: number) => {
    const out = join(dir, seed);
    const opts = { out, las: 1, extract: day('2022-03-31'), faults: FAULT_KINDS, scale: 0.1, threads: 1 };
    await runSynth({ ...opts, years, seed });
    return readInputs([join(out, '841')], { la: '841', today: '2022-04-01' as never });
  };
  first = await synth('3', 3);
  // Another run's latest year: replaces the first import's 2021-22 CIN census, SSDA903 year and local extract.
  second = await synth('4', 1);
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function assertLoadsAsAssembled(db: Database, datasetId: string): Promise<void> {
  const loaded = await loadDatasetVersion(db, '841', datasetId);
  const assembled = await assembleVersion(db, datasetId);
  assert.ok(loaded);
  assert.deepStrictEqual(loaded.dataset, assembled.dataset);
  assert.deepStrictEqual(loaded.checks, assembled.checks);
}

/** The dataset with every record's source reference replaced as a figures-only read leaves it. */
function withoutSources(d: LaDataset): LaDataset {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d)) {
    out[key] = Array.isArray(value)
      ? value.map((r: Record<string, unknown>) => {
          const copy = { ...r };
          if ('source' in copy) copy['source'] = NO_SOURCE;
          if ('sources' in copy) copy['sources'] = NO_SOURCES;
          return copy;
        })
      : value;
  }
  return out as unknown as LaDataset;
}

const snapshotCount = async (db: Database): Promise<number> =>
  Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM dataset_snapshots'))?.n);

/** Text COPY must escape or carry whole: backslashes, tabs, newlines, CR, quotes, non-ASCII and an emoji. */
const AWKWARD = ['a\\b', 'tab\there', 'line\nbreak\r\n', '"quoted"', 'Zoë', '—', '😀', '\\N', '\u2028', ''];

/**
 * A dataset of some MB (many pieces) whose strings are {@link AWKWARD}, columnar (repeated, so held as a
 * dictionary, and each with its number, so held as they are) and raw, and checks too.
 */
function awkwardSnapshot(): DatasetSnapshot {
  const contacts = Array.from({ length: 30_000 }, (_, i) => ({
    id: `c${i}`,
    note: AWKWARD[i % AWKWARD.length]!,
    text: `${AWKWARD[i % AWKWARD.length]!}${i}`,
    n: i,
    source: { file: `${AWKWARD[i % 3]}.csv`, position: `line ${i}`, submissionId: 's\t1' },
  }));
  const workers = [{ a: 'x\\y' }, { b: 'Zoë\t😀', a: 1 }];
  const dataset = { ...emptyDataset('841'), contacts, workers } as unknown as LaDataset;
  const checks = AWKWARD.map((value) => ({
    code: 'X-TEST',
    severity: 'warning',
    file: 'f\\g.csv',
    table: null,
    position: 'line 1',
    childId: null,
    field: null,
    value,
    dfeRule: null,
    message: `Odd value ${value}`,
  })) as unknown as ValidationIssue[];
  return { dataset, checks };
}

async function storedText(db: Database, datasetId: string): Promise<SnapshotText | undefined> {
  const head = await db.get<{ body: string }>('SELECT body FROM dataset_snapshots WHERE dataset_id = ?', [
    datasetId,
  ]);
  const parts = await db.all<{ body: string }>(
    'SELECT body FROM dataset_snapshot_parts WHERE dataset_id = ? ORDER BY part',
    [datasetId],
  );
  return head ? { head: head.body, parts: parts.map((p) => p.body) } : undefined;
}

for (const store of testStores()) {
  describe(`dataset snapshots (${store.name})`, { skip: store.skip }, () => {
    test('each import snapshots its version exactly as loading assembles it; only the current one is kept', async () => {
      const { db, cleanup } = await store.open();
      try {
        // What the import hands a caller (a hub job computing right after) is what loading the version gives.
        const given: LaDataset[] = [];
        const onAssembled = (d: LaDataset): number => given.push(d);
        const r1 = await importDataset(db, first, { la: '841', onAssembled });
        assert.equal(r1.kind, 'imported');
        if (r1.kind !== 'imported') return;
        assert.ok(await readSnapshot(db, r1.datasetId), 'the first version has a snapshot');
        await assertLoadsAsAssembled(db, r1.datasetId);
        assert.equal(given.length, 1);
        assert.deepStrictEqual(given[0], (await loadDatasetVersion(db, '841', r1.datasetId))?.dataset);

        const r2 = await importDataset(db, second, { la: '841', onAssembled });
        assert.equal(r2.kind, 'imported');
        if (r2.kind !== 'imported') return;
        assert.equal(given.length, 2);
        assert.deepStrictEqual(given[1], (await loadDatasetVersion(db, '841', r2.datasetId))?.dataset);
        assert.equal(
          (await importDataset(db, second, { la: '841', onAssembled })).kind,
          'unchanged',
          'the same files again import nothing',
        );
        assert.equal(given.length, 2, 'and hand over no dataset');
        assert.ok(r2.replaced.length >= 2, 'the second import replaced submissions');
        assert.ok(await readSnapshot(db, r2.datasetId));
        assert.equal(
          await readSnapshot(db, r1.datasetId),
          undefined,
          "the old version's snapshot is dropped",
        );
        assert.equal(await snapshotCount(db), 1);
        assert.deepEqual(
          await db.all('SELECT DISTINCT dataset_id FROM dataset_snapshot_parts'),
          [{ dataset_id: r2.datasetId }],
          "the old version's parts are dropped with it",
        );
        await assertLoadsAsAssembled(db, r2.datasetId);
        // The older version is still loadable, assembled from its records.
        const old = await loadDatasetVersion(db, '841', r1.datasetId);
        assert.equal(
          old?.dataset.referrals.length,
          (await assembleVersion(db, r1.datasetId)).dataset.referrals.length,
        );
      } finally {
        await cleanup();
      }
    });

    test('a current version without a snapshot of this assembly version is kept assembled when the loader may write', async () => {
      const { db, cleanup } = await store.open();
      try {
        const r1 = await importDataset(db, first, { la: '841' });
        const r2 = await importDataset(db, second, { la: '841' });
        if (r1.kind !== 'imported' || r2.kind !== 'imported') assert.fail('not imported');
        const want = await assembleVersion(db, r2.datasetId);
        // As after an upgrade that changed the merge: the stored snapshot is another assembly version's.
        const stale = async (): Promise<void> => {
          await db.run('UPDATE dataset_snapshots SET assembly = assembly - 1');
          assert.equal(await readSnapshot(db, r2.datasetId), undefined);
        };
        await stale();
        await loadDatasetVersion(db, '841');
        assert.equal(await readSnapshot(db, r2.datasetId), undefined, 'a plain load writes nothing');
        // An older version is never kept assembled (only the current one has a snapshot).
        await loadDatasetVersion(db, '841', r1.datasetId, { keepAssembled: true });
        assert.equal(await readSnapshot(db, r1.datasetId), undefined);

        const loaded = await loadDatasetVersion(db, '841', undefined, { keepAssembled: true });
        assert.deepStrictEqual(loaded?.dataset, want.dataset);
        const kept = await readSnapshot(db, r2.datasetId);
        assert.ok(kept, 'the current version is kept assembled');
        assert.deepStrictEqual(kept.dataset, want.dataset);
        assert.deepStrictEqual(kept.checks, want.checks);
        assert.equal(await snapshotCount(db), 1, 'in place of the stale one');

        // A hub's compute job does the same from its figures-only read.
        await stale();
        assert.ok(await loadFiguresDataset(db, '841', { keepAssembled: true }));
        assert.deepStrictEqual((await readSnapshot(db, r2.datasetId))?.dataset, want.dataset);
        if (store.name === 'postgres') {
          // A reader that may not write (a hub's LA-scoped read) loads all the same and stores nothing.
          await stale();
          await enableLaIsolation(db);
          const scoped = await withLaScope(db, '841', (tx) =>
            loadDatasetVersion(tx, '841', undefined, { keepAssembled: true }),
          );
          assert.deepStrictEqual(scoped?.dataset, want.dataset);
          assert.equal(await readSnapshot(db, r2.datasetId), undefined);
        }
      } finally {
        await cleanup();
      }
    });

    test('read for its figures, a version is the full dataset less every source reference, and gives the same figures', async () => {
      const { db, cleanup } = await store.open();
      try {
        const r = await importDataset(db, first, { la: '841' });
        if (r.kind !== 'imported') assert.fail(r.kind);
        const full = await loadDatasetVersion(db, '841');
        const lean = await loadFiguresDataset(db, '841');
        assert.ok(full && lean);
        assert.equal(lean.version.id, r.datasetId);
        assert.deepStrictEqual(lean.dataset, withoutSources(full.dataset));
        const figures = (dataset: LaDataset): string =>
          JSON.stringify(
            computeReport(
              {
                input: buildIndicatorInput(dataset),
                period: parsePeriod('2021-22-Q3'),
                settings: DEFAULT_SETTINGS,
                targets: null,
                dataset: { id: r.datasetId, hash: 'h', asAt: null },
                figuresOnly: true,
              },
              INDICATORS,
            ),
          );
        assert.equal(figures(lean.dataset), figures(full.dataset));
        // Without a snapshot of this assembly version it is assembled whole, as loading it is.
        await db.run('UPDATE dataset_snapshots SET assembly = assembly + 1');
        assert.deepStrictEqual((await loadFiguresDataset(db, '841'))?.dataset, full.dataset);
      } finally {
        await cleanup();
      }
    });

    test('a pseudonymised import snapshots the pseudonymised records', async () => {
      const { db, cleanup } = await store.open();
      try {
        const r = await importDataset(db, first, {
          la: '841',
          pseudonymise: { la: '841', secret: 's3cret' },
        });
        assert.equal(r.kind, 'imported');
        if (r.kind !== 'imported') return;
        const snap = await readSnapshot(db, r.datasetId);
        assert.ok(snap);
        const raw = new Set(
          first.submissions.flatMap((s) => (s.tables.children ?? []).map((c) => c.childId)),
        );
        assert.ok(snap.dataset.children.length > 0);
        assert.ok(
          snap.dataset.children.every((c) => !raw.has(c.childId)),
          'no real child id in the snapshot',
        );
        await assertLoadsAsAssembled(db, r.datasetId);
      } finally {
        await cleanup();
      }
    });

    test('a value the database would not give back as it was means no snapshot; loading still assembles', async () => {
      const { db, cleanup } = await store.open();
      try {
        const odd = { ...episode('C1', '2021-05-01'), rne: 7 } as unknown as ReturnType<typeof episode>;
        const r = await importDataset(
          db,
          ingestResult('841', [staged('ssda903', '2021-22', { episodes: [odd] })]),
          {
            la: '841',
          },
        );
        assert.equal(r.kind, 'imported');
        if (r.kind !== 'imported') return;
        assert.equal(await snapshotCount(db), 0);
        const loaded = await loadDatasetVersion(db, '841');
        // Read back as text from its TEXT column ('7' or, in SQLite, '7.0'): not the number staged.
        assert.equal(typeof loaded?.dataset.episodes[0]?.rne, 'string');
        await assertLoadsAsAssembled(db, r.datasetId);
      } finally {
        await cleanup();
      }
    });

    test('a snapshot of another assembly version, or with a part missing, is ignored: the version is assembled again', async () => {
      const { db, cleanup } = await store.open();
      try {
        const r = await importDataset(db, first, { la: '841' });
        if (r.kind !== 'imported') assert.fail(r.kind);
        assert.ok(await readSnapshot(db, r.datasetId));
        const last = await db.get<{ part: number; body: string }>(
          'SELECT part, body FROM dataset_snapshot_parts ORDER BY part DESC LIMIT 1',
        );
        await db.run('DELETE FROM dataset_snapshot_parts WHERE part = ?', [last!.part]);
        assert.equal(await readSnapshot(db, r.datasetId), undefined, 'a part missing');
        await db.run('INSERT INTO dataset_snapshot_parts (dataset_id, la, part, body) VALUES (?, ?, ?, ?)', [
          r.datasetId,
          '841',
          last!.part,
          last!.body,
        ]);
        assert.ok(await readSnapshot(db, r.datasetId));
        await db.run('UPDATE dataset_snapshots SET assembly = assembly + 1');
        assert.equal(await readSnapshot(db, r.datasetId), undefined);
        await db.run('UPDATE dataset_snapshots SET assembly = assembly - 1, body = ?', ['{"v":-1}']);
        assert.equal(await readSnapshot(db, r.datasetId), undefined);
        const loaded = await loadDatasetVersion(db, '841');
        assert.ok(loaded && loaded.dataset.referrals.length > 100);
        await assertLoadsAsAssembled(db, r.datasetId);
      } finally {
        await cleanup();
      }
    });

    test('the stored head and parts are exactly the encoded text, awkward characters and all, and read back', async () => {
      const { db, cleanup } = await store.open();
      try {
        const r = await importDataset(db, first, { la: '841' });
        if (r.kind !== 'imported') assert.fail(r.kind);
        const snapshot = awkwardSnapshot();
        const text = encodeSnapshot(snapshot)!;
        assert.ok(text.parts.join('').length > 1_000_000, 'large enough to be sent in many pieces');
        assert.ok(AWKWARD.every((a) => text.parts.some((p) => p.includes(JSON.stringify(a).slice(1, -1)))));
        // Outside a transaction (PostgreSQL opens one for the COPY) and inside one.
        assert.equal(await writeSnapshot(db, '841', r.datasetId, snapshot, '2022-04-01T00:00:00Z'), true);
        assert.deepStrictEqual(await storedText(db, r.datasetId), text, 'stored byte for byte');
        await db.transaction((tx) => writeSnapshot(tx, '841', r.datasetId, snapshot, '2022-04-02T00:00:00Z'));
        assert.deepStrictEqual(
          await storedText(db, r.datasetId),
          text,
          'stored byte for byte in a transaction',
        );
        assert.equal(await snapshotCount(db), 1);
        const back = await readSnapshot(db, r.datasetId);
        assert.deepStrictEqual(back?.dataset, snapshot.dataset);
        assert.deepStrictEqual(back?.checks, snapshot.checks);
      } finally {
        await cleanup();
      }
    });

    test('a snapshot that cannot be stored aborts the transaction it is written in', async () => {
      const { db, cleanup } = await store.open();
      try {
        const r = await importDataset(db, first, { la: '841' });
        if (r.kind !== 'imported') assert.fail(r.kind);
        const before = await storedText(db, r.datasetId);
        assert.ok(before);
        const hash = async () =>
          (
            await db.get<{ h: string }>('SELECT content_hash AS h FROM dataset_versions WHERE id = ?', [
              r.datasetId,
            ])
          )?.h;
        const original = await hash();
        // No such dataset version: the foreign key refuses the head, after the old snapshot was deleted.
        await assert.rejects(
          db.transaction(async (tx) => {
            await tx.run('UPDATE dataset_versions SET content_hash = ? WHERE id = ?', [
              'changed',
              r.datasetId,
            ]);
            await writeSnapshot(tx, '841', 'no-such-version', awkwardSnapshot(), '2022-04-01T00:00:00Z');
          }),
        );
        assert.equal(await hash(), original, 'the earlier write in the transaction is undone');
        assert.deepStrictEqual(await storedText(db, r.datasetId), before, 'the deleted snapshot is back');
        assert.equal(await snapshotCount(db), 1);
      } finally {
        await cleanup();
      }
    });

    if (store.name === 'postgres') {
      test("on a hub, an LA-scoped read cannot see another LA's snapshot", async () => {
        const { db, cleanup } = await store.open();
        try {
          const r = await importDataset(db, first, { la: '841' });
          if (r.kind !== 'imported') assert.fail(r.kind);
          await enableLaIsolation(db);
          assert.equal(await withLaScope(db, '805', (tx) => readSnapshot(tx, r.datasetId)), undefined);
          assert.ok(await withLaScope(db, '841', (tx) => readSnapshot(tx, r.datasetId)));
        } finally {
          await cleanup();
        }
      });
    }
  });
}
