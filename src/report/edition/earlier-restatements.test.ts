import { test } from 'node:test';
import assert from 'node:assert/strict';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import type { Table } from '../model/render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { renderHtml } from '../render/html.js';
import type { PublishedPeriod } from './earlier-restatements.js';
import { earlierRestatements } from './earlier-restatements.js';

type Fig = { value: number | null; numerator: number | null; denominator: number | null };
const published = (edition: string, figures: Record<string, Fig>): PublishedPeriod => ({
  edition,
  publishedAt: '2021-10-20T09:00:00Z',
  figures: new Map(Object.entries(figures)),
});

/** Q2's edition published assessments as 95/125 (76.0%, now 98/128 = 76.6%); Q3 2020/21's CiC as 280 (now 284). */
const EDITIONS = new Map([
  [
    '2021-22-Q2',
    published('841-2021-22-Q2-1', {
      'assessments-45wd': { value: 76, numerator: 95, denominator: 125 },
      'referrals-rereferral-12m': { value: 9.8, numerator: 5, denominator: 51 },
    }),
  ],
  [
    '2020-21-Q3',
    published('841-2020-21-Q3-1', { 'cic-count': { value: 280, numerator: 280, denominator: null } }),
  ],
]);

function scorecard(html: string): string {
  return /<table[^>]*id="scorecard"[\s\S]*?<\/table>[\s\S]*?(?=<h)/.exec(html)![0];
}

test('figures for earlier periods that differ from their editions are found once each; equal ones are not', () => {
  const report = darlingtonReport();
  const prevRe = report.indicators.find((r) => r.id === 'referrals-rereferral-12m')!.previous!;
  const editions = new Map(EDITIONS);
  editions.set(
    '2021-22-Q2',
    published('841-2021-22-Q2-1', {
      'assessments-45wd': { value: 76, numerator: 95, denominator: 125 },
      'referrals-rereferral-12m': {
        value: prevRe.value,
        numerator: prevRe.numerator,
        denominator: prevRe.denominator,
      },
    }),
  );
  const found = earlierRestatements(report, editions);
  assert.deepEqual(
    found.map((x) => [x.indicator, x.period, x.published, x.now]),
    [
      ['assessments-45wd', '2021-22-Q2', 76, 76.6],
      ['cic-count', '2020-21-Q3', 280, 284],
    ],
  );
  assert.deepEqual(earlierRestatements(report, new Map()), [], 'nothing published, nothing restated');
});

test('the scorecard marks restated figures "r" and footnotes the published value; the data notes list them', () => {
  const report = darlingtonReport();
  const found = earlierRestatements(report, EDITIONS);
  const model = buildRenderModel(
    report,
    FAKE_CATALOGUE,
    defaultReportOptions({ earlierRestatements: found }),
  );
  const sc = model.sections.find((s) => s.id === 'appendix-a')!.blocks[0]!;
  assert.equal(sc.kind, 'table');
  const table = (sc as { table: Table }).table;
  const prevCol = table.columns.findIndex((c) => c.label === 'Previous quarter');
  const lyCol = table.columns.findIndex((c) => c.label === 'Same period last year');
  const rowOf = (title: string) => table.rows.find((r) => r.some((c) => c.text === title))!;
  const assessments = FAKE_CATALOGUE.find((e) => e.id === 'assessments-45wd')!.title;
  const cic = FAKE_CATALOGUE.find((e) => e.id === 'cic-count')!.title;
  assert.equal(rowOf(assessments)[prevCol]!.text, '76.6% r');
  assert.equal(rowOf(cic)[lyCol]!.text, '284 r');
  assert.doesNotMatch(rowOf(cic)[prevCol]!.text, / r$/, 'Q2 CiC was not published differently');
  assert.equal(table.footnotes.length, 3, 'assessments and re-referrals in Q2, CiC in Q3 2020/21');
  const note = (re: RegExp) => table.footnotes.find((f) => re.test(f)) ?? '';
  assert.match(
    note(/76\.0%/),
    /^r \d+\. .*, Q2 2021\/22: published as 76\.0% \(95\/125\) in edition 841-2021-22-Q2-1 on 20 October 2021; now 76\.6% \(98\/128\)/,
  );
  assert.match(note(/Q3 2020\/21/), /published as 280 .*now 284/);
  // The sparkline alt text names the restated quarter; Appendix D lists the restatements.
  const spark = rowOf(assessments).find((c) => c.sparkline)!.sparkline!;
  assert.match(spark.alt, /restated \(r\): Q2 2021\/22/);
  // The CSV/JSON rows flag the restated quarter.
  const q2 = model.rows.find(
    (r) => r.indicator === 'assessments-45wd' && r.period === '2021-22-Q2' && r.breakdown === '',
  );
  assert.equal(q2?.restated, true);
  assert.equal(
    model.rows.find((r) => r.indicator === 'assessments-45wd' && r.period === '2021-22-Q1')?.restated,
    false,
  );
  const html = renderHtml(model);
  assert.match(scorecard(html), /76\.6% r/);
  const notes = html.slice(html.indexOf('Appendix D'));
  assert.match(notes, /Figures for earlier periods restated since their editions/);
  assert.match(notes, /published as 280/);
});

test('public version: a restated count whose change is small keeps its "r" but not its published value', () => {
  const report = darlingtonReport();
  const found = earlierRestatements(report, EDITIONS);
  const model = buildRenderModel(
    report,
    FAKE_CATALOGUE,
    defaultReportOptions({ public: true, earlierRestatements: found }),
  );
  const table = (model.sections.find((s) => s.id === 'appendix-a')!.blocks[0] as { table: Table }).table;
  // CiC 280 → 284: a change of 4 children would be disclosed by the two values.
  const cicNote = table.footnotes.find((f) => /Q3 2020\/21/.test(f))!;
  assert.match(cicNote, /published as a figure not shown here \(small numbers\)/);
  assert.doesNotMatch(cicNote, /280/);
});
