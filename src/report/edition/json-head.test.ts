import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadingMember } from './json-head.js';

const doc = {
  report: {
    period: { id: '2021-22-Q3' },
    indicators: [{ id: 'cic-count', title: 'Children "in" care, {all} [ages] \\ ok,', value: 44 }],
    empty: [{}, []],
  },
  members: { 'cic-count': [{ childId: 'C1' }, { childId: 'C2' }] },
};
const text = JSON.stringify(doc);

test('the leading member of a whole document: its value, braces, brackets, commas and quotes in strings kept', () => {
  assert.deepEqual(leadingMember(text, 'report'), doc.report);
});

test('the leading member of a head cut anywhere after the value: the rest is never parsed', () => {
  const end = JSON.stringify({ report: doc.report }).length - 1;
  for (let cut = end + 1; cut <= text.length; cut++)
    assert.deepEqual(leadingMember(text.slice(0, cut), 'report'), doc.report, `cut at ${cut}`);
  // What follows may be cut mid-string or mid-number: it is not parsed.
  assert.deepEqual(
    leadingMember(`${text.slice(0, end)},"members":{"cic-count":[{"childId":"C`, 'report'),
    doc.report,
  );
});

test('a head that ends before the value does: undefined (the caller reads the whole document)', () => {
  const end = JSON.stringify({ report: doc.report }).length - 1;
  for (let cut = 0; cut < end; cut++) assert.equal(leadingMember(text.slice(0, cut), 'report'), undefined);
});

test('another member first, or white space: undefined', () => {
  assert.equal(
    leadingMember(JSON.stringify({ members: doc.members, report: doc.report }), 'report'),
    undefined,
  );
  assert.equal(leadingMember(JSON.stringify(doc, null, 2), 'report'), undefined);
  assert.equal(leadingMember(text, 'members'), undefined);
});

test('scalar and only members', () => {
  assert.equal(leadingMember('{"n":12.5,"m":[1]}', 'n'), 12.5);
  assert.equal(leadingMember('{"s":"a,b}"}', 's'), 'a,b}');
  assert.deepEqual(leadingMember('{"o":{"a":null}}', 'o'), { a: null });
  assert.equal(leadingMember('{"n":1', 'n'), undefined);
});
