import { recordsOf } from '../../ingest/row-table.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { RuleContext, RuleHit } from '../rule.js';
import type { StagedTables } from '../../ingest/staged.js';
import { cinAsmtBeforeRef } from './cin-asmt-before-ref.js';

// CIN-ASMT-BEFORE-REF looks for each assessment's referral from the last one found onwards (a return lists
// each CINdetails with its assessments); this holds it to the plain reading: a map of every referral id,
// the later referral winning when an id repeats, whatever the order of the two tables.

function hitsOf(tables: StagedTables): readonly RuleHit[] {
  const ctx = { source: 'cin', year: '2021-22', tables } as unknown as RuleContext;
  const out = cinAsmtBeforeRef.check(ctx);
  return out.kind === 'ran' ? out.hits : [];
}

function plainHits(tables: StagedTables): RuleHit[] {
  const ref = new Map(recordsOf(tables.referrals).map((r) => [r.id, r.referralDate]));
  const hits: RuleHit[] = [];
  for (const a of recordsOf(tables.assessments)) {
    const d = ref.get(a.referralId);
    if (d && a.startDate < d)
      hits.push({
        table: 'assessments',
        record: a,
        field: 'AssessmentActualStartDate',
        value: a.startDate,
        message: `the assessment starts ${a.startDate}, before its referral date ${d}`,
      });
  }
  return hits;
}

const refId = fc.constantFrom('C1/2021-05-01', 'C1/2021-07-01', 'C2/2021-05-01', 'C3/2021-06-01');
const date = fc.constantFrom('2021-04-01', '2021-05-01', '2021-06-01', '2021-07-01');

test('CIN-ASMT-BEFORE-REF finds what a map of every referral finds, in any order (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ id: refId, referralDate: date }), { maxLength: 8 }),
      fc.array(fc.record({ referralId: refId, startDate: date }), { maxLength: 10 }),
      fc.boolean(),
      (referrals, assessments, nested) => {
        // As a return lists them: each referral's assessments in the referrals' order.
        const order = referrals.map((r) => r.id);
        const asmts = nested
          ? [...assessments].sort((a, b) => order.indexOf(a.referralId) - order.indexOf(b.referralId))
          : assessments;
        const tables = {
          referrals: referrals.map((r) => ({ ...r, childId: r.id.split('/')[0]! })),
          assessments: asmts.map((a, n) => ({ ...a, id: `${a.referralId}/${n}` })),
        } as unknown as StagedTables;
        assert.deepEqual(hitsOf(tables), plainHits(tables));
      },
    ),
    { numRuns: 1000 },
  );
});

test('CIN-ASMT-BEFORE-REF: a repeated referral id reads the later referral, an earlier one is still found', () => {
  const referrals = [
    { id: 'C1/a', childId: 'C1', referralDate: '2021-05-01' },
    { id: 'C2/a', childId: 'C2', referralDate: '2021-06-01' },
  ];
  const assessments = [
    { id: 'x', referralId: 'C2/a', startDate: '2021-05-15' },
    { id: 'y', referralId: 'C1/a', startDate: '2021-04-15' },
    { id: 'z', referralId: 'C9/a', startDate: '2021-01-01' },
  ];
  const hits = hitsOf({ referrals, assessments } as unknown as StagedTables);
  assert.deepEqual(
    hits.map((h) => (h.record as { id: string }).id),
    ['x', 'y'],
  );
  const repeated = [...referrals, { id: 'C1/a', childId: 'C1', referralDate: '2021-04-01' }];
  const again = hitsOf({ referrals: repeated, assessments } as unknown as StagedTables);
  assert.deepEqual(
    again.map((h) => (h.record as { id: string }).id),
    ['x'],
    'C1/a reads the later referral (2021-04-01)',
  );
});
