import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_LIMITS } from '../limits.js';
import { checkZipDirectory } from '../zip-directory.js';
import {
  type MergedRange,
  mergedCellScanner,
  mergedFill,
  mergedRange,
  readMergedCells,
} from './merged-cells.js';

const XML =
  '<worksheet><sheetData><row r="1"><c r="A1"/></row></sheetData>' +
  '<mergeCells count="3"><mergeCell ref="A3:A4"/><mergeCell ref="B10:AA12"/><x:mergeCell ref="C5:D5"/></mergeCells></worksheet>';

/** The ranges found when the XML arrives in chunks of `size` bytes. */
function rangesIn(size: number): string[] {
  const bytes = Buffer.from(XML, 'latin1');
  const scan = mergedCellScanner();
  for (let at = 0; at < bytes.length; at += size) scan.push(bytes.subarray(at, at + size));
  return scan.ranges().map((r) => `${r.ref} ${r.top}-${r.bottom} ${r.left}-${r.right}`);
}

describe('merged cells of a worksheet', () => {
  it('are found whatever the chunks the XML arrives in (an element or the word split between two)', () => {
    const expected = ['A3:A4 3-4 1-1', 'B10:AA12 10-12 2-27', 'C5:D5 5-5 3-4'];
    for (const size of [1, 2, 3, 5, 7, 9, 10, 16, 64, 4096])
      assert.deepEqual(rangesIn(size), expected, `${size}`);
  });

  it('read a range from its element, and nothing from one without a range', () => {
    assert.deepEqual(mergedRange('<mergeCell ref="A3:B4"/>'), {
      ref: 'A3:B4',
      top: 3,
      left: 1,
      bottom: 4,
      right: 2,
    });
    assert.equal(mergedRange('<mergeCells count="2">'), null);
  });
});

describe('merged cells read before the rows', () => {
  it("are the worksheet part's, read from the file (deflated, as Excel saves it)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspi-merged-'));
    try {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Notes').mergeCells('A1:C1');
      const ws = wb.addWorksheet('List 3');
      for (let r = 1; r <= 2000; r++) ws.addRow([`C${r}`, 'Schools', r]);
      ws.mergeCells('B2:B4');
      ws.mergeCells('B1500:B1999');
      const path = join(dir, 'merged.xlsx');
      await wb.xlsx.writeFile(path);
      const handle = await open(path, 'r');
      const zip = await checkZipDirectory(handle, (await handle.stat()).size, 'merged.xlsx', DEFAULT_LIMITS);
      await handle.close();
      assert.equal(zip.kind, 'ok');
      if (zip.kind !== 'ok') return;
      const refs = async (part: string) => (await readMergedCells(path, zip, part)).map((r) => r.ref);
      assert.deepEqual(await refs('xl/worksheets/sheet2.xml'), ['B2:B4', 'B1500:B1999']);
      assert.deepEqual(await refs('xl/worksheets/sheet1.xml'), ['A1:C1']);
      assert.deepEqual(await refs('xl/worksheets/sheet9.xml'), [], 'no such part: no ranges');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a merged value filled down', () => {
  const range = (ref: string): MergedRange => mergedRange(`<mergeCell ref="${ref}"/>`)!;
  const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';
  const fillRows = (ranges: MergedRange[], columns: number[], rows: [number, (string | undefined)[]][]) => {
    const fill = mergedFill(ranges, columns, blank);
    for (const [n, values] of rows) fill(n, values);
    return rows.map(([, values]) => values);
  };

  it("fills the rows of its merge in the range's first column, and no others", () => {
    const rows = fillRows(
      [range('B2:B4'), range('C3:D4'), range('E2:E3')],
      [2, 3, 4],
      [
        [2, [undefined, 'C1', 'Police', undefined, undefined, 'x']],
        [3, [undefined, 'C2', undefined, 'Team A', undefined, undefined]],
        [4, [undefined, 'C3', undefined, undefined, undefined, undefined]],
        [5, [undefined, 'C4', undefined, undefined, undefined, undefined]],
      ],
    );
    assert.deepEqual(rows, [
      [undefined, 'C1', 'Police', undefined, undefined, 'x'],
      // E2:E3 is not a filled column; D is inside C3:D4 but not its first column.
      [undefined, 'C2', 'Police', 'Team A', undefined, undefined],
      [undefined, 'C3', 'Police', 'Team A', undefined, undefined],
      [undefined, 'C4', undefined, undefined, undefined, undefined],
    ]);
  });

  it('leaves a cell with its own value, and the rows below a blank first cell, as they are', () => {
    const rows = fillRows(
      [range('B2:B4'), range('C2:C3')],
      [2, 3],
      [
        [2, [undefined, 'C1', 'Police', '  ']],
        [3, [undefined, 'C2', 'Schools', undefined]],
        [4, [undefined, 'C3', undefined, undefined]],
      ],
    );
    assert.deepEqual(rows, [
      [undefined, 'C1', 'Police', '  '],
      [undefined, 'C2', 'Schools', undefined],
      [undefined, 'C3', 'Police', undefined],
    ]);
  });

  it('fills nothing from a first cell never given (a merge starting in the header row)', () => {
    const rows = fillRows(
      [range('B1:B3')],
      [2],
      [
        [2, [undefined, 'C1', undefined]],
        [3, [undefined, 'C2', undefined]],
      ],
    );
    assert.deepEqual(rows, [
      [undefined, 'C1', undefined],
      [undefined, 'C2', undefined],
    ]);
  });
});
