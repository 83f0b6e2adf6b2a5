import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referralsBySource as def, sourceGroup } from './referrals-by-source.js';
import { dataset, referral, run } from './lib/test-fixtures.js';

test('source groups: 2A apart from 2B; blank or invalid is "Not recorded"', () => {
  assert.equal(sourceGroup('2A'), '2A');
  assert.equal(sourceGroup('2B'), '2B');
  assert.equal(sourceGroup('1C'), '1');
  assert.equal(sourceGroup('3F'), '3');
  assert.equal(sourceGroup('5D'), '5');
  assert.equal(sourceGroup('10'), '10');
  assert.equal(sourceGroup(null), 'not-recorded');
  assert.equal(sourceGroup('3G'), 'not-recorded');
});

test('the headline is the Schools share; every group is a row with the shared denominator', () => {
  const data = dataset(['cin-details'], {
    referrals: [
      referral('r1', 'A', '2021-10-01', { referralSource: '2A' }),
      referral('r2', 'B', '2021-10-02', { referralSource: '2A' }),
      referral('r3', 'C', '2021-10-03', { referralSource: '2B' }),
      referral('r4', 'D', '2021-10-04', { referralSource: '6' }),
      referral('r5', 'E', '2021-10-05', { referralSource: null, referralSourceRaw: 'XX' }),
      referral('r6', 'F', '2021-10-06', { referralSource: null }),
      referral('r7', 'G', '2021-10-07', { referralSource: '3B' }),
      referral('r8', 'G', '2021-10-07', { referralSource: '3B' }), // duplicate child + date
      referral('r9', 'H', '2021-09-30', { referralSource: '2A' }), // Q2
    ],
  });
  const c = run(def, data, '2021-22-Q3');
  assert.equal(c.numerator, 2);
  assert.equal(c.denominator, 7);
  const rows = Object.fromEntries(c.breakdowns!['source']!.map((r) => [r.key, r]));
  assert.deepEqual(rows['2A'], { key: '2A', label: 'Schools', numerator: 2, denominator: 7, value: 28.6 });
  assert.equal(rows['2B']!.numerator, 1);
  assert.equal(rows['6']!.numerator, 1);
  assert.equal(rows['3']!.numerator, 1);
  assert.equal(rows['not-recorded']!.numerator, 2);
  assert.equal(rows['4']!.numerator, 0);
  assert.equal(c.breakdowns!['source']!.length, 12);
  assert.equal(c.members.find((m) => m.childId === 'E')!.reason, 'source invalid');
});
