// Audit of the indicator engine against indicators.md §1.7–§1.8 and report.md §3–§4: hand-worked cases for the
// rules most likely to be wrong (rounding at exact halves, RAG at its edges, Wilson at 0/n and n/n, direction
// of travel at the edge of significance, comparators, the 8-quarter trend, annual-only figures). Every expected
// value below is worked by hand from the spec's formula, not from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import { parsePeriod } from '../../calendar/period.js';
import { buildIndicatorInput } from '../input.js';
import { dataset } from '../lib/test-fixtures.js';
import { INDICATORS } from '../registry.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { referralsRereferral12m } from '../referrals-rereferral-12m.js';
import { resolveTarget, type TargetOverride } from '../targets.js';
import type { IndicatorDefinition, IndicatorResult } from '../types.js';
import type { CatalogueEntry } from '../../report/model/catalogue-entry.js';
import type { IndicatorView } from '../../report/model/indicator-view.js';
import { noSuppression } from '../../report/public/suppression.js';
import { rateAgainstTarget } from '../../report/model/rating.js';
import { targetText as dashboardTargetText } from '../../web/figures/scorecard-view.js';
import {
  comparisonText,
  currentText,
  directionText,
  ragText,
  targetCellText,
} from '../../report/model/cell-text.js';
import { directionOfTravel } from './direction.js';
import { computeIndicatorResult, type ReportRequest } from './indicator-result.js';
import { includesZero, newcombe } from './newcombe.js';
import { ragFor, tolerancePoints } from './rag.js';
import { rateFigure } from './rate-figure.js';
import { percentTenths, ratePer10000, roundedPercent } from './rounding.js';
import { Z95, wilson } from './wilson.js';

// ---------------------------------------------------------------------------------------------------------
// A stand-in indicator whose figures per period are given by hand, so that the engine (rounding, RAG,
// comparisons, trend, direction) is tested apart from any indicator's own counting.

type Fig = readonly [number, number | null];

function handDef(
  figures: Readonly<Record<string, Fig>>,
  over: Partial<IndicatorDefinition> = {},
): IndicatorDefinition {
  return {
    ...referralsRereferral12m,
    id: 'audit-hand',
    polarity: 'higher',
    sources: ['cin-details'],
    annexA: undefined,
    directionComparator: 'previous',
    ...over,
    compute: (_input, ctx) => {
      // A period without a figure has no eligible cases (0/0), or 0 for a count.
      const [numerator, denominator] = figures[ctx.period.id] ?? [0, over.unit === 'count' ? null : 0];
      return { status: 'ok', numerator, denominator, members: [], notes: [] };
    },
  };
}

const data = dataset(['cin-details'], { asAt: { cin: isoDate('2022-01-10'), ssda903: null, local: {} } });

function request(periodId: string, over: Partial<ReportRequest> = {}): ReportRequest {
  return {
    input: buildIndicatorInput(data),
    period: parsePeriod(periodId),
    settings: DEFAULT_SETTINGS,
    targets: null,
    dataset: { id: 'ds', hash: 'h', asAt: isoDate('2022-01-10') },
    ...over,
  };
}

function result(
  def: IndicatorDefinition,
  periodId: string,
  over: Partial<ReportRequest> = {},
): IndicatorResult {
  return computeIndicatorResult(def, request(periodId, over)).result;
}

function targets(o: Partial<TargetOverride> & { target: number | null }): ReportRequest['targets'] {
  return {
    la: '841',
    year: '2021-22',
    overrides: [{ indicator: 'audit-hand', tolerance: null, toleranceUnit: 'percent', kind: null, ...o }],
  };
}

function view(def: IndicatorDefinition, r: IndicatorResult): IndicatorView {
  return {
    ref: 1,
    entry: { directionComparator: def.directionComparator } as CatalogueEntry,
    result: r,
    plan: noSuppression(r),
    commentary: null,
    restated: new Map(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// indicators.md §1.7 Percentages: tenths = floor((2000·num + den) / (2·den)), half up.

test('§1.7 rounding: exact halves round up, whatever the fraction’s form', () => {
  // 1/8 = 2/16 = 5/40 = 12.5% exactly: no rounding at all, and all three agree.
  assert.equal(roundedPercent(1, 8), 12.5);
  assert.equal(roundedPercent(2, 16), 12.5);
  assert.equal(roundedPercent(5, 40), 12.5);
  // x.x5 exactly: 1/400 = 0.25% → 0.3; 3/400 = 0.75% → 0.8; 41/400 = 10.25% → 10.3.
  assert.equal(roundedPercent(1, 400), 0.3);
  assert.equal(roundedPercent(3, 400), 0.8);
  assert.equal(roundedPercent(41, 400), 10.3);
  // The halves where binary floating point fails (1.45 × 10 = 14.4999…): 29/2000 = 1.45% → 1.5;
  // 289/2000 = 14.45% → 14.5;
  // 1289/2000 = 64.45% → 64.5; 1999/2000 = 99.95% → 100.0.
  assert.equal(roundedPercent(29, 2000), 1.5);
  assert.equal(roundedPercent(289, 2000), 14.5);
  assert.equal(roundedPercent(1289, 2000), 64.5);
  assert.equal(roundedPercent(1999, 2000), 100);
  // Either side of a half: 28,900/200,000 = 14.45% → 14.5; 28,899/200,000 = 14.4495% → 14.4.
  assert.equal(roundedPercent(28_900, 200_000), 14.5);
  assert.equal(roundedPercent(28_899, 200_000), 14.4);
  // Recurring decimals: 1/3 = 33.33…% → 33.3; 2/3 = 66.66…% → 66.7; 1/6 = 16.66…% → 16.7; 5/6 = 83.33…% → 83.3.
  assert.equal(roundedPercent(1, 3), 33.3);
  assert.equal(roundedPercent(2, 3), 66.7);
  assert.equal(roundedPercent(1, 6), 16.7);
  assert.equal(roundedPercent(5, 6), 83.3);
  // The formula itself, by hand: 1/8 → floor((2000 + 8) / 16) = floor(125.5) = 125.
  assert.equal(percentTenths(1, 8), 125);
  assert.equal(percentTenths(1, 400), floorOf(2000 + 400, 800)); // floor(3) = 3
});

function floorOf(a: number, b: number): number {
  return Math.floor(a / b);
}

test('§1.7 rates per 10,000: whole numbers, an exact half rounds up', () => {
  // 243 × 10,000 / 20,000 = 121.5 → 122; 3 / 60,000 = 0.5 → 1; 1 / 20,002 = 0.49995 → 0.
  assert.equal(ratePer10000(243, 20_000), 122);
  assert.equal(ratePer10000(3, 60_000), 1);
  assert.equal(ratePer10000(1, 20_002), 0);
  assert.equal(ratePer10000(82_170, 11_740_000), 70); // England: 69.99… → 70
  assert.equal(ratePer10000(0, 38_700), 0);
});

test('§1.7 through the engine: the published value, numerator and denominator of an exact half', () => {
  const def = handDef({ '2021-22-Q3': [5, 40] });
  const r = result(def, '2021-22-Q3');
  assert.equal(r.value, 12.5);
  assert.equal(r.numerator, 5);
  assert.equal(r.denominator, 40);
  assert.equal(currentText(view(def, r), 5), '12.5% (5/40)');
});

test('§1.7 denominator 0: null value, "No eligible cases", no RAG, no interval, never 0% or 100%', () => {
  const def = handDef({ '2021-22-Q2': [3, 4] });
  const r = result(def, '2021-22-Q3');
  assert.equal(r.status, 'no-eligible-cases');
  assert.equal(r.value, null);
  assert.equal(r.rag, null);
  assert.equal(r.ci95, null);
  assert.equal(r.direction, null);
  assert.equal(r.numerator, 0);
  assert.equal(r.denominator, 0);
  const v = view(def, r);
  assert.equal(currentText(v, 5), 'No eligible cases');
  assert.equal(ragText(v).text, '– Not rated (no eligible cases)');
  assert.equal(directionText(v), '–');
});

// ---------------------------------------------------------------------------------------------------------
// indicators.md §1.7 RAG and report.md §4 rating rules.

test('§4 RAG exactly on the target and exactly on the tolerance edge, high is good (90%, ±9)', () => {
  assert.equal(ragFor(90, 90, 9, 'higher'), 'green'); // s = 0
  assert.equal(ragFor(81, 90, 9, 'higher'), 'amber'); // s = 9 = tolerance
  assert.equal(ragFor(80.9, 90, 9, 'higher'), 'red'); // s = 9.1
  // A target with a tenth: 85.5%, default tolerance 8.55 points; s may only be a whole number of tenths,
  // so 76.9 (s = 8.6) is Red and 77.0 (s = 8.5) Amber.
  const tol = tolerancePoints(85.5, 10, 'percent');
  assert.equal(tol, 8.55);
  assert.equal(ragFor(77, 85.5, tol, 'higher'), 'amber');
  assert.equal(ragFor(76.9, 85.5, tol, 'higher'), 'red');
});

test('§4 RAG exactly on the target and on the tolerance edge, low is good (6%, +0.6; 22.7%, +2.27)', () => {
  assert.equal(ragFor(6, 6, 0.6, 'lower'), 'green');
  assert.equal(ragFor(5.9, 6, 0.6, 'lower'), 'green');
  assert.equal(ragFor(6.6, 6, 0.6, 'lower'), 'amber'); // 6.6 − 6 is 0.6 in floats
  assert.equal(ragFor(6.7, 6, 0.6, 'lower'), 'red');
  const tol = tolerancePoints(22.7, 10, 'percent');
  assert.equal(tol, 2.27);
  assert.equal(ragFor(24.9, 22.7, tol, 'lower'), 'amber'); // s = 2.2
  assert.equal(ragFor(25, 22.7, tol, 'lower'), 'red'); // s = 2.3 > 2.27
});

test('§4 tolerance in points vs in % of the target (the LA’s setting)', () => {
  const def = handDef({});
  const at = (o: Partial<TargetOverride>) => resolveTarget(def, targets({ target: 90, ...o }));
  assert.equal(at({}).tolerance, 9); // default: 10% of 90
  assert.equal(at({ tolerance: 5, toleranceUnit: 'percent' }).tolerance, 4.5); // 5% of 90
  assert.equal(at({ tolerance: 5, toleranceUnit: 'points' }).tolerance, 5);
  assert.equal(at({ tolerance: 0.5, toleranceUnit: 'points' }).tolerance, 0.5);
  // Rated through the engine: 85.5% (171/200) is Amber under 5% of 90 (s = 4.5) and under 5 points;
  // 85.0% (170/200) is Red under 5% of 90 (s = 5 > 4.5) but Amber under 5 points (s = 5).
  const rag = (num: number, o: Partial<TargetOverride>) =>
    result(handDef({ '2021-22-Q3': [num, 200] }), '2021-22-Q3', { targets: targets({ target: 90, ...o }) })
      .rag;
  assert.equal(rag(171, { tolerance: 5, toleranceUnit: 'percent' }), 'amber');
  assert.equal(rag(170, { tolerance: 5, toleranceUnit: 'percent' }), 'red');
  assert.equal(rag(170, { tolerance: 5, toleranceUnit: 'points' }), 'amber');
  assert.equal(rag(169, { tolerance: 5, toleranceUnit: 'points' }), 'red');
});

test('§4 a count’s RAG: 10% of the target as for percentages; the catalogue’s counts have no polarity, so are never rated', () => {
  // High is good, target 250: tolerance 25; 225 Amber, 224 Red. Low is good: 275 Amber, 276 Red.
  assert.equal(tolerancePoints(250, 10, 'percent'), 25);
  assert.equal(ragFor(250, 250, 25, 'higher'), 'green');
  assert.equal(ragFor(225, 250, 25, 'higher'), 'amber');
  assert.equal(ragFor(224, 250, 25, 'higher'), 'red');
  assert.equal(ragFor(275, 250, 25, 'lower'), 'amber');
  assert.equal(ragFor(276, 250, 25, 'lower'), 'red');
  const count = handDef({ '2021-22-Q3': [271, null] }, { unit: 'count', polarity: 'lower' });
  const rated = result(count, '2021-22-Q3', { targets: targets({ target: 250 }) });
  assert.equal(rated.value, 271);
  assert.equal(rated.rag, 'amber'); // s = 21 ≤ 25
  // cic-count and cic-missing: no polarity, so an LA's target still rates nothing (§4 "Not rated: no polarity").
  for (const id of ['cic-count', 'cic-missing']) {
    const def = INDICATORS.find((d) => d.id === id)!;
    assert.equal(def.unit, 'count', id);
    assert.equal(def.polarity, 'none', id);
  }
  const none = handDef({ '2021-22-Q3': [271, null] }, { unit: 'count', polarity: 'none' });
  const r = result(none, '2021-22-Q3', { targets: targets({ target: 250 }) });
  assert.equal(r.rag, null);
  assert.equal(ragText(view(none, r)).text, '– Not rated (no polarity)');
});

test('§4 a target of 0: the default tolerance is 0, so any shortfall is Red; a tolerance in points still applies', () => {
  const def = handDef({}, { polarity: 'lower' });
  const r0 = resolveTarget(def, targets({ target: 0 }));
  assert.equal(r0.tolerance, 0);
  const lower = (v: number, tol: number) =>
    rateFigure(
      { unit: 'percent', polarity: 'lower', value: v, numerator: null, denominator: null, lastYear: null },
      {
        ...r0,
        tolerance: tol,
      },
    );
  assert.equal(lower(0, 0), 'green');
  assert.equal(lower(0.1, 0), 'red');
  assert.equal(lower(2, 2), 'amber');
  assert.equal(lower(2.1, 2), 'red');
  // High is good with a target of 0: every value is at or above it.
  assert.equal(ragFor(0, 0, 0, 'higher'), 'green');
  // A target of 0 is a target (not "No target"): the scorecard shows it, with its tolerance of 0.
  const r = result(handDef({ '2021-22-Q3': [0, 50] }, { polarity: 'lower' }), '2021-22-Q3', {
    targets: targets({ target: 0 }),
  });
  assert.equal(r.rag, 'green');
  assert.equal(targetCellText(r), '0% or lower (+0), local');
});

test('§1.7/§4 RAG compares the rounded value, not the raw one', () => {
  // 1619/2000 = 80.95% shows 81.0: Amber against 90 ± 9 (raw s = 9.05 would be Red).
  assert.equal(
    result(handDef({ '2021-22-Q3': [1619, 2000] }), '2021-22-Q3', { targets: targets({ target: 90 }) }).rag,
    'amber',
  );
  // Low is good: 3601/20000 = 18.005% shows 18.0: Green against 18 (raw would be Amber).
  const lower = handDef({ '2021-22-Q3': [3601, 20_000] }, { polarity: 'lower' });
  const r = result(lower, '2021-22-Q3', { targets: targets({ target: 18 }) });
  assert.equal(r.value, 18);
  assert.equal(r.rag, 'green');
  // 19.85% (397/2000) shows 19.9: Red against 18 + 1.8, though raw s = 1.85 and shown 19.9 agree here.
  assert.equal(
    result(handDef({ '2021-22-Q3': [397, 2000] }, { polarity: 'lower' }), '2021-22-Q3', {
      targets: targets({ target: 18 }),
    }).rag,
    'red',
  );
  // 3959/20000 = 19.795% shows 19.8: Amber (raw s = 1.795 is also within 1.8; rounding up to the edge stays Amber).
  assert.equal(
    result(handDef({ '2021-22-Q3': [3959, 20_000] }, { polarity: 'lower' }), '2021-22-Q3', {
      targets: targets({ target: 18 }),
    }).rag,
    'amber',
  );
});

// ---------------------------------------------------------------------------------------------------------
// report.md §3 Target column: "90% (±5)", "18% or lower (+5)".

test('§3 the target cell shows the tolerance the rating uses, not one rounded to a tenth', () => {
  const def = handDef({ '2021-22-Q3': [204, 1000] }, { polarity: 'lower' });
  // 22.7% target: tolerance 2.27 points. 25.0% (s = 2.3) is Red; a cell reading "(+2.3)" would say Amber.
  const r = result(def, '2021-22-Q3', { targets: targets({ target: 22.7 }) });
  assert.equal(r.tolerance, 2.27);
  assert.equal(targetCellText(r), '22.7% or lower (+2.27), local');
  const higher = result(handDef({}), '2021-22-Q3', { targets: targets({ target: 85.5 }) });
  assert.equal(targetCellText(higher), '85.5% (±8.55), local');
  // The dashboard's scorecard says the same.
  assert.equal(dashboardTargetText(r), '22.7% or lower (+2.27), local');
  // The report's own rating helper (its fixtures rate with it) agrees with the engine on that edge.
  assert.equal(rateAgainstTarget(25, 22.7, 2.27, 'lower'), 'red');
  assert.equal(rateAgainstTarget(24.9, 22.7, 2.27, 'lower'), 'amber');
  // Whole tolerances keep the spec's form.
  const t90 = result(handDef({}), '2021-22-Q3', {
    targets: targets({ target: 90, tolerance: 5, toleranceUnit: 'points' }),
  });
  assert.equal(targetCellText(t90), '90% (±5), local');
  assert.equal(
    targetCellText(
      result(handDef({}, { polarity: 'lower' }), '2021-22-Q3', { targets: targets({ target: 18 }) }),
    ),
    '18% or lower (+1.8), local',
  );
});

// ---------------------------------------------------------------------------------------------------------
// report.md §4 Wilson score interval, z = 1.96 (values worked with bc at 20 digits from the spec's formula, here to 15 significant digits).

const close = (a: number, b: number, what: string, eps = 1e-12) =>
  assert.ok(Math.abs(a - b) < eps, `${what}: ${a} ≉ ${b}`);

test('§4 Wilson with the spec’s z = 1.96, small n, by hand', () => {
  assert.equal(Z95, 1.96);
  const cases: [number, number, number, number][] = [
    [0, 1, 0, 0.793456708526107],
    [1, 2, 0.0945286548008661, 0.905471345199134],
    [1, 3, 0.0614903152761605, 0.792345044873512],
    [2, 3, 0.207654955126488, 0.938509684723839],
    [0, 5, 0, 0.434491494752081],
    [5, 5, 0.565508505247919, 1],
  ];
  for (const [x, n, lo, hi] of cases) {
    const w = wilson(x, n)!;
    close(w.lower, lo, `${x}/${n} lower`);
    close(w.upper, hi, `${x}/${n} upper`);
  }
});

test('§4 Wilson at 0/n and n/n: the formula gives exactly 0 and exactly 1 (not 2e-17 or 1 − 2e-16)', () => {
  for (let n = 1; n <= 60; n++) {
    assert.equal(wilson(0, n)!.lower, 0, `0/${n}`);
    assert.equal(wilson(n, n)!.upper, 1, `${n}/${n}`);
    // The interval is symmetric: l(x, n) = 1 − u(n − x, n).
    close(wilson(0, n)!.upper, 1 - wilson(n, n)!.lower, `symmetry ${n}`);
  }
});

test('§4 the published interval: one decimal, from the unrounded Wilson ends', () => {
  // 1/2: 9.452…% to 90.547…% → [9.5, 90.5]; 0/5: [0, 43.4]; 5/5: [56.6, 100].
  assert.deepEqual(result(handDef({ '2021-22-Q3': [1, 2] }), '2021-22-Q3').ci95, [9.5, 90.5]);
  assert.deepEqual(result(handDef({ '2021-22-Q3': [0, 5] }), '2021-22-Q3').ci95, [0, 43.4]);
  assert.deepEqual(result(handDef({ '2021-22-Q3': [5, 5] }), '2021-22-Q3').ci95, [56.6, 100]);
});

// ---------------------------------------------------------------------------------------------------------
// report.md §4 Direction of travel.

const fig = (n: number, d: number) => ({ value: roundedPercent(n, d), numerator: n, denominator: d });

test('§4 direction: a change just outside the Newcombe interval is judged, one just inside is not', () => {
  // 5/20 → 12/20: interval +4.4 to +57.8 points (by hand), excludes 0: Improved (high is good).
  const sig = newcombe(5, 20, 12, 20)!;
  close(sig.lower, 0.0444171862045115, 'lower 5/20→12/20');
  close(sig.upper, 0.577847859854297, 'upper 5/20→12/20');
  assert.equal(directionOfTravel('percent', 'higher', fig(5, 20), fig(12, 20)), 'improved');
  assert.equal(directionOfTravel('percent', 'lower', fig(5, 20), fig(12, 20)), 'worsened');
  // 5/20 → 11/20: −0.2 to +53.6 points, includes 0: no significant change, though the value rose 30 points.
  const not = newcombe(5, 20, 11, 20)!;
  close(not.lower, -0.00176443238088506, 'lower 5/20→11/20');
  assert.ok(includesZero(not));
  assert.equal(directionOfTravel('percent', 'higher', fig(5, 20), fig(11, 20)), 'no-significant-change');
  // From 0/10: to 4/10 (+3.8 to +68.7) is significant, to 3/10 (−3.8 to +60.3) is not.
  assert.equal(directionOfTravel('percent', 'lower', fig(0, 10), fig(4, 10)), 'worsened');
  assert.equal(directionOfTravel('percent', 'lower', fig(0, 10), fig(3, 10)), 'no-significant-change');
});

// Decided (report.md §4 "Display"): "No change" is the word of exact comparisons (counts, and figures without
// polarity); a proportion is always judged by its interval, so equal proportions read "No significant change".
test('§4 direction with equal values: proportions "No significant change", counts "No change"', () => {
  assert.equal(directionOfTravel('percent', 'higher', fig(160, 200), fig(80, 100)), 'no-significant-change');
  assert.equal(directionOfTravel('percent', 'lower', fig(0, 7), fig(0, 9)), 'no-significant-change');
  const c = (v: number) => ({ value: v, numerator: v, denominator: null });
  assert.equal(directionOfTravel('count', 'lower', c(271), c(271)), 'no-change');
  assert.equal(directionOfTravel('count', 'none', c(271), c(271)), 'no-change');
  // Counts exactly: one child either way is a movement.
  assert.equal(directionOfTravel('count', 'none', c(271), c(272)), 'up');
  assert.equal(directionOfTravel('count', 'none', c(271), c(270)), 'down');
  assert.equal(directionOfTravel('count', 'higher', c(271), c(272)), 'improved');
  // Through the engine and the scorecard: 80.0% then 80.0%.
  const def = handDef({ '2021-22-Q2': [160, 200], '2021-22-Q3': [80, 100] });
  const r = result(def, '2021-22-Q3');
  assert.equal(r.direction, 'no-significant-change');
  assert.equal(directionText(view(def, r)), '↔ No significant change');
});

test('§4 direction when the previous figure was "no eligible cases": none shown, and the cell says so', () => {
  const def = handDef({ '2021-22-Q3': [9, 10] }); // Q2: 0/0
  const r = result(def, '2021-22-Q3');
  assert.equal(r.previous?.status, 'no-eligible-cases');
  assert.equal(r.direction, null);
  assert.equal(comparisonText(r, r.previous, false, 5), 'No eligible cases');
  assert.equal(directionText(view(def, r)), '–');
});

test('§4 a count with a denominator of 0 (no child looked after): no direction, "No eligible cases" both sides', () => {
  // cic-missing's shape: a count with the children looked after as its denominator. In a quarter when no child
  // was looked after its 0 stays a figure (engine status ok, as cic-missing.audit.test.ts decided), but §4
  // shows no direction when a denominator is 0, and the scorecard reads "No eligible cases" in the current
  // cell (as it did) and now in the comparison cells too, where it showed "0".
  const def = handDef({ '2021-22-Q2': [0, 0], '2021-22-Q3': [2, 30] }, { unit: 'count', polarity: 'none' });
  const r = result(def, '2021-22-Q3');
  assert.equal(r.direction, null);
  assert.equal(comparisonText(r, r.previous, false, 5), 'No eligible cases');
  const empty = result(def, '2021-22-Q2');
  assert.equal(currentText(view(def, empty), 5), 'No eligible cases');
  assert.equal(empty.direction, null);
});

test('§4 comparator per indicator: same quarter last year for cic-count and assessments-45wd, else the previous quarter', () => {
  const lastYear = INDICATORS.filter((d) => d.directionComparator === 'last-year')
    .map((d) => d.id)
    .sort();
  assert.deepEqual(lastYear, ['assessments-45wd', 'cic-count']);
  // The engine takes the comparator the definition names: Q3 2021-22 against Q3 2020-21, or against Q2.
  const figures: Record<string, Fig> = {
    '2020-21-Q3': [10, 100], // 10.0%: significantly below 80%
    '2021-22-Q2': [79, 100], // 79.0%: not significantly different
    '2021-22-Q3': [80, 100],
  };
  const prev = result(handDef(figures), '2021-22-Q3');
  assert.equal(prev.direction, 'no-significant-change');
  const ly = handDef(figures, { directionComparator: 'last-year' });
  const rly = result(ly, '2021-22-Q3');
  assert.equal(rly.lastYear?.period, '2020-21-Q3');
  assert.equal(rly.direction, 'improved');
  assert.equal(directionText(view(ly, rly)), '↑ Improved ‡');
});

test('§4 comparisons across the financial-year boundary: Q1’s previous quarter is last year’s Q4', () => {
  const def = handDef({ '2020-21-Q1': [1, 4], '2020-21-Q4': [3, 4], '2021-22-Q1': [2, 4] });
  const r = result(def, '2021-22-Q1');
  assert.equal(r.previous?.period, '2020-21-Q4');
  assert.equal(r.previous?.value, 75);
  assert.equal(r.lastYear?.period, '2020-21-Q1');
  assert.equal(r.lastYear?.value, 25);
});

// ---------------------------------------------------------------------------------------------------------
// report.md §3 Trend: the last 8 quarters.

test('§3 trend: 8 quarters ending with the current one, across a financial-year boundary, each re-run', () => {
  const figures: Record<string, Fig> = {};
  const ids = [
    '2020-21-Q2',
    '2020-21-Q3',
    '2020-21-Q4',
    '2021-22-Q1',
    '2021-22-Q2',
    '2021-22-Q3',
    '2021-22-Q4',
    '2022-23-Q1',
  ];
  ids.forEach((id, i) => (figures[id] = [i + 1, 8]));
  figures['2020-21-Q1'] = [8, 8]; // a ninth quarter back: not in the trend
  const r = result(handDef(figures), '2022-23-Q1');
  assert.deepEqual(
    r.trend.map((t) => t.period),
    ids,
  );
  // i/8 in eighths: 12.5, 25.0, 37.5, 50.0, 62.5, 75.0, 87.5, 100.0 (exact halves stay as they are).
  assert.deepEqual(
    r.trend.map((t) => t.value),
    [12.5, 25, 37.5, 50, 62.5, 75, 87.5, 100],
  );
  assert.equal(r.trend[7]!.value, r.value);
  assert.deepEqual(r.trend[6], r.previous);
});

// ---------------------------------------------------------------------------------------------------------
// indicators.md §1.1 annual basis; report.md §3 "Reported annually (2020-21: 88.0%)"; §4 no direction.

test('annual-only between year ends: not rated, no direction, the last outturn shown; computed at Q4', () => {
  const def = handDef(
    // The annual window of Q4 and of the year is the same (1 April to 31 March): the same figure.
    { '2020-21': [88, 100], '2020-21-Q4': [88, 100], '2021-22-Q4': [90, 100], '2021-22-Q3': [1, 100] },
    { basis: 'annual', bases: ['annual'] },
  );
  for (const q of ['2021-22-Q1', '2021-22-Q2', '2021-22-Q3']) {
    const r = result(def, q);
    assert.equal(r.status, 'annual-only', q);
    assert.equal(r.value, null, q);
    assert.equal(r.rag, null, q);
    assert.equal(r.direction, null, q);
    assert.equal(r.extra['lastOutturn'], 88, q);
    assert.equal(currentText(view(def, r), 5), 'Reported annually (2020-21: 88.0%)', q);
    assert.equal(ragText(view(def, r)).text, '– Not rated (reported annually)', q);
  }
  const q4 = result(def, '2021-22-Q4');
  assert.equal(q4.status, 'ok');
  assert.equal(q4.value, 90);
  assert.equal(q4.rag, 'green');
  assert.equal(q4.direction, null); // §4: no direction for annual indicators
  assert.equal(q4.previous?.status, 'annual-only'); // Q3 is between year ends
  assert.equal(comparisonText(q4, q4.previous, false, 5), 'Reported annually');
  assert.equal(q4.lastYear?.value, 88);
});

// ---------------------------------------------------------------------------------------------------------
// indicators.md §1.1/§1.8 as-at: provisional when e > asAt (not when e = asAt); the figure is still rated.

test('§1.8 provisional: e after the as-at date, not on it; a provisional figure is still rated', () => {
  const def = handDef({ '2021-22-Q3': [9, 10] });
  const at = (asAt: string) =>
    result(def, '2021-22-Q3', {
      input: buildIndicatorInput({ ...data, asAt: { cin: isoDate(asAt), ssda903: null, local: {} } }),
    });
  assert.ok(!at('2021-12-31').notes.some((n) => n.code === 'provisional'));
  const p = at('2021-12-30');
  assert.ok(p.notes.some((n) => n.code === 'provisional'));
  assert.equal(p.rag, 'green');
});
