import { ownString } from './own-string.js';

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

/** Slots of the table {@link internCodeAt} looks codes up in (a power of two). */
const SLOTS = 1 << 17;
/** Past this many distinct codes (under half the slots, so look-ups stay short) new ones are not kept. */
const MAX_SLOT_CODES = MAX_CODES;
/** The cells as written, by slot ('' for an empty slot: a blank cell is never looked up). */
const slotCells: string[] = new Array<string>(SLOTS).fill('');
/** The shared upper-case code of the cell in the same slot. */
const slotCodes: string[] = new Array<string>(SLOTS).fill('');
let slotCount = 0;

/**
 * The code in `text[start, end)`, as {@link internCode} gives it for that cell trimmed (blank = null), without
 * first cutting the cell out of the text: a CSV row's codes are found in its line where they stand, so a
 * row's dozen codes cost no new string each (and no garbage for the collector). The cell's characters are
 * hashed and looked up in a table of the cells met so far; only a cell not met yet is cut out and kept.
 * A cell with white space or other characters outside printable ASCII at either end takes the plain road
 * (trimmed, then {@link internCode}).
 * @example internCodeAt('1001,c2,N1', 5, 7) === internCode('C2') //=> true
 */
export function internCodeAt(text: string, start: number, end: number): string | null {
  const n = end - start;
  if (n <= 0) return null;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(end - 1);
  if (!(a > 32 && a < 127 && b > 32 && b < 127)) return plainCode(text.slice(start, end));
  let h = n;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  let slot = (h ^ (h >>> 15)) & (SLOTS - 1);
  for (;;) {
    const seen = slotCells[slot]!;
    if (seen === '') break;
    if (seen.length === n && sameText(seen, text, start)) return slotCodes[slot]!;
    slot = (slot + 1) & (SLOTS - 1);
  }
  const raw = ownString(text.slice(start, end));
  const code = internCode(raw);
  if (slotCount < MAX_SLOT_CODES) {
    slotCells[slot] = raw;
    slotCodes[slot] = code;
    slotCount++;
  }
  return code;
}

/** Whether `seen` is written in `text` from `start` on. */
function sameText(seen: string, text: string, start: number): boolean {
  for (let i = 0; i < seen.length; i++) if (seen.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** A cell's code the plain way: trimmed, blank = null, then {@link internCode}. */
function plainCode(raw: string): string | null {
  const t = raw.trim();
  return t === '' ? null : internCode(ownString(t));
}
