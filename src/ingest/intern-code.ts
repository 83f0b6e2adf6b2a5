/** Distinct cells seen so far → their upper-case form (one shared string per code). */
const codes = new Map<string, string>();
/** Past this many distinct cells (free-text columns, postcodes) new ones are upper-cased but not kept. */
const MAX_CODES = 50_000;

/**
 * A code cell upper-cased, as one shared string per distinct cell: a return repeats the same few hundred
 * codes in every row, and a staged record that shares its code strings leaves the garbage collector
 * nothing to copy for them (each fresh copy would otherwise live as long as the record).
 * @example internCode('c2') === internCode('C2') //=> true (both 'C2')
 */
export function internCode(cell: string): string {
  let code = codes.get(cell);
  if (code === undefined) {
    code = cell.toUpperCase();
    if (codes.size < MAX_CODES) {
      // The upper-case form maps to itself, so a cell already in upper case finds the same string.
      if (code !== cell) {
        const shared = codes.get(code);
        if (shared === undefined) codes.set(code, code);
        else code = shared;
      }
      codes.set(cell, code);
    }
  }
  return code;
}
