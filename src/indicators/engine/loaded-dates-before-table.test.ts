import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CalendarRangeError } from '../../calendar/working-day-calendar.js';
import type { AnnexACic } from '../../model/annex-a.js';
import type { Child } from '../../model/child.js';
import { episodeFixture } from '../../model/episode-fixture.js';
import { contact, dataset, referral, run } from '../lib/test-fixtures.js';
import { referralsDecided1wd } from '../referrals-decided-1wd.js';
import { explainedByLoadedDates, loadedDateBefore } from './loaded-dates-before-table.js';

const FROM = '1990-01-01';

test('names a loaded event date before the table as GEN-PAST does: the local file, SSDA903 table or CIN census, and the field', () => {
  const ok = contact('k2', '2021-06-02', '2021-06-03');
  assert.deepEqual(
    loadedDateBefore(
      dataset(['contacts'], { contacts: [ok, contact('k1', '1922-04-01', '2021-06-02')] }),
      FROM,
      1922,
    ),
    { table: 'contacts.csv', field: 'received_at', year: 1922 },
  );
  assert.deepEqual(
    loadedDateBefore(
      dataset(['episodes'], { episodes: [episodeFixture({ decom: '1922-05-01' })] }),
      FROM,
      1922,
    ),
    { table: 'SSDA903 episodes', field: 'DECOM', year: 1922 },
  );
  assert.deepEqual(
    loadedDateBefore(
      dataset(['cin-details'], { referrals: [referral('r1', 'A', '1985-11-15')] }),
      FROM,
      1985,
    ),
    { table: 'CIN census', field: 'CINreferralDate', year: 1985 },
  );
  assert.equal(loadedDateBefore(dataset(['contacts'], { contacts: [ok] }), FROM, 1922), null);
});

test('prefers a date in the year the calculation failed on, else the first found', () => {
  const data = dataset(['contacts', 'cin-details'], {
    contacts: [contact('k1', '1985-04-01', '2021-06-02')],
    referrals: [referral('r1', 'A', '1922-11-15')],
  });
  assert.deepEqual(loadedDateBefore(data, FROM, 1922), {
    table: 'CIN census',
    field: 'CINreferralDate',
    year: 1922,
  });
  assert.deepEqual(loadedDateBefore(data, FROM, 1921), {
    table: 'CIN census',
    field: 'CINreferralDate',
    year: 1922,
  });
});

test('a birth date is no event date; another table (Annex A) is named by the model', () => {
  const child = { id: 'C1', dob: '1922-02-01' } as unknown as Child;
  assert.equal(loadedDateBefore(dataset(['header'], { children: [child] }), FROM, 1922), null);
  const list8 = {
    id: 'a1',
    childId: 'C1',
    asAt: '2022-03-31',
    startDate: '1922-03-01',
  } as unknown as AnnexACic;
  assert.deepEqual(loadedDateBefore(dataset(['annex-a-cic'], { annexACic: [list8] }), FROM, 1922), {
    table: 'annexACic',
    field: 'startDate',
    year: 1922,
  });
});

test('an indicator touching a loaded 1922 date fails naming the LA, table and field and the fix, never the child', () => {
  const data = dataset(['contacts'], { contacts: [contact('k1', '1922-04-01', '2021-06-02')] });
  assert.throws(
    () => run(referralsDecided1wd, data, '2021-22-Q1'),
    (err: unknown) => {
      assert.ok(err instanceof CalendarRangeError);
      assert.deepEqual(err.loaded, { la: '841', table: 'contacts.csv', field: 'received_at' });
      assert.equal(err.year, 1922);
      assert.match(
        err.message,
        /^a record loaded for LA 841 has an event date in 1922 \(contacts\.csv, received_at\)/,
      );
      assert.match(err.message, /rule GEN-PAST names the row, correct its year and import the file again/);
      assert.doesNotMatch(err.message, /child-k1|k1|04-01/);
      return true;
    },
  );
});

test('any other error, a year after the table, or none found, is rethrown as it was', () => {
  const data = dataset(['contacts'], { contacts: [contact('k1', '2021-04-01', '2021-06-02')] });
  for (const err of [
    new Error('other'),
    new CalendarRangeError(2031, 1990, 2027),
    new CalendarRangeError(1989, 1990, 2027),
  ]) {
    assert.throws(
      () =>
        explainedByLoadedDates(data, () => {
          throw err;
        }),
      (thrown: unknown) => thrown === err,
    );
  }
  assert.equal(
    new CalendarRangeError(2031, 1990, 2027).message,
    "working days for 2031 are not known: the England & Wales bank holiday table covers 1990–2027. Add 2031's bank holidays (from gov.uk/bank-holidays) to a CSV named by CSPI_BANK_HOLIDAYS or to data/bank-holidays-england-and-wales.csv.",
  );
});
