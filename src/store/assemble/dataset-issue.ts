import type { Severity, ValidationIssue } from '../../validate/issue.js';

/** A dataset check (stitching or cross-source, inputs.md §6): never rejects a row, listed with the version. */
export function datasetIssue(
  code: string,
  severity: Severity,
  message: string,
  at: {
    table?: string | null;
    childId?: string | null;
    file?: string | null;
    position?: string | null;
    field?: string | null;
    value?: string | null;
  } = {},
): ValidationIssue {
  return {
    code,
    severity,
    file: at.file ?? null,
    table: at.table ?? null,
    position: at.position ?? null,
    childId: at.childId ?? null,
    field: at.field ?? null,
    value: at.value ?? null,
    dfeRule: null,
    message,
  };
}
