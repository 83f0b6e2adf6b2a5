/**
 * An error meant for the person at the terminal: its message is printed as it is (no stack trace) and
 * the process exits with `exitCode` (inputs.md §6: 1 = rows rejected, 2 = structural, nothing loaded).
 * `code`, where given, names the refusal for the audit log (`cspi publish` audits a refused publish by it).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly exitCode = 2,
    readonly code?: string,
  ) {
    super(message);
  }
}
