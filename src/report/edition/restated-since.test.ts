import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorReport } from '../../indicators/types.js';
import { openDatabase } from '../../store/open.js';
import { DEFAULT_SUPPRESSION } from '../public/suppression.js';
import { type FrozenEdition, saveEdition } from './edition-store.js';
import { editionsRestatedSince, restatedSince, restatedSinceLine } from './restated-since.js';
import { recordingDatabase } from './test-recording-db.js';

// Hand-worked: Q3 published 40 children in care and 160/200 assessments in time (80.0%); the dataset now
// gives 44 children (4 more: a small number under k = 5) and 170/210 (81.0%: 10 more in each part).
type Fig = {
  id: string;
  title: string;
  unit: 'count' | 'percent';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};
const fig = (f: Fig) => f;
const cic = (n: number) =>
  fig({
    id: 'cic-count',
    title: 'Children in care',
    unit: 'count',
    value: n,
    numerator: n,
    denominator: null,
  });
const asmt = (x: number, n: number) =>
  fig({
    id: 'assessments-45wd',
    title: 'Assessments in 45 working days',
    unit: 'percent',
    value: Math.round((1000 * x) / n) / 10,
    numerator: x,
    denominator: n,
  });
const report = (indicators: Fig[]) =>
  ({ period: { id: '2021-22-Q3' }, indicators }) as unknown as Pick<IndicatorReport, 'period' | 'indicators'>;
const edition = {
  id: 'e-q3',
  frozen: { report: report([cic(40), asmt(160, 200), fig({ ...cic(7), id: 'x' })]) },
};
const now = report([cic(44), asmt(170, 210), fig({ ...cic(7), id: 'x' })]);
const ds = { id: 'ds-2', importedAt: '2022-02-01T09:00:00.000Z' };

test('§8 an edition restated since: the indicators whose figures differ now, in full with both figures', () => {
  const x = restatedSince(edition, now, ds, 'full', DEFAULT_SUPPRESSION)!;
  assert.deepEqual(x, {
    edition: 'e-q3',
    period: '2021-22-Q3',
    dataset: ds,
    indicators: [
      {
        id: 'cic-count',
        title: 'Children in care',
        unit: 'count',
        published: 40,
        now: 44,
        change: 4,
        withheld: false,
      },
      {
        id: 'assessments-45wd',
        title: 'Assessments in 45 working days',
        unit: 'percent',
        published: 80,
        now: 81,
        change: 1,
        withheld: false,
      },
    ],
  });
  assert.equal(
    restatedSinceLine(x),
    'Restated since publication: 2 indicators would now give different figures on dataset ds-2 (imported 2022-02-01): Children in care (published 40, now 44); Assessments in 45 working days (published 80.0%, now 81.0%).',
  );
});

test('§6 in the public view a change of 1..k children is never given: the indicator is named, its figures withheld', () => {
  const x = restatedSince(edition, now, ds, 'public', DEFAULT_SUPPRESSION)!;
  assert.deepEqual(
    x.indicators.map((i) => [i.id, i.published, i.now, i.change, i.withheld]),
    [
      ['cic-count', null, null, null, true],
      ['assessments-45wd', 80, 81, 1, false],
    ],
  );
  assert.match(restatedSinceLine(x), /Children in care \(figures not shown: small numbers\); Assessments/);
  assert.doesNotMatch(restatedSinceLine(x), /\b4[04]\b/);
  // A figure now hidden by the public scorecard (3 of 4 in time now) is withheld whatever the change.
  const small = restatedSince(edition, report([cic(40), asmt(3, 4)]), ds, 'public', DEFAULT_SUPPRESSION)!;
  assert.deepEqual(
    small.indicators.map((i) => [i.id, i.withheld]),
    [['assessments-45wd', true]],
  );
});

test('§8 a percentage whose counts changed but that rounds to the same figure: the full view gives the counts, the public view says the change is within the rounding', () => {
  // 140 of 200 and 175 of 250 are both 70.0%: "published 70.0%, now 70.0%" alone reads as no change.
  const was = { id: 'e-q3', frozen: { report: report([asmt(140, 200)]) } };
  const is = report([asmt(175, 250)]);
  const full = restatedSince(was, is, ds, 'full', DEFAULT_SUPPRESSION)!;
  assert.deepEqual(full.indicators[0]!.counts, {
    published: { numerator: 140, denominator: 200 },
    now: { numerator: 175, denominator: 250 },
  });
  assert.match(
    restatedSinceLine(full),
    /Assessments in 45 working days \(published 70\.0%, 140 of 200; now 70\.0%, 175 of 250\)\.$/,
  );
  const pub = restatedSince(was, is, ds, 'public', DEFAULT_SUPPRESSION)!;
  assert.equal(pub.indicators[0]!.counts, undefined, 'no counts in the public view');
  assert.match(
    restatedSinceLine(pub),
    /Assessments in 45 working days \(published 70\.0%, now 70\.0%: a change within the rounding\)\.$/,
  );
});

test('§8 nothing differs: no flag', () => {
  assert.equal(restatedSince(edition, edition.frozen.report, ds, 'public', DEFAULT_SUPPRESSION), null);
});

test("§8 a list of editions: each period's figures computed once however many editions it has, and only each edition's figures as published read, never the children frozen with it", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-restated-list-'));
  const db = await openDatabase(join(dir, 'cspi.db'));
  try {
    // The children frozen with an edition: as a large LA's, millions of characters, one looked for last.
    const members = {
      'cic-count': [...Array.from({ length: 40_000 }, (_, n) => `C${n}`), 'CHILD-FROZEN-7'].map(
        (childId) => ({
          childId,
          inNumerator: true,
          recordIds: [`r-${childId}`],
          dates: 'a=2021-12-31',
        }),
      ),
    };
    const periodReport = (period: string) => ({ ...edition.frozen.report, period: { id: period } });
    const listed = [
      { id: 'e-q3-now', period: '2021-22-Q3', datasetId: 'ds-2' },
      { id: 'e-q3-c', period: '2021-22-Q3', datasetId: 'ds-1' },
      { id: 'e-q2', period: '2021-22-Q2', datasetId: 'ds-1' },
      { id: 'e-q3-b', period: '2021-22-Q3', datasetId: 'ds-1' },
      { id: 'e-q1', period: '2021-22-Q1', datasetId: 'ds-1' },
      { id: 'e-q3-a', period: '2021-22-Q3', datasetId: 'ds-1' },
    ];
    for (const e of listed)
      await saveEdition(db, {
        ...e,
        la: '841',
        publishedAt: '2022-01-14T09:30:00Z',
        publishedBy: null,
        datasetHash: 'h',
        softwareVersion: '0.0.0',
        frozen: { report: periodReport(e.period), members } as unknown as FrozenEdition,
        outputHashes: {},
      });
    const computed: string[] = [];
    const figuresNow = async (period: string) => {
      computed.push(period);
      // Q3 restated; Q2 as published; Q1 after the data (nothing to compare).
      return period === '2021-22-Q3' ? now : period === '2021-22-Q2' ? periodReport(period) : null;
    };
    const r = recordingDatabase(db);
    const found = await editionsRestatedSince(
      r.db,
      listed,
      ds,
      figuresNow,
      'full',
      () => DEFAULT_SUPPRESSION,
    );
    assert.deepEqual(computed, ['2021-22-Q3', '2021-22-Q2', '2021-22-Q1']);
    assert.deepEqual(
      [...found],
      ['e-q3-c', 'e-q3-b', 'e-q3-a'].map((id) => [
        id,
        restatedSince({ ...edition, id }, now, ds, 'full', DEFAULT_SUPPRESSION),
      ]),
    );
    assert.ok(r.read.length > 0);
    assert.ok(
      r.read.every((x) => !x.includes('CHILD-FROZEN-7')),
      'the children frozen with an edition are never read',
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
