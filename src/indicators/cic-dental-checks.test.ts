import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import type { LaDataset } from '../model/la-dataset.js';
import { cicDentalChecks as indicator } from './cic-dental-checks.js';
import { ctxOf, dataset, healthCheck, inputOf, oc2 } from './lib/chain-test-fixtures.js';

/** C1 in care from `start` (open unless `end`), with dental checks on `checks`. */
function data(
  start: string,
  checks: string[],
  end: string | null = null,
  more: Partial<LaDataset> = {},
): LaDataset {
  return dataset(['episodes', 'cla-health'], {
    episodes: [ep({ id: 'E1', childId: 'C1', decom: start, dec: end, rec: end ? 'E11' : null })],
    healthChecks: checks.map((c, i) => healthCheck(`D${i}`, 'C1', 'DENTAL', c)),
    ...more,
  });
}

test('a check within 12 months of the start meets the due; the next is due 12 months after the check', () => {
  const r = indicator.compute(inputOf(data('2021-01-04', ['2021-11-01'])), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(r.numerator, 1);
  assert.equal(r.denominator, 1);
  assert.deepEqual(r.members[0]!.dates, {
    periodStart: '2021-01-04',
    anchor: '2021-01-04',
    due: '2022-01-04',
    event: '2021-11-01',
  });
  // Due 2022-11-01 (2022-23 Q3), missed with no check.
  const next = indicator.compute(inputOf(data('2021-01-04', ['2021-11-01'])), ctxOf('2022-23-Q3', 'ytd'));
  assert.equal(next.members[0]!.dates['due'], '2022-11-01');
  assert.equal(next.numerator, 0);
  assert.equal(next.members[0]!.reason, 'dental check due 01/11/2022 missed; none completed by period end');
});

test('completed by period end (default) counts a late check; dental.completion = onTime does not', () => {
  const late = data('2021-01-04', ['2022-02-10']);
  const byEnd = indicator.compute(inputOf(late), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(byEnd.numerator, 1);
  assert.equal(byEnd.members[0]!.reason, '1 dental check due; all completed by period end');
  const onTime = indicator.compute(
    inputOf(late),
    ctxOf('2021-22-Q4', 'ytd', { 'dental.completion': 'onTime' }),
  );
  assert.equal(onTime.numerator, 0);
  assert.deepEqual(
    onTime.notes.map((n) => n.code),
    ['variant'],
  );
  // The check after e = 2021-12-31 does not count at Q3, and the due (2022-01-04) is not yet in the window.
  assert.equal(indicator.compute(inputOf(late), ctxOf('2021-22-Q3', 'ytd')).denominator, 0);
});

test('exactly 12 months: in care from 2021-03-31 is due 2022-03-31 (in 2021-22); from 2021-04-01 is not', () => {
  assert.equal(indicator.compute(inputOf(data('2021-03-31', [])), ctxOf('2021-22-Q4', 'ytd')).denominator, 1);
  assert.equal(indicator.compute(inputOf(data('2021-04-01', [])), ctxOf('2021-22-Q4', 'ytd')).denominator, 0);
  // Leap day: in care from 2020-02-29, due 2021-02-28.
  const leap = indicator.compute(inputOf(data('2020-02-29', [])), ctxOf('2020-21-Q4', 'ytd'));
  assert.equal(leap.members[0]!.dates['due'], '2021-02-28');
});

test('a due on the day the period of care ends is not counted', () => {
  assert.equal(
    indicator.compute(inputOf(data('2021-01-04', [], '2022-01-04')), ctxOf('2021-22-Q4', 'ytd')).denominator,
    0,
  );
  assert.equal(
    indicator.compute(inputOf(data('2021-01-04', [], '2022-01-05')), ctxOf('2021-22-Q4', 'ytd')).denominator,
    1,
  );
});

test('dues after the as-at date are not counted (provisional)', () => {
  const d = data('2021-01-04', [], null, {
    asAt: { cin: null, ssda903: isoDate('2022-03-31'), local: { 'cla-health': isoDate('2021-12-31') } },
  });
  const r = indicator.compute(inputOf(d), ctxOf('2021-22-Q4', 'ytd'));
  assert.equal(r.denominator, 0);
  assert.deepEqual(
    r.notes.map((n) => n.code),
    ['provisional'],
  );
});

test('dental.cohort = oc2 uses TEETH_CHECK at the year end', () => {
  const d = data('2020-06-01', [], null, {
    tables: new Set(['episodes', 'oc2']),
    oc2: [oc2('C1', '2021-22', true, false)],
  });
  const r = indicator.compute(inputOf(d), ctxOf('2021-22-Q4', 'ytd', { 'dental.cohort': 'oc2' }));
  assert.equal(r.denominator, 1);
  assert.equal(r.numerator, 0);
  assert.equal(r.members[0]!.reason, 'OC2 TEETH_CHECK = 0');
});

test('not available without cla_health', () => {
  assert.equal(
    indicator.compute(inputOf(dataset(['episodes'])), ctxOf('2021-22-Q4', 'ytd')).status,
    'not-available',
  );
});

test('the OC2 variant needs no cla_health file, and says when OC2 is missing', () => {
  const d = data('2020-06-01', [], null, {
    tables: new Set(['episodes', 'oc2']),
    oc2: [oc2('C1', '2021-22', true, true)],
  });
  assert.equal(indicator.sources.includes('cla-health'), false);
  const r = indicator.compute(inputOf(d), ctxOf('2021-22-Q4', 'ytd', { 'dental.cohort': 'oc2' }));
  assert.equal(r.numerator, 1);
  const none = data('2020-06-01', [], null, { tables: new Set(['episodes']) });
  const na = indicator.compute(inputOf(none), ctxOf('2021-22-Q4', 'ytd', { 'dental.cohort': 'oc2' }));
  assert.equal(na.status, 'not-available');
  assert.deepEqual(na.missing, ['the SSDA903 oc2 table']);
});
