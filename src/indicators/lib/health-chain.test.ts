import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../settings.js';
import type { IndicatorDefinition, IndicatorSettings } from '../types.js';
import { episodeFixture as ep } from '../../model/episode-fixture.js';
import { cicDentalChecks } from '../cic-dental-checks.js';
import { cicHealthAssessments } from '../cic-health-assessments.js';
import { ctxOf, dataset, healthCheck, inputOf } from './chain-test-fixtures.js';
import { completionRule } from './health-chain.js';

const under = (value?: string | boolean): IndicatorSettings => ({
  ...DEFAULT_SETTINGS,
  variants: value === undefined ? {} : { 'x.completion': value },
});

test('a health-check measure runs under its default completion rule unless the setting names the other one exactly', () => {
  assert.equal(completionRule(under(undefined), 'x.completion', 'onTime'), 'onTime');
  assert.equal(completionRule(under('byPeriodEnd'), 'x.completion', 'onTime'), 'byPeriodEnd');
  assert.equal(completionRule(under('onTime'), 'x.completion', 'onTime'), 'onTime');
  assert.equal(completionRule(under('byperiodend'), 'x.completion', 'onTime'), 'onTime');
  assert.equal(completionRule(under(true), 'x.completion', 'onTime'), 'onTime');

  assert.equal(completionRule(under(undefined), 'x.completion', 'byPeriodEnd'), 'byPeriodEnd');
  assert.equal(completionRule(under('onTime'), 'x.completion', 'byPeriodEnd'), 'onTime');
  assert.equal(completionRule(under('late'), 'x.completion', 'byPeriodEnd'), 'byPeriodEnd');
});

test('a health-check figure under the other completion rule than its default is noted variant, naming the rule', () => {
  const data = dataset(['episodes', 'cla-health'], {
    episodes: [ep({ id: 'E1', childId: 'C1', decom: '2021-01-04', dec: null, rec: null })],
    healthChecks: [
      healthCheck('H1', 'C1', 'IHA', '2021-01-20'),
      healthCheck('D1', 'C1', 'DENTAL', '2021-11-01'),
    ],
  });
  const variantNotes = (indicator: IndicatorDefinition, variants: IndicatorSettings['variants']) => {
    const r = indicator.compute(inputOf(data), ctxOf('2021-22-Q4', 'ytd', variants));
    assert.equal(r.status, 'ok');
    return r.notes.filter((n) => n.code === 'variant').map((n) => n.detail);
  };
  assert.deepEqual(variantNotes(cicDentalChecks, {}), []);
  assert.deepEqual(variantNotes(cicDentalChecks, { 'dental.completion': 'byPeriodEnd' }), []);
  assert.deepEqual(variantNotes(cicDentalChecks, { 'dental.completion': 'onTime' }), ['completed on time']);
  assert.deepEqual(variantNotes(cicHealthAssessments, {}), []);
  assert.deepEqual(variantNotes(cicHealthAssessments, { 'health.completion': 'onTime' }), []);
  assert.deepEqual(variantNotes(cicHealthAssessments, { 'health.completion': 'byPeriodEnd' }), [
    'completed by period end',
  ]);
});
