import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ValidationIssue } from './issue.js';
import { checkOnlyIssues } from './check-only-issues.js';

const issue = (severity: ValidationIssue['severity'], message: string): ValidationIssue => ({
  code: 'GEN-DATE',
  severity,
  file: 'episodes.csv',
  table: 'Episodes',
  position: 'line 4',
  childId: 'C1',
  field: 'DECOM',
  value: '31/02/2021',
  dfeRule: null,
  message,
});

test('validate words an error as what an import would do; other issues and fields are unchanged', () => {
  const cases: [string, string][] = [
    [
      "episodes.csv line 4: DECOM '31/02/2021' is not a date; this row was not loaded.",
      "episodes.csv line 4: DECOM '31/02/2021' is not a date; this row would not be loaded.",
    ],
    [
      'cin.xml /Message/Children/Child[2]/CINdetails[1] (line 40): the referral date is after the closure date; this CINdetails and everything in it was not loaded.',
      'cin.xml /Message/Children/Child[2]/CINdetails[1] (line 40): the referral date is after the closure date; this CINdetails and everything in it would not be loaded.',
    ],
    [
      'cin.xml /Message/Children/Child[2]/CINdetails[1]/Assessments[1] (line 44): not loaded because its CINdetails was not loaded.',
      'cin.xml /Message/Children/Child[2]/CINdetails[1]/Assessments[1] (line 44): would not be loaded because its CINdetails would not be loaded.',
    ],
    [
      'cin.xml line 50: not loaded because the element it sits in was rejected.',
      'cin.xml line 50: would not be loaded because the element it sits in would be rejected.',
    ],
  ];
  for (const [from, to] of cases) {
    const [out] = checkOnlyIssues([issue('error', from)]);
    assert.equal(out!.message, to);
    assert.deepEqual({ ...out!, message: from }, issue('error', from));
  }
  const warning = issue('warning', 'episodes.csv line 4: PL_POST is not in postcodes.csv.');
  assert.equal(checkOnlyIssues([warning])[0], warning);
});
