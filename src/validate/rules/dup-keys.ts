import {
  childRuns,
  childRunOrder,
  childRunsApart,
  childSpans,
  childrenById,
  type AnyRecord,
  type RuleContext,
  type RuleHit,
  type RecordTableKey,
  type StagedTableKey,
  tableRecords,
} from '../rule.js';
import { sourceOf, humanPosition } from '../record-place.js';
import { ukDate } from '../../ingest/parse-date.js';
import { ANNEX_A_LISTS } from '../../ingest/annex-a/annex-a-lists.js';
import { EPISODE_CODE_FIELDS, type EpisodeTable } from '../../ingest/episode-table.js';
import { episodeSpans } from '../episode-spans.js';
import { CinTable } from '../../ingest/cin/cin-table.js';
import type { CinRecord } from '../../ingest/cin/cin-shapes.js';
import { cinKeyRepeats, sameCensusContent } from './cin-key-repeats.js';

/** The natural key of a staged record (inputs.md §1.1): ids are built from the natural keys. */
export function naturalKey(table: StagedTableKey, r: AnyRecord): string {
  const x = r as Record<string, unknown>;
  if (table === 'children') return String(x['childId']);
  if (table === 'workers') return String(x['workerId']);
  if (table === 'postcodes') return String(x['pcd']);
  if (table === 'population') return `${String(x['year'])}/${String(x['laCode'])}`;
  return String(x['id']);
}

/** A record whose natural key an earlier record of the same table already has, with that first record. */
export interface KeyRepeat {
  readonly first: AnyRecord;
  readonly record: AnyRecord;
}

const repeatsOf = new WeakMap<readonly AnyRecord[], readonly KeyRepeat[]>();

/**
 * The records of a table that repeat an earlier record's natural key, in file order, each with the first
 * record of that key. Computed once per table array (GEN-DUP-ROW and GEN-DUP-KEY both need it, and
 * CIN-ASMT-BEFORE-REF asks whether referral ids repeat; the engine swaps in a new array when a rule rejects
 * records, so a cached answer is never stale). Tables held by column: {@link episodeKeyRepeats},
 * {@link cinKeyRepeats}.
 * @example keyRepeats('episodes', [a, b, aAgain]) //=> [{ first: a, record: aAgain }]
 */
export function keyRepeats(table: StagedTableKey, records: readonly AnyRecord[]): readonly KeyRepeat[] {
  let out = repeatsOf.get(records);
  if (out !== undefined) return out;
  const firstOf = new Map<AnyRecord, AnyRecord>();
  const keyed = repeatsInRuns(table, records, firstOf);
  const byChildId = records as readonly { readonly childId: string }[];
  if (keyed === 'other') out = repeatsByKey(table, records);
  else if (childRunOrder(byChildId) !== 0 || (keyed === 'child-prefix' && !childRunsApart(byChildId))) {
    // Each child's records in one run (a table sorted by child id, or found so): the repeats within the
    // runs are all there are.
    out = inFileOrder(records, firstOf);
  } else if (keyed === 'child') {
    // Keyed by the child id alone (Header, UASC, OC2, OC3…), not sorted: the rules' shared map of records by
    // child id (built once per table) has one entry per record exactly when no key repeats, the usual
    // answer; no grouping of every record into a one-record group of its own.
    const byId = childrenById(byChildId);
    out = byId.size === records.length ? [] : repeatsByKey(table, records);
  } else {
    // A child's records apart: compared within each child's group (grouped once per table, shared).
    firstOf.clear();
    const spans = childSpans(byChildId);
    let from = 0;
    for (const to of spans.ends) {
      repeatsInGroup(table, spans.records, from, to, firstOf);
      from = to;
    }
    out = inFileOrder(records, firstOf);
  }
  repeatsOf.set(records, out);
  return out;
}

/** {@link keyRepeats} over one map of every key. */
export function repeatsByKey(table: StagedTableKey, records: readonly AnyRecord[]): KeyRepeat[] {
  const repeats: KeyRepeat[] = [];
  const seen = new Map<string, AnyRecord>();
  for (const r of records) {
    const key = naturalKey(table, r);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r);
    else repeats.push({ first, record: r });
  }
  return repeats;
}

/**
 * Walks the runs of one child's records ({@link childRuns}) once, finding how the table's natural keys hold
 * the child id: `child` when every key is its record's child id, `child-prefix` when every key is its child id
 * or starts with it and a '/' (and no child id holds a '/'): then two records with one key have one child id,
 * so repeats can be looked for child by child. `other` otherwise. Meanwhile the repeats within each run
 * are put in `firstOf` (each key built once): for a `child` or `child-prefix` table they are the answer when
 * no child's records come in more than one run.
 */
function repeatsInRuns(
  table: StagedTableKey,
  records: readonly AnyRecord[],
  firstOf: Map<AnyRecord, AnyRecord>,
): 'child' | 'child-prefix' | 'other' {
  const rs = records as readonly { readonly childId?: unknown }[];
  let bare = true;
  const keys: string[] = [];
  let i = 0;
  for (const end of childRuns(rs as readonly { readonly childId: string }[])) {
    // One id per run (the run's records have the same one).
    const id = rs[i]!.childId;
    if (typeof id !== 'string' || id.includes('/')) return 'other';
    for (let k = i; k < end; k++) {
      const key = naturalKey(table, records[k]!);
      if (key !== id) {
        if (!(key.charCodeAt(id.length) === 47 && key.startsWith(id))) return 'other';
        bare = false;
      }
      keys[k - i] = key;
    }
    if (end - i > 1) repeatsAmong(records, i, end - i, keys, firstOf);
    i = end;
  }
  return bare ? 'child' : 'child-prefix';
}

/** Records `records[from + j]` whose key `keys[j]` (j < n) repeats an earlier one's, each with the first. */
function repeatsAmong(
  records: readonly AnyRecord[],
  from: number,
  n: number,
  keys: readonly string[],
  firstOf: Map<AnyRecord, AnyRecord>,
): void {
  if (n > 32) {
    const seen = new Map<string, number>();
    for (let j = 0; j < n; j++) {
      const at = seen.get(keys[j]!);
      if (at === undefined) seen.set(keys[j]!, j);
      else firstOf.set(records[from + j]!, records[from + at]!);
    }
    return;
  }
  for (let j = 1; j < n; j++) {
    const key = keys[j]!;
    for (let k = 0; k < j; k++) {
      if (keys[k] === key) {
        firstOf.set(records[from + j]!, records[from + k]!);
        break;
      }
    }
  }
}

/** The repeats found, in file order. */
function inFileOrder(records: readonly AnyRecord[], firstOf: ReadonlyMap<AnyRecord, AnyRecord>): KeyRepeat[] {
  if (firstOf.size === 0) return [];
  const repeats: KeyRepeat[] = [];
  for (const r of records) {
    const first = firstOf.get(r);
    if (first !== undefined) repeats.push({ first, record: r });
  }
  return repeats;
}

/** Records `group[from..to)` that repeat an earlier one's key in that range, each with the first, into `firstOf`. */
function repeatsInGroup(
  table: StagedTableKey,
  group: readonly AnyRecord[],
  from: number,
  to: number,
  firstOf: Map<AnyRecord, AnyRecord>,
): void {
  if (to - from < 2) return;
  const keys: string[] = [];
  for (let j = from; j < to; j++) keys.push(naturalKey(table, group[j]!));
  repeatsAmong(group, from, keys.length, keys, firstOf);
}

/** The record without provenance, for "identical repeat" comparison. */
export function content(r: AnyRecord): string {
  return JSON.stringify(r, (k, v: unknown) => (k === 'source' || k === 'sources' ? undefined : v));
}

/** A row of an episode table that repeats the natural key of an earlier row, with that first row. */
export interface EpisodeKeyRepeat {
  readonly first: number;
  readonly row: number;
}

const episodeRepeatsOf = new WeakMap<EpisodeTable, readonly EpisodeKeyRepeat[]>();

/**
 * {@link keyRepeats} for an episode table held by column: the rows that repeat an earlier row's natural key, in
 * file order, each with the first row of that key. The key is the child and DECOM (the id `CHILD/DECOM`), so
 * repeats are looked for within each child's rows ({@link episodeSpans}, shared with other rules) by DECOM,
 * without building an id. A table made from records whose ids are not all `CHILD/DECOM` is keyed by its ids,
 * as its records are. Computed once per table (a table is never changed: the engine makes a new one).
 * @example episodeKeyRepeats(EpisodeTable.fromRecords([a, b, aAgain])) //=> [{ first: 0, row: 2 }]
 */
export function episodeKeyRepeats(t: EpisodeTable): readonly EpisodeKeyRepeat[] {
  let out = episodeRepeatsOf.get(t);
  if (out === undefined) {
    out = t.idsAreNaturalKeys ? repeatsByChildAndDecom(t) : repeatsById(t);
    episodeRepeatsOf.set(t, out);
  }
  return out;
}

/**
 * {@link episodeKeyRepeats} of a table keyed by child and DECOM: each child's rows compared by DECOM, pairwise
 * (as {@link repeatsAmong}), or through a map of its DECOMs past 32 rows.
 */
function repeatsByChildAndDecom(t: EpisodeTable): EpisodeKeyRepeat[] {
  const { rows, ends } = episodeSpans(t);
  const decom = t.decom;
  // The first row of each repeated row's key, by row (-1: not a repeat); a child's rows are in file order.
  let firstOf: Int32Array | null = null;
  let from = 0;
  for (const to of ends) {
    if (to - from > 32) {
      const seen = new Map<string, number>();
      for (let j = from; j < to; j++) {
        const row = rows[j]!;
        const first = seen.get(decom.at(row));
        if (first === undefined) seen.set(decom.at(row), row);
        else (firstOf ??= new Int32Array(t.length).fill(-1))[row] = first;
      }
    } else {
      for (let j = from + 1; j < to; j++) {
        const row = rows[j]!;
        const d = decom.at(row);
        for (let k = from; k < j; k++) {
          if (decom.at(rows[k]!) === d) {
            (firstOf ??= new Int32Array(t.length).fill(-1))[row] = rows[k]!;
            break;
          }
        }
      }
    }
    from = to;
  }
  const repeats: EpisodeKeyRepeat[] = [];
  if (firstOf === null) return repeats;
  for (let row = 0; row < t.length; row++)
    if (firstOf[row]! >= 0) repeats.push({ first: firstOf[row]!, row });
  return repeats;
}

/** {@link episodeKeyRepeats} of a table that keeps other ids: one map of every id, as {@link repeatsByKey}. */
function repeatsById(t: EpisodeTable): EpisodeKeyRepeat[] {
  const repeats: EpisodeKeyRepeat[] = [];
  const seen = new Map<string, number>();
  for (let row = 0; row < t.length; row++) {
    const id = t.id(row);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, row);
    else repeats.push({ first, row });
  }
  return repeats;
}

/**
 * Whether two rows of an episode table are the same but for their provenance: their records' {@link content}
 * is the same, compared column by column (every column but file and position) without making the records.
 */
export function sameEpisodeContent(t: EpisodeTable, a: number, b: number): boolean {
  if (t.child[a] !== t.child[b] || t.decom.at(a) !== t.decom.at(b) || t.dec.at(a) !== t.dec.at(b))
    return false;
  for (const field of EPISODE_CODE_FIELDS) if (t.codes[field].at(a) !== t.codes[field].at(b)) return false;
  // PL_DISTANCE as JSON writes it: the number, or null for none (NaN) and any other number that is not finite.
  const x = t.plDistance[a]!;
  const y = t.plDistance[b]!;
  if (x !== y && (Number.isFinite(x) || Number.isFinite(y))) return false;
  // The same child and DECOM give the same id, unless the table keeps other ids.
  return t.idsAreNaturalKeys || t.id(a) === t.id(b);
}

/**
 * How a duplicate is described: "child 123456 already has an episode starting 04/05/2021 (line 88)". The first
 * record is named at `firstAt` when given (an Annex A key's cell), else at its own position.
 */
export function describeDuplicate(
  table: StagedTableKey,
  r: AnyRecord,
  first: AnyRecord,
  firstAt?: string,
): string {
  const x = r as Record<string, string>;
  const at = firstAt ?? sourceOf(first)?.position;
  const where = at !== undefined ? ` (${humanPosition(at)})` : '';
  const annexA = annexAListOf(r);
  if (annexA !== null) {
    // An Annex A row: keyed by child and the list's key date (List 9: the child alone; inputs.md §4).
    const keyDate = annexA.columns.find((c) => c.key === annexA.keyDate);
    const date = naturalKey(table, r).slice(String(x['childId']).length + 1);
    return keyDate && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? `child ${x['childId']} already has a List ${annexA.number} row with ${keyDate.label} ${ukDate(date)}${where}`
      : `child ${x['childId']} already has a List ${annexA.number} row${where}`;
  }
  switch (table) {
    case 'episodes':
      return `child ${x['childId']} already has an episode starting ${ukDate(x['decom']!)}${where}`;
    case 'cicReviews':
      return `child ${x['childId']} already has a review on ${ukDate(x['reviewDate']!)}${where}`;
    case 'missingEpisodes':
      return `child ${x['childId']} already has a ${x['missing']} episode starting ${ukDate(x['start']!)}${where}`;
    case 'children':
      return `child ${x['childId']} is already listed${where}`;
    case 'referrals':
      return `child ${x['childId']} already has a CINdetails with CINreferralDate ${x['referralDate']}${where}`;
    case 'cpPlans':
      return `child ${x['childId']} already has a CP plan starting ${x['startDate']}${where}`;
    case 'section47s':
      return `child ${x['childId']} already has a Section 47 starting ${x['startDate']}${where}`;
    case 'cinPlans':
      return `child ${x['childId']} already has a CIN plan starting ${x['startDate']}${where}`;
    case 'assessments':
      return `this CINdetails already has an assessment starting ${x['startDate']}${where}`;
    default:
      return `this repeats the key (${naturalKey(table, r)}) of an earlier row${where}`;
  }
}

/** The Annex A list a record was read from (its position `List 8!A7`), or null for another source's record. */
function annexAListOf(r: AnyRecord): (typeof ANNEX_A_LISTS)[number] | null {
  const m = /^List (\d+)!/.exec(sourceOf(r)?.position ?? '');
  return m ? (ANNEX_A_LISTS.find((l) => l.number === Number(m[1])) ?? null) : null;
}

/**
 * Tables an Annex A workbook fills from one row twice: a List 5 row gives a Section47 and a strategy
 * discussion (inputs.md §4), a List 7 row a CP plan and its allocation (the cp-allocated-sw fallback); each is
 * checked as the first (the row's key) and rejected with it, so a repeated row's allocation does not load
 * beside the first row's (it could name a worker the loaded row does not).
 */
const ANNEX_A_ROW_TWINS: Partial<Record<StagedTableKey, RecordTableKey>> = {
  section47s: 'strategyDiscussions',
  cpPlans: 'annexACp',
};

/**
 * The duplicate-key findings of a rule (GEN-DUP-ROW, GEN-DUP-KEY) over a submission's tables, table by table in
 * {@link DUP_TABLES} order, each table's in file order: `repeats` says which repeats of a key are findings (every
 * one, or only `exact` ones: the same {@link content}), `hit` how each is reported. Tables held by column are
 * compared by column (episodes: {@link episodeKeyRepeats}, {@link sameEpisodeContent}; a census's CIN tables:
 * {@link cinKeyRepeats}, {@link sameCensusContent}): only a finding's two rows are made records, and its hit names
 * its row. An Annex A row that gave two records is reported once, by its first record, and rejected whole
 * (`alsoRejects`).
 */
export function duplicateHits(
  ctx: Pick<RuleContext, 'source' | 'tables'>,
  repeats: 'every' | 'exact',
  hit: (table: StagedTableKey, repeat: KeyRepeat) => Omit<RuleHit, 'table' | 'record'>,
): RuleHit[] {
  const hits: RuleHit[] = [];
  const twins = ctx.source === 'annex-a' ? ANNEX_A_ROW_TWINS : {};
  const twinTables = new Set(Object.values(twins));
  for (const table of DUP_TABLES) {
    if (table === 'episodes') {
      const t = ctx.tables.episodes;
      if (t !== undefined) episodeDuplicateHits(t, repeats, hit, hits);
      continue;
    }
    if (twinTables.has(table)) continue;
    const staged = ctx.tables[table];
    const found =
      staged instanceof CinTable
        ? cinDuplicates(staged as CinTable<CinRecord>, repeats)
        : recordDuplicates(table, staged as readonly AnyRecord[] | undefined, repeats);
    if (found.length === 0) continue;
    const twinTable = twins[table];
    const twinOf = twinTable ? recordsByPlace(tableRecords(ctx.tables, twinTable)) : null;
    for (const { first, record, row } of found) {
      const twin = twinOf?.get(placeOf(record));
      hits.push({
        ...hit(table, { first, record }),
        table,
        ...(row !== undefined ? { row } : {}),
        record,
        ...(twin && twinTable ? { alsoRejects: [{ table: twinTable, record: twin }] } : {}),
      });
    }
  }
  return hits;
}

/** A finding of {@link duplicateHits}: a repeat of a key, and its row in a table held by column. */
interface Duplicate extends KeyRepeat {
  readonly row?: number;
}

/** The repeats of a table held as records that are findings ({@link duplicateHits}). */
function recordDuplicates(
  table: StagedTableKey,
  records: readonly AnyRecord[] | undefined,
  repeats: 'every' | 'exact',
): readonly Duplicate[] {
  if (!records) return [];
  const found = keyRepeats(table, records);
  return repeats === 'exact' ? found.filter((r) => content(r.first) === content(r.record)) : found;
}

/**
 * The repeats of a CIN table held by column that are findings ({@link duplicateHits}), each with its row: an exact
 * repeat is found by column between census rows, by {@link content} when either row was staged as a record.
 */
function cinDuplicates(t: CinTable<CinRecord>, repeats: 'every' | 'exact'): Duplicate[] {
  const found: Duplicate[] = [];
  for (const { first, row } of cinKeyRepeats(t)) {
    if (repeats === 'exact') {
      const same =
        t.isStaged(first) || t.isStaged(row)
          ? content(t.record(first)) === content(t.record(row))
          : sameCensusContent(t, first, row);
      if (!same) continue;
    }
    found.push({ first: t.record(first), record: t.record(row), row });
  }
  return found;
}

/** {@link duplicateHits} of the episodes, pushed to `hits`: each finding names its row. */
function episodeDuplicateHits(
  t: EpisodeTable,
  repeats: 'every' | 'exact',
  hit: (table: StagedTableKey, repeat: KeyRepeat) => Omit<RuleHit, 'table' | 'record'>,
  hits: RuleHit[],
): void {
  for (const { first, row } of episodeKeyRepeats(t)) {
    if (repeats === 'exact' && !sameEpisodeContent(t, first, row)) continue;
    const record = t.record(row);
    hits.push({ ...hit('episodes', { first: t.record(first), record }), table: 'episodes', row, record });
  }
}

function placeOf(r: AnyRecord): string {
  const at = sourceOf(r);
  return at ? `${at.file}\u0000${at.position}` : '';
}

function recordsByPlace(records: readonly AnyRecord[] | undefined): Map<string, AnyRecord> {
  return new Map((records ?? []).map((r) => [placeOf(r), r]));
}

/** Tables checked for duplicates, in the order they are checked. */
export const DUP_TABLES: readonly StagedTableKey[] = [
  'children',
  'uasc',
  'episodes',
  'cicReviews',
  'missingEpisodes',
  'swEpisodes',
  'oc2',
  'oc3',
  'ad1',
  'placedAdoption',
  'prevPerm',
  'dolo',
  'referrals',
  'assessments',
  'cinPlans',
  'section47s',
  'cpPlans',
  'contacts',
  'strategyDiscussions',
  'cpVisits',
  'claVisits',
  'allocations',
  'workers',
  'healthChecks',
  'careLeavers',
  'placementsLongTerm',
  'postcodes',
  'population',
  'annexACic',
];
