import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { CSV_COLUMNS, renderCsv } from './csv.js';

// The report's CSV output (report.md §7) is written formula-safe (src/csv/spreadsheet-csv.ts): a text cell
// beginning = + - @ gets a leading quote; a figure is a number and stays one, negative or not.
test('renderCsv neutralises a text cell a spreadsheet would run and keeps negative figures as numbers', () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: false }));
  const row = m.rows[0]!;
  const hostile = {
    ...row,
    cell: '=HYPERLINK("https://evil.example","x")',
    breakdown: '@SUM(A1)',
    previous: -3,
  };
  const rows = parse(renderCsv({ ...m, rows: [hostile, row] })) as string[][];
  const at = (r: string[], c: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(c)];
  assert.equal(at(rows[1]!, 'cell'), `'=HYPERLINK("https://evil.example","x")`);
  assert.equal(at(rows[1]!, 'breakdown'), "'@SUM(A1)");
  assert.equal(at(rows[1]!, 'previous'), '-3');
  assert.equal(at(rows[1]!, 'suppressed'), String(row.suppressed));
  assert.equal(at(rows[1]!, 'restated'), String(row.restated));
  assert.equal(at(rows[2]!, 'indicator'), row.indicator);
  assert.equal(at(rows[2]!, 'title'), row.title);
  assert.equal(at(rows[2]!, 'period'), row.period);
});
