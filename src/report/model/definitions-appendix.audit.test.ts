import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import { parsePeriod } from '../../calendar/period.js';
import { computeReport } from '../../indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../../indicators/input.js';
import { cpPlan, dataset } from '../../indicators/lib/test-fixtures.js';
import { INDICATORS } from '../../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import { buildRenderModel } from './build-render-model.js';
import type { Block } from './render-model.js';
import { defaultReportOptions } from './report-options.js';
import { membersWording } from './definitions-appendix.js';

// Audit (report.md §2 item 6 Appendix C "generated from the catalogue"; §1 the public paper "is self-contained"),
// read as a councillor: the synth Darlington paper's Appendix C printed the engine's note codes, "a decision
// dated before receipt (counted in the note invalidDates)", "Undecided contacts are reported in the note
// awaitingDecision", "conference dates recorded without a Section 47 (note icpcWithoutS47)". Members cannot
// find an "invalidDates"; those notes appear, in words, in Appendix D. Decided: the appendix points to the
// data notes in Appendix D instead of naming a note's code; the catalogue keeps its codes (officers' pages).

test('audit: membersWording sends the reader to Appendix D instead of a note code', () => {
  assert.equal(
    membersWording('a decision dated before receipt (counted in the note invalidDates).'),
    'a decision dated before receipt (counted in the data notes, Appendix D).',
  );
  assert.equal(
    membersWording(
      'recorded without a Section 47 (note icpcWithoutS47); dated before its anchor (note invalidDates).',
    ),
    'recorded without a Section 47 (see the data notes, Appendix D); dated before its anchor (see the data notes, Appendix D).',
  );
  assert.equal(membersWording('a note of the plan'), 'a note of the plan', 'ordinary words are left alone');
});

test('audit: Appendix C of the real catalogue names no engine note code', () => {
  const data = dataset(['cp-plans', 'cp-visits'], {
    asAt: { cin: isoDate('2022-01-10'), ssda903: null, local: {} },
    cpPlans: [cpPlan('p1', 'A', '2021-09-01', null)],
  });
  const report = computeReport(
    {
      input: buildIndicatorInput(data),
      period: parsePeriod('2021-22-Q3'),
      settings: DEFAULT_SETTINGS,
      targets: null,
      dataset: { id: 'ds-1', hash: 'abc', asAt: isoDate('2022-01-10') },
    },
    INDICATORS,
  );
  const model = buildRenderModel(report, INDICATORS, defaultReportOptions());
  const blocks = model.sections.find((s) => s.id === 'appendix-c')!.blocks;
  const text = blocks
    .filter((b): b is Extract<Block, { kind: 'definitions' }> => b.kind === 'definitions')
    .flatMap((b) => b.items.map((i) => i.text))
    .join('\n');
  assert.doesNotMatch(text, /\bnote [a-z]+[A-Z]\w*/);
  assert.match(text, /counted in the data notes, Appendix D/);
});
