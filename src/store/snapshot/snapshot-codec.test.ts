import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { type LaDataset, emptyDataset } from '../../model/la-dataset.js';
import { assembleDataset } from '../assemble/assemble-dataset.js';
import type { SubmissionRecords } from '../assemble/submission-records.js';
import { decodeSnapshot, encodeSnapshot, figuresSnapshot } from './snapshot-codec.js';

function fixture(): { dataset: LaDataset; checks: ReturnType<typeof assembleDataset>['issues'] } {
  const submissions = JSON.parse(
    gunzipSync(readFileSync(new URL('fixture/synth-841.submissions.json.gz', import.meta.url))).toString(),
  ) as SubmissionRecords[];
  const { dataset, issues } = assembleDataset('841', submissions);
  return { dataset, checks: issues };
}

const roundTrip = (dataset: LaDataset, checks: readonly never[] = []) => {
  const body = encodeSnapshot({ dataset, checks });
  return body === null ? null : decodeSnapshot(body);
};

describe('dataset snapshot codec', () => {
  test('an assembled dataset (three years of synth with every fault) comes back exactly, keys in order', () => {
    const { dataset, checks } = fixture();
    assert.ok(dataset.referrals.length > 100 && dataset.episodes.length > 10 && checks.length > 0);
    const back = decodeSnapshot(encodeSnapshot({ dataset, checks })!)!;
    assert.deepStrictEqual(back.dataset, dataset);
    assert.deepStrictEqual(back.checks, checks);
    assert.deepEqual(Object.keys(back.dataset), Object.keys(dataset));
    assert.ok(back.dataset.tables instanceof Set && back.dataset.annexASupplied instanceof Set);
    for (const key of ['children', 'referrals', 'episodes', 'claVisits'] as const) {
      assert.deepEqual(Object.keys(back.dataset[key][0]!), Object.keys(dataset[key][0]!), key);
    }
  });

  test('an empty dataset comes back exactly', () => {
    assert.deepStrictEqual(roundTrip(emptyDataset('841'))?.dataset, emptyDataset('841'));
  });

  test('records of mixed shapes are kept as they are, in their own key order', () => {
    const data = {
      ...emptyDataset('841'),
      workers: [{ a: 1, b: 'x' }, { b: 'y', a: 2 }, { a: 3 }],
    } as unknown as LaDataset;
    const back = roundTrip(data)!.dataset as unknown as { workers: object[] };
    assert.deepStrictEqual(back.workers, [{ a: 1, b: 'x' }, { b: 'y', a: 2 }, { a: 3 }]);
    assert.deepEqual(Object.keys(back.workers[1]!), ['b', 'a']);
  });

  test('a source that is not exactly { file, position, submissionId } is kept as it is', () => {
    const sources = [
      { file: 'a.csv', position: 'line 2', submissionId: 's1' },
      { file: 'a.csv', position: 'line 3', submissionId: 's1', extra: true },
    ];
    const data = {
      ...emptyDataset('841'),
      cpVisits: sources.map((source, i) => ({ id: `v${i}`, source })),
    } as unknown as LaDataset;
    assert.deepStrictEqual(roundTrip(data)!.dataset, data);
  });

  for (const [what, value] of [
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-0', -0],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
  ] as const) {
    test(`a record holding ${what} gives no snapshot (JSON would not give it back)`, () => {
      const data = {
        ...emptyDataset('841'),
        cpVisits: [
          { id: 'v1', n: 1 },
          { id: 'v2', n: value },
        ],
      } as unknown as LaDataset;
      assert.equal(encodeSnapshot({ dataset: data, checks: [] }), null);
    });
  }

  for (const field of ['v', 'fmt'] as const) {
    test(`a snapshot written by another ${field === 'v' ? 'assembly version' : 'layout'} is not used`, () => {
      const text = encodeSnapshot({ dataset: emptyDataset('841'), checks: [] })!;
      assert.ok(decodeSnapshot(text));
      const head = JSON.parse(text.head) as Record<typeof field, number>;
      head[field] += 1;
      assert.equal(decodeSnapshot({ ...text, head: JSON.stringify(head) }), null);
    });
  }

  test('a table is held in parts, one per field; parts missing or out of place give no snapshot back', () => {
    const { dataset, checks } = fixture();
    const text = encodeSnapshot({ dataset, checks })!;
    const head = JSON.parse(text.head) as {
      tables: Record<string, { f: string[]; p: number[] }>;
      checks: number;
    };
    const referrals = head.tables['referrals']!;
    assert.equal(referrals.p.length, referrals.f.length);
    const ids = JSON.parse(text.parts[referrals.p[referrals.f.indexOf('id')]!]!) as string[];
    assert.deepEqual(
      ids,
      dataset.referrals.map((r) => r.id),
    );
    assert.deepEqual(JSON.parse(text.parts[head.checks]!), checks);
    assert.equal(decodeSnapshot({ ...text, parts: text.parts.slice(0, -1) }), null, 'a part missing');
    referrals.p[0] = text.parts.length;
    assert.equal(decodeSnapshot({ ...text, head: JSON.stringify(head) }), null, 'a part out of range');
  });

  test('a column of strings that repeat is held as its distinct values and an index per record', () => {
    const visits = Array.from({ length: 40 }, (_, i) => ({
      id: `v${i}`,
      childId: `C${i % 5}`,
      visitDate: i % 7 === 0 ? null : `2021-04-0${(i % 3) + 1}`,
      seen: i % 2 === 0,
      n: i % 3,
    }));
    const data = { ...emptyDataset('841'), cpVisits: visits } as unknown as LaDataset;
    const text = encodeSnapshot({ dataset: data, checks: [] })!;
    const table = (
      JSON.parse(text.head) as { tables: Record<string, { f: string[]; c: string[]; p: number[] }> }
    ).tables['cpVisits']!;
    // Ids are all distinct, flags and numbers are not strings: those stay as they are.
    assert.deepEqual(table.c, ['plain', 'dict', 'dict', 'plain', 'plain']);
    assert.deepEqual(JSON.parse(text.parts[table.p[1]!]!), [
      ['C0', 'C1', 'C2', 'C3', 'C4'],
      visits.map((_, i) => i % 5),
    ]);
    assert.deepStrictEqual(decodeSnapshot(text)!.dataset, data);
    const figures = figuresSnapshot(text.head)!;
    const parts = new Map(figures.parts.map((i) => [i, text.parts[i]!]));
    assert.deepStrictEqual((figures.decode(parts) as unknown as typeof data).cpVisits, visits);
  });

  test('a column with more than one distinct value in four, or only nulls, or not only strings, is held as it is', () => {
    const rows = (value: (i: number) => unknown) =>
      ({
        ...emptyDataset('841'),
        contacts: Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, value: value(i) })),
      }) as unknown as LaDataset;
    for (const [what, value] of [
      ['six distinct in twenty', (i: number) => `x${i % 6}`],
      ['only nulls', () => null],
      ['a number among strings', (i: number) => (i === 3 ? 3 : 'x')],
      ['a list among strings', (i: number) => (i === 3 ? ['x'] : 'x')],
    ] as const) {
      const text = encodeSnapshot({ dataset: rows(value), checks: [] })!;
      const c = (JSON.parse(text.head) as { tables: Record<string, { c: string[] }> }).tables['contacts']!.c;
      assert.deepEqual(c, ['plain', 'plain'], what);
      assert.deepStrictEqual(decodeSnapshot(text)!.dataset, rows(value), what);
    }
    const five = encodeSnapshot({ dataset: rows((i) => `x${i % 5}`), checks: [] })!;
    assert.equal(
      (JSON.parse(five.head) as { tables: Record<string, { c: string[] }> }).tables['contacts']!.c[1],
      'dict',
      'five distinct in twenty is one in four',
    );
  });

  test('a dictionary column whose part is not [values, indexes] gives no snapshot back', () => {
    const data = {
      ...emptyDataset('841'),
      contacts: Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, outcome: i % 2 ? 'nfa' : 'referral' })),
    } as unknown as LaDataset;
    const text = encodeSnapshot({ dataset: data, checks: [] })!;
    const table = (JSON.parse(text.head) as { tables: Record<string, { c: string[]; p: number[] }> }).tables[
      'contacts'
    ]!;
    assert.equal(table.c[1], 'dict');
    const parts = [...text.parts];
    parts[table.p[1]!] = JSON.stringify(['nfa', 'referral']);
    assert.equal(decodeSnapshot({ ...text, parts }), null);
  });

  test('property: columns of repeating strings and nulls come back exactly', () => {
    const value = fc.oneof(fc.constantFrom('a', 'b', '', '\u2028', 'Zoë', '2021-04-01'), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 60 }), (pairs) => {
        const data = {
          ...emptyDataset('841'),
          contacts: pairs.map(([a, b], i) => ({ id: `c${i}`, a, b })),
        } as unknown as LaDataset;
        assert.deepStrictEqual(decodeSnapshot(encodeSnapshot({ dataset: data, checks: [] })!)!.dataset, data);
      }),
      { numRuns: 200 },
    );
  });

  test('property: any records either come back exactly or give no snapshot', () => {
    const record = fc.dictionary(fc.string({ maxLength: 6 }), fc.anything({ maxDepth: 2 }), { maxKeys: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 6 }),
        fc.array(fc.jsonValue({ maxDepth: 2 })),
        (rows, json) => {
          const data = { ...emptyDataset('841'), contacts: rows, population: json } as unknown as LaDataset;
          const body = encodeSnapshot({ dataset: data, checks: [] });
          if (body !== null) assert.deepStrictEqual(decodeSnapshot(body)!.dataset, data);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('property: plain same-shape records always give a snapshot', () => {
    const plain = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.integer(), fc.array(fc.string()));
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, plain), { minLength: 1, maxLength: 20 }), (pairs) => {
        const data = {
          ...emptyDataset('841'),
          contacts: pairs.map(([a, b]) => ({ id: a, value: b })),
        } as unknown as LaDataset;
        const body = encodeSnapshot({ dataset: data, checks: [] });
        assert.ok(body !== null);
        assert.deepStrictEqual(decodeSnapshot(body)!.dataset, data);
      }),
      { numRuns: 200 },
    );
  });
});
