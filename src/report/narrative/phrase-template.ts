/**
 * Catalogue narrative phrases (report.md §5) and the placeholders they may use:
 *
 * - `subject`: the words after the value, e.g. "of the children referred {when} had been re-referred…".
 * - `lead`: an optional frame. With `{value}` in it, it is the whole opening and places the value itself
 *   (and `{subject}` where it wants it): "At the end of {endMonth}, the percentage of {subject} was {value}".
 *   Without `{value}`, the value and subject follow it: "Social workers completed" + "80.0 per cent" + subject.
 * - `{when}`: the basis phrase where the phrase puts it (the embedded form, e.g. "during this quarter").
 *   Without a lead and without `{when}` in the subject, the standard form is appended after the subject
 *   ("during Q3"). A lead controls its own time words: nothing is appended. `{when:none}` says "no time phrase".
 * - `{endMonth}` "December 2021", `{quarter}` "Q3", `{period}` "Q3 2021/22".
 * - `[[CiC]]`: an abbreviation, spelt out at its first use in the narrative.
 */
export interface PhraseValues {
  readonly value: string;
  readonly subject: string;
  readonly whenEmbedded: string;
  readonly endMonth: string;
  readonly quarter: string;
  readonly period: string;
}

/** True when a phrase places (or refuses) the time phrase itself. */
export function placesWhen(phrase: string): boolean {
  return /\{when(:none)?\}/.test(phrase);
}

/**
 * Substitutes the placeholders of a phrase; unknown placeholders are left as written (a catalogue test catches them).
 * @example fillPhrase('referred {when}', { whenEmbedded: 'during this quarter', … }) //=> 'referred during this quarter'
 */
export function fillPhrase(phrase: string, v: PhraseValues): string {
  return phrase
    .replace(/\{when:none\}/g, '')
    .replace(/\{when\}/g, v.whenEmbedded)
    .replace(/\{value\}/g, v.value)
    .replace(/\{subject\}/g, v.subject)
    .replace(/\{endMonth\}/g, v.endMonth)
    .replace(/\{quarter\}/g, v.quarter)
    .replace(/\{period\}/g, v.period);
}
