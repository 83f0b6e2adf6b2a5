/**
 * Normalises a JavaScript value for binding as an SQL parameter in either database: booleans become 1/0
 * (SQLite has no boolean; PostgreSQL accepts '1'/'0' for BOOLEAN too), undefined becomes null, Dates become
 * ISO strings. Numbers, strings, bigints, Buffers and null pass through.
 * @example bindValue(true) //=> 1
 * @example bindValue(undefined) //=> null
 */
export function bindValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** True when {@link bindValue} would change the value (so a row of plain values can be bound as it is). */
export function needsBinding(v: unknown): boolean {
  return v === undefined || typeof v === 'boolean' || v instanceof Date;
}
