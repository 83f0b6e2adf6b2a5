import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpCeased2yPlus } from './cp-ceased-2y-plus.js';
import { cpRepeat2y } from './cp-repeat-2y.js';
import { cpRepeatAny } from './cp-repeat-any.js';
import { cpPlan, dataset, run, withVariants } from './lib/test-fixtures.js';

// Audit: readings where the spec was ambiguous, each decided; the tests pin the chosen reading.

// Decided: §1.2 "End before start …: the record leaves both numerator and denominator and is counted in the
// note invalidDates". Reading A, chosen: §1.2 holds for every record a measure uses whose own dates matter
// to it; for the repeat measures a plan's start decides its period and its dates decide whether it is a
// previous / earlier plan, so a plan ending before it starts is invalid data in both roles (as loading
// treats it: CIN-CPP-ORDER rejects it). Reading B (the old code) kept it: A's plan counted in the
// denominator, and C's invalid 2021 plan made C's 2022 plan a repeat. Here: denominator 2 (B, C's 2022
// plan), numerator 0, invalidDates 1 (A's plan; C's invalid plan starts before the period).
test('audit: cp-repeat-2y / cp-repeat-any leave out a plan ending before it starts, also as a previous plan', () => {
  const data = dataset(['cp-plans'], {
    cpPlans: [
      cpPlan('p1', 'A', '2022-01-10', '2021-12-01'),
      cpPlan('p2', 'B', '2022-01-12', null),
      cpPlan('c0', 'C', '2021-06-01', '2021-05-01'),
      cpPlan('c1', 'C', '2022-01-15', null),
    ],
  });
  for (const def of [cpRepeat2y, cpRepeatAny]) {
    const r = run(def, data, '2021-22-Q4', 'in-period');
    assert.deepEqual(
      r.members.map((m) => [m.recordIds.join(','), m.inNumerator]),
      [
        ['p2', false],
        ['c1', false],
      ],
      def.id,
    );
    assert.equal(r.notes.find((n) => n.code === 'invalidDates')?.count, 1, def.id);
  }
});

// Decided: §1.8 "where the two disagree the note previousCppMismatch counts it". Reading A, chosen: a blank
// NumberOfPreviousCPP states nothing, so it cannot disagree with the history; a stated 0 against an earlier
// loaded plan does. Reading B would count a blank against an earlier plan too (2 here, not 1). Both plans
// are repeats by the history.
test('audit: cp-repeat-any counts no previousCppMismatch when NumberOfPreviousCPP is blank and history has an earlier plan', () => {
  const data = dataset(['cp-plans'], {
    cpPlans: [
      cpPlan('a0', 'A', '2020-01-01', '2020-06-01'),
      cpPlan('a1', 'A', '2022-01-10', null),
      cpPlan('b0', 'B', '2020-01-01', '2020-06-01'),
      cpPlan('b1', 'B', '2022-01-10', null, { numberOfPreviousCpp: 0 }),
    ],
  });
  const r = run(cpRepeatAny, data, '2021-22-Q4', 'in-period');
  assert.equal(r.numerator, 2);
  assert.equal(r.notes.find((n) => n.code === 'previousCppMismatch')?.count, 1);
  assert.equal(
    r.members.find((m) => m.childId === 'A')?.reason,
    'NumberOfPreviousCPP blank; earlier plan from 2020-01-01',
  );
});

// Audit, decided: §2 cp-ceased-2y-plus variant "`= calendar`: end ≥ start + 24 months" against §1.2
// "Thresholds step back from the reference date … Never step forward from the start". Reading chosen:
// §1.2, start ≤ end − 24 months (the plan's end is the reference date), so the shared addMonths steps back
// and one reading is used everywhere. A plan from 2020-02-29 to 2022-02-28: 2022-02-28 − 24 months =
// 2020-02-28, before the start, so not 2y+ (stepping forward, 2020-02-29 + 24 months = 2022-02-28, made it
// 2y+); it qualifies on 2022-03-01.
test('audit: cp-ceased-2y-plus calendar variant steps back from the end, not forward from a 29 February start', () => {
  const data = dataset(['cp-plans'], {
    cpPlans: [cpPlan('x', 'X', '2020-02-29', '2022-02-28'), cpPlan('y', 'Y', '2020-02-29', '2022-03-01')],
  });
  const r = run(cpCeased2yPlus, data, '2021-22-Q4', 'in-period', withVariants({ cpDuration: 'calendar' }));
  assert.equal(r.denominator, 2);
  assert.deepEqual(
    r.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['Y'],
  );
});
