import { recordsOf } from '../../ingest/row-table.js';
import { recordTablesOf } from '../../ingest/episode-table.js';
/**
 * Audit of Annex A rows through the merge (inputs.md §1.1, §6): a row read is loaded or listed.
 */
import { it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../../ingest/read-inputs.js';
import { TODAY, tempFolder } from '../../ingest/test-fixtures.js';
import {
  LIST_5_HEADER,
  LIST_8_HEADER,
  list8Row,
  writeWorkbook,
  xd,
} from '../../ingest/annex-a/annex-a-test-workbook.js';
import { assembleDataset } from './assemble-dataset.js';

const f = tempFolder();
after(() => f.cleanup());

it('two List 8 rows of one child and start date: the later one is listed (GEN-DUP-KEY), not dropped silently', async () => {
  // inputs.md §1.1: "Duplicate natural keys in one file …: the first in file order is loaded, each later one
  // is rejected as an error (GEN-DUP-KEY, naming both lines)"; §6: "Every row or element read is loaded or
  // listed." Annex A List 8 key: child + start.
  const path = await writeWorkbook(`${f.dir}/annex-a.xlsx`, {
    'List 8': [
      LIST_8_HEADER,
      list8Row({ 'Child Unique ID': 'C1', 'Date of last social work visit': xd('2022-03-01') }),
      list8Row({ 'Child Unique ID': 'C1', 'Date of last social work visit': xd('2022-03-20') }),
      list8Row({ 'Child Unique ID': 'C2' }),
      list8Row({ 'Child Unique ID': 'C3' }),
      list8Row({ 'Child Unique ID': 'C4' }),
      list8Row({ 'Child Unique ID': 'C5' }),
    ],
  });
  const r = await readInputs([path], { today: TODAY });
  assert.equal(r.refused, false);
  const list8 = r.counts.find((c) => c.table === 'List 8')!;
  assert.deepEqual([list8.read, list8.loaded, list8.rejected], [6, 5, 1]);
  const dup = r.issues.filter((i) => i.code === 'GEN-DUP-KEY');
  assert.deepEqual(
    dup.map((i) => [i.severity, i.table, i.position, i.childId, i.message]),
    [
      [
        'error',
        'List 8',
        'List 8!H3',
        'C1',
        'annex-a.xlsx List 8!H3: child C1 already has a List 8 row with Date Started to be Looked After 10/01/2019 (List 8!H2); this row was not loaded.',
      ],
    ],
  );
  const s = r.submissions[0]!;
  const { dataset } = assembleDataset('841', [
    {
      id: 's1',
      source: s.source,
      collectionYear: s.collectionYear,
      asAt: s.asAt,
      dateRange: s.dateRange,
      seq: 1,
      tables: recordTablesOf(s.tables),
    },
  ]);
  assert.equal(
    dataset.annexACic.length,
    list8.loaded,
    'every List 8 row counted as loaded is in the dataset',
  );
});

it('a repeated List 5 row is listed once and leaves neither its Section 47 nor its strategy discussion (§1.1, §6)', async () => {
  // A List 5 row gives two records (a Section47 and the strategy-discussion anchor of icpc-15wd): a repeated
  // key rejects the row whole, listed once; an identical repeat is GEN-DUP-ROW.
  const row = (child: string, icpc: Date | null): unknown[] => [
    child,
    'a) Male',
    'WBRI',
    xd('2012-01-01'),
    9,
    'No',
    xd('2021-06-01'),
    'No',
    icpc,
    'Yes',
    1,
    'Team',
    'W1',
  ];
  const path = await writeWorkbook(`${f.dir}/annex-a-list5.xlsx`, {
    'List 5': [
      LIST_5_HEADER,
      row('C1', xd('2021-06-20')),
      row('C1', xd('2021-06-25')),
      row('C2', null),
      row('C2', null),
      row('C3', null),
      row('C4', null),
      row('C5', null),
      row('C6', null),
      row('C7', null),
      row('C8', null),
    ],
  });
  const r = await readInputs([path], { today: TODAY });
  assert.equal(r.refused, false, JSON.stringify(r.issues.filter((i) => i.severity === 'structural')));
  const listed = r.issues.filter((i) => i.code === 'GEN-DUP-KEY' || i.code === 'GEN-DUP-ROW');
  assert.deepEqual(
    listed.map((i) => [i.code, i.position, i.message]),
    [
      [
        'GEN-DUP-ROW',
        'List 5!A5',
        'annex-a-list5.xlsx List 5!A5: this repeats List 5!A4 exactly; this row was not loaded.',
      ],
      [
        'GEN-DUP-KEY',
        'List 5!G3',
        'annex-a-list5.xlsx List 5!G3: child C1 already has a List 5 row with Strategy discussion initiating Section 47 Enquiry Start Date 01/06/2021 (List 5!G2); this row was not loaded.',
      ],
    ],
  );
  const list5 = r.counts.find((c) => c.table === 'List 5')!;
  assert.deepEqual([list5.read, list5.loaded, list5.rejected], [10, 8, 2]);
  const t = r.submissions[0]!.tables;
  assert.equal(recordsOf(t.section47s).length, 8);
  assert.equal(t.strategyDiscussions?.length, 8);
  assert.equal(recordsOf(t.section47s).find((s) => s.childId === 'C1')?.dateOfInitialCpc, '2021-06-20');
});
