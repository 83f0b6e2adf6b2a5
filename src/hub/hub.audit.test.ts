import { stagedTablesOf } from '../ingest/episode-table.js';
/**
 * Audit of the regional/national hub against issue 7 and inputs.md §7 (hand-worked cases): benchmark maths
 * (quartile method, ties, polarity, comparator groups), the published England figure beside the hub's, and
 * pseudonymised imports leaving no raw date of birth, postcode, child or worker id in what is stored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarkIndicator, rankLas, summarise } from './benchmarks.js';
import { hubBenchmarks } from './hub-benchmarks.js';
import type PgBoss from 'pg-boss';
import { jobProgress } from './fan-out.js';
import { QUEUES, queueTiming } from './queue.js';
import { startWorker } from './worker.js';
import { openDatabase } from '../store/open.js';
import { LA_TABLE, regionGroups } from './la-groups.js';
import { readFileSync } from 'node:fs';
import { saveIndicatorReport } from './indicator-results.js';
import { importSmallLa } from './hub-fixtures.js';
import { hubBenchmarksOf } from '../report/model/hub-benchmarks.js';
import { hubBenchmark, hubComparison } from '../web/figures/hub-view.js';
import type { StoredFigure } from './indicator-results.js';
import type { IndicatorReport } from '../indicators/types.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';
import { testStores } from '../store/test-stores.js';
import { readInputs } from '../ingest/read-inputs.js';
import { importDataset } from '../store/import-dataset.js';
import { loadDataset } from '../store/load-dataset.js';
import { pseudonymId, pseudonymiseIssue, personalValuesOf } from '../store/pseudonymise.js';
import { child, episode, ingestResult, referral, staged } from '../store/test-records.js';
import type { IsoDate } from '../calendar/iso-date.js';

const sqlite = testStores().find((s) => s.name === 'sqlite')!;

// Quartile method (decided; issue 7 names none): the cut points are type 7 (linear interpolation, the
// spreadsheet QUARTILE.INC), and an LA's quartile is where its value lies against those same cut points,
// a value on a cut point taking the better quarter. Banding by rank (⌊(rank − 1)·4/n⌋ + 1) called the worst
// of two or three LAs "quartile 3" while its value lay below the lower quartile printed beside it.
test('quartile: an LA below the lower quartile shown is in quartile 4, whatever the number of LAs', () => {
  // Two LAs, higher is better: cut points 12.5 / 15 / 17.5; 10 lies below the lower quartile.
  const two = rankLas(
    [
      { la: 'A', value: 10 },
      { la: 'B', value: 20 },
    ],
    'higher',
  );
  assert.deepEqual(
    two.map((p) => [p.la, p.rank, p.quartile]),
    [
      ['B', 1, 1],
      ['A', 2, 4],
    ],
  );
  // Three LAs, lower is better: 10, 20, 30 → cut points 15 / 20 / 25; 20 is on the median → quartile 2;
  // 30 is above the upper quartile → quartile 4 (rank banding said 3).
  const three = rankLas(
    [
      { la: 'A', value: 30 },
      { la: 'B', value: 10 },
      { la: 'C', value: 20 },
    ],
    'lower',
  );
  assert.deepEqual(
    three.map((p) => [p.la, p.rank, p.quartile]),
    [
      ['B', 1, 1],
      ['C', 2, 2],
      ['A', 3, 4],
    ],
  );
  assert.deepEqual(summarise([10, 20, 30]), { n: 3, mean: 20, q1: 15, median: 20, q3: 25 });
});

test('quartile agrees with the cut points for every LA of a group of eight (higher is better), ties share', () => {
  // 10, 20, 30, 40, 40, 60, 70, 80 → q1 = 27.5, median = 40, q3 = 62.5 (type 7: h = 7q).
  const values = [10, 20, 30, 40, 40, 60, 70, 80].map((value, i) => ({ la: `L${i}`, value }));
  const s = summarise(values.map((v) => v.value));
  assert.deepEqual(s, { n: 8, mean: 43.8, q1: 27.5, median: 40, q3: 62.5 });
  const byLa = new Map(rankLas(values, 'higher').map((p) => [p.value, [p.rank, p.quartile]]));
  assert.deepEqual(
    [...byLa.entries()],
    [
      [80, [1, 1]],
      [70, [2, 1]],
      [60, [3, 2]],
      [40, [4, 2]], // two LAs on 40: both 4th (the 5th rank is skipped), both on the median → quartile 2
      [30, [6, 3]],
      [20, [7, 4]],
      [10, [8, 4]],
    ],
  );
  assert.deepEqual(
    rankLas(values, 'higher')
      .filter((p) => p.value === 40)
      .map((p) => p.rank),
    [4, 4],
  );
});

const fig = (la: string, indicatorId: string, value: number | null): StoredFigure => ({
  la,
  indicatorId,
  datasetId: `${la}-v1`,
  status: value === null ? 'not-available' : 'ok',
  value,
  numerator: null,
  denominator: null,
});

// Comparator groups (decided): the region mean includes the LA (the DfE regional figure covers every LA of
// the region); the statistical-neighbour mean leaves it out (an LA's statistical neighbours are other LAs;
// the DfE SN average is the mean of the ten neighbours, and the CLI's --groups comparators leave the LA out).
test('SN mean leaves the LA itself out, in the report/scorecard and on the indicator page; region keeps it', () => {
  const groups = {
    'region:North East': ['841', '805', '806'],
    // A hub's groups file lists 805's neighbours; 841 is one of them.
    'statistical-neighbours': ['841', '806', '330'],
  };
  const figures = [fig('805', 'icpc-15wd', 60), fig('806', 'icpc-15wd', 70), fig('330', 'icpc-15wd', 90)];
  const report = {
    la: '841',
    indicators: [{ id: 'icpc-15wd', polarity: 'higher', value: 20 }],
    settings: DEFAULT_SETTINGS,
  } as unknown as Pick<IndicatorReport, 'la' | 'indicators' | 'settings'>;
  // The bare arithmetic (1: no fewest other LAs); the hub's sharing rule withholds both (see below).
  const hub = hubBenchmarksOf(report, figures, groups, 1)!['icpc-15wd']!;
  assert.deepEqual(hub.sn, { mean: 80, las: 2, withheld: false }, '(70 + 90) / 2, without 841’s own 20');
  assert.deepEqual(
    hub.region,
    { name: 'North East', mean: 50, las: 3, withheld: false },
    '(20 + 60 + 70) / 3',
  );
  const page = hubBenchmark('841', { id: 'icpc-15wd', polarity: 'higher', value: 20 }, figures, groups, 1)!;
  assert.equal(page.groups['statistical-neighbours']!.mean, 80);
  assert.equal(page.groups['region:North East']!.mean, 50);
});

// Statistical neighbours are each LA's own (decided): a hub's groups file names them per LA
// ("statistical-neighbours:<code>"); a plain group (a single LA's file) applies where an LA has none. One
// plain group gave every hub LA the same "SN average": the neighbours of the LA the file was written for.
test('each LA’s SN mean is of its own neighbours on a hub; another LA’s group is never taken', () => {
  const groups = {
    'statistical-neighbours:841': ['805', '806'],
    'statistical-neighbours:805': ['330', '841'],
  };
  const figures = [
    fig('841', 'icpc-15wd', 40),
    fig('805', 'icpc-15wd', 60),
    fig('806', 'icpc-15wd', 80),
    fig('330', 'icpc-15wd', 90),
  ];
  const reportOf = (la: string, value: number) =>
    ({
      la,
      indicators: [{ id: 'icpc-15wd', polarity: 'higher', value }],
      settings: DEFAULT_SETTINGS,
    }) as unknown as Pick<IndicatorReport, 'la' | 'indicators' | 'settings'>;
  // The bare arithmetic (1: no fewest other LAs); groups of two are withheld under the sharing rule.
  assert.deepEqual(hubBenchmarksOf(reportOf('841', 40), figures, groups, 1)!['icpc-15wd']!.sn, {
    mean: 70,
    las: 2,
    withheld: false,
  });
  assert.deepEqual(hubBenchmarksOf(reportOf('805', 60), figures, groups, 1)!['icpc-15wd']!.sn, {
    mean: 65,
    las: 2,
    withheld: false,
  }); // (90 + 40) / 2
  // 806 has no group of its own and there is no plain one: no SN average rather than 841's.
  assert.equal(hubBenchmarksOf(reportOf('806', 70), figures, groups, 1)!['icpc-15wd']!.sn, null);
  const page = hubBenchmark('805', { id: 'icpc-15wd', polarity: 'higher', value: 60 }, figures, groups, 1)!;
  assert.equal(hubComparison('805', 'percent', page, groups, false).sn?.mean, '65.0%');
});

test('region groups: an LA whose name holds a comma (quoted in data/las.csv) is in its region', () => {
  const groups = regionGroups(
    'la_code,ons_code,name,region\n810,E06000010,"Kingston upon Hull, City of",Yorkshire and The Humber\n',
  );
  assert.deepEqual(groups, { 'region:Yorkshire and The Humber': ['810'] });
  const shipped = regionGroups(readFileSync(LA_TABLE, 'utf8'));
  assert.ok(shipped['region:South West']!.includes('801'), 'Bristol, City of');
  assert.deepEqual(
    Object.keys(shipped).filter(
      (g) =>
        !/^region:(North East|North West|Yorkshire and The Humber|East Midlands|West Midlands|East of England|London|South East|South West)$/.test(
          g,
        ),
    ),
    [],
    'only the nine English regions',
  );
  assert.equal(Object.values(shipped).flat().length, 153, 'every LA of the table in one region');
});

test('an LA whose figure is not available is in no mean, quartile or count, and has no position', () => {
  const b = benchmarkIndicator(
    'icpc-15wd',
    'higher',
    [
      { la: '841', value: null },
      { la: '805', value: 60 },
      { la: '806', value: 80 },
    ],
    { 'region:North East': ['841', '805', '806'] },
  );
  assert.deepEqual(b.all, { n: 2, mean: 70, q1: 65, median: 70, q3: 75 });
  assert.equal(b.groups['region:North East']!.n, 2);
  assert.equal(
    b.positions.find((p) => p.la === '841'),
    undefined,
  );
  assert.deepEqual(
    b.positions.map((p) => [p.la, p.rank, p.of]),
    [
      ['806', 1, 2],
      ['805', 2, 2],
    ],
  );
});

test(
  'hub benchmarks carry the published England figure beside the LAs’ own',
  { skip: sqlite.skip },
  async () => {
    const { db, cleanup } = await sqlite.open();
    try {
      await importSmallLa(db, '841', 2);
      const period = { id: '2021-22-Q4', start: '2022-01-01', end: '2022-03-31' } as const;
      await saveIndicatorReport(
        db,
        {
          la: '841',
          period,
          dataset: { id: '841-v1', hash: 'h', asAt: null },
          indicators: [
            { id: 'referrals-rereferral-12m', status: 'ok', value: 20, numerator: 1, denominator: 5 },
          ],
        } as unknown as IndicatorReport,
        '2026-11-29T10:00:00Z',
      );
      const b = (await hubBenchmarks(db, period.id, {})).find(
        (x) => x.indicatorId === 'referrals-rereferral-12m',
      )!;
      assert.equal(b.all.mean, 20);
      assert.equal(b.england?.value, 21.5, 'report.md §3: re-referrals England 2021-22 21.5%');
    } finally {
      await cleanup();
    }
  },
);

const KEY = { la: '841', secret: 'audit-secret' };

test('pseudonymised issues: a message quoting the child’s date of birth or a worker id keeps neither', () => {
  const personal = personalValuesOf([
    stagedTablesOf({
      children: [child('1001', { dob: '2010-01-15' as IsoDate })],
      episodes: [episode('1001', '2009-12-01', { homePost: 'DL1 5AB', plPost: 'DL3 6CD' })],
    }),
  ]);
  const birth = pseudonymiseIssue(
    {
      code: '903-EP-BIRTH',
      severity: 'error',
      file: 'episodes.csv',
      table: 'Episodes',
      position: 'line 2',
      childId: '1001',
      field: 'DECOM',
      value: '01/12/2009',
      dfeRule: '302',
      message: "DECOM 01/12/2009 is before child 1001's date of birth 15/01/2010",
    },
    KEY,
    personal,
  );
  assert.equal(
    birth.message,
    `DECOM 01/12/2009 is before child ${pseudonymId(KEY, '1001')}'s date of birth 01/01/2010`,
  );
  const worker = pseudonymiseIssue(
    {
      code: 'LOC-WORKER-UNKNOWN',
      severity: 'warning',
      file: 'allocations.csv',
      table: 'allocations',
      position: 'line 3',
      childId: '1001',
      field: 'worker_id',
      value: 'W77',
      dfeRule: null,
      message: 'worker W77 is not in workers.csv',
    },
    KEY,
    personal,
  );
  assert.equal(worker.value, null);
  assert.equal(worker.message, `worker ${pseudonymId(KEY, 'W77')} is not in workers.csv`);
  const postcode = pseudonymiseIssue(
    {
      code: 'X-TEST',
      severity: 'query',
      file: 'episodes.csv',
      table: 'Episodes',
      position: 'line 2',
      childId: '1001',
      field: 'PL_POST',
      value: 'DL3 6CD',
      dfeRule: null,
      message: "PL_POST 'DL3 6CD' and HOME_POST dl15ab",
    },
    KEY,
    personal,
  );
  assert.equal(postcode.message, "PL_POST 'DL3 6' and HOME_POST DL1 5");
});

/** Every text cell of every table of the store, as one string per row. */
async function everyStoredText(db: Awaited<ReturnType<typeof sqlite.open>>['db']): Promise<string[]> {
  const tables = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const out: string[] = [];
  for (const { name } of tables) {
    for (const row of await db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`)) {
      out.push(
        `${name}: ${Object.values(row)
          .map((v) => (Buffer.isBuffer(v) ? '' : String(v)))
          .join('|')}`,
      );
    }
  }
  return out;
}

test(
  'a pseudonymised import of SSDA903 files stores no raw child id, day of birth or full postcode, issues included',
  { skip: sqlite.skip },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspi-pseudo-'));
    const { db, cleanup } = await sqlite.open();
    try {
      // Child 7301 born 15 January 2010; an episode starting before the birth (903-EP-BIRTH quotes the DOB).
      // Children 7302-7309 load (one rejected row in nine stays under the 20% refusal limit).
      const others = [2, 3, 4, 5, 6, 7, 8, 9];
      writeFileSync(
        join(dir, 'header.csv'),
        'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n7301,1,15/01/2010,WBRI,,,\n' +
          others.map((n) => `730${n},2,23/06/2012,WBRI,,,\n`).join(''),
      );
      writeFileSync(
        join(dir, 'episodes.csv'),
        'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' +
          '7301,01/12/2009,S,C2,N1,U1,PR1,,,,DL1 5AB,DL3 6CD,SC123456\n' +
          others.map((n) => `730${n},01/05/2021,S,C2,N1,U1,PR1,,,,DL1 7XY,DL3 9ZZ,SC123456\n`).join(''),
      );
      const ingest = await readInputs([dir], { la: '841', year: '2021-22', today: '2022-06-01' as IsoDate });
      const issues = ingest.issues.map((i) => i.code);
      assert.ok(
        issues.includes('903-EP-BIRTH'),
        `the fixture raises 903-EP-BIRTH (got ${issues.join(', ')})`,
      );
      const outcome = await importDataset(db, ingest, { la: '841', pseudonymise: KEY });
      assert.equal(outcome.kind, 'imported');
      // Every text cell stored, and the dataset as the snapshot (compressed, so not scanned as text) gives it.
      const stored = await everyStoredText(db);
      const raw =
        /\b730\d\b|15\/01\/2010|2010-01-15|23\/06\/2012|2012-06-23|DL1 ?5AB|DL3 ?6CD|DL1 ?7XY|DL3 ?9ZZ/i;
      assert.deepEqual(
        stored.filter((row) => raw.test(row)),
        [],
      );
      const dataset = JSON.stringify(await loadDataset(db, '841'));
      assert.ok(dataset.includes('"dob":"2012-06-01"'), 'the dataset holds the children, born in a month');
      assert.doesNotMatch(dataset, raw);
      assert.ok(
        stored.some((row) => row.startsWith('validation_issues:') && row.includes('01/01/2010')),
        'the issue is stored, its date of birth the first of the month',
      );
    } finally {
      await cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

// inputs.md §7 decided for the hub: pseudonymisation is applied on import inside the LA (`cspi import
// --pseudonymise --db <hub>`; the secret never reaches the hub, so a hub worker's import job cannot apply
// it). One LA's dataset is then pseudonymised throughout or not at all: a raw import (e.g. a hub import job)
// beside pseudonymised submissions would put identifiable records back and link to nothing.
test(
  'an import that would leave an LA’s dataset partly pseudonymised is refused (S-PSEUDO-MIXED)',
  {
    skip: sqlite.skip,
  },
  async () => {
    const { db, cleanup } = await sqlite.open();
    try {
      const cin = (id: string) =>
        staged('cin', '2021-22', { children: [child(id)], referrals: [referral(id, '2021-05-01')] });
      const ssda = (id: string) =>
        staged('ssda903', '2021-22', { children: [child(id)], episodes: [episode(id, '2021-06-01')] });
      const first = await importDataset(db, ingestResult('841', [cin('C1')]), {
        la: '841',
        pseudonymise: KEY,
      });
      assert.equal(first.kind, 'imported');
      // A raw SSDA903 return of the same LA, as a hub import job would store it: refused, nothing stored.
      const raw = await importDataset(db, ingestResult('841', [ssda('C1')]), { la: '841' });
      assert.equal(raw.kind, 'refused');
      if (raw.kind === 'refused')
        assert.deepEqual(
          raw.issues.map((i) => i.code),
          ['S-PSEUDO-MIXED'],
        );
      const ids = await db.all<{ child_id: string }>('SELECT child_id FROM rec_children');
      assert.ok(
        ids.every((r) => r.child_id !== 'C1'),
        'no raw child id stored',
      );
      // Pseudonymised too, it joins; a raw import replacing every pseudonymised submission is allowed.
      assert.equal(
        (await importDataset(db, ingestResult('841', [ssda('C1')]), { la: '841', pseudonymise: KEY })).kind,
        'imported',
      );
      const whole = await importDataset(db, ingestResult('841', [cin('C1'), ssda('C1')]), { la: '841' });
      assert.equal(whole.kind, 'imported');
    } finally {
      await cleanup();
    }
  },
);

// A refused import completes its job (the files' fault: retrying cannot help), so `cspi hub import` counted it
// done: "153 of 153 done" with an LA missing from the hub. The job's output now says refused, and the count
// of done leaves it out.
test('an import job the store refuses is counted refused, not done', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-refused-'));
  const db = await openDatabase(':memory:', { env: {} });
  try {
    // No Episodes beside the Header, and every one of its 10 rows rejected (DOB unreadable): over the
    // error-rate limit (20%, from 10 rejected rows) too, so the import is refused for two structural problems.
    const rows = Array.from({ length: 10 }, (_, i) => `${i + 1},1,soon,WBRI,,,\n`).join('');
    writeFileSync(join(dir, 'header.csv'), `CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n${rows}`);
    let handler: ((jobs: unknown[]) => Promise<unknown>) | undefined;
    const boss = {
      work: async (name: string, _opts: unknown, h: (jobs: unknown[]) => Promise<unknown>) => {
        if (name === QUEUES.import) handler = h;
        return name;
      },
      notifyWorker: () => {},
    } as unknown as PgBoss;
    await startWorker(boss, db, () => {}, queueTiming({}));
    const output = await handler!([{ id: 'j1', data: { la: '841', paths: [dir] } }]);
    // The job's output says why, by the first structural problem (the operator's summary names LA and reason).
    const reason =
      "S-INCOMPLETE-SET the SSDA903 set with header.csv has no Episodes table; each year's set needs Header and Episodes (add it to the same folder). (and 1 more structural problem)";
    assert.deepEqual(output, { outcome: 'refused', reason });
    const jobs = new Map<string, unknown>([
      ['a', { state: 'completed', retryCount: 0, output }],
      ['b', { state: 'completed', retryCount: 0, output: { outcome: 'imported' } }],
      ['c', { state: 'completed', retryCount: 1, output: null }],
    ]);
    const queue = { getJobById: async (_q: string, id: string) => jobs.get(id) ?? null } as unknown as PgBoss;
    const byLa = new Map([
      ['841', 'a'],
      ['805', 'b'],
      ['806', 'c'],
    ]);
    assert.deepEqual(await jobProgress(queue, QUEUES.import, byLa), {
      total: 3,
      completed: 3,
      failed: 0,
      active: 0,
      retried: 1,
      refused: 1,
      problems: [{ la: '841', outcome: 'refused', reason }],
    });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Issue 7: aggregates across LAs are shared "per the hub's settings". The hub's rule (aggregate-sharing.ts):
// an aggregate shown to an LA is made of at least 3 other LAs, else withheld; a group of two LAs handed each
// the other's figure (mean × 2 − own), a group of one the other's figure itself.
test('an aggregate of fewer than 3 other LAs is withheld from an LA; from 3 on it is shown', () => {
  const report = {
    la: '841',
    indicators: [{ id: 'icpc-15wd', polarity: 'higher', value: 40 }],
    settings: DEFAULT_SETTINGS,
  } as unknown as Pick<IndicatorReport, 'la' | 'indicators' | 'settings'>;
  const two = hubBenchmarksOf(report, [fig('805', 'icpc-15wd', 70)], {
    'region:North East': ['841', '805'],
  })!['icpc-15wd']!;
  assert.deepEqual(two.region, { name: 'North East', mean: null, las: 2, withheld: true });
  assert.deepEqual([two.withheld, two.mean, two.q1, two.median, two.q3], [true, null, null, null, null]);
  assert.deepEqual(
    two.position,
    { rank: 2, of: 2, quartile: null },
    'a rank, but no quartile of withheld cuts',
  );
  const others = ['805', '806', '807'].map((la, i) => fig(la, 'icpc-15wd', 60 + 10 * i));
  const four = hubBenchmarksOf(report, others, { 'region:North East': ['841', '805', '806', '807'] })![
    'icpc-15wd'
  ]!;
  assert.deepEqual(four.region, { name: 'North East', mean: 62.5, las: 4, withheld: false }); // (40+60+70+80)/4
  assert.equal(four.withheld, false);
  // Three others, the LA itself without a figure: still three others.
  const none = {
    ...report,
    indicators: [{ id: 'icpc-15wd', polarity: 'higher', value: null }],
  } as unknown as typeof report;
  assert.equal(hubBenchmarksOf(none, others, {})!['icpc-15wd']!.mean, 70);
  // Two others and no figure of its own: withheld.
  assert.equal(hubBenchmarksOf(none, others.slice(0, 2), {})!['icpc-15wd']!.withheld, true);
});

test('the sharing rule is the hub’s setting: under 4, a mean of three other LAs is withheld, and the report says 4', () => {
  const report = {
    la: '841',
    indicators: [{ id: 'icpc-15wd', polarity: 'higher', value: 40 }],
    settings: DEFAULT_SETTINGS,
  } as unknown as Pick<IndicatorReport, 'la' | 'indicators' | 'settings'>;
  const others = ['805', '806', '807'].map((la, i) => fig(la, 'icpc-15wd', 60 + 10 * i));
  const three = hubBenchmarksOf(report, others, {}, 4)!['icpc-15wd']!;
  assert.deepEqual([three.withheld, three.mean, three.minOtherLas], [true, null, 4]);
  assert.equal(hubBenchmarksOf(report, others, {}, 3)!['icpc-15wd']!.mean, 62.5);
});
