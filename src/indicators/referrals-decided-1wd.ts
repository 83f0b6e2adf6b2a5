import { fromCounts, fromMembers } from './lib/members.js';
import { screeningCohort, screeningDefinitionUnder, screeningMember } from './lib/screening.js';
import type { DefinitionText, IndicatorDefinition } from './types.js';

const DEFINITION: DefinitionText = {
  summary:
    'The percentage of contacts that became referrals whose screening decision was made within 1 working day.',
  numerator:
    'Contacts with outcome referral decided within 1 working day of receipt: working days after the received date up to and including the decision date ≤ 1 (a Saturday contact decided on Monday took 1 working day).',
  denominator: 'Contacts with outcome referral whose decision date is in the period.',
  exclusions:
    'Contacts with any other outcome; a decision dated before receipt (counted in the note invalidDates). Undecided contacts are reported in the note awaitingDecision.',
  why: 'Quick screening decisions mean children who need help are identified and passed on without delay.',
  comparability: 'A local measure from the case management system; there is no national figure.',
};

/**
 * referrals-decided-1wd (indicators.md §2): contacts with outcome referral decided in the period, and
 * those decided within 1 working day of receipt (wd(received, decided) ≤ 1). Under `screening.cohortBy =
 * received` the definition text describes the received cohort (`screeningDefinitionUnder`).
 */
export const referralsDecided1wd: IndicatorDefinition = {
  id: 'referrals-decided-1wd',
  title: 'Referrals screened and completed within 1 working day',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'front-door',
  basis: 'ytd',
  bases: ['ytd', 'in-period'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 referrals-decided-1wd',
  definitionVersion: '1.0',
  definition: DEFINITION,
  definitionUnder: screeningDefinitionUnder(DEFINITION, {
    summary:
      'The percentage of contacts received in the period that became referrals whose screening decision was made within 1 working day.',
    numerator:
      'Contacts in the cohort decided within 1 working day of receipt: working days after the received date up to and including the decision date ≤ 1 (a Saturday contact decided on Monday took 1 working day).',
  }),
  sources: ['contacts'],
  target: { value: 90, kind: 'local' },
  england: null,
  directionComparator: 'previous',
  narrative: {
    subject: 'of referrals were screened and completed within 1 day',
    narrativeGroup: 'screening',
    // The committee's word for its target (minutes, Q3 2021/22: "below the target of 90 per cent"), not "internal target".
    targetNoun: 'target',
  },
  compute(input, ctx) {
    const cohort = screeningCohort(input, ctx);
    const parts = { notes: cohort.notes, breakdowns: { timeliness: cohort.breakdown } };
    if (ctx.members === false) {
      let n = 0;
      for (const x of cohort.cases) if (!x.undecided && x.days <= 1) n++;
      return fromCounts(n, cohort.cases.length, parts);
    }
    return fromMembers(
      cohort.cases.map((x) => screeningMember(x, !x.undecided && x.days <= 1)),
      { notes: cohort.notes, breakdowns: { timeliness: cohort.breakdown } },
    );
  },
};
