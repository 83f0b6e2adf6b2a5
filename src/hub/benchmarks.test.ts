import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkIndicator, rankLas, summarise } from './benchmarks.js';
import { regionGroups } from './la-groups.js';

test('summarise: mean and quartiles by linear interpolation, hand-computed', () => {
  assert.deepEqual(summarise([40, 10, 30, 20]), { n: 4, mean: 25, q1: 17.5, median: 25, q3: 32.5 });
  // 5 values: q1 at position 1 (12), median at 2 (15), q3 at 3 (20); mean 71/5 = 14.2
  assert.deepEqual(summarise([10, 12, 15, 20, 14]), { n: 5, mean: 14.2, q1: 12, median: 14, q3: 15 });
  assert.deepEqual(summarise([]), { n: 0, mean: null, q1: null, median: null, q3: null });
});

test('rankLas: lower is better ranks the lowest first; ties share the better rank', () => {
  const r = rankLas(
    [
      { la: 'A', value: 21.5 },
      { la: 'B', value: 10.8 },
      { la: 'C', value: 10.8 },
      { la: 'D', value: 30 },
    ],
    'lower',
  );
  assert.deepEqual(
    r.map((p) => [p.la, p.rank, p.quartile]),
    [
      ['B', 1, 1],
      ['C', 1, 1],
      ['A', 3, 3],
      ['D', 4, 4],
    ],
  );
});

test('rankLas: higher is better ranks the highest first; no polarity has no rank and no quartile', () => {
  const values = [
    { la: 'A', value: 80 },
    { la: 'B', value: 90 },
  ];
  assert.equal(rankLas(values, 'higher')[0]!.la, 'B');
  // A count (children in care) is neither better nor worse for being higher: "1st of 2" would judge it.
  assert.deepEqual(rankLas(values, 'none'), [
    { la: 'B', value: 90, rank: null, of: 2, quartile: null },
    { la: 'A', value: 80, rank: null, of: 2, quartile: null },
  ]);
});

test('benchmarkIndicator: all-LA and group means against hand-computed values, nulls left out', () => {
  const b = benchmarkIndicator(
    'referrals-rereferral-12m',
    'lower',
    [
      { la: '841', value: 10.8 },
      { la: '805', value: 20.2 },
      { la: '806', value: null },
      { la: '330', value: 25 },
    ],
    { 'region:North East': ['841', '805', '806'], 'statistical-neighbours': ['805', '330'] },
  );
  assert.equal(b.all.n, 3);
  assert.equal(b.all.mean, 18.7); // (10.8 + 20.2 + 25) / 3 = 18.666…
  assert.equal(b.groups['region:North East']!.mean, 15.5); // (10.8 + 20.2) / 2
  assert.equal(b.groups['statistical-neighbours']!.mean, 22.6); // (20.2 + 25) / 2
  assert.deepEqual(
    b.positions.find((p) => p.la === '841'),
    { la: '841', value: 10.8, rank: 1, of: 3, quartile: 1 },
  );
});

test('regionGroups reads the LA table', () => {
  assert.deepEqual(
    regionGroups(
      'la_code,ons_code,name,region\n841,E06000005,Darlington,North East\n805,E06000001,Hartlepool,North East\n330,E08000025,Birmingham,West Midlands\n',
    ),
    {
      'region:North East': ['841', '805'],
      'region:West Midlands': ['330'],
    },
  );
});
