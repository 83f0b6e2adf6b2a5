import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EpisodeTable } from '../ingest/episode-table.js';
import { episodeFixture } from '../model/episode-fixture.js';
import { anotherStartsOn, episodeSpans, episodeSpansByDecom } from './episode-spans.js';

const e = (childId: string, decom: string, dec: string | null = null) =>
  episodeFixture({ childId, decom, dec });

test('episodeSpans groups the rows by child (first appearance), file order within; ByDecom orders each by DECOM', () => {
  const t = EpisodeTable.fromRecords([
    e('2', '2021-06-01'),
    e('1', '2021-05-01'),
    e('2', '2021-04-01'),
    e('1', '2021-05-01', '2021-05-01'),
  ]);
  const spans = episodeSpans(t);
  assert.deepEqual([...spans.rows], [0, 2, 1, 3]);
  assert.deepEqual([...spans.ends], [2, 4]);
  // Equal DECOMs keep file order.
  assert.deepEqual([...episodeSpansByDecom(t).rows], [2, 0, 1, 3]);
  assert.equal(episodeSpans(t), spans);
});

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
