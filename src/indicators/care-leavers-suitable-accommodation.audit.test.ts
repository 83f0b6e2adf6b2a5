import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { parsePeriod } from '../calendar/period.js';
import type { CareLeaverStatus } from '../model/local.js';
import { emptyDataset } from '../model/la-dataset.js';
import { indicator as neet } from './care-leavers-neet.js';
import { indicator } from './care-leavers-suitable-accommodation.js';
import { runIndicator } from './engine/run-indicator.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { childOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

// Audit (indicators.md §2 care-leavers-suitable-accommodation). The sibling care-leavers-neet audit covers
// the shared cohort (not in touch, OC3 variant); these cases cover what this measure adds: its numerator
// ("ACCOM whose second character is 1"), its exclusions ("ACCOM beginning G, H or R") and its denominator
// ("including ACCOM ending in 2 and ACCOM 0").

function status(
  childId: string,
  accommodation: string,
  more: Partial<CareLeaverStatus> = {},
): CareLeaverStatus {
  return {
    id: `cl-${childId}`,
    childId,
    statusDate: isoDate('2021-10-01'),
    inTouch: 'YES',
    activity: 'F1',
    accommodation,
    eligibility: 'former-relevant',
    source: TEST_SOURCE,
    ...more,
  };
}

function run(rows: readonly CareLeaverStatus[], dob = '2001-06-01') {
  const data = {
    ...emptyDataset('841'),
    tables: tablesOf('header', 'episodes', 'care-leavers'),
    children: [...new Set(rows.map((r) => r.childId))].map((id) => childOf(id, dob)),
    careLeavers: [...rows],
  };
  return runIndicator(indicator, inputOf(data), parsePeriod('2021-22-Q3'), 'snapshot', DEFAULT_SETTINGS);
}

// Bug (fixed): inputs.md §2.2 "ACCOM = letter + 1 suitable / 2 unsuitable, or 0 no information … S1, X1
// invalid" and §6 "a bad attribute is kept as invalid (read as unknown)". Loading keeps an invalid ACCOM as
// written with a GEN-CODE warning, so the measure sees it. S1 ("no fixed abode: suitable") and X1
// ("custody: suitable") are not codes: no fixed abode and custody are never recorded as suitable. Read as
// unknown they stay in the denominator (ACCOM 0 is in it) and out of the numerator; the old code's
// "second character is 1" test counted both, and any other non-code ending in 1 (A1, 11), as suitable.
// Cohort at e = 2021-12-31, all aged 20: B1 (suitable), S1, X1, A1 (invalid), U2 (unsuitable), 0 (not
// known): 1 of 6 suitable, 16.7%. The old code gave 4 of 6.
test('audit: invalid ACCOM codes ending in 1 (S1, X1, A1) are read as not known, not as suitable', () => {
  const r = run([
    status('A', 'B1'),
    status('B', 'S1'),
    status('C', 'X1'),
    status('D', 'A1'),
    status('E', 'U2'),
    status('F', '0'),
  ]);
  assert.deepEqual([r.numerator, r.denominator], [1, 6]);
  assert.deepEqual(
    r.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['A'],
  );
  assert.equal(
    r.members.find((m) => m.childId === 'B')?.reason,
    'Aged 20; accommodation S1 (not a valid ACCOM code: not known) at 01/10/2021',
  );
  assert.deepEqual(
    r.breakdowns?.accommodation.map((b) => [b.key, b.denominator]),
    [
      ['not-known', 4],
      ['suitable', 1],
      ['unsuitable', 1],
    ],
  );
});

// Exclusions "ACCOM beginning G (gone abroad), H (deported) or R (residence not known)", whether marked 1
// or 2, leave the cohort (note excludedAccommodation); ACCOM ending in 2 and ACCOM 0 stay in the
// denominator. The NEET measure keeps all of them (its exclusions do not name ACCOM).
// Here: G1, H2, R1 excluded; D1 suitable; D2 unsuitable; 0 not known: 1 of 3, 33.3%.
test('audit: ACCOM G, H and R leave the cohort; ACCOM …2 and 0 stay in the denominator', () => {
  const rows = [
    status('A', 'G1'),
    status('B', 'H2'),
    status('C', 'r1'),
    status('D', 'D1'),
    status('E', 'D2'),
    status('F', '0'),
  ];
  const r = run(rows);
  assert.deepEqual([r.numerator, r.denominator], [1, 3]);
  assert.deepEqual(
    r.members.map((m) => m.childId),
    ['D', 'E', 'F'],
  );
  assert.deepEqual(
    r.notes.find((n) => n.code === 'excludedAccommodation'),
    {
      code: 'excludedAccommodation',
      count: 3,
      detail: '1 gone abroad (G); 1 deported (H); 1 residence not known (R)',
    },
  );
  const data = {
    ...emptyDataset('841'),
    tables: tablesOf('header', 'episodes', 'care-leavers'),
    children: rows.map((s) => childOf(s.childId, '2001-06-01')),
    careLeavers: rows,
  };
  const n = runIndicator(neet, inputOf(data), parsePeriod('2021-22-Q3'), 'snapshot', DEFAULT_SETTINGS);
  assert.equal(n.denominator, 6);
});

// The cohort is the NEET measure's: ages 19–21 at e (age at e in completed years), status = the latest
// row dated ≤ e. A: 22nd birthday on e (2021-12-31) is out; B: 19th birthday on e is in; C's latest row
// ≤ e is unsuitable (a later suitable row dated after e does not count); D has only a row after e, so is
// not in the cohort. Result 1 of 2 (B suitable, C unsuitable).
test('audit: ages at e and the latest status on or before e decide the cohort and the code', () => {
  const r = runIndicator(
    indicator,
    inputOf({
      ...emptyDataset('841'),
      tables: tablesOf('header', 'episodes', 'care-leavers'),
      children: [
        childOf('A', '1999-12-31'),
        childOf('B', '2002-12-31'),
        childOf('C', '2001-06-01'),
        childOf('D', '2001-06-01'),
      ],
      careLeavers: [
        status('A', 'B1'),
        status('B', 'B1'),
        status('C', 'U2'),
        { ...status('C', 'U1'), id: 'cl-C-later', statusDate: isoDate('2022-01-01') },
        { ...status('D', 'U1'), statusDate: isoDate('2022-01-01') },
      ],
    }),
    parsePeriod('2021-22-Q3'),
    'snapshot',
    DEFAULT_SETTINGS,
  );
  assert.deepEqual(
    r.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['B', true],
      ['C', false],
    ],
  );
  assert.deepEqual([r.numerator, r.denominator], [1, 2]);
});
