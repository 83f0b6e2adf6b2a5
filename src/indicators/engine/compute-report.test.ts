import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod } from '../../calendar/period.js';
import { isoDate } from '../../calendar/iso-date.js';
import { buildIndicatorInput } from '../input.js';
import { INDICATORS } from '../registry.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { referralsRereferral12m } from '../referrals-rereferral-12m.js';
import { assessments45wd } from '../assessments-45wd.js';
import { dataset, referral, assessment, cpPlan } from '../lib/test-fixtures.js';
import { computeReport, headlineFigures } from './compute-report.js';
import { computeIndicatorResult, type ReportRequest } from './indicator-result.js';
import type { IndicatorDefinition } from '../types.js';

const data = dataset(['cin-details', 'assessments', 'cp-plans'], {
  asAt: { cin: isoDate('2022-01-10'), ssda903: null, local: {} },
  referrals: [
    referral('a1', 'A', '2020-11-15', { referralSource: '2A' }),
    referral('a2', 'A', '2021-11-15', { referralSource: '2A' }),
    referral('b1', 'B', '2020-11-14', { referralSource: '6' }),
    referral('b2', 'B', '2021-11-15', { referralSource: null }),
    referral('c1', 'C', '2021-10-04', { referralSource: '3C' }),
    referral('c2', 'C', '2021-12-01', { referralSource: '2B' }),
    referral('d1', 'D', '2021-08-01', { referralSource: '2A' }),
  ],
  assessments: [
    assessment('s1', 'A', '2021-10-01', '2021-11-01'),
    assessment('s2', 'B', '2021-05-01', '2021-09-30'),
  ],
  cpPlans: [cpPlan('p1', 'A', '2020-01-10', '2022-01-08')],
});

function request(over: Partial<ReportRequest> = {}): ReportRequest {
  return {
    input: buildIndicatorInput(data),
    period: parsePeriod('2021-22-Q3'),
    settings: DEFAULT_SETTINGS,
    targets: null,
    dataset: { id: 'ds-1', hash: 'abc', asAt: isoDate('2022-01-10') },
    ...over,
  };
}

test('computing twice gives byte-identical JSON', () => {
  const a = JSON.stringify(computeReport(request(), INDICATORS));
  const b = JSON.stringify(computeReport(request(), INDICATORS));
  assert.equal(a, b);
  // And a dataset whose records arrive in another order gives the same document.
  const shuffled = {
    ...data,
    referrals: [...data.referrals].reverse(),
    assessments: [...data.assessments].reverse(),
  };
  const c = JSON.stringify(computeReport(request({ input: buildIndicatorInput(shuffled) }), INDICATORS));
  assert.equal(c, a);
});

test('the report carries la, period and dataset; one result per catalogue entry', () => {
  const r = computeReport(request(), INDICATORS);
  assert.equal(r.la, '841');
  assert.deepEqual(r.period, { id: '2021-22-Q3', start: '2021-10-01', end: '2021-12-31' });
  assert.deepEqual(r.dataset, { id: 'ds-1', hash: 'abc', asAt: '2022-01-10' });
  assert.deepEqual(
    r.indicators.map((i) => i.id),
    INDICATORS.map((d) => d.id),
  );
});

test('E2 through the engine: 50.0% (2/4) is Red against 18% ± 1.8; Wilson interval; previous quarter; trend', () => {
  const { result } = computeIndicatorResult(referralsRereferral12m, request());
  assert.equal(result.value, 50);
  assert.equal(result.numerator, 2);
  assert.equal(result.denominator, 4);
  assert.equal(result.target, 18);
  assert.equal(result.tolerance, 1.8);
  assert.equal(result.rag, 'red');
  assert.deepEqual(result.ci95, [15, 85]);
  // Q2 has one referral (D, first ever): 0.0% (0/1).
  assert.deepEqual(result.previous, {
    period: '2021-22-Q2',
    value: 0,
    numerator: 0,
    denominator: 1,
    status: 'ok',
  });
  assert.equal(result.direction, 'no-significant-change');
  assert.equal(result.trend.length, 8);
  assert.equal(result.trend[0]!.period, '2019-20-Q4');
  assert.equal(result.trend[7]!.period, '2021-22-Q3');
  assert.equal(result.trend[7]!.value, 50);
  // Q1 had no referrals: no eligible cases, never 0%.
  const q1 = result.trend.find((t) => t.period === '2021-22-Q1')!;
  assert.equal(q1.status, 'no-eligible-cases');
  assert.equal(q1.value, null);
  assert.deepEqual(result.england?.value, 21.5);
});

test('no eligible cases: value null, not rated, no direction', () => {
  const { result } = computeIndicatorResult(
    referralsRereferral12m,
    request({ period: parsePeriod('2021-22-Q1') }),
  );
  assert.equal(result.status, 'no-eligible-cases');
  assert.equal(result.value, null);
  assert.equal(result.rag, null);
  assert.equal(result.direction, null);
  assert.equal(result.ci95, null);
});

test('targets file overrides the catalogue target and tolerance', () => {
  const { result } = computeIndicatorResult(
    referralsRereferral12m,
    request({
      targets: {
        la: '841',
        year: '2021-22',
        overrides: [
          {
            indicator: 'referrals-rereferral-12m',
            target: 45,
            tolerance: 5,
            toleranceUnit: 'points',
            kind: 'national',
          },
        ],
      },
    }),
  );
  assert.equal(result.target, 45);
  assert.equal(result.tolerance, 5);
  assert.equal(result.targetKind, 'national');
  assert.equal(result.rag, 'amber'); // 50.0 is 5 points above 45
});

test('provisional when the period ends after the source as-at date', () => {
  const early = { ...data, asAt: { cin: isoDate('2021-12-15'), ssda903: null, local: {} } };
  const { result } = computeIndicatorResult(
    referralsRereferral12m,
    request({ input: buildIndicatorInput(early) }),
  );
  assert.ok(result.notes.some((n) => n.code === 'provisional'));
  const { result: onTime } = computeIndicatorResult(referralsRereferral12m, request());
  assert.ok(!onTime.notes.some((n) => n.code === 'provisional'));
});

test('not available when a table is missing: status, null figures, a note naming the file', () => {
  const none = dataset(['cin-details']);
  const { result } = computeIndicatorResult(assessments45wd, request({ input: buildIndicatorInput(none) }));
  assert.equal(result.status, 'not-available');
  assert.equal(result.value, null);
  assert.equal(result.numerator, null);
  assert.equal(result.rag, null);
  assert.deepEqual(result.notes, [{ code: 'notAvailable', detail: 'needs the CIN census' }]);
});

test('assessments compare with the same quarter last year (directionComparator last-year)', () => {
  const { result } = computeIndicatorResult(assessments45wd, request());
  assert.equal(result.lastYear?.period, '2020-21-Q3');
  assert.equal(result.basis, 'ytd');
  assert.equal(result.denominator, 2);
  assert.equal(result.direction, null); // last year had no assessments: no comparator value
});

test('annual basis between year ends: annual-only with reportedAnnually, not rated', () => {
  const annual: IndicatorDefinition = {
    ...referralsRereferral12m,
    id: 'annual-test',
    basis: 'annual',
    bases: ['annual'],
  };
  const { result } = computeIndicatorResult(annual, request());
  assert.equal(result.status, 'annual-only');
  assert.equal(result.value, null);
  assert.equal(result.rag, null);
  assert.deepEqual(result.notes, [{ code: 'reportedAnnually', detail: 'last outturn 2020-21' }]);
  // The last outturn (2020-21, whole year): A's 2020-11-15 and B's 2020-11-14 are first referrals, 0/2.
  assert.deepEqual(result.extra, { lastOutturn: 0 });
  const { result: q4 } = computeIndicatorResult(annual, request({ period: parsePeriod('2021-22-Q4') }));
  assert.equal(q4.status, 'ok');
  assert.equal(q4.direction, null);
});

test('comparator groups: the mean of the other LAs’ headline values', () => {
  const other1 = buildIndicatorInput({ ...data, la: '805' });
  const other2 = buildIndicatorInput({
    ...data,
    la: '806',
    referrals: [referral('z1', 'Z', '2021-11-01'), referral('z2', 'Y', '2021-11-02')],
  });
  const { result } = computeIndicatorResult(
    referralsRereferral12m,
    request({ comparatorGroups: { 'statistical-neighbours': [other1, other2], region: [] } }),
  );
  assert.deepEqual(result.comparators, { region: null, 'statistical-neighbours': 25 });
});

test('the settings basis override picks the headline basis', () => {
  const { result } = computeIndicatorResult(
    referralsRereferral12m,
    request({ settings: { ...DEFAULT_SETTINGS, basis: { 'referrals-rereferral-12m': 'ytd' } } }),
  );
  assert.equal(result.basis, 'ytd');
  assert.equal(result.denominator, 5);
});

test('figures only (the hub): every headline field as the full report gives it, without trend, breakdowns or members', async () => {
  const { SNAPSHOT_DATASETS } = await import('./snapshot-datasets.js');
  for (const d of SNAPSHOT_DATASETS) {
    const request: ReportRequest = {
      input: buildIndicatorInput(d.data()),
      period: parsePeriod(d.cases[0]!.period),
      settings: DEFAULT_SETTINGS,
      targets: null,
      dataset: { id: 'v1', hash: 'h', asAt: null },
    };
    const full = computeReport(request, INDICATORS);
    const figures = computeReport({ ...request, figuresOnly: true }, INDICATORS);
    assert.ok(full.indicators.some((r) => r.trend.length === 8 && Object.keys(r.breakdowns).length > 0));
    for (const [i, r] of full.indicators.entries()) {
      const f = figures.indicators[i]!;
      assert.deepEqual(f.trend, [], `${d.name} ${r.id}: no trend`);
      assert.deepEqual(f.breakdowns, {}, `${d.name} ${r.id}: no breakdowns`);
      assert.deepEqual({ ...f, trend: r.trend, breakdowns: r.breakdowns }, r, `${d.name} ${r.id}`);
    }
  }
});

test("headline figures: each indicator's value, numerator and denominator as the report gives them, for every pinned case (year end, variants, cohorts)", async () => {
  const { SNAPSHOT_DATASETS } = await import('./snapshot-datasets.js');
  for (const d of SNAPSHOT_DATASETS) {
    const input = buildIndicatorInput(d.data());
    for (const c of d.cases) {
      const request: ReportRequest = {
        input,
        period: parsePeriod(c.period),
        settings: c.settings,
        targets: null,
        dataset: { id: 'v1', hash: 'h', asAt: null },
      };
      const report = computeReport({ ...request, figuresOnly: true }, INDICATORS);
      assert.deepEqual(
        headlineFigures(request, INDICATORS),
        report.indicators.map((r) => ({
          id: r.id,
          value: r.value,
          numerator: r.numerator,
          denominator: r.denominator,
        })),
        `${d.name} ${c.name}`,
      );
      assert.ok(report.indicators.some((r) => r.value !== null && r.denominator !== null));
    }
  }
});

test('a result states the title its settings give: CP visits every 15 working days are titled so', () => {
  const titleOf = (settings: ReportRequest['settings']): string =>
    computeReport(request({ settings }), INDICATORS).indicators.find((r) => r.id === 'cp-visits-10wd')!.title;
  assert.equal(titleOf(DEFAULT_SETTINGS), 'Statutory CP visits within 10 working days');
  const every15 = {
    ...DEFAULT_SETTINGS,
    variants: { ...DEFAULT_SETTINGS.variants, 'cpVisits.interval': 15 },
  };
  assert.equal(titleOf(every15), 'Statutory CP visits within 15 working days');
});
