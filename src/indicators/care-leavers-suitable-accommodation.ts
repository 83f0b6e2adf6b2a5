import { computeCareLeaverMeasure } from './lib/care-leaver-measure.js';
import { careLeaverSources } from './lib/care-leavers.js';
import type { IndicatorDefinition } from './types.js';

/** ACCOM first letters that leave the cohort: gone abroad, deported, residence not known. */
const EXCLUDED_ACCOM: Record<string, string> = {
  G: 'gone abroad (G)',
  H: 'deported (H)',
  R: 'residence not known (R)',
};

/**
 * The OC3 ACCOM codes other than `0` (inputs.md §2.2): a type letter and 1 (suitable) or 2 (not
 * suitable); S1 (no fixed abode) and X1 (custody) are not codes.
 */
const ACCOM_CODE = /^[BCDEGHKRSTUVWXYZ][12]$/;
const INVALID_ACCOM = new Set(['S1', 'X1']);

/**
 * How the measure reads an ACCOM code: `suitable` (ends in 1), `unsuitable` (ends in 2), or `not-known`
 * for `0`, blank and anything that is not an ACCOM code, which loading keeps with a GEN-CODE warning
 * (inputs.md §6 "a bad attribute is kept as invalid (read as unknown)"): an invalid S1 or X1 is never
 * suitable.
 * @example accommodationStatus('D1') //=> 'suitable'
 * @example accommodationStatus('S1') //=> 'not-known'
 */
export function accommodationStatus(accom: string): 'suitable' | 'unsuitable' | 'not-known' {
  if (!ACCOM_CODE.test(accom) || INVALID_ACCOM.has(accom)) return 'not-known';
  return accom[1] === '1' ? 'suitable' : 'unsuitable';
}

function suitable(accom: string): boolean {
  return accommodationStatus(accom) === 'suitable';
}

function describeAccommodation(accom: string): string {
  const status = accommodationStatus(accom);
  if (accom === '') return 'accommodation blank (not known)';
  if (status === 'not-known' && accom !== '0') {
    return `accommodation ${accom} (not a valid ACCOM code: not known)`;
  }
  return `accommodation ${accom} (${status === 'not-known' ? 'not known' : status})`;
}

/**
 * Care Leavers in suitable accommodation (indicators.md §2 care-leavers-suitable-accommodation).
 * Decided reading (as care-leavers-neet, "NO, REFU and NREQ stay in the cohort as "not known""): a young
 * person the LA is not in touch with counts as accommodation not known (ACCOM 0) whatever ACCOM the row
 * carries, so is in the denominator, never in the numerator, and not removed by a stale ACCOM G, H or R.
 * An ACCOM that is not a code (e.g. the invalid S1 or X1, inputs.md §2.2) is read as not known (§6): in
 * the denominator, never in the numerator ({@link accommodationStatus}).
 */
export const indicator: IndicatorDefinition = {
  id: 'care-leavers-suitable-accommodation',
  title: 'Care Leavers in suitable accommodation',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'care-leavers',
  basis: 'snapshot',
  bases: ['snapshot'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 care-leavers-suitable-accommodation; §1.5, §1.8 care leavers',
  definitionVersion: '2.1',
  definition: {
    summary:
      'The percentage of care leavers aged 19 to 21 (or 17 to 18, by setting) who were in suitable accommodation at the end of the period.',
    numerator:
      'Care leavers in the denominator whose latest recorded accommodation is marked suitable (an OC3 accommodation code ending in 1). Young people the council is not in touch with count as accommodation not known, whatever accommodation is recorded.',
    denominator:
      'The care-leaver cohort of the NEET measure: relevant or former relevant care leavers aged 19 to 21 at the period end, by their latest status on or before it, including those in unsuitable accommodation and those whose accommodation is not known.',
    exclusions:
      'As the NEET measure (died; returned home for six months or more; no status; no date of birth; UASC by setting), and also young people who have gone abroad (G), been deported (H) or whose residence is not known (R), unless the council is not in touch with them (their accommodation then counts as not known).',
    why: 'Safe, suitable accommodation is the foundation of a successful move to adult life.',
    comparability:
      'The DfE figure (OC3) records accommodation around the 19th to 21st birthdays in the year; the local figure uses the latest status at the period end.',
  },
  sources: ['care-leavers'],
  sourcesUnder: careLeaverSources,
  nestedIn: { indicator: 'care-leavers-neet', by: 'denominator' },
  target: { value: 90, kind: 'local' },
  england: {
    value: 88,
    text: '88% at 19–21 (29,260 of 33,290); 90% at 17–18',
    year: '2021-22',
    publisher: 'DfE Children looked after in England including adoptions',
    likeForLike: true,
  },
  directionComparator: 'previous',
  narrative: {
    subject: 'of Care Leavers were in suitable accommodation',
    zeroPhrase: 'No Care Leaver was in suitable accommodation {when}',
  },
  compute: (input, ctx) =>
    computeCareLeaverMeasure(input, ctx, {
      exclude: (c) => EXCLUDED_ACCOM[c.accommodation.charAt(0)] ?? null,
      inNumerator: (c) => suitable(c.accommodation),
      describe: (c) => describeAccommodation(c.accommodation),
      excludedNote: 'excludedAccommodation',
      group: {
        name: 'accommodation',
        cell: (c) => {
          const status = accommodationStatus(c.accommodation);
          return status === 'suitable'
            ? { key: 'suitable', label: 'Suitable' }
            : status === 'unsuitable'
              ? { key: 'unsuitable', label: 'Unsuitable' }
              : { key: 'not-known', label: 'Not known' };
        },
      },
    }),
};
