import type { IsoDate } from '../../calendar/iso-date.js';
import type { SourceRef } from '../../model/source.js';
import type { XmlNode } from '../xml/xml-schema.js';
import type { Column } from '../column.js';
import { ColumnBuilder, type ColumnValue } from '../column.js';
import { ChildIndex } from '../child-index.js';
import type { CinPlan } from '../../model/cin.js';
import type {
  CinRecord,
  CinShape,
  FieldColumn,
  ListColumn,
  ListField,
  NamedColumn,
  ValueField,
} from './cin-shapes.js';

type Value = ColumnValue;

/** A whole number per row, in an Int32Array grown as rows are added. */
class Ints {
  data = new Int32Array(256);

  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const grown = new Int32Array(Math.max(i + 1, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[i] = v;
  }
}

/** A list per row: the values of every row end to end, and where each row's list starts. */
class Lists {
  private readonly start = new Ints();
  private readonly values = new ColumnBuilder<string>();
  private n = 0;

  constructor() {
    this.start.set(0, 0);
  }

  /** Row i's list (rows are added in order). */
  set(i: number, list: readonly string[]): void {
    for (const v of list) this.values.set(this.n++, v);
    this.start.set(i + 1, this.n);
  }

  /** Row i's list, a new array of its exact length. */
  at(i: number): string[] {
    const from = this.start.data[i]!;
    const to = this.start.data[i + 1]!;
    const out = new Array<string>(to - from);
    const { index, values } = this.values;
    for (let k = from; k < to; k++) out[k - from] = values[index[k]!]!;
    return out;
  }

  /** How many values row i's list holds. */
  size(i: number): number {
    return this.start.data[i + 1]! - this.start.data[i]!;
  }

  /** The lists as they are held (read only: a built table's lists are not added to). */
  column(): ListColumn {
    return {
      start: this.start.data,
      index: this.values.index,
      values: this.values.values,
      at: (i) => this.at(i),
    };
  }
}

/**
 * One CIN census table (referrals, assessments, CIN plans, Section 47s or CP plans) held by column, as the SSDA903
 * episodes are (the performance plan in docs/performance-history.md): no record, source, id or position string per
 * element while a census is read and checked. A row read from the census keeps its values as the reader found
 * them (ISO dates from the date cache, interned codes) and the numbers of its place in the file; its record, id
 * and position (`/Message/Children/Child[37]/CINdetails[2] line 881:14`) are made only when asked for
 * ({@link record}), equal to those the reader made before the tables were held by column.
 *
 * A row may also be a record (one staged by another source, a test's, a rule's repair): the table then keeps
 * that object and {@link record} gives it back as it is, so a rule's hit names the very record staged.
 *
 * A table is never changed once built: dropping or repairing rows makes a new one.
 */
export class CinTable<R extends CinRecord> {
  private constructor(
    readonly shape: CinShape<R>,
    readonly length: number,
    /** The distinct child ids, in first-seen order. */
    readonly childIds: readonly string[],
    /** The row's child, as an index into {@link childIds}. */
    readonly child: Int32Array,
    private readonly values: ReadonlyMap<string, Column<Value>>,
    private readonly lists: ReadonlyMap<string, Lists>,
    /**
     * Each row's CINdetails date (nested tables: for the referral id); null for a record's row. With the child and
     * (but for a referral) the start date, a row's natural key: the parts its {@link id} is written from.
     */
    readonly referralDate: Column<IsoDate | null>,
    private readonly place: Places,
    /** Rows that are records as staged, by row. */
    private readonly staged: ReadonlyMap<number, R> | null,
  ) {
    this.valueColumns = [...values.values()];
    this.listColumns = [...lists.values()];
  }

  /**
   * The value columns in the shape's order (the fields it holds as `value`): for {@link CinShape.make}, and for
   * code that compares whole rows column by column.
   */
  readonly valueColumns: readonly Column<Value>[];
  /** The list columns in the shape's order (for {@link CinShape.make}). */
  private readonly listColumns: readonly Lists[];

  /** The column of a value field. */
  field<K extends ValueField<R>>(name: K): FieldColumn<R[K]> {
    const c = this.values.get(name);
    if (c === undefined) throw new Error(`${this.shape.table} has no column ${name}`);
    return c as unknown as FieldColumn<R[K]>;
  }

  /** Row i's list field (a new array). */
  list(name: ListField<R>, i: number): string[] {
    return this.lists.get(name)!.at(i);
  }

  /** How many values row i's list field holds. */
  listSize(name: ListField<R>, i: number): number {
    return this.lists.get(name)!.size(i);
  }

  /** A list field as it is held, for a rule that judges each distinct value once. */
  listColumn(name: ListField<R>): ListColumn {
    const l = this.lists.get(name);
    if (l === undefined) throw new Error(`${this.shape.table} has no list ${name}`);
    return l.column();
  }

  /**
   * A field named at run time (a rule's field list: table-fields.ts names fields by record property): its column
   * of values or of lists; undefined for a name that is neither (an id, the source, no field of the table).
   */
  namedColumn(name: string): NamedColumn | undefined {
    const c = this.values.get(name);
    if (c !== undefined) return { kind: 'value', column: c };
    const l = this.lists.get(name);
    return l === undefined ? undefined : { kind: 'list', column: l.column() };
  }

  /** Row i's child id. */
  childId(i: number): string {
    return this.childIds[this.child[i]!]!;
  }

  /** Row i's record id. */
  id(i: number): string {
    const s = this.staged?.get(i);
    if (s !== undefined) return s.id;
    return naturalId(this, i);
  }

  /** Row i's referral id (a nested table's: its CINdetails' id). */
  referralId(i: number): string {
    const s = this.staged?.get(i);
    if (s !== undefined) return (s as { referralId?: string }).referralId ?? '';
    return [this.childId(i), this.referralDate.at(i)].join('/');
  }

  /** Row i's file. */
  sourceFile(i: number): string {
    const s = this.staged?.get(i);
    return s !== undefined ? s.source.file : this.place.file(i);
  }

  /** Row i's position (`/Message/…/CINdetails[2] line 881:14`). */
  sourcePosition(i: number): string {
    const s = this.staged?.get(i);
    return s !== undefined ? s.source.position : this.place.position(i, this.shape.element);
  }

  /** Row i as its record: the staged object itself for a row that is one, else a new one. */
  record(i: number): R {
    const s = this.staged?.get(i);
    return s !== undefined ? s : this.shape.make(this, i, this.valueColumns, this.listColumns);
  }

  /** Row i's source (a new object; a staged record's own). */
  source(i: number): SourceRef {
    const s = this.staged?.get(i);
    return s !== undefined
      ? s.source
      : { file: this.place.file(i), position: this.place.position(i, this.shape.element) };
  }

  /** Every row as its record, in row order. */
  records(): R[] {
    const out = new Array<R>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.record(i);
    return out;
  }

  /** The table without the rows `drop` marks (1), or this table when it marks none. */
  without(drop: Uint8Array): CinTable<R> {
    const b = new CinTableBuilder(this.shape);
    let dropped = false;
    for (let i = 0; i < this.length; i++) {
      if (drop[i] === 1) dropped = true;
      else b.copyRow(this, i);
    }
    return dropped ? b.build() : this;
  }

  /** The table with rows replaced by records (a warning's repair), or this table when there are none. */
  withRepairs(repairs: ReadonlyMap<number, R>): CinTable<R> {
    if (repairs.size === 0) return this;
    const b = new CinTableBuilder(this.shape);
    for (let i = 0; i < this.length; i++) {
      const r = repairs.get(i);
      if (r === undefined) b.copyRow(this, i);
      else b.addRecord(r);
    }
    return b.build();
  }

  /** This table's rows then another's. */
  concat(other: CinTable<R>): CinTable<R> {
    const b = new CinTableBuilder(this.shape);
    for (let i = 0; i < this.length; i++) b.copyRow(this, i);
    for (let i = 0; i < other.length; i++) b.copyRow(other, i);
    return b.build();
  }

  /** A table whose rows are these records, each given back as it is by {@link record}. */
  static fromRecords<R extends CinRecord>(shape: CinShape<R>, records: readonly R[]): CinTable<R> {
    const b = new CinTableBuilder(shape);
    for (const r of records) b.addRecord(r);
    return b.build();
  }

  /** Whether any row is a record as staged ({@link isStaged}): such a row's ids are its record's own. */
  get hasStagedRows(): boolean {
    return this.staged !== null && this.staged.size > 0;
  }

  /** Whether row i is a record as staged (not made from the census's columns). */
  isStaged(i: number): boolean {
    return this.staged?.has(i) ?? false;
  }

  /** @internal The row's place, for {@link CinTableBuilder.copyRow}. */
  placeOf(): Places {
    return this.place;
  }

  /** Row i's CINdetails date (for a referral its own), for a row read from a census (not one staged as a record). */
  referralDateAt(i: number): IsoDate {
    return this.referralDate.at(i)!;
  }

  /** @internal Used by {@link CinTableBuilder.build}. */
  static of<R extends CinRecord>(
    shape: CinShape<R>,
    length: number,
    childIds: readonly string[],
    child: Int32Array,
    values: ReadonlyMap<string, Column<Value>>,
    lists: ReadonlyMap<string, Lists>,
    referralDate: Column<IsoDate | null>,
    place: Places,
    staged: ReadonlyMap<number, R> | null,
  ): CinTable<R> {
    return new CinTable(shape, length, childIds, child, values, lists, referralDate, place, staged);
  }
}

/** Row i's natural key, from its columns. */
function naturalId<R extends CinRecord>(t: CinTable<R>, i: number): string {
  const childId = t.childId(i);
  const key = t.shape.idKey;
  if (key === 'referral') return [childId, t.referralDateAt(i)].join('/');
  const start = (t as unknown as CinTable<CinPlan>).field('startDate').at(i);
  return key === 'referral-start'
    ? [childId, t.referralDateAt(i), start].join('/')
    : [childId, start].join('/');
}

/**
 * Where each row was read: its file, and the numbers its position is written from (its Child's number, its
 * CINdetails' number, its own number within the CINdetails (0 for a CINdetails), its line and column), with the
 * Child elements' path up to their number (`/Message/Children/Child[`), per file.
 */
export class Places {
  readonly fileOf = new ColumnBuilder<string>();
  readonly childPath = new ColumnBuilder<string>();
  readonly childNo = new Ints();
  readonly details = new Ints();
  readonly no = new Ints();
  readonly line = new Ints();
  readonly column = new Ints();

  file(i: number): string {
    return this.fileOf.values[this.fileOf.index[i]!]!;
  }

  /** Row i's position, as `xmlPosition` writes it: one flat string (`join`). */
  position(i: number, element: string): string {
    const parts: (string | number)[] = [
      this.childPath.values[this.childPath.index[i]!]!,
      this.childNo.data[i]!,
      ']/CINdetails[',
      this.details.data[i]!,
      ']',
    ];
    const no = this.no.data[i]!;
    if (no !== 0) parts.push('/', element, '[', no, ']');
    parts.push(' line ', this.line.data[i]!, ':', this.column.data[i]!);
    return parts.join('');
  }

  set(
    i: number,
    file: string,
    childPath: string,
    childNo: number,
    details: number,
    no: number,
    line: number,
    column: number,
  ): void {
    this.fileOf.set(i, file);
    this.childPath.set(i, childPath);
    this.childNo.set(i, childNo);
    this.details.set(i, details);
    this.no.set(i, no);
    this.line.set(i, line);
    this.column.set(i, column);
  }

  copy(i: number, from: Places, j: number): void {
    this.set(
      i,
      from.file(j),
      from.childPath.values[from.childPath.index[j]!]!,
      from.childNo.data[j]!,
      from.details.data[j]!,
      from.no.data[j]!,
      from.line.data[j]!,
      from.column.data[j]!,
    );
  }
}

/** The place of a row that is a record (its source is the record's own): never read. */
const NO_PLACE = ['', '', 0, 0, 0, 0, 0] as const;

/** Builds a {@link CinTable} row by row. */
export class CinTableBuilder<R extends CinRecord> {
  private n = 0;
  private readonly child = new Ints();
  private readonly values = new Map<string, ColumnBuilder<Value>>();
  private readonly lists = new Map<string, Lists>();
  private readonly referralDate = new ColumnBuilder<IsoDate | null>();
  private readonly place = new Places();
  private staged: Map<number, R> | null = null;
  /** The value columns in the shape's order, for {@link addRow}. */
  private readonly valueColumns: ColumnBuilder<Value>[] = [];
  private readonly listColumns: Lists[] = [];

  /**
   * @param children The child ids the rows' child indexes point into: the table's own, or one shared by a census
   * file's tables (the built table's `childIds` may then list children with no row in it).
   */
  constructor(
    readonly shape: CinShape<R>,
    private readonly children: ChildIndex = new ChildIndex(),
  ) {
    for (const [name, kind] of shape.fields) {
      if (kind === 'value') {
        const b = new ColumnBuilder<Value>();
        this.values.set(name, b);
        this.valueColumns.push(b);
      } else if (kind === 'list') {
        const l = new Lists();
        this.lists.set(name, l);
        this.listColumns.push(l);
      }
    }
  }

  get length(): number {
    return this.n;
  }

  /**
   * Adds a row read from a census: its child (an index from the builder's {@link ChildIndex}), its CINdetails' date, where it sits (`childPath` the Child elements'
   * path up to their number, `childNo` its Child's number, `details` its CINdetails' number, `node` the element:
   * a CINdetails or one numbered inside it), and its value and list fields in the shape's order.
   */
  addRow(
    child: number,
    referralDate: IsoDate,
    file: string,
    childPath: string,
    childNo: number,
    details: number,
    node: XmlNode,
    values: readonly Value[],
    lists: readonly (readonly string[])[] = NO_LISTS,
  ): void {
    const i = this.n++;
    this.child.set(i, child);
    this.referralDate.set(i, referralDate);
    const cols = this.valueColumns;
    for (let k = 0; k < cols.length; k++) cols[k]!.set(i, values[k]!);
    const ls = this.listColumns;
    for (let k = 0; k < ls.length; k++) ls[k]!.set(i, lists[k]!);
    const no = this.shape.table === 'referrals' ? 0 : node.index;
    this.place.set(i, file, childPath, childNo, details, no, node.line, node.column);
  }

  /** Adds a record as a row: {@link CinTable.record} gives it back as it is. */
  addRecord(r: R): void {
    const i = this.n++;
    this.child.set(i, this.children.of(r.childId));
    // Not read for a record's row: its ids are its own.
    this.referralDate.set(i, null);
    const x = r as unknown as Record<string, unknown>;
    for (const [name, b] of this.values) b.set(i, (x[name] ?? null) as Value);
    for (const [name, l] of this.lists) l.set(i, (x[name] as readonly string[] | undefined) ?? []);
    this.place.set(i, ...NO_PLACE);
    (this.staged ??= new Map()).set(i, r);
  }

  /** Adds row i of a table. */
  copyRow(t: CinTable<R>, i: number): void {
    if (t.isStaged(i)) {
      this.addRecord(t.record(i));
      return;
    }
    const at = this.n++;
    this.child.set(at, this.children.of(t.childId(i)));
    this.referralDate.set(at, t.referralDateAt(i));
    for (const [name, b] of this.values) b.set(at, t.field(name as ValueField<R>).at(i) as Value);
    for (const [name, l] of this.lists) l.set(at, t.list(name as ListField<R>, i));
    this.place.copy(at, t.placeOf(), i);
  }

  /** The table of the rows added: the builder hands its columns over, so it is not used again. */
  build(): CinTable<R> {
    const n = this.n;
    const values = new Map<string, Column<Value>>();
    for (const [name, b] of this.values) values.set(name, b.build(n));
    return CinTable.of(
      this.shape,
      n,
      this.children.ids,
      this.child.data.slice(0, n),
      values,
      this.lists,
      this.referralDate.build(n),
      this.place,
      this.staged,
    );
  }
}

const NO_LISTS: readonly (readonly string[])[] = [];

const tablesOfRecords = new WeakMap<readonly object[], object>();

/**
 * A CIN table as a rule reads it: a census's, held by column, as it is; another source's records (Annex A, a test's)
 * as a {@link CinTable} of those very records (made once per array), so one reading serves both. A hit names its
 * row and `t.record(row)`, which for a table of records is the staged record itself.
 * @example const t = cinTableOf(REFERRAL_SHAPE, ctx.tables.referrals); t?.field('closureDate').at(0)
 */
export function cinTableOf<R extends CinRecord>(
  shape: CinShape<R>,
  t: readonly R[] | CinTable<R> | undefined,
): CinTable<R> | undefined {
  if (t === undefined) return undefined;
  if (t instanceof CinTable) return t;
  let out = tablesOfRecords.get(t) as CinTable<R> | undefined;
  if (out === undefined) tablesOfRecords.set(t, (out = CinTable.fromRecords(shape, t) as CinTable<R>));
  return out;
}
