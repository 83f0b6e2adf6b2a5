import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BreakdownRow } from '../../indicators/types.js';
import { DARLINGTON_FIGURES, darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from './build-render-model.js';
import type { Table } from './render-model.js';
import { defaultReportOptions } from './report-options.js';

// Audit (report.md §6: counts from 1 to k show as "fewer than 6"/"<6"; a suppressed percentage has "its
// numerator and denominator hidden"; secondary suppression). A synth Darlington public report's Appendix B
// gave Care Leavers NEET by activity as "In education <6 … Not known <6 … % of 110", where "In education" was
// 32, hidden only to protect "Not known" (4): "<6" for 32 is a false figure. Hand-worked from those cells.

const cell = (key: string, numerator: number, denominator: number): BreakdownRow => ({
  key,
  label: key,
  numerator,
  denominator,
  value: Math.round((1000 * numerator) / denominator) / 10,
});

function appendixB(report: ReturnType<typeof darlingtonReport>, id: string): Table {
  const m = buildRenderModel(report, FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  const b = m.sections
    .find((s) => s.id === 'appendix-b')!
    .blocks.find((x) => x.kind === 'table' && x.table.id === id);
  assert.ok(b && b.kind === 'table', id);
  return b.table;
}

test('audit: a count hidden only to protect a small one reads "Not shown", never "<6"', () => {
  const report = darlingtonReport({
    'care-leavers-neet': {
      ...DARLINGTON_FIGURES['care-leavers-neet']!,
      current: [39, 110],
      breakdowns: {
        activity: [
          cell('education', 0, 32),
          cell('neet', 39, 39),
          cell('not-known', 0, 4),
          cell('training-employment', 0, 35),
        ],
      },
    },
  });
  const t = appendixB(report, 'breakdown-care-leavers-neet-activity');
  assert.deepEqual(
    t.rows.map((r) => r.map((c) => c.text)),
    [
      ['education', 'Not shown', 'Small numbers'],
      ['neet', '39', '35.5%'],
      ['not-known', '<6', 'Small numbers'],
      ['training-employment', '35', '31.8%'],
    ],
  );
  assert.ok(t.footnotes.some((f) => f.startsWith('Not shown: withheld with a small number')));
});

test('audit: a suppressed percentage with its own denominator hides the denominator too', () => {
  // Distance bands of 20-mile placements as cells with their own denominators (a made-up breakdown):
  // 3 of 40 is suppressed; its "Of" (40) is hidden with it, and so is its partner's (16-plus, 45).
  const report = darlingtonReport({
    'cic-placed-20-miles': {
      ...DARLINGTON_FIGURES['cic-placed-20-miles']!,
      current: [30, 185],
      breakdowns: { byBand: [cell('a', 3, 40), cell('b', 12, 100), cell('c', 15, 45)] },
    },
  });
  const t = appendixB(report, 'breakdown-cic-placed-20-miles-byBand');
  assert.deepEqual(
    t.rows.map((r) => r.map((c) => c.text)),
    [
      ['a', '<6', 'Not shown', 'Small numbers'],
      ['b', '12', '100', '12.0%'],
      ['c', 'Not shown', 'Not shown', 'Small numbers'],
    ],
  );
});
