import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvRow } from './csv-row.js';
import { cell } from '../row-fields.js';
import { internCode } from '../intern-code.js';

/** A line's text with something before and after it, as it stands in a decoded piece of a file. */
const lineText = fc
  .array(
    fc.oneof(
      fc.constantFrom('c2', ' x ', '', 'Ab1 2Cd', '\u00e9', ' ', 'SC123456'),
      fc.string({ maxLength: 5 }),
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((fields) => fields.map((f) => f.replace(/[,\n]/g, '')).join(','));

describe('CsvRow', () => {
  it('reads a line in place into the fields split(",") gives, and each field as a cell and a code (property)', () => {
    // One row for every line, as the reader reuses it: what it remembers of a line must not leak into the next.
    const row = new CsvRow(9);
    fc.assert(
      fc.property(
        lineText,
        fc.string({ maxLength: 3 }),
        fc.integer({ min: 1, max: 9 }),
        (line, around, limit) => {
          const text = `${around}\n${line}\n${around}`;
          const start = around.length + 1;
          row.setLine(text, start, start + line.length, limit);
          const fields = line.split(',', limit);
          assert.deepEqual(row.toArray(), fields);
          assert.equal(row.length, fields.length);
          for (let i = -1; i <= fields.length; i++) {
            const expected = cell(fields[i]);
            assert.equal(row.cell(i), expected);
            assert.equal(row.code(i), expected === null ? null : internCode(expected));
            assert.equal(row.raw(i), fields[i] ?? '');
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives a field and a code of a row of cut-out fields (a quoted row) the same way', () => {
    const row = CsvRow.of([' 1001 ', 'c2', '', 'x, y']);
    assert.deepEqual(
      [row.length, row.cell(0), row.code(1), row.cell(2), row.code(2), row.raw(3), row.cell(4)],
      [4, '1001', 'C2', null, null, 'x, y', null],
    );
  });

  it('says whether a field is written exactly as a value, without cutting it out', () => {
    const row = new CsvRow(5);
    row.setLine('xx1001,10011, 1001,1001', 2, 23, 6);
    assert.deepEqual(
      [
        row.fieldIs(0, '1001'),
        row.fieldIs(1, '1001'),
        row.fieldIs(2, '1001'),
        row.fieldIs(3, '1001'),
        row.fieldIs(4, '1001'),
      ],
      [true, false, false, true, false],
    );
    assert.equal(CsvRow.of(['1001']).fieldIs(0, '1001'), true);
  });

  it('gives one shared string for a code wherever it stands, in either case', () => {
    const a = new CsvRow(3);
    a.setLine('1,c2,N1', 0, 7, 4);
    const first = a.code(1);
    a.setLine('2,C2,N1,c2', 0, 10, 4);
    assert.equal(first, 'C2');
    assert.ok(Object.is(a.code(1), first) && Object.is(a.code(3), first));
  });
});
