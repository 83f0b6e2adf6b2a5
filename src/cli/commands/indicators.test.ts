import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { isoDate } from '../../calendar/iso-date.js';
import { dataset, referral, section47 } from '../../indicators/lib/test-fixtures.js';
import type { IndicatorReport } from '../../indicators/types.js';
import { UserError } from '../user-error.js';
import { importDataset } from '../../store/import-dataset.js';
import { openDatabase } from '../../store/open.js';
import * as rec from '../../store/test-records.js';
import { type DatasetSource, storeDatasetSource } from '../dataset-source.js';
import { catalogueText, runIndicators } from './indicators.js';

const data = dataset(['cin-details', 'section47'], {
  asAt: { cin: isoDate('2022-01-05'), ssda903: null, local: {} },
  referrals: [
    referral('a1', 'A', '2020-11-15'),
    referral('a2', 'A', '2021-11-15'),
    referral('b1', 'B', '2020-11-14'),
    referral('b2', 'B', '2021-11-15'),
    referral('c1', 'C', '2021-10-04'),
    referral('c2', 'C', '2021-12-01'),
  ],
  section47s: [section47('s1', 'A', '2021-11-16', '2021-12-01')],
});

const source = (others: Record<string, typeof data> = {}): DatasetSource => ({
  load: async (la) => {
    const d = la === undefined || la === '841' ? data : others[la];
    if (!d) throw new UserError(`no dataset for LA ${la}`);
    return { data: d, id: `ds-${d.la}`, hash: 'h1', asAt: isoDate('2022-01-05') };
  },
  close: async () => {},
});

async function capture(fn: (write: (s: string) => void) => Promise<void>): Promise<string> {
  let out = '';
  await fn((s) => {
    out += s;
  });
  return out;
}

test('--json prints the IndicatorReport: la, period, dataset, indicators', async () => {
  const text = await capture((w) => runIndicators({ period: '2021-22-Q3', json: true }, source(), w));
  const report = JSON.parse(text) as IndicatorReport;
  assert.equal(report.la, '841');
  assert.deepEqual(report.period, { id: '2021-22-Q3', start: '2021-10-01', end: '2021-12-31' });
  assert.deepEqual(report.dataset, { id: 'ds-841', hash: 'h1', asAt: '2022-01-05' });
  const rr = report.indicators.find((i) => i.id === 'referrals-rereferral-12m')!;
  assert.equal(rr.value, 50);
  assert.equal(rr.rag, 'red');
  const contacts = report.indicators.find((i) => i.id === 'referrals-decided-1wd')!;
  assert.equal(contacts.status, 'not-available');
  // Byte-identical on a second run.
  const again = await capture((w) => runIndicators({ period: '2021-22-Q3', json: true }, source(), w));
  assert.equal(again, text);
});

test('--members prints one CSV row per member; Y rows are the numerator', async () => {
  const text = await capture((w) =>
    runIndicators({ period: '2021-22-Q3', members: 'referrals-rereferral-12m' }, source(), w),
  );
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]!), [
    'child_id',
    'in_numerator',
    'record_ids',
    'previousReferralDate',
    'referralDate',
    'reason',
  ]);
  assert.equal(rows.length, 4);
  assert.equal(rows.filter((r) => r['in_numerator'] === 'Y').length, 2);
  assert.deepEqual(rows[0], {
    child_id: 'A',
    in_numerator: 'Y',
    record_ids: 'a2;a1',
    previousReferralDate: '2020-11-15',
    referralDate: '2021-11-15',
    reason: 'previous referral 2020-11-15 on or after 2020-11-15',
  });
});

test('--members with --json gives the list and the figures it makes', async () => {
  const text = await capture((w) =>
    runIndicators({ period: '2021-22-Q3', members: 'referrals-rereferral-12m', json: true }, source(), w),
  );
  const doc = JSON.parse(text) as {
    numerator: number;
    denominator: number;
    members: { inNumerator: boolean }[];
  };
  assert.equal(doc.denominator, doc.members.length);
  assert.equal(doc.numerator, doc.members.filter((m) => m.inNumerator).length);
  assert.deepEqual([doc.numerator, doc.denominator], [2, 4]);
});

test('a financial year period: previous is the year before, the trend ends with its Q4', async () => {
  const text = await capture((w) => runIndicators({ period: '2021-22', json: true }, source(), w));
  const rr = (JSON.parse(text) as IndicatorReport).indicators.find(
    (i) => i.id === 'referrals-rereferral-12m',
  )!;
  assert.deepEqual([rr.numerator, rr.denominator], [2, 4]);
  assert.equal(rr.previous?.period, '2020-21');
  assert.equal(rr.trend.at(-1)?.period, '2021-22-Q4');
});

test('the table names each indicator and shows "Not available" instead of 0', async () => {
  const text = await capture((w) => runIndicators({ period: '2021-22-Q3' }, source(), w));
  assert.match(text, /referrals-rereferral-12m\s+50\.0% \(2\/4\)\s+18\.0% ±1\.8\s+red/);
  assert.match(text, /referrals-decided-1wd\s+Not available: needs contacts\.csv/);
});

test('targets, settings and groups files are applied; a bad targets file is a user error naming the line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-ind-'));
  try {
    const targets = join(dir, 'targets.csv');
    writeFileSync(
      targets,
      'indicator,target,tolerance,tolerance_unit,kind\nreferrals-rereferral-12m,45,5,points,local\n',
    );
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ 'referrals-rereferral-12m.basis': 'ytd' }));
    const groups = join(dir, 'groups.json');
    writeFileSync(groups, JSON.stringify({ 'statistical-neighbours': ['805'] }));
    const other = { ...data, la: '805', referrals: [referral('z1', 'Z', '2021-11-01')] };
    const text = await capture((w) =>
      runIndicators(
        { period: '2021-22-Q3', json: true, targets, settings, groups },
        source({ '805': other }),
        w,
      ),
    );
    const rr = (JSON.parse(text) as IndicatorReport).indicators.find(
      (i) => i.id === 'referrals-rereferral-12m',
    )!;
    assert.equal(rr.basis, 'ytd');
    assert.equal(rr.target, 45);
    assert.equal(rr.rag, 'amber');
    assert.deepEqual(rr.comparators, { 'statistical-neighbours': 0 });

    writeFileSync(targets, 'indicator,target,tolerance,tolerance_unit,kind\nicpc-15wd,lots,,,\n');
    await assert.rejects(
      runIndicators({ period: '2021-22-Q3', targets }, source(), () => {}),
      (e: Error) => e instanceof UserError && /targets\.csv line 2: .*CFG-TARGET/.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unknown --members id or period is a user error', async () => {
  await assert.rejects(
    runIndicators({ period: '2021-22-Q3', members: 'nope' }, source(), () => {}),
    /not an indicator id/,
  );
  await assert.rejects(
    runIndicators({ period: '2021-23-Q3' }, source(), () => {}),
    /not a financial year/,
  );
});

test('indicators list prints the catalogue', () => {
  const text = catalogueText();
  assert.match(text, /^referrals-rereferral-12m\s+front-door\s+percent\s+lower\s+in-period\s+18% local/m);
  assert.match(text, /cp-repeat-any .* no target/);
});

test('reads the current dataset version from an SQLite store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-ind-db-'));
  const path = join(dir, 'cspi.db');
  try {
    const db = await openDatabase(path);
    const r1 = rec.referral('K1', '2020-11-15');
    const r2 = rec.referral('K1', '2021-11-15');
    const r3 = rec.referral('K2', '2021-11-20');
    const cin = rec.staged('cin', '2021-22', {
      children: [rec.child('K1', {}, 'cin.xml'), rec.child('K2', {}, 'cin.xml')],
      referrals: [r1, r2, r3],
    });
    const outcome = await importDataset(db, rec.ingestResult('841', [cin]), { la: '841' });
    assert.equal(outcome.kind, 'imported');
    await db.close();
    const source = await storeDatasetSource(path, undefined);
    try {
      const text = await capture((w) => runIndicators({ period: '2021-22-Q3', json: true }, source, w));
      const report = JSON.parse(text) as IndicatorReport;
      assert.equal(report.la, '841');
      assert.equal(report.dataset.id, '841-v1');
      const rr = report.indicators.find((i) => i.id === 'referrals-rereferral-12m')!;
      assert.deepEqual([rr.numerator, rr.denominator], [1, 2]);
      await assert.rejects(source.load('999'), /LA 999 has no dataset/);
    } finally {
      await source.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a period that begins after the data is refused, naming the latest quarter with data; one in progress is computed', async () => {
  await assert.rejects(
    capture((w) => runIndicators({ period: '2030-31-Q3' }, source(), w)),
    (e: unknown) =>
      e instanceof UserError &&
      e.message ===
        '--period 2030-31-Q3 begins on 2030-10-01, after the data of dataset ds-841 (as at 2022-01-05): there is nothing to count in it yet; the latest quarter with data is 2021-22-Q4',
  );
  // 2021-22-Q4 has begun by the as-at date: computed (provisional).
  const text = await capture((w) => runIndicators({ period: '2021-22-Q4', json: true }, source(), w));
  assert.equal((JSON.parse(text) as IndicatorReport).period.id, '2021-22-Q4');
});

test('a period that ends before the data of every indicator begin is refused, naming the earliest quarter with data', async () => {
  // It was computed, every indicator "Not available: loaded data begin 01/04/2019 (the CIN census)", exit 0:
  // a committee report, or a published edition (never removed), of nothing.
  const fromApril2019 = { ...data, historyStart: { cin: isoDate('2019-04-01'), ssda903: null } };
  const only = (): DatasetSource => ({
    load: async () => ({ data: fromApril2019, id: 'ds-841', hash: 'h1', asAt: isoDate('2022-01-05') }),
    close: async () => {},
  });
  await assert.rejects(
    capture((w) => runIndicators({ period: '2018-19-Q4' }, only(), w)),
    (e: unknown) =>
      e instanceof UserError &&
      e.message ===
        '--period 2018-19-Q4 ends on 2019-03-31, before the data of dataset ds-841 begin (2019-04-01, the CIN census): there is nothing to count in it; the earliest quarter with data is 2019-20-Q1',
  );
  const text = await capture((w) => runIndicators({ period: '2019-20-Q1', json: true }, only(), w));
  assert.equal((JSON.parse(text) as IndicatorReport).period.id, '2019-20-Q1');
});
