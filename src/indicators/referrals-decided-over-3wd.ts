import { fromCounts, fromMembers } from './lib/members.js';
import { screeningCohort, screeningDefinitionUnder, screeningMember } from './lib/screening.js';
import type { DefinitionText, IndicatorDefinition } from './types.js';

const DEFINITION: DefinitionText = {
  summary:
    'The percentage of contacts that became referrals whose screening decision took over three working days.',
  numerator: 'Contacts with outcome referral decided more than 3 working days after receipt.',
  denominator: 'Contacts with outcome referral whose decision date is in the period.',
  exclusions:
    'Contacts with any other outcome; a decision dated before receipt (counted in the note invalidDates).',
  why: 'Long screening delays leave children waiting for help; this shows how many wait longest.',
  comparability: 'A local measure (Darlington’s threshold); there is no national figure.',
};

/**
 * referrals-decided-over-3wd (indicators.md §2): the referrals-decided-1wd cohort, and those taking over
 * three working days from receipt to decision (wd(received, decided) > 3).
 *
 * "Same cohort … as referrals-decided-1wd" is read literally, variant included: under
 * `screening.cohortBy = received` a contact still undecided at as-at is in this denominator once it is in
 * the 1wd one (wd(received, as-at) > 1), and in the numerator once wd(received, as-at) > 3. So the two
 * measures always share one denominator (lib/screening.ts), and under that variant the definition text says
 * so (`screeningDefinitionUnder`).
 */
export const referralsDecidedOver3wd: IndicatorDefinition = {
  id: 'referrals-decided-over-3wd',
  title: 'Referrals taking over three working days to complete',
  unit: 'percent',
  polarity: 'lower',
  serviceArea: 'front-door',
  basis: 'ytd',
  bases: ['ytd', 'in-period'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 referrals-decided-over-3wd',
  definitionVersion: '1.0',
  definition: DEFINITION,
  definitionUnder: screeningDefinitionUnder(DEFINITION, {
    summary:
      'The percentage of contacts received in the period that became referrals whose screening decision took over three working days.',
    numerator:
      'Contacts in the cohort decided more than 3 working days after receipt, and those still undecided at the extract date more than 3 working days after receipt.',
  }),
  sources: ['contacts'],
  // Its contacts are some of those not decided within 1 working day, of the same cohort (the public version
  // checks the rest: contacts decided in 2 to 3 working days).
  nestedIn: { indicator: 'referrals-decided-1wd', by: 'complement' },
  target: { value: 5, kind: 'local' },
  england: null,
  directionComparator: 'previous',
  narrative: {
    subject: 'of the referrals took over three days to complete',
    zeroPhrase: 'No referral took over three days to complete {when}',
    narrativeGroup: 'screening',
  },
  compute(input, ctx) {
    const cohort = screeningCohort(input, ctx);
    const parts = { notes: cohort.notes, breakdowns: { timeliness: cohort.breakdown } };
    if (ctx.members === false) {
      let n = 0;
      for (const x of cohort.cases) if (x.days > 3) n++;
      return fromCounts(n, cohort.cases.length, parts);
    }
    return fromMembers(
      cohort.cases.map((x) => screeningMember(x, x.days > 3)),
      { notes: cohort.notes, breakdowns: { timeliness: cohort.breakdown } },
    );
  },
};
