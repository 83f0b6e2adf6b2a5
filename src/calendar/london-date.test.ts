import { test } from 'node:test';
import assert from 'node:assert/strict';
import { londonDate, londonDateTime } from './london-date.js';

test('londonDate reduces timestamps to the Europe/London date', () => {
  assert.equal(londonDate('2021-06-30T23:30:00Z'), '2021-07-01');
  assert.equal(londonDate('2021-12-31T23:30:00Z'), '2021-12-31');
  assert.equal(londonDate('2021-06-30T23:30'), '2021-06-30');
  assert.equal(londonDate('2021-06-30'), '2021-06-30');
  assert.equal(londonDate('2021-06-30T10:00:00+05:00'), '2021-06-30');
  assert.equal(londonDate('2021-06-31'), null);
  assert.equal(londonDate('30/06/2021'), null);
});

test('londonDate: a date or a time without an offset keeps its date', () => {
  assert.equal(londonDate('2021-04-01'), '2021-04-01');
  assert.equal(londonDate('2021-04-01T23:59'), '2021-04-01');
  assert.equal(londonDate(' 2021-04-01 09:30:15.25 '), '2021-04-01');
  assert.equal(londonDate('2021-02-29T09:30'), null);
  assert.equal(londonDate('2021-04-01T24:00'), null);
  assert.equal(londonDate('01/04/2021'), null);
});

test('londonDate: a time with an offset is converted to London time (GMT in winter, BST in summer)', () => {
  assert.equal(londonDate('2021-07-01T00:30:00+01:00'), '2021-07-01');
  assert.equal(londonDate('2021-07-01T00:30:00+0200'), '2021-06-30');
  // The clocks went forward at 01:00 GMT on 28 March 2021.
  assert.equal(londonDate('2021-03-27T23:30Z'), '2021-03-27');
  assert.equal(londonDate('2021-03-28T23:30Z'), '2021-03-29');
});

test('londonDate: always a YYYY-MM-DD date or null, even for years before 1000 or before year 1', () => {
  assert.equal(londonDate('0999-06-01T12:00Z'), '0999-06-01');
  assert.equal(londonDate('0000-01-01T00:00+01:00'), null);
  assert.equal(londonDate('0000-06-01T12:00Z'), null);
  assert.equal(londonDate('9999-12-31T12:00Z'), '9999-12-31');
  assert.equal(londonDate('9999-12-31T23:30-01:00'), null);
});

test('londonDateTime: the London date and time of a datetime, and whether it was converted', () => {
  assert.deepEqual(londonDateTime('2021-06-30T23:30:00Z'), {
    date: '2021-07-01',
    time: '00:30',
    converted: true,
  });
  assert.deepEqual(londonDateTime('2021-12-31T23:30:00+0100'), {
    date: '2021-12-31',
    time: '22:30',
    converted: true,
  });
  assert.deepEqual(londonDateTime('2021-06-30 09:05'), {
    date: '2021-06-30',
    time: '09:05',
    converted: false,
  });
  assert.deepEqual(londonDateTime('2021-06-30'), { date: '2021-06-30', time: null, converted: false });
  assert.equal(londonDateTime('2021-06-31T10:00Z'), null);
});
