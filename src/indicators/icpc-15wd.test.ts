import { test } from 'node:test';
import assert from 'node:assert/strict';
import { icpc15wd as def } from './icpc-15wd.js';
import { dataset, referral, run, section47, strategy, withVariants } from './lib/test-fixtures.js';

// indicators.md §3 E1: S47 Wed 2022-05-25; 2 and 3 June 2022 are holidays; addwd(2022-05-25, 15) = 2022-06-17.
const e1 = dataset(['cin-details', 'section47'], {
  referrals: [
    referral('ref-A', 'A', '2022-05-20'),
    referral('ref-B', 'B', '2022-05-20'),
    referral('ref-C', 'C', '2022-05-20'),
  ],
  section47s: [
    section47('s-A', 'A', '2022-05-25', '2022-06-16'),
    section47('s-B', 'B', '2022-05-25', '2022-06-17'),
    section47('s-C', 'C', '2022-05-25', '2022-06-20'),
  ],
});

test('E1: ICPC on 16 and 17 June is within 15 working days; Monday 20 June (16) is not', () => {
  const c = run(def, e1, '2022-23-Q1');
  assert.equal(c.denominator, 3);
  assert.equal(c.numerator, 2);
  const byChild = Object.fromEntries(c.members.map((m) => [m.childId, m]));
  assert.equal(byChild['A']!.reason, 'ICPC 14 working days after S47 start');
  assert.equal(byChild['B']!.reason, 'ICPC 15 working days after S47 start');
  assert.equal(byChild['C']!.reason, 'ICPC 16 working days after S47 start');
  assert.equal(byChild['C']!.inNumerator, false);
  assert.deepEqual(byChild['C']!.dates, { icpcDate: '2022-06-20', s47Start: '2022-05-25' });
  assert.deepEqual(
    c.breakdowns!['timing']!.map((r) => [r.key, r.numerator]),
    [
      ['within-15', 2],
      ['16-to-20', 1],
      ['over-20', 0],
    ],
  );
});

test('E1 inclusive variant: 2022-06-17 counts 16, not within', () => {
  const c = run(def, e1, '2022-23-Q1', 'in-period', { workingDays: 'inclusive' });
  assert.equal(c.numerator, 1);
  assert.equal(c.members.find((m) => m.childId === 'B')!.inNumerator, false);
});

test('ICPCnotRequired, ICPCs outside the period and ICPCs before the S47 start leave the cohort', () => {
  const data = dataset(['cin-details', 'section47'], {
    section47s: [
      section47('s1', 'A', '2022-05-25', '2022-06-16', { icpcNotRequired: true }),
      section47('s2', 'B', '2022-03-01', '2022-03-20'),
      section47('s3', 'C', '2022-06-10', '2022-06-01'),
      section47('s4', 'D', '2022-06-10', null),
    ],
  });
  const c = run(def, data, '2022-23-Q1');
  assert.equal(c.denominator, 0);
  assert.deepEqual(c.notes, [{ code: 'invalidDates', count: 1 }]);
});

test('an ICPC recorded only at CINdetails level is icpcWithoutS47, unless a Section47 has the same date', () => {
  const data = dataset(['cin-details', 'section47'], {
    referrals: [
      referral('ref-A', 'A', '2022-05-01', { dateOfInitialCpc: '2022-06-16' as never }),
      referral('ref-B', 'B', '2022-05-01', { dateOfInitialCpc: '2022-06-10' as never }),
    ],
    section47s: [section47('s-A', 'A', '2022-05-25', '2022-06-16')],
  });
  const c = run(def, data, '2022-23-Q1');
  assert.equal(c.denominator, 1);
  assert.deepEqual(c.notes, [{ code: 'icpcWithoutS47', count: 1 }]);
});

test('strategy anchor: the latest strategy discussion on or after the referral and on or before the ICPC', () => {
  const data = dataset(['cin-details', 'section47', 'strategy-discussions'], {
    referrals: [referral('ref-A', 'A', '2022-05-10'), referral('ref-B', 'B', '2022-05-10')],
    section47s: [
      section47('s-A', 'A', '2022-05-25', '2022-06-17'),
      section47('s-B', 'B', '2022-05-25', '2022-06-17'),
    ],
    strategyDiscussions: [
      strategy('sd-0', 'A', '2022-05-01'), // before the referral: ignored
      strategy('sd-1', 'A', '2022-05-20'), // latest in range: 18 working days before 17 June
      strategy('sd-2', 'A', '2022-06-18'), // after the ICPC: ignored
    ],
  });
  const v = withVariants({ 'icpc.anchor': 'strategy' });
  const c = run(def, data, '2022-23-Q1', 'in-period', v);
  const a = c.members.find((m) => m.childId === 'A')!;
  assert.deepEqual(a.recordIds, ['s-A', 'sd-1']);
  assert.equal(a.inNumerator, false);
  assert.equal(a.reason, 'ICPC 18 working days after strategy discussion');
  // B has no strategy discussion: falls back to the S47 start (15 working days, within).
  const b = c.members.find((m) => m.childId === 'B')!;
  assert.equal(b.inNumerator, true);
  assert.deepEqual(c.notes, [{ code: 'anchorFallback', count: 1 }]);
});

test('strategy anchor without the strategy_discussions file is not available', () => {
  const c = run(def, e1, '2022-23-Q1', 'in-period', withVariants({ 'icpc.anchor': 'strategy' }));
  assert.equal(c.status, 'not-available');
  assert.deepEqual(c.missing, ['strategy_discussions.csv']);
});
