import type { IsoDate } from '../calendar/iso-date.js';
import type { RecordTables, StagedTables } from './staged.js';
import type { Severity, ValidationIssue } from '../validate/issue.js';
import { clipValue } from './clip-value.js';
import { upnHash } from './upn-hash.js';
import { EpisodeTableBuilder } from './episode-table.js';
import { CinTablesBuilder } from './cin/cin-tables-builder.js';

/** Raw values a record does not keep but rules need (e.g. the DOB column of Reviews, the SEX code as given). */
export type RecordExtras = Readonly<Record<string, string | null>>;

export type StagedTableName = keyof StagedTables;
/** The staged tables held as arrays of records (all but SSDA903 episodes, held by column). */
export type RecordTableName = Exclude<StagedTableName, 'episodes'>;
export type StagedRecord = NonNullable<RecordTables[RecordTableName]>[number];

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
 * The dates a row (or XML element) the reader loaded gives its submission (inputs.md §1, §5): its key date, for
 * the key-date range a newer local file replaces (null where none), and its latest event date up to today, for
 * the as-at date.
 */
export interface RowDates {
  readonly key: IsoDate | null;
  readonly latest: IsoDate | null;
}

/**
 * Where one file's reader puts what it reads: staged records by table, raw extras for rules, issues, and the
 * number of rows (or elements) read per table label, for the read = loaded + rejected accounting.
 */
export class FileSink {
  private readonly staged: StagedTables = {};
  /** The episodes read so far, until {@link tables} is first asked for once reading is done. */
  private episodeRows: EpisodeTableBuilder | null = null;
  /** The CIN census elements read so far, until {@link tables} is first asked for once reading is done. */
  private cinRows: CinTablesBuilder | null = null;
  private cinTaken = false;
  readonly issues: ValidationIssue[] = [];
  /** Rows read per label, as one counter object each: counting a row is then one look-up, not a get and a set. */
  private readonly counters = new Map<string, { n: number }>();
  /**
   * The dates of each row the reader loaded, by its records' position (`line 7`, `List 3!A5`, an XML path):
   * the submission's as-at date and range are worked out from the rows still loaded after the rules ran, so a
   * row a rule rejects (GEN-DUP-KEY…) dates nothing (`datesOfLoadedRows`).
   */
  readonly rowDates = new Map<string, RowDates>();
  /** Child records and their UPNs as read, waiting for the import's UPN key ({@link hashUpns}). */
  private pendingUpns: { readonly child: { upnHash: string | null }; readonly upn: string }[] = [];

  constructor(
    readonly file: string,
    readonly extras: WeakMap<object, RecordExtras>,
  ) {}

  /**
   * What the file's reader staged, by table. Asked for once reading is done: the episodes read are then made
   * one table (an episode staged after that is a programming error).
   */
  get tables(): StagedTables {
    const rows = this.episodeRows;
    if (rows !== null) {
      this.episodeRows = null;
      this.staged.episodes = rows.build();
    }
    const cin = this.cinRows;
    if (cin !== null) {
      this.cinRows = null;
      this.cinTaken = true;
      Object.assign(this.staged, cin.build());
    }
    return this.staged;
  }

  /**
   * The CIN census elements being read ({@link CinTablesBuilder}): the referrals, assessments, CIN plans, Section 47s
   * and CP plans tables, held by column.
   */
  get cin(): CinTablesBuilder {
    if (this.cinRows !== null) return this.cinRows;
    if (this.cinTaken) throw new Error(`${this.file}: CIN elements staged after reading ended`);
    return (this.cinRows = new CinTablesBuilder(this.file));
  }

  /** The episodes being read ({@link EpisodeTableBuilder.add} stages one). */
  get episodes(): EpisodeTableBuilder {
    if (this.episodeRows !== null) return this.episodeRows;
    if (this.staged.episodes !== undefined)
      throw new Error(`${this.file}: episodes staged after reading ended`);
    return (this.episodeRows = new EpisodeTableBuilder());
  }

  /** Counts one row or element read under a table label (`Episodes`, `CINdetails`). */
  read(label: string): void {
    const c = this.counters.get(label);
    if (c === undefined) this.counters.set(label, { n: 1 });
    else c.n++;
  }

  /**
   * Notes that the file holds a table, so it is counted even with no row (a header-only CSV: read 0, inputs.md
   * §6), and the analyst sees the file was read.
   */
  holds(label: string): void {
    if (!this.counters.has(label)) this.counters.set(label, { n: 0 });
  }

  /** Rows (or elements) read so far per table label, in the order the labels were first met. */
  get reads(): ReadonlyMap<string, number> {
    const out = new Map<string, number>();
    for (const [label, c] of this.counters) out.set(label, c.n);
    return out;
  }

  /** Stages a record (with raw extras for rules, if any). */
  add<K extends RecordTableName>(
    table: K,
    record: NonNullable<RecordTables[K]>[number],
    extras?: RecordExtras,
  ): void {
    const list = (this.staged[table] ??= []) as unknown[];
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

  /**
   * Notes a staged child's UPN, to be hashed by {@link hashUpns} once the import's LA is known: the key
   * depends on the LA, which may come from a CIN census read after this file (inputs.md §1, §7).
   */
  upn(child: { readonly upnHash: string | null }, upn: string | null): void {
    if (upn !== null) this.pendingUpns.push({ child: child as { upnHash: string | null }, upn });
  }

  /** Sets the UPN hash of every child noted by {@link upn}, under the import's key, and forgets the UPNs. */
  hashUpns(key: string): void {
    for (const { child, upn } of this.pendingUpns) child.upnHash = upnHash(upn, key);
    this.pendingUpns = [];
  }

  /** Notes the dates of a loaded row (or element) at a position; an earlier note there is widened. */
  dated(position: string, key: IsoDate | null, latest: IsoDate | null): void {
    const was = this.rowDates.get(position);
    if (was === undefined) {
      this.rowDates.set(position, { key, latest });
      return;
    }
    this.rowDates.set(position, {
      key: was.key === null || (key !== null && key > was.key) ? key : was.key,
      latest: was.latest === null || (latest !== null && latest > was.latest) ? latest : was.latest,
    });
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
