import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvRowReader } from './csv-row-reader.js';

function parse(text: string, chunk = text.length): { rows: [string[], number][]; reader: CsvRowReader } {
  const rows: [string[], number][] = [];
  const reader = new CsvRowReader({ row: (row, line) => rows.push([row.toArray(), line]) }, 1 << 20, 500);
  for (let i = 0; i < text.length; i += Math.max(1, chunk))
    reader.push(text.slice(i, i + Math.max(1, chunk)));
  reader.end();
  return { rows, reader };
}

describe('CsvRowReader', () => {
  it('splits rows with their line numbers, skipping blank lines and CR', () => {
    const { rows } = parse('a,b\r\n1,2\r\n\r\n3,4\r\n');
    assert.deepEqual(rows, [
      [['a', 'b'], 1],
      [['1', '2'], 2],
      [['3', '4'], 4],
    ]);
  });

  it('skips lines of only white space (Unicode spaces too) and keeps every line with a printable start', () => {
    const { rows } = parse('a,b\n \t \n\u00a0\u2003\n\ufeff\n \u00a0x,1\n\u00e9,2\n~,3\n');
    assert.deepEqual(rows, [
      [['a', 'b'], 1],
      [[' \u00a0x', '1'], 5],
      [['\u00e9', '2'], 6],
      [['~', '3'], 7],
    ]);
  });

  it('skips lines of only separators (Excel writes them for rows whose cells were cleared) as blank lines', () => {
    // A line such as ",,,," holds no value: it is a blank line, not a row with every field blank (which the
    // readers would reject field by field: "CHILD is blank but required"). A row with any value is kept.
    const { rows } = parse('a,b,c\r\n1,2,3\r\n,,\r\n , ,\r\n,,x\r\n,,\r\n');
    assert.deepEqual(rows, [
      [['a', 'b', 'c'], 1],
      [['1', '2', '3'], 2],
      [['', '', 'x'], 5],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const { rows } = parse('a,b\n"x, y","say ""hi""\nthere"\nz,w\n');
    assert.deepEqual(rows, [
      [['a', 'b'], 1],
      [['x, y', 'say "hi"\nthere'], 2],
      [['z', 'w'], 4],
    ]);
  });

  it('reports an unclosed quote and an unterminated last row', () => {
    const open = parse('a,b\n1,"never closed\n');
    assert.equal(open.reader.openQuoteLine, 2);
    const short = parse('a,b\n1');
    assert.equal(short.reader.lastRowUnterminated, true);
    assert.deepEqual(short.rows[1], [['1'], 2]);
  });

  it('gives the same rows whatever the chunk size (property)', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,5}$/),
      fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (table, size) => {
          const text = `${table.map((r) => r.join(',')).join('\n')}\n`;
          assert.deepEqual(parse(text, size).rows, parse(text).rows);
        },
      ),
    );
  });
});
