import { EPISODE_DERIVED_COLUMNS, SSDA903_COLUMNS, type Ssda903Table } from './ssda903/tables.js';
import { LOCAL_COLUMNS, type LocalTable } from './local/tables.js';
import { structuralIssue } from './refusal.js';
import { annexAListOfHeader } from './annex-a/annex-a-lists.js';
import type { ValidationIssue } from '../validate/issue.js';

/** What a CSV header row is: a 903 table, a local table, or a structural problem. */
export type CsvHeaderMatch =
  | {
      readonly kind: 'ssda903';
      readonly table: Ssda903Table;
      /** For each canonical column (plus derived Episodes columns), its index in the file, or -1. */
      readonly index: Readonly<Record<string, number>>;
    }
  | {
      readonly kind: 'local';
      readonly table: LocalTable;
      /** Canonical column name → index in the file, or -1 when the optional column is absent. */
      readonly index: Readonly<Record<string, number>>;
    }
  | { readonly kind: 'refused'; readonly issue: ValidationIssue };

/**
 * Recognises a CSV by its header row (inputs.md §2.1, §5): cells trimmed, case and order ignored. A 903 table
 * must match its column set exactly (Episodes may add PL_DISTANCE, PL_LA, PL_LOCATION); a local table's
 * columns (or their SSD aliases) must include every required one and nothing unknown. A near miss names the
 * missing and extra columns.
 * @example recogniseCsvHeader('reviews.csv', ['CHILD','DOB','REVIEW','REVIEW_CODE']).kind //=> 'ssda903'
 */
export function recogniseCsvHeader(file: string, header: readonly string[]): CsvHeaderMatch {
  const cells = header.map((c) => c.trim());
  const upper = cells.map((c) => c.toUpperCase());
  const seen = new Map<string, number>();
  for (let i = 0; i < upper.length; i++) {
    const prev = seen.get(upper[i]!);
    if (prev !== undefined && upper[i] !== '') {
      return refused(
        'S-DUP-COLUMN',
        file,
        `${file} line 1: column ${cells[i]} appears twice (columns ${prev + 1} and ${i + 1}); remove one and re-import.`,
      );
    }
    seen.set(upper[i]!, i);
  }
  if (upper.some((c) => c === '')) return refused('S-UNRECOGNISED', file, unnamedColumn(file, cells));

  // SSDA903: exact set equality.
  for (const [table, columns] of Object.entries(SSDA903_COLUMNS) as [Ssda903Table, readonly string[]][]) {
    const allowed = table === 'Episodes' ? [...columns, ...EPISODE_DERIVED_COLUMNS] : columns;
    if (columns.every((c) => seen.has(c)) && upper.every((c) => allowed.includes(c))) {
      const index: Record<string, number> = {};
      for (const c of allowed) index[c] = seen.get(c) ?? -1;
      return { kind: 'ssda903', table, index };
    }
  }

  // Local extract: names or aliases, required ones present, nothing unknown.
  const lower = upper.map((c) => c.toLowerCase());
  for (const [table, columns] of Object.entries(LOCAL_COLUMNS) as [
    LocalTable,
    (typeof LOCAL_COLUMNS)[LocalTable],
  ][]) {
    const index: Record<string, number> = {};
    let known = 0;
    for (const c of columns) {
      const at = lower.findIndex((h) => h === c.name || c.aliases.includes(h));
      index[c.name] = at;
      if (at !== -1) known++;
    }
    if (known === lower.length && columns.every((c) => !c.required || index[c.name] !== -1)) {
      return { kind: 'local', table, index };
    }
  }

  return nearMiss(file, upper, cells);
}

function refused(code: string, file: string, message: string): CsvHeaderMatch {
  return { kind: 'refused', issue: structuralIssue(code, file, 'line 1', message) };
}

interface Candidate {
  readonly name: string;
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly score: number;
}

/**
 * A header that is no table: the nearest table's missing and extra columns (extra ones as the file writes
 * them), or an Annex A list saved as CSV named as such.
 */
function nearMiss(file: string, upper: readonly string[], cells: readonly string[]): CsvHeaderMatch {
  const annexA = annexAListOfHeader(cells);
  if (annexA !== null) {
    return refused(
      'S-UNRECOGNISED',
      file,
      `${file} line 1: the header row is Ofsted Annex A List ${annexA.number} (${annexA.title}) saved as CSV; cspi reads Annex A only from the .xlsx workbook (sheets 'List 1' to 'List 11'): import the workbook instead.`,
    );
  }
  const asWritten = (u: string): string => cells[upper.indexOf(u)] ?? u;
  const candidates: Candidate[] = [];
  for (const [table, columns] of Object.entries(SSDA903_COLUMNS) as [Ssda903Table, readonly string[]][]) {
    const allowed: readonly string[] =
      table === 'Episodes' ? [...columns, ...EPISODE_DERIVED_COLUMNS] : columns;
    const missing = columns.filter((c) => !upper.includes(c));
    const extra = upper.filter((c) => !allowed.includes(c));
    candidates.push(candidate(`SSDA903 ${table}`, columns.length, upper.length, missing, extra));
  }
  const lower = upper.map((c) => c.toLowerCase());
  for (const [table, columns] of Object.entries(LOCAL_COLUMNS)) {
    const missing = columns
      .filter((c) => c.required && !lower.some((h) => h === c.name || c.aliases.includes(h)))
      .map((c) => c.name);
    const extra = upper.filter(
      (_, i) => !columns.some((c) => c.name === lower[i] || c.aliases.includes(lower[i]!)),
    );
    candidates.push(candidate(`local ${table}`, columns.length, upper.length, missing, extra));
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (best.score < 0.5) {
    return refused(
      'S-UNRECOGNISED',
      file,
      `${file} line 1: the first row matches no SSDA903 table and no local extract table (inputs.md §2.1, §5): if the file is one, its first row must hold the table's column names; if it is not data (notes, a readme), move it out of the folder and re-import.`,
    );
  }
  const missingText =
    best.missing.length === 1
      ? `column ${best.missing[0]} is missing`
      : `columns ${best.missing.join(', ')} are missing`;
  const extraText =
    best.extra.length === 1
      ? `column ${asWritten(best.extra[0]!)} is not a column of that table`
      : `columns ${best.extra.map(asWritten).join(', ')} are not columns of that table`;
  if (best.extra.length === 0) {
    return refused(
      'S-MISSING-COLUMN',
      file,
      `${file} line 1: ${missingText} (the file looks like the ${best.name} table); add it and re-import.`,
    );
  }
  if (best.missing.length === 0) {
    return refused(
      'S-UNKNOWN-COLUMN',
      file,
      `${file} line 1: ${extraText} (the file looks like the ${best.name} table); remove it and re-import.`,
    );
  }
  return refused(
    'S-UNRECOGNISED',
    file,
    `${file} line 1: the header row is close to the ${best.name} table but ${missingText} and ${extraText}; fix the header and re-import.`,
  );
}

function candidate(
  name: string,
  size: number,
  given: number,
  missing: readonly string[],
  extra: readonly string[],
): Candidate {
  const common = given - extra.length;
  return { name, missing, extra, score: common / (size + extra.length) };
}

/**
 * Why a header with an unnamed column is refused, and what to do: empty cells at the end of the header are
 * what Excel writes for columns that were cleared (its CSV export keeps the sheet's used range), so they are
 * named as such; an unnamed column among named ones is named by its neighbours.
 * @example unnamedColumn('e.csv', ['CHILD', 'DOB', '']) //=> "e.csv line 1: the header row ends with 1 column with no name (3, after DOB), …"
 */
function unnamedColumn(file: string, cells: readonly string[]): string {
  let last = cells.length;
  while (last > 0 && cells[last - 1] === '') last--;
  const first = cells.indexOf('');
  if (first === last && last > 0) {
    const n = cells.length - last;
    const range = n === 1 ? `${last + 1}` : `${last + 1} to ${cells.length}`;
    return `${file} line 1: the header row ends with ${n} column${n === 1 ? '' : 's'} with no name (${range}, after ${cells[last - 1]}), as Excel leaves when columns were cleared: delete those columns in the sheet, save it again as 'CSV UTF-8' and re-import.`;
  }
  const where =
    first > 0 && first < last - 1
      ? ` (between ${cells[first - 1]} and ${cells[first + 1] || 'an unnamed column'})`
      : '';
  return `${file} line 1: column ${first + 1}${where} has no name; every column needs its name in the header row: name it, or delete the column if it is not needed, and re-import.`;
}
