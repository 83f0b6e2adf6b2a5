/**
 * One column of a table held by column (SSDA903 episodes, CIN census elements): each row's value as an index into the column's distinct values (`values[0]`
 * is null), so a column is one typed array, with no pointer per row for the garbage collector to trace.
 */
/** A value a column holds: a code, a date, a number, yes/no, or none. */
export type ColumnValue = string | number | boolean | null;

export class Column<T extends ColumnValue> {
  constructor(
    /** Each row's value, as an index into {@link values}. */
    readonly index: Int32Array,
    /** The column's distinct values (index 0: null), shared strings as the reader found them. */
    readonly values: readonly T[],
  ) {}

  /** Row i's value. */
  at(i: number): T {
    return this.values[this.index[i]!]!;
  }
}

/**
 * A {@link Column} being built: each value's index found by identity with the last value first (codes repeat
 * row after row, and the reader shares one string per code), then in the map of the column's values.
 */
export class ColumnBuilder<T extends ColumnValue> {
  index = new Int32Array(1024);
  readonly values: (T | null)[] = [null];
  private readonly indexOf = new Map<T, number>();
  private last: T | null = null;
  private lastIndex = 0;

  set(i: number, v: T): void {
    if (i === this.index.length) {
      const grown = new Int32Array(i * 2);
      grown.set(this.index);
      this.index = grown;
    }
    if (v === this.last) {
      this.index[i] = this.lastIndex;
      return;
    }
    let k = 0;
    if (v !== null) {
      const found = this.indexOf.get(v);
      if (found === undefined) {
        k = this.values.length;
        this.values.push(v);
        this.indexOf.set(v, k);
      } else k = found;
    }
    this.index[i] = k;
    this.last = v;
    this.lastIndex = k;
  }

  build(n: number): Column<T> {
    return new Column(this.index.slice(0, n), this.values as T[]);
  }
}
