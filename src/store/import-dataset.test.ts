import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from './database.js';
import { importDataset } from './import-dataset.js';
import { assembleVersion, loadDataset, loadDatasetVersion } from './load-dataset.js';
import { listDatasetVersions } from './dataset-versions.js';
import { testStores } from './test-stores.js';
import { child, cpPlan, episode, ingestResult, referral, staged, visit } from './test-records.js';
import { pseudonymId } from './pseudonymise.js';

/** A Database whose insertMany into `table` fails: a crash in the middle of an import's transaction. */
function failingOn(db: Database, table: string): Database {
  const wrap = (d: Database): Database => ({
    kind: d.kind,
    location: d.location,
    all: (s, p) => d.all(s, p),
    allRows: (s, p) => d.allRows(s, p),
    get: (s, p) => d.get(s, p),
    run: (s, p) => d.run(s, p),
    exec: (s) => d.exec(s),
    insertMany: async (t, c, r) => {
      if (t === table) throw new Error(`simulated failure writing ${t}`);
      return d.insertMany(t, c, r);
    },
    transaction: (fn) => d.transaction((tx) => fn(wrap(tx))),
    close: () => d.close(),
  });
  return wrap(db);
}

const year1 = () =>
  staged(
    'ssda903',
    '2021-22',
    {
      children: [child('C1', { dob: '2010-01-15' }), child('C2')],
      episodes: [episode('C1', '2021-06-01'), episode('C2', '2021-05-01', { dec: '2021-09-01', rec: 'E11' })],
    },
    { asAt: '2022-03-31' as never },
  );

const cinYear1 = () => {
  const r = referral('C1', '2021-05-01');
  return staged('cin', '2021-22', {
    children: [child('C1', {}, 'cin.xml')],
    referrals: [r],
    cpPlans: [cpPlan(r, '2021-06-01', null, ['2021-06-20'])],
  });
};

for (const store of testStores()) {
  test(`store on ${store.name}`, { skip: store.skip }, async (t) => {
    const { db, cleanup } = await store.open();
    const first = [year1(), cinYear1()];
    try {
      await t.test('import and read back', async () => {
        const s903 = first[0]!;
        const cin = first[1]!;
        const r = await importDataset(db, ingestResult('841', [s903, cin]), { la: '841' });
        assert.equal(r.kind, 'imported');
        if (r.kind !== 'imported') return;
        assert.equal(r.datasetId, '841-v1');
        assert.equal(r.previousDatasetId, null);
        assert.equal(r.tables['episodes'], 2);
        const d = await loadDataset(db, '841');
        assert.ok(d);
        assert.equal(d.la, '841');
        const strip = <T extends { id: string; source: object; childId: string }>(x: T) => {
          const { id: _i, source: _s, ...rest } = x;
          return rest;
        };
        assert.deepEqual(
          d.episodes.map(strip).sort((a, b) => (a.childId < b.childId ? -1 : 1)),
          s903.tables.episodes!.records().map(strip),
        );
        assert.equal(d.episodes[0]!.source.file, 'episodes.csv');
        assert.match(d.episodes[0]!.source.submissionId!, /^841-ssda903-2021-22-\d+$/);
        assert.deepEqual(d.cpPlans[0]!.reviewDates, ['2021-06-20']);
        assert.equal(d.cpPlans[0]!.referralId, d.referrals[0]!.id);
        assert.equal(d.children.find((c) => c.childId === 'C1')!.dob, '2010-01-15');
        assert.ok(d.tables.has('episodes') && d.tables.has('cin-details') && d.tables.has('header'));
        assert.equal(d.asAt.ssda903, '2022-03-31');
        assert.deepEqual(d.historyStart, { cin: '2021-04-01', ssda903: '2021-04-01' });
      });

      await t.test(
        'a submission is kept: the store refuses to delete one, so no record loses it',
        async () => {
          const n = async () => (await db.get<{ n: number }>('SELECT count(*) AS n FROM submissions'))!.n;
          const before = await n();
          assert.ok(before > 0);
          await assert.rejects(db.run('DELETE FROM submissions'), /submissions are kept/);
          assert.equal(await n(), before);
        },
      );

      await t.test('a byte-identical re-import is skipped: no new version', async () => {
        const r = await importDataset(db, ingestResult('841', first), { la: '841' });
        assert.equal(r.kind, 'unchanged');
        assert.equal((await listDatasetVersions(db, '841')).length, 1);
      });

      await t.test(
        'a failure in the middle of an import commits nothing; the previous version stays current and intact',
        async () => {
          const before = await loadDataset(db, '841');
          const counts = async () =>
            (await db.get<{ n: number }>('SELECT count(*) AS n FROM rec_episodes'))!.n;
          const n0 = await counts();
          const changed = staged(
            'ssda903',
            '2021-22',
            { children: [child('C1')], episodes: [episode('C1', '2021-06-01', { dec: '2021-12-01' })] },
            { fileTag: 'v2' },
          );
          await assert.rejects(
            importDataset(failingOn(db, 'rec_episodes'), ingestResult('841', [changed]), { la: '841' }),
            /simulated failure/,
          );
          await assert.rejects(
            importDataset(failingOn(db, 'dataset_checks'), ingestResult('841', [changed]), { la: '841' }),
            /simulated failure/,
          );
          assert.equal(await counts(), n0);
          const versions = await listDatasetVersions(db, '841');
          assert.deepEqual(
            versions.map((v) => [v.id, v.current]),
            [['841-v1', true]],
          );
          assert.equal(
            (await db.get<{ n: number }>(
              'SELECT count(*) AS n FROM submissions WHERE superseded_by IS NOT NULL',
            ))!.n,
            0,
          );
          assert.deepEqual(await loadDataset(db, '841'), before);
        },
      );

      await t.test(
        're-importing a source and year replaces that submission whole (deletions take effect)',
        async () => {
          const corrected = staged(
            'ssda903',
            '2021-22',
            { children: [child('C1')], episodes: [episode('C1', '2021-06-01', { dec: '2021-12-01' })] },
            { fileTag: 'v2' },
          );
          const r = await importDataset(db, ingestResult('841', [corrected]), { la: '841' });
          assert.equal(r.kind, 'imported');
          if (r.kind !== 'imported') return;
          assert.equal(r.datasetId, '841-v2');
          assert.equal(r.previousDatasetId, '841-v1');
          assert.equal(r.replaced.length, 1);
          const d = (await loadDataset(db, '841'))!;
          assert.deepEqual(
            d.episodes.map((e) => [e.childId, e.dec]),
            [['C1', '2021-12-01']],
          );
          // The CIN submission was kept.
          assert.equal(d.referrals.length, 1);
          // The earlier version is still readable as it was.
          const v1 = (await loadDataset(db, '841', '841-v1'))!;
          assert.equal(v1.episodes.length, 2);
          const version = (await loadDatasetVersion(db, '841'))!.version;
          assert.deepEqual(version.rowCounts.files.map((c) => `${c.file} ${c.read}`).sort(), [
            'children.csv 1',
            'children.csv 1',
            'cpPlans.csv 1',
            'episodes.csv 1',
            'referrals.csv 1',
          ]);
          const old = await db.get<{ superseded_by: string }>(
            'SELECT superseded_by FROM submissions WHERE id = ?',
            [r.replaced[0]],
          );
          assert.equal(old!.superseded_by, r.added[0]!.id);
        },
      );

      await t.test(
        'episodes stitch across years through the store (open at year end, closed next year; NOFOLLOW)',
        async () => {
          const y2 = staged(
            'ssda903',
            '2022-23',
            { children: [child('C9')], episodes: [episode('C9', '2022-05-01')] },
            { asAt: '2023-03-31' as never },
          );
          const y1 = staged('ssda903', '2021-22', {
            children: [child('C8'), child('C9')],
            episodes: [episode('C8', '2021-05-01'), episode('C9', '2021-06-01', { dec: '2022-01-01' })],
          });
          const r = await importDataset(db, ingestResult('843', [y1, y2]), { la: '843' });
          assert.equal(r.kind, 'imported');
          if (r.kind !== 'imported') return;
          assert.deepEqual(
            r.checks.map((c) => c.code),
            ['903-STITCH-NOFOLLOW'],
          );
          const v = (await loadDatasetVersion(db, '843'))!;
          assert.equal(v.dataset.episodes.find((e) => e.childId === 'C8')!.dec, '2022-04-01');
          assert.equal(v.version.checks.byCode['903-STITCH-NOFOLLOW'], 1);
          const stored = await db.all<{ code: string }>(
            'SELECT code FROM dataset_checks WHERE dataset_id = ?',
            [r.datasetId],
          );
          assert.deepEqual(
            stored.map((s) => s.code),
            ['903-STITCH-NOFOLLOW'],
          );
          // Year 2 closes C8's later episode: a new import of 2022-23 with C8 continuing.
          const y2b = staged(
            'ssda903',
            '2022-23',
            {
              children: [child('C8'), child('C9')],
              episodes: [episode('C8', '2021-05-01', { dec: '2022-07-01' }), episode('C9', '2022-05-01')],
            },
            { asAt: '2023-03-31' as never, fileTag: 'b' },
          );
          await importDataset(db, ingestResult('843', [y2b]), { la: '843' });
          const d = (await loadDataset(db, '843'))!;
          assert.deepEqual(
            d.episodes.filter((e) => e.childId === 'C8').map((e) => e.dec),
            ['2022-07-01'],
          );
        },
      );

      await t.test('two LAs are isolated', async () => {
        const other = staged('ssda903', '2021-22', {
          children: [child('Z1')],
          episodes: [episode('Z1', '2021-04-02')],
        });
        const r = await importDataset(db, ingestResult('842', [other]), { la: '842' });
        assert.equal(r.kind, 'imported');
        const a = (await loadDataset(db, '841'))!;
        const b = (await loadDataset(db, '842'))!;
        assert.ok(a.episodes.every((e) => e.childId !== 'Z1'));
        assert.deepEqual(
          b.episodes.map((e) => e.childId),
          ['Z1'],
        );
        assert.equal(b.referrals.length, 0);
        assert.equal(await loadDataset(db, '999'), undefined);
        assert.equal((await listDatasetVersions(db)).filter((v) => v.current).length, 3);
      });

      await t.test(
        'a different LA in the files is refused (S-LA-MISMATCH); a refused ingest commits nothing',
        async () => {
          const before = await db.get<{ n: number }>('SELECT count(*) AS n FROM submissions');
          const r = await importDataset(db, ingestResult('842', [year1()]), { la: '841' });
          assert.equal(r.kind, 'refused');
          if (r.kind === 'refused') assert.equal(r.issues[0]!.code, 'S-LA-MISMATCH');
          const refused = await importDataset(
            db,
            ingestResult('841', [year1()], {
              refused: true,
              issues: [
                {
                  code: 'S-ENCODING',
                  severity: 'structural',
                  file: 'episodes.csv',
                  table: null,
                  position: null,
                  childId: null,
                  field: null,
                  value: null,
                  dfeRule: null,
                  message: 'episodes.csv is UTF-16',
                },
              ],
            }),
            { la: '841' },
          );
          assert.equal(refused.kind, 'refused');
          assert.deepEqual(await db.get<{ n: number }>('SELECT count(*) AS n FROM submissions'), before);
        },
      );

      await t.test(
        'pseudonymised import: keyed-hash ids, DOB to the first of the month, postcodes to sectors',
        async () => {
          const key = { la: '844', secret: 'test-secret' };
          const s = staged('ssda903', '2021-22', {
            children: [child('C1', { dob: '2010-01-15', upnHash: 'x' })],
            episodes: [episode('C1', '2021-06-01', { homePost: 'DL1 5AB', plPost: 'DL3 6CD' })],
          });
          const r = await importDataset(db, ingestResult('844', [s]), { la: '844', pseudonymise: key });
          assert.equal(r.kind, 'imported');
          const d = (await loadDataset(db, '844'))!;
          const id = pseudonymId(key, 'C1');
          assert.match(id, /^[0-9a-f]{20}$/);
          assert.deepEqual(
            d.children.map((c) => [c.childId, c.dob, c.upnHash]),
            [[id, '2010-01-01', null]],
          );
          assert.deepEqual(
            d.episodes.map((e) => [e.childId, e.homePost, e.plPost]),
            [[id, 'DL1 5', 'DL3 6']],
          );
          const raw = await db.all(
            "SELECT child_id FROM rec_children WHERE child_id = 'C1' AND submission_id LIKE '844-%'",
          );
          assert.deepEqual(raw, []);
        },
      );

      await t.test(
        'local files: a later import of the year is the newer file; undated tables upsert on key (snapshot and records agree)',
        async () => {
          const visits = (dates: string[], fileTag: string) => {
            const sorted = [...dates].sort() as never[];
            return staged(
              'local',
              '2021-22',
              { cpVisits: dates.map((d) => visit('C1', d)) },
              { asAt: sorted.at(-1), dateRange: { start: sorted[0]!, end: sorted.at(-1)! }, fileTag },
            );
          };
          const worker = (workerId: string, qualifiedSw: boolean) => ({
            workerId,
            qualifiedSw,
            sweRegistration: null,
            source: { file: 'workers.csv', position: 'line 2' },
          });
          const workers = (rows: ReturnType<typeof worker>[], collectionYear: string, fileTag: string) =>
            staged('local', collectionYear, { workers: rows }, { fileTag });
          const imports = [
            [
              visits(['2021-05-10', '2021-06-10', '2022-03-10'], 'year'),
              workers([worker('W1', false)], '2024-25', 'a'),
            ],
            // The correction of May to October (June deleted at source), and new workers given --year 2019-20.
            [
              visits(['2021-05-10', '2021-10-10'], 'fix'),
              workers([worker('W1', true), worker('W2', true)], '2019-20', 'b'),
            ],
            // Only W3: W1 and W2 stay.
            [workers([worker('W3', false)], '2024-25', 'c')],
          ];
          for (const ss of imports)
            assert.equal((await importDataset(db, ingestResult('845', ss), { la: '845' })).kind, 'imported');
          const current = (await listDatasetVersions(db, '845')).find((v) => v.current)!;
          const fromSnapshot = (await loadDataset(db, '845'))!;
          const fromRecords = (await assembleVersion(db, current.id)).dataset;
          for (const d of [fromSnapshot, fromRecords]) {
            assert.deepEqual(d.cpVisits.map((v) => v.visitDate).sort(), [
              '2021-05-10',
              '2021-10-10',
              '2022-03-10',
            ]);
            assert.deepEqual(d.workers.map((w) => [w.workerId, w.qualifiedSw]).sort(), [
              ['W1', true],
              ['W2', true],
              ['W3', false],
            ]);
          }
          assert.deepEqual(fromRecords, fromSnapshot);
        },
      );
    } finally {
      await cleanup();
    }
  });
}
