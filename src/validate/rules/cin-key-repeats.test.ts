import { ChildIndex } from '../../ingest/child-index.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CinTable, CinTableBuilder } from '../../ingest/cin/cin-table.js';
import { CIN_SHAPES, type CinRecord, type CinShape, type CinTableKey } from '../../ingest/cin/cin-shapes.js';
import type { ColumnValue } from '../../ingest/column.js';
import type { XmlNode } from '../../ingest/xml/xml-schema.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { StagedTables } from '../../ingest/staged.js';
import type { RuleContext, RuleHit, Rule } from '../rule.js';
import { cinKeyRepeats } from './cin-key-repeats.js';
import { repeatsByKey } from './dup-keys.js';
import { genDupKey } from './gen-dup-key.js';
import { genDupRow } from './gen-dup-row.js';
import { cinAsmtBeforeRef } from './cin-asmt-before-ref.js';

// GEN-DUP-KEY, GEN-DUP-ROW and CIN-ASMT-BEFORE-REF read a census's CIN tables by column. These hold them to the
// record reading they replaced: the same rules over the same tables given as arrays of their records (the path
// the rules took for every table before), compared hit by hit.

const TABLES: readonly CinTableKey[] = ['referrals', 'assessments', 'cinPlans', 'section47s', 'cpPlans'];

// Few values, so keys repeat and rows repeat exactly; NaN, Infinity and null are all written null as JSON.
const childIds = fc.constantFrom('C1', 'C2', 'C10', 'A', 'A/B');
const dates = fc.constantFrom('2021-04-01', '2021-05-01', '2021-06-01') as fc.Arbitrary<IsoDate>;
const values = fc.constantFrom<ColumnValue>(null, '2021-04-01', 'X', 0, 2, NaN, Infinity, true, false);
const lists = fc.constantFrom<readonly string[]>([], ['2021-04-01'], ['2021-04-01', 'X'], ['X']);

/** One census row as the reader gives it: its child, CINdetails date, values (in shape order) and lists. */
interface RowSpec {
  childId: string;
  referralDate: IsoDate;
  values: ColumnValue[];
  lists: (readonly string[])[];
  no: number;
}

/** The shape's value and list fields, counted. */
function widths(shape: CinShape<CinRecord>): { values: number; lists: number } {
  const kinds = shape.fields.map(([, kind]) => kind);
  return {
    values: kinds.filter((k) => k === 'value').length,
    lists: kinds.filter((k) => k === 'list').length,
  };
}

/**
 * Rows of a table: each new, or a copy of an earlier row (an exact repeat but for its place), or a copy with one
 * value or list changed. The first value is the CINdetails date (referrals) or the start date (the others).
 */
function rowsOf(shape: CinShape<CinRecord>): fc.Arbitrary<RowSpec[]> {
  const w = widths(shape);
  const fresh = fc.record({
    childId: childIds,
    referralDate: dates,
    start: dates,
    values: fc.array(values, { minLength: w.values, maxLength: w.values }),
    lists: fc.array(lists, { minLength: w.lists, maxLength: w.lists }),
  });
  const step = fc.record({
    fresh,
    copyOf: fc.option(fc.nat(), { freq: 2 }),
    change: fc.option(fc.tuple(fc.nat(), values, lists)),
  });
  return fc.array(step, { maxLength: 50 }).map((steps) => {
    const rows: RowSpec[] = [];
    for (const [n, { fresh: f, copyOf, change }] of steps.entries()) {
      const copied = copyOf !== null && rows.length > 0 ? rows[copyOf % rows.length]! : null;
      const row: RowSpec = copied
        ? { ...copied, values: [...copied.values], lists: [...copied.lists], no: n + 1 }
        : {
            childId: f.childId,
            referralDate: f.referralDate,
            values: [shape.table === 'referrals' ? f.referralDate : f.start, ...f.values.slice(1)],
            lists: f.lists,
            no: n + 1,
          };
      if (copied && change) {
        const [k, v, l] = change;
        // Not the first value: it is a key date (a referral's CINdetails date is also its row's).
        if (row.lists.length > 0 && k % 2 === 0) row.lists[k % row.lists.length] = l;
        else if (row.values.length > 1) row.values[1 + (k % (row.values.length - 1))] = v;
      }
      rows.push(row);
    }
    return rows;
  });
}

/** A census table through the reader's path (`CinTableBuilder.addRow`, as cin-tables-builder.ts adds each element). */
function censusTable(shape: CinShape<CinRecord>, rows: readonly RowSpec[]): CinTable<CinRecord> {
  const children = new ChildIndex();
  const b = new CinTableBuilder(shape, children);
  for (const r of rows) {
    const node = { index: r.no, line: 10 + r.no, column: 3 } as XmlNode;
    b.addRow(
      children.of(r.childId),
      r.referralDate,
      'cin.xml',
      '/Message/Children/Child[',
      1,
      r.no,
      node,
      r.values,
      r.lists,
    );
  }
  return b.build();
}

const ctxOf = (tables: Partial<StagedTables>): RuleContext =>
  ({ source: 'cin', year: '2021-22', tables, extras: () => undefined }) as unknown as RuleContext;

function hitsOf(rule: Rule, tables: Partial<StagedTables>): readonly RuleHit[] {
  const out = rule.check(ctxOf(tables));
  return out.kind === 'ran' ? out.hits : [];
}

/**
 * The hits of the rules over CIN tables held by column, against the same rules over arrays of the tables'
 * records: the same hits in the same order, each naming (as its row) the row of the record the array reading
 * names; a staged row's hit names the staged record itself.
 */
function assertSameHits(tables: Partial<Record<CinTableKey, CinTable<CinRecord>>>): void {
  const arrays: Partial<Record<CinTableKey, CinRecord[]>> = {};
  for (const key of TABLES) if (tables[key]) arrays[key] = tables[key].records();
  for (const rule of [genDupKey, genDupRow, cinAsmtBeforeRef]) {
    const byColumn = hitsOf(rule, tables as Partial<StagedTables>);
    const byRecord = hitsOf(rule, arrays as Partial<StagedTables>).map((h) => {
      const rows = arrays[h.table as CinTableKey]!;
      return rule === cinAsmtBeforeRef ? h : { ...h, row: rows.indexOf(h.record as CinRecord) };
    });
    assert.deepEqual(byColumn, byRecord, rule.code);
    for (const h of byColumn) {
      const t = tables[h.table as CinTableKey]!;
      if (h.row !== undefined && t.isStaged(h.row)) assert.equal(h.record, t.record(h.row));
    }
  }
}

test('the duplicate rules find by column, in a census table, what the record reading finds (property)', () => {
  fc.assert(
    fc.property(
      fc.tuple(...TABLES.map((key) => rowsOf(CIN_SHAPES[key] as CinShape<CinRecord>))),
      (tablesRows) => {
        const tables: Partial<Record<CinTableKey, CinTable<CinRecord>>> = {};
        TABLES.forEach((key, k) => {
          const t = censusTable(CIN_SHAPES[key] as CinShape<CinRecord>, tablesRows[k]!);
          const records = t.records();
          assert.deepEqual(
            cinKeyRepeats(t),
            repeatsByKey(key, records).map(({ first, record }) => ({
              first: records.indexOf(first as CinRecord),
              row: records.indexOf(record as CinRecord),
            })),
            key,
          );
          tables[key] = t;
        });
        assertSameHits(tables);
      },
    ),
    { numRuns: 400 },
  );
});

test('the duplicate rules over tables holding staged records: made from records, or repaired (property)', () => {
  fc.assert(
    fc.property(
      fc.tuple(...TABLES.map((key) => rowsOf(CIN_SHAPES[key] as CinShape<CinRecord>))),
      fc.array(fc.tuple(fc.nat(), fc.option(fc.constantFrom('C1/2021-04-01', 'other')))),
      (tablesRows, repairs) => {
        const fromRecords: Partial<Record<CinTableKey, CinTable<CinRecord>>> = {};
        const repaired: Partial<Record<CinTableKey, CinTable<CinRecord>>> = {};
        TABLES.forEach((key, k) => {
          const shape = CIN_SHAPES[key] as CinShape<CinRecord>;
          const census = censusTable(shape, tablesRows[k]!);
          // Records as another source stages them (ids may be anything): keyed by their ids.
          const records = census.records().map((r, i) => (repairs[i]?.[1] ? { ...r, id: repairs[i][1] } : r));
          fromRecords[key] = CinTable.fromRecords(shape, records);
          // A census table with some rows replaced by records (a rule's repair), some with other ids.
          const byRow = new Map<number, CinRecord>();
          for (const [i, id] of repairs)
            if (census.length > 0) {
              const row = i % census.length;
              byRow.set(row, { ...census.record(row), ...(id ? { id } : {}) });
            }
          repaired[key] = census.withRepairs(byRow);
        });
        assertSameHits(fromRecords);
        assertSameHits(repaired);
      },
    ),
    { numRuns: 300 },
  );
});

test('a census table whose children come apart: repeats found across the runs, in file order', () => {
  const rows = (['C1', 'C2', 'C1', 'C2', 'C1'] as const).map((childId, n) => ({
    childId,
    referralDate: '2021-04-01' as IsoDate,
    values: ['2021-04-01', null, null, null, null, null, null, null] as ColumnValue[],
    lists: [],
    no: n + 1,
  }));
  const t = censusTable(CIN_SHAPES.referrals as CinShape<CinRecord>, rows);
  assert.deepEqual(cinKeyRepeats(t), [
    { first: 0, row: 2 },
    { first: 1, row: 3 },
    { first: 0, row: 4 },
  ]);
  assertSameHits({ referrals: t });
});

test('a census table past 32 rows a child: the first row of each key is named', () => {
  const rows = Array.from({ length: 40 }, (_, n) => ({
    childId: 'C1',
    referralDate: '2021-04-01' as IsoDate,
    values: [`2021-04-${String(1 + (n % 30)).padStart(2, '0')}`, null] as ColumnValue[],
    lists: [],
    no: n + 1,
  }));
  const t = censusTable(CIN_SHAPES.cinPlans as CinShape<CinRecord>, rows);
  assert.deepEqual(
    cinKeyRepeats(t),
    Array.from({ length: 10 }, (_, i) => ({ first: i, row: 30 + i })),
  );
  assertSameHits({ cinPlans: t });
});
