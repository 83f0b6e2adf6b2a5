import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './user-error.js';

/**
 * Makes a folder the user named (`--out`, `--report-dir`) and any missing folders above it, one level at a
 * time. Node's own `mkdir(…, { recursive: true })` never returns where the file system refuses a new folder
 * under one that exists (`/proc`, `/sys`: mkdir fails with ENOENT, so Node makes the parent again, finds
 * it there and tries the child again, for ever); made level by level, that refusal is a clear error instead.
 * A path that is a file is refused in one line too (it was S-INTERNAL for `cspi synth --out FILE`).
 * Other failures (permission denied, a read-only or full disk) are thrown as they are, for the command's
 * handler to name the path.
 * @example makeFolder('out/demo') // makes out and out/demo unless they exist
 */
export function makeFolder(path: string): void {
  // A file where the folder should be: every write into it would fail (ENOTDIR, or EEXIST from Node's mkdir).
  if (existsSync(path) && !statSync(path).isDirectory())
    throw new UserError(`${path} is a file, not a folder; choose a folder and run again`);
  const missing: string[] = [];
  for (let p = resolve(path); !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'EEXIST') continue; // made meanwhile by another process
      if (code === 'ENOENT' && existsSync(dirname(level)))
        throw new UserError(
          `cannot make the folder ${level}: ${dirname(level)} does not allow new folders; choose another folder and run again`,
        );
      throw e;
    }
  }
}
