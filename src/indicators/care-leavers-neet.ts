import { activityGroup, careLeaverSources } from './lib/care-leavers.js';
import { computeCareLeaverMeasure } from './lib/care-leaver-measure.js';
import type { IndicatorDefinition } from './types.js';

/** OC3 ACTIV codes of young people not in education, employment or training. */
const NEET = new Set(['G4', 'G5', 'G6']);

/**
 * Care Leavers not in employment, education or training (indicators.md §2 care-leavers-neet).
 * Decided reading of "Exclusions | … NO, REFU and NREQ stay in the cohort as "not known"": a young person
 * the LA is not in touch with counts as activity not known (ACTIV 0) whatever ACTIV the row carries, so
 * is in the denominator and never in the numerator, as in DfE practice (the information is not known when
 * the LA is not in touch). The cohort applies it (`asCounted` in lib/care-leavers.ts) for both
 * care-leaver measures, under the local and OC3 cohorts alike.
 */
export const indicator: IndicatorDefinition = {
  id: 'care-leavers-neet',
  title: 'Care Leavers not in employment, education or training (NEET)',
  unit: 'percent',
  polarity: 'lower',
  serviceArea: 'care-leavers',
  basis: 'snapshot',
  bases: ['snapshot'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 care-leavers-neet; §1.5, §1.8 care leavers',
  definitionVersion: '2',
  definition: {
    summary:
      'The percentage of care leavers aged 19 to 21 (or 17 to 18, by setting) who were not in education, employment or training at the end of the period.',
    numerator:
      'Care leavers in the denominator whose latest recorded activity is NEET: because of illness or disability (G4), for other reasons (G5), or because of pregnancy or parenting (G6). Young people the council is not in touch with (they refuse contact, no longer want support, or contact has been lost) count as activity not known, whatever activity is recorded.',
    denominator:
      'Young people in the local care-leaver extract who are relevant or former relevant care leavers (where eligibility is not recorded it is worked out from the SSDA903 return: looked after for at least 91 days from age 14, including a day on or after their 16th birthday, and not looked after at the period end), aged 19 to 21 at the period end, using their latest status recorded on or before it. Young people whose activity is not known are included.',
    exclusions:
      'Young people who have died or have returned home to their parents for six months or more. Young people with no status recorded by the period end or no date of birth. Unaccompanied asylum-seeking children are included unless the "excluding UASC" setting is on.',
    why: 'Being in education, employment or training is a key outcome for care leavers and a measure of the support the council gives as corporate parent.',
    comparability:
      'The DfE figure (OC3) records activity around the 19th to 21st birthdays in the year; the local figure uses the latest status at the period end. The "OC3" setting reproduces the DfE cohort at 31 March.',
  },
  sources: ['care-leavers'],
  sourcesUnder: careLeaverSources,
  target: { value: 30, kind: 'local' },
  england: {
    value: 38,
    text: '38% at 19–21 (12,640 of 33,560); 28% at 17–18',
    year: '2021-22',
    publisher: 'DfE Children looked after in England including adoptions',
    likeForLike: true,
  },
  directionComparator: 'previous',
  narrative: {
    subject: 'of Care Leavers were [[NEET]] at the end of {endMonth}{when:none}',
    zeroPhrase: 'No Care Leaver was [[NEET]] at the end of {endMonth}',
    // The committee's word for its target (minutes, Q3 2021/22: "positivity below target of 30 per cent"), not "internal target".
    targetNoun: 'target',
  },
  compute: (input, ctx) =>
    computeCareLeaverMeasure(input, ctx, {
      exclude: () => null,
      inNumerator: (c) => NEET.has(c.activity),
      describe: (c) =>
        `activity ${c.activity === '' ? 'blank' : c.activity}${NEET.has(c.activity) ? ' (NEET)' : ''}`,
      excludedNote: 'excludedActivity',
      group: { name: 'activity', cell: (c) => activityGroup(c.activity) },
    }),
};
