import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { episodeFixture } from '../model/episode-fixture.js';
import { emptyDataset, type LaDataset } from '../model/la-dataset.js';
import type { Allocation } from '../model/local.js';
import { indicator as allocated } from './cic-allocated-sw.js';
import { indicator as qualified } from './cic-allocated-qualified-sw.js';
import { childOf, contextOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

function alloc(
  childId: string,
  workerId: string,
  start: string,
  end: string | null,
  role: Allocation['role'] = 'social-worker',
): Allocation {
  return {
    id: `a-${childId}-${workerId}-${start}`,
    childId,
    workerId,
    start: isoDate(start),
    end: end === null ? null : isoDate(end),
    role,
    team: childId === 'C1' ? 'North' : null,
    source: TEST_SOURCE,
  };
}

const CHILDREN = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'];

function dataset(extra: Partial<LaDataset> = {}): LaDataset {
  return {
    ...emptyDataset('841'),
    tables: tablesOf('episodes', 'allocations', 'workers'),
    children: CHILDREN.map((id) => childOf(id, '2012-01-01')),
    episodes: [
      ...CHILDREN.filter((id) => id !== 'C8').map((childId) =>
        episodeFixture({ childId, decom: '2021-01-01' }),
      ),
      // C8 ceases on e: not in the denominator, whatever its allocation.
      episodeFixture({ childId: 'C8', decom: '2021-01-01', dec: '2021-12-31', rec: 'E13' }),
    ],
    allocations: [
      alloc('C1', 'W1', '2021-01-01', null),
      alloc('C2', 'W2', '2021-01-01', '2021-12-31'), // ends on e: still open at e
      alloc('C3', 'W1', '2021-01-01', '2021-12-30'), // ended the day before
      alloc('C4', 'W1', '2021-01-01', null, 'other'), // not a social-worker role
      alloc('C5', 'W2', '2021-01-01', null),
      alloc('C5', 'W9', '2021-06-01', null), // W9 is not in workers.csv
      alloc('C6', 'W9', '2021-01-01', null),
      alloc('C6', 'W1', '2021-03-01', null),
      alloc('C7', 'W1', '2022-01-01', null), // starts after e
      alloc('C8', 'W1', '2021-01-01', null),
    ],
    workers: [
      { workerId: 'W1', qualifiedSw: true, sweRegistration: 'SW1001', source: TEST_SOURCE },
      { workerId: 'W2', qualifiedSw: false, sweRegistration: null, source: TEST_SOURCE },
    ],
    ...extra,
  };
}

const ctx = contextOf('2021-22-Q3', 'snapshot');

test('allocated: an open social-worker allocation at e (end on e counts; other roles do not)', () => {
  const r = allocated.compute(inputOf(dataset()), ctx);
  assert.equal(r.denominator, 7);
  assert.equal(r.numerator, 4);
  assert.deepEqual(
    r.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['C1', 'C2', 'C5', 'C6'],
  );
  assert.equal(
    r.members.find((m) => m.childId === 'C3')?.reason,
    'No social-worker allocation open at 31/12/2021',
  );
  const north = r.breakdowns?.team.find((b) => b.key === 'North');
  assert.deepEqual(north, { key: 'North', label: 'North', numerator: 1, denominator: 1, value: 100 });
});

test('qualified: any open allocation with a qualified worker; unknown worker is not qualified', () => {
  const r = qualified.compute(inputOf(dataset()), ctx);
  assert.equal(r.denominator, 7);
  assert.deepEqual(
    r.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['C1', 'C6'],
  );
  assert.deepEqual(r.notes.find((n) => n.code === 'unknownWorker')?.count, 2);
  assert.equal(r.members.find((m) => m.childId === 'C2')?.reason, 'Allocated social worker is not qualified');
});

test('swEpisodes variant: open SWEpisodes rows; qualified means an SW registration', () => {
  const d = dataset({
    tables: tablesOf('episodes', 'sw-episodes'),
    swEpisodes: [
      {
        id: 's1',
        childId: 'C1',
        swId: 'SW123456',
        start: isoDate('2021-01-01'),
        end: null,
        reason: null,
        source: TEST_SOURCE,
      },
      {
        id: 's2',
        childId: 'C2',
        swId: 'XX999',
        start: isoDate('2021-01-01'),
        end: isoDate('2021-12-31'),
        reason: null,
        source: TEST_SOURCE,
      },
      {
        id: 's3',
        childId: 'C3',
        swId: 'SW1',
        start: isoDate('2021-01-01'),
        end: isoDate('2021-12-30'),
        reason: null,
        source: TEST_SOURCE,
      },
    ],
  });
  const c = contextOf('2021-22-Q3', 'snapshot', { variants: { 'allocation.source': 'swEpisodes' } });
  const a = allocated.compute(inputOf(d), c);
  assert.equal(a.status, 'ok');
  assert.equal(a.numerator, 2);
  const q = qualified.compute(inputOf(d), c);
  assert.equal(q.numerator, 1);
  assert.equal(q.members.find((m) => m.inNumerator)?.childId, 'C1');
});

test('excludeUasc removes UASC from the denominator', () => {
  const d = dataset({ uasc: [{ id: 'u', childId: 'C3', dob: null, duc: null, source: TEST_SOURCE }] });
  const r = allocated.compute(inputOf(d), contextOf('2021-22-Q3', 'snapshot', { excludeUasc: true }));
  assert.equal(r.denominator, 6);
  assert.equal(r.notes.find((n) => n.code === 'excludeUasc')?.count, 1);
});

test('no children in care gives a zero denominator', () => {
  const r = allocated.compute(inputOf(dataset({ episodes: [] })), ctx);
  assert.equal(r.status, 'ok');
  assert.equal(r.denominator, 0);
  assert.equal(r.numerator, 0);
});

test('not available without allocations.csv (and workers.csv for qualified)', () => {
  const r = allocated.compute(inputOf(dataset({ tables: tablesOf('episodes') })), ctx);
  assert.equal(r.status, 'not-available');
  assert.deepEqual(r.missing, ['allocations.csv']);
  const q = qualified.compute(inputOf(dataset({ tables: tablesOf('episodes', 'allocations') })), ctx);
  assert.equal(q.status, 'not-available');
  assert.deepEqual(q.missing, ['workers.csv']);
});
