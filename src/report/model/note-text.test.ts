import { test } from 'node:test';
import assert from 'node:assert/strict';
import { largestEffect, noteWords } from './note-text.js';

test('largest possible effect of excluded records on a percentage (report.md §2 item 7)', () => {
  // 160/200 = 80%: 3 more all in the numerator gives 163/203 = 80.3%; all out gives 160/203 = 78.8%.
  assert.equal(largestEffect(160, 200, 3), 1.2);
  assert.equal(largestEffect(0, 0, 2), 100);
});

test('notes read as sentences, singular or plural, with the effect on the figure', () => {
  assert.equal(
    noteWords({ code: 'icpcWithoutS47', count: 1 }, { numerator: 46, denominator: 59 }, false, 5).text,
    '1 conference recorded without a Section 47 enquiry was excluded; at most 1.3 points',
  );
  assert.equal(
    noteWords({ code: 'awaitingDecision', count: 12, detail: 'oldest 6 working days' }, null, false, 5).text,
    '12 referrals were awaiting a decision at the period end and are not yet counted (oldest 6 working days)',
  );
  assert.equal(
    noteWords(
      { code: 'populationYear', detail: 'rate per 10,000 uses the 2021-22 population' },
      null,
      false,
      5,
    ).kind,
    'info',
  );
});

test('small counts read "fewer than 6" in the public version', () => {
  assert.match(noteWords({ code: 'noDob', count: 3 }, null, true, 5).text, /^fewer than 6 young people/);
});

test('a short history reads as unchecked dues when counted (chains) and as unseen earlier events from a look-back', () => {
  assert.equal(
    noteWords(
      { code: 'historyIncomplete', count: 3, detail: 'plans starting before the loaded CIN history' },
      null,
      false,
      5,
    ).text,
    '3 plans starting before the loaded CIN history: dues falling before the loaded history cannot be checked',
  );
  // A look-back (re-referrals within 12 months, repeat plans within 2 years) has no dues to check.
  assert.equal(
    noteWords(
      { code: 'historyIncomplete', detail: 'data begin 2021-04-01; needs from 2020-10-01' },
      null,
      false,
      5,
    ).text,
    'the loaded history is shorter than the look-back (data begin 1 April 2021; needs from 1 October 2020), so earlier events are not seen',
  );
});
