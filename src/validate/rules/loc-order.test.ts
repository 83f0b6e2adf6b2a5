import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Contact } from '../../model/local.js';
import type { RuleContext } from '../rule.js';
import { londonDate } from '../../calendar/london-date.js';
import { locOrder } from './loc-order.js';

// LOC-ORDER (inputs.md §5, §6): the rule compares the London dates of decided_at and received_at. A message
// that quotes only UTC text can show two times of one UTC day although they fall on different London days;
// it says what was compared: the London dates and times.

function contact(receivedAt: string, decidedAt: string): Contact {
  return {
    id: 'K1',
    childId: 'C1',
    receivedAt,
    receivedDate: londonDate(receivedAt)!,
    decidedAt,
    decidedDate: londonDate(decidedAt)!,
    outcome: 'nfa',
    referralSource: null,
    source: { file: 'contacts.csv', position: 'line 2' },
  };
}

function messages(...contacts: Contact[]): string[] {
  const ctx = { source: 'local', tables: { contacts } } as unknown as RuleContext;
  const out = locOrder.check(ctx);
  assert.equal(out.kind, 'ran');
  return out.kind === 'ran' ? out.hits.map((h) => h.message) : [];
}

test('LOC-ORDER: times with an offset are shown as the London dates and times the rule compared', () => {
  // 22:00Z is 23:00 BST on 30 June; 23:30Z is 00:30 BST on 1 July: one UTC day, two London days.
  assert.deepEqual(messages(contact('2021-06-30T23:30:00Z', '2021-06-30T22:00:00Z')), [
    'decided_at 2021-06-30T22:00:00Z is before received_at 2021-06-30T23:30:00Z (in London time, decided 30/06/2021 23:00, received 01/07/2021 00:30)',
  ]);
  // GMT in winter; a plain date has no time; an offset other than Z (00:30+01:00 is 23:30 GMT the day before).
  assert.deepEqual(messages(contact('2021-12-01T00:30:00+01:00', '2021-11-30')), []);
  assert.deepEqual(messages(contact('2021-12-02T00:30:00+01:00', '2021-11-30')), [
    'decided_at 2021-11-30 is before received_at 2021-12-02T00:30:00+01:00 (in London time, decided 30/11/2021, received 01/12/2021 23:30)',
  ]);
});

test('LOC-ORDER: London times written without an offset are quoted as they are', () => {
  assert.deepEqual(messages(contact('2021-07-02T10:00', '2021-07-01T10:00')), [
    'decided_at 2021-07-01T10:00 is before received_at 2021-07-02T10:00',
  ]);
  // The same London day: no finding.
  assert.deepEqual(messages(contact('2021-07-01T00:30:00+01:00', '2021-06-30T23:15:00Z')), []);
});
