import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import {
  ASSESSMENT_SHAPE,
  CIN_PLAN_SHAPE,
  CP_PLAN_SHAPE,
  REFERRAL_SHAPE,
  SECTION47_SHAPE,
} from '../../ingest/cin/cin-shapes.js';
import { referralKeys } from '../cin-spans.js';

/** CIN-NFA-ACTIVITY (inputs.md §6; DfE 8831): a referral marked ReferralNFA has assessments, plans or S47s. Warning. */
export const cinNfaActivity: Rule = {
  code: 'CIN-NFA-ACTIVITY',
  severity: 'warning',
  dfeRule: '8831',
  sources: ['cin'],
  tables: ['referrals'],
  fields: ['ReferralNFA'],
  message: 'A referral with no further action has activity recorded.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const referrals = cinTableOf(REFERRAL_SHAPE, ctx.tables.referrals);
    if (referrals === undefined) return ran(hits);
    const nfa = referrals.field('referralNfa');
    const candidates: number[] = [];
    for (let i = 0; i < referrals.length; i++) if (nfa.at(i) === true) candidates.push(i);
    if (candidates.length === 0) return ran(hits);
    const keys = referralKeys(referrals, candidates);
    const active = new Uint8Array(referrals.length);
    for (const t of [
      cinTableOf(ASSESSMENT_SHAPE, ctx.tables.assessments),
      cinTableOf(CIN_PLAN_SHAPE, ctx.tables.cinPlans),
      cinTableOf(SECTION47_SHAPE, ctx.tables.section47s),
      cinTableOf(CP_PLAN_SHAPE, ctx.tables.cpPlans),
    ]) {
      if (t === undefined) continue;
      for (let i = 0; i < t.length; i++) {
        keys.mark(t, i, active);
      }
    }
    for (const i of candidates) {
      if (active[i] !== 1) continue;
      hits.push({
        table: 'referrals',
        row: i,
        record: referrals.record(i),
        field: 'ReferralNFA',
        value: 'true',
        message: 'ReferralNFA is true but the referral has an assessment, plan or Section 47',
      });
    }
    return ran(hits);
  },
};
