import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import { parsePeriod } from '../../calendar/period.js';
import { episodeFixture as ep } from '../../model/episode-fixture.js';
import { runIndicator } from '../engine/run-indicator.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { cpVisits10wd } from '../cp-visits-10wd.js';
import { cicReviewsInTime } from '../cic-reviews-in-time.js';
import { cicVisitsInTime } from '../cic-visits-in-time.js';
import { cicHealthAssessments } from '../cic-health-assessments.js';
import { cicDentalChecks } from '../cic-dental-checks.js';
import { cpPlan, dataset, healthCheck, inputOf, review, visit } from './chain-test-fixtures.js';

const ALL = [cpVisits10wd, cicReviewsInTime, cicVisitsInTime, cicHealthAssessments, cicDentalChecks];

test('the five due-chain indicators run through the engine: ids, metadata and statuses', () => {
  assert.deepEqual(
    ALL.map((d) => d.id),
    [
      'cp-visits-10wd',
      'cic-reviews-in-time',
      'cic-visits-in-time',
      'cic-health-assessments',
      'cic-dental-checks',
    ],
  );
  for (const def of ALL) {
    assert.ok(def.bases.includes(def.basis), def.id);
    assert.equal(def.unit, 'percent');
    assert.equal(def.polarity, 'higher');
    assert.equal(def.target?.value, 90);
    assert.ok(def.narrative.subject.startsWith('of '), def.id);
  }
  const data = dataset(['cp-plans', 'cp-visits', 'episodes', 'reviews', 'cla-visits', 'cla-health'], {
    asAt: {
      cin: isoDate('2023-03-31'),
      ssda903: isoDate('2023-03-31'),
      local: {
        'cp-visits': isoDate('2023-03-31'),
        'cla-visits': isoDate('2023-03-31'),
        'cla-health': isoDate('2023-03-31'),
      },
    },
    cpPlans: [cpPlan('P1', 'C1', '2022-12-15', '2023-01-25')],
    cpVisits: [visit('V1', 'C1', '2023-01-04'), visit('V2', 'C1', '2023-01-18')],
    episodes: [ep({ id: 'E1', childId: 'C2', decom: '2021-05-27' })],
    cicReviews: [review('R1', 'C2', '2021-06-20')],
    claVisits: [visit('CV1', 'C2', '2021-06-03')],
    healthChecks: [
      healthCheck('H1', 'C2', 'IHA', '2021-06-10'),
      healthCheck('D1', 'C2', 'DENTAL', '2022-05-01'),
    ],
  });
  const input = inputOf(data);
  const q4 = parsePeriod('2022-23-Q4');
  const cp = runIndicator(cpVisits10wd, input, q4, 'in-period', DEFAULT_SETTINGS);
  assert.deepEqual([cp.engineStatus, cp.numerator, cp.denominator], ['ok', 1, 2]);
  for (const def of ALL) {
    const r = runIndicator(def, input, q4, def.basis, DEFAULT_SETTINGS);
    assert.ok(r.engineStatus === 'ok' || r.engineStatus === 'no-eligible-cases', def.id);
    assert.equal(r.members.filter((m) => m.inNumerator).length, r.numerator, def.id);
    assert.equal(r.members.length, r.denominator, def.id);
  }
  // After the as-at date: provisional, once.
  const later = runIndicator(cpVisits10wd, input, parsePeriod('2023-24-Q1'), 'in-period', DEFAULT_SETTINGS);
  assert.equal(later.notes.filter((n) => n.code === 'provisional').length, 1);
});
