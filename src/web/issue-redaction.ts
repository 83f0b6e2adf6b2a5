import type { ValidationIssue } from '../validate/issue.js';

/** Fields whose offending value identifies a child (ids, UPNs, dates of birth, postcodes, names). */
const PERSONAL_FIELD = /child|upn|uln|nhs|birth|dob|post|name/i;
/** A message about a date of birth: every date in it is withheld, since any may be the birth date. */
const ABOUT_BIRTH = /birth|\bdob\b/i;
const DATES = [/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g, /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g];
/** A UPN (letter, 11 digits, digit or letter) and a UK postcode, wherever they appear. */
const UPN = /\b[A-Z]\d{11}[0-9A-Z]\b/g;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/gi;

const WITHHELD = '[withheld]';

/** Replaces `find` where it stands as a whole token (child id 123 is not the 123 of line 1234). */
function replaceAll(text: string, find: string, by: string): string {
  if (!find) return text;
  const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'g'), () => by);
}

/**
 * A validation message as a role without `child-level:identifiable` may read it (report.md §9: child-level
 * data is identifiable or pseudonymised by role). Messages name what to fix, and many name the child
 * ("child C123's Header DOB 02/04/2010"), quote a UPN or postcode, or give a date of birth. Here the
 * issue's child id becomes its pseudonym (the one the role's child-level lists show, so a row can still be
 * followed up), the offending value of a personal field is withheld, UPNs and postcodes anywhere are
 * withheld, and in a message about a date of birth every date is withheld. The file, position, field and
 * rule are left: they find the row in the extract the analyst loaded.
 * @example redactIssueMessage({ …, childId: 'C1', message: "child C1's DOB 02/04/2010" }, (id) => 'P-AB') //=> "child P-AB's DOB [withheld]"
 */
export function redactIssueMessage(
  issue: Pick<ValidationIssue, 'childId' | 'field' | 'value' | 'message'>,
  pseudonymOf: (childId: string) => string,
): string {
  let m = issue.message;
  if (issue.childId) m = replaceAll(m, issue.childId, pseudonymOf(issue.childId));
  if (issue.value && issue.field && PERSONAL_FIELD.test(issue.field))
    m = replaceAll(m, issue.value, WITHHELD);
  m = m.replace(UPN, WITHHELD).replace(POSTCODE, WITHHELD);
  if (ABOUT_BIRTH.test(m) || (issue.field !== null && ABOUT_BIRTH.test(issue.field)))
    for (const d of DATES) m = m.replace(d, WITHHELD);
  return m;
}
