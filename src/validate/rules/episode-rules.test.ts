import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Child } from '../../model/child.js';
import type { Episode } from '../../model/episode.js';
import type { StagedTables } from '../../ingest/staged.js';
import type { Rule, RuleContext, RuleHit, StagedTableKey } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';
import { ssda903ChildUnknown } from './ssda903-child-unknown.js';
import { ssda903EpBirth } from './ssda903-ep-birth.js';

// The SSDA903 rules that look children up or walk a child's episodes do it once per run or group of a
// child's records; these tests hold them to the plain record-by-record reading of each rule, on returns
// whose children's rows are together or apart, with and without Header rows.

const ids = fc.constantFrom('1', '2', '3', '10', '11');
const dates = fc.constantFrom('2009-12-31', '2010-01-01', '2021-04-01', '2021-06-01', '2021-09-01');

const episodeArb = fc.record({
  childId: ids,
  decom: dates,
  dec: fc.option(dates),
  rne: fc.option(fc.constantFrom('S', 'P', 'L')),
  rec: fc.option(fc.constantFrom('X1', 'E11', 'E3')),
});

const tablesArb = fc
  .record({
    children: fc.array(fc.record({ childId: ids, dob: fc.option(dates) }), { maxLength: 6 }),
    episodes: fc.array(episodeArb, { maxLength: 30 }),
    cicReviews: fc.array(fc.record({ childId: ids }), { maxLength: 6 }),
    together: fc.boolean(),
  })
  .map(({ children, episodes, cicReviews, together }) => {
    const eps = episodes.map((e, i) => ({ ...e, id: `${e.childId}/${e.decom}`, n: i }));
    // A return usually lists each child's rows together: half the cases are sorted by child (stably).
    if (together) eps.sort((a, b) => (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : a.n - b.n));
    return {
      children: children.map((c, i) => ({ ...c, n: i })) as unknown as Child[],
      episodes: eps as unknown as Episode[],
      cicReviews: cicReviews.map((r, i) => ({ ...r, n: i })),
    } as unknown as StagedTables;
  });

function ctxOf(tables: StagedTables): RuleContext {
  return {
    source: 'ssda903',
    year: '2021-22',
    yearStart: '2021-04-01' as RuleContext['yearStart'],
    yearEnd: '2022-03-31' as RuleContext['yearEnd'],
    today: '2024-06-01' as RuleContext['today'],
    tables,
    importTables: [tables],
    codes: () => null,
    extras: () => undefined,
  };
}

function hitsOf(rule: Rule, tables: StagedTables): readonly RuleHit[] {
  const out = rule.check(ctxOf(tables));
  assert.equal(out.kind, 'ran');
  return out.kind === 'ran' ? out.hits : [];
}

/** 903-CHILD-UNKNOWN read record by record: each row whose child has no Header row, table by table. */
function childUnknownByRecord(tables: StagedTables): RuleHit[] {
  const header = new Map((tables.children ?? []).map((c) => [c.childId, c]));
  const names: Partial<Record<StagedTableKey, string>> = { episodes: 'episodes', cicReviews: 'reviews' };
  const hits: RuleHit[] = [];
  for (const table of ['episodes', 'cicReviews'] as const) {
    for (const r of tables[table] ?? []) {
      if (!header.has(r.childId))
        hits.push({
          table,
          record: r,
          field: 'CHILD',
          value: r.childId,
          message: `child ${r.childId} has ${names[table]} but no Header row`,
        });
    }
  }
  return hits;
}

/** 903-EP-BIRTH read record by record: each episode starting before its child's DOB (the last Header row). */
function epBirthByRecord(tables: StagedTables): RuleHit[] {
  const children = new Map((tables.children ?? []).map((c) => [c.childId, c]));
  const hits: RuleHit[] = [];
  for (const e of tables.episodes ?? []) {
    const d = children.get(e.childId)?.dob;
    if (d && e.decom < d)
      hits.push({
        table: 'episodes',
        record: e,
        field: 'DECOM',
        value: ukDate(e.decom),
        message: `DECOM ${ukDate(e.decom)} is before child ${e.childId}'s date of birth ${ukDate(d)}`,
      });
  }
  return hits;
}

const CASES: readonly [Rule, (t: StagedTables) => RuleHit[]][] = [
  [ssda903ChildUnknown, childUnknownByRecord],
  [ssda903EpBirth, epBirthByRecord],
];

for (const [rule, byRecord] of CASES) {
  test(`${rule.code} finds what the record-by-record reading finds, in the same order (property)`, () => {
    fc.assert(
      fc.property(tablesArb, (tables) => {
        const got = hitsOf(rule, tables);
        const want = byRecord(tables);
        assert.deepEqual(got, want);
        // The very records, not copies.
        got.forEach((h, i) => assert.equal(h.record, want[i]!.record));
      }),
      { numRuns: 400 },
    );
  });
}

test('903-CHILD-UNKNOWN and 903-EP-BIRTH on a return whose child comes back after another', () => {
  const e = (childId: string, decom: string): Episode =>
    ({ id: `${childId}/${decom}`, childId, decom, dec: null, rne: 'S', rec: null }) as unknown as Episode;
  const episodes = [e('1', '2009-12-31'), e('2', '2021-04-01'), e('1', '2021-04-01'), e('3', '2021-04-01')];
  const tables = {
    children: [
      { childId: '1', dob: '2010-01-01' },
      { childId: '2', dob: '2021-05-01' },
    ] as unknown as Child[],
    episodes,
  } as StagedTables;
  assert.deepEqual(
    hitsOf(ssda903ChildUnknown, tables).map((h) => h.record),
    [episodes[3]],
  );
  assert.deepEqual(
    hitsOf(ssda903EpBirth, tables).map((h) => h.record),
    [episodes[0], episodes[1]],
  );
});
