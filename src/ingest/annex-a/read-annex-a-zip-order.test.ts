import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../read-inputs.js';
import { TODAY, tempFolder } from '../test-fixtures.js';
import { buildZip } from '../zip-fixture.js';
import { LIST_8_HEADER } from './annex-a-test-workbook.js';

const f = tempFolder();
after(() => f.cleanup());

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A workbook with one sheet, "List 8", whose parts are in the given zip order: strings and a date (a number
 * styled as a date, so the reader looks at the workbook's date system) in each data row.
 */
function workbook(order: readonly string[]): Buffer {
  const strings = [...LIST_8_HEADER, 'C1', 'C2'];
  const col = (i: number): string => String.fromCharCode(65 + (i % 26)).padStart(i >= 26 ? 2 : 1, 'A');
  const header = LIST_8_HEADER.map((_, i) => `<c r="${col(i)}1" t="s"><v>${i}</v></c>`).join('');
  const row = (r: number, child: number): string =>
    `<row r="${r}"><c r="A${r}" t="s"><v>${child}</v></c><c r="D${r}" s="1"><v>40000</v></c></row>`;
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${header}</row>${row(2, LIST_8_HEADER.length)}${row(3, LIST_8_HEADER.length + 1)}</sheetData></worksheet>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="List 8" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  };
  return buildZip(order.map((name) => ({ name, data: Buffer.from(parts[name]!, 'utf8') })));
}

const RELS_FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels'];

// exceljs's streaming reader read a sheet's name from xl/workbook.xml when it met the sheet; a writer that
// puts that part after the worksheets (exceljs's own does under load) made the import fail with S-INTERNAL
// (a TypeError), as the CI run of 29 Nov did once.
for (const [name, order] of [
  [
    'the usual order',
    [...RELS_FIRST, 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'],
  ],
  [
    'xl/workbook.xml after the worksheet',
    [...RELS_FIRST, 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'],
  ],
] as const) {
  test(`an Annex A workbook whose parts come in ${name} is read: its List 8 rows are counted`, async () => {
    const path = join(f.dir, `${name.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(path, workbook(order));
    // Its rows have no start date (AA-DATE), so nothing dates the workbook: --year gives its year (S-YEAR else).
    const r = await readInputs([path], { today: TODAY, year: '2021-22', limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'structural'),
      [],
      'no structural issue (no S-INTERNAL)',
    );
    const list8 = r.counts.find((c) => c.table === 'List 8');
    assert.equal(list8?.read, 2, JSON.stringify(r.counts));
  });
}
