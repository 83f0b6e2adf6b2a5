import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BreakdownRow } from '../../indicators/types.js';
import { DARLINGTON_FIGURES, darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { rescanPublic } from '../public/rescan.js';
import { DEFAULT_SUPPRESSION } from '../public/suppression.js';
import { buildRenderModel } from './build-render-model.js';
import type { DataRow } from './render-model.js';
import { defaultReportOptions } from './report-options.js';

// Audit (report.md §6 secondary suppression, §7 CSV/JSON "one row per indicator × period × breakdown
// cell"): in the public rows a suppressed breakdown cell must not be the headline row less the shown cells.
// Hand-worked: re-referrals 31/287 by age band with under-1 at 2/20 (31 − 29 = 2, 287 − 267 = 20 before the
// fix); 271 children in care by legal status with J1 at 3 (271 − 268 = 3).

const cell = (key: string, numerator: number, denominator: number | null): BreakdownRow => ({
  key,
  label: key,
  numerator,
  denominator,
  value: denominator ? Math.round((1000 * numerator) / denominator) / 10 : null,
});

const report = darlingtonReport({
  'referrals-rereferral-12m': {
    ...DARLINGTON_FIGURES['referrals-rereferral-12m']!,
    breakdowns: {
      ageBand: [
        cell('under-1', 2, 20),
        cell('1-4', 8, 70),
        cell('5-9', 7, 67),
        cell('10-15', 9, 90),
        cell('16-plus', 5, 40),
      ],
    },
  },
  'cic-count': {
    ...DARLINGTON_FIGURES['cic-count']!,
    breakdowns: {
      legalStatus: [
        cell('C1', 40, null),
        cell('C2', 160, null),
        cell('E1', 12, null),
        cell('J1', 3, null),
        cell('V2', 56, null),
      ],
    },
  },
  'cic-allocated-sw': {
    ...DARLINGTON_FIGURES['cic-allocated-sw']!,
    breakdowns: { team: [cell('CiC Team 1', 150, 150), cell('CiC Team 2', 121, 121)] },
  },
});

function recovered(rows: readonly DataRow[], indicator: string, breakdown: string): string[] {
  const head = rows.find(
    (r) => r.indicator === indicator && r.breakdown === '' && r.period === '2021-22-Q3',
  )!;
  const cells = rows.filter((r) => r.indicator === indicator && r.breakdown === breakdown);
  const hidden = cells.filter((r) => r.suppressed);
  if (head.suppressed || hidden.length !== 1) return [];
  const shownNum = cells.filter((r) => !r.suppressed).reduce((a, r) => a + r.numerator!, 0);
  return [`${hidden[0]!.cell}: ${head.numerator! - shownNum}`];
}

test('audit: the public rows never give a lone suppressed breakdown cell beside its headline', () => {
  const model = buildRenderModel(report, FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  assert.deepEqual(recovered(model.rows, 'referrals-rereferral-12m', 'ageBand'), []);
  assert.deepEqual(recovered(model.rows, 'cic-count', 'legalStatus'), []);
  const age = model.rows.filter(
    (r) => r.indicator === 'referrals-rereferral-12m' && r.breakdown === 'ageBand',
  );
  assert.deepEqual(
    age.filter((r) => r.suppressed).map((r) => r.cell),
    ['under-1', '16-plus'],
    'under-1 (2/20) and the next smallest group (16-plus, 40)',
  );
  const legal = model.rows.filter((r) => r.indicator === 'cic-count' && r.breakdown === 'legalStatus');
  assert.deepEqual(
    legal.filter((r) => r.suppressed).map((r) => r.cell),
    ['E1', 'J1'],
  );
  assert.deepEqual(rescanPublic(model, [], DEFAULT_SUPPRESSION), []);
});

test('audit: team breakdowns are left out of the public rows by default, kept in the full version', () => {
  const pub = buildRenderModel(report, FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  assert.equal(pub.rows.filter((r) => r.breakdown === 'team').length, 0);
  const on = buildRenderModel(
    report,
    FAKE_CATALOGUE,
    defaultReportOptions({ public: true, suppression: { ...DEFAULT_SUPPRESSION, teamBreakdowns: true } }),
  );
  assert.deepEqual(
    on.rows.filter((r) => r.breakdown === 'team').map((r) => [r.cell, r.numerator]),
    [
      ['CiC Team 1', 150],
      ['CiC Team 2', 121],
    ],
    'with the setting on and every cell passing',
  );
  const full = buildRenderModel(report, FAKE_CATALOGUE, defaultReportOptions());
  assert.equal(full.rows.filter((r) => r.breakdown === 'team').length, 2);
});
