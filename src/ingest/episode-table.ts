import type { IsoDate } from '../calendar/iso-date.js';
import type { Episode } from '../model/episode.js';
import type { RecordTables, StagedTables } from './staged.js';
import type { Column } from './column.js';
import { ColumnBuilder } from './column.js';
import { isRowTable } from './row-table.js';
import { ChildIndex } from './child-index.js';

export { Column } from './column.js';

/**
 * The coded fields of an episode (inputs.md §2.1), in the record's field order: each a column of the codes as
 * read (upper case, shared strings, null for blank).
 */
export const EPISODE_CODE_FIELDS = [
  'rne',
  'ls',
  'cin',
  'place',
  'placeProvider',
  'rec',
  'reasonPlaceChange',
  'homePost',
  'plPost',
  'urn',
] as const;

export type EpisodeCodeField = (typeof EPISODE_CODE_FIELDS)[number];

/** One staged episode's values, as the reader hands them to {@link EpisodeTableBuilder.add}. */
export type EpisodeCodes = Readonly<Record<EpisodeCodeField, string | null>>;

/**
 * The SSDA903 episodes of one submission, held by column (the performance plan in docs/performance-history.md):
 * no object per row while reading, checking and storing. Each column is indexed by row: the child as an index
 * into `childIds` (its distinct ids in first-seen order), the dates, codes and file as {@link Column}s of the
 * shared strings the reader found (ISO dates from its date cache, codes interned), `plDistance` as numbers (NaN
 * for none), each row's position as its string. A row's {@link Episode} record is made only when asked for
 * ({@link record}), with the same values, id (`CHILD/DECOM`) and source as the reader made them before episodes
 * were held by column.
 *
 * A table is never changed once built: filtering and repairing make a new one ({@link without},
 * {@link withRepairs}), so a rule's cache keyed by the table stays right.
 */
export class EpisodeTable {
  private constructor(
    readonly length: number,
    readonly childIds: readonly string[],
    /** The row's child id, as an index into {@link childIds}. */
    readonly child: Int32Array,
    readonly decom: Column<IsoDate>,
    readonly dec: Column<IsoDate | null>,
    readonly codes: Readonly<Record<EpisodeCodeField, Column<string | null>>>,
    readonly plDistance: Float64Array,
    readonly file: Column<string>,
    readonly position: readonly string[],
    /** Ids that are not `CHILD/DECOM` (only a table made from records: {@link fromRecords}), by row. */
    private readonly ids: ReadonlyMap<number, string> | null,
  ) {}

  /** The row's child id. */
  childId(i: number): string {
    return this.childIds[this.child[i]!]!;
  }

  /** The row's id: its natural key `CHILD/DECOM` (inputs.md §1.1). */
  id(i: number): string {
    return this.ids?.get(i) ?? `${this.childIds[this.child[i]!]!}/${this.decom.at(i)}`;
  }

  /**
   * True when every row's id is its natural key `CHILD/DECOM` (always so for a table a reader built; a table made
   * from records may keep other ids: {@link fromRecords}).
   */
  get idsAreNaturalKeys(): boolean {
    return this.ids === null;
  }

  /** The row's supplied PL_DISTANCE, null when none. */
  distance(i: number): number | null {
    const v = this.plDistance[i]!;
    return Number.isNaN(v) ? null : v;
  }

  /** The row's file. */
  sourceFile(i: number): string {
    return this.file.at(i);
  }

  /** The row's position (`line 7`, an XML path). */
  sourcePosition(i: number): string {
    return this.position[i]!;
  }

  /** The row's source: its file and position (`line 7`, an XML path). */
  source(i: number): { readonly file: string; readonly position: string } {
    return { file: this.file.at(i), position: this.position[i]! };
  }

  /** Row i as an {@link Episode} record (a new object each call). */
  record(i: number): Episode {
    const c = this.codes;
    return {
      id: this.id(i),
      childId: this.childId(i),
      decom: this.decom.at(i),
      rne: c.rne.at(i),
      ls: c.ls.at(i),
      cin: c.cin.at(i),
      place: c.place.at(i),
      placeProvider: c.placeProvider.at(i),
      dec: this.dec.at(i),
      rec: c.rec.at(i),
      reasonPlaceChange: c.reasonPlaceChange.at(i),
      homePost: c.homePost.at(i),
      plPost: c.plPost.at(i),
      urn: c.urn.at(i),
      plDistance: this.distance(i),
      source: this.source(i),
    };
  }

  /** Every row as a record, in row order (the store merges records: `recordTablesOf`). */
  records(): Episode[] {
    const out = new Array<Episode>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.record(i);
    return out;
  }

  /** The table without the rows `drop` marks (1), or this table when it marks none. */
  without(drop: Uint8Array): EpisodeTable {
    const b = new EpisodeTableBuilder();
    let dropped = false;
    for (let i = 0; i < this.length; i++) {
      if (drop[i] === 1) dropped = true;
      else b.copyRow(this, i);
    }
    return dropped ? b.build() : this;
  }

  /** The table with rows replaced by records (a warning's repair), or this table when there are none. */
  withRepairs(repairs: ReadonlyMap<number, Episode>): EpisodeTable {
    if (repairs.size === 0) return this;
    const b = new EpisodeTableBuilder();
    for (let i = 0; i < this.length; i++) {
      const r = repairs.get(i);
      if (r === undefined) b.copyRow(this, i);
      else b.addRecord(r);
    }
    return b.build();
  }

  /** This table's rows then another's. */
  concat(other: EpisodeTable): EpisodeTable {
    const b = new EpisodeTableBuilder();
    for (let i = 0; i < this.length; i++) b.copyRow(this, i);
    for (let i = 0; i < other.length; i++) b.copyRow(other, i);
    return b.build();
  }

  /**
   * A table of records (tests, and records read back from elsewhere): `fromRecords(rs).record(i)` gives a record
   * equal to `rs[i]` (an id that is not `CHILD/DECOM` is kept as it is).
   */
  static fromRecords(records: readonly Episode[]): EpisodeTable {
    const b = new EpisodeTableBuilder();
    for (const r of records) b.addRecord(r);
    return b.build();
  }

  /** @internal Used by {@link EpisodeTableBuilder.build}. */
  static of(
    length: number,
    childIds: readonly string[],
    child: Int32Array,
    decom: Column<IsoDate>,
    dec: Column<IsoDate | null>,
    codes: Readonly<Record<EpisodeCodeField, Column<string | null>>>,
    plDistance: Float64Array,
    file: Column<string>,
    position: readonly string[],
    ids: ReadonlyMap<number, string> | null,
  ): EpisodeTable {
    return new EpisodeTable(length, childIds, child, decom, dec, codes, plDistance, file, position, ids);
  }
}

/**
 * Builds an {@link EpisodeTable} row by row: the columns grow as rows are added, each row's child indexed by a
 * {@link ChildIndex}.
 */
export class EpisodeTableBuilder {
  private n = 0;
  private readonly children = new ChildIndex();
  private child = new Int32Array(1024);
  private readonly decom = new ColumnBuilder<IsoDate>();
  private readonly dec = new ColumnBuilder<IsoDate | null>();
  private readonly rne = new ColumnBuilder<string | null>();
  private readonly ls = new ColumnBuilder<string | null>();
  private readonly cin = new ColumnBuilder<string | null>();
  private readonly place = new ColumnBuilder<string | null>();
  private readonly placeProvider = new ColumnBuilder<string | null>();
  private readonly rec = new ColumnBuilder<string | null>();
  private readonly reasonPlaceChange = new ColumnBuilder<string | null>();
  private readonly homePost = new ColumnBuilder<string | null>();
  private readonly plPost = new ColumnBuilder<string | null>();
  private readonly urn = new ColumnBuilder<string | null>();
  private plDistance = new Float64Array(1024);
  private readonly file = new ColumnBuilder<string>();
  private readonly position: string[] = [];
  private ids: Map<number, string> | null = null;

  get length(): number {
    return this.n;
  }

  /** Adds a row: the reader's values, `plDistance` null when none. */
  add(
    childId: string,
    decom: IsoDate,
    dec: IsoDate | null,
    rne: string | null,
    ls: string | null,
    cin: string | null,
    place: string | null,
    placeProvider: string | null,
    rec: string | null,
    reasonPlaceChange: string | null,
    homePost: string | null,
    plPost: string | null,
    urn: string | null,
    plDistance: number | null,
    file: string,
    position: string,
  ): void {
    const i = this.n;
    if (i === this.child.length) this.grow();
    this.child[i] = this.children.of(childId);
    this.decom.set(i, decom);
    this.dec.set(i, dec);
    this.rne.set(i, rne);
    this.ls.set(i, ls);
    this.cin.set(i, cin);
    this.place.set(i, place);
    this.placeProvider.set(i, placeProvider);
    this.rec.set(i, rec);
    this.reasonPlaceChange.set(i, reasonPlaceChange);
    this.homePost.set(i, homePost);
    this.plPost.set(i, plPost);
    this.urn.set(i, urn);
    this.plDistance[i] = plDistance ?? NaN;
    this.file.set(i, file);
    this.position.push(position);
    this.n = i + 1;
  }

  /** Adds a record as a row (its id kept when it is not `CHILD/DECOM`). */
  addRecord(r: Episode): void {
    const i = this.n;
    this.add(
      r.childId,
      r.decom,
      r.dec,
      r.rne,
      r.ls,
      r.cin,
      r.place,
      r.placeProvider,
      r.rec,
      r.reasonPlaceChange,
      r.homePost,
      r.plPost,
      r.urn,
      r.plDistance,
      r.source.file,
      r.source.position,
    );
    if (r.id !== `${r.childId}/${r.decom}`) (this.ids ??= new Map()).set(i, r.id);
  }

  /** Adds row i of a table. */
  copyRow(t: EpisodeTable, i: number): void {
    const c = t.codes;
    const at = this.n;
    this.add(
      t.childId(i),
      t.decom.at(i),
      t.dec.at(i),
      c.rne.at(i),
      c.ls.at(i),
      c.cin.at(i),
      c.place.at(i),
      c.placeProvider.at(i),
      c.rec.at(i),
      c.reasonPlaceChange.at(i),
      c.homePost.at(i),
      c.plPost.at(i),
      c.urn.at(i),
      t.distance(i),
      t.file.at(i),
      t.position[i]!,
    );
    if (!t.idsAreNaturalKeys) {
      const id = t.id(i);
      if (id !== `${t.childId(i)}/${t.decom.at(i)}`) (this.ids ??= new Map()).set(at, id);
    }
  }

  /** The table of the rows added: the builder hands its columns over, so it is not used again. */
  build(): EpisodeTable {
    const n = this.n;
    return EpisodeTable.of(
      n,
      this.children.ids,
      this.child.slice(0, n),
      this.decom.build(n),
      this.dec.build(n),
      {
        rne: this.rne.build(n),
        ls: this.ls.build(n),
        cin: this.cin.build(n),
        place: this.place.build(n),
        placeProvider: this.placeProvider.build(n),
        rec: this.rec.build(n),
        reasonPlaceChange: this.reasonPlaceChange.build(n),
        homePost: this.homePost.build(n),
        plPost: this.plPost.build(n),
        urn: this.urn.build(n),
      },
      this.plDistance.slice(0, n),
      this.file.build(n),
      this.position,
      this.ids,
    );
  }

  private grow(): void {
    const child = new Int32Array(this.child.length * 2);
    child.set(this.child);
    this.child = child;
    const d = new Float64Array(this.plDistance.length * 2).fill(NaN);
    d.set(this.plDistance);
    this.plDistance = d;
  }
}

/**
 * Staged tables as the store merges them: every table held by column (episodes, a census's CIN tables) as records;
 * a table of records is handed on as it is.
 * @example recordTablesOf(submission.tables).episodes?.[0]?.decom //=> '2021-04-01'
 */
export function recordTablesOf(tables: StagedTables): RecordTables {
  const out: Record<string, unknown> = {};
  for (const [key, t] of Object.entries(tables)) out[key] = isRowTable(t) ? t.records() : t;
  return out as RecordTables;
}

/**
 * Tables of records as the readers stage them: episodes held by column (tests, fixtures and tools that build
 * records by hand).
 */
export function stagedTablesOf(tables: RecordTables): StagedTables {
  const { episodes, ...rest } = tables;
  return episodes === undefined ? rest : { ...rest, episodes: EpisodeTable.fromRecords(episodes) };
}
