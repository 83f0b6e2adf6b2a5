import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import type { LaDataset } from '../model/la-dataset.js';
import { cicHealthAssessments as indicator, healthAssessmentDue } from './cic-health-assessments.js';
import { child, ctxOf, dataset, healthCheck, inputOf, oc2, uasc } from './lib/chain-test-fixtures.js';

const d = isoDate;

test('the timetable: IHA after 20 working days, reviews every 6 months under 5 at the anchor, else 12', () => {
  assert.equal(
    healthAssessmentDue(d('2016-07-01'), 'elapsed')(d('2021-01-04'), 1),
    addWorkingDays(d('2021-01-04'), 20),
  );
  assert.equal(healthAssessmentDue(d('2016-07-01'), 'elapsed')(d('2021-06-30'), 2), '2021-12-30');
  assert.equal(healthAssessmentDue(d('2016-07-01'), 'elapsed')(d('2021-07-01'), 2), '2022-07-01');
  assert.equal(healthAssessmentDue(null, 'elapsed')(d('2021-06-30'), 3), '2022-06-30');
  assert.equal(healthAssessmentDue(d('2016-07-01'), 'elapsed')(d('2021-08-31'), 2), '2022-08-31');
});

/** C1 (born 2015-01-01) in care from Mon 2021-01-04; IHA 2021-01-20, so the review is due 2022-01-20. */
function base(rha: string | null, more: Partial<LaDataset> = {}): LaDataset {
  return dataset(['episodes', 'cla-health', 'header'], {
    children: [child('C1', '2015-01-01')],
    episodes: [ep({ id: 'E1', childId: 'C1', decom: '2021-01-04' })],
    healthChecks: [
      healthCheck('H1', 'C1', 'IHA', '2021-01-20'),
      ...(rha === null ? [] : [healthCheck('H2', 'C1', 'RHA', rha)]),
    ],
    ...more,
  });
}

test('a review completed before its due date: 1/1 year to date at Q4', () => {
  const r = indicator.compute(inputOf(base('2022-01-15')), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(r.numerator, 1);
  assert.equal(r.denominator, 1);
  assert.deepEqual(r.members[0]!.dates, {
    periodStart: '2021-01-04',
    anchor: '2021-01-20',
    due: '2022-01-20',
    event: '2022-01-15',
  });
  assert.equal(r.members[0]!.reason, '1 review health assessment due; all on time');
  assert.deepEqual(r.members[0]!.recordIds, ['E1', 'H2']);
});

test('the initial assessment anchors the chain but is not counted', () => {
  // In care from 2021-06-01: the IHA falls due in 2021-22 but no review does.
  const data = base(null, {
    episodes: [ep({ id: 'E1', childId: 'C1', decom: '2021-06-01' })],
    healthChecks: [],
  });
  const r = indicator.compute(inputOf(data), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(r.status, 'ok');
  assert.equal(r.denominator, 0);
  // No review due by Q3 for C1 either: zero denominator.
  assert.equal(indicator.compute(inputOf(base('2022-01-15')), ctxOf('2021-22-Q3', 'ytd')).denominator, 0);
});

test('a late review fails on time; health.completion = byPeriodEnd counts it when done by e', () => {
  const late = base('2022-02-01');
  const onTime = indicator.compute(inputOf(late), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(onTime.numerator, 0);
  assert.equal(onTime.denominator, 1);
  assert.equal(
    onTime.members[0]!.reason,
    'review health assessment due 20/01/2022 missed; completed 01/02/2022',
  );
  const byEnd = indicator.compute(
    inputOf(late),
    ctxOf('2021-22-Q4', 'ytd', { 'health.completion': 'byPeriodEnd' }),
  );
  assert.equal(byEnd.numerator, 1);
  assert.equal(byEnd.members[0]!.reason, '1 review health assessment due; all completed by period end');
  assert.ok(byEnd.notes.some((n) => n.code === 'variant'));
  // Completed after the period end: not by period end.
  const after = indicator.compute(
    inputOf(base('2022-04-02')),
    ctxOf('2021-22-Q4', 'ytd', { 'health.completion': 'byPeriodEnd' }),
  );
  assert.equal(after.numerator, 0);
});

test('under 5 reviews every 6 months; the child counts once and needs every due met', () => {
  const data = (second: string) =>
    base(null, {
      children: [child('C1', '2019-06-01')],
      healthChecks: [
        healthCheck('H1', 'C1', 'IHA', '2021-01-20'),
        healthCheck('H2', 'C1', 'RHA', '2021-07-20'),
        healthCheck('H3', 'C1', 'RHA', second),
        healthCheck('H4', 'C1', 'RHA', '2021-12-01', 'declined'),
      ],
    });
  const ok = indicator.compute(inputOf(data('2022-01-10')), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(ok.denominator, 1);
  assert.equal(ok.numerator, 1);
  assert.equal(ok.members[0]!.reason, '2 review health assessments due; all on time');
  // The declined check is no check: the 2022-01-20 due is missed.
  const missed = indicator.compute(inputOf(data('2022-01-21')), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(missed.numerator, 0);
  assert.equal(missed.members[0]!.dates['due'], '2022-01-20');
});

test('no date of birth: treated as 5 or over (noDob); excludeUasc removes a UASC child at e', () => {
  const noDob = base('2022-01-15', { children: [child('C1', null)] });
  const r = indicator.compute(inputOf(noDob), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(r.denominator, 1);
  assert.deepEqual(
    r.notes.map((n) => n.code),
    ['noDob'],
  );
  const u = base('2022-01-15', { uasc: [uasc('C1', null)] });
  const excl = indicator.compute(inputOf(u), ctxOf('2021-22-Q4', 'ytd', {}, { excludeUasc: true }));
  assert.equal(excl.denominator, 0);
  assert.equal(excl.notes[0]!.code, 'excludeUasc');
});

test('health.cohort = oc2: children looked after 12 months at 31 March, HEALTH_CHECK = 1; annual only', () => {
  const data = base(null, {
    tables: new Set(['episodes', 'oc2']),
    episodes: [
      ep({ id: 'E1', childId: 'C1', decom: '2021-03-31' }),
      ep({ id: 'E2', childId: 'C2', decom: '2021-04-01' }),
      ep({ id: 'E3', childId: 'C3', decom: '2020-01-01' }),
    ],
    oc2: [
      oc2('C1', '2021-22', true, false),
      oc2('C2', '2021-22', true, true),
      oc2('C3', '2020-21', true, true),
    ],
  });
  const v = { 'health.cohort': 'oc2' };
  const r = indicator.compute(inputOf(data), ctxOf('2021-22', 'ytd', v));
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['C1', true],
      ['C3', false],
    ],
  );
  assert.ok(r.notes.some((n) => n.code === 'oc2Missing' && n.count === 1));
  const q3 = indicator.compute(inputOf(data), ctxOf('2021-22-Q3', 'ytd', v));
  assert.equal(q3.status, 'annual-only');
  assert.deepEqual(q3.notes, [{ code: 'reportedAnnually' }]);
});

test('not available without cla_health', () => {
  const r = indicator.compute(inputOf(dataset(['episodes'])), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(r.status, 'not-available');
  assert.deepEqual(r.missing, ['cla_health.csv']);
});
