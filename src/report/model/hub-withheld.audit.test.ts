import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { makeResult } from '../fixtures/make-result.js';
import { noSuppression } from '../public/suppression.js';
import type { HubBenchmark } from './hub-benchmarks.js';
import type { IndicatorView } from './indicator-view.js';
import { defaultReportOptions } from './report-options.js';
import { hubTableBlocks, scorecardBlocks } from './scorecard.js';

// Audit (report.md §7 public suppression; README, Running a hub, Benchmarks). The public report withholds
// this LA's own figure for small numbers; the benchmarks beside it must not give it back. The mean of all
// LAs loaded and the region mean include this LA's figure, the SN mean leaves it out: on a hub of 4 LAs
// whose SN group is the other 3, 4 × mean − 3 × SN mean is the figure withheld (here 3 of 8, 37.5%).

const HUB: HubBenchmark = {
  las: 4,
  withheld: false,
  mean: 60.6,
  q1: 54.4,
  median: 62.5,
  q3: 68.8,
  region: { name: 'North East', mean: 60.6, las: 4, withheld: false },
  sn: { mean: 68.3, las: 3, withheld: false },
  position: { rank: 4, of: 4, quartile: 4 },
};

function view(headlineWithheld: boolean): IndicatorView {
  const entry = FAKE_CATALOGUE.find((e) => e.id === 'icpc-15wd')!;
  const result = makeResult(entry, '2021-22-Q3', { current: [3, 8] });
  const plan = { ...noSuppression(result), headline: headlineWithheld };
  return { ref: 6, entry, result, plan, commentary: null, restated: new Map() };
}

const opts = { ...defaultReportOptions(), hubBenchmarks: { 'icpc-15wd': HUB } };

function cells(headlineWithheld: boolean): { hub: string[]; scorecard: string[]; footnotes: string } {
  const hubBlock = hubTableBlocks([view(headlineWithheld)], opts, 'Q3 2021/22').find(
    (b) => b.kind === 'table',
  );
  const card = scorecardBlocks([view(headlineWithheld)], opts, 'Q3 2021/22').find((b) => b.kind === 'table');
  assert.ok(hubBlock?.kind === 'table' && card?.kind === 'table');
  return {
    hub: hubBlock.table.rows[0]!.map((c) => c.text),
    scorecard: card.table.rows[0]!.map((c) => c.text),
    footnotes: (hubBlock.table.footnotes ?? []).join(' '),
  };
}

test("audit: the public report's benchmarks beside this LA's withheld figure show no mean, quartile or region mean that includes it; the SN mean stays", () => {
  const shown = cells(false);
  assert.ok(shown.hub.includes('60.6%'), shown.hub.join(' | '));
  const hidden = cells(true);
  for (const x of ['60.6%', '54.4%', '62.5%', '68.8%', '60.6% (4)', '4th of 4 (quartile 4, worst)'])
    assert.ok(!hidden.hub.includes(x), `${x} in ${hidden.hub.join(' | ')}`);
  assert.ok(hidden.hub.includes('68.3% (3)'), hidden.hub.join(' | '));
  assert.ok(!hidden.scorecard.some((t) => t.includes('60.6')), hidden.scorecard.join(' | '));
  assert.match(hidden.footnotes, /own figure is withheld for small numbers/);
  assert.doesNotMatch(shown.footnotes, /own figure is withheld/);
});
