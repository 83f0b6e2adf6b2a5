import type pg from 'pg';
import { bindValue } from './bind-value.js';

/**
 * One value in PostgreSQL's COPY text format: `\N` for null, a string with backslash, tab, newline and
 * carriage return escaped, numbers and bigints as written; booleans as 1/0 and Dates as ISO strings
 * ({@link bindValue}). Undefined for a value COPY text cannot carry as it is (a Buffer or other object).
 * @example copyValue('a\tb') //=> 'a\\tb'
 * @example copyValue(null) //=> '\\N'
 */
export function copyValue(value: unknown): string | undefined {
  const v = bindValue(value);
  if (v === null) return '\\N';
  if (typeof v === 'string') return /[\\\t\n\r]/.test(v) ? escape(v) : v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/**
 * Rows as COPY text lines (tab-separated, one line per row), in chunks of about `chunkChars` characters;
 * undefined when a value cannot be written as COPY text (the caller inserts those rows another way).
 * @example copyChunks([[1, 'a'], [2, null]], 2) //=> ['1\ta\n2\t\\N\n']
 */
export function copyChunks(
  rows: readonly (readonly unknown[])[],
  width: number,
  chunkChars = 1 << 16,
): string[] | undefined {
  const chunks: string[] = [];
  let chunk = '';
  for (const row of rows) {
    if (row.length !== width) throw new RangeError(`COPY: row has ${row.length} values, expected ${width}`);
    let line = '';
    for (let j = 0; j < width; j++) {
      const v = copyValue(row[j]);
      if (v === undefined) return undefined;
      line += j === 0 ? v : `\t${v}`;
    }
    chunk += `${line}\n`;
    if (chunk.length >= chunkChars) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** The parts of pg's connection a COPY FROM STDIN uses (pg's Submittable protocol). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY table (columns) FROM STDIN` on one client (inside its transaction), sending the prepared text chunks;
 * resolves with the rows copied, rejects with the server's error (the transaction is then aborted, as a
 * failed INSERT leaves it).
 * @example await copyFrom(client, 'rec_episodes', ['submission_id', 'ord'], copyChunks(rows, 2)!)
 */
export function copyFrom(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  chunks: readonly string[],
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    let copied = 0;
    const finish = (err: Error | null): void => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve(copied);
    };
    const submittable = {
      submit(connection: CopyConnection): void {
        connection.query(`COPY ${table} (${columns.join(', ')}) FROM STDIN`);
      },
      handleCopyInResponse(connection: CopyConnection): void {
        for (const c of chunks) connection.sendCopyFromChunk(Buffer.from(c, 'utf8'));
        connection.endCopyFrom();
      },
      handleCommandComplete(msg: { text?: string }): void {
        copied = Number(/\d+$/.exec(msg.text ?? '')?.[0] ?? 0);
      },
      handleReadyForQuery(): void {
        finish(null);
      },
      handleError(err: Error): void {
        finish(err);
      },
      // Not sent for COPY FROM; present so an unexpected message cannot crash the client.
      handleRowDescription(): void {},
      handleDataRow(): void {},
      handleEmptyQuery(): void {},
      handleCopyData(): void {},
      handlePortalSuspended(): void {},
    };
    void client.query(submittable as unknown as pg.QueryConfig);
  });
}
