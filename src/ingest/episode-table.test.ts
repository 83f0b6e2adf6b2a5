import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EpisodeTable, EpisodeTableBuilder, recordTablesOf, stagedTablesOf } from './episode-table.js';
import { episodeFixture } from '../model/episode-fixture.js';
import type { Episode } from '../model/episode.js';

const ep = (childId: string, decom: string, line: number, extra: Partial<Episode> = {}): Episode => ({
  ...episodeFixture({ id: `${childId}/${decom}`, childId, decom }),
  source: { file: 'episodes.csv', position: `line ${line}` },
  ...extra,
});

test('a table of records gives each record back, in order, with its id, codes, distance and source', () => {
  const records = [
    ep('1001', '2021-04-01', 2, { plDistance: 12.5, dec: '2021-05-01' as Episode['dec'], rec: 'X1' }),
    ep('1001', '2021-05-01', 3, { urn: 'SC123456', rne: 'P' }),
    ep('1002', '2021-06-01', 4, { homePost: null, plPost: null, plDistance: 0 }),
  ];
  const t = EpisodeTable.fromRecords(records);
  assert.equal(t.length, 3);
  assert.deepEqual(t.records(), records);
  assert.deepEqual(t.childIds, ['1001', '1002']);
  assert.deepEqual([...t.child], [0, 0, 1]);
  assert.equal(t.id(1), '1001/2021-05-01');
  assert.equal(t.distance(0), 12.5);
  assert.equal(t.distance(1), null);
  assert.equal(t.distance(2), 0, 'a distance of 0 is a distance, not none');
  assert.deepEqual(t.source(2), { file: 'episodes.csv', position: 'line 4' });
});

test('an id that is not CHILD/DECOM (a record made elsewhere) is kept, through filtering and joining too', () => {
  const records = [ep('1001', '2021-04-01', 2, { id: 'ep7' }), ep('1002', '2021-04-01', 3)];
  const t = EpisodeTable.fromRecords(records);
  assert.equal(t.id(0), 'ep7');
  assert.equal(t.id(1), '1002/2021-04-01');
  assert.equal(t.without(Uint8Array.of(0, 1)).id(0), 'ep7');
  assert.deepEqual(
    t
      .concat(t)
      .records()
      .map((r) => r.id),
    ['ep7', '1002/2021-04-01', 'ep7', '1002/2021-04-01'],
  );
});

test('without leaves out the marked rows (the same table when none is marked); withRepairs replaces rows', () => {
  const records = [ep('1', '2021-04-01', 2), ep('2', '2021-04-02', 3), ep('1', '2021-04-03', 4)];
  const t = EpisodeTable.fromRecords(records);
  assert.equal(t.without(new Uint8Array(3)), t);
  const kept = t.without(Uint8Array.of(0, 1, 0));
  assert.deepEqual(kept.records(), [records[0], records[2]]);
  assert.deepEqual(kept.childIds, ['1'], 'children with no row left are not kept');
  assert.equal(t.withRepairs(new Map()), t);
  const repaired = t.withRepairs(new Map([[1, { ...records[1]!, rec: 'E8' }]]));
  assert.deepEqual(repaired.records(), [records[0], { ...records[1]!, rec: 'E8' }, records[2]]);
  assert.equal(t.record(1).rec, records[1]!.rec, 'the table itself is unchanged');
});

test('the builder grows past its first columns and finds a child met again apart', () => {
  const b = new EpisodeTableBuilder();
  for (let i = 0; i < 3000; i++) {
    b.add(
      `C${i % 7}`,
      '2021-04-01' as Episode['decom'],
      null,
      'S',
      'C2',
      null,
      'U1',
      null,
      null,
      null,
      null,
      null,
      null,
      i % 2 ? null : i,
      'e.csv',
      `line ${i + 2}`,
    );
  }
  const t = b.build();
  assert.equal(t.length, 3000);
  assert.equal(t.childIds.length, 7);
  assert.equal(t.childId(2999), 'C3');
  assert.equal(t.distance(2998), 2998);
  assert.equal(t.distance(2999), null);
  assert.equal(t.record(1500).source.position, 'line 1502');
});

test('staged and record tables convert both ways; tables other than episodes are handed on as they are', () => {
  const episodes = [ep('1', '2021-04-01', 2)];
  const children: never[] = [];
  const staged = stagedTablesOf({ episodes, children });
  assert.ok(staged.episodes instanceof EpisodeTable);
  assert.equal(staged.children, children);
  const back = recordTablesOf(staged);
  assert.deepEqual(back.episodes, episodes);
  assert.equal(back.children, children);
  assert.deepEqual(recordTablesOf({ children }), { children });
});

test('fromRecords then records gives the records back (property)', () => {
  const dates = fc.constantFrom('2020-01-01', '2021-04-01', '2021-04-02', '2022-03-31');
  const code = fc.option(fc.constantFrom('S', 'P', 'U1', 'X1', 'E11', 'DL1 1AA'));
  const arb = fc.array(
    fc.record({
      childId: fc.constantFrom('1', '2', '10', 'A/B'),
      decom: dates,
      dec: fc.option(dates),
      rne: code,
      ls: code,
      rec: code,
      urn: code,
      id: fc.option(fc.constantFrom('x', 'y')),
      plDistance: fc.option(fc.double({ min: 0, max: 999.9, noNaN: true })),
    }),
    { maxLength: 40 },
  );
  fc.assert(
    fc.property(arb, (rows) => {
      const records = rows.map((r, i) => ({
        ...ep(r.childId, r.decom, i + 2),
        dec: r.dec as Episode['dec'],
        rne: r.rne,
        ls: r.ls,
        rec: r.rec,
        urn: r.urn,
        id: r.id ?? `${r.childId}/${r.decom}`,
        plDistance: r.plDistance,
      }));
      assert.deepEqual(EpisodeTable.fromRecords(records).records(), records);
    }),
  );
});

test('a child id met again after the ids rose (as numbers or as text) is the same child', () => {
  const t = EpisodeTable.fromRecords([
    ep('9', '2021-04-01', 2),
    ep('10', '2021-04-01', 3),
    ep('11', '2021-04-01', 4),
    ep('9', '2021-05-01', 5),
    ep('B', '2021-04-01', 6),
    ep('A', '2021-04-01', 7),
    ep('10', '2021-05-01', 8),
  ]);
  assert.deepEqual(t.childIds, ['9', '10', '11', 'B', 'A']);
  assert.deepEqual([...t.child], [0, 1, 2, 0, 3, 4, 1]);
});
