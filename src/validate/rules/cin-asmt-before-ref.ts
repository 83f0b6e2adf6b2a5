import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';
import { keyRepeats } from './dup-keys.js';
import { cinKeyRepeats } from './cin-key-repeats.js';
import { CinTable } from '../../ingest/cin/cin-table.js';
import type { Referral } from '../../model/cin.js';
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
    const staged = ctx.tables.referrals;
    const referrals = cinRecords(staged);
    // Whether referral ids repeat: a census's table is asked by column, without its records' ids.
    const idsRepeat =
      staged instanceof CinTable
        ? cinKeyRepeats(staged).length > 0
        : keyRepeats('referrals', referrals).length > 0;
    const dateOf = referralDates(referrals, idsRepeat);
    const hits: RuleHit[] = [];
    for (const a of cinRecords(ctx.tables.assessments)) {
      const d = dateOf(a.referralId);
      if (d && a.startDate < d)
        hits.push({
          table: 'assessments',
          record: a,
          field: 'AssessmentActualStartDate',
          value: a.startDate,
          message: `the assessment starts ${a.startDate}, before its referral date ${d}`,
        });
    }
    return ran(hits);
  },
};

/**
 * Finds a referral's date by its id (a later referral with the same id wins, as a map of every id would).
 * A return lists each CINdetails with its assessments, so an assessment's referral is looked for from the
 * last one found onwards: one comparison each, no map of every id. Only when ids repeat (`idsRepeat`), or an
 * assessment's referral is not ahead, is the map built (once) and used from then on.
 */
function referralDates(
  referrals: readonly Referral[],
  idsRepeat: boolean,
): (id: string) => IsoDate | undefined {
  let byId: Map<string, IsoDate> | null = null;
  const mapOf = (): Map<string, IsoDate> => {
    if (byId === null) {
      byId = new Map();
      for (const r of referrals) byId.set(r.id, r.referralDate);
    }
    return byId;
  };
  if (idsRepeat) return (id) => mapOf().get(id);
  let at = 0;
  return (id) => {
    if (byId === null) {
      for (let i = at; i < referrals.length; i++) {
        if (referrals[i]!.id === id) {
          at = i;
          return referrals[i]!.referralDate;
        }
      }
    }
    return mapOf().get(id);
  };
}
