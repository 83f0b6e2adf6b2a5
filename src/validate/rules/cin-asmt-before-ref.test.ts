import { recordsOf } from '../../ingest/row-table.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { RuleContext, RuleHit } from '../rule.js';
import type { StagedTables } from '../../ingest/staged.js';
import { cinAsmtBeforeRef } from './cin-asmt-before-ref.js';
import { ChildIndex } from '../../ingest/child-index.js';
import { CinTableBuilder } from '../../ingest/cin/cin-table.js';
import { ASSESSMENT_SHAPE, REFERRAL_SHAPE } from '../../ingest/cin/cin-shapes.js';
import type { XmlNode } from '../../ingest/xml/xml-schema.js';
import type { IsoDate } from '../../calendar/iso-date.js';

// CIN-ASMT-BEFORE-REF looks for each assessment's referral from the last one found onwards (a return lists
// each CINdetails with its assessments); this holds it to the plain reading: a map of every referral id,
// the later referral winning when an id repeats, whatever the order of the two tables.

function hitsOf(tables: StagedTables): readonly RuleHit[] {
  const ctx = { source: 'cin', year: '2021-22', tables } as unknown as RuleContext;
  const out = cinAsmtBeforeRef.check(ctx);
  // Compared with the plain reading by record: a hit's row number aside.
  return out.kind === 'ran' ? out.hits.map(({ row: _row, ...hit }) => hit) : [];
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

test('CIN-ASMT-BEFORE-REF over a census held by column finds what a map of every referral finds (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ child: fc.constantFrom('C1', 'C2', 'C3'), referralDate: date }), { maxLength: 8 }),
      fc.array(fc.record({ of: fc.nat(7), startDate: date }), { maxLength: 10 }),
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      (refs, asmts, gone) => {
        // As a census gives them: each CINdetails, then the assessments inside it.
        const children = new ChildIndex();
        const referrals = new CinTableBuilder(REFERRAL_SHAPE, children);
        const assessments = new CinTableBuilder(ASSESSMENT_SHAPE, children);
        refs.forEach((r, n) => {
          const node = { index: n + 1, line: n, column: 1 } as XmlNode;
          const c = children.of(r.child);
          const at = r.referralDate as IsoDate;
          referrals.addRow(c, at, 'cin.xml', '/Message/Children/Child[', 1, n + 1, node, [
            at,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
          ]);
          for (const a of asmts.filter((x) => x.of % Math.max(refs.length, 1) === n))
            assessments.addRow(
              c,
              at,
              'cin.xml',
              '/Message/Children/Child[',
              1,
              n + 1,
              node,
              [a.startDate, null, null],
              [[]],
            );
        });
        // Some referrals dropped (as a rule's error drops a row): their assessments find none.
        const kept = referrals.build().without(Uint8Array.from(refs, (_, n) => (gone[n] ? 1 : 0)));
        const tables = { referrals: kept, assessments: assessments.build() } as StagedTables;
        assert.deepEqual(hitsOf(tables), plainHits(tables));
      },
    ),
    { numRuns: 500 },
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
