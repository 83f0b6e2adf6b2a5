import { test } from 'node:test';
import assert from 'node:assert/strict';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import type { Episode } from '../model/episode.js';
import { emptyDataset, type LaDataset } from '../model/la-dataset.js';
import type { Child } from '../model/child.js';
import { indicator } from './cic-long-term-stability.js';
import { childOf, contextOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

/** E5's child X: in care from `inCare`, carer from `carer`, a T3 episode back to the same carer. */
function e5Child(childId: string, inCare: string, carer: string): Episode[] {
  return [
    ep({ childId, decom: inCare, rne: 'S', place: 'U1', plPost: 'DL1 1AA', dec: carer }),
    ep({ childId, decom: carer, rne: 'P', place: 'U3', plPost: 'DL2 2BB', dec: '2021-07-20' }),
    ep({ childId, decom: '2021-07-20', rne: 'P', place: 'T3', plPost: null, dec: '2021-08-03' }),
    ep({ childId, decom: '2021-08-03', rne: 'P', place: 'U3', plPost: 'DL2 2BB' }),
  ];
}

function dataset(episodes: Episode[], children: Child[], extra: Partial<LaDataset> = {}): LaDataset {
  return { ...emptyDataset('841'), tables: tablesOf('header', 'episodes'), episodes, children, ...extra };
}

const ctx = contextOf('2021-22-Q3', 'snapshot');

test('E5: X in cohort and numerator, Y (16 on e) excluded, Z not in cohort, W not in numerator: 50.0% (1/2)', () => {
  const d = dataset(
    [
      ...e5Child('X', '2019-06-30', '2019-12-31'),
      ...e5Child('Y', '2019-06-30', '2019-12-31'),
      ...e5Child('Z', '2019-07-01', '2019-12-31'),
      ...e5Child('W', '2019-06-30', '2020-01-01'),
    ],
    [
      childOf('X', '2006-01-01'),
      childOf('Y', '2005-12-31'),
      childOf('Z', '2006-01-01'),
      childOf('W', '2006-01-01'),
    ],
  );
  const r = indicator.compute(inputOf(d), ctx);
  assert.equal(r.status, 'ok');
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['W', false],
      ['X', true],
    ],
  );
  assert.equal(r.numerator, 1);
  assert.equal(r.denominator, 2);
  const x = r.members.find((m) => m.childId === 'X')!;
  assert.equal(x.dates.placementStart, '2019-12-31');
  assert.equal(
    x.reason,
    'In care since 30/06/2019; current placement since 31/12/2019 (on or before 31/12/2019)',
  );
});

test('adoption clause: A3–A6 placement counts when the placement before it started ≤ e − 24 months', () => {
  const d = dataset(
    [
      ep({ childId: 'V', decom: '2019-01-01', rne: 'S', place: 'U3', dec: '2021-06-01' }),
      ep({ childId: 'V', decom: '2021-06-01', rne: 'P', place: 'A3', plPost: 'DL5 5EE' }),
      ep({ childId: 'U', decom: '2019-01-01', rne: 'S', place: 'U3', dec: '2020-02-01' }),
      ep({ childId: 'U', decom: '2020-02-01', rne: 'P', place: 'U4', plPost: 'DL4 4DD', dec: '2021-06-01' }),
      ep({ childId: 'U', decom: '2021-06-01', rne: 'P', place: 'A5', plPost: 'DL5 5EE' }),
      // A move to A4 with RNE T continues the placement from 2019-01-01.
      ep({ childId: 'T', decom: '2019-01-01', rne: 'S', place: 'U3', dec: '2021-06-01' }),
      ep({ childId: 'T', decom: '2021-06-01', rne: 'T', place: 'A4' }),
    ],
    [childOf('V', '2015-01-01'), childOf('U', '2015-01-01'), childOf('T', '2015-01-01')],
  );
  const r = indicator.compute(inputOf(d), ctx);
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['T', true],
      ['U', false],
      ['V', true],
    ],
  );
  assert.match(
    r.members.find((m) => m.childId === 'V')!.reason,
    /placed for adoption \(A3\); previous placement since 01\/01\/2019/,
  );
});

test('29 February birthday: a child born 2004-02-29 is 16 at e = 2020-03-31 and leaves the cohort', () => {
  // e − 30 months = 2017-09-30; both children have been in care since 2016 and placed since 2017.
  const eps = [...e5Child('P', '2016-01-01', '2017-01-01'), ...e5Child('Q', '2016-01-01', '2017-01-01')];
  const r = indicator.compute(
    inputOf(dataset(eps, [childOf('P', '2004-02-29'), childOf('Q', '2005-04-01')])),
    contextOf('2019-20-Q4', 'snapshot'),
  );
  assert.deepEqual(
    r.members.map((m) => m.childId),
    ['Q'],
  );
});

test('no date of birth: excluded with note noDob; UASC option; zero denominator', () => {
  const d = dataset(
    [...e5Child('X', '2019-06-30', '2019-12-31'), ...e5Child('N', '2019-06-30', '2019-12-31')],
    [childOf('X', '2006-01-01'), childOf('N', null)],
    { uasc: [{ id: 'u', childId: 'X', dob: null, duc: null, source: TEST_SOURCE }] },
  );
  const r = indicator.compute(inputOf(d), ctx);
  assert.equal(r.denominator, 1);
  assert.equal(r.notes.find((n) => n.code === 'noDob')?.count, 1);
  const u = indicator.compute(inputOf(d), contextOf('2021-22-Q3', 'snapshot', { excludeUasc: true }));
  assert.equal(u.denominator, 0);
  assert.equal(u.numerator, 0);
  assert.equal(u.notes.find((n) => n.code === 'excludeUasc')?.count, 1);
});
