import type { StagedTables } from './staged.js';
import type { Severity, ValidationIssue } from '../validate/issue.js';
import { clipValue } from './clip-value.js';

/** Raw values a record does not keep but rules need (e.g. the DOB column of Reviews, the SEX code as given). */
export type RecordExtras = Readonly<Record<string, string | null>>;

export type StagedTableName = keyof StagedTables;
export type StagedRecord = NonNullable<StagedTables[StagedTableName]>[number];

/** A row-level issue before it is stamped with the file. */
export interface RowIssueInput {
  readonly code: string;
  readonly severity: Severity;
  readonly table: string;
  readonly position: string | null;
  readonly childId?: string | null;
  readonly field?: string | null;
  readonly value?: string | null;
  readonly dfeRule?: string | null;
  readonly message: string;
}

/**
 * Where one file's reader puts what it reads: staged records by table, raw extras for rules, issues, and the
 * number of rows (or elements) read per table label, for the read = loaded + rejected accounting.
 */
export class FileSink {
  readonly tables: StagedTables = {};
  readonly issues: ValidationIssue[] = [];
  readonly reads = new Map<string, number>();

  constructor(
    readonly file: string,
    readonly extras: WeakMap<object, RecordExtras>,
  ) {}

  /** Counts one row or element read under a table label (`Episodes`, `CINdetails`). */
  read(label: string): void {
    this.reads.set(label, (this.reads.get(label) ?? 0) + 1);
  }

  /** Stages a record (with raw extras for rules, if any). */
  add<K extends StagedTableName>(
    table: K,
    record: NonNullable<StagedTables[K]>[number],
    extras?: RecordExtras,
  ): void {
    const list = (this.tables[table] ??= []) as unknown[];
    list.push(record);
    if (extras) this.extras.set(record as object, extras);
  }

  /**
   * A record id: its natural key within the table (inputs.md §1.1). A repeated key gives a repeated id; the
   * GEN-DUP-KEY rule rejects the later record, so loaded ids stay unique.
   */
  id(_table: string, key: string, _position: string): string {
    return key;
  }

  /** Records an issue found while reading a row. */
  issue(i: RowIssueInput): void {
    this.issues.push({
      code: i.code,
      severity: i.severity,
      file: this.file,
      table: i.table,
      position: i.position,
      childId: i.childId ?? null,
      field: i.field ?? null,
      value: clipValue(i.value),
      dfeRule: i.dfeRule ?? null,
      message: i.message,
    });
  }
}
