import { accessSync, chmodSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileProblem } from './main.js';
import { makeFolder } from './make-folder.js';
import { UserError } from './user-error.js';

/** Where `cspi validate` and `cspi import` write the validation report. */
export interface ReportFiles {
  readonly csv: string;
  readonly json: string;
}

/**
 * The validation report's two files in the folder the user named (`--report-dir`, by default the current
 * folder), made ready before anything is read or stored: the folder made, and each file (or the folder, for a
 * file not there yet) writable. inputs.md §6 gives exit 2 only when nothing was loaded, and `cspi import`
 * used to find an unusable folder only after committing the dataset, then exit 2 as if it had been refused;
 * now it is refused first, in one line naming the path (`what` ends it: "nothing was loaded").
 * @example prepareReportFiles('out', 'nothing was loaded') //=> { csv: '/abs/out/validation-report.csv', json: '/abs/out/validation-report.json' }
 */
export function prepareReportFiles(reportDir: string | undefined, what: string): ReportFiles {
  const dir = resolve(reportDir ?? '.');
  const files = { csv: join(dir, 'validation-report.csv'), json: join(dir, 'validation-report.json') };
  try {
    makeFolder(dir);
    for (const file of [files.csv, files.json]) {
      const exists = existsSync(file);
      if (exists && statSync(file).isDirectory())
        throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR', path: file });
      accessSync(exists ? file : dir, constants.W_OK);
    }
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`--report-dir: ${e.message}; ${what}`, e.exitCode);
    const problem = fileProblem(e);
    if (problem === undefined) throw e;
    throw new UserError(
      `--report-dir: ${problem.replace(/; check the path and run again$/, '')}: the validation report cannot be written there; choose another folder; ${what}`,
    );
  }
  return files;
}

/**
 * Writes the validation report: it holds child ids and values, so it is readable by its owner only (inputs.md
 * §7 "protect them like the database"), from `cspi validate` as from `cspi import`, and also when it replaces
 * a report an earlier run left readable by others (a file's mode is set only when the file is made).
 */
export function writeReportFiles(files: ReportFiles, csv: string, json: string): void {
  for (const [file, text] of [
    [files.csv, csv],
    [files.json, json],
  ] as const) {
    // Made private before the new contents go in (a new file is made private by its mode).
    if (existsSync(file)) chmodSync(file, 0o600);
    writeFileSync(file, text, { mode: 0o600 });
  }
}
