import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Characters gathered before a write: big enough for few system calls, small enough to die young. */
const FLUSH_AT = 1 << 16;

/**
 * A file written as it is built: text appended in pieces is gathered and written in ~64 KB chunks, so no
 * whole-file string (and no tree) is held. Counts the bytes written.
 * @example const f = new BufferedFile('/tmp/x.csv'); f.write('a\r\n'); f.close() //=> 3
 */
export class BufferedFile {
  private readonly fd: number;
  private pending = '';
  private written = 0;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= FLUSH_AT) this.flush();
  }

  /** Writes what is left, closes the file and returns its size in bytes. */
  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.written;
  }

  private flush(): void {
    if (this.pending === '') return;
    this.written += writeSync(this.fd, this.pending);
    this.pending = '';
  }
}
