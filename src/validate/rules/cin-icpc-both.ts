import { ran, type Rule, type RuleHit } from '../rule.js';
import { cinTableOf } from '../../ingest/cin/cin-table.js';
import { REFERRAL_SHAPE, SECTION47_SHAPE } from '../../ingest/cin/cin-shapes.js';
import { referralKeys } from '../cin-spans.js';

/**
 * CIN-ICPC-BOTH (inputs.md §3): DateOfInitialCPC is on the CINdetails and on a Section47 in it. Warning: the
 * Section47's date wins, the CINdetails one is read as blank.
 */
export const cinIcpcBoth: Rule = {
  code: 'CIN-ICPC-BOTH',
  severity: 'warning',
  sources: ['cin'],
  tables: ['referrals', 'section47s'],
  fields: ['DateOfInitialCPC'],
  message: 'DateOfInitialCPC is on both the CINdetails and a Section47; the Section47 date is used.',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const referrals = cinTableOf(REFERRAL_SHAPE, ctx.tables.referrals);
    if (referrals === undefined) return ran(hits);
    const icpc = referrals.field('dateOfInitialCpc');
    // The referrals giving an ICPC date themselves (usually none), found first: only they are looked up.
    const candidates: number[] = [];
    for (let i = 0; i < referrals.length; i++) if (icpc.at(i) !== null) candidates.push(i);
    if (candidates.length === 0) return ran(hits);
    const keys = referralKeys(referrals, candidates);
    const s47s = cinTableOf(SECTION47_SHAPE, ctx.tables.section47s);
    const withS47Icpc = new Uint8Array(referrals.length);
    if (s47s !== undefined) {
      const s47Icpc = s47s.field('dateOfInitialCpc');
      for (let i = 0; i < s47s.length; i++) {
        if (s47Icpc.at(i) === null) continue;
        keys.mark(s47s, i, withS47Icpc);
      }
    }
    for (const i of candidates) {
      if (withS47Icpc[i] !== 1) continue;
      const r = referrals.record(i);
      hits.push({
        table: 'referrals',
        row: i,
        record: r,
        field: 'DateOfInitialCPC',
        value: icpc.at(i),
        message: `DateOfInitialCPC ${icpc.at(i)} is given on the CINdetails and on its Section47; the Section47 date is used`,
        repair: { ...r, dateOfInitialCpc: null },
      });
    }
    return ran(hits);
  },
};
