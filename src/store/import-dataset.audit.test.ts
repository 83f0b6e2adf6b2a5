/**
 * Audit of multi-year and repeated imports (inputs.md §1.1, §5, §6): real files read by readInputs, stored by
 * importDataset in a fresh SQLite store, and the current dataset loaded back, as `cspi import` does.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../ingest/read-inputs.js';
import { TODAY, tempFolder } from '../ingest/test-fixtures.js';
import type { Database } from './database.js';
import { importDataset } from './import-dataset.js';
import { loadDataset } from './load-dataset.js';
import { testStores } from './test-stores.js';

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups) await c();
});

async function store(): Promise<Database> {
  const sqlite = testStores().find((s) => s.name === 'sqlite');
  if (!sqlite) throw new Error('no sqlite store');
  const { db, cleanup } = await sqlite.open();
  cleanups.push(cleanup);
  return db;
}

function folder(): ReturnType<typeof tempFolder> {
  const f = tempFolder();
  cleanups.push(() => f.cleanup());
  return f;
}

async function importPaths(db: Database, paths: string[]) {
  const ingest = await readInputs(paths, { la: '841', today: TODAY });
  return { ingest, outcome: await importDataset(db, ingest, { la: '841' }) };
}

const CONTACTS = 'contact_id,child_id,received_at,decided_at,outcome,source';
const contactsCsv = (rows: string[]): string => `${[CONTACTS, ...rows].join('\r\n')}\r\n`;

describe('audit: local extract files in one import and across imports', () => {
  it('two contacts files of one extract date in one import: every row is loaded or listed (§6)', async () => {
    // inputs.md §6: "Every row or element read is loaded or listed." and "Per file and table … the report
    // counts read = loaded + rejected".
    const db = await store();
    const f = folder();
    f.write('team-a/contacts.csv', contactsCsv(['A1,1001,2021-05-01,,,', 'A2,1002,2022-03-31,,,']));
    f.write('team-b/contacts.csv', contactsCsv(['B1,1003,2021-06-01,,,', 'B2,1004,2022-03-31,,,']));
    const { ingest, outcome } = await importPaths(db, [f.dir]);
    if (outcome.kind === 'refused') {
      // Refusing (nothing loaded, both files named) also keeps the contract.
      const mixed = outcome.issues.find((i) => i.code === 'S-MIXED');
      assert.match(mixed?.message ?? '', /team-a\/contacts\.csv and team-b\/contacts\.csv/);
      return;
    }
    const loaded = ingest.counts.filter((c) => c.table === 'contacts').reduce((n, c) => n + c.loaded, 0);
    assert.equal(loaded, 4, 'the row accounting says all four contacts were loaded');
    const d = await loadDataset(db, '841');
    assert.deepEqual(d!.contacts.map((c) => c.id.split(':').at(-1)).sort(), ['A1', 'A2', 'B1', 'B2']);
  });

  it("a rejected future-dated row does not widen its file's date range, so later imports' rows are kept (§5, §6)", async () => {
    // inputs.md §5: "A newer file replaces earlier rows whose key date lies in its date range"; §6: "error =
    // record rejected, the rest loads". A row rejected as GEN-FUTURE (a typo: 2031) is not loaded, so it
    // should not make its file cover 2022–2031 and be "newer" than every later contacts file.
    const db = await store();
    const y1 = folder();
    y1.write(
      'contacts.csv',
      contactsCsv([
        'A1,1001,2022-05-01,,,',
        'A2,1002,2022-08-01,,,',
        'A3,1003,2022-11-01,,,',
        'A4,1004,2023-01-01,,,',
        'A5,1005,2023-03-01,,,',
        'TYPO,1006,2031-01-05,,,',
      ]),
    );
    const first = await importPaths(db, [y1.dir]);
    assert.equal(first.outcome.kind, 'imported');
    assert.ok(first.ingest.issues.some((i) => i.code === 'GEN-FUTURE'));
    const y2 = folder();
    y2.write('contacts.csv', contactsCsv(['B1,1004,2023-05-01,,,', 'B2,1005,2024-03-01,,,']));
    const second = await importPaths(db, [y2.dir]);
    assert.equal(second.outcome.kind, 'imported');
    const d = await loadDataset(db, '841');
    assert.deepEqual(d!.contacts.map((c) => c.id.split(':').at(-1)).sort(), [
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'B1',
      'B2',
    ]);
    const s = first.ingest.submissions[0]!;
    assert.deepEqual(s.dateRange, { start: '2022-05-01', end: '2023-03-01' });
    assert.equal(s.collectionYear, '2022-23');
  });

  it('a correcting contacts extract imported later wins over the earlier one in its date range (§1.1 "then the later import", §5)', async () => {
    // Reading: §1.1 "the later collection year wins, then the later import"; §5 "a newer file replaces earlier
    // rows whose key date lies in its date range (deletions take effect)". A local file's as-at date is only
    // its last row's date, so a correction of part of a year ends earlier than the whole-year file it
    // corrects: the later import of the same table and year is the newer file (localByAge), or the LA's
    // correction would be silently overridden by the older file.
    const db = await store();
    const first = folder();
    first.write(
      'contacts.csv',
      contactsCsv(['A1,1001,2021-05-01,2021-05-02,nfa,', 'A2,1002,2021-09-01,,,', 'A3,1003,2022-03-31,,,']),
    );
    assert.equal((await importPaths(db, [first.dir])).outcome.kind, 'imported');
    // The correction, May to October: A1's outcome was a referral, A2 was entered in error, A4 was missed.
    const fix = folder();
    fix.write(
      'contacts.csv',
      contactsCsv(['A1,1001,2021-05-01,2021-05-02,referral,', 'A4,1004,2021-10-01,,,']),
    );
    const r = await importPaths(db, [fix.dir]);
    assert.equal(r.outcome.kind, 'imported');
    assert.equal(r.ingest.submissions[0]!.collectionYear, '2021-22', 'the same collection year');
    assert.equal(r.ingest.submissions[0]!.asAt, '2021-10-01', 'its rows end before the first file’s');
    const d = await loadDataset(db, '841');
    const ids = (): string[] => d!.contacts.map((c) => c.id.split(':').at(-1)!).sort();
    assert.deepEqual(ids(), ['A1', 'A3', 'A4'], 'A2 deleted; A3, after the correction’s range, kept');
    assert.equal(
      d!.contacts.find((c) => c.id.endsWith(':A1'))?.outcome,
      'referral',
      'the correction wins A1',
    );
    // Re-importing the earlier file is byte-identical to a held submission: skipped, the correction stands.
    assert.equal((await importPaths(db, [first.dir])).outcome.kind, 'unchanged');
  });

  it('an undated reference table re-imported with other keys keeps the earlier keys, the later import winning each key (§5 "undated tables upsert on key")', async () => {
    // Reading: §5 "undated tables upsert on key" is the specific rule for workers, placements_long_term,
    // postcodes and population, over §1.1's "re-importing … replaces that submission whole": each file of one
    // is kept (its identity is its content, submissionIdentity) and merged in import order (mergeLocal).
    const db = await store();
    const a = folder();
    a.write('population.csv', 'year,la_code,aged_0_17\r\n2021-22,841,22000\r\n2022-23,841,21900\r\n');
    await importPaths(db, [a.dir]);
    // The next year's estimate, and 2022-23 revised by ONS.
    const b = folder();
    b.write('population.csv', 'year,la_code,aged_0_17\r\n2022-23,841,22100\r\n2023-24,841,22300\r\n');
    assert.equal((await importPaths(db, [b.dir])).outcome.kind, 'imported');
    const d = await loadDataset(db, '841');
    assert.deepEqual(d!.population.map((p) => [p.year, p.aged0to17]).sort(), [
      ['2021-22', 22000],
      ['2022-23', 22100],
      ['2023-24', 22300],
    ]);
    // Workers too, imported with --year (a collection year earlier than the first file's): still the later import.
    const w1 = folder();
    w1.write('workers.csv', 'worker_id,qualified_sw\r\nW1,N\r\nW2,N\r\n');
    await importPaths(db, [w1.dir]);
    const w2 = folder();
    w2.write('workers.csv', 'worker_id,qualified_sw\r\nW1,Y\r\nW3,Y\r\n');
    const later = await readInputs([w2.dir], { la: '841', today: TODAY, year: '2019-20' });
    assert.equal((await importDataset(db, later, { la: '841' })).kind, 'imported');
    const w = await loadDataset(db, '841');
    assert.deepEqual(w!.workers.map((x) => [x.workerId, x.qualifiedSw]).sort(), [
      ['W1', true],
      ['W2', false],
      ['W3', true],
    ]);
    assert.equal(w!.population.length, 3, 'the population rows are untouched by the workers files');
    // A byte-identical re-import is skipped (§1.1).
    assert.equal((await importPaths(db, [w1.dir])).outcome.kind, 'unchanged');
  });
});

describe('audit: one LA named two ways', () => {
  it('a year imported with --la E06000005 joins the years imported with --la 841 (§1: DfE number or ONS code)', async () => {
    const db = await store();
    const a = folder();
    a.write('contacts.csv', contactsCsv(['A1,1001,2021-05-01,,,']));
    const b = folder();
    b.write('contacts.csv', contactsCsv(['B1,1002,2022-05-01,,,']));
    const first = await readInputs([a.dir], { la: '841', today: TODAY });
    await importDataset(db, first, { la: '841' });
    const second = await readInputs([b.dir], { la: 'E06000005', today: TODAY });
    await importDataset(db, second, { la: 'E06000005' });
    const d = await loadDataset(db, '841');
    assert.deepEqual(d!.contacts.map((c) => c.id.split(':').at(-1)).sort(), ['A1', 'B1']);
  });
});

describe('audit: an episode crossing a year end, years imported newest first', () => {
  it('the later year wins the key whatever the import order; re-importing the older year changes nothing (§1.1)', async () => {
    // inputs.md §1.1: "Episodes and CP plans open on 31 March reappear next year under the same key; the
    // later (closed) version wins." and "the later collection year wins, then the later import".
    const db = await store();
    const h = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
    const e = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
    const y1 = folder();
    y1.write('h.csv', `${h}\r\n1001,1,01/02/2010,WBRI,,,\r\n`);
    y1.write('e.csv', `${e}\r\n1001,10/01/2021,S,C2,N1,U4,PR1,,,,,,\r\n`);
    const y2 = folder();
    y2.write('h.csv', `${h}\r\n1001,1,01/02/2010,WBRI,,,\r\n`);
    y2.write('e.csv', `${e}\r\n1001,10/01/2021,S,C2,N1,U4,PR1,01/06/2021,E4A,,,,\r\n`);
    assert.equal((await importPaths(db, [y2.dir])).outcome.kind, 'imported');
    const older = await importPaths(db, [y1.dir]);
    assert.equal(older.outcome.kind, 'imported');
    assert.equal(older.ingest.submissions[0]!.collectionYear, '2020-21');
    const d = await loadDataset(db, '841');
    assert.deepEqual(
      d!.episodes.map((x) => [x.decom, x.dec, x.rec]),
      [['2021-01-10', '2021-06-01', 'E4A']],
    );
    assert.equal((await importPaths(db, [y1.dir])).outcome.kind, 'unchanged');
  });
});
