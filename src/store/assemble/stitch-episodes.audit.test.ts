/**
 * Audit of SSDA903 stitching across a year end (inputs.md §1.1, §6): a disagreement between the episode
 * open at the end of year N and the next year's return is reported, never silently resolved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleDataset } from './assemble-dataset.js';
import { child, episode, submission } from '../test-records.js';

const codes = (issues: readonly { code: string }[]): string[] => issues.map((i) => i.code).sort();

test('the open episode reappearing next year with another PLACE is 903-STITCH-START; the later year wins', () => {
  // inputs.md §6: "903-STITCH-START | warning · 502, 503A–J | year N+1's first episode ≠ year N's open one →
  // later wins".
  const y1 = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01', { place: 'U4' })],
  });
  const y2 = submission('s2', 'ssda903', '2022-23', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01', { place: 'U5', dec: '2022-08-01', rec: 'E4A' })],
  });
  const { dataset, issues } = assembleDataset('841', [y1, y2]);
  assert.deepEqual(codes(issues), ['903-STITCH-START']);
  assert.equal(issues[0]!.childId, 'C1');
  assert.equal(issues[0]!.field, 'PLACE');
  assert.equal(dataset.episodes.length, 1);
  assert.equal(dataset.episodes[0]!.place, 'U5');
});

test("next year's first episode is not the open one (though it lists it): 903-STITCH-START, both kept", () => {
  const y1 = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01')],
  });
  const y2 = submission('s2', 'ssda903', '2022-23', {
    children: [child('C1')],
    episodes: [
      episode('C1', '2021-05-01', { dec: '2021-06-01', rec: 'X1' }),
      episode('C1', '2021-06-01', { rne: 'P', dec: '2022-08-01', rec: 'E4A' }),
    ],
  });
  const { dataset, issues } = assembleDataset('841', [y1, y2]);
  assert.deepEqual(codes(issues), ['903-STITCH-START']);
  assert.equal(issues[0]!.field, 'DECOM');
  assert.equal(issues[0]!.value, '2021-05-01');
  assert.deepEqual(dataset.episodes.map((e) => e.decom).sort(), ['2021-05-01', '2021-06-01']);
});

test('the same open episode closed next year with the same details: no issue', () => {
  const y1 = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01')],
  });
  const y2 = submission('s2', 'ssda903', '2022-23', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01', { dec: '2022-08-01', rec: 'E4A' })],
  });
  assert.deepEqual(codes(assembleDataset('841', [y1, y2]).issues), []);
});
