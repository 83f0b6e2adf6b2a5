import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../ingest/read-inputs.js';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  TODAY,
  csv,
  episodeRows,
  headerRows,
  tempFolders,
} from '../ingest/test-fixtures.js';
import type { IngestResult } from '../ingest/staged.js';
import { importDataset } from './import-dataset.js';
import { loadDataset } from './load-dataset.js';
import { testStores } from './test-stores.js';

const temp = tempFolders();
after(temp.cleanup);

/** A 2021-22 SSDA903 CSV set of 3 children with the four stored tables (inputs.md §2.1). */
function csvSet(placed: string[]): string {
  const f = temp.folder();
  f.write('header.csv', csv(HEADER_COLUMNS, headerRows(3)));
  f.write('episodes.csv', csv(EPISODE_COLUMNS, episodeRows(3)));
  f.write(
    'ad1.csv',
    csv('CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR', [
      '1001,01/02/2010,01/06/2021,01/09/2021,0,2,mf,l12',
      '1002,02/02/2010,31/02/2021,,,,,',
    ]),
  );
  f.write(
    'placed_adoption.csv',
    csv('CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED', placed),
  );
  f.write(
    'prev_perm.csv',
    csv('CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM', ['1003,03/02/2010,p1,841,zz/05/2015']),
  );
  f.write('dolo.csv', csv('CHILD,DOB,DOLO_START,DOLO_END', ['1001,01/02/2010,01/07/2021,01/08/2021']));
  return f.dir;
}

/** The same children as SSDA903 XML: AD1 fields and OC3 on HEADER, PERMANENCE, AD_PLACED. */
function xmlSet(): string {
  const f = temp.folder();
  const ep = `<EPISODE><DECOM>01/05/2021</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>A5</PL><PL_POST/><HOME_POST/><URN/><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC/><REASON_PLACE_CHANGE/></EPISODE>`;
  const kid = (id: number, inner: string): string =>
    `<CHILD><HEADER><CHILDID>${id}</CHILDID><UPN/><SEX>1</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC>${inner}</HEADER>${ep}</CHILD>`;
  f.write(
    '903.xml',
    `<EXPSSDA903>${kid(
      2001,
      '<DATE_INT>01/06/2021</DATE_INT><DATE_MATCH/><FOSTER_CARE>1</FOSTER_CARE><NB_ADOPTR>1</NB_ADOPTR><SEX_ADOPTR>F1</SEX_ADOPTR><LS_ADOPTR>L0</LS_ADOPTR>' +
        '<PERMANENCE><PREV_PERM>Z1</PREV_PERM><LA_PERM/><DATE_PERM/></PERMANENCE>' +
        '<AD_PLACED><DATE_PLACED>01/10/2021</DATE_PLACED><DATE_PLACED_CEASED/><REASON_PLACED_CEASED/></AD_PLACED>' +
        '<AD_PLACED><DATE_PLACED>01/11/2021</DATE_PLACED><DATE_PLACED_CEASED/><REASON_PLACED_CEASED/></AD_PLACED>',
    )}${kid(2002, '<NB_ADOPTR>2</NB_ADOPTR>')}</EXPSSDA903>`,
  );
  return f.dir;
}

async function read(dir: string): Promise<IngestResult> {
  return readInputs([dir], { today: TODAY, limits: { maxRejectRate: 1 } });
}

test('the stored SSDA903 tables are staged from CSV with every row loaded or reported', async () => {
  const r = await read(csvSet(['1001,01/02/2010,01/10/2021,,', '1001,01/02/2010,01/10/2021,01/11/2021,RD1']));
  assert.equal(r.refused, false, JSON.stringify(r.issues));
  const t = r.submissions[0]!.tables;
  assert.deepEqual(
    t.ad1!.map((a) => [
      a.childId,
      a.year,
      a.dateInt,
      a.dateMatch,
      a.sexAdoptr,
      a.lsAdoptr,
      a.source.position,
    ]),
    [['1001', '2021-22', '2021-06-01', '2021-09-01', 'MF', 'L12', 'line 2']],
  );
  assert.match(
    r.issues.find((i) => i.table === 'AD1' && i.code === 'GEN-DATE')!.message,
    /ad1\.csv line 3: .*DATE_INT/,
  );
  assert.deepEqual(
    t.placedAdoption!.map((p) => [p.childId, p.datePlaced, p.datePlacedCeased]),
    [['1001', '2021-10-01', null]],
    'a repeated CHILD + DATE_PLACED in one file is GEN-DUP-KEY: the first row counts',
  );
  assert.ok(r.issues.some((i) => i.code === 'GEN-DUP-KEY' && i.file === 'placed_adoption.csv'));
  assert.deepEqual(
    t.prevPerm!.map((p) => [p.childId, p.year, p.prevPerm, p.laPerm, p.datePerm]),
    [['1003', '2021-22', 'P1', '841', null]],
    'a partial DATE_PERM is a warning and read as blank',
  );
  assert.deepEqual(
    t.dolo!.map((d) => [d.childId, d.start, d.end]),
    [['1001', '2021-07-01', '2021-08-01']],
  );
  for (const table of ['AD1', 'PlacedAdoption', 'PrevPerm', 'DoLo']) {
    const c = r.counts.find((x) => x.table === table)!;
    assert.equal(c.read, c.loaded + c.rejected, table);
  }
  assert.deepEqual(
    ['AD1', 'PlacedAdoption', 'PrevPerm', 'DoLo'].map((table) => {
      const c = r.counts.find((x) => x.table === table)!;
      return [table, c.read, c.loaded];
    }),
    [
      ['AD1', 2, 1],
      ['PlacedAdoption', 2, 1],
      ['PrevPerm', 1, 1],
      ['DoLo', 1, 1],
    ],
  );
});

test('the SSDA903 XML form fills AD1 from HEADER, PrevPerm from PERMANENCE and PlacedAdoption from AD_PLACED', async () => {
  const r = await read(xmlSet());
  assert.equal(r.refused, false, JSON.stringify(r.issues));
  const t = r.submissions[0]!.tables;
  assert.deepEqual(
    t.ad1!.map((a) => [a.childId, a.dateInt, a.fosterCare, a.nbAdoptr, a.sexAdoptr, a.dob]),
    [
      ['2001', '2021-06-01', '1', '1', 'F1', '2010-02-01'],
      ['2002', null, null, '2', null, '2010-02-01'],
    ],
  );
  assert.deepEqual(
    t.prevPerm!.map((p) => [p.childId, p.prevPerm]),
    [['2001', 'Z1']],
  );
  assert.deepEqual(
    t.placedAdoption!.map((p) => [p.childId, p.datePlaced]),
    [
      ['2001', '2021-10-01'],
      ['2001', '2021-11-01'],
    ],
  );
  assert.match(t.placedAdoption![1]!.source.position, /^\/EXPSSDA903\/CHILD\[1\]\/HEADER\/AD_PLACED\[2\] /);
});

for (const store of testStores()) {
  test(
    `stored SSDA903 tables on ${store.name}: loaded with provenance, replaced on re-import`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const first = await importDataset(db, await read(csvSet(['1002,02/02/2010,01/10/2021,,'])), {
          la: '841',
        });
        assert.equal(first.kind, 'imported');
        let d = (await loadDataset(db, '841'))!;
        assert.ok(
          d.tables.has('ad1') &&
            d.tables.has('placed-adoption') &&
            d.tables.has('prev-perm') &&
            d.tables.has('dolo'),
        );
        assert.deepEqual(
          d.placedAdoption.map((p) => [p.childId, p.datePlaced, p.source.file, p.source.position]),
          [['1002', '2021-10-01', 'placed_adoption.csv', 'line 2']],
        );
        assert.match(d.ad1[0]!.source.submissionId!, /^841-ssda903-2021-22-/);
        assert.deepEqual(
          d.ad1.map((a) => [a.childId, a.year, a.dateMatch]),
          [['1001', '2021-22', '2021-09-01']],
        );
        assert.deepEqual(
          d.dolo.map((x) => [x.childId, x.start, x.end]),
          [['1001', '2021-07-01', '2021-08-01']],
        );
        // A corrected return for the same year replaces the submission whole.
        const second = await importDataset(db, await read(csvSet(['1003,03/02/2010,05/10/2021,,'])), {
          la: '841',
        });
        assert.equal(second.kind, 'imported');
        d = (await loadDataset(db, '841'))!;
        assert.deepEqual(
          d.placedAdoption.map((p) => [p.childId, p.datePlaced]),
          [['1003', '2021-10-05']],
        );
        assert.equal(d.ad1.length, 1);
        assert.equal(d.prevPerm.length, 1);
      } finally {
        await cleanup();
      }
    },
  );
}
