import type { AnyRecord, RuleContext, RuleHit, StagedTableKey } from '../rule.js';
import { EVENT_DATE_LISTS, EVENT_DATES, type FieldRef, type ListFieldRef } from '../table-fields.js';
import { ukDate } from '../../ingest/parse-date.js';
import { firstCountableDate } from '../../calendar/bank-holidays.js';
import { type Column, EpisodeTable } from '../../ingest/episode-table.js';
import { CinTable } from '../../ingest/cin/cin-table.js';
import type { CinRecord, FieldColumn } from '../../ingest/cin/cin-shapes.js';
import type { IsoDate } from '../../calendar/iso-date.js';

/** The tables GEN-FUTURE and GEN-PAST check (their registry metadata). */
export const EVENT_DATE_TABLES: readonly StagedTableKey[] = [
  'episodes',
  'cicReviews',
  'missingEpisodes',
  'ad1',
  'placedAdoption',
  'prevPerm',
  'dolo',
  'referrals',
  'assessments',
  'cpPlans',
  'contacts',
];

/** The fields GEN-FUTURE and GEN-PAST name in their registry metadata (all the event dates: {@link EVENT_DATES}). */
export const EVENT_DATE_FIELDS: readonly string[] = [
  'DECOM',
  'DEC',
  'REVIEW',
  'DATE_INT',
  'DATE_MATCH',
  'DATE_PLACED',
  'DATE_PLACED_CEASED',
  'DATE_PERM',
  'DOLO_START',
  'DOLO_END',
  'CINreferralDate',
  'CPPreviewDate',
  'received_at',
];

/**
 * Birth dates: not event dates (ages use calendar arithmetic, never working days), so a child born before the
 * bank-holiday table begins, or a mother's child's DOB, loads. GEN-FUTURE still checks them.
 */
export const BIRTH_DATES: ReadonlySet<string> = new Set(['DOB', 'PersonBirthDate', 'MC_DOB']);

/** A record's first event date outside the range, in field order: after today, or (birth dates aside) before `from`. */
export interface OutOfRange {
  readonly record: AnyRecord;
  /** For a row of a table held by column (episodes, a census's CIN tables): its row in the table. */
  readonly row?: number;
  readonly future: { readonly field: string; readonly date: string } | null;
  readonly past: { readonly field: string; readonly date: string } | null;
}

interface Scan {
  readonly fields: readonly FieldRef[];
  readonly today: string;
  readonly from: string;
  readonly found: readonly OutOfRange[];
}

/** A staged table held by column: the episodes, or one of a CIN census's tables. */
type ColumnTable = EpisodeTable | CinTable<CinRecord>;

/** The last scan of each staged table (its record array, or table held by column), for the rule that runs next. */
const scans = new WeakMap<readonly AnyRecord[] | ColumnTable, Scan>();

/**
 * The records of one staged table with an event date after `today` (GEN-FUTURE) or before `from` (GEN-PAST),
 * found in one pass over the dates that serves both rules: they run one after the other over the same table,
 * and a table no rule has changed in between is the same array, so the second rule reuses the first's scan
 * (each pass cost about 5 ms a run on the SSDA903 bench set, 2% of its reading). A table a rule changed is a
 * new array, scanned again. Dates are `YYYY-MM-DD` strings, compared as strings. A table held by column (the
 * episodes, a census's CIN tables) is read from its date columns, each found one with its row and record.
 * @example outOfRange(episodes, fields, '2024-06-01', '1990-01-01') //=> [{ record, future: null, past: { field: 'DECOM', date: '1922-05-01' } }]
 */
export function outOfRange(
  records: readonly AnyRecord[] | ColumnTable,
  fields: readonly FieldRef[],
  today: string,
  from: string,
): readonly OutOfRange[] {
  const seen = scans.get(records);
  if (seen && seen.fields === fields && seen.today === today && seen.from === from) return seen.found;
  const event = fields.map((f) => !BIRTH_DATES.has(f.field));
  const found =
    records instanceof EpisodeTable || records instanceof CinTable
      ? columnsOutOfRange(records, fields, event, today, from)
      : recordsOutOfRange(records, fields, event, today, from);
  scans.set(records, { fields, today, from, found });
  return found;
}

/**
 * The hits of GEN-FUTURE (`side` future) or GEN-PAST (`side` past) over a submission's tables: each record's
 * first event date on that side of the range, shown as its source writes dates (SSDA903 dd/mm/yyyy), with the
 * rule's message for it (an error: the record is not loaded).
 *
 * A date of a list ({@link EVENT_DATE_LISTS}: a CP plan's CPPreviewDate) is judged one by one. Reading
 * (inputs.md §3 keeps "every one as a CP review row"; §6 rejects the record an event date out of range belongs
 * to, and a CP review is a record of its own): such a review date is left out, not the plan. Each is a
 * warning naming the date ("CPPreviewDate 2031-01-03 is in the future; the CP plan loads without this
 * review"), and the plan loads with its other review dates, as it does when a CPPreviewDate is unreadable
 * (GEN-DATE, ignored). Dropping the date, rather than keeping it flagged, keeps a typo from being counted as a
 * review by any later measure and a 1922 typo from making every figure fail (indicators.md §1.2). A record
 * with a date of its own out of range, on either side, is rejected by one of the two rules, so its list is not
 * judged. Hits are in record order. A CIN census's table (held by column) is read from its columns, each
 * distinct date judged once, and a record made only for a row with a date out of range.
 */
export function outOfRangeHits(
  ctx: RuleContext,
  side: 'future' | 'past',
  message: (field: string, shown: string) => string,
): RuleHit[] {
  const hits: RuleHit[] = [];
  const from = firstCountableDate();
  const shown = (date: string): string => (ctx.source === 'ssda903' ? ukDate(date) : date);
  for (const [table, fields] of Object.entries(EVENT_DATES[ctx.source]) as [
    StagedTableKey,
    readonly FieldRef[],
  ][]) {
    const staged = ctx.tables[table];
    if (!staged) continue;
    const records = staged as readonly AnyRecord[] | ColumnTable;
    const hitOf = (found: OutOfRange): RuleHit | null => {
      const at = found[side];
      if (at === null) return null;
      return {
        table,
        record: found.record,
        ...(found.row !== undefined ? { row: found.row } : {}),
        field: at.field,
        value: shown(at.date),
        message: message(at.field, shown(at.date)),
      };
    };
    const found = outOfRange(records, fields, ctx.today, from);
    const lists = EVENT_DATE_LISTS[ctx.source][table];
    if (lists === undefined || records instanceof EpisodeTable) {
      for (const f of found) {
        const hit = hitOf(f);
        if (hit !== null) hits.push(hit);
      }
      continue;
    }
    const listHits = (record: AnyRecord, row: number | undefined): void => {
      for (const list of lists) {
        for (const date of listDatesOutOfRange(record, list, side, ctx.today, from)) {
          hits.push({
            table,
            record,
            ...(row !== undefined ? { row } : {}),
            field: list.field,
            value: shown(date),
            message: `${message(list.field, shown(date))}; ${list.without}`,
            severity: 'warning',
            repair: withoutListDates(record, lists, side, ctx.today, from),
          });
        }
      }
    };
    if (records instanceof CinTable) {
      // Rows in order: one with a date of its own out of range gives its hit (if on this side); another with
      // a list date on this side gives that list's hits.
      const listed = rowsWithListDates(records, lists, side, ctx.today, from);
      let k = 0;
      for (const row of listed) {
        for (; k < found.length && found[k]!.row! <= row; k++) {
          const hit = hitOf(found[k]!);
          if (hit !== null) hits.push(hit);
        }
        if (k > 0 && found[k - 1]!.row === row) continue;
        listHits(records.record(row), row);
      }
      for (; k < found.length; k++) {
        const hit = hitOf(found[k]!);
        if (hit !== null) hits.push(hit);
      }
      continue;
    }
    const foundOf = new Map(found.map((f) => [f.record, f]));
    for (const record of records) {
      const f = foundOf.get(record);
      if (f !== undefined) {
        const hit = hitOf(f);
        if (hit !== null) hits.push(hit);
        continue;
      }
      listHits(record, undefined);
    }
  }
  return hits;
}

/** The dates of a record's list field on `side` of the range: after `today`, or before `from`. */
function listDatesOutOfRange(
  record: AnyRecord,
  list: ListFieldRef,
  side: 'future' | 'past',
  today: string,
  from: string,
): readonly string[] {
  const dates = (list.read(record as Record<string, unknown>) as readonly string[] | null) ?? [];
  return dates.filter((d) => (side === 'future' ? d > today : d < from));
}

/** The record with every list date on `side` of the range left out (the repair of each of its hits). */
function withoutListDates(
  record: AnyRecord,
  lists: readonly ListFieldRef[],
  side: 'future' | 'past',
  today: string,
  from: string,
): AnyRecord {
  const out: Record<string, unknown> = { ...record };
  for (const list of lists) {
    const gone = new Set(listDatesOutOfRange(record, list, side, today, from));
    if (gone.size > 0)
      out[list.prop] = ((list.read(record as Record<string, unknown>) as readonly string[]) ?? []).filter(
        (d) => !gone.has(d),
      );
  }
  return out;
}

/** {@link outOfRange} over a table of records, in order (`event`: each field is an event date, not a birth date). */
function recordsOutOfRange(
  records: readonly AnyRecord[],
  fields: readonly FieldRef[],
  event: readonly boolean[],
  today: string,
  from: string,
): OutOfRange[] {
  const found: OutOfRange[] = [];
  for (const record of records) {
    let future: OutOfRange['future'] = null;
    let past: OutOfRange['past'] = null;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const d = f.read(record as Record<string, unknown>) as string | null;
      if (!d) continue;
      if (future === null && d > today) future = { field: f.field, date: d };
      if (past === null && d < from && event[i]) past = { field: f.field, date: d };
    }
    if (future !== null || past !== null) found.push({ record, future, past });
  }
  return found;
}

/**
 * The rows of a CIN table with a date of a list field ({@link EVENT_DATE_LISTS}) on `side` of the range, in row
 * order. A list column holds each distinct date once: each is judged once, then each row's dates by their index.
 */
function rowsWithListDates(
  t: CinTable<CinRecord>,
  lists: readonly ListFieldRef[],
  side: 'future' | 'past',
  today: string,
  from: string,
): number[] {
  const onSide = new Uint8Array(t.length);
  for (const list of lists) {
    const named = t.namedColumn(list.prop);
    if (named?.kind !== 'list') throw new Error(`${t.shape.table} has no list ${list.prop} (${list.field})`);
    const { start, index, values } = named.column;
    // As listDatesOutOfRange judges a date.
    const out = Uint8Array.from(values, (d) =>
      d !== null && (side === 'future' ? d > today : d < from) ? 1 : 0,
    );
    if (!out.includes(1)) continue;
    for (let i = 0; i < t.length; i++) {
      for (let e = start[i]!; e < start[i + 1]!; e++) {
        if (out[index[e]!] === 1) {
          onSide[i] = 1;
          break;
        }
      }
    }
  }
  const rows: number[] = [];
  for (let i = 0; i < t.length; i++) if (onSide[i] === 1) rows.push(i);
  return rows;
}

/**
 * {@link outOfRange} over the date columns of a table held by column, in row order. A date column holds each
 * distinct date once ({@link Column}): each is judged once, only a column with a date out of range is walked,
 * for the rows holding one, and only those rows are read.
 */
function columnsOutOfRange(
  t: ColumnTable,
  fields: readonly FieldRef[],
  event: readonly boolean[],
  today: string,
  from: string,
): OutOfRange[] {
  const columns = fields.map((f) =>
    t instanceof EpisodeTable ? episodeDateColumn(t, f) : cinDateColumn(t, f),
  );
  const marked = new Uint8Array(t.length);
  let count = 0;
  columns.forEach(({ index, values }, i) => {
    // Per distinct date: after today, or an event date before `from`.
    const out = Uint8Array.from(values, (d) => (d && (d > today || (d < from && event[i])) ? 1 : 0));
    if (!out.includes(1)) return;
    for (let row = 0; row < t.length; row++) {
      if (out[index[row]!] === 1 && marked[row] === 0) {
        marked[row] = 1;
        count++;
      }
    }
  });
  const found: OutOfRange[] = [];
  for (let row = 0; count > 0; row++) {
    if (marked[row] === 0) continue;
    count--;
    let future: OutOfRange['future'] = null;
    let past: OutOfRange['past'] = null;
    for (let i = 0; i < fields.length; i++) {
      const d = columns[i]!.at(row);
      if (!d) continue;
      if (future === null && d > today) future = { field: fields[i]!.field, date: d };
      if (past === null && d < from && event[i]) past = { field: fields[i]!.field, date: d };
    }
    found.push({ record: t.record(row), row, future, past });
  }
  return found;
}

/**
 * The column of an episode's event date: EVENT_DATES names DECOM and DEC by their record properties, each a
 * column of the table.
 */
function episodeDateColumn(t: EpisodeTable, f: FieldRef): Column<IsoDate | null> {
  if (f.prop === 'decom') return t.decom;
  if (f.prop === 'dec') return t.dec;
  throw new Error(`episodes have no date column ${f.prop} (${f.field})`);
}

/** The column of a CIN table's event date: EVENT_DATES names each by its record property, a value column. */
function cinDateColumn(t: CinTable<CinRecord>, f: FieldRef): FieldColumn<IsoDate | null> {
  const named = t.namedColumn(f.prop);
  if (named?.kind !== 'value') throw new Error(`${t.shape.table} has no date column ${f.prop} (${f.field})`);
  return named.column as FieldColumn<IsoDate | null>;
}
