import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Member } from '../../indicators/types.js';
import { freezeMembers } from './frozen-members.js';
import type { RecordIndex } from './frozen-members.js';
import { childMoves } from './restatement.js';

// Audit (report.md §8 "which children moved and why: added after the extract, a date changed, a record
// deleted or merged, …"). A record's loaded id is its submission's id and its natural key
// ("841-ssda903-2021-22-45:C1/2021-11-11", `loadedId`): a corrected return imported again is a new
// submission, so every record of it gets a new loaded id though its key is unchanged. Hand-worked: child C1
// had two missing episodes in the published return (sub 45), one on 11/11/2021 in the quarter; the
// corrected return (sub 47) drops that row. C1 leaves the numerator because a record was deleted, not
// because a date changed; C2, whose episode moved from 01/12 to 02/12, left because a date changed.

const member = (childId: string, recordIds: string[], inNumerator: boolean, start: string): Member => ({
  childId,
  recordIds,
  dates: { start: start as Member['dates'][string] },
  inNumerator,
  reason: '',
});

const index = (records: Record<string, string[]>): RecordIndex =>
  new Map(Object.entries(records).map(([c, ids]) => [c, new Set(ids)]));

test('audit: a child moves because of its records, not because its return was imported again', () => {
  const moves = childMoves(['cic-missing'], {
    frozen: {
      'cic-missing': freezeMembers([
        member('C1', ['s45:C1/2021-11-11'], true, '2021-11-11'),
        member('C2', ['s45:C2/2021-12-01'], true, '2021-12-01'),
        member('C3', ['s45:C3/2021-10-05'], true, '2021-10-05'),
      ]),
    },
    current: {
      'cic-missing': freezeMembers([
        member('C1', [], false, ''),
        member('C2', [], false, ''),
        member('C3', ['s47:C3/2021-10-05'], true, '2021-10-05'),
      ]),
    },
    publishedRecords: index({
      C1: ['s45:C1', 's45:C1/2021-05-28', 's45:C1/2021-11-11'],
      C2: ['s45:C2', 's45:C2/2021-12-01'],
      C3: ['s45:C3', 's45:C3/2021-10-05'],
    }),
    currentRecords: index({
      C1: ['s47:C1', 's47:C1/2021-05-28'],
      C2: ['s47:C2', 's47:C2/2022-04-02'],
      C3: ['s47:C3', 's47:C3/2021-10-05'],
    }),
    definitionChanged: new Set(),
  });
  assert.deepEqual(
    moves.map((m) => [m.childId, m.part, m.direction, m.reason]),
    [
      ['C1', 'numerator', 'out', 'removed'],
      ['C2', 'numerator', 'out', 'date-changed'],
    ],
  );
});
