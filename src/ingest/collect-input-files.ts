import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { structuralIssue, unreadable } from './refusal.js';
import type { ValidationIssue } from '../validate/issue.js';

/** An input file found under the given paths. */
export interface InputFile {
  readonly path: string;
  /**
   * What reports call the file: its path from the folder holding all the files of the import (just its name
   * when they are in one folder), e.g. `2021-22/episodes.csv`. Unique within an import, so the row accounting
   * and every message tell one year's `episodes.csv` from another's.
   */
  readonly name: string;
  readonly size: number;
  /** Directory the file is in (SSDA903 CSV tables in one folder form one set). */
  readonly dir: string;
}

/**
 * True for names a folder walk skips: hidden files (a leading dot, or Windows' hidden `desktop.ini`, which
 * a folder copied from a share holds), Office lock files (`~$…`) and an embedded cspi database with its
 * journal files (`cspi.db`, `-wal`, `-shm`, `-journal`; also Windows' `Thumbs.db`), kept beside the returns
 * when `cspi import .` is run in their folder, and cspi's own validation report (`validation-report.csv` and
 * `.json`), which `cspi validate` and `cspi import` write to the current folder by default: run twice in the
 * returns' folder, the second run refused the import over the first run's report (S-UNRECOGNISED).
 * @example isSkippedName('cspi.db-wal') //=> true
 */
export function isSkippedName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /\.db(-wal|-shm|-journal)?$/i.test(name) ||
    lower === 'desktop.ini' ||
    lower === 'validation-report.csv' ||
    lower === 'validation-report.json'
  );
}

/**
 * Expands the paths of `cspi import PATH...` (inputs.md §1): files as given, folders walked recursively with
 * hidden, `~$` and database files skipped; sorted by path. A path that does not exist is a structural issue.
 * @example await collectInputFiles(['data/2021-22']) //=> { files: [{ name: 'episodes.csv', … }], issues: [] }
 */
export async function collectInputFiles(
  paths: readonly string[],
): Promise<{ files: InputFile[]; issues: ValidationIssue[] }> {
  const files: Omit<InputFile, 'name'>[] = [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const add = (path: string, size: number): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, size, dir: dirname(path) });
  };
  // A folder cspi may not read, or a file gone between listing and reading it, refuses the import by name
  // (an import is all the files given or nothing); any other failure is a bug and reaches S-INTERNAL.
  const failed = (e: unknown, path: string, what: 'file' | 'folder'): void => {
    const issue = unreadable(e, path, what);
    if (issue === null) throw e;
    issues.push(issue);
  };
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      failed(e, dir, 'folder');
      return;
    }
    for (const e of entries) {
      if (isSkippedName(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, depth + 1);
      else if (e.isFile()) {
        try {
          add(p, (await stat(p)).size);
        } catch (err) {
          failed(err, p, 'file');
        }
      }
    }
  };
  for (const given of paths) {
    const p = resolve(given);
    let s;
    try {
      s = await stat(p);
    } catch {
      issues.push(
        structuralIssue(
          'S-NOT-FOUND',
          basename(given),
          null,
          `${given} does not exist: check the path and re-run.`,
        ),
      );
      continue;
    }
    if (s.isDirectory()) await walk(p, 0);
    else add(p, s.size);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Named from the folder holding them all: unique, and as short as the layout allows.
  const root = commonFolder(files.map((f) => f.dir));
  const named: InputFile[] = files.map((f) => ({ ...f, name: relative(root, f.path).split(sep).join('/') }));
  if (files.length === 0 && issues.length === 0) {
    issues.push(
      structuralIssue(
        'S-NO-INPUT',
        null,
        null,
        `no input files found in ${paths.join(', ') || '(no paths given)'}.`,
      ),
    );
  }
  return { files: named, issues };
}

/**
 * The deepest folder holding every one of the given folders (absolute paths).
 * @example commonFolder(['/data/841/2020-21', '/data/841/2021-22']) //=> '/data/841'
 */
export function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return sep;
  let common = folders[0]!.split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let n = 0;
    while (n < common.length && n < parts.length && common[n] === parts[n]) n++;
    common = common.slice(0, n);
  }
  return common.join(sep) || sep;
}
