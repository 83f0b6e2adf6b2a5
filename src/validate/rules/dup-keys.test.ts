import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { content, episodeKeyRepeats, keyRepeats, repeatsByKey, sameEpisodeContent } from './dup-keys.js';
import type { StagedTableKey } from '../rule.js';
import type { Episode } from '../../model/episode.js';
import { EpisodeTable } from '../../ingest/episode-table.js';
import { episodeFixture } from '../../model/episode-fixture.js';
import { isoDate } from '../../calendar/iso-date.js';

const childIds = fc.constantFrom('C1', 'C2', 'C10', 'C1/2', 'A', 'A/B');
const parts = fc.constantFrom('2021-04-01', '2021-05-01', 'B/C', 'C', '');

test('keyRepeats finds the same repeats, in file order, as one map of every key', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(childIds, parts, fc.boolean()), { maxLength: 60 }),
      fc.constantFrom<StagedTableKey>('episodes', 'children', 'referrals'),
      (rows, table) => {
        const records = rows.map(([childId, part, bare], i) => ({
          childId,
          id: bare ? childId : `${childId}/${part}`,
          n: i,
        }));
        assert.deepEqual(keyRepeats(table, records), repeatsByKey(table, records));
        // Each child's records together (as a CIN return lists them): found run by run, same answer.
        const together = [...records].sort((a, b) =>
          a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0,
        );
        assert.deepEqual(keyRepeats(table, together), repeatsByKey(table, together));
      },
    ),
    { numRuns: 500 },
  );
});

test('keyRepeats within one child: the first record of a key is named, also past 32 records a child', () => {
  const many = Array.from({ length: 40 }, (_, i) => ({ childId: 'C1', id: `C1/${i % 30}` }));
  const records = [{ childId: 'C2', id: 'C2/0' }, ...many, { childId: 'C2', id: 'C2/0' }];
  const got = keyRepeats('episodes', records);
  assert.deepEqual(
    got.map((r) => [records.indexOf(r.first as never), records.indexOf(r.record as never)]),
    [...Array.from({ length: 10 }, (_, i) => [1 + i, 31 + i]), [0, 41]],
  );
});

const episodeOf = (childId: string, decom: string, i: number, more: Partial<Episode> = {}): Episode => ({
  ...episodeFixture({ id: `${childId}/${decom}`, childId, decom }),
  source: { file: 'episodes.csv', position: `line ${i + 2}` },
  ...more,
});

test('episodeKeyRepeats finds, by row, the repeats keyRepeats finds among the records (property)', () => {
  const decoms = fc.constantFrom('2021-04-01', '2021-05-01', '2021-06-01');
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.constantFrom('1', '2', '10', '1/2'), decoms, fc.option(fc.constantFrom('X', '1'))),
        {
          maxLength: 80,
        },
      ),
      (rows) => {
        // Some ids are not CHILD/DECOM (a table made from records keeps them): then the ids are the keys.
        const records = rows.map(([childId, decom, id], i) => episodeOf(childId, decom, i, id ? { id } : {}));
        const natural = records.filter((r) => r.id === `${r.childId}/${r.decom}`);
        for (const rs of [records, natural]) {
          const t = EpisodeTable.fromRecords(rs);
          assert.deepEqual(
            episodeKeyRepeats(t).map(({ first, row }) => ({ first: rs[first], record: rs[row] })),
            repeatsByKey('episodes', rs),
          );
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('episodeKeyRepeats within one child: the first row of a key is named, also past 32 rows a child', () => {
  const decom = (k: number) => `2021-04-${String(k + 1).padStart(2, '0')}`;
  const many = Array.from({ length: 40 }, (_, i) => episodeOf('1', decom(i % 30), i + 1));
  const records = [episodeOf('2', decom(0), 0), ...many, episodeOf('2', decom(0), 41)];
  assert.deepEqual(episodeKeyRepeats(EpisodeTable.fromRecords(records)), [
    ...Array.from({ length: 10 }, (_, i) => ({ first: 1 + i, row: 31 + i })),
    { first: 0, row: 41 },
  ]);
});

test('sameEpisodeContent agrees with content() of the two rows’ records (property)', () => {
  // PL_DISTANCE as JSON writes it: no distance (NaN in the column) and an infinite one are both null.
  const fields = {
    childId: fc.constantFrom('1', '2'),
    decom: fc.constantFrom('2021-04-01', '2021-05-01'),
    dec: fc.constantFrom(null, isoDate('2021-06-01')),
    rne: fc.constantFrom(null, 'S', 'P'),
    urn: fc.constantFrom(null, 'SC1'),
    plDistance: fc.constantFrom(null, 0, 2.5, Infinity, -Infinity),
    id: fc.option(fc.constantFrom('X', 'Y')),
    file: fc.constantFrom('a.csv', 'b.csv'),
  };
  // The second row is the first with some fields given again (often the same: many pairs are equal).
  const pair = fc
    .tuple(fc.record(fields), fc.record(fields, { requiredKeys: [] }))
    .map(([a, changes]) => [a, { ...a, ...changes }] as const);
  fc.assert(
    fc.property(pair, ([a, b]) => {
      const [x, y] = [a, b].map(({ childId, decom, id, file, ...rest }, i) =>
        episodeOf(childId, decom, i, {
          ...rest,
          ...(id ? { id } : {}),
          source: { file, position: `line ${i}` },
        }),
      ) as [Episode, Episode];
      const t = EpisodeTable.fromRecords([x, y]);
      assert.equal(sameEpisodeContent(t, 0, 1), content(t.record(0)) === content(t.record(1)));
    }),
    { numRuns: 500 },
  );
});
