import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { genCode } from './gen-code.js';
import { genLegacy } from './gen-legacy.js';
import { genFuture } from './gen-future.js';
import { genPast } from './gen-past.js';
import { CodeBook, loadCodeBook, type CodeEntry } from '../code-lists.js';
import { runRules } from '../run-rules.js';
import type { Rule, RuleContext, RuleHit, StagedTableKey } from '../rule.js';
import { CinTablesBuilder, type CinTables } from '../../ingest/cin/cin-tables-builder.js';
import { CinTable } from '../../ingest/cin/cin-table.js';
import type { CinRecord, CinTableKey } from '../../ingest/cin/cin-shapes.js';
import { recordsOf } from '../../ingest/row-table.js';
import type { StagedTables } from '../../ingest/staged.js';
import type { XmlNode } from '../../ingest/xml/xml-schema.js';
import type { IsoDate } from '../../calendar/iso-date.js';

// GEN-CODE, GEN-LEGACY, GEN-FUTURE and GEN-PAST read a census's CIN tables by column, judging each distinct code
// or date once and making a record only for a row with a finding. Before, they read every row's record, through
// the path that still serves tables of records (Annex A, tests): these tests hold the
// column reading to that one, over random census tables built as the reader builds them (CinTablesBuilder),
// some rows then staged as records (a rule's repair), with invalid, lower-case and legacy codes, dates after
// today and before the bank-holiday table, and CP plans' review dates on either side.

const YEAR = '2024-25';
const TODAY = '2024-06-01' as IsoDate;
const FILE = 'cin.xml';
const TABLES: readonly CinTableKey[] = ['referrals', 'assessments', 'cinPlans', 'section47s', 'cpPlans'];
const RULES: readonly Rule[] = [genCode, genLegacy, genFuture, genPast];

const shipped = loadCodeBook('cin', YEAR)!;

/**
 * The year's lists with legacy codes that map to current ones (the shipped CIN lists have none that map), so
 * GEN-LEGACY's repairs of a code and of a list of codes are exercised too.
 */
const withMappedLegacy = (() => {
  const fields: Record<string, readonly CodeEntry[]> = { ...shipped.lists.fields };
  const legacy = (field: string, code: string, maps_to: string, severity?: 'query'): void => {
    fields[field] = [
      ...fields[field]!.filter((e) => e.code !== code),
      { code, label: code, status: 'legacy', maps_to, ...(severity ? { severity } : {}) },
    ];
  };
  legacy('AssessmentFactors', '18A', '18B');
  legacy('CategoryOfAbuse', 'LEG', 'NEG', 'query');
  legacy('ReferralSource', '11', '1A');
  return new CodeBook({ ...shipped.lists, fields });
})();

/** Dates mostly in range (so most rows have no finding), some after today or before the bank-holiday table. */
const date = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '2023-05-01',
      '2024-01-15',
      '2024-06-01', // today: not in the future
      '1990-01-01', // the bank-holiday table's first day: not in the past
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('2024-06-02', '2031-01-03', '1989-12-31', '1922-05-01') },
) as fc.Arbitrary<IsoDate>;
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });
const referralSource = optional(fc.constantFrom('1A', '2B', '10', '1a', 'ZZ', '11'));
const category = optional(fc.constantFrom('NEG', 'PHY', 'MUL', 'neg', 'XYZ', 'LEG'));
const factors = fc.array(fc.constantFrom('1A', '18A', '19A', '18B', '2C', '99Z', '1a', '20'), {
  maxLength: 4,
});

const referral = fc.record({
  child: fc.constantFrom('C1', 'C2', 'C3', 'C4'),
  referralDate: date,
  referralSource,
  primaryNeedCode: optional(fc.constantFrom('N1', 'N9', 'n4', 'NX')),
  closureDate: optional(date),
  reasonForClosure: optional(fc.constantFrom('RC1', 'RC8', 'RC0')),
  dateOfInitialCpc: optional(date),
  referralNfa: fc.option(fc.boolean(), { nil: null }),
  assessments: fc.array(
    fc.record({
      startDate: date,
      internalReviewDate: optional(date),
      authorisationDate: optional(date),
      factors,
    }),
    { maxLength: 3 },
  ),
  cinPlans: fc.array(fc.record({ startDate: date, endDate: optional(date) }), { maxLength: 2 }),
  section47s: fc.array(
    fc.record({
      startDate: date,
      initialCpcTarget: optional(date),
      dateOfInitialCpc: optional(date),
      icpcNotRequired: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  cpPlans: fc.array(
    fc.record({
      startDate: date,
      endDate: optional(date),
      initial: category,
      latest: category,
      previous: fc.option(fc.nat(5), { nil: null }),
      reviewDates: fc.array(date, { maxLength: 4 }),
    }),
    { maxLength: 2 },
  ),
});
type ReferralSpec = typeof referral extends fc.Arbitrary<infer T> ? T : never;

/** An element as the XML reader gives it (only its number, line and column are read). */
function node(name: string, path: string, index: number, line: number): XmlNode {
  return { name, path, index, line, column: 3, leaves: {}, leafLists: {}, children: {} };
}

/** The census's CIN tables, read as the CIN reader reads them (cin-tables-builder.ts): one Child per referral here. */
function census(specs: readonly ReferralSpec[]): CinTables {
  const b = new CinTablesBuilder(FILE);
  let line = 10;
  specs.forEach((r, c) => {
    const childPath = `/Message/Children/Child[${c + 1}]`;
    const at = b.referral(
      r.child,
      node('Child', childPath, c + 1, line++),
      node('CINdetails', `${childPath}/CINdetails[1]`, 1, line++),
      r.referralDate,
      r.referralSource,
      r.primaryNeedCode,
      r.closureDate,
      r.reasonForClosure,
      r.dateOfInitialCpc,
      r.referralNfa,
    );
    const inner = (name: string, k: number) =>
      node(name, `${childPath}/CINdetails[1]/${name}[${k + 1}]`, k + 1, line++);
    r.assessments.forEach((a, k) =>
      b.assessment(
        at,
        inner('Assessments', k),
        a.startDate,
        a.internalReviewDate,
        a.authorisationDate,
        a.factors,
      ),
    );
    r.cinPlans.forEach((p, k) => b.cinPlan(at, inner('CINPlanDates', k), p.startDate, p.endDate));
    r.section47s.forEach((s, k) =>
      b.section47(
        at,
        inner('Section47', k),
        s.startDate,
        s.initialCpcTarget,
        s.dateOfInitialCpc,
        s.icpcNotRequired,
      ),
    );
    r.cpPlans.forEach((p, k) =>
      b.cpPlan(
        at,
        inner('ChildProtectionPlans', k),
        p.startDate,
        p.endDate,
        p.initial,
        p.latest,
        p.previous,
        [...p.reviewDates].sort(),
      ),
    );
  });
  return b.build();
}

/**
 * The tables with some rows staged as records (`staged` picks them by row, cycling), as a rule's repair leaves
 * them, their codes and review dates changed so the columns hold a staged row's values.
 */
function withStagedRows(tables: CinTables, staged: readonly number[]): CinTables {
  if (staged.length === 0) return tables;
  const out: Record<string, CinTable<CinRecord>> = {};
  for (const [key, t] of Object.entries(tables) as [CinTableKey, CinTable<CinRecord>][]) {
    const repairs = new Map<number, CinRecord>();
    staged.forEach((pick, k) => {
      const i = pick % t.length;
      const r = t.record(i) as unknown as Record<string, unknown>;
      const changed: Record<string, unknown> = { ...r };
      if ('referralSource' in r) changed['referralSource'] = ['ZZ', '11', '1A', null][k % 4];
      if ('factors' in r) changed['factors'] = [['18A', 'zz'], [], ['1A']][k % 3];
      if ('latestCategoryOfAbuse' in r) changed['latestCategoryOfAbuse'] = ['LEG', 'QQ', 'PHY'][k % 3];
      if ('reviewDates' in r)
        changed['reviewDates'] = [['1922-05-01', '2024-01-15', '2031-01-03'], []][k % 2];
      if ('closureDate' in r) changed['closureDate'] = ['2031-01-03', null][k % 2];
      repairs.set(i, changed as unknown as CinRecord);
    });
    out[key] = t.withRepairs(repairs);
  }
  return out as CinTables;
}

/** The same tables as arrays of their records: the record-by-record reading the rules did before. */
function asRecords(tables: CinTables): StagedTables {
  const out: Record<string, readonly CinRecord[]> = {};
  for (const [key, t] of Object.entries(tables) as [string, CinTable<CinRecord>][]) out[key] = t.records();
  return out as StagedTables;
}

function ctxOf(tables: StagedTables, codes: CodeBook): RuleContext {
  return {
    source: 'cin',
    year: YEAR,
    yearStart: '2024-04-01' as IsoDate,
    yearEnd: '2025-03-31' as IsoDate,
    today: TODAY,
    tables,
    importTables: [tables],
    codes: () => codes,
    extras: () => undefined,
  };
}

/** A rule's hits with each record replaced by its row: for a table of records, its index in the array. */
function byRow(hits: readonly RuleHit[], tables: StagedTables) {
  return hits.map(({ record, row, ...rest }) => {
    const t = tables[rest.table] as readonly object[] | CinTable<CinRecord>;
    if (t instanceof CinTable) {
      assert.notEqual(row, undefined, `a ${rest.table} hit held by column names its row`);
      assert.deepEqual(record, t.record(row!));
      if (t.isStaged(row!)) assert.equal(record, t.record(row!), 'a staged row is named by its very record');
      return { row, record, ...rest };
    }
    return { row: t.indexOf(record), record, ...rest };
  });
}

const census$ = fc.record({
  referrals: fc.array(referral, { maxLength: 12 }),
  staged: fc.array(fc.nat(40), { maxLength: 3 }),
  mapped: fc.boolean(),
});

/**
 * Counts, per table, the rows whose record is asked for while `during` runs (a record is made only for a row
 * with a finding).
 */
function recordsMade(tables: StagedTables, during: () => void): Map<string, Set<number>> {
  const made = new Map<string, Set<number>>();
  const restore: (() => void)[] = [];
  for (const [key, t] of Object.entries(tables) as [string, CinTable<CinRecord>][]) {
    const rows = new Set<number>();
    made.set(key, rows);
    const record = t.record.bind(t);
    t.record = (i: number) => {
      rows.add(i);
      return record(i);
    };
    restore.push(() => delete (t as { record?: unknown }).record);
  }
  try {
    during();
  } finally {
    for (const r of restore) r();
  }
  return made;
}

test('GEN-CODE, GEN-LEGACY, GEN-FUTURE and GEN-PAST find the same hits reading CIN tables by column as by record (property)', () => {
  fc.assert(
    fc.property(census$, ({ referrals, staged, mapped }) => {
      const byColumn = withStagedRows(census(referrals), staged) as StagedTables;
      const records = asRecords(byColumn as CinTables);
      const codes = mapped ? withMappedLegacy : shipped;
      const hitRows = new Set<string>();
      const made = recordsMade(byColumn, () => {
        // Each rule twice (GEN-CODE and GEN-LEGACY share a scan of a table, GEN-FUTURE and GEN-PAST another).
        for (const rule of [...RULES, ...RULES]) {
          const a = rule.check(ctxOf(byColumn, codes));
          const b = rule.check(ctxOf(records, codes));
          assert.equal(a.kind, 'ran');
          assert.equal(b.kind, 'ran');
          if (a.kind !== 'ran' || b.kind !== 'ran') return;
          for (const h of a.hits) hitRows.add(`${h.table} ${h.row}`);
          assert.deepEqual(byRow(a.hits, byColumn), byRow(b.hits, records), rule.code);
        }
      });
      for (const [table, rows] of made)
        for (const row of rows)
          assert.ok(
            hitRows.has(`${table} ${row}`),
            `${table} row ${row}: a record made for a row without a hit`,
          );
    }),
    { numRuns: 400 },
  );
});

test('the rules engine loads the same CIN tables and gives the same issues reading them by column as by record (property)', () => {
  fc.assert(
    fc.property(census$, ({ referrals, staged, mapped }) => {
      const byColumn = withStagedRows(census(referrals), staged) as StagedTables;
      const codes = mapped ? withMappedLegacy : shipped;
      const run = (tables: StagedTables) => {
        const { tables: loaded, issues } = runRules(
          RULES,
          ctxOf(tables, codes),
          new Map([[FILE, 'CIN census']]),
          new WeakMap(),
        );
        return {
          issues,
          tables: TABLES.map((k) => recordsOf(loaded[k as StagedTableKey] as readonly object[])),
        };
      };
      assert.deepEqual(run(byColumn), run(asRecords(byColumn as CinTables)));
    }),
    { numRuns: 200 },
  );
});

test('the random census has hits of every kind the rules give (the property tests are not vacuous)', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(census$, ({ referrals, staged, mapped }) => {
      const tables = withStagedRows(census(referrals), staged) as StagedTables;
      for (const rule of RULES) {
        const out = rule.check(ctxOf(tables, mapped ? withMappedLegacy : shipped));
        for (const h of out.kind === 'ran' ? out.hits : [])
          seen.add(`${rule.code} ${h.table} ${h.field} ${h.repair ? 'repair' : ''}`.trim());
      }
    }),
    { numRuns: 300, seed: 26 },
  );
  for (const kind of [
    'GEN-CODE referrals ReferralSource repair',
    'GEN-CODE referrals PrimaryNeedCode',
    'GEN-CODE assessments AssessmentFactors',
    'GEN-CODE cpPlans CategoryOfAbuse',
    'GEN-LEGACY assessments AssessmentFactors',
    'GEN-LEGACY assessments AssessmentFactors repair',
    'GEN-LEGACY cpPlans CategoryOfAbuse repair',
    'GEN-LEGACY referrals ReferralSource repair',
    'GEN-FUTURE referrals CINreferralDate',
    'GEN-FUTURE cpPlans CPPreviewDate repair',
    'GEN-PAST section47s S47ActualStartDate',
    'GEN-PAST cpPlans CPPreviewDate repair',
  ])
    assert.ok(seen.has(kind), kind);
});
