import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
import { buildZip } from '../zip-fixture.js';
import { LIST_3_HEADER } from './annex-a-test-workbook.js';

const f = tempFolder();
after(() => f.cleanup());

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const col = (i: number): string => String.fromCharCode(65 + i);
const text = (ref: string, s: string): string => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;

/**
 * List 3's XML: its header and a referral (1 June 2021, serial 44348) for each child; with `shared`, each child
 * id is the shared string of its index.
 */
function list3Xml(children: readonly string[], shared = false): string {
  const header = LIST_3_HEADER.map((h, i) => text(`${col(i)}1`, h)).join('');
  const rows = children.map((id, i) => {
    const r = i + 2;
    const child = shared ? `<c r="A${r}" t="s"><v>${i}</v></c>` : text(`A${r}`, id);
    return `<row r="${r}">${child}${text(`B${r}`, 'Male')}<c r="F${r}" s="1"><v>44348</v></c>${text(`G${r}`, 'Schools')}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="1">${header}</row>${rows.join('')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** The shared strings part holding the strings. */
const sstXml = (strings: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;

/** No shared strings, as an empty root (whole, for all it does not close with `</sst>`). */
const NO_STRINGS = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="0" uniqueCount="0"/>`;

/**
 * A workbook whose one sheet, "List 3", is the given XML, and whose shared strings are `sst`, zipped soundly,
 * whatever the XML.
 */
function workbook(sheetXml: string, sst = NO_STRINGS): Buffer {
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="List 3" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/sharedStrings.xml', sst],
    [
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ],
    ['xl/worksheets/sheet1.xml', sheetXml],
  ];
  return buildZip(parts.map(([name, data]) => ({ name, data: Buffer.from(data, 'utf8') })));
}

async function read(
  name: string,
  sheetXml: string,
  sst?: string,
): Promise<Awaited<ReturnType<typeof readInputs>>> {
  const path = join(f.dir, name);
  writeFileSync(path, workbook(sheetXml, sst));
  return readInputs([path], { today: TODAY, la: '841' });
}

// inputs.md §6: every row read is loaded or listed, and a file cut short is S-TRUNCATED (unclosed XML root).
// exceljs's streaming reader never closes its XML parser, so a List sheet whose XML stopped part-way (in a
// sound zip) used to load the rows before the cut and lose the rest without a word.
describe('an Annex A list sheet whose XML is cut short', () => {
  const whole = list3Xml(['C1', 'C2', 'C3', 'C4']);

  it('whole, loads every row (the check does not refuse a sound sheet)', async () => {
    const r = await read('whole.xlsx', whole);
    assert.equal(r.refused, false, JSON.stringify(r.issues));
    assert.equal(r.counts.find((c) => c.table === 'List 3')?.read, 4);
  });

  for (const [where, cut] of [
    ['inside a row', whole.indexOf('<row r="4">') + 40],
    ['between rows', whole.indexOf('<row r="4">')],
    ['after </sheetData>', whole.indexOf('<pageMargins')],
    ['inside the closing tag', whole.length - 5],
  ] as const) {
    it(`${where} is refused (S-TRUNCATED), naming the file, the sheet and the row after the last read`, async () => {
      const r = await read('cut.xlsx', whole.slice(0, cut));
      assert.equal(r.refused, true);
      const lastRow = where === 'after </sheetData>' || where === 'inside the closing tag' ? 5 : 3;
      assert.deepEqual(
        r.issues
          .filter((i) => i.severity === 'structural')
          .map((i) => [i.code, i.file, i.position, i.message]),
        [
          [
            'S-TRUNCATED',
            'cut.xlsx',
            `List 3!A${lastRow + 1}`,
            `cut.xlsx: sheet 'List 3' is cut short after row ${lastRow} (its XML stops before the end of the sheet, so the workbook was damaged or not completely saved), and any rows after that cannot be read; open the workbook in Excel, save it again as .xlsx and re-import.`,
          ],
        ],
      );
      assert.deepEqual(r.submissions, []);
    });
  }

  it('before its first row is refused too', async () => {
    const r = await read('empty-cut.xlsx', whole.slice(0, whole.indexOf('<sheetData>') + 5));
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'structural').map((i) => [i.code, i.position]),
      [['S-TRUNCATED', 'List 3!A1']],
    );
  });

  it('with a namespace prefix and white space after the root is not taken for cut short', async () => {
    const prefixed = whole
      .replace(/<(\/?)(worksheet|sheetData|row|c|is|t|v|pageMargins)\b/g, '<$1x:$2')
      .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    const r = await read('prefixed.xlsx', `${prefixed}\r\n`);
    assert.deepEqual(
      r.issues.filter((i) => i.code === 'S-TRUNCATED'),
      [],
    );
  });
});

// The shared strings part holds the text of the cells: cut short, every cell whose text came after the cut read
// as blank (here child ids: AA-CHILD-ID "Child Unique ID is blank", a wrong reason; a label would load as unknown
// without a word).
describe('an Annex A workbook whose shared strings are cut short', () => {
  const children = ['C1', 'C2', 'C3', 'C4'];
  const sst = sstXml(children);

  it('whole, loads every row with its child id', async () => {
    const r = await read('shared.xlsx', list3Xml(children, true), sst);
    assert.equal(r.refused, false, JSON.stringify(r.issues));
    assert.equal(r.counts.find((c) => c.table === 'List 3')?.loaded, 4);
  });

  for (const [where, cut] of [
    ['between strings', sst.indexOf('<si><t>C3')],
    ['before the closing tag', sst.indexOf('</sst>')],
  ] as const) {
    it(`${where} is refused (S-TRUNCATED), naming the file`, async () => {
      const r = await read('shared-cut.xlsx', list3Xml(children, true), sst.slice(0, cut));
      assert.deepEqual(
        r.issues.filter((i) => i.severity === 'structural').map((i) => [i.code, i.file, i.message]),
        [
          [
            'S-TRUNCATED',
            'shared-cut.xlsx',
            "shared-cut.xlsx: the text of its cells (the workbook's shared strings) is cut short, so the workbook was damaged or not completely saved, and cells whose text comes after the cut cannot be read; open the workbook in Excel, save it again as .xlsx and re-import.",
          ],
        ],
      );
      assert.deepEqual(r.submissions, []);
    });
  }
});
