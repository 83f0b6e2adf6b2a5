import { jsonSyntaxError } from './json-syntax-error.js';

/** Stable codes of problems in a targets or settings file. */
export type ConfigIssueCode =
  | 'CFG-FORMAT'
  | 'CFG-INDICATOR'
  | 'CFG-TARGET'
  | 'CFG-TOLERANCE'
  | 'CFG-TOLERANCE-UNIT'
  | 'CFG-KIND'
  | 'CFG-SCHEME'
  | 'CFG-RATING'
  | 'CFG-THRESHOLDS'
  | 'CFG-IN-LINE'
  | 'CFG-DUPLICATE'
  | 'CFG-SETTING';

/** A problem found in a targets or settings file, naming the file, the row or key, and the rule. */
export interface ConfigIssue {
  readonly code: ConfigIssueCode;
  readonly file: string;
  /** `line 3` (CSV, header = line 1), `targets[2]` or a key name (JSON); empty for the whole file. */
  readonly position: string;
  readonly message: string;
}

/** A parsed value, or the issues that stopped it. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/** "file position: message [CODE]" ("file: message [CODE]" for the whole file) for the terminal. */
export function formatIssue(i: ConfigIssue): string {
  return `${i.file}${i.position ? ` ${i.position}` : ''}: ${i.message} [${i.code}]`;
}

/**
 * The issue for a file JSON.parse refused: where (`line 3, column 9`) and why, never quoting the file (it may
 * hold child-level text; JSON.parse's own message quotes it, over two lines when it spans a line break).
 */
export function notJsonIssue(text: string, file: string): ConfigIssue {
  const e = jsonSyntaxError(text);
  return {
    code: 'CFG-FORMAT',
    file,
    position: e ? `line ${e.line}, column ${e.column}` : 'line 1',
    message: e ? `not valid JSON: ${e.reason}` : 'not valid JSON',
  };
}
