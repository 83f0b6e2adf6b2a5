// The fingerprint of the TypeScript sources a build of `cspi` is made from, so that a build is used only
// while it matches the sources exactly (scripts/build.mjs writes it; bin/cspi.js checks it).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The TypeScript sources under `dir` a build compiles: every `.ts` file except tests (`*.test.ts`), as
 * paths relative to `dir` with `/` separators, sorted.
 * @param {string} dir
 * @returns {string[]}
 * @example sourceFiles('src')[0] //=> 'calendar/add-months.ts'
 */
export function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/**
 * SHA-256 over the path and content of every `.ts` file under `dir` except tests (`*.test.ts`), in path
 * order. Contents, not modification times: a copy that keeps old times (rsync -a, cp -p, an unpacked
 * archive) must still make a build stale. About 15 ms for the ~400 files of src/.
 * @param {string} dir
 * @returns {string}
 * @example sourceFingerprint('src') //=> 'c0ffee…' (64 hex digits)
 */
export function sourceFingerprint(dir) {
  const files = sourceFiles(dir);
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(readFileSync(join(dir, f)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * True when `root`/dist holds a build of `root`/src as it is now (its stamp names the sources' fingerprint).
 * @param {string} root the project folder
 * @returns {boolean}
 * @example buildIsFresh('/work/cspi') //=> true after `npm run build`, false once a source is edited
 */
export function buildIsFresh(root) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, 'dist', 'build-stamp.json'), 'utf8'));
    return stamp.fingerprint === sourceFingerprint(join(root, 'src'));
  } catch {
    return false;
  }
}
