import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/**
 * An id that sorts as its rows were written (the application's ids of append-only tables: the audit log,
 * commentary): the time in ms (base 36), a sequence within the ms, and randomness so that two processes
 * writing in the same ms never collide. No autoincrement, which differs between SQLite and PostgreSQL.
 * @example sortableId(new Date('2022-01-10T10:00:00Z')) //=> '0ky8ikhs0-0000-' followed by 8 random hex digits
 */
export function sortableId(at: Date): string {
  const ms = at.getTime();
  seq = ms === lastMs ? seq + 1 : 0;
  lastMs = ms;
  return `${ms.toString(36).padStart(9, '0')}-${seq.toString(36).padStart(4, '0')}-${randomBytes(4).toString('hex')}`;
}
