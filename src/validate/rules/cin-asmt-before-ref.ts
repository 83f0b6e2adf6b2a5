import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinKeyRepeats } from './cin-key-repeats.js';
import { type CinTable, cinTableOf } from '../../ingest/cin/cin-table.js';
import { ASSESSMENT_SHAPE, REFERRAL_SHAPE } from '../../ingest/cin/cin-shapes.js';
import type { Assessment, Referral } from '../../model/cin.js';
import type { IsoDate } from '../../calendar/iso-date.js';
/** CIN-ASMT-BEFORE-REF (inputs.md §6; DfE 1103): an assessment starts before its referral. Query. */
export const cinAsmtBeforeRef: Rule = {
  code: 'CIN-ASMT-BEFORE-REF',
  severity: 'query',
  dfeRule: '1103',
  sources: ['cin'],
  tables: ['assessments', 'referrals'],
  fields: ['AssessmentActualStartDate', 'CINreferralDate'],
  message: 'An assessment starts before its referral date.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const assessments = cinTableOf(ASSESSMENT_SHAPE, ctx.tables.assessments);
    const referrals = cinTableOf(REFERRAL_SHAPE, ctx.tables.referrals);
    if (assessments === undefined || referrals === undefined) return ran(hits);
    const dateOf = referralDates(referrals);
    const start = assessments.field('startDate');
    for (let i = 0; i < assessments.length; i++) {
      const d = dateOf(assessments, i);
      const s = start.at(i);
      if (d && s < d)
        hits.push({
          table: 'assessments',
          row: i,
          record: assessments.record(i),
          field: 'AssessmentActualStartDate',
          value: s,
          message: `the assessment starts ${s}, before its referral date ${d}`,
        });
    }
    return ran(hits);
  },
};

/**
 * Finds the date of assessment row i's referral: the referral whose id is its `referralId` (a later referral with
 * the same id wins, as a map of every id would). A census lists each CINdetails with its assessments, and gives a
 * referral the id `CHILD/REFERRALDATE` and its assessments that `referralId`: so while neither table holds a row
 * staged as a record and no referral key repeats, an assessment's referral is looked for by child and date from
 * the last one found onwards, one comparison each, with no id string. Otherwise, or when the referral is not ahead,
 * a map of every referral id is built (once) and used from then on.
 */
function referralDates(
  referrals: CinTable<Referral>,
): (t: CinTable<Assessment>, i: number) => IsoDate | undefined {
  let byId: Map<string, IsoDate> | null = null;
  const referralDate = referrals.field('referralDate');
  const mapOf = (): Map<string, IsoDate> => {
    if (byId === null) {
      byId = new Map();
      for (let r = 0; r < referrals.length; r++) byId.set(referrals.id(r), referralDate.at(r));
    }
    return byId;
  };
  const byKey = !referrals.hasStagedRows && cinKeyRepeats(referrals).length === 0;
  let at = 0;
  return (t, i) => {
    if (byId === null && byKey && !t.isStaged(i)) {
      const child = t.childId(i);
      const date = t.referralDateAt(i);
      for (let r = at; r < referrals.length; r++) {
        if (referrals.childId(r) === child && referralDate.at(r) === date) {
          at = r;
          return date;
        }
      }
    }
    return mapOf().get(t.referralId(i));
  };
}
