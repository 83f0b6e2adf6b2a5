import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EpisodeTable } from '../ingest/episode-table.js';
import { episodeFixture } from '../model/episode-fixture.js';
import { childSpans, childSpansByDate } from './rule.js';
import { anotherStartsOn, episodeHeads, episodeSpans, episodeSpansByDecom } from './episode-spans.js';
import type { Child } from '../model/child.js';

const ep = (childId: string, decom: string) => episodeFixture({ id: `${childId}/${decom}`, childId, decom });

test('episode spans group rows by child in order of first appearance, file order within (as childSpans)', () => {
  const t = EpisodeTable.fromRecords([
    ep('B', '2021-05-01'),
    ep('A', '2021-04-01'),
    ep('B', '2021-04-01'),
    ep('A', '2021-03-01'),
  ]);
  const spans = episodeSpans(t);
  assert.deepEqual([...spans.rows], [0, 2, 1, 3]);
  assert.deepEqual([...spans.ends], [2, 4]);
  const byDecom = episodeSpansByDecom(t);
  assert.deepEqual([...byDecom.rows], [2, 0, 3, 1]);
  assert.equal(episodeSpans(t), spans, 'computed once per table');
});

test('episode spans, by file order and by DECOM, match childSpans and childSpansByDate (property)', () => {
  const arb = fc.array(
    fc.record({
      childId: fc.constantFrom('1', '2', '3', '10'),
      decom: fc.constantFrom('2021-04-01', '2021-05-01', '2021-06-01'),
    }),
    { maxLength: 30 },
  );
  fc.assert(
    fc.property(arb, (rows) => {
      const records = rows.map((r) => ep(r.childId, r.decom));
      const t = EpisodeTable.fromRecords(records);
      const asRecords = (rowsOf: Int32Array) => [...rowsOf].map((i) => records[i]);
      const a = episodeSpans(t);
      const b = childSpans(records);
      assert.deepEqual(asRecords(a.rows), b.records);
      assert.deepEqual([...a.ends], [...b.ends]);
      const c = episodeSpansByDecom(t);
      const d = childSpansByDate(records, 'decom');
      assert.deepEqual(asRecords(c.rows), d.records);
      assert.deepEqual([...c.ends], [...d.ends]);
    }),
  );
});

test('episode heads: each child’s Header record by the table’s child index (the last one for a repeated id)', () => {
  const t = EpisodeTable.fromRecords([ep('A', '2021-04-01'), ep('B', '2021-04-01'), ep('A', '2021-05-01')]);
  const a1 = { childId: 'A', n: 1 } as unknown as Child;
  const a2 = { childId: 'A', n: 2 } as unknown as Child;
  const heads = episodeHeads(t, [a1, a2]);
  assert.deepEqual(heads, [a2, undefined]);
  assert.equal(episodeHeads(t, [a1, a2]) === heads, false, 'another children array is looked up afresh');
});

const e = (childId: string, decom: string, dec: string | null = null) =>
  episodeFixture({ childId, decom, dec });

test('anotherStartsOn: another episode of the child starts on the day, never the episode itself', () => {
  // Child A: a same-day episode (row 0) and one starting on 10/05 (row 2); child B's row 1 starts on 01/05.
  const t = EpisodeTable.fromRecords([
    e('A', '2021-05-01', '2021-05-01'),
    e('B', '2021-05-01'),
    e('A', '2021-05-10'),
  ]);
  const { rows } = episodeSpans(t); // A: rows[0..2) = [0, 2]; B: rows[2..3) = [1]
  assert.equal(
    anotherStartsOn(t, rows, 0, 2, 0, '2021-05-01'),
    false,
    'a same-day episode does not follow itself',
  );
  assert.equal(anotherStartsOn(t, rows, 0, 2, 0, '2021-05-10'), true);
  assert.equal(anotherStartsOn(t, rows, 0, 2, 2, '2021-05-01'), true);
  assert.equal(
    anotherStartsOn(t, rows, 2, 3, 1, '2021-05-10'),
    false,
    "another child's episodes are not looked at",
  );
  // With the child's start dates given (a child with many episodes), the same answers.
  const starts = new Set(['2021-05-01', '2021-05-10']);
  assert.equal(anotherStartsOn(t, rows, 0, 2, 0, '2021-05-01', starts), false);
  assert.equal(anotherStartsOn(t, rows, 0, 2, 0, '2021-05-10', starts), true);
  assert.equal(anotherStartsOn(t, rows, 0, 2, 2, '2021-05-01', starts), true);
});
