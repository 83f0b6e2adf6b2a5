import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { datetimeDate } from './datetime-date.js';
import { londonDate } from '../calendar/london-date.js';

test('datetimeDate: a time without an offset keeps its date; an offset is converted to London time', () => {
  assert.equal(datetimeDate('2021-04-01T09:30'), '2021-04-01');
  assert.equal(datetimeDate('2021-04-01 23:59:59'), '2021-04-01');
  assert.equal(datetimeDate('2021-04-01'), '2021-04-01');
  assert.equal(datetimeDate('2021-06-30T23:30:00Z'), '2021-07-01');
  assert.equal(datetimeDate('2021-02-30T09:30'), null);
  assert.equal(datetimeDate('2021-04-01T24:00'), null);
  assert.equal(datetimeDate('01/04/2021 09:30'), null);
});

test('datetimeDate gives what londonDate gives, for cells near the usual shapes', () => {
  const digit = fc.constantFrom(...'0123456789');
  const two = fc.tuple(digit, digit).map(([a, b]) => a + b);
  const cellText = fc
    .tuple(
      fc.tuple(digit, digit, digit, digit).map((d) => d.join('')),
      fc.constantFrom('-', '/'),
      two,
      two,
      fc.constantFrom('T', ' ', 'x', ''),
      two,
      fc.constantFrom(':', '.'),
      two,
      fc.constantFrom('', ':00', ':59', ':60', ':5', '.5', 'Z', '+01:00', ':00Z', ':00+0100'),
    )
    .map(([y, s, m, d, t, h, c, mi, tail]) => `${y}${s}${m}-${d}${t}${t === '' ? '' : h + c + mi + tail}`);
  fc.assert(
    fc.property(cellText, (text) => assert.equal(datetimeDate(text), londonDate(text))),
    { numRuns: 3000 },
  );
});
