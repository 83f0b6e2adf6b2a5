import { recordsOf } from './row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { failureKind, readInputs, type ReadInputsOptions } from './read-inputs.js';
import { formatTerminalSummary } from '../validate/report-terminal.js';
import type { IngestResult } from './staged.js';
import type { IsoDate } from '../calendar/iso-date.js';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  TODAY,
  cinDetails,
  cinXml,
  csv,
  episodeRows,
  headerRows,
  plainCinChildren,
  type TempFolder,
  tempFolders,
} from './test-fixtures.js';
import { buildZip } from './zip-fixture.js';

const temp = tempFolders();
after(temp.cleanup);
const folder = temp.folder;

async function read(paths: string[], o: ReadInputsOptions = {}): Promise<IngestResult> {
  return readInputs(paths, { today: TODAY, ...o });
}

function structural(r: IngestResult): { code: string; message: string }[] {
  return r.issues
    .filter((i) => i.severity === 'structural')
    .map((i) => ({ code: i.code, message: i.message }));
}

function only(r: IngestResult, code: string): { code: string; message: string } {
  const s = structural(r);
  assert.equal(r.refused, true, 'the import is refused');
  const hit = s.find((i) => i.code === code);
  assert.ok(hit, `expected ${code}, got ${JSON.stringify(s)}`);
  return hit;
}

/** A clean SSDA903 set (10 children) in a folder, plus extra files. */
function set903(extra: Record<string, string | Buffer> = {}, n = 10): TempFolder {
  const f = folder();
  f.write('header.csv', csv(HEADER_COLUMNS, headerRows(n)));
  f.write('episodes.csv', csv(EPISODE_COLUMNS, episodeRows(n)));
  for (const [k, v] of Object.entries(extra)) f.write(k, v);
  return f;
}

describe('readInputs: clean inputs', () => {
  it('reads a clean SSDA903 CSV set as one 2021-22 submission with every row loaded', async () => {
    const f = set903();
    const r = await read([f.dir]);
    assert.equal(r.refused, false);
    assert.deepEqual(r.issues, []);
    assert.equal(r.submissions.length, 1);
    const s = r.submissions[0]!;
    assert.equal(s.source, 'ssda903');
    assert.equal(s.collectionYear, '2021-22');
    assert.equal(s.asAt, '2021-12-01');
    assert.equal(s.tables.episodes?.length, 10);
    assert.equal(s.tables.children?.length, 10);
    const ep = s.tables.episodes!.record(0);
    assert.deepEqual(ep.source, { file: 'episodes.csv', position: 'line 2' });
    assert.equal(ep.decom, '2021-05-01');
    assert.equal(ep.rec, 'E4A');
    assert.deepEqual(
      r.counts.find((c) => c.table === 'Episodes'),
      { file: 'episodes.csv', table: 'Episodes', read: 10, loaded: 10, rejected: 0, warnings: 0, queries: 0 },
    );
    assert.equal(r.files.find((x) => x.name === 'episodes.csv')?.sha256.length, 64);
  });

  it('reads a clean CIN census with numbered paths and the LA from its LEA', async () => {
    const f = folder();
    f.write('cin.xml', cinXml(plainCinChildren(5)));
    const r = await read([f.dir]);
    assert.equal(r.refused, false, JSON.stringify(r.issues));
    assert.equal(r.la, '841');
    const s = r.submissions[0]!;
    assert.equal(s.collectionYear, '2021-22');
    assert.equal(s.asAt, '2022-05-01');
    assert.equal(recordsOf(s.tables.referrals).length, 5);
    assert.match(
      recordsOf(s.tables.referrals)[2]!.source.position,
      /^\/Message\/Children\/Child\[3\]\/CINdetails\[1\] line \d+:\d+$/,
    );
    assert.deepEqual(s.tables.children![0]!.disabilities, ['NONE']);
  });

  it('skips hidden and ~$ files when walking folders', async () => {
    const f = set903({ '.hidden.csv': 'junk', '~$episodes.csv': 'junk' });
    const r = await read([f.dir]);
    assert.equal(r.refused, false);
    assert.equal(r.files.length, 2);
  });
});

describe('readInputs: structural refusals', () => {
  it('refuses a UTF-16 file naming it and how to fix it', async () => {
    const f = set903();
    const p = f.write(
      'episodes.csv',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(csv(EPISODE_COLUMNS, episodeRows(2)), 'utf16le'),
      ]),
    );
    const r = await read([p]);
    assert.equal(only(r, 'S-ENCODING').message, "episodes.csv is UTF-16: save as 'CSV UTF-8' and re-import.");
  });

  it('refuses a Latin-1 file naming the line with the bad byte', async () => {
    const f = set903();
    const rows = headerRows(5);
    rows[2] = '1003,1,01/02/2010,WBRI,,Ren\xe9e,';
    f.write('header.csv', Buffer.from(csv(HEADER_COLUMNS, rows), 'latin1'));
    const r = await read([f.dir]);
    const hit = only(r, 'S-ENCODING');
    assert.match(
      hit.message,
      /^header\.csv line 4 is not UTF-8 \(byte 0xe9; .*Latin-1.*\): save it as 'CSV UTF-8'/,
    );
  });

  it('refuses a CSV with a missing column, naming it', async () => {
    const f = set903({ 'reviews.csv': csv('CHILD,DOB,REVIEW', ['1001,01/02/2010,01/06/2021']) });
    const r = await read([f.dir]);
    assert.match(only(r, 'S-MISSING-COLUMN').message, /^reviews\.csv line 1: column REVIEW_CODE is missing/);
  });

  it('refuses a CSV with an unknown column, naming it', async () => {
    const f = set903({
      'reviews.csv': csv('CHILD,DOB,REVIEW,REVIEW_CODE,NOTES', ['1001,01/02/2010,01/06/2021,PN1,x']),
    });
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-UNKNOWN-COLUMN').message,
      /^reviews\.csv line 1: column NOTES is not a column of that table/,
    );
  });

  it('refuses a CSV with a repeated column', async () => {
    const f = set903({ 'reviews.csv': csv('CHILD,DOB,REVIEW,REVIEW,REVIEW_CODE', []) });
    const r = await read([f.dir]);
    assert.match(only(r, 'S-DUP-COLUMN').message, /column REVIEW appears twice/);
  });

  it('refuses a CSV matching no table', async () => {
    const f = folder();
    f.write('people.csv', csv('name,address,phone', ['a,b,c']));
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-UNRECOGNISED').message,
      /the first row matches no SSDA903 table and no local extract table/,
    );
  });

  it('refuses a CSV cut off inside a quoted value', async () => {
    const f = set903();
    f.write('episodes.csv', `${csv(EPISODE_COLUMNS, episodeRows(3))}1004,01/05/2021,S,C2,N1,U4,PR1,,,"CARPL`);
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-TRUNCATED').message,
      /^episodes\.csv line 5: a quoted value starts here and is never closed/,
    );
  });

  it('refuses a CSV whose last line is short and unterminated', async () => {
    const f = set903();
    f.write('episodes.csv', `${csv(EPISODE_COLUMNS, episodeRows(3))}1004,01/05/2021,S,C2`);
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-TRUNCATED').message,
      /^episodes\.csv line 5: the last line is short \(4 of 13 fields/,
    );
  });

  it('refuses truncated XML (unclosed root)', async () => {
    const f = folder();
    const xml = cinXml(plainCinChildren(3));
    f.write('cin.xml', xml.slice(0, xml.indexOf('</Children>')));
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-TRUNCATED').message,
      /^cin\.xml line \d+ col \d+: the file ends before <Message> is closed/,
    );
    // The summary still counts the file, as refused.
    assert.deepEqual(r.unreadFiles, ['cin.xml']);
    assert.equal(r.files.length, 0);
    assert.equal(
      formatTerminalSummary(r).split('\n')[0],
      'Checked 1 file (1 refused: cin.xml): 0 submissions.',
    );
  });

  it('refuses malformed XML naming the tags and position', async () => {
    const f = folder();
    const xml = cinXml([
      {
        id: 'C1',
        details: [
          cinDetails(
            '<CINreferralDate>2021-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><Assessments><AssessmentActualStartDate>2021-06-02</AssessmentActualStartDate></CINdetails>',
          ),
        ],
      },
    ]);
    f.write('cin.xml', xml);
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-MALFORMED-XML').message,
      /^cin\.xml line 15 col \d+: <\/CINdetails> does not close <Assessments>\./,
    );
  });

  it('refuses an element of no supported year', async () => {
    const f = folder();
    f.write(
      'cin.xml',
      cinXml([
        {
          id: 'C1',
          details: [cinDetails('<CINreferralDate>2021-06-01</CINreferralDate><Favourite>x</Favourite>')],
        },
      ]),
    );
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-XML-UNKNOWN').message,
      /<Favourite> is not a CIN census element inside <CINdetails>/,
    );
  });

  it('refuses XML with a DOCTYPE', async () => {
    const f = folder();
    f.write('cin.xml', cinXml(plainCinChildren(1)).replace('<Message>', '<!DOCTYPE Message>\n<Message>'));
    const r = await read([f.dir]);
    assert.match(only(r, 'S-XML-DTD').message, /^cin\.xml line 2: the file has a DOCTYPE declaration/);
  });

  it('refuses XML with an external entity (XXE) without reading it', async () => {
    const f = folder();
    const xml = cinXml(plainCinChildren(1))
      .replace('<Message>', '<!DOCTYPE Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Message>')
      .replace('>C1<', '>&xxe;<');
    f.write('cin.xml', xml);
    const r = await read([f.dir]);
    only(r, 'S-XML-DTD');
    assert.equal(JSON.stringify(r).includes('root:'), false, 'nothing from /etc/passwd appears');
    assert.equal(r.submissions.length, 0);
  });

  it('refuses billion-laughs XML without expanding entities, also after a long comment', async () => {
    const f = folder();
    const laughs = ['<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++)
      laughs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?>\n<!--${'x'.repeat(70_000)}-->\n<!DOCTYPE Message [${laughs.join('')}]>\n<Message><Children><Child><ChildIdentifiers><LAchildID>&lol9;</LAchildID></ChildIdentifiers></Child></Children></Message>`;
    f.write('cin.xml', xml);
    const before = process.memoryUsage().heapUsed;
    const r = await read([f.dir]);
    only(r, 'S-XML-DTD');
    assert.ok(process.memoryUsage().heapUsed - before < 200 * 1024 * 1024);
  });

  it('refuses an xlsx zip bomb from its directory, before inflating', async () => {
    const f = folder();
    f.write(
      'annex-a.xlsx',
      buildZip([
        { name: '[Content_Types].xml', data: Buffer.from('<x/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<x/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), claimedSize: 900 * 1024 * 1024 },
      ]),
    );
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-XLSX-BOMB').message,
      /^annex-a\.xlsx: entry xl\/worksheets\/sheet1\.xml expands \d+:1 \(limit 100:1\)/,
    );
  });

  it('refuses an xlsx over the total uncompressed limit', async () => {
    const f = folder();
    f.write('a.xlsx', buildZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(64) }], true));
    const r = await read([f.dir], { limits: { maxXlsxUncompressed: 10 } });
    assert.match(only(r, 'S-XLSX-BOMB').message, /would expand to more than 10 bytes/);
  });

  it('refuses an xlsx with too many entries', async () => {
    const f = folder();
    f.write(
      'a.xlsx',
      buildZip(Array.from({ length: 5 }, (_, i) => ({ name: `e${i}`, data: Buffer.from('x') }))),
    );
    const r = await read([f.dir], { limits: { maxXlsxEntries: 4 } });
    assert.match(only(r, 'S-XLSX-BOMB').message, /holds 5 zip entries \(limit 4\)/);
  });

  it('refuses an xlsx entry with a .. path', async () => {
    const f = folder();
    f.write('a.xlsx', buildZip([{ name: '../../evil.sh', data: Buffer.from('x') }]));
    const r = await read([f.dir]);
    assert.match(only(r, 'S-XLSX-BOMB').message, /unsafe path/);
  });

  it('refuses an encrypted xlsx entry', async () => {
    const f = folder();
    f.write('a.xlsx', buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('x'), flags: 1 }]));
    const r = await read([f.dir]);
    assert.match(only(r, 'S-XLSX-ENCRYPTED').message, /password-protected/);
  });

  it('refuses a zip without its directory as truncated', async () => {
    const f = folder();
    f.write('a.xlsx', buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('x') }], false));
    const r = await read([f.dir]);
    assert.match(only(r, 'S-TRUNCATED').message, /zip directory is missing/);
  });

  it('refuses a .xlsx that is not a zip file', async () => {
    const f = folder();
    f.write('annex-a.xlsx', '<html><body>not a workbook</body></html>');
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-UNRECOGNISED').message,
      /^annex-a\.xlsx is named like an Excel workbook but is not one/,
    );
  });

  it('refuses a plain zip archive and an old .xls with hints', async () => {
    const f = folder();
    f.write('data.zip', buildZip([{ name: 'episodes.csv', data: Buffer.from('x') }]));
    f.write('old.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]));
    const r = await read([f.dir]);
    const msgs = structural(r).map((s) => s.message);
    assert.ok(msgs.some((m) => /^data\.zip is a zip archive: unzip it/.test(m)));
    assert.ok(msgs.some((m) => /^old\.xls is an old Excel workbook \(\.xls\): save it as \.xlsx/.test(m)));
  });

  it('refuses an empty file', async () => {
    const f = folder();
    f.write('episodes.csv', '');
    const r = await read([f.dir]);
    assert.equal(
      only(r, 'S-EMPTY').message,
      'episodes.csv is empty (0 bytes): export the data again and re-import.',
    );
  });

  it('refuses a CIN census for a different LA', async () => {
    const f = folder();
    f.write('cin.xml', cinXml(plainCinChildren(2), { lea: '202' }));
    const r = await read([f.dir], { la: '841' });
    assert.match(
      only(r, 'S-LA-MISMATCH').message,
      /^cin\.xml: the CIN census is for LA 202, but this import is for LA 841/,
    );
  });

  it('refuses a 2 GB file by its size without reading it', async () => {
    const f = folder();
    const p = f.write('episodes.csv', '');
    const h = await open(p, 'r+');
    await h.truncate(2 * 1024 ** 3 + 1);
    await h.close();
    const t0 = Date.now();
    const r = await read([p]);
    assert.match(only(r, 'S-TOO-LARGE').message, /^episodes\.csv is 2 GiB, over the 2 GiB limit per file/);
    assert.ok(Date.now() - t0 < 2000, 'refused without reading');
  });

  it('refuses a line longer than the limit', async () => {
    const f = set903();
    f.write('episodes.csv', csv(EPISODE_COLUMNS, [`1001,${'x'.repeat(5000)}`]));
    const r = await read([f.dir], { limits: { maxLineBytes: 1000 } });
    assert.match(only(r, 'S-LINE-TOO-LONG').message, /^episodes\.csv line 2 is longer than 1000 bytes/);
  });

  it('refuses a set without a Header table', async () => {
    const f = folder();
    f.write('episodes.csv', csv(EPISODE_COLUMNS, episodeRows(3)));
    const r = await read([f.dir]);
    assert.match(only(r, 'S-INCOMPLETE-SET').message, /has no Header table/);
  });

  it('refuses one table given twice in a folder', async () => {
    const f = set903({ 'episodes-copy.csv': csv(EPISODE_COLUMNS, episodeRows(3)) });
    const r = await read([f.dir]);
    assert.match(only(r, 'S-MIXED').message, /are both the SSDA903 Episodes table/);
  });

  it('refuses a year without code lists', async () => {
    const f = set903();
    const r = await read([f.dir], { year: '2010-11' });
    assert.match(only(r, 'S-YEAR').message, /collection year 2010-11 has no SSDA903 code lists/);
  });

  it('refuses a table with over 20% of its rows rejected (and at least 10: error-rate.test.ts)', async () => {
    const f = set903({}, 40);
    const rows = episodeRows(40);
    for (let i = 0; i < 12; i++) rows[i] = rows[i]!.replace('01/05/2021', '2021-05-01');
    f.write('episodes.csv', csv(EPISODE_COLUMNS, rows));
    const r = await read([f.dir]);
    assert.match(
      only(r, 'S-ERROR-RATE').message,
      /^episodes\.csv: 12 of 40 Episodes rows \(30%\) were rejected, over the 20% limit/,
    );
  });

  // Root reads any file: there the mapping itself is tested (collect-input-files.test.ts).
  const asRoot = process.getuid?.() === 0 ? 'root reads any file' : false;
  it(
    'refuses a file it may not read by name (S-NOT-READABLE), never with a stack trace',
    { skip: asRoot },
    async () => {
      const f = folder();
      const p = f.write('episodes.csv', csv(EPISODE_COLUMNS, episodeRows(2)));
      const { chmodSync } = await import('node:fs');
      chmodSync(p, 0o000);
      const r = await read([p]);
      chmodSync(p, 0o600);
      const s = r.issues.find((i) => i.severity === 'structural')!;
      assert.equal(s.code, 'S-NOT-READABLE');
      assert.equal(s.file, 'episodes.csv');
      assert.match(s.message, /episodes\.csv: cspi is not allowed to read this file \(permission denied\)/);
      assert.doesNotMatch(s.message, /\n\s+at /);
    },
  );

  it("names an unexpected failure's kind and code in its message, never its text", () => {
    const code = Object.assign(new Error('cannot open /data/C123456.csv'), { code: 'EMFILE' });
    assert.equal(failureKind(code), ', Error EMFILE');
    assert.equal(
      failureKind(new TypeError("Cannot read properties of undefined (reading 'C123')")),
      ', TypeError',
    );
    // A code or name that is not a plain identifier is left out.
    assert.equal(failureKind(Object.assign(new RangeError('x'), { code: 'child C1 ' })), ', RangeError');
    assert.equal(failureKind('thrown text'), '');
  });
});

describe('readInputs: row problems are listed per row while the rest loads', () => {
  it('rejects a date in the wrong format, naming line, field and value', async () => {
    const f = set903();
    const rows = episodeRows(10);
    rows[4] = rows[4]!.replace('01/05/2021', '2021-05-01');
    f.write('episodes.csv', csv(EPISODE_COLUMNS, rows));
    const r = await read([f.dir]);
    assert.equal(r.refused, false);
    const i = r.issues.find((x) => x.code === 'GEN-DATE')!;
    assert.equal(
      i.message,
      "episodes.csv line 6: DECOM '2021-05-01' is not a date written dd/mm/yyyy (it is year first: write 01/05/2021); this row was not loaded.",
    );
    assert.equal(i.severity, 'error');
    assert.equal(r.submissions[0]!.tables.episodes!.length, 9);
    assert.deepEqual(
      r.counts.find((c) => c.table === 'Episodes'),
      { file: 'episodes.csv', table: 'Episodes', read: 10, loaded: 9, rejected: 1, warnings: 0, queries: 0 },
    );
  });

  it("accounts for each year's file of the same name on its own, and names it by its folder", async () => {
    const f = folder();
    const year = (dir: string, n: number, yyyy: string): void => {
      const rows = episodeRows(n).map((r) => r.replaceAll('/2021', `/${yyyy}`));
      rows[1] = rows[1]!.replace(`01/05/${yyyy}`, `${yyyy}-05-01`);
      f.write(`${dir}/header.csv`, csv(HEADER_COLUMNS, headerRows(n)));
      f.write(`${dir}/episodes.csv`, csv(EPISODE_COLUMNS, rows));
    };
    year('2020-21', 6, '2020');
    year('2021-22', 8, '2021');
    const r = await read([f.dir]);
    assert.deepEqual(structural(r), []);
    assert.deepEqual(
      r.counts.filter((c) => c.table === 'Episodes'),
      [
        {
          file: '2020-21/episodes.csv',
          table: 'Episodes',
          read: 6,
          loaded: 5,
          rejected: 1,
          warnings: 0,
          queries: 0,
        },
        {
          file: '2021-22/episodes.csv',
          table: 'Episodes',
          read: 8,
          loaded: 7,
          rejected: 1,
          warnings: 0,
          queries: 0,
        },
      ],
    );
    assert.deepEqual(
      r.issues.filter((i) => i.code === 'GEN-DATE').map((i) => [i.file, i.message.split(':')[0]]),
      [
        ['2020-21/episodes.csv', '2020-21/episodes.csv line 3'],
        ['2021-22/episodes.csv', '2021-22/episodes.csv line 3'],
      ],
    );
    // One file given on its own is named alone.
    const one = await read([join(f.dir, '2021-22', 'episodes.csv'), join(f.dir, '2021-22', 'header.csv')]);
    assert.deepEqual(
      one.counts.map((c) => c.file),
      ['episodes.csv', 'header.csv'],
    );
  });

  it('rejects an impossible date', async () => {
    const f = set903();
    const rows = episodeRows(10);
    rows[0] = rows[0]!.replace('01/12/2021', '31/02/2022');
    f.write('episodes.csv', csv(EPISODE_COLUMNS, rows));
    const r = await read([f.dir]);
    assert.equal(
      r.issues[0]!.message,
      "episodes.csv line 2: DEC '31/02/2022' is not a real date; this row was not loaded.",
    );
  });

  it('keeps the first of two episodes with one DECOM and rejects the later, naming both lines', async () => {
    const f = set903();
    const rows = episodeRows(10);
    rows.push('1003,01/05/2021,S,C2,N1,U4,PR1,02/12/2021,E4A,,,,');
    f.write('episodes.csv', csv(EPISODE_COLUMNS, rows));
    const r = await read([f.dir]);
    const i = r.issues.find((x) => x.code === 'GEN-DUP-KEY')!;
    assert.equal(
      i.message,
      'episodes.csv line 12: child 1003 already has an episode starting 01/05/2021 (line 4); this row was not loaded.',
    );
    assert.equal(r.submissions[0]!.tables.episodes!.records().filter((e) => e.childId === '1003').length, 1);
    assert.equal(
      r.submissions[0]!.tables.episodes!.records().find((e) => e.childId === '1003')!.dec,
      '2021-12-01',
    );
  });

  it('rejects an exact repeat as GEN-DUP-ROW', async () => {
    const f = set903();
    const rows = episodeRows(10);
    rows.push(rows[1]!);
    f.write('episodes.csv', csv(EPISODE_COLUMNS, rows));
    const r = await read([f.dir]);
    assert.deepEqual(
      r.issues.map((i) => i.code),
      ['GEN-DUP-ROW'],
    );
    assert.match(
      r.issues[0]!.message,
      /^episodes\.csv line 12: this repeats line 3 exactly; this row was not loaded\.$/,
    );
  });

  it('warns when a table DOB conflicts with the Header DOB (Header wins)', async () => {
    const f = set903({
      'reviews.csv': csv('CHILD,DOB,REVIEW,REVIEW_CODE', [
        '1001,01/02/2010,01/06/2021,PN1',
        '1002,05/05/2011,01/06/2021,PN1',
      ]),
    });
    const r = await read([f.dir]);
    const i = r.issues.find((x) => x.code === '903-DOB-DIFF')!;
    assert.equal(
      i.message,
      "reviews.csv line 3: DOB 05/05/2011 differs from child 1002's Header DOB 02/02/2010; the Header DOB is used.",
    );
    assert.equal(r.submissions[0]!.tables.cicReviews!.length, 2);
  });

  it('flags codes not valid for the year, and legacy codes mapped', async () => {
    const f = set903({}, 10);
    const rows = episodeRows(10).map((x) => x.replace(/\/2021/g, '/2025'));
    rows[0] = rows[0]!.replace(',U4,', ',Z1,');
    rows[1] = rows[1]!.replace(',U4,', ',H5,');
    f.write('episodes.csv', csv(EPISODE_COLUMNS, rows));
    const r = await read([f.dir], { today: '2026-06-01' as IsoDate });
    assert.equal(r.submissions[0]!.collectionYear, '2025-26');
    const code = r.issues.filter((i) => i.code === 'GEN-CODE').map((i) => i.message);
    assert.ok(
      code.includes("episodes.csv line 2: PLACE 'Z1' is not a valid code in 2025-26."),
      code.join('\n'),
    );
    assert.ok(code.includes("episodes.csv line 3: PLACE 'H5' is not a valid code in 2025-26."));
    const sex = r.issues.filter((i) => i.code === 'GEN-LEGACY');
    assert.equal(sex.length, 10, 'SEX 1 is a legacy code in 2025-26');
    assert.equal(sex[0]!.message, 'header.csv line 2: SEX 1 is no longer used in 2025-26; read as M.');
    assert.equal(r.submissions[0]!.tables.children![0]!.sex, 'M');
    assert.equal(r.submissions[0]!.tables.episodes!.length, 10, 'warnings still load');
  });

  it('reports a broken X1 chain and repairs DEC without REC', async () => {
    const f = set903();
    const rows = episodeRows(10);
    rows[0] = '1001,01/05/2021,S,C2,N1,U4,PR1,12/07/2021,X1,,,,';
    rows.push('1002,01/12/2021,P,C2,N1,U4,PR1,01/01/2022,,,,,');
    rows[1] = '1002,01/05/2021,S,C2,N1,U4,PR1,01/12/2021,X1,,,,';
    f.write('episodes.csv', csv(EPISODE_COLUMNS, rows));
    const r = await read([f.dir]);
    const chain = r.issues.find((i) => i.code === '903-EP-CHAIN')!;
    assert.equal(
      chain.message,
      'episodes.csv line 2: ended X1 on 12/07/2021 but no episode of child 1001 starts that day; the period of care is taken to end there.',
    );
    const recdec = r.issues.find((i) => i.code === '903-EP-RECDEC')!;
    assert.match(
      recdec.message,
      /^episodes\.csv line 12: DEC 01\/01\/2022 is filled but REC is blank; read as REC E8\.$/,
    );
    assert.equal(
      r.submissions[0]!.tables.episodes!.records().find((e) => e.decom === '2021-12-01')!.rec,
      'E8',
    );
  });

  it('rejects an episode for a child without a Header row', async () => {
    const f = set903();
    f.write('episodes.csv', csv(EPISODE_COLUMNS, [...episodeRows(10), ...episodeRows(1, 4471)]));
    const r = await read([f.dir]);
    assert.equal(
      r.issues[0]!.message,
      'episodes.csv line 12: child 4471 has episodes but no Header row; this row was not loaded.',
    );
  });

  it('rejects a row with the wrong number of fields', async () => {
    const f = set903();
    f.write('episodes.csv', csv(EPISODE_COLUMNS, [...episodeRows(10), '1011,01/05/2021,S']));
    const r = await read([f.dir]);
    assert.equal(r.issues[0]!.code, 'GEN-FIELDS');
    assert.equal(
      r.issues[0]!.message,
      'episodes.csv line 12: the row has 3 fields but the header has 13; this row was not loaded.',
    );
  });

  it('rejects a future date', async () => {
    const f = set903({
      'reviews.csv': csv('CHILD,DOB,REVIEW,REVIEW_CODE', [
        '1001,01/02/2010,03/01/2031,PN1',
        ...Array.from({ length: 5 }, (_, i) => `100${i + 2},,01/06/2021,PN1`),
      ]),
    });
    const r = await read([f.dir], { year: '2021-22' });
    const i = r.issues.find((x) => x.code === 'GEN-FUTURE')!;
    assert.equal(
      i.message,
      'reviews.csv line 2: REVIEW 03/01/2031 is in the future; this row was not loaded.',
    );
  });

  it('rejects a CIN referral closed before it started, with its nested elements', async () => {
    const f = folder();
    const children = plainCinChildren(6);
    children[1] = {
      id: 'C2',
      details: [
        cinDetails(
          '<CINreferralDate>2021-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><CINclosureDate>2021-05-01</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure><Assessments><AssessmentActualStartDate>2021-06-02</AssessmentActualStartDate></Assessments><ReferralNFA>0</ReferralNFA>',
        ),
      ],
    };
    f.write('cin.xml', cinXml(children));
    const r = await read([f.dir], { limits: { maxRejectRate: 1 } });
    const close = r.issues.find((i) => i.code === 'CIN-CLOSE-ORDER')!;
    assert.match(
      close.message,
      /^cin\.xml \/Message\/Children\/Child\[2\]\/CINdetails\[1\] \(line \d+\): the referral date 2021-06-01 is after the closure date 2021-05-01; this CINdetails and everything in it was not loaded\.$/,
    );
    const parent = r.issues.find((i) => i.code === 'PARENT-REJECTED')!;
    assert.match(parent.position!, /^\/Message\/Children\/Child\[2\]\/CINdetails\[1\]\/Assessments\[1\]/);
    assert.equal(recordsOf(r.submissions[0]!.tables.referrals).length, 5);
    assert.equal(recordsOf(r.submissions[0]!.tables.assessments).length ?? 0, 0);
    assert.deepEqual(
      r.counts.find((c) => c.table === 'Assessments'),
      { file: 'cin.xml', table: 'Assessments', read: 1, loaded: 0, rejected: 1, warnings: 0, queries: 0 },
    );
  });

  it("counts a census's tables in the schema's order, whichever the first child holds, with read 0 for one it lacks", async () => {
    const f = folder();
    const children = plainCinChildren(3);
    // The first child's referral has a Section 47 enquiry; a later one has an assessment.
    children[0] = {
      id: 'C1',
      details: [
        cinDetails(
          '<CINreferralDate>2021-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><Section47><S47ActualStartDate>2021-06-03</S47ActualStartDate><InitialCPCtarget>2021-06-24</InitialCPCtarget><ICPCnotRequired>true</ICPCnotRequired></Section47><ReferralNFA>0</ReferralNFA>',
        ),
      ],
    };
    children[2] = {
      id: 'C3',
      details: [
        cinDetails(
          '<CINreferralDate>2021-07-01</CINreferralDate><ReferralSource>1A</ReferralSource><Assessments><AssessmentActualStartDate>2021-07-02</AssessmentActualStartDate></Assessments><ReferralNFA>0</ReferralNFA>',
        ),
      ],
    };
    f.write('cin.xml', cinXml(children));
    const r = await read([f.dir]);
    assert.deepEqual(
      r.counts.map((c) => `${c.table} ${c.read}`),
      ['Child 3', 'CINdetails 3', 'Assessments 1', 'CINPlanDates 0', 'Section47 1', 'ChildProtectionPlans 0'],
    );
  });

  it("keeps a CP plan's review dates in date order, however the census lists them", async () => {
    const f = folder();
    const plan = (reviews: string): string =>
      cinDetails(
        `<CINreferralDate>2021-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>0</ReferralNFA><ChildProtectionPlans><CPPstartDate>2021-06-10</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews>${reviews}</Reviews></ChildProtectionPlans>`,
      );
    const review = (d: string): string => `<CPPreviewDate>${d}</CPPreviewDate>`;
    const children = plainCinChildren(2);
    children[0] = {
      id: 'C1',
      details: [plan(['2021-09-01', '2021-07-01', '2021-08-01'].map(review).join(''))],
    };
    children[1] = { id: 'C2', details: [plan(['2021-07-01', '2021-08-01'].map(review).join(''))] };
    f.write('cin.xml', cinXml(children));
    const r = await read([f.dir]);
    assert.deepEqual(
      recordsOf(r.submissions[0]!.tables.cpPlans).map((p) => [p.childId, p.reviewDates]),
      [
        ['C1', ['2021-07-01', '2021-08-01', '2021-09-01']],
        ['C2', ['2021-07-01', '2021-08-01']],
      ],
    );
  });

  it('rejects a CIN child without LAchildID and lists its CINdetails', async () => {
    const f = folder();
    const children = plainCinChildren(6);
    children[5] = { id: null };
    f.write('cin.xml', cinXml(children));
    const r = await read([f.dir], { limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      r.issues.map((i) => i.code),
      ['CIN-CHILD-ID', 'PARENT-REJECTED'],
    );
    assert.match(
      r.issues[0]!.message,
      /^cin\.xml \/Message\/Children\/Child\[6\] \(line \d+\): LAchildID is missing; this Child and everything in it was not loaded\.$/,
    );
  });

  it('maps an off-year CIN sex element with CIN-YEAR-ELEMENT', async () => {
    const f = folder();
    f.write('cin.xml', cinXml([{ id: 'C1', sexElement: 'GenderCurrent', sex: '2' }], { year: '2025' }));
    const r = await read([f.dir]);
    const i = r.issues.find((x) => x.code === 'CIN-YEAR-ELEMENT')!;
    assert.match(i.message, /<GenderCurrent> is not used in 2024-25 \(expected <Sex>\); 2 read as F\.$/);
    assert.equal(r.submissions[0]!.tables.children![0]!.sex, 'F');
  });
});

describe('readInputs: local extract', () => {
  it('reads contacts with SSD alias names and London dates, and rejects decisions before receipt', async () => {
    const f = folder();
    const rows = Array.from(
      { length: 9 },
      (_, i) => `K${i},C${i},2021-06-30T23:30:00Z,2021-07-01T09:00,referral,1A`,
    );
    rows.push('K9,C9,2021-07-02T10:00,2021-07-01T10:00,nfa,2A');
    f.write(
      'contacts.csv',
      csv('cont_contact_id,cont_person_id,cont_contact_date,decided_at,outcome,source', rows),
    );
    const r = await read([f.dir]);
    assert.equal(r.refused, false, JSON.stringify(r.issues));
    const s = r.submissions[0]!;
    assert.equal(s.source, 'local');
    assert.equal(s.tables.contacts!.length, 9);
    assert.equal(s.tables.contacts![0]!.receivedDate, '2021-07-01', 'BST: 23:30Z is the next London day');
    // K9 (received 2 July) is not loaded (LOC-ORDER), so it dates nothing: the range a newer file replaces ends
    // on the last loaded row's key date, as for a row its reader rejects (as-at-rejected-rows.test.ts).
    assert.deepEqual(s.dateRange, { start: '2021-07-01', end: '2021-07-01' });
    assert.equal(s.asAt, '2021-07-01');
    assert.equal(s.collectionYear, '2021-22');
    assert.equal(r.issues[0]!.code, 'LOC-ORDER');
    assert.equal(
      r.issues[0]!.message,
      'contacts.csv line 11: decided_at 2021-07-01T10:00 is before received_at 2021-07-02T10:00; this row was not loaded.',
    );
  });
});

describe('readInputs: --year with two years of one return', () => {
  // Two years' censuses with --year both became that year's, and S-MIXED said only "… are both the CIN census
  // for 2021-22: import one of them", of files the analyst knew to be two different years.
  it('S-MIXED says --year put both in its year, and what to do', async () => {
    const f = folder();
    f.write('2020-21/cin.xml', cinXml(plainCinChildren(2), { year: '2021' }));
    f.write('2021-22/cin.xml', cinXml(plainCinChildren(2), { year: '2022' }));
    assert.deepEqual(structural(await read([f.dir])), []);
    assert.equal(
      only(await read([f.dir], { year: '2021-22' }), 'S-MIXED').message,
      "2020-21/cin.xml and 2021-22/cin.xml are both the CIN census for 2021-22: import one of them (--year 2021-22 puts every file of this import in that year: give --year only with one year's files, or leave it out).",
    );
  });
});
