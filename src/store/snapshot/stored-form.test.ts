import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromValues, toRow } from '../records/record-table.js';
import { RECORD_TABLES } from '../records/record-tables.js';
import { NotStorable, storedForm } from './stored-form.js';

const source = { file: 'episodes.csv', position: 'line 7', submissionId: 'staged' };

/** A value of the column's type as readers stage them (plus null/undefined). */
const valueOf = (type: string): fc.Arbitrary<unknown> => {
  const none = fc.constantFrom(null, undefined);
  switch (type) {
    case 'integer':
      return fc.oneof(none, fc.integer());
    case 'real':
      return fc.oneof(
        none,
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
      );
    case 'bool':
      return fc.oneof(none, fc.boolean());
    case 'json':
      return fc.oneof(none, fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }));
    default:
      return fc.oneof(none, fc.string({ maxLength: 8 }));
  }
};

describe('stored form of a staged record', () => {
  for (const t of RECORD_TABLES) {
    test(`${t.table}: what writing then reading the row gives (toRow → fromValues)`, () => {
      const record = fc.record(Object.fromEntries(t.columns.map((c) => [c.field, valueOf(c.type)])));
      fc.assert(
        fc.property(record, (r) => {
          const staged = { ...r, source, sources: [source] };
          assert.deepStrictEqual(storedForm(t, 'sub-1', staged), fromValues(t, toRow(t, 'sub-1', 0, staged)));
        }),
        { numRuns: 50 },
      );
    });
  }

  const episodes = RECORD_TABLES.find((t) => t.key === 'episodes')!;
  for (const [what, field, value] of [
    ['a number in a TEXT column (SQLite would give back "7.0")', 'rne', 7],
    ['NaN in a REAL column (neither database keeps it)', 'plDistance', Number.NaN],
    ['a lone surrogate in text', 'childId', '\ud800x'],
  ] as const) {
    test(`${what} is not storable as it is`, () => {
      assert.throws(() => storedForm(episodes, 's', { childId: 'C1', [field]: value, source }), NotStorable);
    });
  }

  test('a fraction in an INTEGER column is not storable as it is', () => {
    const t = RECORD_TABLES.find((x) => x.columns.some((c) => c.type === 'integer'))!;
    const field = t.columns.find((c) => c.type === 'integer')!.field;
    assert.throws(() => storedForm(t, 's', { [field]: 2.5, source, sources: [source] }), NotStorable);
  });
});
