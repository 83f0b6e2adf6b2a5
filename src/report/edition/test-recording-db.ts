import type { Database } from '../../store/database.js';

/**
 * Test helper: `db`, with every value its queries gave back kept as JSON in `read`, to see what a function
 * read (and what it left in the database).
 * @example const r = recordingDatabase(db); await loadEditionReport(r.db, id); r.read.some((x) => x.includes('C1'))
 */
export function recordingDatabase(db: Database): { db: Database; read: string[] } {
  const read: string[] = [];
  const seen = <T>(x: T): T => {
    read.push(JSON.stringify(x) ?? '');
    return x;
  };
  const recorded: Database = {
    kind: db.kind,
    location: db.location,
    all: async (sql, params) => seen(await db.all(sql, params)),
    allRows: async (sql, params) => seen(await db.allRows(sql, params)),
    get: async (sql, params) => seen(await db.get(sql, params)),
    run: (sql, params) => db.run(sql, params),
    exec: (sql) => db.exec(sql),
    insertMany: (table, columns, rows) => db.insertMany(table, columns, rows),
    transaction: (fn) => db.transaction((tx) => fn(recordingDatabase(tx).db)),
    close: () => db.close(),
  };
  return { db: recorded, read };
}
