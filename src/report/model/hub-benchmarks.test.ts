import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredFigure } from '../../hub/indicator-results.js';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from './build-render-model.js';
import { hubBenchmarksOf, ordinal, rankText } from './hub-benchmarks.js';
import type { Table } from './render-model.js';
import { defaultReportOptions } from './report-options.js';
import { renderCsv, renderJson } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { rescanPublicOutputs } from '../public/rescan.js';

const LA = 'E06000005';
const GROUPS = {
  'region:North East': [LA, '840', '805'],
  'region:North West': ['352'],
  'statistical-neighbours': ['840', '352'],
};
const fig = (la: string, indicatorId: string, value: number | null): StoredFigure => ({
  la,
  indicatorId,
  datasetId: `v-${la}`,
  status: 'ok',
  value,
  numerator: null,
  denominator: null,
});

/** Other LAs' assessments within 45 working days: 70, 90, 60 (this LA: 80.0%); a stale stored 841 figure. */
const FIGURES = [
  fig('840', 'assessments-45wd', 70),
  fig('805', 'assessments-45wd', 90),
  fig('352', 'assessments-45wd', 60),
  fig(LA, 'assessments-45wd', 10),
  fig('840', 'cic-count', 300),
];

test('hand-computed benchmarks: 60, 70, 80, 90 give mean 75.0, quartiles 67.5, 75.0, 82.5; this LA 2nd of 4, Q2', () => {
  // The bare arithmetic (1: no fewest other LAs); under the hub's sharing rule (at least 3 other LAs) the
  // region (2 others) and SN (2) means are withheld, the all-LA figures (3 others) shown.
  const hub = hubBenchmarksOf(darlingtonReport(), FIGURES, GROUPS, 1)!;
  assert.deepEqual(hub['assessments-45wd'], {
    las: 4,
    withheld: false,
    minOtherLas: 1,
    mean: 75,
    q1: 67.5,
    median: 75,
    q3: 82.5,
    region: { name: 'North East', mean: 80, las: 3, withheld: false },
    sn: { mean: 65, las: 2, withheld: false },
    position: { rank: 2, of: 4, quartile: 2 },
  });
  const shared = hubBenchmarksOf(darlingtonReport(), FIGURES, GROUPS)!['assessments-45wd']!;
  assert.deepEqual(
    [shared.mean, shared.q1, shared.region, shared.sn],
    [
      75,
      67.5,
      { name: 'North East', mean: null, las: 3, withheld: true },
      { mean: null, las: 2, withheld: true },
    ],
  );
  assert.equal(hub['referrals-rereferral-12m'], undefined, 'no other LA has a figure');
  assert.equal(hubBenchmarksOf(darlingtonReport(), [fig(LA, 'cic-count', 5)], GROUPS), null);
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal), [
    '1st',
    '2nd',
    '3rd',
    '4th',
    '11th',
    '12th',
    '13th',
    '21st',
    '22nd',
    '23rd',
    '101st',
    '111th',
  ]);
});

test('the scorecard shows the mean of LAs loaded and the position; the data rows carry them; public hides a withheld rank', () => {
  const report = darlingtonReport();
  const hubBenchmarks = hubBenchmarksOf(report, FIGURES, GROUPS, 1);
  const model = buildRenderModel(report, FAKE_CATALOGUE, defaultReportOptions({ hubBenchmarks }));
  const table = (model.sections.find((s) => s.id === 'appendix-a')!.blocks[0] as { table: Table }).table;
  const col = (label: string) => table.columns.findIndex((c) => c.label === label);
  const title = FAKE_CATALOGUE.find((e) => e.id === 'assessments-45wd')!.title;
  const row = table.rows.find((r) => r.some((c) => c.text === title))!;
  assert.equal(row[col('Mean of LAs loaded')]!.text, '75.0% (region 80.0%, SN 65.0%)');
  // Under the hub's sharing rule the region and SN means of two other LAs each are not shown.
  const sharing = buildRenderModel(
    report,
    FAKE_CATALOGUE,
    defaultReportOptions({ hubBenchmarks: hubBenchmarksOf(report, FIGURES, GROUPS) }),
  );
  const st = (sharing.sections.find((s) => s.id === 'appendix-a')!.blocks[0] as { table: Table }).table;
  const sharedRow = st.rows.find((r) => r.some((c) => c.text === title))!;
  assert.equal(sharedRow[col('Mean of LAs loaded')]!.text, '75.0% (region not shown, SN not shown)');
  assert.equal(row[col('Position among LAs loaded')]!.text, '2nd of 4 (quartile 2)');
  const cic = table.rows.find((r) =>
    r.some((c) => c.text === FAKE_CATALOGUE.find((e) => e.id === 'cic-count')!.title),
  )!;
  assert.equal(cic[col('Position among LAs loaded')]!.text, 'Not ranked (no polarity)');
  const other = table.rows.find((r) => r[col('Mean of LAs loaded')]!.text === '–');
  assert.ok(other, 'an indicator no other LA has a figure for shows –');
  const data = model.rows.find(
    (r) => r.indicator === 'assessments-45wd' && r.period === report.period.id && r.breakdown === '',
  )!;
  assert.deepEqual(
    [data.lasLoadedMean, data.rankAmongLas, data.lasRanked, data.quartileAmongLas],
    [75, 2, 4, 2],
  );
  const full = model.sections
    .find((s) => s.id === 'appendix-a')!
    .blocks.find((b) => b.kind === 'table' && b.table.id === 'hub-benchmarks');
  assert.ok(full, 'the benchmarks table follows the scorecard');
  // Under a rule of 1 nothing is withheld, and the key says nothing of it; under the hub's rule it names it.
  const footnote = (m: typeof model) =>
    (
      m.sections
        .find((s) => s.id === 'appendix-a')!
        .blocks.find((b) => b.kind === 'table' && b.table.id === 'hub-benchmarks') as { table: Table }
    ).table.footnotes.join(' ');
  assert.doesNotMatch(footnote(model), /Not shown/);
  assert.match(
    footnote(sharing),
    /"Not shown": a mean or quartile of fewer than 3 other local authorities is not shown/,
  );
  const four = buildRenderModel(
    report,
    FAKE_CATALOGUE,
    defaultReportOptions({ hubBenchmarks: hubBenchmarksOf(report, FIGURES, GROUPS, 4) }),
  );
  assert.match(footnote(four), /fewer than 4 other local authorities is not shown/);

  // Public: ICPC is 35/38 in Darlington's figures (small numbers), so its rank would tell the figure.
  const icpc = hubBenchmarksOf(report, [fig('840', 'icpc-15wd', 50)], GROUPS);
  const pub = buildRenderModel(
    report,
    FAKE_CATALOGUE,
    defaultReportOptions({ public: true, hubBenchmarks: icpc }),
  );
  const pt = (pub.sections.find((s) => s.id === 'appendix-a')!.blocks[0] as { table: Table }).table;
  const icpcTitle = FAKE_CATALOGUE.find((e) => e.id === 'icpc-15wd')!.title;
  const icpcRow = pt.rows.find((r) => r.some((c) => c.text === icpcTitle))!;
  assert.equal(icpcRow[pt.columns.findIndex((c) => c.label === 'Position among LAs loaded')]!.text, '–');
  assert.equal(pub.rows.find((r) => r.indicator === 'icpc-15wd' && r.breakdown === '')?.rankAmongLas, null);
});

test('like-for-like: under cpVisits.interval 15 the CP visits figure is not benchmarked against other LAs’ 10-day figures; rereferrals still are', () => {
  const base = darlingtonReport();
  const report = { ...base, settings: { ...base.settings, variants: { 'cpVisits.interval': 15 } } };
  // Other LAs' stored figures, computed under the default (10 working days) definition.
  const figures = ['840', '805', '352'].flatMap((la, i) => [
    fig(la, 'cp-visits-10wd', 70 + 10 * i),
    fig(la, 'referrals-rereferral-12m', 20 + i),
  ]);
  const hub = hubBenchmarksOf(report, figures, GROUPS, 1)!;
  const cp = hub['cp-visits-10wd']!;
  assert.deepEqual(cp.notComparable, ['cpVisits.interval 15']);
  assert.deepEqual([cp.mean, cp.q1, cp.median, cp.q3, cp.region, cp.sn, cp.position], Array(7).fill(null));
  const rr = hub['referrals-rereferral-12m']!;
  assert.equal(rr.notComparable, undefined);
  assert.equal(
    rr.mean !== null && rr.position !== null,
    true,
    'an unaffected indicator keeps its benchmarks',
  );

  const model = buildRenderModel(report, FAKE_CATALOGUE, defaultReportOptions({ hubBenchmarks: hub }));
  const appendix = model.sections.find((s) => s.id === 'appendix-a')!;
  const table = (appendix.blocks[0] as { table: Table }).table;
  const col = (t: Table, label: string) => t.columns.findIndex((c) => c.label.startsWith(label));
  const rowOf = (t: Table, id: string) =>
    t.rows.find((r) => r.some((c) => c.text === FAKE_CATALOGUE.find((e) => e.id === id)!.title))!;
  const cpRow = rowOf(table, 'cp-visits-10wd');
  assert.equal(cpRow[col(table, 'Mean of LAs loaded')]!.text, 'Not comparable');
  assert.equal(cpRow[col(table, 'Position among LAs loaded')]!.text, 'Not comparable');
  const rrRow = rowOf(table, 'referrals-rereferral-12m');
  assert.match(rrRow[col(table, 'Mean of LAs loaded')]!.text, /^\d+\.\d%/);
  assert.match(rrRow[col(table, 'Position among LAs loaded')]!.text, /^\d+(st|nd|rd|th) of 4/);
  assert.ok(
    table.footnotes.some((f) =>
      f.includes(
        "this council's settings change the definition: cpVisits.interval 15; other LAs' figures use the standard definition",
      ),
    ),
    'the reason is footnoted under the scorecard',
  );
  const full = (
    appendix.blocks.find((b) => b.kind === 'table' && b.table.id === 'hub-benchmarks') as { table: Table }
  ).table;
  const cpFull = rowOf(full, 'cp-visits-10wd');
  for (const label of [
    'Mean',
    'Lower quartile',
    'Median',
    'Upper quartile',
    'Region mean',
    'Statistical neighbours',
    'Position',
  ]) {
    assert.equal(cpFull[col(full, label)]!.text, 'Not comparable', label);
  }
  assert.notEqual(
    cpFull[col(full, 'England (published)')]!.text,
    'Not comparable',
    'the England figure stays',
  );
  assert.match(rowOf(full, 'referrals-rereferral-12m')[col(full, 'Mean')]!.text, /^\d+\.\d%/);
  assert.ok(full.footnotes.some((f) => f.includes('cpVisits.interval 15')));
  const data = (id: string) =>
    model.rows.find((r) => r.indicator === id && r.period === report.period.id && r.breakdown === '')!;
  assert.deepEqual([data('cp-visits-10wd').lasLoadedMean, data('cp-visits-10wd').rankAmongLas], [null, null]);
  assert.notEqual(data('referrals-rereferral-12m').rankAmongLas, null);
});

test('figures from an earlier dataset version: used, and the benchmarks footnote counts them without naming an LA', async () => {
  const report = darlingtonReport();
  const earlier = (f: StoredFigure): StoredFigure => ({ ...f, fromEarlierVersion: true });
  // 840 was imported since its figures were computed; this LA's own stored figure (earlier too) is replaced
  // by the report's, so it is neither used nor counted: 1 of the 3 other LAs.
  const figures = FIGURES.map((f) => (f.la === '840' || f.la === LA ? earlier(f) : f));
  const hub = hubBenchmarksOf(report, figures, GROUPS, 1)!;
  const b = hub['assessments-45wd']!;
  assert.equal(b.mean, 75, 'still used: 60, 70, 80, 90');
  assert.deepEqual(b.earlierVersions, { las: 1, of: 3, period: report.period.id });
  const footnotes = (h: typeof hub) =>
    (
      buildRenderModel(report, FAKE_CATALOGUE, defaultReportOptions({ hubBenchmarks: h }))
        .sections.find((s) => s.id === 'appendix-a')!
        .blocks.find((x) => x.kind === 'table' && x.table.id === 'hub-benchmarks') as { table: Table }
    ).table.footnotes.join(' ');
  const text = footnotes(hub);
  // The first sentence holds either way; which version is said only when some LAs' figures are earlier.
  const FIRST =
    'Computed from the figures this system holds for each local authority loaded, this one included; quartiles by linear interpolation.';
  assert.ok(text.startsWith(FIRST), text);
  assert.doesNotMatch(text, /current dataset version\),/, 'not "each from its current version"');
  assert.match(
    text,
    new RegExp(
      `1 of the 3 LAs' figures are from an earlier dataset version than their current one \\(recompute with cspi hub compute --period ${report.period.id}\\)\\.`,
    ),
  );
  assert.doesNotMatch(text, /840/, 'no LA is named');
  // The CSV and JSON rows carry the count (public and full alike): the headline rows with benchmarks.
  for (const pub of [true, false]) {
    const model = buildRenderModel(
      report,
      FAKE_CATALOGUE,
      defaultReportOptions({ hubBenchmarks: hub, public: pub }),
    );
    const headline = (id: string) =>
      model.rows.find((r) => r.indicator === id && r.period === report.period.id && r.breakdown === '')!;
    assert.equal(headline('assessments-45wd').lasFromEarlierVersion, 1, `public ${pub}`);
    assert.equal(headline('cic-count').lasFromEarlierVersion, 1, 'every indicator benchmarked says it');
    assert.equal(
      headline('icpc-15wd').lasFromEarlierVersion,
      null,
      'no other LA has a figure: no benchmarks',
    );
    assert.ok(
      model.rows
        .filter((r) => r.period !== report.period.id || r.breakdown !== '')
        .every((r) => r.lasFromEarlierVersion === null),
      'earlier quarters and breakdown cells: null',
    );
    const csv = renderCsv(model).split('\n');
    const cols = csv[0]!.split(',');
    const at = cols.indexOf('lasFromEarlierVersion');
    assert.ok(at >= 0, 'a CSV column');
    const line = csv.find(
      (l) => l.startsWith(`${LA},assessments-45wd,`) && l.includes(`,${report.period.id},`),
    )!;
    assert.equal(line.split(',').at(at - cols.length), '1');
    const json = JSON.parse(renderJson(model)) as {
      rows: { indicator: string; lasFromEarlierVersion: number | null }[];
    };
    assert.equal(json.rows.find((r) => r.indicator === 'assessments-45wd')?.lasFromEarlierVersion, 1);
    if (pub) {
      const outputs = new Map([
        ['html', renderHtml(model)],
        ['csv', renderCsv(model)],
        ['json', renderJson(model)],
      ] as const);
      assert.deepEqual(
        await rescanPublicOutputs(model, outputs, defaultReportOptions().suppression),
        [],
        'a count of LAs passes the publication check',
      );
    }
  }
  // All current (or only this LA's own stored figure earlier): nothing said.
  const current = hubBenchmarksOf(
    report,
    FIGURES.map((f) => (f.la === LA ? earlier(f) : f)),
    GROUPS,
    1,
  )!;
  assert.equal(current['assessments-45wd']!.earlierVersions, undefined);
  assert.doesNotMatch(footnotes(current), /earlier dataset version/);
  const rowsNow = buildRenderModel(
    report,
    FAKE_CATALOGUE,
    defaultReportOptions({ hubBenchmarks: current }),
  ).rows;
  assert.equal(
    rowsNow.find((r) => r.indicator === 'assessments-45wd' && r.period === report.period.id)
      ?.lasFromEarlierVersion,
    0,
    'none earlier: 0',
  );
  assert.ok(footnotes(current).startsWith(FIRST));
});

// "3rd of 4 (Q2)" in a quarterly report reads as a ranking in quarter 2. The position names the quartile in
// words, in the scorecard, the benchmarks table and the key, as the dashboard's indicator page does.
test('the position among LAs names its quartile in words, never "Q2", which reads as a quarter', () => {
  assert.equal(rankText({ rank: 3, of: 4, quartile: 2 }), '3rd of 4 (quartile 2)');
  assert.equal(rankText({ rank: 1, of: 153, quartile: 1 }), '1st of 153 (quartile 1, best)');
  assert.equal(rankText({ rank: 153, of: 153, quartile: 4 }), '153rd of 153 (quartile 4, worst)');
  assert.equal(rankText({ rank: 2, of: 2, quartile: null }), '2nd of 2');
  const report = darlingtonReport();
  const model = buildRenderModel(
    report,
    FAKE_CATALOGUE,
    defaultReportOptions({ hubBenchmarks: hubBenchmarksOf(report, FIGURES, GROUPS, 1) }),
  );
  const html = renderHtml(model);
  assert.ok(html.includes('2nd of 4 (quartile 2)'));
  assert.doesNotMatch(html, /of \d+ \(Q[1-4]\)/);
  assert.doesNotMatch(html, /Q1 the best|Q4 the worst/);
  assert.match(html, /quartile 1 the best quarter of LAs and quartile 4 the worst/);
});
