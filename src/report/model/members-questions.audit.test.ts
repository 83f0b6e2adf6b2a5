import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BreakdownRow } from '../../indicators/types.js';
import { DARLINGTON_FIGURES, darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from './build-render-model.js';
import type { Table } from './render-model.js';
import type { AppendixFigure } from './members-questions-figures.js';
import { NO_MEMBERS_QUESTIONS_FIGURES } from './members-questions-figures.js';
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

// Audit (report.md §6 "differences a reader could work out: year-to-date minus the previous year-to-date"):
// Appendix B gives decision timeliness for the quarter and the year to date. Last quarter's paper gave the
// year to date to Q2, so a band hidden for the quarter must be hidden for the year to date as well. Hand-worked:
// over 3 working days 3 in Q3 (hidden, with its partner over 1 to 3, 14); year to date 20 and 40 (shown before,
// 20 less Q2's 17 gives the 3).
test('audit: a timeliness band hidden for the quarter is hidden for the year to date too', () => {
  const band = (n: number, d: number, key: string): BreakdownRow => ({ ...cell(key, n, d), label: key });
  const fig = (basis: 'in-period' | 'ytd', n: number, d: number, rows: BreakdownRow[]): AppendixFigure => ({
    period: '2021-22-Q3',
    basis,
    status: 'ok',
    numerator: n,
    denominator: d,
    breakdowns: { timeliness: rows },
    extra: {},
  });
  const membersQuestions = {
    ...NO_MEMBERS_QUESTIONS_FIGURES,
    decisionTimeliness: {
      quarter: fig('in-period', 63, 80, [
        band(63, 80, 'within-1'),
        band(14, 80, 'over-1-to-3'),
        band(3, 80, 'over-3'),
      ]),
      yearToDate: fig('ytd', 180, 240, [
        band(180, 240, 'within-1'),
        band(40, 240, 'over-1-to-3'),
        band(20, 240, 'over-3'),
      ]),
    },
  };
  const m = buildRenderModel(
    darlingtonReport(),
    FAKE_CATALOGUE,
    defaultReportOptions({ public: true, membersQuestions }),
  );
  const b = m.sections
    .find((s) => s.id === 'appendix-b')!
    .blocks.find((x) => x.kind === 'table' && x.table.id === 'decision-timeliness');
  assert.ok(b && b.kind === 'table');
  assert.deepEqual(
    b.table.rows.map((r) => r.map((c) => c.text)),
    [
      ['within-1', '63', '78.8%', '180', '75.0%'],
      ['over-1-to-3', 'Not shown', 'Small numbers', 'Not shown', 'Small numbers'],
      ['over-3', '<6', 'Small numbers', 'Not shown', 'Small numbers'],
      ['All referral decisions', '80', '100.0%', '240', '100.0%'],
    ],
  );
});
