import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessments45wd as def } from './assessments-45wd.js';
import { assessment, dataset, referral, run, withVariants } from './lib/test-fixtures.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { isoDate } from '../calendar/iso-date.js';

// Start Wed 2022-05-25; addwd(·, 45) crosses the Jubilee holidays of 2 and 3 June.
const start = isoDate('2022-05-25');
const day45 = addWorkingDays(start, 45);
const day46 = addWorkingDays(start, 46);

test('45 working days is within; 46 is not', () => {
  assert.equal(day45, '2022-07-29');
  const data = dataset(['assessments'], {
    assessments: [
      assessment('a1', 'A', start, day45),
      assessment('a2', 'B', start, day46),
      assessment('a3', 'C', start, null), // not authorised: not in the cohort
      assessment('a4', 'D', '2022-08-10', '2022-08-01'), // authorised before start: invalid
    ],
  });
  const c = run(def, data, '2022-23-Q2', 'in-period');
  assert.equal(c.denominator, 2);
  assert.equal(c.numerator, 1);
  assert.equal(c.members[1]!.reason, 'authorised 46 working days after start');
  assert.deepEqual(c.notes, [{ code: 'invalidDates', count: 1 }]);
});

test('referral anchor variant measures from the enclosing CINreferralDate', () => {
  const data = dataset(['assessments', 'cin-details'], {
    referrals: [referral('ref-a1', 'A', '2022-05-20')],
    assessments: [assessment('a1', 'A', start, day45)],
  });
  const c = run(def, data, '2022-23-Q2', 'ytd', withVariants({ 'assessment.anchor': 'referral' }));
  assert.equal(c.numerator, 0);
  assert.match(c.members[0]!.reason, /48 working days after referral/);
  assert.equal(run(def, data, '2022-23-Q2', 'ytd').numerator, 1);
});
