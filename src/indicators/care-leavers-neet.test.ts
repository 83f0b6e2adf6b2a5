import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { deriveCareHistory } from '../model/derive-care-history.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import type { Oc3Outcome } from '../model/episode.js';
import { emptyDataset, type LaDataset } from '../model/la-dataset.js';
import type { CareLeaverEligibility, CareLeaverStatus } from '../model/local.js';
import { indicator as neet } from './care-leavers-neet.js';
import { indicator as accommodation } from './care-leavers-suitable-accommodation.js';
import { deriveEligibility } from './lib/care-leavers.js';
import { childOf, contextOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

let n = 0;
function status(
  childId: string,
  date: string,
  activity: string,
  accom: string,
  eligibility: CareLeaverEligibility | null = 'former-relevant',
  inTouch = 'YES',
): CareLeaverStatus {
  n += 1;
  return {
    id: `cl${n}`,
    childId,
    statusDate: isoDate(date),
    inTouch,
    activity,
    accommodation: accom,
    eligibility,
    source: TEST_SOURCE,
  };
}

function dataset(extra: Partial<LaDataset> = {}): LaDataset {
  return {
    ...emptyDataset('841'),
    tables: tablesOf('header', 'episodes', 'care-leavers', 'uasc'),
    children: [
      childOf('L1', '2001-06-01'),
      childOf('L2', '2002-12-31'), // 19 on e
      childOf('L3', '2003-01-01'), // 18 at e
      childOf('L4', '2000-01-01'), // 21 at e
      childOf('L5', '2001-01-01'),
      childOf('L6', '2001-01-01'),
      childOf('L7', '2001-03-01'),
      childOf('L8', '2002-01-01'),
      childOf('L9', '2002-01-01'),
      childOf('L10', '2002-01-01'),
      childOf('L11', '2001-01-01'),
      childOf('L12', '2001-01-01'),
      childOf('L13', null),
    ],
    episodes: [
      // L7: looked after 16 to 18, long ago: eligible.
      ep({ childId: 'L7', decom: '2017-01-01', dec: '2019-03-01', rec: 'E11' }),
      // L8: 90 days from the 14th birthday (2017-12-01 to 2018-03-01): not eligible.
      ep({ childId: 'L8', decom: '2017-12-01', dec: '2018-03-01', rec: 'E11' }),
      // L9: 91 days (to 2018-03-02), including days after the 16th birthday (2018-01-01): eligible.
      ep({ childId: 'L9', decom: '2017-12-01', dec: '2018-03-02', rec: 'E11' }),
      // L10: 183 days, all before the 16th birthday: not eligible.
      ep({ childId: 'L10', decom: '2016-06-01', dec: '2016-12-01', rec: 'E11' }),
    ],
    careLeavers: [
      status('L1', '2021-06-01', 'F1', 'D1'),
      status('L1', '2021-11-01', 'G5', 'D1'),
      status('L1', '2022-01-15', 'F1', 'D1'), // after e: ignored
      status('L2', '2021-12-31', 'F5', 'U2'),
      status('L3', '2021-10-01', 'G6', 'D1', 'relevant'),
      status('L4', '2021-10-01', 'G5', 'D1', 'former-relevant', 'DIED'),
      status('L5', '2022-01-02', 'G5', 'D1'), // no status on or before e
      status('L6', '2021-10-01', 'G5', 'D1', 'eligible'),
      status('L7', '2021-10-01', '0', '0', null, 'NO'),
      status('L8', '2021-10-01', 'G5', 'D1', null),
      status('L9', '2021-10-01', 'F1', 'B1', null),
      status('L10', '2021-10-01', 'G5', 'D1', null),
      status('L11', '2021-10-01', 'F2', 'E1'),
      status('L12', '2021-10-01', 'G4', 'G1'),
      status('L13', '2021-10-01', 'G5', 'D1'),
    ],
    uasc: [{ id: 'u', childId: 'L11', dob: null, duc: null, source: TEST_SOURCE }],
    ...extra,
  };
}

const ctx = contextOf('2021-22-Q3', 'snapshot');

test('NEET: cohort by eligibility (given or derived), ages 19–21 at e, latest status ≤ e', () => {
  const r = neet.compute(inputOf(dataset()), ctx);
  assert.equal(r.status, 'ok');
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['L1', true],
      ['L2', false],
      ['L7', false],
      ['L9', false],
      ['L11', false],
      ['L12', true],
    ],
  );
  assert.equal(r.numerator, 2);
  assert.equal(r.denominator, 6);
  assert.equal(r.members[0].reason, 'Aged 20; activity G5 (NEET) at 01/11/2021');
  const code = (c: string) => r.notes.find((x) => x.code === c);
  assert.equal(code('excludedInTouch')?.count, 1);
  assert.equal(code('inTouchNotKnown')?.count, 1);
  assert.equal(code('noDob')?.count, 1);
  assert.equal(code('eligibilityDerived')?.count, 4);
  assert.equal(code('excludeUasc'), undefined);
  assert.deepEqual(
    r.breakdowns?.activity.map((b) => [b.key, b.denominator]),
    [
      ['education', 2],
      ['neet', 2],
      ['not-known', 1],
      ['training-employment', 1],
    ],
  );
});

test('suitable accommodation: G, H and R leave the cohort; second character 1 is suitable', () => {
  const r = accommodation.compute(inputOf(dataset()), ctx);
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['L1', true],
      ['L2', false],
      ['L7', false],
      ['L9', true],
      ['L11', true],
    ],
  );
  assert.equal(r.notes.find((x) => x.code === 'excludedAccommodation')?.count, 1);
  assert.equal(r.members[1].reason, 'Aged 19; accommodation U2 (unsuitable) at 31/12/2021');
});

test('excludeUasc removes UASC from both measures and says so', () => {
  const c = contextOf('2021-22-Q3', 'snapshot', { excludeUasc: true });
  const r = neet.compute(inputOf(dataset()), c);
  assert.equal(r.denominator, 5);
  assert.equal(r.notes.find((x) => x.code === 'excludeUasc')?.count, 1);
  assert.equal(accommodation.compute(inputOf(dataset()), c).denominator, 4);
});

test('careLeavers.ages = 17-18', () => {
  const r = neet.compute(
    inputOf(dataset()),
    contextOf('2021-22-Q3', 'snapshot', { variants: { 'careLeavers.ages': '17-18' } }),
  );
  assert.deepEqual(
    r.members.map((m) => m.childId),
    ['L3'],
  );
  assert.equal(r.numerator, 1);
});

test('derived eligibility: 91 days from the 14th birthday, a day on or after the 16th, 29 February birthdays', () => {
  const e = isoDate('2021-12-31');
  // DOB 2000-02-29: 14th birthday 2014-03-01 (common year), 16th 2016-02-29.
  const h = (dec: string) =>
    deriveCareHistory('P', [ep({ childId: 'P', decom: '2015-12-01', dec, rec: 'E11' })]);
  const ok = deriveEligibility(h('2016-03-01'), isoDate('2000-02-29'), e);
  assert.deepEqual(ok, { eligible: true, daysFrom14: 91, dayAfter16: true, lookedAfterAtE: false });
  // Ceasing on the 16th birthday: 90 days and no day on or after it.
  const short = deriveEligibility(h('2016-02-29'), isoDate('2000-02-29'), e);
  assert.deepEqual(short, { eligible: false, daysFrom14: 90, dayAfter16: false, lookedAfterAtE: false });
  // DOB 2004-02-29: counting starts on 2018-03-01, not 2018-02-28.
  const q = deriveCareHistory('Q', [
    ep({ childId: 'Q', decom: '2018-02-01', dec: '2020-05-31', rec: 'E11' }),
  ]);
  assert.equal(deriveEligibility(q, isoDate('2004-02-29'), e).daysFrom14, 822);
  // Still looked after at e: not a care leaver.
  const open = deriveCareHistory('R', [ep({ childId: 'R', decom: '2018-02-01' })]);
  assert.equal(deriveEligibility(open, isoDate('2004-02-29'), e).eligible, false);
});

test('zero denominator, not available, OC3 variant', () => {
  const empty = neet.compute(inputOf(dataset({ careLeavers: [] })), ctx);
  assert.equal(empty.status, 'ok');
  assert.equal(empty.denominator, 0);
  const na = neet.compute(inputOf(dataset({ tables: tablesOf('header', 'episodes') })), ctx);
  assert.equal(na.status, 'not-available');
  assert.deepEqual(na.missing, ['care_leavers.csv']);

  const oc3Row = (childId: string, year: string, dob: string, activ: string, accom: string): Oc3Outcome => ({
    id: `o-${childId}`,
    childId,
    year,
    dob: isoDate(dob),
    inTouch: 'YES',
    activ,
    accom,
    source: TEST_SOURCE,
  });
  const d = dataset({
    tables: tablesOf('header', 'episodes', 'oc3'),
    oc3: [
      oc3Row('O1', '2021-22', '2002-06-01', 'G5', 'C1'), // 19th birthday in the year
      oc3Row('O2', '2021-22', '2001-06-01', 'F1', 'C1'), // 20th
      oc3Row('O3', '2021-22', '2004-06-01', 'G5', 'C1'), // 17th: not at 19–21
      oc3Row('O4', '2020-21', '2001-05-01', 'G5', 'C1'), // another year
    ],
  });
  const oc3 = { variants: { 'careLeavers.cohort': 'oc3' } };
  const q3 = neet.compute(inputOf(d), contextOf('2021-22-Q3', 'snapshot', oc3));
  assert.equal(q3.status, 'annual-only');
  const year = neet.compute(inputOf(d), contextOf('2021-22', 'snapshot', oc3));
  assert.equal(year.status, 'ok');
  assert.deepEqual(
    year.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['O1', true],
      ['O2', false],
    ],
  );
});
