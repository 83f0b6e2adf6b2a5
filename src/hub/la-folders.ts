import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One LA's folder of returns, as a hub import job takes it. */
export interface LaFolder {
  readonly la: string;
  readonly paths: readonly string[];
  /** Bytes of the files under it (the import's work grows with them). */
  readonly bytes: number;
}

/**
 * The LA folders under a hub root (`ROOT/<3-digit LA code>/…`), with the bytes each holds, in code order.
 * @example laFolders('/data/returns').map((f) => f.la) //=> ['201', '202', …]
 */
export function laFolders(root: string): LaFolder[] {
  return readdirSync(root)
    .filter((name) => /^\d{3}$/.test(name) && statSync(join(root, name)).isDirectory())
    .sort()
    .map((la) => {
      const path = resolve(root, la);
      return { la, paths: [path], bytes: bytesUnder(path) };
    });
}

/**
 * The folders under a hub root that are not LA folders (not named by a 3-digit DfE code), so `cspi hub import`
 * can say it left them out: a folder named `Kent`, `0886` or `E10000016` was skipped without a word, and its
 * LA was missing from the hub. Hidden folders (`.git`, …) are not listed.
 * @example notLaFolders('/data/returns') //=> ['Kent', 'notes']
 */
export function notLaFolders(root: string): string[] {
  return readdirSync(root)
    .filter(
      (name) => !name.startsWith('.') && !/^\d{3}$/.test(name) && statSync(join(root, name)).isDirectory(),
    )
    .sort();
}

function bytesUnder(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  let n = 0;
  for (const name of readdirSync(path)) n += bytesUnder(join(path, name));
  return n;
}

/**
 * The queue priority of an LA's import: its size in KiB, so workers take the largest LAs first and the
 * small ones fill in at the end (largest-first keeps the last worker from finishing long after the
 * others: a national run otherwise could end on one 200 MB LA imported alone).
 * @example importPriority(197_000_000) //=> 192382
 */
export function importPriority(bytes: number): number {
  return Math.min(2 ** 31 - 1, Math.max(0, Math.floor(bytes / 1024)));
}
