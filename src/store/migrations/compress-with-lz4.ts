/**
 * PostgreSQL text that compresses a column's large values with LZ4 where the server was built with it
 * (several times faster than its default, pglz), and keeps pglz where it was not.
 * @example compressWithLz4('dataset_snapshots', 'body') //=> 'DO $$ BEGIN\n  ALTER TABLE dataset_snapshots …'
 */
export function compressWithLz4(table: string, column: string): string {
  return `DO $$ BEGIN
  ALTER TABLE ${table} ALTER COLUMN ${column} SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN NULL; -- a server built without LZ4 keeps pglz
END $$;
`;
}
