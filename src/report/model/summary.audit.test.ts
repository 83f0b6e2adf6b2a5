import { test } from 'node:test';
import assert from 'node:assert/strict';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from './build-render-model.js';
import type { Block } from './render-model.js';
import { defaultReportOptions } from './report-options.js';

// Audit (report.md §2 item 1 Summary "RAG counts"; §4 "Not rated … with the reason"), read as a councillor: the
// synth Darlington Q4 summary said "4 of the 24 indicators are not rated (no target, reported annually, not
// available)", where none was reported annually or not available: three were counts or shares without
// polarity (referrals by source, the number of CiC, children missing) and one had no target. The sentence
// listed every possible reason whatever applied. Decided: it names the reasons that apply, with counts, in
// the scorecard's words.

function summaryText(pub: boolean, report = darlingtonReport()): string {
  const m = buildRenderModel(report, FAKE_CATALOGUE, defaultReportOptions({ public: pub }));
  const blocks = m.sections.find((s) => s.id === 'summary')!.blocks;
  return blocks
    .filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .map((b) => b.text)
    .join('\n');
}

test('audit: the summary names only the reasons figures are not rated, with their counts', () => {
  const results = darlingtonReport().indicators;
  const noPolarity = results.filter((r) => r.rag === null && r.polarity === 'none');
  const noTarget = results.filter((r) => r.rag === null && r.polarity !== 'none' && r.target === null);
  assert.ok(noPolarity.length > 0 && noTarget.length > 0, 'the fixture has both reasons');
  const text = summaryText(false);
  assert.ok(
    text.includes(
      `${noPolarity.length + noTarget.length} of the 24 indicators are not rated: ${noPolarity.length} with no polarity (a count or share without a judgement) and ${noTarget.length} with no target.`,
    ),
    text,
  );
  assert.doesNotMatch(text, /reported annually|not available/);
});
