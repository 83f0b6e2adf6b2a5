import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import type { AnnexACp } from '../../model/annex-a.js';
import { cpAllocatedSw as def } from '../cp-allocated-sw.js';
import { allocation, cpPlan, dataset, run } from '../lib/test-fixtures.js';
import { namesWorker } from './allocated-worker.js';

/** A List 7 row of a workbook as at 31/03/2022. */
function row(childId: string, start: string, worker: string | null, more: Partial<AnnexACp> = {}): AnnexACp {
  return {
    id: `s1:${childId}/${start}`,
    childId,
    asAt: isoDate('2022-03-31'),
    startDate: isoDate(start),
    endDate: null,
    team: 'CP Team',
    worker,
    source: { file: 'annex-a.xlsx', position: 'List 7!A2' },
    ...more,
  };
}

// As at 31/03/2022: C1 named worker; C2 blank (team only); C3 "Unallocated - duty"; C4 two open plans,
// the later one with a worker (counts once, allocated); C5 plan ended on A (not open); C6 plan starting
// after A; C7 a row of an older workbook (as at 31/12/2021), left out.
const rows = [
  row('C1', '2021-10-01', 'Jo Smith'),
  row('C2', '2021-11-01', null),
  row('C3', '2022-01-10', 'Unallocated - duty'),
  row('C4', '2021-06-01', null),
  row('C4', '2022-02-01', 'W4'),
  row('C5', '2021-06-01', 'W5', { endDate: isoDate('2022-03-31') }),
  row('C6', '2022-04-01', 'W6'),
  row('C7', '2021-09-01', 'W7', { asAt: isoDate('2021-12-31') }),
];
const annexOnly = dataset(['annex-a-cp'], { annexACp: rows });

test('List 7: children with a plan open at the workbook date, allocated when a worker is named', () => {
  const c = run(def, annexOnly, '2021-22-Q4');
  assert.equal(c.status, 'ok');
  assert.deepEqual(
    c.members.map((m) => [m.childId, m.inNumerator, m.recordIds.length]),
    [
      ['C1', true, 1],
      ['C2', false, 1],
      ['C3', false, 1],
      ['C4', true, 2],
    ],
  );
  assert.deepEqual([c.numerator, c.denominator], [2, 4]);
  assert.match(c.notes.find((n) => n.code === 'annexA')!.detail!, /List 7 as at 31\/03\/2022/);
  assert.equal(
    c.notes.find((n) => n.code === 'provisional'),
    undefined,
  );
});

test('List 7: a later period is the position at the workbook date (provisional); an earlier one is not available', () => {
  const later = run(def, annexOnly, '2022-23-Q1');
  assert.deepEqual([later.numerator, later.denominator], [2, 4]);
  assert.match(later.notes.find((n) => n.code === 'provisional')!.detail!, /31\/03\/2022/);
  const earlier = run(def, annexOnly, '2021-22-Q3');
  assert.equal(earlier.status, 'not-available');
  // The primary's reason stands.
  assert.deepEqual(earlier.notes, [
    { code: 'notAvailable', detail: 'needs the CIN census, allocations.csv' },
  ]);
});

test('List 7 answers when the CIN census is loaded but allocations.csv is not; never when allocations.csv is', () => {
  const withCin = dataset(['cp-plans', 'annex-a-cp'], {
    annexACp: rows,
    cpPlans: [cpPlan('p1', 'C1', '2021-10-01', null)],
  });
  const c = run(def, withCin, '2021-22-Q4');
  assert.deepEqual([c.numerator, c.denominator], [2, 4]);
  assert.ok(c.notes.some((n) => n.code === 'annexA'));
  const withAllocations = dataset(['cp-plans', 'allocations', 'annex-a-cp'], {
    annexACp: rows,
    cpPlans: [cpPlan('p1', 'C1', '2021-10-01', null)],
    allocations: [allocation('a1', 'C1', 'W1', '2021-10-01', null)],
  });
  const p = run(def, withAllocations, '2021-22-Q4');
  assert.deepEqual([p.numerator, p.denominator], [1, 1]);
  assert.ok(!p.notes.some((n) => n.code === 'annexA'));
});

test('namesWorker: a filled cell names a worker unless it says there is none', () => {
  for (const named of ['Jo Smith', 'W123', 'Nina Ali (SW)', 'Na Li'])
    assert.equal(namesWorker(named), true, named);
  for (const none of [
    null,
    '',
    '  ',
    '-',
    'N/A',
    'n.a.',
    'None',
    'UNALLOCATED',
    'Unallocated - duty team',
    'Not allocated',
    'TBC',
    'Vacant',
    '0',
  ])
    assert.equal(namesWorker(none), false, String(none));
});
