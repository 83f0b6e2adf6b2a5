import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import { parsePeriod } from '../../calendar/period.js';
import type { Child } from '../../model/child.js';
import { buildIndicatorInput } from '../input.js';
import { dataset, referral } from '../lib/test-fixtures.js';
import { referralsRereferral12m as def } from '../referrals-rereferral-12m.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { runIndicator } from './run-indicator.js';

const kid = (childId: string, dob: string, sex: Child['sex']): Child => ({
  childId,
  dob: isoDate(dob),
  sex,
  ethnicity: null,
  deathDate: null,
  upnHash: null,
  disabilities: [],
  sources: [],
});

const data = dataset(['cin-details'], {
  children: [kid('A', '2006-01-01', 'F'), kid('B', '2021-06-01', 'M')],
  referrals: [
    referral('a1', 'A', '2021-03-01'),
    referral('a2', 'A', '2021-11-01'),
    referral('b1', 'B', '2021-11-02'),
    referral('c1', 'C', '2021-11-03'),
  ],
});

test('the headline gets age band (at e), sex and ethnicity breakdowns; comparison runs get none', () => {
  const input = buildIndicatorInput(data);
  const c = runIndicator(def, input, parsePeriod('2021-22-Q3'), 'in-period', DEFAULT_SETTINGS);
  const sex = Object.fromEntries(c.breakdowns!['sex']!.map((r) => [r.key, [r.numerator, r.denominator]]));
  assert.deepEqual(sex, { F: [1, 1], M: [0, 1], U: [0, 1] });
  const age = Object.fromEntries(c.breakdowns!['ageBand']!.map((r) => [r.key, r.denominator]));
  assert.equal(age['10-15'], 1);
  assert.equal(age['under-1'], 1);
  assert.equal(age['unknown'], 1);
  assert.deepEqual(Object.keys(c.breakdowns!), ['ageBand', 'ethnicity', 'sex']);
  const bare = runIndicator(def, input, parsePeriod('2021-22-Q3'), 'in-period', DEFAULT_SETTINGS, {
    members: false,
  });
  assert.deepEqual(bare.members, []);
  assert.deepEqual(bare.breakdowns, {});
  assert.equal(bare.numerator, c.numerator);
  assert.equal(bare.denominator, c.denominator);
});
