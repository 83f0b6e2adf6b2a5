import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { parsePeriod } from '../calendar/period.js';
import type { Oc3Outcome } from '../model/episode.js';
import type { CareLeaverStatus } from '../model/local.js';
import { emptyDataset } from '../model/la-dataset.js';
import { indicator as neet } from './care-leavers-neet.js';
import { indicator as accommodation } from './care-leavers-suitable-accommodation.js';
import { runIndicator } from './engine/run-indicator.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { childOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

function oc3Row(childId: string, dob: string, activ: string, accom: string): Oc3Outcome {
  return {
    id: `o-${childId}`,
    childId,
    year: '2021-22',
    dob: isoDate(dob),
    inTouch: 'YES',
    activ,
    accom,
    source: TEST_SOURCE,
  };
}

// Audit (indicators.md care-leavers-neet): "Data | local `care_leavers`; SSDA903 OC3 (IN_TOUCH, ACTIV,
// ACCOM) for the variant" and "Variants | `careLeavers.cohort = oc3` (annual): OC3 rows for young
// people whose birthday at the chosen ages falls in [fy, e], with the status as returned".
// The OC3 variant reads OC3, not the local extract: an LA that loads the SSDA903 return (with OC3) but
// no care_leavers.csv gets the OC3 figure at 31 March. O1 (19th birthday 2021-06-01, G5, D1) and O2
// (20th birthday 2021-06-01, F1, U2): NEET 50.0% (1/2), suitable accommodation 50.0% (1/2).
test('audit: careLeavers.cohort = oc3 through the engine needs OC3, not care_leavers.csv', () => {
  const data = {
    ...emptyDataset('841'),
    tables: tablesOf('header', 'episodes', 'oc3'),
    children: [childOf('O1', '2002-06-01'), childOf('O2', '2001-06-01')],
    oc3: [oc3Row('O1', '2002-06-01', 'G5', 'D1'), oc3Row('O2', '2001-06-01', 'F1', 'U2')],
  };
  const settings = { ...DEFAULT_SETTINGS, variants: { 'careLeavers.cohort': 'oc3' } };
  const input = inputOf(data);
  for (const def of [neet, accommodation]) {
    const r = runIndicator(def, input, parsePeriod('2021-22'), 'snapshot', settings);
    assert.equal(r.status, 'ok', `${def.id}: ${JSON.stringify(r.notes)}`);
    assert.equal(r.numerator, 1);
    assert.equal(r.denominator, 2);
    assert.equal(r.members.length, 2);
  }
});

function status(childId: string, inTouch: string, activity: string, accommodation: string): CareLeaverStatus {
  return {
    id: `cl-${childId}`,
    childId,
    statusDate: isoDate('2021-10-01'),
    inTouch,
    activity,
    accommodation,
    eligibility: 'former-relevant',
    source: TEST_SOURCE,
  };
}

// Audit, decided (indicators.md care-leavers-neet): "Exclusions | IN_TOUCH = DIED or RHOM … NO, REFU and
// NREQ stay in the cohort as "not known"" and "Denominator | The cohort, including ACTIV 0 (not known)".
// Reading (a), chosen: a young person the LA is not in touch with counts as activity and accommodation
// not known, whatever stale codes the row carries, so is in neither numerator (DfE practice: the
// information is not known when the LA is not in touch; the inTouchNotKnown note already said so).
// Reading (b), the old code, counted the row's ACTIV / ACCOM as recorded. K1 (aged 20, NO, G5, D1),
// K3 (REFU, G6, G1) and K4 (NREQ, G4, B1) with K2 (YES, F1, D1): reading (a) gives NEET 0/4 and suitable
// 1/4 (K3's stale ACCOM G, gone abroad, does not remove them); reading (b) gave NEET 3/4 and suitable 3/3.
test('audit: IN_TOUCH NO / REFU / NREQ count as not known in both numerators', () => {
  const data = {
    ...emptyDataset('841'),
    tables: tablesOf('header', 'episodes', 'care-leavers'),
    children: ['K1', 'K2', 'K3', 'K4'].map((id) => childOf(id, '2001-06-01')),
    careLeavers: [
      status('K1', 'NO', 'G5', 'D1'),
      status('K2', 'YES', 'F1', 'D1'),
      status('K3', 'refu', 'G6', 'G1'),
      status('K4', 'NREQ', 'G4', 'B1'),
    ],
  };
  const input = inputOf(data);
  const period = parsePeriod('2021-22-Q3');
  const n = runIndicator(neet, input, period, 'snapshot', DEFAULT_SETTINGS);
  assert.deepEqual([n.numerator, n.denominator], [0, 4]);
  assert.equal(n.notes.find((x) => x.code === 'inTouchNotKnown')?.count, 3);
  assert.equal(
    n.members.find((m) => m.childId === 'K1')?.reason,
    'Aged 20; activity 0 at 01/10/2021; not in touch (IN_TOUCH NO): counted as not known (row has activity G5, accommodation D1)',
  );
  assert.deepEqual(
    n.breakdowns?.activity.map((b) => [b.key, b.denominator]),
    [
      ['education', 1],
      ['not-known', 3],
    ],
  );
  const a = runIndicator(accommodation, input, period, 'snapshot', DEFAULT_SETTINGS);
  assert.deepEqual([a.numerator, a.denominator], [1, 4]);
  assert.deepEqual(
    a.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['K2'],
  );
});

// The same reading under `careLeavers.cohort = oc3`: an OC3 row not in touch (NO) with ACTIV G5 and
// ACCOM D1 is not known in both measures (reading (b) gave NEET 2/2 and suitable 2/2).
test('audit: an OC3 row not in touch counts as not known in both numerators', () => {
  const data = {
    ...emptyDataset('841'),
    tables: tablesOf('header', 'episodes', 'oc3'),
    children: [childOf('O1', '2002-06-01'), childOf('O2', '2001-06-01')],
    oc3: [
      { ...oc3Row('O1', '2002-06-01', 'G5', 'D1'), inTouch: 'NO' },
      oc3Row('O2', '2001-06-01', 'G5', 'D1'),
    ],
  };
  const settings = { ...DEFAULT_SETTINGS, variants: { 'careLeavers.cohort': 'oc3' } };
  for (const def of [neet, accommodation]) {
    const r = runIndicator(def, inputOf(data), parsePeriod('2021-22'), 'snapshot', settings);
    assert.deepEqual([r.numerator, r.denominator], [1, 2], def.id);
    assert.equal(r.members.find((m) => m.childId === 'O1')?.inNumerator, false, def.id);
  }
});
