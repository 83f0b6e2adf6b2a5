import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { DARLINGTON_FIGURES } from '../fixtures/darlington-q3-2021-22.js';
import { makeResult } from '../fixtures/make-result.js';
import {
  DEFAULT_SUPPRESSION,
  isSmall,
  percentSuppressed,
  planSuppression,
  secondarySuppression,
} from './suppression.js';

const entry = (id: string) => FAKE_CATALOGUE.find((e) => e.id === id)!;

test('counts from 1 to k are small; zero is shown', () => {
  assert.equal(isSmall(0, 5), false);
  assert.equal(isSmall(1, 5), true);
  assert.equal(isSmall(5, 5), true);
  assert.equal(isSmall(6, 5), false);
});

test('a percentage is suppressed when x, n or n − x is between 1 and k', () => {
  assert.equal(percentSuppressed(3, 40, DEFAULT_SUPPRESSION), true);
  assert.equal(percentSuppressed(30, 5, DEFAULT_SUPPRESSION), true);
  assert.equal(percentSuppressed(35, 38, DEFAULT_SUPPRESSION), true, 'n − x = 3');
  assert.equal(percentSuppressed(35, 38, { k: 5, complement: false }), false, 'complement rule off');
  assert.equal(percentSuppressed(0, 41, DEFAULT_SUPPRESSION), false, '0 of 41 is shown');
  assert.equal(percentSuppressed(118, 118, DEFAULT_SUPPRESSION), false, 'n − x = 0 is shown');
});

test('a lone suppressed cell forces the next smallest non-zero cell to be suppressed', () => {
  assert.deepEqual(secondarySuppression([20, 3, 40, 9, 0], [false, true, false, false, false]), [
    false,
    true,
    false,
    true,
    false,
  ]);
  // Two suppressed cells already protect each other.
  assert.deepEqual(secondarySuppression([20, 3, 4, 9], [false, true, true, false]), [
    false,
    true,
    true,
    false,
  ]);
});

test('secondary suppression: whatever the cells, no suppressed cell can be recovered from the total', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 12 }), (counts) => {
      const primary = counts.map((c) => isSmall(c, 5));
      const out = secondarySuppression(counts, primary);
      const hidden = out.filter(Boolean).length;
      // Never exactly one hidden cell (it would equal total minus the shown cells), unless nothing else exists.
      return hidden !== 1 || counts.length === 1;
    }),
  );
});

test('Darlington in public: ICPC 35/38 and reviews 186/189 show as small numbers', () => {
  const icpc = makeResult(entry('icpc-15wd'), '2021-22-Q3', DARLINGTON_FIGURES['icpc-15wd']!);
  assert.equal(planSuppression(icpc, DEFAULT_SUPPRESSION).headline, true);
  const re = makeResult(
    entry('referrals-rereferral-12m'),
    '2021-22-Q3',
    DARLINGTON_FIGURES['referrals-rereferral-12m']!,
  );
  assert.equal(planSuppression(re, DEFAULT_SUPPRESSION).headline, false);
});

test('referrals by source: housing 4 and other legal agency 3 are suppressed; with only one small cell the next smallest goes too', () => {
  const src = makeResult(
    entry('referrals-by-source'),
    '2021-22-Q3',
    DARLINGTON_FIGURES['referrals-by-source']!,
  );
  const plan = planSuppression(src, DEFAULT_SUPPRESSION);
  const hidden = src.breakdowns['source']!.filter((_, i) => plan.breakdowns['source']![i]).map((r) => r.key);
  assert.deepEqual(hidden, ['4', '7']);
  const one = makeResult(entry('referrals-by-source'), '2021-22-Q3', {
    current: [54, 100],
    breakdowns: {
      source: [
        { key: '2A', label: 'Schools (2A)', numerator: 54, denominator: 100, value: 54 },
        { key: '6', label: 'Police (6)', numerator: 34, denominator: 100, value: 34 },
        { key: '4', label: 'Housing (4)', numerator: 3, denominator: 100, value: 3 },
        { key: '8', label: 'Other (8)', numerator: 9, denominator: 100, value: 9 },
      ],
    },
  });
  assert.deepEqual(planSuppression(one, DEFAULT_SUPPRESSION).breakdowns['source'], [
    false,
    false,
    true,
    true,
  ]);
});

test('missing episodes: children still missing (2) and children away (5) are suppressed, episodes (71) are not', () => {
  const m = makeResult(entry('cic-missing'), '2021-22-Q3', DARLINGTON_FIGURES['cic-missing']!);
  const plan = planSuppression(m, DEFAULT_SUPPRESSION);
  assert.equal(plan.headline, false);
  assert.equal(plan.extra['stillMissing'], true);
  assert.equal(plan.extra['awayChildren'], true);
  assert.equal(plan.extra['episodes'], false);
  assert.equal(plan.extra['awayStillAway'], false, 'zero is shown');
});
