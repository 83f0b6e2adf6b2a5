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
    assert.equal(s.tables.episodes![0]!.place, 'U4');
    assert.equal(s.tables.episodes![0]!.homePost, null, 'self-closed elements are null');
    assert.equal(
      s.tables.episodes![1]!.source.position.split(' line ')[0],
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
