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
