import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod } from '../../calendar/period.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import type { Figures } from '../fixtures/make-result.js';
import { makeResult } from '../fixtures/make-result.js';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { expandAbbreviations } from './abbreviations.js';
import type { NarrativeInput, NarrativeSettings } from './narrative-input.js';
import { buildNarrative, minutesStyle } from './narrative.js';
import { targetCellText } from '../model/cell-text.js';
import { selectSection } from './select-section.js';
import { indicatorSentence } from './sentence.js';

const settings: NarrativeSettings = {
  period: parsePeriod('2021-22-Q3'),
  inLineBand: 0.5,
  snKey: 'statisticalNeighbours',
  englandWithoutSn: false,
};

function input(id: string, f: Figures, suppressed = false): NarrativeInput {
  const entry = FAKE_CATALOGUE.find((e) => e.id === id)!;
  return { entry, result: makeResult(entry, '2021-22-Q3', f), suppressed, comparatorSuppressed: false };
}

/** The standalone sentence, with abbreviations spelt out as at the start of a narrative. */
function sentence(id: string, f: Figures): { text: string; place: string } {
  const i = input(id, f);
  const place = selectSection(i, 0.5);
  return { text: expandAbbreviations([indicatorSentence(i, place, settings)])[0]!, place };
}

test('example 1: 10.8% re-referrals (31/287) against an internal target of 18% is performing well', () => {
  const s = sentence('referrals-rereferral-12m', { current: [31, 287], previous: [35, 301] });
  assert.equal(s.place, 'performing-well');
  assert.equal(
    s.text,
    "10.8 per cent of the children referred during this quarter had been re-referred to Children's Social Care within 12 months of a previous referral, which was positively below the internal target of 18 per cent.",
  );
});

test('example 2: no CP plan of two years or more ending uses the zero phrase and "continues to be"', () => {
  const s = sentence('cp-ceased-2y-plus', { current: [0, 41], previous: [0, 27] });
  assert.equal(s.place, 'performing-well');
  assert.equal(
    s.text,
    'No child ceased to be subject to a Child Protection (CP) plan who had been subject to the plan for two or more years, and performance continues to be positively below the target of 5 per cent.',
  );
});

test('example 3: 271 children in care against 284 a year earlier is a count, with no judgement', () => {
  const s = sentence('cic-count', { current: 271, previous: 277, lastYear: 284 });
  assert.equal(s.place, 'performing-well');
  assert.equal(
    s.text,
    'The number of Children in Care (CiC) was 271 by the end of December 2021, a reduction when compared with the end of December 2020 (284).',
  );
});

test('example 4: 89.8% visits (352/392) against 90% is Amber but in line, so performing well', () => {
  const i = input('cic-visits-in-time', { current: [352, 392], previous: [360, 398] });
  assert.equal(i.result.rag, 'amber');
  const s = sentence('cic-visits-in-time', { current: [352, 392], previous: [360, 398] });
  assert.equal(s.place, 'performing-well');
  assert.equal(
    s.text,
    '89.8 per cent of statutory CiC visits were completed within timescale during Q3, in line with the target of 90 per cent.',
  );
});

test('example 5: 73.5% stability (50/68) is 5.5 points above 68%, so "above", not "in line"', () => {
  const s = sentence('cic-long-term-stability', { current: [50, 68], previous: [48, 67] });
  assert.equal(
    s.text,
    '73.5 per cent of Children in Care aged under 16 who had been looked after for at least 2.5 years had been in their current placement continuously for at least two years, above the internal target of 68 per cent.',
  );
});

test('example 6: assessments 80.0% (160/200) against 85.4% (164/192) last year: Red, "similar" (−12.9 to +2.1)', () => {
  const s = sentence('assessments-45wd', { current: [160, 200], lastYear: [164, 192] });
  assert.equal(s.place, 'areas-for-focus');
  assert.equal(
    s.text,
    'Social workers completed 80.0 per cent of the C&F assessments within timescale, which falls below the target of 90 per cent and is similar to the 85.4 per cent for the same period last year.',
  );
});

test('example 6 at around 410 per period reads "lower than"', () => {
  const s = sentence('assessments-45wd', { current: [328, 410], lastYear: [350, 410] });
  assert.match(
    s.text,
    /which falls below the target of 90 per cent and is lower than the 85\.4 per cent for the same period last year\.$/,
  );
});

test('example 7: screening within 1 day and over 3 days form one grouped sentence', () => {
  const n = buildNarrative(
    [
      input('referrals-decided-1wd', { current: [623, 920], previous: [455, 610] }),
      input('referrals-decided-over-3wd', { current: [71, 920], previous: [33, 610] }),
    ],
    settings,
  );
  assert.deepEqual(n.performingWell, []);
  assert.equal(n.areasForFocus.length, 1);
  assert.deepEqual(n.areasForFocus[0]!.ids, ['referrals-decided-1wd', 'referrals-decided-over-3wd']);
  assert.equal(
    n.areasForFocus[0]!.text,
    '67.7 per cent of referrals were screened and completed within 1 day by the end of Q3, which falls below the target of 90 per cent, and 7.7 per cent of the referrals took over three days to complete.',
  );
});

test('example 8: repeat plans 8.0% against 6% (tolerance 2.5 points) is Amber and significantly improving', () => {
  // 400/5,000 = 8.0% against 490/5,000 = 9.8% at Q2: Newcombe's interval for the change excludes 0.
  const i = input('cp-repeat-2y', { current: [400, 5000], previous: [490, 5000], tolerance: 2.5 });
  assert.equal(i.result.rag, 'amber');
  assert.equal(i.result.direction, 'improved');
  const s = sentence('cp-repeat-2y', { current: [400, 5000], previous: [490, 5000], tolerance: 2.5 });
  assert.equal(s.place, 'areas-for-focus');
  assert.equal(
    s.text,
    'At the end of December 2021, the percentage of children becoming subject to a Child Protection Plan for a second or subsequent time within two years of the previous plan ending was 8.0 per cent, above the 6 per cent target; however, this was a reduction from 9.8 per cent as at the end of Q2 2021/22.',
  );
});

test('a Green indicator that improved significantly reads "an improvement on"', () => {
  const s = sentence('referrals-rereferral-12m', { current: [400, 5000], previous: [490, 5000] });
  assert.match(s.text, /internal target of 18 per cent, an improvement on 9\.8 per cent in Q2 2021\/22\.$/);
});

test('a Green indicator that is significantly worse stays under performing well and states the decline', () => {
  const s = sentence('referrals-rereferral-12m', { current: [600, 5000], previous: [490, 5000] });
  assert.equal(s.place, 'performing-well');
  assert.match(
    s.text,
    /internal target of 18 per cent and is higher than the 9\.8 per cent in Q2 2021\/22\.$/,
  );
});

test('no target: significantly worse goes to areas for focus, otherwise performing well', () => {
  assert.equal(
    sentence('cp-repeat-any', { current: [1500, 5000], previous: [1000, 5000] }).place,
    'areas-for-focus',
  );
  assert.equal(
    sentence('cp-repeat-any', { current: [27, 125], previous: [19, 82] }).place,
    'performing-well',
  );
});

test('Amber outside the in-line band (89.4%) goes to areas for focus; 89.5% is in line', () => {
  assert.equal(sentence('cic-visits-in-time', { current: [894, 1000] }).place, 'areas-for-focus');
  assert.equal(sentence('cic-visits-in-time', { current: [895, 1000] }).place, 'performing-well');
});

test('the benchmark clause appears once statistical neighbours are loaded', () => {
  const s = sentence('cic-placements-3plus', {
    current: [27, 271],
    comparators: { statisticalNeighbours: 9.5 },
  });
  assert.match(
    s.text,
    /, in line with statistical neighbours \(9\.5 per cent\) and the national average \(10 per cent\)\.$/,
  );
});

test('annual indicators are named in one sentence; suppressed ones get the "not published" sentence', () => {
  const n = buildNarrative(
    [
      input('cic-health-assessments', { current: null, status: 'annual-only' }),
      input('cic-dental-checks', { current: null, status: 'annual-only' }),
      input('icpc-15wd', { current: [35, 38] }, true),
    ],
    settings,
  );
  assert.equal(
    n.annualSentence,
    '2 indicators are reported annually, so no quarterly update is available: Children in Care due a review health assessment year to date who had one completed and Children in Care due a dental check who had one completed.',
  );
  assert.equal(n.performingWell.length + n.areasForFocus.length, 0);
  assert.match(
    n.unpublished[0]!,
    /^The figure for Initial Child Protection Conferences .* is not published because it relates to a small number of children\.$/,
  );
});

test('officers can move an indicator between sections or leave it out of the narrative', () => {
  const inputs = [input('assessments-45wd', { current: [160, 200], lastYear: [164, 192] })];
  assert.equal(
    buildNarrative(inputs, settings, { 'assessments-45wd': 'performing-well' }).performingWell.length,
    1,
  );
  const omitted = buildNarrative(inputs, settings, { 'assessments-45wd': 'omit' });
  assert.equal(omitted.performingWell.length + omitted.areasForFocus.length, 0);
});

test('the whole Darlington narrative: every sentence from the numbers, abbreviations spelt out once', () => {
  const report = darlingtonReport();
  const inputs = report.indicators.map((result) => ({
    entry: FAKE_CATALOGUE.find((e) => e.id === result.id)!,
    result,
    suppressed: false,
    comparatorSuppressed: false,
  }));
  const n = buildNarrative(inputs, settings);
  const all = [...n.performingWell, ...n.areasForFocus].map((e) => e.text).join(' ');
  assert.equal(all.match(/Child Protection \(CP\)/g)?.length, 1);
  assert.equal(all.match(/Children in Care \(CiC\)/g)?.length, 1);
  assert.ok(!all.includes('[['));
  assert.ok(!/\{[a-z:]+\}/i.test(all), 'no placeholder left');
  assert.deepEqual(
    n.areasForFocus.map((e) => e.ids.join('+')),
    [
      'referrals-decided-1wd+referrals-decided-over-3wd',
      'assessments-45wd',
      'cp-visits-10wd',
      'cp-repeat-2y',
      'cic-health-assessments',
      'cic-dental-checks',
    ],
  );
  // Changing a figure changes the sentence: nothing is hard-coded.
  const changed = buildNarrative(
    inputs.map((i) =>
      i.entry.id === 'referrals-rereferral-12m'
        ? { ...i, result: makeResult(i.entry, '2021-22-Q3', { current: [40, 287] }) }
        : i,
    ),
    settings,
  );
  assert.match(changed.performingWell[0]!.text, /^13\.9 per cent of the children referred/);
});

test('minutes style joins sentences with semicolons', () => {
  assert.equal(minutesStyle(['The one.', 'The two.', 'CiC three.']), 'The one; the two; and CiC three.');
});

test("an indicator's own in-line band (targets file in_line) replaces the report's for that indicator only", () => {
  // 89.0% against 90% is Amber and 1 point short: outside the report's 0.5, inside this indicator's 1.
  const base = input('cic-visits-in-time', { current: [890, 1000] });
  assert.equal(base.result.rag, 'amber');
  assert.equal(selectSection(base, 0.5), 'areas-for-focus');
  const own: NarrativeInput = { ...base, result: { ...base.result, inLineBand: 1 } };
  assert.equal(selectSection(own, 0.5), 'performing-well');
  assert.match(
    indicatorSentence(own, 'performing-well', settings),
    /, in line with the target of 90 per cent\.$/,
  );
  // A band of 0: 89.9% is no longer "in line" for this indicator, though the report's band is 0.5.
  const tight = input('cic-visits-in-time', { current: [899, 1000] });
  assert.equal(selectSection(tight, 0.5), 'performing-well');
  assert.equal(
    selectSection({ ...tight, result: { ...tight.result, inLineBand: 0 } }, 0.5),
    'areas-for-focus',
  );
});

test('thresholds: a Green figure short of its target says so; the bounds are in the target cell', () => {
  // Target 95, Green from 90 (the LA's amber bound), Red below 80: 91.0% is Green but below the target.
  const base = input('cic-visits-in-time', { current: [910, 1000] });
  const result = {
    ...base.result,
    target: 95,
    tolerance: null,
    rag: 'green' as const,
    bounds: { amber: 90, red: 80 },
  };
  const i: NarrativeInput = { ...base, result };
  assert.equal(selectSection(i, 0.5), 'performing-well');
  assert.match(
    indicatorSentence(i, 'performing-well', settings),
    /, which falls below the target of 95 per cent\.$/,
  );
  assert.equal(targetCellText(result), '95% (Amber below 90%, Red below 80%), local');
  // On or over the target it reads as above it, as under target-tolerance.
  const over = { ...result, value: 96.0, numerator: 960 };
  assert.match(
    indicatorSentence({ ...i, result: over }, 'performing-well', settings),
    /, above the target of 95 per cent\.$/,
  );
  const low = { ...result, polarity: 'lower' as const, target: 18, bounds: { amber: 18, red: 20 } };
  assert.equal(targetCellText(low), '18% or lower (Amber above 18%, Red above 20%), local');
});
