import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergedRange, watchMergedCells } from './merged-cells.js';
import type { PartSource } from './part-end.js';

const XML =
  '<worksheet><sheetData><row r="1"><c r="A1"/></row></sheetData>' +
  '<mergeCells count="3"><mergeCell ref="A3:A4"/><mergeCell ref="B10:AA12"/><x:mergeCell ref="C5:D5"/></mergeCells></worksheet>';

/** The ranges found when the XML arrives in chunks of `size` bytes. */
async function rangesIn(size: number): Promise<string[]> {
  const bytes = Buffer.from(XML, 'latin1');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const part: PartSource = {
    iterator: (async function* () {
      yield* chunks;
    })(),
  };
  const merges = watchMergedCells(part);
  const passed: Buffer[] = [];
  for await (const c of part.iterator) passed.push(Buffer.from(c as Buffer));
  assert.equal(Buffer.concat(passed).toString('latin1'), XML, 'the bytes pass unchanged');
  return merges.ranges().map((r) => `${r.ref} ${r.top}-${r.bottom} ${r.left}-${r.right}`);
}

describe('merged cells of a worksheet', () => {
  it('are found whatever the chunks the XML arrives in (an element or the word split between two)', async () => {
    const expected = ['A3:A4 3-4 1-1', 'B10:AA12 10-12 2-27', 'C5:D5 5-5 3-4'];
    for (const size of [1, 2, 3, 5, 7, 9, 10, 16, 64, 4096])
      assert.deepEqual(await rangesIn(size), expected, `${size}`);
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
