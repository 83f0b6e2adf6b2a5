/** `line N` strings made so far, by N (line 1, the header, is never a row's position). */
const positions: string[] = [];
/** Lines past this are not kept: the cache stays under ~10 MB however long a file is. */
const MAX_KEPT_LINE = 1 << 18;

/**
 * A CSV row's position as staged records and issues write it (`line 90`), one shared string per line number.
 * Every file of an import (and of the next import) numbers its rows from 2, so each file after the first finds
 * its positions made; a record then keeps a string the garbage collector has already moved out of the young
 * generation, instead of a new one per row that it must copy, twice, for as long as the record lives.
 * @example linePosition(90) === linePosition(90) //=> true ('line 90')
 */
export function linePosition(line: number): string {
  if (line > MAX_KEPT_LINE) return `line ${line}`;
  let p = positions[line];
  if (p === undefined) positions[line] = p = `line ${line}`;
  return p;
}
