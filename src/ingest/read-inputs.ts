import { createHash } from 'node:crypto';
import type { IsoDate } from '../calendar/iso-date.js';
import { financialYearContaining } from '../calendar/period.js';
import type { SourceKind } from '../model/source.js';
import type { RowCount, ValidationIssue } from '../validate/issue.js';
import { loadCodeBook } from '../validate/code-lists.js';
import { rulesFor } from '../validate/registry.js';
import { RULE_FAILED, runRules } from '../validate/run-rules.js';
import { collectInputFiles, type InputFile } from './collect-input-files.js';
import { FileSink, type RecordExtras } from './file-sink.js';
import { EpisodeTable } from './episode-table.js';
import { type IngestLimits, resolveLimits } from './limits.js';
import { Refusal, refuse, structuralIssue, unreadable } from './refusal.js';
import { errorRateIssues, rowCounts } from './row-counts.js';
import { sniffFile } from './sniff-file.js';
import type { FileInfo, IngestResult, StagedSubmission, StagedTables } from './staged.js';
import { read903Csv } from './ssda903/read-903-csv.js';
import { read903Xml } from './ssda903/read-903-xml.js';
import { REQUIRED_903_TABLES, type Ssda903Table } from './ssda903/tables.js';
import { countDate, ssda903CollectionYear, type Ssda903SetDates } from './ssda903/collection-year.js';
import { datesOfLoadedRows } from './loaded-row-dates.js';
import { readCinXml, type CinFileFacts } from './cin/read-cin-xml.js';
import { cinLatestEvent } from './cin/map-cin-child.js';
import { readLocalCsv, type LocalFileDates } from './local/read-local-csv.js';
import { LOCAL_STAGED_TABLE, UNDATED_LOCAL_TABLES, type LocalTable } from './local/tables.js';
import { dfeLaCode, laCode } from './la-code.js';
import { collectionYearExample, collectionYearProblem } from './collection-year-text.js';
import { londonToday } from '../calendar/london-date.js';
import { firstCountableDate } from '../calendar/bank-holidays.js';
import type { AnnexAFacts } from './annex-a/read-annex-a.js';

/** Progress of a read: the file being read, bytes read so far of all files, rows (elements) read so far. */
export interface IngestProgress {
  readonly file: string;
  /** Files finished so far, and how many there are. */
  readonly files: number;
  readonly totalFiles: number;
  readonly bytes: number;
  readonly totalBytes: number;
  readonly rows: number;
}

export interface ReadInputsOptions {
  /** LA code (`--la`); a CIN LEA that differs is refused. */
  readonly la?: string;
  /**
   * Where `la` came from, as the S-LA-MISMATCH message names it, so the user knows what to change: `--la` (the
   * default), `CSPI_LA` (`cspi import` without `--la`), the hub's LA folder, the dashboard's LA.
   */
  readonly laGivenBy?: string;
  /** Collection year (`--year 2021-22`), overriding what the files say. */
  readonly year?: string;
  readonly onProgress?: (p: IngestProgress) => void;
  readonly limits?: Partial<IngestLimits>;
  /** Today (GEN-FUTURE); defaults to the London date now. */
  readonly today?: IsoDate;
  /**
   * Key for the UPN hash (inputs.md §7); defaults to {@link upnKeyOf} the import's LA, once it is known (--la,
   * else the CIN LEA).
   */
  readonly upnKey?: string;
}

/** One file after reading. */
interface ReadFile {
  readonly input: InputFile;
  readonly format: string;
  readonly sink: FileSink;
  /** Table label the rows are counted under (CSV). */
  readonly label: string | null;
  readonly sha256: string;
  readonly kind:
    | { readonly source: 'ssda903'; readonly table: Ssda903Table | 'xml' }
    | { readonly source: 'cin'; readonly facts: CinFileFacts }
    | { readonly source: 'local'; readonly table: LocalTable; readonly dates: LocalFileDates }
    | { readonly source: 'annex-a'; readonly facts: AnnexAFacts };
}

/** A submission before its rules run. */
interface Group {
  readonly source: SourceKind;
  readonly files: ReadFile[];
  year: string | null;
  asAt: IsoDate | null;
  dateRange: { start: IsoDate; end: IsoDate } | null;
}

/**
 * Reads and validates the input paths of one import (inputs.md §1–§6): files and folders (recursive; hidden
 * and `~$` files skipped), each recognised by content, streamed by its reader, grouped into submissions (source,
 * collection year, as-at date), and checked by the year's rules. Nothing is stored: the result says what would
 * load, what was rejected and why, and whether the import is refused (any structural issue).
 * @example const r = await readInputs(['returns/2021-22'], { la: '841' }); r.refused //=> false
 */
export async function readInputs(
  paths: readonly string[],
  options: ReadInputsOptions = {},
): Promise<IngestResult> {
  const limits = resolveLimits(options.limits);
  const today = options.today ?? londonToday();
  // One LA, however it was given (DfE number or ONS code): one UPN key, one LA in the report.
  const givenLa = options.la === undefined ? undefined : laCode(options.la);
  const issues: ValidationIssue[] = [];
  const yearProblem = options.year === undefined ? null : collectionYearProblem(options.year, today);
  if (yearProblem !== null) issues.push(structuralIssue('S-YEAR', null, null, yearProblem));
  const collected = await collectInputFiles(paths);
  for (const i of collected.issues) issues.push(i);
  const totalBytes = collected.files.reduce((s, f) => s + f.size, 0);
  const extras = new WeakMap<object, RecordExtras>();
  let bytes = 0;
  let rows = 0;
  let done = 0;
  const read: ReadFile[] = [];

  for (const input of collected.files) {
    if (read.length > 0 || done > 0)
      options.onProgress?.({
        file: input.name,
        files: done,
        totalFiles: collected.files.length,
        bytes,
        totalBytes,
        rows,
      });
    done++;
    const sink = new FileSink(input.name, extras);
    const hash = createHash('sha256');
    const onChunk = (chunk: Buffer): void => {
      hash.update(chunk);
      bytes += chunk.length;
      options.onProgress?.({
        file: input.name,
        files: done,
        totalFiles: collected.files.length,
        bytes,
        totalBytes,
        rows: rows + countReads(sink),
      });
    };
    try {
      const sniff = await sniffFile(input.path, input.name, input.size, limits);
      if (sniff.kind === 'refused') {
        issues.push(sniff.issue);
        bytes += input.size;
        continue;
      }
      let file: ReadFile;
      if (sniff.kind === 'csv' && sniff.match.kind === 'ssda903') {
        await read903Csv(sink, {
          path: input.path,
          table: sniff.match.table,
          index: sniff.match.index,
          limits,
          onChunk,
        });
        file = {
          input,
          format: 'ssda903-csv',
          sink,
          label: sniff.match.table,
          sha256: hash.digest('hex'),
          kind: { source: 'ssda903', table: sniff.match.table },
        };
      } else if (sniff.kind === 'csv') {
        const m = sniff.match as { table: LocalTable; index: Record<string, number> };
        const dates = await readLocalCsv(sink, {
          path: input.path,
          table: m.table,
          index: m.index,
          limits,
          today,
          onChunk,
        });
        file = {
          input,
          format: 'local-csv',
          sink,
          label: m.table,
          sha256: hash.digest('hex'),
          kind: { source: 'local', table: m.table, dates },
        };
      } else if (sniff.kind === 'cin-xml') {
        const facts = await readCinXml(sink, {
          path: input.path,
          encoding: sniff.encoding,
          limits,
          today,
          onChunk,
        });
        file = {
          input,
          format: 'cin-xml',
          sink,
          label: null,
          sha256: hash.digest('hex'),
          kind: { source: 'cin', facts },
        };
      } else if (sniff.kind === 'ssda903-xml') {
        await read903Xml(sink, { path: input.path, encoding: sniff.encoding, limits, onChunk });
        file = {
          input,
          format: 'ssda903-xml',
          sink,
          label: null,
          sha256: hash.digest('hex'),
          kind: { source: 'ssda903', table: 'xml' },
        };
      } else {
        // Loaded only for an Annex A workbook: exceljs takes most of a second to load.
        const { readAnnexA, isWorkbookDamage } = await import('./annex-a/read-annex-a.js');
        const facts = await readAnnexA(sink, {
          path: input.path,
          zip: sniff.zip,
          limits,
          today,
          onChunk,
        }).catch((e: unknown) => {
          // A part that is not XML, or data that does not inflate, is a damaged file, not a cspi failure.
          if (isWorkbookDamage(e))
            refuse(
              'S-MALFORMED-XML',
              input.name,
              null,
              `${input.name} could not be read as a workbook: a part of it is not well-formed XML (it was damaged, or not written by Excel); open it in Excel, save it again as .xlsx and re-import.`,
            );
          throw e;
        });
        file = {
          input,
          format: 'annex-a',
          sink,
          label: null,
          sha256: hash.digest('hex'),
          kind: { source: 'annex-a', facts },
        };
      }
      if (file.label !== null) sink.holds(file.label);
      if (file.kind.source === 'local')
        (sink.tables[LOCAL_STAGED_TABLE[file.kind.table]] as unknown[] | undefined) ??= [];
      rows += countReads(sink);
      read.push(file);
    } catch (e) {
      const denied = unreadable(e, input.path, 'file');
      if (e instanceof Refusal) issues.push(e.issue);
      else if (denied) issues.push({ ...denied, file: input.name });
      else {
        issues.push(
          structuralIssue(
            'S-INTERNAL',
            input.name,
            null,
            `could not read ${input.name}${sink.reads.size > 0 ? ` after ${countReads(sink)} rows` : ''}; nothing was loaded (an unexpected failure${failureKind(e)}: run again with CSPI_DEBUG=1 and report it).`,
          ),
        );
        if (process.env['CSPI_DEBUG'])
          process.stderr.write(`S-INTERNAL in ${input.name}: ${e instanceof Error ? e.stack : String(e)}\n`);
      }
    }
  }

  for (const f of read) for (const i of f.sink.issues) issues.push(i);
  const groups = groupSubmissions(
    read,
    collected.files.filter((f) => !read.some((r) => r.input === f)),
    issues,
  );
  const la = resolveLa(read, givenLa ?? null, options.laGivenBy ?? '--la', issues);
  // UPNs are hashed now that the LA is settled, so one UPN hashes alike whether the LA came from --la or from
  // a CIN LEA read after the SSDA903 files (inputs.md §7, X-UPN).
  const upnKey = options.upnKey ?? upnKeyOf(la);
  for (const f of read) f.sink.hashUpns(upnKey);

  const fileTables = new Map(read.filter((f) => f.label !== null).map((f) => [f.input.name, f.label!]));
  const submissions: StagedSubmission[] = [];
  const allTables = groups.map((g) => mergeTables(g.files));
  groups.forEach((g, gi) => resolveYear(g, allTables[gi]!, options.year ?? null, today, issues));
  yearsOfUndatedSubmissions(groups, options.year ?? null, today, issues);
  const statutory = new Map<string, Group>();
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    let tables = allTables[gi]!;
    if (g.year === null) continue;
    if (g.source === 'ssda903' || g.source === 'cin') {
      const other = statutory.get(`${g.source}|${g.year}`);
      if (other) {
        const a = other.files.map((f) => f.input.name).join(', ');
        const b = g.files.map((f) => f.input.name).join(', ');
        issues.push(
          structuralIssue(
            'S-MIXED',
            g.files[0]!.input.name,
            null,
            `${a} and ${b} are both the ${g.source === 'cin' ? 'CIN census' : 'SSDA903 return'} for ${g.year}: import one of them` +
              // --year makes every file of the import that year: two years' folders then collide.
              (options.year === undefined
                ? '.'
                : ` (--year ${options.year} puts every file of this import in that year: give --year only with one year's files, or leave it out).`),
          ),
        );
        continue;
      }
      statutory.set(`${g.source}|${g.year}`, g);
    }
    if (g.source === 'ssda903' || g.source === 'cin') {
      if (!loadCodeBook(g.source, g.year)) {
        issues.push(
          structuralIssue(
            'S-YEAR',
            g.files[0]!.input.name,
            null,
            `${g.files.map((f) => f.input.name).join(', ')}: collection year ${g.year} has no ${g.source === 'cin' ? 'CIN census' : 'SSDA903'} code lists in this version of cspi (supported: 2017-18 to 2026-27); check the year or update cspi.`,
          ),
        );
        continue;
      }
    }
    for (const r of tables.oc2 ?? []) (r as { year: string }).year = g.year;
    for (const r of tables.oc3 ?? []) (r as { year: string }).year = g.year;
    for (const r of tables.ad1 ?? []) (r as { year: string }).year = g.year;
    for (const r of tables.prevPerm ?? []) (r as { year: string }).year = g.year;
    const rules = rulesFor(g.source, g.year) ?? rulesFor(g.source, '2026-27') ?? [];
    const period = financialYearContaining(`${g.year.slice(0, 4)}-04-01` as IsoDate);
    const result = runRules(
      rules,
      {
        source: g.source,
        year: g.year,
        yearStart: period.start,
        yearEnd: period.end,
        today,
        tables,
        importTables: allTables,
        codes: (source, year) => loadCodeBook(source, year ?? g.year!),
        extras: (r) => extras.get(r),
      },
      fileTables,
      extras,
    );
    tables = datedByLoadedRows(g, tables, result.tables, options.year ?? null, today);
    for (const i of result.issues) issues.push(i);
    for (const skip of result.skipped) {
      // A rule that failed (a bug) left its check undone: refused, never loaded unchecked (inputs.md §6).
      if (!skip.reason.startsWith(RULE_FAILED)) continue;
      const names = g.files.map((f) => f.input.name).join(', ');
      issues.push(
        structuralIssue(
          'S-INTERNAL',
          g.files[0]?.input.name ?? null,
          null,
          `could not check ${names}: the check ${skip.code} failed; nothing was loaded (an unexpected failure: run again with CSPI_DEBUG=1 and report it).`,
        ),
      );
    }
    const files = g.files.map((f) => fileInfo(f));
    submissions.push({
      source: g.source,
      collectionYear: g.source === 'local' && isUndated(g) ? null : g.year,
      asAt: g.asAt,
      dateRange: g.dateRange,
      files,
      tables,
    });
  }

  sameSubmissionTwice(submissions, issues);
  const reads = new Map(read.map((f) => [f.input.name, f.sink.reads] as const));
  const counts: RowCount[] = rowCounts(reads, issues);
  issues.push(...errorRateIssues(counts, limits));
  return {
    la,
    files: read.map((f) => fileInfo(f)),
    unreadFiles: collected.files.filter((f) => !read.some((r) => r.input === f)).map((f) => f.name),
    submissions,
    issues,
    counts,
    refused: issues.some((i) => i.severity === 'structural'),
  };
}

function countReads(sink: FileSink): number {
  let n = 0;
  for (const v of sink.reads.values()) n += v;
  return n;
}

function fileInfo(f: ReadFile): FileInfo {
  const tables = Object.keys(f.sink.tables);
  return {
    name: f.input.name,
    path: f.input.path,
    size: f.input.size,
    sha256: f.sha256,
    format: f.format,
    tables: tables.length > 0 ? tables : f.label ? [f.label] : [],
  };
}

function isUndated(g: Group): boolean {
  return g.files.every((f) => f.kind.source === 'local' && UNDATED_LOCAL_TABLES.includes(f.kind.table));
}

/**
 * Concatenates the staged tables of a group's files. A table only one file holds is that file's array as it
 * is (nothing changes a staged array in place: the rules engine swaps in new arrays).
 */
function mergeTables(files: readonly ReadFile[]): StagedTables {
  const out: Record<string, unknown[] | EpisodeTable> = {};
  for (const f of files) {
    for (const [k, v] of Object.entries(f.sink.tables) as [string, unknown[] | EpisodeTable][]) {
      const list = out[k];
      out[k] =
        list === undefined
          ? v
          : list instanceof EpisodeTable
            ? list.concat(v as EpisodeTable)
            : list.concat(v as unknown[]);
    }
  }
  return out as StagedTables;
}

/**
 * Groups files into submissions (inputs.md §1.1): each CIN file, local file and Annex A workbook is one;
 * SSDA903 CSV tables in one folder form one set (with a 903 XML file there, its SWEpisodes/DoLo CSVs join it).
 * A table given twice, or in both forms, is `S-MIXED`; a set without Header or Episodes is `S-INCOMPLETE-SET`,
 * which names any file of its folder that was refused (`refused`): that file may be the table, refused for a
 * fault of its own (a misspelt column), and is then what to fix, not a file to add.
 */
function groupSubmissions(
  read: readonly ReadFile[],
  refused: readonly InputFile[],
  issues: ValidationIssue[],
): Group[] {
  const groups: Group[] = [];
  const byDir = new Map<string, ReadFile[]>();
  for (const f of read) {
    if (f.kind.source === 'ssda903') {
      const list = byDir.get(f.input.dir) ?? [];
      list.push(f);
      byDir.set(f.input.dir, list);
    } else {
      groups.push({ source: f.kind.source, files: [f], year: null, asAt: null, dateRange: null });
    }
  }
  for (const files of byDir.values()) {
    const xml = files.filter((f) => f.kind.source === 'ssda903' && f.kind.table === 'xml');
    const csv = files.filter((f) => f.kind.source === 'ssda903' && f.kind.table !== 'xml');
    if (xml.length > 1) {
      issues.push(
        structuralIssue(
          'S-MIXED',
          xml[1]!.input.name,
          null,
          `${xml.map((f) => f.input.name).join(' and ')} are two SSDA903 XML returns in one folder: put each year's return in its own folder.`,
        ),
      );
      continue;
    }
    const seen = new Map<string, ReadFile>();
    let mixed = false;
    for (const f of csv) {
      const t = (f.kind as { table: string }).table;
      const prev = seen.get(t);
      if (prev) {
        issues.push(
          structuralIssue(
            'S-MIXED',
            f.input.name,
            null,
            `${prev.input.name} and ${f.input.name} are both the SSDA903 ${t} table in one folder: keep one (put other years in their own folders).`,
          ),
        );
        mixed = true;
      }
      seen.set(t, f);
      if (xml.length === 1 && t !== 'SWEpisodes' && t !== 'DoLo') {
        issues.push(
          structuralIssue(
            'S-MIXED',
            f.input.name,
            null,
            `${f.input.name} is the SSDA903 ${t} table, which ${xml[0]!.input.name} (XML) also holds: import one form, not both.`,
          ),
        );
        mixed = true;
      }
    }
    if (mixed) continue;
    if (xml.length === 0) {
      const missing = REQUIRED_903_TABLES.filter((t) => !seen.has(t));
      const dir = csv[0]!.input.dir;
      const refusedHere = refused.filter((f) => f.dir === dir).map((f) => f.name);
      if (missing.length > 0) {
        issues.push(
          structuralIssue(
            'S-INCOMPLETE-SET',
            csv[0]!.input.name,
            null,
            `the SSDA903 set with ${csv.map((f) => f.input.name).join(', ')} has no ${missing.join(' or ')} table; each year's set needs Header and Episodes${
              refusedHere.length > 0
                ? `: ${refusedHere.join(', ')} in the same folder ${refusedHere.length === 1 ? 'was' : 'were'} refused (see above); if ${refusedHere.length === 1 ? 'it is' : 'one is'} the ${missing.join(' or ')} table, fix it and re-import.`
                : ` (add ${missing.length === 1 ? 'it' : 'them'} to the same folder).`
            }`,
          ),
        );
        continue;
      }
      // A required table with no rows supplies nothing (reading of §2.1: every LA's year has looked-after
      // children, open episodes included); loaded, it would replace the year's submission whole (§1.1) with an
      // empty one.
      const empty = REQUIRED_903_TABLES.map((t) => seen.get(t)!).filter(
        (f) => (f.sink.reads.get((f.kind as { table: string }).table) ?? 0) === 0,
      );
      for (const f of empty)
        issues.push(
          structuralIssue(
            'S-INCOMPLETE-SET',
            f.input.name,
            null,
            `${f.input.name} has its header row but no rows: each year's SSDA903 set needs Header and Episodes rows (was the export empty?); export it again and re-import.`,
          ),
        );
      if (empty.length > 0) continue;
    }
    groups.push({ source: 'ssda903', files: [...xml, ...csv], year: null, asAt: null, dateRange: null });
  }
  // Two submissions of one source for one year are ambiguous.
  return groups;
}

/** Each staged local table's file name as a user knows it (`cpVisits` → `cp_visits`). */
const LOCAL_FILE_OF_STAGED: ReadonlyMap<string, string> = new Map(
  Object.entries(LOCAL_STAGED_TABLE).map(([file, staged]) => [staged, file]),
);

/**
 * `S-MIXED` for two local files (or Annex A workbooks) of one import that are the same submission (inputs.md
 * §1.1: a submission is LA, source, collection year and, for these, the as-at date; local files also by the
 * tables they hold, as `submissionIdentity` in the store): the store keeps one submission per identity, so
 * one file's rows would silently not load (§6: every row read is loaded or listed). Byte-identical copies are
 * not: they hold the same rows. Two files of an undated table (§5: upsert on key, the later import winning)
 * are refused too: of one import, neither is the later.
 */
function sameSubmissionTwice(submissions: readonly StagedSubmission[], issues: ValidationIssue[]): void {
  const seen = new Map<string, StagedSubmission>();
  for (const s of submissions) {
    if (s.source !== 'local' && s.source !== 'annex-a') continue;
    const tables = s.source === 'local' ? Object.keys(s.tables).sort().join(',') : '';
    const key = `${s.source}|${s.collectionYear ?? ''}|${s.asAt ?? ''}|${tables}`;
    const other = seen.get(key);
    if (!other) {
      seen.set(key, s);
      continue;
    }
    // Byte-identical copies (one reference extract kept in each year's folder) are one submission indeed.
    const shas = (x: StagedSubmission): string =>
      x.files
        .map((f) => f.sha256)
        .sort()
        .join(',');
    if (shas(other) === shas(s)) continue;
    const a = other.files.map((f) => f.name).join(', ');
    const b = s.files.map((f) => f.name).join(', ');
    // The tables by the file names a user knows (cp_visits, not the staged cpVisits).
    const named = Object.keys(s.tables)
      .map((t) => LOCAL_FILE_OF_STAGED.get(t) ?? t)
      .sort()
      .join(', ');
    const what =
      s.source === 'local'
        ? `the local ${named || 'extract'} file${s.asAt ? ` as at ${s.asAt}` : ''}`
        : `the Annex A workbook${s.asAt ? ` as at ${s.asAt}` : ''}`;
    issues.push(
      structuralIssue(
        'S-MIXED',
        s.files[0]?.name ?? null,
        null,
        `${a} and ${b} are both ${what}: ${
          s.source === 'local' && s.collectionYear === null
            ? 'where both hold a key, nothing in one import says which row is the newer'
            : 'one would replace the other'
        }, so put their rows in one file and import that.`,
      ),
    );
  }
}

/**
 * The collection year of each submission whose files hold no date, which {@link resolveYear} leaves open: a
 * dated local file with its header and no rows (or none that loads with a date), and an Annex A workbook whose
 * lists are empty or hold no row that loads with a date. Reading of inputs.md §1 ("collection year per
 * submission"), §4 and §5 (a workbook and a local file are dated by their rows), which are silent on one with
 * none: it belongs to the import it came with, so it takes the latest collection year of the import's other
 * dated submissions (a return, a census, a workbook, a local file with rows); with nothing dated beside it its
 * year cannot be told: `S-YEAR`, as for an SSDA903 set without dates (give `--year`). Never today's year,
 * which nobody imported.
 */
function yearsOfUndatedSubmissions(
  groups: readonly Group[],
  override: string | null,
  today: IsoDate,
  issues: ValidationIssue[],
): void {
  if (override !== null) return;
  const undated = groups.filter(
    (g) => g.year === null && ((g.source === 'local' && !isUndated(g)) || g.source === 'annex-a'),
  );
  if (undated.length === 0) return;
  const years = groups
    .filter((g) => g.year !== null && !(g.source === 'local' && isUndated(g)))
    .map((g) => g.year!)
    .sort();
  const latest = years.at(-1) ?? null;
  for (const g of undated) {
    g.year = latest;
    if (latest !== null) continue;
    const name = g.files[0]!.input.name;
    const rows = countReads(g.files[0]!.sink);
    const file = g.files[0]!;
    const typos = file.kind.source === 'local' ? (file.kind.dates.typoDated ?? 0) : 0;
    const what =
      rows > 0
        ? typos > 0
          ? `has no row that loads with a date (${typos === rows ? (rows === 1 ? 'its row is' : `all ${rows} rows are`) : `${typos} of its ${rows} rows ${typos === 1 ? 'is' : 'are'}`} dated after today or before ${firstCountableDate().slice(0, 4)}, which cspi takes for a typo in the year: GEN-FUTURE, GEN-PAST)`
          : 'has no row that loads with a date'
        : g.source === 'annex-a'
          ? noRowsInLists(g.files[0]!.sink)
          : 'has its header but no rows';
    issues.push(
      structuralIssue(
        'S-YEAR',
        name,
        null,
        `${name} ${what}, and nothing else in this import is dated, so its collection year cannot be told: give it with --year ${collectionYearExample(null, today)}, or leave the file out.`,
      ),
    );
  }
}

/**
 * Why an Annex A workbook has no rows, for its `S-YEAR` message: its lists are empty, or a list sheet was not
 * read (no header row in its first 10 rows, or no key column: its `AA-SHEET-ABSENT` warning says which).
 * @example noRowsInLists(sink) //=> 'has no rows cspi could read: List 3 was not read (see its AA-SHEET-ABSENT warning)'
 */
function noRowsInLists(sink: FileSink): string {
  const unread = sink.issues.filter((i) => i.code === 'AA-SHEET-ABSENT' && i.position !== null);
  if (unread.length === 0) return 'has no rows in its lists';
  const lists = unread.map((i) => i.table).join(', ');
  return unread.length === 1
    ? `has no rows cspi could read: ${lists} was not read (see its AA-SHEET-ABSENT warning)`
    : `has no rows cspi could read: ${lists} were not read (see their AA-SHEET-ABSENT warnings)`;
}

/**
 * Works out a group's collection year, as-at date and date range (inputs.md §1, §1.1); a dated local file or
 * an Annex A workbook with no dated row is left without a year here ({@link yearsOfUndatedSubmissions}).
 */
function resolveYear(
  g: Group,
  tables: StagedTables,
  override: string | null,
  today: IsoDate,
  issues: ValidationIssue[],
): void {
  const fy = (d: IsoDate): string => financialYearContaining(d).financialYear;
  const names = g.files.map((f) => f.input.name).join(', ');
  if (g.source === 'ssda903') {
    const set = ssda903CollectionYear(ssda903SetDates(tables, today), override);
    g.asAt = set?.asAt ?? null;
    g.year = set?.year ?? null;
    if (g.year === null) {
      issues.push(
        structuralIssue(
          'S-YEAR',
          g.files[0]!.input.name,
          null,
          `${names}: no episode or review dates, so the collection year cannot be told; give it with --year ${collectionYearExample(null, today)}.`,
        ),
      );
    }
    return;
  }
  const f = g.files[0]!;
  if (f.kind.source === 'cin') {
    const facts = f.kind.facts;
    let year: string | null = null;
    if (facts.year && /^\d{4}$/.test(facts.year)) year = `${Number(facts.year) - 1}-${facts.year.slice(2)}`;
    else if (facts.referenceDate) year = fy(facts.referenceDate);
    // The latest event up to today (readCinXml leaves out a typo date in the future, GEN-FUTURE, and one before
    // the bank-holiday table, GEN-PAST).
    if (year === null && facts.latestEvent) year = fy(facts.latestEvent);
    g.year = override ?? year;
    g.asAt = facts.sourceDate ?? facts.latestEvent;
    if (g.year === null) {
      issues.push(
        structuralIssue(
          'S-YEAR',
          f.input.name,
          null,
          `${f.input.name}: no CollectionDetails/Year, ReferenceDate or event dates, so the collection year cannot be told; give it with --year ${collectionYearExample(null, today)}.`,
        ),
      );
    }
    return;
  }
  if (f.kind.source === 'local') {
    // The key dates up to today (readLocalCsv leaves out a typo date in the future, GEN-FUTURE, or before the
    // bank-holiday table, GEN-PAST; §5) make the range a newer file replaces and the year; the as-at date is
    // the file's latest date of any kind up to today (indicators.md §1.8), e.g. a contact's decided_at after
    // the last received_at.
    const { range, latest } = f.kind.dates;
    g.dateRange = range;
    g.asAt = latest;
    // An undated table (workers, postcodes…) has no collection year (it is stored by key, §5, with none): the
    // year only lets its rules run.
    g.year = override ?? (range ? fy(range.end) : isUndated(g) ? fy(today) : null);
    return;
  }
  if (f.kind.source === 'annex-a') {
    const facts = f.kind.facts;
    g.dateRange = facts.range;
    g.asAt = facts.asAt ?? facts.range?.end ?? null;
    // The year of the workbook's as-at date (a List 8 alone has only old start dates as key dates); a workbook
    // with no date is left without a year here ({@link yearsOfUndatedSubmissions}), never given today's.
    g.year = override ?? (g.asAt ? fy(g.asAt) : null);
  }
}

/** The DECOM, DEC and REVIEW dates of an SSDA903 set, up to today (inputs.md §1.1). */
function ssda903SetDates(tables: StagedTables, today: IsoDate): Ssda903SetDates {
  // A row dated after today is rejected (GEN-FUTURE), as is one dated before the bank-holiday table
  // (GEN-PAST): its typo date does not tell the year.
  const since = firstCountableDate();
  const starts = new Map<IsoDate, number>();
  const inYear = new Map<IsoDate, number>();
  const episodes = tables.episodes;
  for (let i = 0; i < (episodes?.length ?? 0); i++) {
    const decom = episodes!.decom.at(i);
    const dec = episodes!.dec.at(i);
    if (decom > today || (dec !== null && dec > today)) continue;
    if (decom < since || (dec !== null && dec < since)) continue;
    countDate(starts, decom);
    if (dec !== null) countDate(inYear, dec);
  }
  for (const r of tables.cicReviews ?? [])
    if (r.reviewDate <= today && r.reviewDate >= since) countDate(inYear, r.reviewDate);
  return { starts, inYear };
}

/**
 * A submission's as-at date worked out again from the rows still loaded once its rules have run, and its
 * tables with the Annex A records that carry that date built again as at it. Reading of inputs.md §1 ("as-at
 * date: latest event date") and §6 (every row read is loaded or listed): a row not loaded is no event of its
 * submission, whether its reader rejected it (GEN-DATE, GEN-FUTURE, GEN-PAST, AA-DATE) or a rule did
 * (GEN-DUP-KEY, 903-EP-ORDER, CIN-CPP-ORDER, LOC-ORDER…). For a local file and an Annex A workbook the key-date
 * range, and the collection year that follows from their dates (unless --year gives it), are worked out again
 * too; an SSDA903 set and a CIN census keep the year their rules ran for (their header, or the set's best-fit
 * year).
 * A CIN census's Source/DateTime, when given, stays its as-at date.
 */
function datedByLoadedRows(
  g: Group,
  read: StagedTables,
  tables: StagedTables,
  override: string | null,
  today: IsoDate,
): StagedTables {
  const fy = (d: IsoDate): string => financialYearContaining(d).financialYear;
  const f = g.files[0]!;
  // An SSDA903 set or a census from which no rule took a row is dated as it was read: no second pass over
  // every record (a census's dates are then those its reader counted).
  const removed = (Object.keys(read) as (keyof StagedTables)[]).some(
    (t) => (read[t]?.length ?? 0) !== (tables[t]?.length ?? 0),
  );
  if (g.source === 'ssda903') {
    if (removed) g.asAt = ssda903CollectionYear(ssda903SetDates(tables, today), g.year)?.asAt ?? null;
    return tables;
  }
  if (f.kind.source === 'cin') {
    if (removed) g.asAt = f.kind.facts.sourceDate ?? cinLatestEvent(tables, today, firstCountableDate());
    return tables;
  }
  const loaded = datesOfLoadedRows(tables, f.input.name, f.sink.rowDates);
  if (f.kind.source === 'local') {
    if (isUndated(g)) return tables;
    g.dateRange = loaded.range;
    g.asAt = loaded.latest;
    if (override === null && loaded.range !== null) g.year = fy(loaded.range.end);
    return tables;
  }
  if (f.kind.source !== 'annex-a') return tables;
  const facts = f.kind.facts;
  g.dateRange = loaded.range;
  const asAt = loaded.latest ?? loaded.range?.end ?? null;
  // No loaded row has a date: the records as read (their as-at date is then that of no row either).
  if (asAt === null || asAt === g.asAt) return tables;
  g.asAt = asAt;
  if (override === null) g.year = fy(asAt);
  const out: Record<string, unknown[]> = {};
  for (const [table, records] of Object.entries(tables) as [string, unknown[] | undefined][]) {
    if (records === undefined) continue;
    out[table] = records.map((r) => {
      const again = facts.redate(r as object, asAt);
      const x = f.sink.extras.get(r as object);
      if (again !== r && x) f.sink.extras.set(again, x);
      return again;
    });
  }
  return out as StagedTables;
}

/**
 * The key of an import's UPN hashes (inputs.md §7): `cspi-upn:` and the LA's DfE number (an ONS code keys as
 * its number), so the UPNs of one LA hash alike in every import, however the LA was given. An import with no
 * LA (only `cspi validate` reads without one: an import needs the LA) keys with no code.
 * @example upnKeyOf('E06000005') //=> 'cspi-upn:841'
 */
export function upnKeyOf(la: string | null): string {
  return `cspi-upn:${la === null ? '' : laCode(la)}`;
}

/**
 * The import's LA: --la, else the CIN LEA; a CIN LEA that differs is `S-LA-MISMATCH`, naming where the LA was
 * given (`givenBy`: --la, CSPI_LA, …).
 */
function resolveLa(
  read: readonly ReadFile[],
  given: string | null,
  givenBy: string,
  issues: ValidationIssue[],
): string | null {
  let la = given;
  for (const f of read) {
    if (f.kind.source !== 'cin' || !f.kind.facts.lea) continue;
    const lea = f.kind.facts.lea;
    if (la === null) {
      la = lea;
      continue;
    }
    // An ONS code (--la E06000005) is compared by its DfE number; a code the LA table does not know is not.
    const dfe = dfeLaCode(la);
    if (dfe !== null && lea !== dfe) {
      issues.push(
        structuralIssue(
          'S-LA-MISMATCH',
          f.input.name,
          '/Message/Header/Source/LEA',
          `${f.input.name}: the CIN census is for LA ${lea}, but this import is for LA ${la}${given ? ` (${givenBy})` : ` (from another file)`}; import each LA's data separately.`,
        ),
      );
    }
  }
  return la;
}

/**
 * What kind of unexpected failure stopped a read, for its message: the error's class and, when it has one,
 * its code (`, TypeError`, `, Error ERR_MODULE_NOT_FOUND`); never its text, which may quote the file's data.
 * @example failureKind(Object.assign(new Error('x'), { code: 'EMFILE' })) //=> ', Error EMFILE'
 */
export function failureKind(e: unknown): string {
  if (!(e instanceof Error)) return '';
  const code = (e as { code?: unknown }).code;
  const name = /^[A-Za-z]{1,40}$/.test(e.name) ? e.name : 'Error';
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? `, ${name} ${code}` : `, ${name}`;
}
