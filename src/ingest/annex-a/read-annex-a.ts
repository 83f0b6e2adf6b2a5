import ExcelJS from 'exceljs';
import { fileChunks } from '../file-chunks.js';
import type { FileSink, RecordExtras, RecordTableName } from '../file-sink.js';
import type { RecordTables } from '../staged.js';
import type { IngestLimits } from '../limits.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import { firstCountableDate } from '../../calendar/bank-holidays.js';
import { dateHint, parseDate, ukDate } from '../parse-date.js';
import { clipValue } from '../clip-value.js';
import {
  ANNEX_A_KEY_CELL,
  ANNEX_A_LISTS,
  type AnnexAColumn,
  type AnnexAList,
  headerMatches,
  listNumberOf,
  normaliseHeader,
} from './annex-a-lists.js';
import { loadLabelMap, mapLabel } from './label-map.js';
import { sexCode } from '../sex-code.js';
import type { AnnexARow } from '../../model/annex-a.js';
import { annexACicRecord, type AnnexARowValues } from './map-annex-a-cic.js';
import { annexACareLeaver } from './map-annex-a-care-leaver.js';
import { annexACpRecord } from './map-annex-a-cp.js';
import { workbookInput } from './workbook-parts-first.js';
import { refuse } from '../refusal.js';
import type { ZipDirectory } from '../zip-directory.js';
import { type PartSource, watchSharedStringsEnd, watchSheetEnd } from './part-end.js';
import { columnNumber, type MergedRange, mergedFill, readMergedCells } from './merged-cells.js';

/** What an Annex A workbook says about itself: the range of its key dates and its latest event date. */
export interface AnnexAFacts {
  range: { start: IsoDate; end: IsoDate } | null;
  /**
   * The latest date of any event cell (key dates, reviews, visits, checks, contacts; not dates of birth) of a
   * row read and kept: a row rejected while read (AA-DATE, GEN-FUTURE, GEN-PAST) is no event of the workbook. Worked out
   * again once the rules have run, without the rows they reject (`datesOfLoadedRows`, `redate`).
   */
  asAt: IsoDate | null;
  /**
   * A record that carries the workbook's as-at date (List 7 allocations, List 8 and 9 records, lists 10 and 11
   * rows) built again as at another date; any other record as it is. The as-at date is worked out again once
   * the rules have run, from the rows still loaded (a row GEN-DUP-KEY rejects dates nothing): see
   * `datesOfLoadedRows`.
   */
  redate(record: object, asAt: IsoDate): object;
}

export interface ReadAnnexAOptions {
  readonly path: string;
  /** The workbook's zip directory, as the sniff read and checked it. */
  readonly zip: ZipDirectory;
  readonly limits: IngestLimits;
  /**
   * Today: a row with an event date after it is rejected (GEN-FUTURE, inputs.md §6), and such a date is no
   * event of the workbook (left out of its as-at date). So is one before the bank-holiday table (GEN-PAST).
   * A List 7 review or last-visit date, or a List 8 latest review date, out of range is left out alone, its
   * row loading (see {@link readAnnexA}).
   */
  readonly today: IsoDate;
  onChunk?(chunk: Buffer): void;
}

type Cell = ExcelJS.CellValue;

/** How far down a sheet with no header in its top 10 rows a header is looked for, to name it in the warning. */
const LATE_HEADER_ROWS = 100;

/** Column letters of a 1-based column number. */
function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A cell's text (formulas use their cached result; rich text joined). */
function cellText(v: Cell): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: Cell; richText?: { text: string }[]; text?: string; error?: string };
    if ('result' in o) return cellText(o.result ?? null);
    if (o.richText)
      return (
        o.richText
          .map((r) => r.text)
          .join('')
          .trim() || null
      );
    if (typeof o.text === 'string') return o.text.trim() || null;
    return null;
  }
  const t = String(v).trim();
  return t === '' ? null : t;
}

/**
 * A date cell: an Excel date (a date cell, or a day number in a cell not formatted as a date, its time of day
 * dropped), or text `d/m/YYYY`, `dd-mm-YYYY`, `YYYY-MM-DD` (never month-first).
 */
function cellDate(v: Cell, date1904: boolean): { date: IsoDate | null; raw: string | null } {
  if (v && typeof v === 'object' && !(v instanceof Date) && 'result' in v)
    return cellDate((v as { result: Cell }).result, date1904);
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10) as IsoDate, raw: null };
  if (typeof v === 'number' && v > 0 && v < 80000) {
    // Excel's day number; a fraction is a time of day, and the day is the one Excel shows (the whole number,
    // once the time is to the millisecond): 44287.75, 18:00 on 01/04/2021, is not 02/04/2021.
    const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return {
      date: new Date(base + Math.round(v * 86400000)).toISOString().slice(0, 10) as IsoDate,
      raw: null,
    };
  }
  const t = cellText(v);
  if (t === null) return { date: null, raw: null };
  const r = parseDate(t.replace(/-/g, t.match(/^\d{4}-/) ? '-' : '/'), 'dmy-or-iso');
  return { date: r.ok ? r.date : null, raw: t };
}

/**
 * Why a cell that reads as blank is so, when it is not empty in the workbook, for its message: it shows an
 * Excel error (`#N/A`), or it holds a formula whose result exceljs does not give (an error result, `#REF!`, is
 * dropped by its streaming reader, as is a result never saved by a program that does not calculate); '' for a
 * cell that is empty.
 * @example whyBlank({ error: '#N/A' }) //=> ' (the cell shows the Excel error #N/A: correct it in the workbook)'
 */
export function whyBlank(v: Cell): string {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return '';
  const o = v as { error?: unknown; formula?: unknown; sharedFormula?: unknown; result?: Cell };
  const error = typeof o.error === 'string' ? o.error : null;
  if (error !== null) return ` (the cell shows the Excel error ${error}: correct it in the workbook)`;
  if (o.formula === undefined && o.sharedFormula === undefined) return '';
  if (o.result === undefined || o.result === null)
    return ' (the cell holds a formula with no result cspi can read: an Excel error such as #REF!, or a formula never calculated; correct it in Excel, save the workbook and re-import)';
  return whyBlank(o.result);
}

/**
 * True for an error of reading a damaged workbook (exceljs's XML parser on a part that is not XML, `1:15: text
 * data outside of root node.`; zlib on data that does not inflate), not of cspi.
 */
export function isWorkbookDamage(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return /^\d+:\d+: /.test(e.message) || (typeof code === 'string' && code.startsWith('Z_'));
}

/** Why a date cell's text is no date ('unreal': a date's form, not a real date). */
function reasonOf(text: string): 'form' | 'unreal' {
  const r = parseDate(text, 'dmy-or-iso');
  return r.ok ? 'form' : r.reason;
}

/**
 * Streams an Ofsted Annex A workbook (inputs.md §4) with exceljs's WorkbookReader: sheets `List n`; the
 * header row is the first of the top 10 rows matching half the list's columns; label cells are mapped through
 * the tables in `data/annex-a` (`AA-UNMAPPED` warning when not). Every list's rows are checked and counted;
 * lists 3, 4, 5 and 7 become Referral, Assessment, Section47 and CP plan records, List 7 also CP allocation
 * records (its Allocated Team and Worker), List 8 children-in-care records and List 9 care-leaver statuses
 * (the fallback sources); lists 10 and 11 are stored as raw rows; every list's children become Child
 * records. List 7 allocation, List 8 and 9 records, and raw rows, carry the workbook's as-at date (its
 * latest event date), so they are added once the whole workbook is read. A row with an event date after today
 * is rejected (`GEN-FUTURE`, inputs.md §6, as in the other sources), named by its first such cell; so is a row
 * with an event date before the bank-holiday table's first year (`GEN-PAST`, a typo such as 1922). But a List 7
 * Date of latest review conference out of range (after today or before the table) is left out alone, with a
 * warning naming the list, cell and date ("List 7!L3: Date of latest review conference 01/02/2030 is in the
 * future; the CP plan loads without this review."), and the plan loads with its other dates
 * ({@link AnnexAColumn.without}). Reading, as for a CIN CPPreviewDate (event-date-range.ts `outOfRangeHits`,
 * docs/spec-readings.md): the review is staged as one of the CP plan's review dates (`cpPlans.reviewDates`), the
 * same record as CIN's, and inputs.md §3 keeps each review as a CP review row of its own, so §6's rejection of
 * the record an out-of-range date belongs to rejects the review, not the plan; §4 says nothing otherwise for
 * Annex A, which stands in for the census's CP plans (its fallback), so a typo in the review would otherwise
 * drop the plan from every CP measure. List 7's Date of the Last Statutory Visit and List 8's Date of Latest
 * Statutory Review are judged the same way ("the CP plan loads without this visit", "the period of care loads
 * without this review"): a visit or a review is an event of its own, not the row's key, and §6 is silent on
 * it. A row rejected for a date of its own (start, end), or for its key, is reported by that alone, its
 * review or visit not judged. Reading of §6's exemption: an Annex A Date of Birth after today is an unborn child's expected date (the lists hold
 * contacts and referrals before birth, and Annex A has no separate column for it), so it is exempt, as CIN's
 * ExpectedPersonBirthDate is. A list sheet, or the shared strings, whose XML stops before its end is refused
 * (`S-TRUNCATED`: {@link watchSheetEnd}, {@link watchSharedStringsEnd}), so nothing after the cut is lost
 * without a word.
 * @example const facts = await readAnnexA(sink, { path, zip, limits, today })
 */
export async function readAnnexA(sink: FileSink, o: ReadAnnexAOptions): Promise<AnnexAFacts> {
  if (o.onChunk) for await (const chunk of fileChunks(o.path)) o.onChunk(chunk);
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  let latest: IsoDate | null = null;
  const since = firstCountableDate();
  const seenLists = new Set<number>();
  /** Sheets not named `List n` (a list renamed `Referrals` is among them), named when a list is absent. */
  const otherSheets: string[] = [];
  // Records that need the workbook's as-at date, added at the end in file order.
  const deferred: ((asAt: IsoDate | null) => void)[] = [];
  // How each of those records is built, to build it again as at the date left once the rules have run.
  const builders = new WeakMap<object, (asAt: IsoDate) => object | null>();
  const dated = <K extends RecordTableName>(
    table: K,
    build: (asAt: IsoDate | null) => NonNullable<RecordTables[K]>[number],
    extras?: RecordExtras,
  ): void => {
    deferred.push((asAt) => {
      const record = build(asAt);
      sink.add(table, record, extras);
      builders.set(record as object, build);
    });
  };
  const children = new Map<
    string,
    { dob: IsoDate | null; sex: string | null; ethnicity: string | null; position: string }
  >();
  // Every worksheet's merged cells, read before any row (they follow the rows in a sheet's XML) so a merged
  // cell's value fills the rows of its merge (mergedFill). Read before the reader starts: awaiting between
  // the reader giving a worksheet and reading its rows lost rows of later sheets.
  const mergesOfPart = new Map<string, readonly MergedRange[]>();
  for (const e of o.zip.entries)
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
      mergesOfPart.set(e.name, await readMergedCells(o.path, o.zip, e.name));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await workbookInput(o.path, o.zip), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  // Read before any worksheet (workbookInput puts the workbook parts first).
  const sharedStrings = watchSharedStringsEnd(reader);
  for await (const ws of reader) {
    const sheet = ws as unknown as { name: string } & AsyncIterable<ExcelJS.Row>;
    const n = listNumberOf(sheet.name);
    const list = n === null ? undefined : ANNEX_A_LISTS.find((l) => l.number === n);
    if (!list) {
      otherSheets.push(sheet.name);
      for await (const _row of sheet) {
        // Other sheets (notes, guidance) are skipped.
      }
      continue;
    }
    seenLists.add(list.number);
    if (!sharedStrings.complete()) sharedStringsCutShort(sink.file);
    const sheetEnd = watchSheetEnd(ws as unknown as PartSource);
    const merges = mergesOfPart.get(`xl/worksheets/sheet${(ws as unknown as { id: string }).id}.xml`) ?? [];
    let fillMerged: ((row: number, values: Cell[]) => void) | null = null;
    const firstIssue = sink.issues.length;
    let lastRow = 0;
    const date1904 = !!(reader as unknown as { properties?: { date1904?: boolean } }).properties?.date1904;
    const label = `List ${list.number}`;
    let header: Map<string, number> | null = null;
    let headerTexts: (string | null)[] = [];
    let rowsSeen = 0;
    let lateHeader: number | null = null;
    let keyless = false;
    for await (const row of sheet) {
      lastRow = row.number;
      const values = row.values as Cell[];
      if (!header) {
        rowsSeen++;
        // inputs.md §4: the header is in the top 10 rows. One further down (title rows added above it) is not
        // read, but named in the sheet's warning (looked for up to row LATE_HEADER_ROWS, no further).
        if (rowsSeen > 10) {
          if (lateHeader === null && rowsSeen <= LATE_HEADER_ROWS && headerColumns(values, list))
            lateHeader = row.number;
          continue;
        }
        header = matchHeader(values, list, sink, label, row.number);
        if (header) {
          headerTexts = Array.from(values, (v) => cellText(v ?? null));
          fillMerged = mergedFill<Cell>(
            merges,
            filledColumns(header, list),
            (v) => cellText(v ?? null) === null,
          );
        }
        if (header && list.keyDate !== null && !header.has(list.keyDate)) {
          keyless = true;
          noKeyColumn(sink, list, label, row.number, header, headerTexts);
        } else if (header) sink.holds(label);
        continue;
      }
      // A list without its key column is not read (its rows cannot be keyed): see noKeyColumn.
      if (keyless) continue;
      if (values.every((v) => cellText(v ?? null) === null)) continue;
      fillMerged?.(row.number, values);
      sink.read(label);
      const position = `${label}!A${row.number}`;
      const get = (key: string): Cell => {
        const i = header!.get(key);
        return i === undefined ? null : (values[i] ?? null);
      };
      // An issue's position is the cell it is about (inputs.md §6, `Sheet!Cell`): the cell whose value is
      // wrong, or for a whole-row issue the key's cell; the row's records keep the row's position.
      const cellOf = (key: string): string => `${label}!${colLetter(header!.get(key) ?? 1)}${row.number}`;
      const where = (key: string): string => `${sink.file} ${cellOf(key)}`;
      const childId = cellText(get('childId'));
      const issue = (
        code: string,
        severity: 'error' | 'warning',
        key: string,
        value: string | null,
        message: string,
      ): void => {
        sink.issue({
          code,
          severity,
          table: label,
          position: cellOf(key),
          childId,
          field: list.columns.find((c) => c.key === key)?.label ?? key,
          value: clipValue(value),
          message: `${where(key)}: ${message}${severity === 'error' ? '; this row was not loaded.' : '.'}`,
        });
      };
      if (childId === null && list.columns.some((c) => c.key === 'childId')) {
        issue('AA-CHILD-ID', 'error', 'childId', null, `Child Unique ID is blank${whyBlank(get('childId'))}`);
        continue;
      }
      if (list.raw) {
        const rawRow = rawRowOf(list.number, childId, headerTexts, values, { file: sink.file, position });
        const dob = header.has('dob') ? cellDate(get('dob'), date1904).date : null;
        if (childId !== null && !children.has(childId))
          children.set(childId, { dob, sex: null, ethnicity: null, position });
        dated('annexARows', (asAt) => ({ ...rawRow, asAt }));
        continue;
      }
      if (childId === null) continue;
      const dates: Record<string, IsoDate | null> = {};
      let rejected = false;
      let future = false;
      let past = false;
      // Dates out of range that leave out only themselves (a List 7 review or visit, a List 8 review:
      // AnnexAColumn.without), reported once the row is known to load: a row rejected for a date of its own
      // is reported by that date alone.
      const leftOut: { col: AnnexAColumn; date: IsoDate; side: 'future' | 'past' }[] = [];
      // The row's latest event date: a workbook event only once the row is loaded (a rejected row's dates
      // are no events of the workbook, so they never move its as-at date).
      let rowLatest: IsoDate | null = null;
      for (const col of list.columns) {
        if (col.type !== 'date' || !header.has(col.key)) continue;
        const d = cellDate(get(col.key), date1904);
        dates[col.key] = d.date;
        const side = col.key === 'dob' ? null : outOfRangeSide(d.date, o.today, since);
        if (side !== null && col.without !== undefined) {
          dates[col.key] = null;
          leftOut.push({ col, date: d.date!, side });
          continue;
        }
        if (side === 'future') {
          if (!future)
            issue(
              'GEN-FUTURE',
              'error',
              col.key,
              ukDate(d.date!),
              outOfRangeMessage(col, d.date!, side, since),
            );
          future = true;
          rejected = true;
          continue;
        }
        if (side === 'past') {
          if (!past)
            issue(
              'GEN-PAST',
              'error',
              col.key,
              ukDate(d.date!),
              outOfRangeMessage(col, d.date!, side, since),
            );
          past = true;
          rejected = true;
          continue;
        }
        if (d.date !== null && col.key !== 'dob' && (rowLatest === null || d.date > rowLatest))
          rowLatest = d.date;
        if (d.date === null && d.raw !== null) {
          const isKey = col.key === list.keyDate;
          // The hint, when there is one, says how to write it; else the forms Annex A takes (inputs.md §4).
          const hint =
            dateHint(d.raw, 'dmy-or-iso', reasonOf(d.raw), 'workbook') ||
            ' (write it as a date, or d/m/yyyy)';
          issue(
            isKey ? 'AA-DATE' : 'GEN-DATE',
            isKey ? 'error' : 'warning',
            col.key,
            d.raw,
            `${col.label} '${d.raw}' is not a date${hint}${isKey ? '' : '; read as blank'}`,
          );
          if (isKey) rejected = true;
        }
      }
      if (list.keyDate && header.has(list.keyDate) && dates[list.keyDate] === null && !rejected) {
        issue(
          'AA-DATE',
          'error',
          list.keyDate,
          null,
          `${list.columns.find((c) => c.key === list.keyDate)!.label} is blank${whyBlank(get(list.keyDate))}`,
        );
        rejected = true;
      }
      if (rejected) continue;
      for (const { col, date, side } of leftOut)
        issue(
          side === 'future' ? 'GEN-FUTURE' : 'GEN-PAST',
          'warning',
          col.key,
          ukDate(date),
          `${outOfRangeMessage(col, date, side, since)}; ${col.without}`,
        );
      if (rowLatest !== null && (latest === null || rowLatest > latest)) latest = rowLatest;
      sink.dated(position, list.keyDate ? (dates[list.keyDate] ?? null) : null, rowLatest);
      const extras = { [ANNEX_A_KEY_CELL]: cellOf(list.keyDate ?? 'childId') };
      const labels: Record<string, string | null> = {};
      const unmapped: Record<string, string> = {};
      for (const col of list.columns) {
        if (col.type !== 'label' || !col.map || !header.has(col.key)) continue;
        const text = cellText(get(col.key));
        if (text === null) {
          labels[col.key] = null;
          continue;
        }
        const read = mapLabel(loadLabelMap(col.map), text);
        labels[col.key] = read.kind === 'code' ? read.code : null;
        if (read.kind === 'unmapped') unmapped[col.label] = text;
        if (read.kind === 'unmapped')
          issue(
            'AA-UNMAPPED',
            'warning',
            col.key,
            text,
            `${col.label} '${text}' is not a label cspi knows; loaded as unknown (add it to data/annex-a/${col.map}.json)`,
          );
      }
      const key = list.keyDate ? (dates[list.keyDate] ?? null) : null;
      if (key) {
        if (start === null || key < start) start = key;
        if (end === null || key > end) end = key;
      }
      if (!children.has(childId))
        children.set(childId, {
          dob: dates['dob'] ?? null,
          sex: labels['gender'] ?? null,
          ethnicity: labels['ethnicity'] ?? null,
          position,
        });
      const rowValues: AnnexARowValues = {
        childId,
        dates,
        labels,
        unmapped,
        text: (k) => cellText(get(k)),
        source: { file: sink.file, position },
      };
      if (list.number === 8) {
        dated('annexACic', (asAt) => annexACicRecord(rowValues, asAt ?? dates['start']!), extras);
      } else if (list.number === 9) {
        deferred.push((asAt) => {
          const status = annexACareLeaver(rowValues, asAt);
          if (status) {
            sink.add('careLeavers', status, extras);
            builders.set(status, (at) => annexACareLeaver(rowValues, at));
          } else
            issue(
              'AA-DATE',
              'error',
              'contact',
              null,
              'Latest Date of Contact is blank and the workbook has no other dates, so the status has no date',
            );
        });
      } else {
        addRecord(list, sink, childId, position, dates, labels, get, extras);
        // List 7's allocation is as at the workbook's date: kept beside the plan (the CP allocation fallback).
        if (list.number === 7) dated('annexACp', (asAt) => annexACpRecord(rowValues, asAt));
      }
    }
    if (!sheetEnd.complete()) sheetCutShort(sink.file, sheet.name, label, lastRow);
    explainMergedBlanks(sink, firstIssue, label, merges);
    if (!header) {
      sink.issue({
        code: 'AA-SHEET-ABSENT',
        severity: 'warning',
        table: label,
        position: `${label}!A1`,
        message: `${sink.file} ${label}: no header row found in the first 10 rows (expected columns such as ${list.columns
          .slice(0, 3)
          .map((c) => c.label)
          .join(', ')}); the sheet was not read.${
          lateHeader === null
            ? ''
            : ` Row ${lateHeader} looks like its header: delete rows above it so that it is within the first 10, and re-import.`
        }`,
      });
    }
  }
  // inputs.md §1: Annex A is a workbook "with sheets List 1…List 11 (one or more)"; one with none is not one
  // (a table saved as .xlsx), and would otherwise load as an Annex A submission holding nothing.
  if (seenLists.size === 0)
    refuse(
      'S-UNRECOGNISED',
      sink.file,
      null,
      `${sink.file} is an Excel workbook with no sheet named 'List 1' to 'List 11', so not an Ofsted Annex A (its sheets: ${otherSheets
        .map((n) => `'${n}'`)
        .join(
          ', ',
        )}); cspi reads SSDA903 and local tables as CSV: save the sheet as 'CSV UTF-8' and import that, or rename the Annex A sheets 'List 1' to 'List 11'.`,
    );
  for (const list of ANNEX_A_LISTS) {
    if (list.number <= 9 && !seenLists.has(list.number)) {
      sink.issue({
        code: 'AA-SHEET-ABSENT',
        severity: 'warning',
        table: `List ${list.number}`,
        position: null,
        message: `${sink.file}: there is no List ${list.number} (${list.title}) sheet; indicators needing it cannot use Annex A${
          otherSheets.length > 0
            ? ` (sheets are found by their name, 'List ${list.number}'; this workbook's other sheets: ${otherSheets.map((n) => `'${n}'`).join(', ')}: rename the one that holds List ${list.number})`
            : ''
        }.`,
      });
    }
  }
  const asAt = latest ?? end;
  for (const add of deferred) add(asAt);
  for (const [childId, c] of children) {
    sink.add('children', {
      childId,
      dob: c.dob,
      sex: sexCode(c.sex),
      ethnicity: c.ethnicity,
      deathDate: null,
      upnHash: null,
      disabilities: [],
      sources: [{ file: sink.file, position: c.position }],
    });
  }
  return {
    range: start !== null && end !== null ? { start, end } : null,
    asAt,
    redate: (record, at) => builders.get(record)?.(at) ?? record,
  };
}

/** Where an event date lies outside the range: after `today` (GEN-FUTURE), before `since` (GEN-PAST), or null. */
function outOfRangeSide(date: IsoDate | null, today: IsoDate, since: IsoDate): 'future' | 'past' | null {
  if (date === null) return null;
  return date > today ? 'future' : date < since ? 'past' : null;
}

/**
 * What GEN-FUTURE (`side` future) or GEN-PAST (past, `since` the table's first day) says of an event date out
 * of range, before what follows (the row not loaded, or what loads without the date).
 * @example outOfRangeMessage(review, '2030-02-01', 'future', '1990-01-01') //=> 'Date of latest review conference 01/02/2030 is in the future'
 */
function outOfRangeMessage(
  col: AnnexAColumn,
  date: IsoDate,
  side: 'future' | 'past',
  since: IsoDate,
): string {
  return side === 'future'
    ? `${col.label} ${ukDate(date)} is in the future`
    : `${col.label} ${ukDate(date)} is before ${since.slice(0, 4)}, earlier than any date cspi can count working days from; check the year`;
}

/**
 * The columns whose merged cells fill the rows of their merge ({@link mergedFill}): every column of the list's
 * header but the row's identity, the child id and the key date. inputs.md §4 is silent on merged cells; the
 * reading taken is the analyst's: Excel shows a merged value on every row of the merge, so a Referral Source,
 * Gender or Allocated Worker merged over a child's rows applies to each. A merged child id or key date is
 * not filled: which child or event a row is stays what its own cells say, and a blank one is refused with
 * the merge named ({@link explainMergedBlanks}).
 */
function filledColumns(header: ReadonlyMap<string, number>, list: AnnexAList): number[] {
  return [...header].filter(([key]) => key !== 'childId' && key !== list.keyDate).map(([, column]) => column);
}

/**
 * Says, in the message of each of a sheet's issues about a blank cell (a blank child id or key date) that lies
 * inside merged cells, that Excel keeps a merged range's value in its first cell only: the analyst sees the
 * value across the merged rows, and "Child Unique ID is blank" at a cell showing one would puzzle. The issues
 * are the sheet's (from `first` on).
 */
function explainMergedBlanks(
  sink: FileSink,
  first: number,
  label: string,
  ranges: readonly MergedRange[],
): void {
  if (ranges.length === 0) return;
  for (let n = first; n < sink.issues.length; n++) {
    const i = sink.issues[n]!;
    const cell = i.position === null ? null : new RegExp(`^${label}!([A-Z]{1,3})(\\d+)$`).exec(i.position);
    if (!cell || !i.message.includes(' is blank')) continue;
    const row = Number(cell[2]);
    const col = columnNumber(cell[1]!);
    const range = ranges.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
    if (!range || (row === range.top && col === range.left)) continue;
    const firstCell = range.ref.split(':')[0]!;
    sink.issues[n] = {
      ...i,
      message: i.message.replace(
        ' is blank',
        ` is blank (${cell[1]}${row} is in the merged cells ${range.ref}, whose value Excel keeps in ${firstCell} alone: unmerge them and fill in each row)`,
      ),
    };
  }
}

/**
 * Refuses a workbook whose list sheet's XML stops before the sheet's end (`S-TRUNCATED`, inputs.md §6, as
 * for an unclosed XML root): the rows after the cut cannot be read, so loading the rest would lose them
 * without a word. Names the file, the sheet and the cell after the last row read.
 */
function sheetCutShort(file: string, sheetName: string, label: string, lastRow: number): never {
  refuse(
    'S-TRUNCATED',
    file,
    `${label}!A${lastRow + 1}`,
    `${file}: sheet '${sheetName}' is cut short ${lastRow > 0 ? `after row ${lastRow}` : 'before its first row'} (its XML stops before the end of the sheet, so the workbook was damaged or not completely saved), and any rows after that cannot be read; open the workbook in Excel, save it again as .xlsx and re-import.`,
  );
}

/**
 * Refuses a workbook whose shared strings part (the text of its cells) stops before its end (`S-TRUNCATED`,
 * inputs.md §6): every cell whose text lies after the cut would read as blank, a child id or a label lost
 * without a word.
 */
function sharedStringsCutShort(file: string): never {
  refuse(
    'S-TRUNCATED',
    file,
    null,
    `${file}: the text of its cells (the workbook's shared strings) is cut short, so the workbook was damaged or not completely saved, and cells whose text comes after the cut cannot be read; open the workbook in Excel, save it again as .xlsx and re-import.`,
  );
}

/**
 * A list whose header row lacks its key date column (a misspelt `Date of refferal`): its rows cannot be keyed or
 * dated, so the sheet is not read, as a sheet with no header row is not. Reading of inputs.md §4 and §6 (a
 * missing list is `AA-SHEET-ABSENT`, a warning; a row is never loaded without its key): `AA-SHEET-ABSENT`
 * at the header row, naming the missing column and the header cells cspi did not recognise.
 */
function noKeyColumn(
  sink: FileSink,
  list: AnnexAList,
  label: string,
  rowNumber: number,
  header: ReadonlyMap<string, number>,
  headerTexts: readonly (string | null)[],
): void {
  const key = list.columns.find((c) => c.key === list.keyDate)!;
  const used = new Set(header.values());
  const unknown = headerTexts
    .map((t, i) => (t !== null && i > 0 && !used.has(i) ? `'${t}' (${colLetter(i)}${rowNumber})` : null))
    .filter((t): t is string => t !== null);
  const position = `${label}!A${rowNumber}`;
  sink.issue({
    code: 'AA-SHEET-ABSENT',
    severity: 'warning',
    table: label,
    position,
    field: key.label,
    message: `${sink.file} ${position}: the header row has no '${key.label}' column (the date each ${label} row is keyed by), so the sheet was not read${
      unknown.length > 0 ? `; columns not recognised: ${unknown.join(', ')}` : ''
    }. Name the column '${key.label}' and re-import.`,
  });
}

/**
 * The list's columns a row heads (column key → cell index), when it is a header row: half the list's columns
 * or more, Child Unique ID among them (a list of no set columns: three filled cells); else null.
 */
function headerColumns(
  values: readonly Cell[],
  list: AnnexAList,
): { header: Map<string, number>; used: Set<number>; texts: string[] } | null {
  const header = new Map<string, number>();
  const used = new Set<number>();
  const texts = Array.from(values, (v) => normaliseHeader(cellText(v ?? null) ?? ''));
  if (list.columns.length === 0)
    return texts.filter((t) => t !== '').length >= 3 ? { header, used, texts } : null;
  // Longer token lists first, so "Plan Start Date" is not taken by a looser column.
  const cols = [...list.columns].sort((a, b) => b.tokens.length - a.tokens.length);
  for (const col of cols) {
    const i = texts.findIndex((t, idx) => t !== '' && !used.has(idx) && headerMatches(t, col));
    if (i !== -1) {
      header.set(col.key, i);
      used.add(i);
    }
  }
  if (header.size < Math.max(1, Math.ceil(list.columns.length / 2)) || !header.has('childId')) return null;
  return { header, used, texts };
}

function matchHeader(
  values: Cell[],
  list: AnnexAList,
  sink: FileSink,
  label: string,
  rowNumber: number,
): Map<string, number> | null {
  const found = headerColumns(values, list);
  if (found === null) return null;
  const { header, used, texts } = found;
  // Without its key date column the sheet is not read, and noKeyColumn's AA-SHEET-ABSENT names every header
  // cell it did not recognise: one misspelt cell is one mistake, reported once, not again as AA-EXTRA-COLUMN.
  if (list.complete && (list.keyDate === null || header.has(list.keyDate))) {
    texts.forEach((t, i) => {
      if (t !== '' && !used.has(i)) {
        const raw = cellText(values[i] ?? null);
        sink.issue({
          code: 'AA-EXTRA-COLUMN',
          severity: 'warning',
          table: label,
          position: `${label}!${colLetter(i)}${rowNumber}`,
          value: clipValue(raw),
          message: `${sink.file} ${label}!${colLetter(i)}${rowNumber}: column '${raw}' is not an Annex A ${label} column; it is ignored.`,
        });
      }
    });
  }
  return header;
}

/**
 * A row of a stored, unused list (10, 11): every filled cell under its header text (a cell under no header
 * as `Column X`), dates as `YYYY-MM-DD`.
 */
function rawRowOf(
  list: number,
  childId: string | null,
  headerTexts: readonly (string | null)[],
  values: readonly Cell[],
  source: { file: string; position: string },
): Omit<AnnexARow, 'asAt'> {
  const cells: Record<string, string> = {};
  for (let i = 1; i < values.length; i++) {
    const t = cellText(values[i] ?? null);
    if (t === null) continue;
    const h = headerTexts[i] ?? `Column ${colLetter(i)}`;
    cells[h in cells ? `${h} (${colLetter(i)})` : h] = t;
  }
  return { id: `List ${list}/${source.position.split('!A')[1]}`, list, childId, cells, source };
}

function addRecord(
  list: AnnexAList,
  sink: FileSink,
  childId: string,
  position: string,
  dates: Record<string, IsoDate | null>,
  labels: Record<string, string | null>,
  get: (key: string) => Cell,
  extras: Readonly<Record<string, string>>,
): void {
  const source = { file: sink.file, position };
  const text = (k: string): string | null => cellText(get(k));
  switch (list.number) {
    case 3: {
      const date = dates['referralDate']!;
      sink.add(
        'referrals',
        {
          id: `${childId}/${date}`,
          childId,
          referralDate: date,
          referralSource: labels['referralSource'] ?? null,
          referralSourceRaw: labels['referralSource'] ? null : text('referralSource'),
          primaryNeedCode: null,
          closureDate: null,
          reasonForClosure: null,
          dateOfInitialCpc: null,
          referralNfa: labels['nfa'] === 'Y' ? true : labels['nfa'] === 'N' ? false : null,
          source,
        },
        extras,
      );
      return;
    }
    case 4: {
      const date = dates['start']!;
      sink.add(
        'assessments',
        {
          id: `${childId}/${date}`,
          referralId: '',
          childId,
          startDate: date,
          internalReviewDate: null,
          authorisationDate: dates['authorised'] ?? null,
          factors: [],
          source,
        },
        extras,
      );
      return;
    }
    case 5: {
      const date = dates['strategy']!;
      sink.add(
        'section47s',
        {
          id: `${childId}/${date}`,
          referralId: '',
          childId,
          startDate: date,
          initialCpcTarget: null,
          dateOfInitialCpc: dates['icpc'] ?? null,
          icpcNotRequired: labels['unnecessary'] === 'Y',
          source,
        },
        extras,
      );
      // List 5 also supplies the strategy-discussion anchor of icpc-15wd when no strategy_discussions.csv
      // is loaded (inputs.md §4): the dataset takes it only in that case, as for any local table.
      sink.add(
        'strategyDiscussions',
        {
          id: `${childId}/${date}`,
          childId,
          strategyDate: date,
          s47Start: date,
          source,
        },
        extras,
      );
      return;
    }
    case 7: {
      const date = dates['start']!;
      const prev = text('previous');
      sink.add(
        'cpPlans',
        {
          id: `${childId}/${date}`,
          referralId: '',
          childId,
          startDate: date,
          endDate: dates['end'] ?? null,
          initialCategoryOfAbuse: labels['initial'] ?? null,
          latestCategoryOfAbuse: labels['latest'] ?? null,
          numberOfPreviousCpp: prev !== null && /^\d+$/.test(prev) ? Number(prev) : null,
          reviewDates: dates['review'] ? [dates['review']] : [],
          source,
        },
        extras,
      );
      return;
    }
    default:
      return;
  }
}
