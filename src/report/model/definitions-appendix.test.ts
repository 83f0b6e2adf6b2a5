import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import { parsePeriod } from '../../calendar/period.js';
import { computeReport } from '../../indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../../indicators/input.js';
import { cpPlan, dataset } from '../../indicators/lib/test-fixtures.js';
import { INDICATORS } from '../../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import type { IndicatorSettings } from '../../indicators/types.js';
import { buildRenderModel } from './build-render-model.js';
import type { Block } from './render-model.js';
import { defaultReportOptions } from './report-options.js';

/** A report of the real catalogue, computed by the engine under `settings` (one CP plan, no visits). */
function reportUnder(settings: IndicatorSettings) {
  const data = dataset(['cp-plans', 'cp-visits'], {
    asAt: { cin: isoDate('2022-01-10'), ssda903: null, local: {} },
    cpPlans: [cpPlan('p1', 'A', '2021-09-01', null)],
  });
  return computeReport(
    {
      input: buildIndicatorInput(data),
      period: parsePeriod('2021-22-Q3'),
      settings,
      targets: null,
      dataset: { id: 'ds-1', hash: 'abc', asAt: isoDate('2022-01-10') },
    },
    INDICATORS,
  );
}

/** Appendix C's heading and definition list for CP visits, as one text. */
function cpVisitsAppendix(settings: IndicatorSettings): { heading: string; text: string } {
  const report = reportUnder(settings);
  const model = buildRenderModel(report, INDICATORS, defaultReportOptions());
  const blocks = model.sections.find((s) => s.id === 'appendix-c')!.blocks;
  const i = blocks.findIndex((b) => b.kind === 'heading' && /Statutory CP visits/.test(b.text));
  assert.ok(i >= 0, 'Appendix C has the CP visits indicator');
  const list = blocks[i + 1] as Extract<Block, { kind: 'definitions' }>;
  assert.equal(list.kind, 'definitions');
  const heading = (blocks[i] as Extract<Block, { kind: 'heading' }>).text;
  // The heading is the scorecard's title (the result's, under the settings).
  assert.equal(
    heading.replace(/^\d+\. /, ''),
    report.indicators.find((r) => r.id === 'cp-visits-10wd')!.title,
  );
  return { heading, text: list.items.map((x) => `${x.term}: ${x.text}`).join('\n') };
}

test('Appendix C: an LA visiting every 15 working days (cpVisits.interval 15) reads 15 working days, not 10, in the heading and the definition', () => {
  const every15 = { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } };
  const { heading, text } = cpVisitsAppendix(every15);
  assert.match(heading, /^\d+\. Statutory CP visits within 15 working days$/);
  assert.match(text, /Numerator: .*no later than the due date, 15 working days after it\./);
  assert.match(
    text,
    /Denominator: .*the first 15 working days after CPPstartDate, then 15 working days after each visit/,
  );
  // Only the comparability note names both intervals (it describes how LAs differ, not this LA).
  const outsideComparability = text
    .split('\n')
    .filter((l) => !l.startsWith('Comparability'))
    .join('\n');
  assert.doesNotMatch(outsideComparability, /10 working days/);
});

test('Appendix C: under the default settings CP visits still read 10 working days, as the catalogue', () => {
  const { heading, text } = cpVisitsAppendix(DEFAULT_SETTINGS);
  assert.match(heading, /^\d+\. Statutory CP visits within 10 working days$/);
  const def = INDICATORS.find((d) => d.id === 'cp-visits-10wd')!.definition;
  assert.ok(text.includes(`Numerator: ${def.numerator}`));
  assert.ok(text.includes(`Denominator: ${def.denominator}`));
  assert.doesNotMatch(text, /15 working days after/);
});

test('the whole report for an LA visiting every 15 working days never says CP visits are due within 10 working days (data notes, narrative, appendices)', () => {
  const every15 = { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } };
  const report = reportUnder(every15);
  const text = JSON.stringify(buildRenderModel(report, INDICATORS, defaultReportOptions()));
  // The comparability note says "10 or 15 working days" of LAs in general; nothing else may say 10.
  assert.deepEqual(text.match(/10 working days/g), null);
  assert.ok(text.includes('Statutory CP visits within 15 working days'));
  const plain = JSON.stringify(
    buildRenderModel(reportUnder(DEFAULT_SETTINGS), INDICATORS, defaultReportOptions()),
  );
  assert.ok(plain.includes('Statutory CP visits within 10 working days'));
});
