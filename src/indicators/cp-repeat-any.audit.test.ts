import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { cpRepeatAny as def } from './cp-repeat-any.js';
import { cpPlan, dataset, run } from './lib/test-fixtures.js';

// Audit (indicators.md §2 cp-repeat-any; §1.8 "a plan is a repeat if NumberOfPreviousCPP ≥ 1 or the
// loaded history holds an earlier plan of the child; where the two disagree the note previousCppMismatch
// counts it"; §1.1 bases). The blank-count and invalid-date readings are pinned in
// cp-repeat-2y.audit.test.ts.

// Two plans of one child both starting in 2021-22-Q3: the first (count 0, nothing earlier loaded) is a
// first plan; the second is a repeat by the history (the first plan, ended a month earlier) and by its
// count 1: they agree, no note. Child B, the same but the second plan's count is a stated 0: still a
// repeat (history), and a disagreement. Child C: a plan still open when the next one starts (an overlap,
// CIN-CPP-OVERLAP) is an earlier plan all the same ("earlier CPPstartDate"). Child D: only a later plan
// exists; a later plan never makes a plan a repeat (count 0 agrees: no note). Result: 3 repeats of 6 plans
// starting in Q3 (D's second plan starts in Q4), previousCppMismatch 1.
test('audit: an earlier plan is any plan with an earlier start, also in the same period or still open', () => {
  const data = dataset(['cp-plans'], {
    cpPlans: [
      cpPlan('a1', 'A', '2021-10-01', '2021-10-31', { numberOfPreviousCpp: 0 }),
      cpPlan('a2', 'A', '2021-12-01', null, { numberOfPreviousCpp: 1 }),
      cpPlan('b1', 'B', '2021-10-01', '2021-10-31', { numberOfPreviousCpp: 0 }),
      cpPlan('b2', 'B', '2021-12-01', null, { numberOfPreviousCpp: 0 }),
      cpPlan('c0', 'C', '2021-06-01', null, { numberOfPreviousCpp: 0 }),
      cpPlan('c1', 'C', '2021-11-01', null, { numberOfPreviousCpp: 1 }),
      cpPlan('d1', 'D', '2021-11-15', '2021-12-01', { numberOfPreviousCpp: 0 }),
      cpPlan('d2', 'D', '2022-02-01', null, { numberOfPreviousCpp: 1 }),
    ],
  });
  const r = run(def, data, '2021-22-Q3', 'in-period');
  assert.deepEqual(
    r.members.map((m) => [m.recordIds.join(','), m.inNumerator]),
    [
      ['a1', false],
      ['a2,a1', true],
      ['b1', false],
      ['b2,b1', true],
      ['c1,c0', true],
      ['d1', false],
    ],
  );
  assert.deepEqual([r.numerator, r.denominator], [3, 6]);
  assert.deepEqual(r.notes, [{ code: 'previousCppMismatch', count: 1 }]);
  assert.deepEqual(r.members[1]?.dates, { planStart: '2021-12-01', earlierPlanStart: '2021-10-01' });
});

// Decided (§1.8 "where the two disagree"): the two sources disagree when they give different answers to
// "is this a repeat?", not when the census count differs from the number of loaded earlier plans. The
// count covers plans before the loaded history (that is why it is read at all), so a count of 2 with one
// earlier plan loaded agrees. Reading (b), comparing numbers, would flag nearly every child with a long
// history and make the note useless. Here: E (count 2, one earlier plan loaded) agrees; F (count 1,
// nothing loaded: the earlier plan is before the data) is a repeat and a disagreement; G (count 0, one
// earlier plan) is a repeat and a disagreement. Note 2 (reading (b) would give 3).
test('audit: previousCppMismatch compares the repeat decision, not the number of plans', () => {
  const data = dataset(['cp-plans'], {
    cpPlans: [
      cpPlan('e0', 'E', '2020-01-01', '2020-06-01'),
      cpPlan('e1', 'E', '2022-01-10', null, { numberOfPreviousCpp: 2 }),
      cpPlan('f1', 'F', '2022-01-10', null, { numberOfPreviousCpp: 1 }),
      cpPlan('g0', 'G', '2020-01-01', '2020-06-01'),
      cpPlan('g1', 'G', '2022-01-10', null, { numberOfPreviousCpp: 0 }),
    ],
  });
  const r = run(def, data, '2021-22-Q4', 'in-period');
  assert.deepEqual([r.numerator, r.denominator], [3, 3]);
  assert.deepEqual(r.notes, [{ code: 'previousCppMismatch', count: 2 }]);
  assert.equal(
    r.members.find((m) => m.childId === 'F')?.reason,
    'NumberOfPreviousCPP 1; no earlier plan loaded',
  );
});

// Period edges (§1.1): ytd 2021-22-Q3 is [2021-04-01, 2021-12-31], the headline; in-period is
// [2021-10-01, 2021-12-31]. H's plan starting 2021-03-31 is in neither but is the earlier plan of H's plan
// starting 2021-04-01 (in ytd, a repeat). J's plans start 2021-10-01 and 2021-12-31 (both in Q3: the
// second a repeat); K's 2022-01-01 plan is out. ytd: 4 plans, 2 repeats; in-period: 2 plans, 1 repeat.
test('audit: the plan start decides the period, both ends included; earlier plans may lie outside it', () => {
  const data = dataset(['cp-plans'], {
    cpPlans: [
      cpPlan('h0', 'H', '2021-03-31', '2021-03-31', { numberOfPreviousCpp: 0 }),
      cpPlan('h1', 'H', '2021-04-01', '2021-09-30', { numberOfPreviousCpp: 1 }),
      cpPlan('i1', 'I', '2021-09-30', null, { numberOfPreviousCpp: 0 }),
      cpPlan('j1', 'J', '2021-10-01', '2021-11-01', { numberOfPreviousCpp: 0 }),
      cpPlan('j2', 'J', '2021-12-31', null, { numberOfPreviousCpp: 1 }),
      cpPlan('k1', 'K', '2022-01-01', null, { numberOfPreviousCpp: 0 }),
    ],
  });
  const ytd = run(def, data, '2021-22-Q3');
  assert.deepEqual(
    ytd.members.map((m) => [m.recordIds[0], m.inNumerator]),
    [
      ['h1', true],
      ['i1', false],
      ['j1', false],
      ['j2', true],
    ],
  );
  const q3 = run(def, data, '2021-22-Q3', 'in-period');
  assert.deepEqual([q3.numerator, q3.denominator], [1, 2]);
  assert.equal(q3.notes.length, 0);
});

// Decided (§1.3 "Look-back indicators (… repeat plans …) set the note historyIncomplete when the data
// begin less than the look-back before s"; §2 cp-repeat-any "Data | CIN NumberOfPreviousCPP,
// CPPstartDate", with no "history back to" as cp-repeat-2y has): cp-repeat-any looks back for ever, and
// its look-back before the loaded data is the census count NumberOfPreviousCPP, which DfE's own figure
// uses alone. So it has no fixed look-back for the history to fall short of, and no historyIncomplete
// note (it would be on every figure); where the count and the history disagree, previousCppMismatch says
// so. Here the CIN history begins on s itself: the count alone makes L's plan a repeat, and no
// historyIncomplete note is given.
test('audit: no historyIncomplete note: NumberOfPreviousCPP is the look-back before the loaded history', () => {
  const data = dataset(['cp-plans'], {
    historyStart: { cin: isoDate('2021-10-01'), ssda903: null },
    cpPlans: [cpPlan('l1', 'L', '2021-10-01', null, { numberOfPreviousCpp: 3 })],
  });
  const r = run(def, data, '2021-22-Q3', 'in-period');
  assert.deepEqual([r.numerator, r.denominator], [1, 1]);
  assert.deepEqual(
    r.notes.map((n) => n.code),
    ['previousCppMismatch'],
  );
});
