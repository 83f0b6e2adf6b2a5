import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { rescanPublicOutputs } from '../public/rescan.js';
import { CSV_COLUMNS, renderCsv, renderJson } from './csv.js';
import { renderHtml } from './html.js';

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

// The England figure of children missing from care (a count of children) is 11% of children looked after:
// with only the indicator's `unit` column ("count") a reader took England's 11 for 11 children. Each row
// gives the England figure's own unit.
test('the CSV and JSON give the England figure its own unit (englandUnit), and the public CSV passes the check', async () => {
  const report = darlingtonReport();
  const withUnit = {
    ...report,
    indicators: report.indicators.map((r) =>
      r.id === 'cic-missing' && r.england ? { ...r, england: { ...r.england, unit: 'percent' as const } } : r,
    ),
  };
  for (const pub of [false, true]) {
    const m = buildRenderModel(withUnit, FAKE_CATALOGUE, defaultReportOptions({ public: pub }));
    const rows = parse(renderCsv(m)) as string[][];
    assert.ok(CSV_COLUMNS.includes('englandUnit'));
    assert.equal(rows[0]![CSV_COLUMNS.indexOf('englandUnit')], 'englandUnit');
    const at = (r: string[], c: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(c)];
    const headline = (id: string) =>
      rows.find(
        (r) => at(r, 'indicator') === id && at(r, 'period') === report.period.id && at(r, 'breakdown') === '',
      )!;
    const missing = headline('cic-missing');
    assert.deepEqual(
      [at(missing, 'unit'), at(missing, 'england'), at(missing, 'englandUnit')],
      ['count', '11', 'percent'],
    );
    const assessments = headline('assessments-45wd');
    assert.deepEqual([at(assessments, 'unit'), at(assessments, 'englandUnit')], ['percent', 'percent']);
    const noEngland = m.rows.find((r) => r.england === null)!;
    assert.equal(noEngland.englandUnit, null);
    const json = JSON.parse(renderJson(m)) as { rows: { indicator: string; englandUnit: string | null }[] };
    assert.equal(json.rows.find((r) => r.indicator === 'cic-missing')?.englandUnit, 'percent');
    if (pub) {
      const outputs = new Map([
        ['html', renderHtml(m)],
        ['csv', renderCsv(m)],
        ['json', renderJson(m)],
      ] as const);
      assert.deepEqual(await rescanPublicOutputs(m, outputs, defaultReportOptions().suppression), []);
    }
  }
});
