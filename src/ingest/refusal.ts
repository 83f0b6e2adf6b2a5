import { basename } from 'node:path';
import type { ValidationIssue } from '../validate/issue.js';

/**
 * A structural problem found while streaming a file: thrown inside a reader and turned back into a
 * `structural` {@link ValidationIssue} at the reader's boundary (read-inputs), so nothing half-read is kept.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';
  constructor(readonly issue: ValidationIssue) {
    super(issue.message);
  }
}

/** Builds a structural issue (the import is refused). */
export function structuralIssue(
  code: string,
  file: string | null,
  position: string | null,
  message: string,
  table: string | null = null,
): ValidationIssue {
  return {
    code,
    severity: 'structural',
    file,
    table,
    position,
    childId: null,
    field: null,
    value: null,
    dfeRule: null,
    message,
  };
}

/** Throws a {@link Refusal} for a structural issue. */
export function refuse(code: string, file: string, position: string | null, message: string): never {
  throw new Refusal(structuralIssue(code, file, position, message));
}

/**
 * The structural issue for a file or folder the system would not let cspi read: `S-NOT-READABLE` for a
 * permission refused (or another system error), `S-NOT-FOUND` for one that vanished after the folder was
 * listed (an export still being written, a file moved away). Null for any other failure (a bug: S-INTERNAL).
 * @example unreadable(Object.assign(new Error(), { code: 'EACCES' }), 'returns/903', 'folder')?.code //=> 'S-NOT-READABLE'
 */
export function unreadable(e: unknown, path: string, what: 'file' | 'folder'): ValidationIssue | null {
  const code = (e as { code?: unknown } | null)?.code;
  const name = basename(path);
  if (code === 'ENOENT')
    return structuralIssue(
      'S-NOT-FOUND',
      name,
      null,
      `${path} disappeared while the ${what === 'file' ? 'files' : 'folders'} were being read: re-run once the export has finished.`,
    );
  if (code === 'EACCES' || code === 'EPERM')
    return structuralIssue(
      'S-NOT-READABLE',
      name,
      null,
      `${path}: cspi is not allowed to read this ${what} (permission denied): give it read access, or leave the ${what} out, and re-run.`,
    );
  if (code === 'EIO' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'EMFILE' || code === 'ENFILE')
    return structuralIssue(
      'S-NOT-READABLE',
      name,
      null,
      `${path}: the ${what} could not be read (system error ${code}): check the disk or share, and re-run.`,
    );
  return null;
}
