import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod } from '../../calendar/period.js';
import { buildIndicatorInput } from '../input.js';
import { INDICATORS } from '../registry.js';
import type { Computation, ComputeContext, IndicatorDefinition, IndicatorInput } from '../types.js';
import { computeReport, headlineFigures } from './compute-report.js';
import { SNAPSHOT_DATASETS } from './snapshot-datasets.js';
import { displayValue } from './indicator-value.js';
import { headlineBasis, runIndicator } from './run-indicator.js';

// Headline-only runs (ComputeContext.breakdowns false: headlineFigures, the hub's figures-only results,
// comparison and trend periods) on the imported `cspi synth` LA of the figures snapshot: the same figures as
// a full run, and no breakdowns built.

const synth = SNAPSHOT_DATASETS.find((d) => d.name === 'synth-841')!;
const input: IndicatorInput = buildIndicatorInput(synth.data());
const CASES = synth.cases;
const def = (id: string): IndicatorDefinition => INDICATORS.find((d) => d.id === id)!;

/** The headline of a computation: everything but its member list and breakdowns. */
function headline(c: Computation) {
  return {
    status: c.status,
    numerator: c.numerator,
    denominator: c.denominator,
    notes: c.notes,
    extra: c.extra,
  };
}

/** Indicators whose own compute honours `breakdowns: false` (asserted on the compute's result, not the engine's). */
const HONOURING = [
  'cic-count',
  'care-leavers-neet',
  'care-leavers-suitable-accommodation',
  'cic-missing',
  'cic-placements-3plus',
];

for (const id of HONOURING) {
  describe(`${id}: headline-only compute`, () => {
    for (const c of CASES) {
      const period = parsePeriod(c.period);
      const ctx: ComputeContext = { period, basis: headlineBasis(def(id), c.settings), settings: c.settings };
      const full = def(id).compute(input, ctx);

      test(`${c.name}: the same headline as the full run, with no breakdowns and no members`, () => {
        assert.equal(full.status, 'ok', 'the synthetic LA gives this indicator a figure');
        assert.ok(full.members.length > 0, 'the full run has children to break down');
        assert.ok(Object.keys(full.breakdowns ?? {}).length > 0, 'the full run has breakdowns');
        const only = def(id).compute(input, { ...ctx, members: false, breakdowns: false });
        assert.deepEqual(headline(only), headline(full));
        assert.equal(only.breakdowns, undefined);
        assert.deepEqual(only.members, []);
      });

      test(`${c.name}: with members but no breakdowns, the same members as the full run`, () => {
        const only = def(id).compute(input, { ...ctx, breakdowns: false });
        assert.deepEqual(headline(only), headline(full));
        assert.deepEqual(only.members, full.members);
        assert.equal(only.breakdowns, undefined);
      });

      test(`${c.name}: members left out but breakdowns wanted (Appendix B's runs) keeps the own breakdowns`, () => {
        const figures = def(id).compute(input, { ...ctx, members: false });
        assert.deepEqual(headline(figures), headline(full));
        const own = Object.keys(full.breakdowns!).filter((k) => !['ageBand', 'sex', 'ethnicity'].includes(k));
        for (const k of own) assert.deepEqual(figures.breakdowns?.[k], full.breakdowns![k], k);
      });
    }
  });
}

describe('the engine: headline-only runs of every indicator', () => {
  for (const c of CASES) {
    test(`${c.name}: same status, figures, notes and extra as the full run; no breakdowns`, () => {
      const period = parsePeriod(c.period);
      for (const d of INDICATORS) {
        const basis = headlineBasis(d, c.settings);
        const full = runIndicator(d, input, period, basis, c.settings);
        const only = runIndicator(d, input, period, basis, c.settings, { members: false, breakdowns: false });
        assert.deepEqual(
          { ...headline(only), engineStatus: only.engineStatus, value: displayValue(d, only) },
          { ...headline(full), engineStatus: full.engineStatus, value: displayValue(d, full) },
          d.id,
        );
        assert.deepEqual(only.breakdowns, {}, d.id);
        assert.deepEqual(only.members, [], d.id);
      }
    });

    test(`${c.name}: headlineFigures and the figures-only report give the full report's headline figures`, () => {
      const req = {
        input,
        period: parsePeriod(c.period),
        settings: c.settings,
        targets: null,
        dataset: { id: 'synth-841', hash: 'h', asAt: null },
      };
      const full = computeReport(req, INDICATORS).indicators;
      const figuresOnly = computeReport({ ...req, figuresOnly: true }, INDICATORS).indicators;
      const pick = (r: {
        id: string;
        value: number | null;
        numerator: number | null;
        denominator: number | null;
      }) => ({
        id: r.id,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
      });
      assert.deepEqual(headlineFigures(req, INDICATORS), full.map(pick));
      assert.deepEqual(figuresOnly.map(pick), full.map(pick));
      assert.deepEqual(
        figuresOnly.map((r) => [
          r.id,
          r.status,
          r.notes,
          r.extra,
          r.previous,
          r.lastYear,
          r.rag,
          r.direction,
        ]),
        full.map((r) => [r.id, r.status, r.notes, r.extra, r.previous, r.lastYear, r.rag, r.direction]),
      );
      for (const r of figuresOnly) assert.deepEqual(r.breakdowns, {}, r.id);
    });
  }
});
