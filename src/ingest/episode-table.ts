import type { IsoDate } from '../calendar/iso-date.js';
import type { Episode } from '../model/episode.js';
import type { RecordTables, StagedTables } from './staged.js';

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
 * no object per row while reading, checking and storing. Each column is an array indexed by row: the child as an
 * index into `childIds` (its distinct ids in first-seen order), the dates and codes as the shared strings the
 * reader found (ISO dates from its date cache, codes interned), `plDistance` as numbers (NaN for none), and each
 * row's file and position. A row's {@link Episode} record is made only when asked for ({@link record}), with the
 * same values, id (`CHILD/DECOM`) and source as the reader made them before episodes were held by column.
 *
 * A table is never changed once built: filtering and repairing make a new one ({@link without},
 * {@link withRepairs}), so a rule's cache keyed by the table stays right.
 */
export class EpisodeTable {
  /** The row's child id, as an index into {@link childIds}. */
  readonly child: Int32Array;

  private constructor(
    readonly length: number,
    readonly childIds: readonly string[],
    child: Int32Array,
    readonly decom: readonly IsoDate[],
    readonly dec: readonly (IsoDate | null)[],
    readonly codes: Readonly<Record<EpisodeCodeField, readonly (string | null)[]>>,
    readonly plDistance: Float64Array,
    readonly file: readonly string[],
    readonly position: readonly string[],
    /** Ids that are not `CHILD/DECOM` (only a table made from records: {@link fromRecords}), by row. */
    private readonly ids: ReadonlyMap<number, string> | null,
  ) {
    this.child = child;
  }

  /** The row's child id. */
  childId(i: number): string {
    return this.childIds[this.child[i]!]!;
  }

  /** The row's id: its natural key `CHILD/DECOM` (inputs.md §1.1). */
  id(i: number): string {
    return this.ids?.get(i) ?? `${this.childIds[this.child[i]!]!}/${this.decom[i]!}`;
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

  /** The row's source: its file and position (`line 7`, an XML path). */
  source(i: number): { readonly file: string; readonly position: string } {
    return { file: this.file[i]!, position: this.position[i]! };
  }

  /** Row i as an {@link Episode} record (a new object each call). */
  record(i: number): Episode {
    const c = this.codes;
    return {
      id: this.id(i),
      childId: this.childId(i),
      decom: this.decom[i]!,
      rne: c.rne[i]!,
      ls: c.ls[i]!,
      cin: c.cin[i]!,
      place: c.place[i]!,
      placeProvider: c.placeProvider[i]!,
      dec: this.dec[i]!,
      rec: c.rec[i]!,
      reasonPlaceChange: c.reasonPlaceChange[i]!,
      homePost: c.homePost[i]!,
      plPost: c.plPost[i]!,
      urn: c.urn[i]!,
      plDistance: this.distance(i),
      source: this.source(i),
    };
  }

  /** Every row as a record, in row order (for a consumer that has not yet moved to the columns). */
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
    decom: readonly IsoDate[],
    dec: readonly (IsoDate | null)[],
    codes: Readonly<Record<EpisodeCodeField, readonly (string | null)[]>>,
    plDistance: Float64Array,
    file: readonly string[],
    position: readonly string[],
    ids: ReadonlyMap<number, string> | null,
  ): EpisodeTable {
    return new EpisodeTable(length, childIds, child, decom, dec, codes, plDistance, file, position, ids);
  }
}

/**
 * Builds an {@link EpisodeTable} row by row: the columns grow as rows are added, and a child id string met
 * again (the reader hands one string to a child's consecutive rows) is found by identity before any look-up.
 */
export class EpisodeTableBuilder {
  private n = 0;
  private readonly childIds: string[] = [];
  private readonly childIndex = new Map<string, number>();
  private lastChild: string | null = null;
  private lastChildIndex = -1;
  private child = new Int32Array(1024);
  private readonly decom: IsoDate[] = [];
  private readonly dec: (IsoDate | null)[] = [];
  private readonly codes: Record<EpisodeCodeField, (string | null)[]> = {
    rne: [],
    ls: [],
    cin: [],
    place: [],
    placeProvider: [],
    rec: [],
    reasonPlaceChange: [],
    homePost: [],
    plPost: [],
    urn: [],
  };
  private plDistance = new Float64Array(1024);
  private readonly file: string[] = [];
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
    this.child[i] = this.indexOfChild(childId);
    this.decom.push(decom);
    this.dec.push(dec);
    const c = this.codes;
    c.rne.push(rne);
    c.ls.push(ls);
    c.cin.push(cin);
    c.place.push(place);
    c.placeProvider.push(placeProvider);
    c.rec.push(rec);
    c.reasonPlaceChange.push(reasonPlaceChange);
    c.homePost.push(homePost);
    c.plPost.push(plPost);
    c.urn.push(urn);
    this.plDistance[i] = plDistance ?? NaN;
    this.file.push(file);
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
      t.decom[i]!,
      t.dec[i]!,
      c.rne[i]!,
      c.ls[i]!,
      c.cin[i]!,
      c.place[i]!,
      c.placeProvider[i]!,
      c.rec[i]!,
      c.reasonPlaceChange[i]!,
      c.homePost[i]!,
      c.plPost[i]!,
      c.urn[i]!,
      t.distance(i),
      t.file[i]!,
      t.position[i]!,
    );
    const id = t.id(i);
    if (id !== `${t.childId(i)}/${t.decom[i]!}`) (this.ids ??= new Map()).set(at, id);
  }

  /** The table of the rows added: the builder hands its columns over, so it is not used again. */
  build(): EpisodeTable {
    return EpisodeTable.of(
      this.n,
      this.childIds,
      this.child.slice(0, this.n),
      this.decom,
      this.dec,
      this.codes,
      this.plDistance.slice(0, this.n),
      this.file,
      this.position,
      this.ids,
    );
  }

  private indexOfChild(id: string): number {
    if (id === this.lastChild) return this.lastChildIndex;
    let k = this.childIndex.get(id);
    if (k === undefined) {
      k = this.childIds.length;
      this.childIds.push(id);
      this.childIndex.set(id, k);
    }
    this.lastChild = id;
    this.lastChildIndex = k;
    return k;
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
 * Staged tables as the store merges them: episodes as records (a table of records is handed on as it is).
 * @example recordTablesOf(submission.tables).episodes?.[0]?.decom //=> '2021-04-01'
 */
export function recordTablesOf(tables: StagedTables): RecordTables {
  const { episodes, ...rest } = tables;
  return episodes === undefined ? rest : { ...rest, episodes: episodes.records() };
}

/**
 * Tables of records as the readers stage them: episodes held by column (tests, fixtures and tools that build
 * records by hand).
 */
export function stagedTablesOf(tables: RecordTables): StagedTables {
  const { episodes, ...rest } = tables;
  return episodes === undefined ? rest : { ...rest, episodes: EpisodeTable.fromRecords(episodes) };
}
