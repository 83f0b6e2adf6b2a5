import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Child } from '../../model/child.js';
import type { Episode } from '../../model/episode.js';
import type { RecordTables, StagedTables } from '../../ingest/staged.js';
import { rowOf, type Rule, type RuleContext, type RuleHit, type StagedTableKey } from '../rule.js';
import { stagedTablesOf } from '../../ingest/episode-table.js';
import { parseDate, ukDate } from '../../ingest/parse-date.js';
import { ssda903ChildUnknown } from './ssda903-child-unknown.js';
import { ssda903EpBirth } from './ssda903-ep-birth.js';
import { ssda903DobDiff } from './ssda903-dob-diff.js';
import { ssda903EpRecDec } from './ssda903-ep-recdec.js';
import { ssda903EpChain } from './ssda903-ep-chain.js';
import { ssda903EpFirst } from './ssda903-ep-first.js';
import { ssda903EpOverlap } from './ssda903-ep-overlap.js';
import { ssda903EpRneS } from './ssda903-ep-rne-s.js';
import { ssda903Ep24h } from './ssda903-ep-24h.js';
import { cinCppOverlap } from './cin-cpp-overlap.js';
import { genDupKey } from './gen-dup-key.js';
import { genDupRow } from './gen-dup-row.js';
import { ssda903YearEnd } from './ssda903-year-end.js';
import { ssda903EpOrder } from './ssda903-ep-order.js';
import { deriveCareHistory } from '../../model/derive-care-history.js';
import { episodeFixture } from '../../model/episode-fixture.js';
import { genCode } from './gen-code.js';
import { genLegacy } from './gen-legacy.js';
import { genFuture } from './gen-future.js';
import { genPast } from './gen-past.js';
import { CodeBook, loadCodeBook, type CodeEntry } from '../code-lists.js';

// The SSDA903 rules that look children up or walk a child's episodes do it once per run or group of a
// child's records; these tests hold them to the plain record-by-record reading of each rule, on returns
// whose children's rows are together or apart, with and without Header rows. The rules that read the episodes
// by column row by row (repeated keys, dates) are held to the same readings.

const ids = fc.constantFrom('1', '2', '3', '10', '11');
// 2022-06-01 is after the 2021-22 collection year's end (903-YEAR-END).
const dates = fc.constantFrom(
  '2009-12-31',
  '2010-01-01',
  '2021-04-01',
  '2021-06-01',
  '2021-09-01',
  '2022-06-01',
);

const episodeArb = fc.record({
  childId: ids,
  decom: dates,
  dec: fc.option(dates),
  rne: fc.option(fc.constantFrom('S', 'P', 'L')),
  rec: fc.option(fc.constantFrom('X1', 'E11', 'E3')),
  plDistance: fc.option(fc.constantFrom(0, 2.5)),
});

const tablesArb = fc
  .record({
    children: fc.array(fc.record({ childId: ids, dob: fc.option(dates) }), { maxLength: 6 }),
    episodes: fc.array(episodeArb, { maxLength: 30 }),
    // Rows given again exactly (GEN-DUP-ROW), by index into the episodes.
    again: fc.array(fc.nat(29), { maxLength: 4 }),
    cicReviews: fc.array(fc.record({ childId: ids, dob: fc.option(dates) }), { maxLength: 8 }),
    together: fc.boolean(),
  })
  .map(({ children, episodes, again, cicReviews, together }) => {
    const given = [...episodes, ...again.flatMap((k) => (k < episodes.length ? [episodes[k]!] : []))];
    const eps = given.map(({ plDistance, ...e }, i) => ({
      ...episodeFixture({ ...e, id: `${e.childId}/${e.decom}` }),
      plDistance,
      source: { file: 'episodes.csv', position: `line ${i + 2}` },
    }));
    const n = new Map(eps.map((e, i) => [e, i]));
    // A return usually lists each child's rows together: half the cases are sorted by child (stably).
    if (together)
      eps.sort((a, b) => (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : n.get(a)! - n.get(b)!));
    return {
      // Sorted returns usually come with a sorted Header file (then the two are walked side by side).
      children: (together
        ? [...children].sort((a, b) => (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0))
        : children
      ).map((c, i) => ({ ...c, n: i })) as unknown as Child[],
      episodes: eps as unknown as Episode[],
      cicReviews: cicReviews.map((r, i) => ({ ...r, n: i })),
      cpPlans: eps.map((e) => ({
        id: e.id,
        childId: e.childId,
        startDate: e.decom,
        endDate: e.dec,
        n: n.get(e),
      })),
    } as unknown as RecordTables;
  });

function ctxOf(tables: StagedTables, over: Partial<RuleContext> = {}): RuleContext {
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
    ...over,
  };
}

/**
 * A rule's hits on tables of records, staged as a reader stages them (episodes held by column; a hit on any
 * table's row is compared without its row number). An episode hit
 * is named by the given record of its row (after checking that the hit's record has the row's values), so hits
 * compare with the readings below, which walk the given records.
 */
function hitsOf(rule: Rule, tables: RecordTables, over: Partial<RuleContext> = {}): readonly RuleHit[] {
  const staged = stagedTablesOf(tables);
  const out = rule.check(ctxOf(staged, over));
  assert.equal(out.kind, 'ran');
  const hits = out.kind === 'ran' ? out.hits : [];
  return hits.map((h) => {
    // A hit on another table held by column (a CIN table, here of the given records) names its row too.
    if (h.table !== 'episodes') {
      const { row: _row, ...rest } = h;
      return rest;
    }
    const row = rowOf(h);
    const given = tables.episodes![row]!;
    assert.deepEqual(h.record, given);
    const { row: _row, ...rest } = h;
    return { ...rest, record: given };
  });
}

/** 903-CHILD-UNKNOWN read record by record: each row whose child has no Header row, table by table. */
function childUnknownByRecord(tables: RecordTables): RuleHit[] {
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
function epBirthByRecord(tables: RecordTables): RuleHit[] {
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

/** Records by child id, children in order of first appearance, file order within a child (one push each). */
function groups<T extends { readonly childId: string }>(records: readonly T[] | undefined): T[][] {
  const m = new Map<string, T[]>();
  for (const r of records ?? []) {
    let list = m.get(r.childId);
    if (!list) m.set(r.childId, (list = []));
    list.push(r);
  }
  return [...m.values()];
}

/** {@link groups}, each child's records sorted by the field (stable). */
function groupsByDate<T extends { readonly childId: string }>(
  records: readonly T[] | undefined,
  field: keyof T,
): T[][] {
  return groups(records).map((l) =>
    [...l].sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0)),
  );
}

/** 903-EP-RECDEC read child by child. */
function recDecByChild(tables: RecordTables): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const eps of groups(tables.episodes)) {
    for (const e of eps) {
      if (e.dec !== null && e.rec === null) {
        const dec = e.dec;
        // Another episode: a same-day one does not follow itself.
        const rec = eps.some((x) => x !== e && x.decom === dec) ? 'X1' : 'E8';
        hits.push({
          table: 'episodes',
          record: e,
          field: 'REC',
          value: null,
          message: `DEC ${ukDate(e.dec)} is filled but REC is blank; read as REC ${rec}`,
          repair: { ...e, rec },
        });
      } else if (e.dec === null && e.rec !== null) {
        hits.push({
          table: 'episodes',
          record: e,
          field: 'REC',
          value: e.rec,
          message: `REC ${e.rec} is filled but DEC is blank; REC is ignored`,
          repair: { ...e, rec: null },
        });
      }
    }
  }
  return hits;
}

/**
 * 903-EP-CHAIN read child by child: an X1 episode that no other starts on the DEC of, unless the next one in
 * DECOM order (stable sort: equal dates keep file order) starts before that DEC (903-EP-OVERLAP's finding).
 */
function chainByChild(tables: RecordTables): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const eps of groups(tables.episodes)) {
    const sorted = [...eps].sort((a, b) => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : 0));
    for (const e of eps) {
      const dec = e.dec;
      const next = sorted[sorted.indexOf(e) + 1];
      const overlapped = next !== undefined && dec !== null && next.decom < dec;
      if (e.rec === 'X1' && dec !== null && !eps.some((x) => x !== e && x.decom === dec) && !overlapped) {
        hits.push({
          table: 'episodes',
          record: e,
          field: 'REC',
          value: 'X1',
          message: `ended X1 on ${ukDate(dec)} but no episode of child ${e.childId} starts that day; the period of care is taken to end there`,
        });
      }
    }
  }
  return hits;
}

/** 903-EP-FIRST read child by child. */
function firstByChild(tables: RecordTables): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const eps of groups(tables.episodes)) {
    const first = eps.reduce((a, b) => (b.decom < a.decom ? b : a));
    if (first.rne !== 'S' && first.decom >= '2021-04-01') {
      hits.push({
        table: 'episodes',
        record: first,
        field: 'RNE',
        value: first.rne,
        message: `child ${first.childId}'s first episode (DECOM ${ukDate(first.decom)}) has RNE ${first.rne ?? 'blank'}, not S`,
      });
    }
  }
  return hits;
}

/** 903-EP-OVERLAP read child by child, in DECOM order. */
function overlapByChild(tables: RecordTables): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const sorted of groupsByDate(tables.episodes, 'decom')) {
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const e = sorted[i]!;
      if (prev.dec === null || prev.dec > e.decom) {
        hits.push({
          table: 'episodes',
          record: e,
          field: 'DECOM',
          value: ukDate(e.decom),
          message: `the episode starts ${ukDate(e.decom)}, before the previous episode (DECOM ${ukDate(prev.decom)}) ${prev.dec === null ? 'has ended' : `ends on ${ukDate(prev.dec)}`}; the previous episode is taken to end here`,
        });
      }
    }
  }
  return hits;
}

/** 903-EP-RNE-S read child by child, in DECOM order. */
function rneSByChild(tables: RecordTables): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const sorted of groupsByDate(tables.episodes, 'decom')) {
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const e = sorted[i]!;
      const chained = prev.rec === 'X1' && prev.dec === e.decom;
      if (e.rne === 'S' && chained) {
        hits.push({
          table: 'episodes',
          record: e,
          field: 'RNE',
          value: 'S',
          message: `RNE S only starts a period of care, but the previous episode ended X1 on ${ukDate(e.decom)}; read as a continuation`,
        });
      } else if (e.rne !== null && e.rne !== 'S' && prev.rec !== null && prev.rec.startsWith('E')) {
        hits.push({
          table: 'episodes',
          record: e,
          field: 'RNE',
          value: e.rne,
          message: `RNE ${e.rne} follows an episode that left care (REC ${prev.rec}); read as the start of a new period of care`,
        });
      }
    }
  }
  return hits;
}

/** 903-EP-24H read record by record: each episode ending the day it starts. */
function sameDayByRecord(tables: RecordTables): RuleHit[] {
  return (tables.episodes ?? [])
    .filter((e) => e.dec !== null && e.dec === e.decom)
    .map((e) => ({
      table: 'episodes',
      record: e,
      field: 'DEC',
      value: ukDate(e.dec!),
      message: `the episode starts and ends on ${ukDate(e.decom)} (check it lasted under 24 hours)`,
    }));
}

/** CIN-CPP-OVERLAP read child by child, in start date order (the episodes stand in as plans: same fields). */
function cppOverlapByChild(tables: RecordTables): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const sorted of groupsByDate(tables.cpPlans, 'startDate')) {
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const p = sorted[i]!;
      if (prev.endDate === null || prev.endDate > p.startDate) {
        hits.push({
          table: 'cpPlans',
          record: p,
          field: 'CPPstartDate',
          value: p.startDate,
          message:
            prev.endDate === null
              ? `the CP plan starting ${p.startDate} begins while the plan starting ${prev.startDate} is still open`
              : `the CP plan starting ${p.startDate} overlaps the plan ${prev.startDate} to ${prev.endDate}`,
        });
      }
    }
  }
  return hits;
}

/** 903-DOB-DIFF read record by record (the reviews' DOB against the last Header row's). */
function dobDiffByRecord(tables: RecordTables): RuleHit[] {
  const children = new Map((tables.children ?? []).map((c) => [c.childId, c]));
  const hits: RuleHit[] = [];
  for (const r of (tables.cicReviews ?? []) as unknown as { childId: string; dob: string | null }[]) {
    const raw = r.dob;
    if (!raw) continue;
    const read = parseDate(raw, 'dmy-or-iso');
    const header = children.get(r.childId)?.dob;
    if (read.ok && header && read.date !== header)
      hits.push({
        table: 'cicReviews',
        record: r,
        field: 'DOB',
        value: raw,
        message: `DOB ${ukDate(read.date)} differs from child ${r.childId}'s Header DOB ${ukDate(header)}; the Header DOB is used`,
      });
  }
  return hits;
}

/** GEN-DUP-KEY read record by record (episodes only): each episode whose id an earlier one has. */
function dupKeyByRecord(tables: RecordTables): RuleHit[] {
  const seen = new Map<string, Episode>();
  const hits: RuleHit[] = [];
  for (const e of tables.episodes ?? []) {
    const first = seen.get(e.id);
    if (first === undefined) seen.set(e.id, e);
    else
      hits.push({
        table: 'episodes',
        record: e,
        field: null,
        value: e.id,
        message: `child ${e.childId} already has an episode starting ${ukDate(e.decom)} (${first.source.position})`,
      });
  }
  return hits;
}

/** GEN-DUP-ROW read record by record (episodes only): each episode equal to the first of its id but for its source. */
function dupRowByRecord(tables: RecordTables): RuleHit[] {
  const seen = new Map<string, Episode>();
  const hits: RuleHit[] = [];
  const withoutSource = ({ source: _source, ...rest }: Episode) => rest;
  for (const e of tables.episodes ?? []) {
    const first = seen.get(e.id);
    if (first === undefined) seen.set(e.id, e);
    else if (JSON.stringify(withoutSource(first)) === JSON.stringify(withoutSource(e)))
      hits.push({
        table: 'episodes',
        record: e,
        field: null,
        value: null,
        message: `this repeats ${first.source.position} exactly`,
      });
  }
  return hits;
}

/** 903-YEAR-END read record by record (episodes; the reviews here have no date): DECOM, else DEC, after 31/03/2022. */
function yearEndByRecord(tables: RecordTables): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const e of tables.episodes ?? []) {
    const d = e.decom > '2022-03-31' ? e.decom : e.dec !== null && e.dec > '2022-03-31' ? e.dec : null;
    if (d !== null)
      hits.push({
        table: 'episodes',
        record: e,
        field: d === e.decom ? 'DECOM' : 'DEC',
        value: ukDate(d),
        message: `${d === e.decom ? 'DECOM' : 'DEC'} ${ukDate(d)} is after the end of the 2021-22 collection year (31/03/2022)`,
      });
  }
  return hits;
}

/** 903-EP-ORDER read record by record. */
function epOrderByRecord(tables: RecordTables): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const e of tables.episodes ?? [])
    if (e.dec !== null && e.dec < e.decom)
      hits.push({
        table: 'episodes',
        record: e,
        field: 'DEC',
        value: ukDate(e.dec),
        message: `the episode ends (DEC ${ukDate(e.dec)}) before it starts (DECOM ${ukDate(e.decom)})`,
      });
  return hits;
}

/** The episodes alone (the duplicate rules check every table; their readings above read the episodes). */
const episodesOnly = (t: RecordTables): RecordTables => ({ episodes: t.episodes });

const CASES: readonly [Rule, (t: RecordTables) => RuleHit[], ((t: RecordTables) => RecordTables)?][] = [
  [ssda903ChildUnknown, childUnknownByRecord],
  [ssda903EpBirth, epBirthByRecord],
  [ssda903DobDiff, dobDiffByRecord],
  [ssda903EpRecDec, recDecByChild],
  [ssda903EpChain, chainByChild],
  [ssda903EpFirst, firstByChild],
  [ssda903EpOverlap, overlapByChild],
  [ssda903EpRneS, rneSByChild],
  [ssda903Ep24h, sameDayByRecord],
  [cinCppOverlap, cppOverlapByChild],
  [genDupKey, dupKeyByRecord, episodesOnly],
  [genDupRow, dupRowByRecord, episodesOnly],
  [ssda903YearEnd, yearEndByRecord],
  [ssda903EpOrder, epOrderByRecord],
];

for (const [rule, byRecord, tablesOf] of CASES) {
  test(`${rule.code} finds what the record-by-record reading finds, in the same order (property)`, () => {
    fc.assert(
      fc.property(tablesArb.map(tablesOf ?? ((t) => t)), (tables) => {
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
    episodeFixture({ id: `${childId}/${decom}`, childId, decom, dec: null, rne: 'S', rec: null });
  const episodes = [e('1', '2009-12-31'), e('2', '2021-04-01'), e('1', '2021-04-01'), e('3', '2021-04-01')];
  const tables = {
    children: [
      { childId: '1', dob: '2010-01-01' },
      { childId: '2', dob: '2021-05-01' },
    ] as unknown as Child[],
    episodes,
  } as RecordTables;
  assert.deepEqual(
    hitsOf(ssda903ChildUnknown, tables).map((h) => h.record),
    [episodes[3]],
  );
  assert.deepEqual(
    hitsOf(ssda903EpBirth, tables).map((h) => h.record),
    [episodes[0], episodes[1]],
  );
});

test('903-EP-CHAIN does not also flag an X1 episode that the next one overlaps: 903-EP-OVERLAP reports it, and the chain continues', () => {
  // Child 1: A (01/05–10/05/2021, X1) is overlapped by B (starts 05/05): B is the overlap, A is taken to end
  // on 05/05 (inputs.md §6), so A's X1 chains to B (as deriveCareHistory reads it) and no period of care ends
  // on 10/05. Child 2: the same X1 with the next episode starting after its DEC: a real chain break.
  const e = (childId: string, decom: string, dec: string | null, rec: string | null): Episode =>
    episodeFixture({ id: `${childId}/${decom}`, childId, decom, dec, rne: 'P', rec });
  const episodes = [
    e('1', '2021-05-01', '2021-05-10', 'X1'),
    e('1', '2021-05-05', '2021-06-01', 'E11'),
    e('2', '2021-05-01', '2021-05-10', 'X1'),
    e('2', '2021-05-12', null, null),
  ];
  const tables = { episodes } as RecordTables;
  assert.deepEqual(
    hitsOf(ssda903EpOverlap, tables).map((h) => h.record),
    [episodes[1]],
  );
  assert.deepEqual(
    hitsOf(ssda903EpChain, tables).map((h) => h.record),
    [episodes[2]],
  );
  // The chaining agrees: child 1 has one period of care and no X1 break, child 2 two and one.
  const history = (id: string) =>
    deriveCareHistory(
      id,
      episodes.filter((x) => x.childId === id),
    );
  assert.deepEqual(
    [history('1'), history('2')].map((h) => [
      h.periodsOfCare.length,
      h.issues.filter((i) => i.kind === 'x1-without-next').length,
    ]),
    [
      [1, 0],
      [2, 1],
    ],
  );
  // The next episode in DECOM order decides (the file order does not): B listed first still overlaps A.
  const reordered = { episodes: [episodes[1]!, episodes[0]!] } as RecordTables;
  assert.deepEqual(hitsOf(ssda903EpChain, reordered), []);
});

// GEN-CODE, GEN-LEGACY, GEN-FUTURE and GEN-PAST read the episodes' code and date columns: held to a reading of
// each record's fields in turn, on episodes with codes that are lower case, legacy (some mapped to a new code)
// or invalid, and dates after today (2024-06-01) or before 1990.

/** The 2024-25 lists, with legacy codes that map to new ones in two episode fields (the shipped lists have none). */
const CODED_BOOK = (() => {
  const lists = loadCodeBook('ssda903', '2024-25')!.lists;
  const fields = lists.fields;
  const legacy = (code: string, maps_to?: string, severity?: 'query'): CodeEntry => ({
    code,
    label: 'test',
    status: 'legacy',
    ...(maps_to ? { maps_to } : {}),
    ...(severity ? { severity } : {}),
  });
  return new CodeBook({
    ...lists,
    fields: {
      ...fields,
      RNE: [...fields['RNE']!, legacy('V')],
      PLACE: fields['PLACE']!.map((e) => (e.code === 'H5' ? legacy('H5', 'K3') : e)),
      REC: [...fields['REC']!, legacy('E10', 'E11', 'query')],
    },
  });
})();

const CODED_CTX: Partial<RuleContext> = {
  year: '2024-25',
  yearStart: '2024-04-01' as RuleContext['yearStart'],
  yearEnd: '2025-03-31' as RuleContext['yearEnd'],
  today: '2024-06-01' as RuleContext['today'],
  codes: () => CODED_BOOK,
};

const oddDates = fc.constantFrom(
  '1922-05-01',
  '1990-01-01',
  '2021-06-01',
  '2024-06-01',
  '2024-06-02',
  '2031-01-01',
);

const codedTablesArb = fc
  .array(
    fc.record({
      childId: ids,
      decom: oddDates,
      dec: fc.option(oddDates, { nil: null }),
      rne: fc.option(fc.constantFrom('S', 'P', 's', 'V', 'v', 'Q')),
      ls: fc.option(fc.constantFrom('C2', 'c2', 'ZZ')),
      cin: fc.option(fc.constantFrom('N1', 'n9')),
      place: fc.option(fc.constantFrom('U4', 'K2', 'H5', 'h5', 'P2', 'X9', 'u4')),
      rec: fc.option(fc.constantFrom('X1', 'E11', 'E10', 'e10', 'Q1')),
      reasonPlaceChange: fc.option(fc.constantFrom('CARPL', 'BAD')),
    }),
    { maxLength: 30 },
  )
  .map(
    (rows) =>
      ({
        episodes: rows.map(({ cin, reasonPlaceChange, ...e }, i) => ({
          ...episodeFixture({ ...e, id: `${e.childId}/${e.decom}` }),
          cin,
          reasonPlaceChange,
          source: { file: 'episodes.csv', position: `line ${i + 2}` },
        })),
      }) as RecordTables,
  );

/** The episodes' coded fields as GEN-CODE and GEN-LEGACY check them, in order: property, field, DfE rule. */
const CODED: readonly [keyof Episode, string, string | null][] = [
  ['rne', 'RNE', '143'],
  ['ls', 'LS', '144'],
  ['cin', 'CIN', '145'],
  ['place', 'PLACE', '146'],
  ['placeProvider', 'PLACE_PROVIDER', null],
  ['rec', 'REC', '149'],
  ['reasonPlaceChange', 'REASON_PLACE_CHANGE', null],
];

/** GEN-CODE (invalid) or GEN-LEGACY (legacy) read record by record, each record's fields in turn. */
function codesByRecord(kind: 'invalid' | 'legacy') {
  return (tables: RecordTables): RuleHit[] => {
    const hits: RuleHit[] = [];
    for (const e of tables.episodes ?? []) {
      const found: RuleHit[] = [];
      let repair: Episode | null = null;
      for (const [prop, field, dfeRule] of CODED) {
        const v = e[prop] as string | null;
        if (v === null) continue;
        const entry = CODED_BOOK.get(field, v);
        if (entry === undefined && kind === 'invalid')
          found.push({
            table: 'episodes',
            record: e,
            field,
            value: v,
            message: `${field} '${v}' is not a valid code in 2024-25`,
            severity: 'warning',
            dfeRule,
          });
        if (entry?.status === 'legacy' && kind === 'legacy') {
          const to = entry.maps_to;
          found.push({
            table: 'episodes',
            record: e,
            field,
            value: v,
            message: `${field} ${v} is no longer used in 2024-25${to ? `; read as ${to}` : ''}`,
            severity: entry.severity ?? 'warning',
            dfeRule,
          });
          if (to) repair = { ...(repair ?? e), [prop]: to };
        }
      }
      for (const h of found) hits.push(repair ? { ...h, repair } : h);
    }
    return hits;
  };
}

/** GEN-FUTURE (after today) or GEN-PAST (before 1990) read record by record: DECOM, then DEC. */
function datesByRecord(side: 'future' | 'past') {
  return (tables: RecordTables): RuleHit[] => {
    const hits: RuleHit[] = [];
    for (const e of tables.episodes ?? []) {
      for (const [field, d] of [
        ['DECOM', e.decom],
        ['DEC', e.dec],
      ] as const) {
        if (d === null || !(side === 'future' ? d > '2024-06-01' : d < '1990-01-01')) continue;
        const shown = ukDate(d);
        hits.push({
          table: 'episodes',
          record: e,
          field,
          value: shown,
          message:
            side === 'future'
              ? `${field} ${shown} is in the future`
              : `${field} ${shown} is before 1990, earlier than any date cspi can count working days from; check the year`,
        });
        break;
      }
    }
    return hits;
  };
}

const COLUMN_CASES: readonly [Rule, (t: RecordTables) => RuleHit[]][] = [
  [genCode, codesByRecord('invalid')],
  [genLegacy, codesByRecord('legacy')],
  [genFuture, datesByRecord('future')],
  [genPast, datesByRecord('past')],
];

for (const [rule, byRecord] of COLUMN_CASES) {
  test(`${rule.code} on episodes finds what the record-by-record reading finds, in the same order, each hit by its row (property)`, () => {
    fc.assert(
      fc.property(codedTablesArb, (tables) => {
        const staged = stagedTablesOf(tables);
        const out = rule.check(ctxOf(staged, CODED_CTX));
        // Every hit names its row (the engine never has to find it from the record).
        if (out.kind === 'ran') for (const h of out.hits) assert.notEqual(h.row, undefined);
        assert.deepEqual(hitsOf(rule, tables, CODED_CTX), byRecord(tables));
      }),
      { numRuns: 300 },
    );
  });
}
