import type { ValidationIssue } from './issue.js';

/**
 * A check-only run's issues (`cspi validate`), told as what an import would do: the readers and rules word
 * an error's outcome for the import they serve ("…; this row was not loaded.", "…: not loaded because its
 * CINdetails was not loaded.", "…: not loaded because the element it sits in was rejected."), but validate
 * loads nothing, and its Result line already says "would be rejected". Only those outcome phrases change;
 * the rest of each message, and every other field, is as the import reports it.
 * @example checkOnlyIssues([{ …, message: 'episodes.csv line 4: DECOM is not a date; this row was not loaded.' }])[0].message //=> 'episodes.csv line 4: DECOM is not a date; this row would not be loaded.'
 */
export function checkOnlyIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((i) => {
    if (i.severity !== 'error') return i;
    const message = i.message
      .replace(/; (this [^;]+?) was not loaded\.$/, '; $1 would not be loaded.')
      .replace(/: not loaded because (.+)\.$/, (_m, why: string) => {
        const would = why
          .replace(/ was not loaded$/, ' would not be loaded')
          .replace(/ was rejected$/, ' would be rejected');
        return `: would not be loaded because ${would}.`;
      });
    return message === i.message ? i : { ...i, message };
  });
}
