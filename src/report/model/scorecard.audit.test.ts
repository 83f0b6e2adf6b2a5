import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { makeResult } from '../fixtures/make-result.js';
import { noSuppression } from '../public/suppression.js';
import type { IndicatorView } from './indicator-view.js';
import { defaultReportOptions } from './report-options.js';
import { scorecardBlocks } from './scorecard.js';
import { targetCellText } from './cell-text.js';

// Audit (report.md §3 scorecard, SN average: "Statistical-neighbour average, with its year; shown only when
// loaded"). The average is the mean of the neighbours' figures for the report's own period, so the column
// header names that period, as the England column names its year and the dashboard's SN column its period.

function views(sn: number | null): IndicatorView[] {
  return ['referrals-rereferral-12m', 'assessments-45wd'].map((id, i) => {
    const entry = FAKE_CATALOGUE.find((e) => e.id === id)!;
    const result = makeResult(entry, '2021-22-Q3', {
      current: [31, 287],
      comparators: { 'statistical-neighbours': i === 0 ? sn : null },
    });
    return { ref: i + 1, entry, result, plan: noSuppression(result), commentary: null, restated: new Map() };
  });
}

function labels(sn: number | null): string[] {
  const block = scorecardBlocks(views(sn), defaultReportOptions(), 'Q3 2021/22')[0]!;
  assert.equal(block.kind, 'table');
  return block.kind === 'table' ? block.table.columns.map((c) => c.label) : [];
}

test('audit: the SN average column names the period of the figures it averages', () => {
  const l = labels(21.4);
  assert.ok(l.includes('SN average (Q3 2021/22)'), l.join(' | '));
  assert.ok(l.includes('England 2021-22'), l.join(' | '));
});

test('audit: no SN column when no statistical-neighbour average is loaded', () => {
  assert.ok(!labels(null).some((x) => x.startsWith('SN average')));
});

// Audit (report.md §3 scorecard "Target" cell; indicators.md §1.7): a result carrying no target kind is
// described by its catalogue entry's kind, or as local where the catalogue sets none, as the data notes do;
// never "national" by default.
test('audit: the target cell of a result with no kind takes the catalogue kind, else local', () => {
  const entry = FAKE_CATALOGUE.find((e) => e.id === 'referrals-rereferral-12m')!;
  const result = { ...makeResult(entry, '2021-22-Q3', { current: [31, 287] }), target: 18, targetKind: null };
  assert.match(targetCellText(result, entry), /, local$/);
  assert.match(targetCellText(result), /, local$/);
  assert.match(targetCellText(result, { target: { kind: 'national' } }), /, national$/);
  const row = scorecardRowTexts({ ...entry, target: null }, result);
  assert.ok(
    row.some((t) => /^18%.*, local$/.test(t)),
    row.join(' | '),
  );
});

function scorecardRowTexts(
  entry: (typeof FAKE_CATALOGUE)[number],
  result: IndicatorView['result'],
): string[] {
  const v: IndicatorView = {
    ref: 1,
    entry,
    result,
    plan: noSuppression(result),
    commentary: null,
    restated: new Map(),
  };
  const block = scorecardBlocks([v], defaultReportOptions(), 'Q3 2021/22')[0]!;
  assert.equal(block.kind, 'table');
  return block.kind === 'table' ? block.table.rows[0]!.map((c) => c.text) : [];
}
