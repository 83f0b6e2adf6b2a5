import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FileSink } from '../file-sink.js';
import { csvRowFields } from './csv-row-fields.js';
import { CsvRow } from './csv-row.js';

describe('csvRowFields', () => {
  it('counts a row with the header’s number of fields read and gives its RowFields, with no issue', () => {
    const sink = new FileSink('episodes.csv', new WeakMap());
    const f = csvRowFields(sink, 'Episodes', CsvRow.of(['1001', '01/05/2021', 'S']), 7, 3, 0);
    assert.ok(f !== null);
    assert.deepEqual(
      [f.label, f.position, f.childId, f.where],
      ['Episodes', 'line 7', null, 'episodes.csv line 7'],
    );
    assert.deepEqual([...sink.reads], [['Episodes', 1]]);
    assert.deepEqual(sink.issues, []);
  });

  it('rejects a row with too few or too many fields as GEN-FIELDS (error), counted read, naming its child when the table has a child column', () => {
    const sink = new FileSink('episodes.csv', new WeakMap());
    assert.equal(csvRowFields(sink, 'Episodes', CsvRow.of([' 1001 ', '01/05/2021']), 90, 3, 0), null);
    assert.equal(csvRowFields(sink, 'Episodes', CsvRow.of(['1002', 'a', 'b', 'c']), 91, 3, 0), null);
    assert.equal(csvRowFields(sink, 'contacts', CsvRow.of(['x']), 5, 6, -1), null);
    assert.deepEqual(
      [...sink.reads],
      [
        ['Episodes', 2],
        ['contacts', 1],
      ],
    );
    assert.deepEqual(
      sink.issues.map((i) => [
        i.code,
        i.severity,
        i.table,
        i.position,
        i.childId,
        i.field,
        i.value,
        i.message,
      ]),
      [
        [
          'GEN-FIELDS',
          'error',
          'Episodes',
          'line 90',
          '1001',
          null,
          null,
          'episodes.csv line 90: the row has 2 fields but the header has 3; this row was not loaded.',
        ],
        [
          'GEN-FIELDS',
          'error',
          'Episodes',
          'line 91',
          '1002',
          null,
          null,
          'episodes.csv line 91: the row has 4 fields but the header has 3; this row was not loaded.',
        ],
        [
          'GEN-FIELDS',
          'error',
          'contacts',
          'line 5',
          null,
          null,
          null,
          'episodes.csv line 5: the row has 1 fields but the header has 6; this row was not loaded.',
        ],
      ],
    );
  });
});
