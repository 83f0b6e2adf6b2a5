import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, isoDate } from '../calendar/iso-date.js';
import { cpVisits10wd as indicator } from './cp-visits-10wd.js';
import { definitionTextUnder } from './definition-under.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { cpPlan, ctxOf, dataset, inputOf, visit } from './lib/chain-test-fixtures.js';
import type { LaDataset } from '../model/la-dataset.js';

/** indicators.md E6: CP plan Thu 2022-12-15 to Wed 2023-01-25; seen on 4 and 18 January 2023. */
function e6(more: Partial<LaDataset> = {}): LaDataset {
  return dataset(['cp-plans', 'cp-visits'], {
    cpPlans: [cpPlan('P1', 'C1', '2022-12-15', '2023-01-25')],
    cpVisits: [visit('V1', 'C1', '2023-01-04'), visit('V2', 'C1', '2023-01-18')],
    ...more,
  });
}

test('E6, N = 10: D1 03/01/2023 missed and restarted by the 4 Jan visit, D2 18/01/2023 met → 1/2 in 2022-23-Q4', () => {
  const r = indicator.compute(inputOf(e6()), ctxOf('2022-23-Q4', 'in-period'));
  assert.equal(r.status, 'ok');
  assert.equal(r.numerator, 1);
  assert.equal(r.denominator, 2);
  assert.deepEqual(
    r.members.map((m) => [m.dates['due'], m.dates['anchor'], m.dates['event'], m.inNumerator, m.reason]),
    [
      ['2023-01-03', '2022-12-15', '2023-01-04', false, 'visit due 03/01/2023 missed; seen 04/01/2023'],
      ['2023-01-18', '2023-01-04', '2023-01-18', true, 'visit due 18/01/2023 met; seen 18/01/2023'],
    ],
  );
  assert.deepEqual(r.members[0]!.recordIds, ['P1', 'V1']);
  assert.deepEqual(r.notes, []);
});

test('E6, N = 15 (cpVisits.interval): D1 10/01/2023 is met by the 4 January visit; D2 on the plan end is not counted', () => {
  const r = indicator.compute(inputOf(e6()), ctxOf('2022-23-Q4', 'in-period', { 'cpVisits.interval': 15 }));
  assert.equal(r.numerator, 1);
  assert.equal(r.denominator, 1);
  assert.equal(r.members[0]!.dates['due'], '2023-01-10');
  assert.deepEqual(
    r.notes.map((n) => n.code),
    ['variant'],
  );
});

test('each due counts in the period containing it: none fall in Q3, both in the year to date', () => {
  const q3 = indicator.compute(inputOf(e6()), ctxOf('2022-23-Q3', 'in-period'));
  assert.equal(q3.denominator, 0);
  assert.equal(q3.numerator, 0);
  const ytd = indicator.compute(inputOf(e6()), ctxOf('2022-23-Q4', 'ytd'));
  assert.equal(ytd.denominator, 2);
});

test('inclusive working days count the plan start day: D1 = Fri 2022-12-30', () => {
  const r = indicator.compute(
    inputOf(e6()),
    ctxOf('2022-23-Q3', 'in-period', {}, { workingDays: 'inclusive' }),
  );
  assert.deepEqual(
    r.members.map((m) => [m.dates['due'], m.inNumerator]),
    [['2022-12-30', false]],
  );
});

test('a visit where the child was not seen is no visit; cpVisits.seenAlone needs seen alone', () => {
  const notSeen = e6({
    cpVisits: [visit('V1', 'C1', '2023-01-04', { childSeen: false }), visit('V2', 'C1', '2023-01-18')],
  });
  const r = indicator.compute(inputOf(notSeen), ctxOf('2022-23-Q4', 'in-period'));
  // D1 missed with no restart (a = D1), D2 = addwd(2023-01-03, 10) = 2023-01-17 missed, the 18 Jan visit restarts.
  assert.deepEqual(
    r.members.map((m) => [m.dates['due'], m.inNumerator]),
    [
      ['2023-01-03', false],
      ['2023-01-17', false],
    ],
  );
  const notAlone = e6({
    cpVisits: [visit('V1', 'C1', '2023-01-04', { seenAlone: false }), visit('V2', 'C1', '2023-01-18')],
  });
  const alone = indicator.compute(
    inputOf(notAlone),
    ctxOf('2022-23-Q4', 'in-period', { 'cpVisits.seenAlone': true }),
  );
  assert.equal(alone.numerator, 0);
  assert.equal(indicator.compute(inputOf(notAlone), ctxOf('2022-23-Q4', 'in-period')).numerator, 1);
});

test('a plan open across the period end counts only dues up to the period end (Easter 2023 not reached)', () => {
  const data = dataset(['cp-plans', 'cp-visits'], {
    cpPlans: [cpPlan('P1', 'C1', '2023-03-01', null)],
    cpVisits: [visit('V1', 'C1', '2023-03-10'), visit('V2', 'C1', '2023-03-24')],
  });
  const r = indicator.compute(inputOf(data), ctxOf('2022-23-Q4', 'in-period'));
  assert.deepEqual(
    r.members.map((m) => [m.dates['due'], m.inNumerator]),
    [
      ['2023-03-15', true],
      ['2023-03-24', true],
    ],
  );
  // The next due, addwd(2023-03-24, 10) = 2023-04-11 (Good Friday and Easter Monday skipped), is in 2023-24-Q1.
  const q1 = indicator.compute(inputOf(data), ctxOf('2023-24-Q1', 'in-period'));
  assert.equal(q1.members[0]!.dates['due'], '2023-04-11');
});

test('dues after the as-at date are not counted and the figure is provisional', () => {
  const data = e6({
    asAt: { cin: isoDate('2023-03-31'), ssda903: null, local: { 'cp-visits': isoDate('2023-01-10') } },
  });
  const r = indicator.compute(inputOf(data), ctxOf('2022-23-Q4', 'in-period'));
  assert.equal(r.denominator, 1);
  assert.deepEqual(
    r.notes.map((n) => n.code),
    ['provisional'],
  );
});

test('a plan ending before it starts leaves both counts (invalidDates); a missing cp_visits file is not available', () => {
  const bad = e6({ cpPlans: [cpPlan('P1', 'C1', '2022-12-15', '2022-12-01')] });
  const r = indicator.compute(inputOf(bad), ctxOf('2022-23-Q4', 'in-period'));
  assert.equal(r.denominator, 0);
  assert.deepEqual(r.notes, [{ code: 'invalidDates', count: 1 }]);
  const na = indicator.compute(inputOf(dataset(['cp-plans'])), ctxOf('2022-23-Q4', 'in-period'));
  assert.equal(na.status, 'not-available');
  assert.deepEqual(na.missing, ['cp_visits.csv']);
});

test('property: the four quarters’ dues add up to the year to date at Q4', () => {
  const day = fc.integer({ min: 0, max: 420 }).map((n) => addDays(isoDate('2022-03-01'), n));
  fc.assert(
    fc.property(
      fc.array(fc.tuple(day, fc.option(fc.integer({ min: 1, max: 200 }))), { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), day), { maxLength: 25 }),
      (plans, visits) => {
        const data = dataset(['cp-plans', 'cp-visits'], {
          cpPlans: plans.map(([start, len], i) =>
            cpPlan(`P${i}`, `C${i}`, start, len === null ? null : addDays(start, len)),
          ),
          cpVisits: visits.map(([c, date], i) => visit(`V${i}`, `C${c}`, date)),
        });
        const input = inputOf(data);
        let num = 0;
        let den = 0;
        for (const q of ['Q1', 'Q2', 'Q3', 'Q4']) {
          const r = indicator.compute(input, ctxOf(`2022-23-${q}`, 'in-period'));
          num += r.numerator;
          den += r.denominator ?? 0;
          for (const m of r.members) assert.ok(m.dates['due']! > m.dates['anchor']!);
        }
        const ytd = indicator.compute(input, ctxOf('2022-23-Q4', 'ytd'));
        assert.equal(ytd.numerator, num);
        assert.equal(ytd.denominator, den);
      },
    ),
    { numRuns: 60 },
  );
});

test('a visit on the plan start day does not meet the first due', () => {
  const data = e6({ cpVisits: [visit('V0', 'C1', '2022-12-15')] });
  const r = indicator.compute(inputOf(data), ctxOf('2022-23-Q4', 'in-period'));
  assert.deepEqual(
    r.members.map((m) => [m.dates['due'], m.inNumerator, m.reason]),
    [
      ['2023-01-03', false, 'visit due 03/01/2023 missed; no visit since'],
      ['2023-01-17', false, 'visit due 17/01/2023 missed; no visit since'],
    ],
  );
});

test('definition text: the catalogue (definitionVersion 1.0) and the default settings say 10 working days; cpVisits.interval 15 says 15 in the summary, numerator and denominator', () => {
  assert.equal(indicator.definitionVersion, '1.0');
  assert.equal(
    indicator.definition.summary,
    'The percentage of statutory visits to children on a Child Protection plan, falling due in the period, that were made within 10 working days of the plan start or the previous visit.',
  );
  assert.deepEqual(definitionTextUnder(indicator, DEFAULT_SETTINGS), indicator.definition);
  const every15 = definitionTextUnder(indicator, {
    ...DEFAULT_SETTINGS,
    variants: { 'cpVisits.interval': 15 },
  });
  for (const field of ['summary', 'numerator', 'denominator'] as const) {
    assert.equal(
      every15[field],
      indicator.definition[field].replaceAll('10 working days', '15 working days'),
    );
    assert.notEqual(every15[field], indicator.definition[field], field);
  }
  assert.equal(every15.comparability, indicator.definition.comparability, 'it speaks of LAs in general');
  assert.throws(
    () => definitionTextUnder(indicator, { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 12 } }),
    /cpVisits\.interval must be 10 or 15: 12/,
  );
});
