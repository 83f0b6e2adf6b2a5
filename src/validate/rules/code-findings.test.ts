import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeFindings } from './code-findings.js';
import { loadCodeBook } from '../code-lists.js';
import { CODE_FIELDS, type CodeFieldRef } from '../table-fields.js';
import type { RuleContext, RuleHit, StagedTableKey } from '../rule.js';
import type { RecordTables, StagedTables } from '../../ingest/staged.js';
import { stagedTablesOf } from '../../ingest/episode-table.js';
import { episodeFixture } from '../../model/episode-fixture.js';

// GEN-CODE and GEN-LEGACY find their records through a scan that skips values known current (a Set of the
// year's current codes, and the field's last value found current); these tests hold the findings to a plain
// look-up of every value of every record in the year's lists.

const YEAR = '2024-25';
const book = loadCodeBook('ssda903', YEAR)!;

function ctxOf(tables: StagedTables, extras: WeakMap<object, Record<string, string | null>>): RuleContext {
  return {
    source: 'ssda903',
    year: YEAR,
    yearStart: '2024-04-01' as RuleContext['yearStart'],
    yearEnd: '2025-03-31' as RuleContext['yearEnd'],
    today: '2025-06-01' as RuleContext['today'],
    tables,
    importTables: [tables],
    codes: (source, year) => loadCodeBook(source, year ?? YEAR),
    extras: (r) => extras.get(r),
  };
}

/** [table, record index, field, value, severity] of each value not valid and current, read one by one. */
function plainFindings(tables: RecordTables, kind: 'invalid' | 'legacy', extras: WeakMap<object, object>) {
  const out: (string | number)[][] = [];
  for (const [table, refs] of Object.entries(CODE_FIELDS.ssda903) as [
    StagedTableKey,
    readonly CodeFieldRef[],
  ][]) {
    const records = (tables[table] ?? []) as unknown as Record<string, unknown>[];
    records.forEach((r, i) => {
      for (const ref of refs) {
        const raw = ref.extra ? (extras.get(r) as Record<string, unknown>)?.[ref.extra] : r[ref.prop!];
        if (raw === null || raw === undefined || !book.has(ref.field)) continue;
        const entry = book.get(ref.field, String(raw));
        if (kind === 'invalid' && entry === undefined)
          out.push([table, i, ref.field, String(raw), 'warning']);
        if (kind === 'legacy' && entry?.status === 'legacy')
          out.push([table, i, ref.field, String(raw), entry.severity ?? 'warning']);
      }
    });
  }
  return out;
}

/** The hits as plainFindings gives them: an episode's (held by column) by its row, checked against its record. */
function found(hits: readonly RuleHit[], tables: RecordTables) {
  return hits.map((h) => {
    let index: number;
    if (h.table === 'episodes') {
      index = h.row!;
      assert.deepEqual(h.record, tables.episodes![index]);
    } else index = (tables[h.table] as object[]).indexOf(h.record);
    return [h.table, index, h.field!, h.value!, h.severity!];
  });
}

const code = (valid: readonly string[]) => fc.option(fc.constantFrom(...valid), { nil: null });

test('GEN-CODE and GEN-LEGACY find every value a plain look-up finds, record by record (property)', () => {
  const episode = fc.record({
    childId: fc.constantFrom('1', '2'),
    rne: code(['S', 'P', 's', 'Q']),
    ls: code(['C2', 'c2', 'ZZ']),
    place: code(['U4', 'K2', 'H5', 'h5', 'P2', 'X9', 'u4']),
    rec: code(['X1', 'E11', 'E8', 'e8', 'Q1']),
  });
  const child = fc.record({
    childId: fc.constantFrom('1', '2'),
    sex: fc.constantFrom('M', 'F', '1', '2', '9', 'm'),
  });
  fc.assert(
    fc.property(fc.array(episode, { maxLength: 25 }), fc.array(child, { maxLength: 6 }), (eps, kids) => {
      const extras = new WeakMap<object, Record<string, string | null>>();
      const children = kids.map(({ childId, sex }) => {
        const r = { childId, ethnicity: 'WBRI' };
        extras.set(r, { SEX: sex });
        return r;
      });
      const episodes = eps.map((e) => episodeFixture({ decom: '2024-05-01', ...e }));
      const tables = { episodes, children } as unknown as RecordTables;
      for (const kind of ['invalid', 'legacy'] as const) {
        const hits = codeFindings(ctxOf(stagedTablesOf(tables), extras), kind);
        assert.deepEqual(found(hits, tables), plainFindings(tables, kind, extras));
      }
    }),
    { numRuns: 300 },
  );
});

test('each coded field read by property has a read that returns that property', () => {
  for (const tables of Object.values(CODE_FIELDS)) {
    for (const refs of Object.values(tables)) {
      for (const ref of refs ?? []) {
        if (ref.prop === undefined) {
          assert.equal(ref.read, undefined, `${ref.field}: a read without a property`);
          continue;
        }
        const value = { is: ref.prop };
        assert.equal(ref.read?.({ [ref.prop]: value, other: 'x' }), value, `${ref.field} reads ${ref.prop}`);
      }
    }
  }
});
