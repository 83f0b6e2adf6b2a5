import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';

const f = tempFolder();
after(() => f.cleanup());

function child(id: number, episodes: string): string {
  return `<CHILD><HEADER><CHILDID>${id}</CHILDID><UPN/><SEX>1</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC><UASC>1</UASC><DUC/>
<AREVIEW><REVIEW>01/07/2021</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
<AMISSING><MISSING>M</MISSING><MIS_START>03/07/2021</MIS_START><MIS_END>04/07/2021</MIS_END></AMISSING>
</HEADER>${episodes}</CHILD>`;
}
const ep = (decom: string, dec: string, rec: string): string =>
  `<EPISODE><DECOM>${decom}</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PL_POST/><HOME_POST/><URN/><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>${dec}</DEC><REC>${rec}</REC><REASON_PLACE_CHANGE/></EPISODE>`;

describe('SSDA903 XML', () => {
  it('fills the same tables as the CSV form, PL as PLACE, DOB copied from HEADER', async () => {
    const kids = Array.from({ length: 6 }, (_, i) =>
      child(2001 + i, ep('01/05/2021', '01/12/2021', 'E4A')),
    ).join('\n');
    const p = f.write('903.xml', `<?xml version="1.0"?>\n<EXPSSDA903>\n${kids}\n</EXPSSDA903>\n`);
    const r = await readInputs([p], { today: TODAY });
    assert.equal(r.refused, false, JSON.stringify(r.issues));
    assert.deepEqual(r.issues, []);
    const s = r.submissions[0]!;
    assert.equal(s.collectionYear, '2021-22');
    assert.equal(s.tables.episodes!.length, 6);
    assert.equal(s.tables.episodes!.record(0).place, 'U4');
    assert.equal(s.tables.episodes!.record(0).homePost, null, 'self-closed elements are null');
    assert.equal(
      s.tables.episodes!.record(1).source.position.split(' line ')[0],
      '/EXPSSDA903/CHILD[2]/EPISODE[1]',
    );
    assert.equal(s.tables.uasc!.length, 6, 'UASC=1 gives a UASC row');
    assert.equal(s.tables.cicReviews!.length, 6);
    assert.equal(s.tables.missingEpisodes![0]!.start, '2021-07-03');
    assert.deepEqual(
      r.counts.find((c) => c.table === 'EPISODE'),
      { file: '903.xml', table: 'EPISODE', read: 6, loaded: 6, rejected: 0, warnings: 0, queries: 0 },
    );
  });

  it('refuses the same table as CSV beside the XML (S-MIXED)', async () => {
    const g = tempFolder();
    try {
      g.write('903.xml', `<EXPSSDA903>${child(2001, ep('01/05/2021', '01/12/2021', 'E4A'))}</EXPSSDA903>`);
      g.write(
        'episodes.csv',
        'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n',
      );
      const r = await readInputs([g.dir], { today: TODAY });
      assert.equal(r.refused, true);
      assert.match(
        r.issues.find((i) => i.code === 'S-MIXED')!.message,
        /^episodes\.csv is the SSDA903 Episodes table, which 903\.xml \(XML\) also holds: import one form, not both\.$/,
      );
    } finally {
      g.cleanup();
    }
  });
});

describe('SSDA903 XML row counts (inputs.md §6: read = loaded + rejected per table)', () => {
  const plainEp = ep('01/05/2021', '01/12/2021', 'E4A');
  const kid = (id: number, inner: string): string =>
    `<CHILD><HEADER><CHILDID>${id}</CHILDID><UPN/><SEX>1</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC>${inner}</HEADER>${plainEp}</CHILD>`;
  const ad1 = (dateInt: string, dateMatch: string): string =>
    `<DATE_INT>${dateInt}</DATE_INT><DATE_MATCH>${dateMatch}</DATE_MATCH><FOSTER_CARE>1</FOSTER_CARE><NB_ADOPTR>2</NB_ADOPTR><SEX_ADOPTR>MF</SEX_ADOPTR><LS_ADOPTR>L0</LS_ADOPTR>`;
  const review = '<AREVIEW><REVIEW>01/07/2021</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>';

  it('counts an AD1, UASC or OC3 record of a HEADER under its own table: a rejected one leaves the HEADER loaded', async () => {
    const g = tempFolder();
    try {
      g.write(
        '903.xml',
        `<EXPSSDA903>${[
          kid(2001, ad1('01/06/2031', '') + review), // AD1 rejected by GEN-FUTURE (a rule)
          kid(2002, ad1('01/06/2021', '31/02/2021')), // AD1 rejected by GEN-DATE (the reader)
          kid(2003, ad1('01/06/2021', '01/09/2021')), // AD1 loaded
          kid(2004, '<UASC>1</UASC><DUC>01/01/2031</DUC>'), // UASC rejected by GEN-FUTURE
          kid(2005, '<IN_TOUCH>XX</IN_TOUCH><ACTIV>F1</ACTIV><ACCOM>B1</ACCOM>'), // OC3 loaded, GEN-CODE warning
          kid(2006, ''),
        ].join('\n')}</EXPSSDA903>`,
      );
      const r = await readInputs([g.dir], { today: TODAY, limits: { maxRejectRate: 1 } });
      assert.equal(r.refused, false, JSON.stringify(r.issues));
      const t = r.submissions[0]!.tables;
      assert.deepEqual(
        [t.children!.length, t.ad1!.length, t.uasc?.length ?? 0, t.oc3!.length, t.cicReviews!.length],
        [6, 1, 0, 1, 1],
        'every Header row loads; only the failing AD1 and UASC records go',
      );
      assert.deepEqual(
        r.counts
          .map((c) => [c.table, c.read, c.loaded, c.rejected, c.warnings])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        [
          // table, read, loaded, rejected, warnings
          ['AD1', 3, 1, 2, 0],
          ['AREVIEW', 1, 1, 0, 0],
          ['EPISODE', 6, 6, 0, 0],
          ['HEADER', 6, 6, 0, 0],
          ['OC3', 1, 1, 0, 1],
          ['UASC', 1, 0, 1, 0],
        ],
      );
      const sum = (k: 'read' | 'loaded' | 'rejected'): number => r.counts.reduce((s, c) => s + c[k], 0);
      assert.equal(sum('read'), sum('loaded') + sum('rejected'));
      assert.deepEqual(
        r.issues
          .filter((i) => i.severity === 'error')
          .map((i) => [i.code, i.table, i.childId, i.field, i.message.replace(/^.*\): /, '')])
          .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
        [
          [
            'GEN-FUTURE',
            'AD1',
            '2001',
            'DATE_INT',
            'DATE_INT 01/06/2031 is in the future; its AD1 record was not loaded.',
          ],
          [
            'GEN-DATE',
            'AD1',
            '2002',
            'DATE_MATCH',
            "DATE_MATCH '31/02/2021' is not a real date; its AD1 record was not loaded.",
          ],
          [
            'GEN-FUTURE',
            'UASC',
            '2004',
            'DUC',
            'DUC 01/01/2031 is in the future; its UASC record was not loaded.',
          ],
        ],
      );
    } finally {
      g.cleanup();
    }
  });

  it('counts a HEADER whose Header row is rejected as rejected once, naming the Header record when an AD1 record holds the element', async () => {
    const g = tempFolder();
    try {
      g.write(
        '903.xml',
        `<EXPSSDA903>${[kid(2001, ad1('01/06/2021', '')), kid(2002, '')].join('\n')}</EXPSSDA903>`.replace(
          '<DOB>01/02/2010</DOB>',
          '<DOB>01/02/2030</DOB>',
        ),
      );
      const r = await readInputs([g.dir], { today: TODAY, limits: { maxRejectRate: 1 } });
      const header = r.counts.find((c) => c.table === 'HEADER')!;
      assert.deepEqual([header.read, header.loaded, header.rejected], [2, 1, 1]);
      assert.equal(
        r.issues.find((i) => i.code === 'GEN-FUTURE')!.message,
        '903.xml /EXPSSDA903/CHILD[1]/HEADER (line 1): DOB 01/02/2030 is in the future; its Header record was not loaded.',
      );
    } finally {
      g.cleanup();
    }
  });
});
