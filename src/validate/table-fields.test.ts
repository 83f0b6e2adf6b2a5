import { describe, it, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../ingest/read-inputs.js';
import type { IngestResult } from '../ingest/staged.js';
import { EVENT_DATE_LISTS, EVENT_DATES } from './table-fields.js';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  TODAY,
  csv,
  episodeRows,
  headerRows,
  tempFolders,
} from '../ingest/test-fixtures.js';

// The stored SSDA903 tables AD1, PlacedAdoption, PrevPerm and DoLo (inputs.md §2.1) get the same code-list
// (GEN-CODE, warning, inputs.md §2.2 and §6) and future-date (GEN-FUTURE, error) checks as the other tables.
// TODAY is 2024-06-01; the sets are 2021-22 (the episodes run May to December 2021).

const temp = tempFolders();
after(temp.cleanup);

async function read903(files: Record<string, string>): Promise<IngestResult> {
  const f = temp.folder();
  f.write('header.csv', csv(HEADER_COLUMNS, headerRows(10)));
  f.write('episodes.csv', csv(EPISODE_COLUMNS, episodeRows(10)));
  for (const [name, text] of Object.entries(files)) f.write(name, text);
  return readInputs([f.dir], { today: TODAY, limits: { maxRejectRate: 1 } });
}

/** Each issue of the given codes as [code, severity, file, position, child, field, value]. */
function found(r: IngestResult, codes = ['GEN-CODE', 'GEN-FUTURE']): string[][] {
  return r.issues
    .filter((i) => codes.includes(i.code))
    .map((i) => [i.code, i.severity, i.file!, i.position!, i.childId!, i.field!, i.value!])
    .sort((a, b) => a.join().localeCompare(b.join()));
}

const AD1 = 'CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR';
const PLACED = 'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED';
const PREV_PERM = 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM';
const DOLO = 'CHILD,DOB,DOLO_START,DOLO_END';

describe('stored SSDA903 tables (CSV): code lists and future dates', () => {
  it('loads valid rows of the four tables with no issue (codes case-insensitive)', async () => {
    const r = await read903({
      'ad1.csv': csv(AD1, [
        '1001,01/02/2010,01/06/2021,01/09/2021,1,2,MF,L0',
        '1002,02/02/2010,01/06/2021,01/09/2021,0,1,f1,l4',
        '1003,03/02/2010,,,,,,',
      ]),
      'placed_adoption.csv': csv(PLACED, [
        '1001,01/02/2010,01/10/2021,01/11/2021,RD1',
        '1002,02/02/2010,01/10/2021,,',
      ]),
      'prev_perm.csv': csv(PREV_PERM, ['1001,01/02/2010,P1,841,01/05/2015', '1002,02/02/2010,z1,,']),
      'dolo.csv': csv(DOLO, ['1001,01/02/2010,01/07/2021,01/08/2021', '1002,02/02/2010,01/07/2021,']),
    });
    assert.deepEqual(r.issues, []);
    const t = r.submissions[0]!.tables;
    assert.deepEqual(
      [t.ad1!.length, t.placedAdoption!.length, t.prevPerm!.length, t.dolo!.length],
      [3, 2, 2, 2],
    );
  });

  it('AD1: an invalid FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR or LS_ADOPTR is GEN-CODE (loaded); a future DATE_INT or DATE_MATCH is GEN-FUTURE (rejected)', async () => {
    const r = await read903({
      'ad1.csv': csv(AD1, [
        '1001,01/02/2010,01/06/2021,01/09/2021,2,2,MF,L0',
        '1002,02/02/2010,01/06/2021,01/09/2021,1,3,MF,L0',
        '1003,03/02/2010,01/06/2021,01/09/2021,1,2,XY,L0',
        '1004,04/02/2010,01/06/2021,01/09/2021,1,2,MF,L1',
        '1005,05/02/2010,02/06/2024,,,,,',
        '1006,06/02/2010,01/06/2021,03/01/2031,1,2,MF,L0',
        '1007,07/02/2010,01/06/2024,01/06/2024,1,2,MF,L0',
      ]),
    });
    assert.deepEqual(found(r), [
      ['GEN-CODE', 'warning', 'ad1.csv', 'line 2', '1001', 'FOSTER_CARE', '2'],
      ['GEN-CODE', 'warning', 'ad1.csv', 'line 3', '1002', 'NB_ADOPTR', '3'],
      ['GEN-CODE', 'warning', 'ad1.csv', 'line 4', '1003', 'SEX_ADOPTR', 'XY'],
      ['GEN-CODE', 'warning', 'ad1.csv', 'line 5', '1004', 'LS_ADOPTR', 'L1'],
      ['GEN-FUTURE', 'error', 'ad1.csv', 'line 6', '1005', 'DATE_INT', '02/06/2024'],
      ['GEN-FUTURE', 'error', 'ad1.csv', 'line 7', '1006', 'DATE_MATCH', '03/01/2031'],
    ]);
    assert.equal(
      r.issues.find((i) => i.code === 'GEN-CODE')!.message,
      "ad1.csv line 2: FOSTER_CARE '2' is not a valid code in 2021-22.",
    );
    assert.equal(
      r.issues.find((i) => i.code === 'GEN-FUTURE' && i.field === 'DATE_MATCH')!.message,
      'ad1.csv line 7: DATE_MATCH 03/01/2031 is in the future; this row was not loaded.',
    );
    assert.deepEqual(
      r.submissions[0]!.tables.ad1!.map((a) => a.childId),
      ['1001', '1002', '1003', '1004', '1007'],
      'warnings load; future dates do not; today itself is not in the future',
    );
    assert.deepEqual(
      r.counts.find((c) => c.table === 'AD1'),
      { file: 'ad1.csv', table: 'AD1', read: 7, loaded: 5, rejected: 2, warnings: 4, queries: 0 },
    );
  });

  it('PlacedAdoption: REASON_PLACED_CEASED outside RD1–RD4 is GEN-CODE; a future DATE_PLACED or DATE_PLACED_CEASED is GEN-FUTURE', async () => {
    const r = await read903({
      'placed_adoption.csv': csv(PLACED, [
        '1001,01/02/2010,01/10/2021,01/11/2021,RD5',
        '1002,02/02/2010,01/10/2031,,',
        '1003,03/02/2010,01/10/2021,01/11/2031,RD1',
        '1004,04/02/2010,01/10/2021,01/11/2021,rd4',
      ]),
    });
    assert.deepEqual(found(r), [
      ['GEN-CODE', 'warning', 'placed_adoption.csv', 'line 2', '1001', 'REASON_PLACED_CEASED', 'RD5'],
      ['GEN-FUTURE', 'error', 'placed_adoption.csv', 'line 3', '1002', 'DATE_PLACED', '01/10/2031'],
      ['GEN-FUTURE', 'error', 'placed_adoption.csv', 'line 4', '1003', 'DATE_PLACED_CEASED', '01/11/2031'],
    ]);
    assert.deepEqual(
      r.submissions[0]!.tables.placedAdoption!.map((p) => p.childId),
      ['1001', '1004'],
    );
  });

  it('PrevPerm: PREV_PERM outside P1–P4, Z1 is GEN-CODE; a future DATE_PERM is GEN-FUTURE', async () => {
    const r = await read903({
      'prev_perm.csv': csv(PREV_PERM, [
        '1001,01/02/2010,P5,841,01/05/2015',
        '1002,02/02/2010,P2,841,01/05/2030',
        '1003,03/02/2010,P4,841,01/05/2015',
      ]),
    });
    assert.deepEqual(found(r), [
      ['GEN-CODE', 'warning', 'prev_perm.csv', 'line 2', '1001', 'PREV_PERM', 'P5'],
      ['GEN-FUTURE', 'error', 'prev_perm.csv', 'line 3', '1002', 'DATE_PERM', '01/05/2030'],
    ]);
    assert.deepEqual(
      r.submissions[0]!.tables.prevPerm!.map((p) => p.childId),
      ['1001', '1003'],
    );
  });

  it('DoLo: a future DOLO_START or DOLO_END is GEN-FUTURE', async () => {
    const r = await read903({
      'dolo.csv': csv(DOLO, [
        '1001,01/02/2010,01/07/2031,',
        '1002,02/02/2010,01/07/2021,01/08/2031',
        '1003,03/02/2010,01/07/2021,01/08/2021',
      ]),
    });
    assert.deepEqual(found(r), [
      ['GEN-FUTURE', 'error', 'dolo.csv', 'line 2', '1001', 'DOLO_START', '01/07/2031'],
      ['GEN-FUTURE', 'error', 'dolo.csv', 'line 3', '1002', 'DOLO_END', '01/08/2031'],
    ]);
    assert.deepEqual(
      r.submissions[0]!.tables.dolo!.map((d) => d.childId),
      ['1003'],
    );
  });
});

describe('stored SSDA903 tables (XML): code lists and future dates', () => {
  const ep =
    '<EPISODE><DECOM>01/05/2021</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>A5</PL><PL_POST/><HOME_POST/><URN/><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC/><REASON_PLACE_CHANGE/></EPISODE>';
  const kid = (id: number, inner: string): string =>
    `<CHILD><HEADER><CHILDID>${id}</CHILDID><UPN/><SEX>1</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC>${inner}</HEADER>${ep}</CHILD>`;
  const ad1 = (dateInt: string, foster: string, nb: string, sex: string, ls: string): string =>
    `<DATE_INT>${dateInt}</DATE_INT><DATE_MATCH/><FOSTER_CARE>${foster}</FOSTER_CARE><NB_ADOPTR>${nb}</NB_ADOPTR><SEX_ADOPTR>${sex}</SEX_ADOPTR><LS_ADOPTR>${ls}</LS_ADOPTR>`;
  const perm = (code: string, date: string): string =>
    `<PERMANENCE><PREV_PERM>${code}</PREV_PERM><LA_PERM>841</LA_PERM><DATE_PERM>${date}</DATE_PERM></PERMANENCE>`;
  const placed = (start: string, end: string, reason: string): string =>
    `<AD_PLACED><DATE_PLACED>${start}</DATE_PLACED><DATE_PLACED_CEASED>${end}</DATE_PLACED_CEASED><REASON_PLACED_CEASED>${reason}</REASON_PLACED_CEASED></AD_PLACED>`;

  async function readXml(children: string[]): Promise<IngestResult> {
    const f = temp.folder();
    f.write('903.xml', `<EXPSSDA903>${children.join('\n')}</EXPSSDA903>`);
    return readInputs([f.dir], { today: TODAY, limits: { maxRejectRate: 1 } });
  }

  it('loads valid AD1 fields, PERMANENCE and AD_PLACED with no issue', async () => {
    const r = await readXml([
      kid(
        2001,
        ad1('01/06/2021', '1', '2', 'mf', 'L12') +
          perm('P3', '01/05/2015') +
          placed('01/10/2021', '01/11/2021', 'RD2'),
      ),
    ]);
    assert.deepEqual(r.issues, []);
    const t = r.submissions[0]!.tables;
    assert.deepEqual([t.ad1!.length, t.prevPerm!.length, t.placedAdoption!.length], [1, 1, 1]);
  });

  it('flags invalid codes where they sit (HEADER, PERMANENCE, AD_PLACED) and loads the rows', async () => {
    const r = await readXml([
      kid(2001, ad1('01/06/2021', '9', '1', 'F1', 'L3')),
      kid(2002, ad1('01/06/2021', '1', '0', 'F1', 'L3')),
      kid(2003, ad1('01/06/2021', '1', '2', 'M2', 'L0')),
      kid(2004, ad1('01/06/2021', '1', '2', 'MM', 'L5') + perm('X1', '') + placed('01/10/2021', '', 'RD0')),
    ]);
    const p = (child: number, tail = ''): string => `/EXPSSDA903/CHILD[${child}]/HEADER${tail}`;
    assert.deepEqual(
      found(r).map(([code, sev, file, pos, ...rest]) => [
        code,
        sev,
        file,
        pos!.replace(/ line .*$/, ''),
        ...rest,
      ]),
      [
        ['GEN-CODE', 'warning', '903.xml', p(1), '2001', 'FOSTER_CARE', '9'],
        ['GEN-CODE', 'warning', '903.xml', p(2), '2002', 'NB_ADOPTR', '0'],
        ['GEN-CODE', 'warning', '903.xml', p(3), '2003', 'SEX_ADOPTR', 'M2'],
        ['GEN-CODE', 'warning', '903.xml', p(4), '2004', 'LS_ADOPTR', 'L5'],
        ['GEN-CODE', 'warning', '903.xml', p(4, '/AD_PLACED[1]'), '2004', 'REASON_PLACED_CEASED', 'RD0'],
        ['GEN-CODE', 'warning', '903.xml', p(4, '/PERMANENCE'), '2004', 'PREV_PERM', 'X1'],
      ],
    );
    assert.match(
      r.issues.find((i) => i.field === 'PREV_PERM')!.message,
      /^903\.xml \/EXPSSDA903\/CHILD\[4\]\/HEADER\/PERMANENCE \(line 4\): PREV_PERM 'X1' is not a valid code in 2021-22\.$/,
    );
    const t = r.submissions[0]!.tables;
    assert.deepEqual([t.ad1!.length, t.prevPerm!.length, t.placedAdoption!.length], [4, 1, 1]);
  });

  it('rejects only the AD1 record for a future AD1 date: the Header row and what sits in HEADER still load', async () => {
    const r = await readXml([
      kid(
        2001,
        ad1('01/06/2031', '1', '2', 'MF', 'L0') + perm('P1', '01/05/2015') + placed('01/10/2021', '', ''),
      ),
      kid(
        2002,
        perm('P1', '01/05/2030') + placed('01/10/2031', '', '') + placed('01/10/2021', '01/11/2031', 'RD1'),
      ),
    ]);
    assert.deepEqual(
      found(r).map(([code, sev, file, pos, ...rest]) => [
        code,
        sev,
        file,
        pos!.replace(/ line .*$/, ''),
        ...rest,
      ]),
      [
        ['GEN-FUTURE', 'error', '903.xml', '/EXPSSDA903/CHILD[1]/HEADER', '2001', 'DATE_INT', '01/06/2031'],
        [
          'GEN-FUTURE',
          'error',
          '903.xml',
          '/EXPSSDA903/CHILD[2]/HEADER/AD_PLACED[1]',
          '2002',
          'DATE_PLACED',
          '01/10/2031',
        ],
        [
          'GEN-FUTURE',
          'error',
          '903.xml',
          '/EXPSSDA903/CHILD[2]/HEADER/AD_PLACED[2]',
          '2002',
          'DATE_PLACED_CEASED',
          '01/11/2031',
        ],
        [
          'GEN-FUTURE',
          'error',
          '903.xml',
          '/EXPSSDA903/CHILD[2]/HEADER/PERMANENCE',
          '2002',
          'DATE_PERM',
          '01/05/2030',
        ],
      ],
    );
    assert.equal(
      r.issues.find((i) => i.field === 'DATE_INT')!.message,
      '903.xml /EXPSSDA903/CHILD[1]/HEADER (line 1): DATE_INT 01/06/2031 is in the future; its AD1 record was not loaded.',
    );
    assert.match(
      r.issues.find((i) => i.field === 'DATE_PERM')!.message,
      /PERMANENCE \(line \d+\): DATE_PERM 01\/05\/2030 is in the future; this PERMANENCE was not loaded\.$/,
    );
    assert.ok(!r.issues.some((i) => i.code === 'PARENT-REJECTED'), JSON.stringify(r.issues));
    const t = r.submissions[0]!.tables;
    assert.deepEqual(t.ad1 ?? [], []);
    assert.deepEqual(
      t.children!.map((c) => c.childId),
      ['2001', '2002'],
    );
    assert.deepEqual(
      t.prevPerm!.map((p) => p.childId),
      ['2001'],
    );
    assert.deepEqual(
      t.placedAdoption!.map((p) => [p.childId, p.datePlaced]),
      [['2001', '2021-10-01']],
    );
  });
});

test('each event date field has a read that returns its property (GEN-FUTURE reads dates through it)', () => {
  for (const tables of [...Object.values(EVENT_DATES), ...Object.values(EVENT_DATE_LISTS)]) {
    for (const refs of Object.values(tables)) {
      for (const ref of refs ?? []) {
        const value = { is: ref.prop };
        assert.equal(ref.read({ [ref.prop]: value, other: 'x' }), value, `${ref.field} reads ${ref.prop}`);
      }
    }
  }
});
