import { cinRecords } from '../rule.js';
import { ran, type Rule, type RuleHit } from '../rule.js';

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
    const withS47Icpc = new Set(
      cinRecords(ctx.tables.section47s)
        .filter((s) => s.dateOfInitialCpc !== null)
        .map((s) => s.referralId),
    );
    const hits: RuleHit[] = [];
    for (const r of cinRecords(ctx.tables.referrals)) {
      if (r.dateOfInitialCpc !== null && withS47Icpc.has(r.id)) {
        hits.push({
          table: 'referrals',
          record: r,
          field: 'DateOfInitialCPC',
          value: r.dateOfInitialCpc,
          message: `DateOfInitialCPC ${r.dateOfInitialCpc} is given on the CINdetails and on its Section47; the Section47 date is used`,
          repair: { ...r, dateOfInitialCpc: null },
        });
      }
    }
    return ran(hits);
  },
};
