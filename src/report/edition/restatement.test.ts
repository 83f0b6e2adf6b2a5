import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Member } from '../../indicators/types.js';
import { emptyDataset } from '../../model/la-dataset.js';
import type { LaDataset } from '../../model/la-dataset.js';
import { freezeMembers, recordIndex } from './frozen-members.js';
import type { RecordIndex } from './frozen-members.js';
import { childMoves, restatements } from './restatement.js';
import type { RestatementDetail } from './restatement.js';

const member = (childId: string, recordId: string, inNumerator: boolean, date: string): Member => ({
  childId,
  recordIds: [recordId],
  dates: { referralDate: date as Member['dates'][string] },
  inNumerator,
  reason: '',
});

const index = (records: Record<string, string[]>): RecordIndex =>
  new Map(Object.entries(records).map(([c, ids]) => [c, new Set(ids)]));

// Published: A (numerator), B, C, D in the denominator. Now: B's referral re-dated (its record re-keyed)
// moves it into the numerator, C's record was deleted, E was added after the extract, A and D unchanged.
const published = freezeMembers([
  member('A', 'A/2021-10-01', true, '2021-10-01'),
  member('B', 'B/2021-11-01', false, '2021-11-01'),
  member('C', 'C/2021-11-05', false, '2021-11-05'),
  member('D', 'D/2021-12-01', false, '2021-12-01'),
]);
const now = freezeMembers([
  member('A', 'A/2021-10-01', true, '2021-10-01'),
  member('B', 'B/2021-11-02', true, '2021-11-02'),
  member('D', 'D/2021-12-01', false, '2021-12-01'),
  member('E', 'E/2021-12-10', true, '2021-12-10'),
]);
const detail = (withRecords: boolean): RestatementDetail => ({
  frozen: { 'referrals-rereferral-12m': published },
  current: { 'referrals-rereferral-12m': now },
  publishedRecords: withRecords
    ? index({ A: ['A/2021-10-01'], B: ['B/2021-11-01'], C: ['C/2021-11-05'], D: ['D/2021-12-01'] })
    : null,
  currentRecords: withRecords
    ? index({ A: ['A/2021-10-01'], B: ['B/2021-11-02'], D: ['D/2021-12-01'], E: ['E/2021-12-10'] })
    : null,
  definitionChanged: new Set(),
});
const fig = (value: number, numerator: number, denominator: number) => ({
  id: 'referrals-rereferral-12m',
  value,
  numerator,
  denominator,
});

test('restatements count the children who moved into and out of the numerator and denominator (report.md §8)', () => {
  const [r] = restatements(
    { period: { id: '2021-22-Q3' }, indicators: [fig(25, 1, 4)] },
    { indicators: [fig(75, 3, 4)] },
    'ed-1',
    detail(true),
  );
  assert.ok(r);
  assert.equal(r.change, 50);
  assert.deepEqual([r.numeratorIn, r.numeratorOut, r.denominatorIn, r.denominatorOut], [2, 0, 1, 1]);
  // B's referral was re-keyed (date changed); E is new; C's record was deleted.
  assert.deepEqual(r.reasons, { 'date-changed': 1, 'added-after-extract': 1, removed: 1 });
});

test('child-level moves name the child and the reason (for authorised roles only)', () => {
  const moves = childMoves(['referrals-rereferral-12m'], detail(true));
  assert.deepEqual(
    moves.map((m) => `${m.part} ${m.direction} ${m.childId} ${m.reason}`),
    [
      'numerator in B date-changed',
      'numerator in E added-after-extract',
      'denominator in E added-after-extract',
      'denominator out C removed',
    ],
  );
});

test('without the published records the counts remain but the reasons are not derived', () => {
  const [r] = restatements(
    { period: { id: '2021-22-Q3' }, indicators: [fig(25, 1, 4)] },
    { indicators: [fig(75, 3, 4)] },
    'ed-1',
    detail(false),
  );
  assert.deepEqual([r!.numeratorIn, r!.denominatorOut], [2, 1]);
  assert.equal(r!.reasons, null);
});

test('an edition without frozen members reports the figures only; unchanged figures are not restated', () => {
  const frozen = { period: { id: '2021-22-Q3' }, indicators: [fig(25, 1, 4)] };
  const [r] = restatements(frozen, { indicators: [fig(50, 2, 4)] }, 'ed-0');
  assert.equal(r!.numeratorIn, null);
  assert.equal(r!.reasons, null);
  assert.deepEqual(restatements(frozen, { indicators: [fig(25, 1, 4)] }, 'ed-0', detail(true)), []);
});

test('a deciding date changed without re-keying the record reads as a date change', () => {
  const frozen = freezeMembers([member('F', 'F/1', false, '2021-10-01')]);
  const current = freezeMembers([member('F', 'F/1', true, '2021-10-03')]);
  const moves = childMoves(['x'], {
    frozen: { x: frozen },
    current: { x: current },
    publishedRecords: index({ F: ['F/1'] }),
    currentRecords: index({ F: ['F/1'] }),
    definitionChanged: new Set(),
  });
  assert.deepEqual(
    moves.map((m) => m.reason),
    ['date-changed'],
  );
});

test('recordIndex groups every table row with an id and a child id by child', () => {
  const data: LaDataset = {
    ...emptyDataset('841'),
    referrals: [{ id: 'C1/2021-10-01', childId: 'C1' } as LaDataset['referrals'][number]],
    episodes: [{ id: 'C1/2021-11-01', childId: 'C1' } as LaDataset['episodes'][number]],
  };
  assert.deepEqual([...(recordIndex(data).get('C1') ?? [])].sort(), ['C1/2021-10-01', 'C1/2021-11-01']);
});
