import { parse } from 'csv-parse/sync';
import { type ConfigIssue, type Parsed, notJsonIssue } from './config-issue.js';
import type { RatingBounds, RatingScheme, TargetOverride, TargetSet } from './targets.js';
import type { Polarity, Unit } from './types.js';

const SCHEMES: readonly string[] = ['target-tolerance', 'thresholds', 'improvement-aware', 'none'];

/** What the checks of a targets row need to know about its indicator (the catalogue's entry). */
export interface TargetedIndicator {
  readonly polarity: Polarity;
  readonly unit: Unit;
}

interface RawRow {
  readonly position: string;
  readonly indicator: unknown;
  readonly target: unknown;
  readonly tolerance: unknown;
  readonly toleranceUnit: unknown;
  readonly kind: unknown;
  readonly scheme: unknown;
  readonly rating: unknown;
  readonly amber: unknown;
  readonly red: unknown;
  readonly inLine: unknown;
}

function blank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

function readRow(
  row: RawRow,
  file: string,
  knownIds: ReadonlySet<string>,
  catalogue: ReadonlyMap<string, TargetedIndicator> | null,
  issues: ConfigIssue[],
): TargetOverride | null {
  const at = (code: ConfigIssue['code'], message: string): null => {
    issues.push({ code, file, position: row.position, message });
    return null;
  };
  const id = typeof row.indicator === 'string' ? row.indicator.trim() : '';
  if (!knownIds.has(id))
    return at(
      'CFG-INDICATOR',
      `"${String(row.indicator ?? '')}" is not an indicator id (see cspi indicators list)`,
    );
  let target: number | null = null;
  if (!(
    blank(row.target) ||
    (typeof row.target === 'string' && row.target.trim().toLowerCase() === 'none')
  )) {
    target = toNumber(row.target);
    if (target === null || target < 0)
      return at('CFG-TARGET', `target "${String(row.target)}" is not a number (write 90 for 90%, or none)`);
  }
  let tolerance: number | null = null;
  if (!blank(row.tolerance)) {
    tolerance = toNumber(row.tolerance);
    if (tolerance === null || tolerance < 0)
      return at('CFG-TOLERANCE', `tolerance "${String(row.tolerance)}" is not a non-negative number`);
  }
  const unitText = blank(row.toleranceUnit) ? null : String(row.toleranceUnit).trim().toLowerCase();
  if (tolerance !== null && unitText === null)
    return at('CFG-TOLERANCE-UNIT', 'a tolerance needs its unit: points or percent (of the target)');
  if (unitText !== null && unitText !== 'points' && unitText !== 'percent') {
    return at('CFG-TOLERANCE-UNIT', `tolerance unit "${unitText}" must be points or percent`);
  }
  const kindText = blank(row.kind) ? null : String(row.kind).trim().toLowerCase();
  if (kindText !== null && kindText !== 'national' && kindText !== 'local') {
    return at('CFG-KIND', `kind "${kindText}" must be national or local`);
  }
  const schemeText = blank(row.scheme) ? null : String(row.scheme).trim().toLowerCase();
  if (schemeText !== null && !SCHEMES.includes(schemeText)) {
    return at('CFG-SCHEME', `scheme "${schemeText}" must be ${SCHEMES.join(', ')}`);
  }
  const ratingText = blank(row.rating) ? null : String(row.rating).trim().toLowerCase();
  if (ratingText !== null && ratingText !== 'rounded' && ratingText !== 'unrounded') {
    return at('CFG-RATING', `rating "${ratingText}" must be rounded or unrounded`);
  }
  const entry = catalogue?.get(id) ?? null;
  const bounds = readBounds(row, id, schemeText === 'thresholds', tolerance !== null, entry);
  if (typeof bounds === 'string') return at('CFG-THRESHOLDS', bounds);
  let inLineBand: number | null = null;
  if (!blank(row.inLine)) {
    inLineBand = toNumber(row.inLine);
    if (inLineBand === null || inLineBand < 0)
      return at('CFG-IN-LINE', `in-line band "${String(row.inLine)}" is not a non-negative number of points`);
    if (entry?.unit === 'count')
      return at(
        'CFG-IN-LINE',
        `${id} is a count: it is "in line with" its target only when equal to it (report.md §4), so it takes no in-line band`,
      );
  }
  return {
    indicator: id,
    target,
    tolerance,
    toleranceUnit: (unitText ?? 'percent') as TargetOverride['toleranceUnit'],
    kind: kindText as TargetOverride['kind'],
    scheme: schemeText as RatingScheme | null,
    rating: ratingText as TargetOverride['rating'],
    bounds,
    inLineBand,
  };
}

/**
 * A row's amber and red bounds ({@link RatingBounds}): required under the `thresholds` scheme, refused under
 * any other (they would be silently ignored), with no tolerance beside them (the bounds replace it), and,
 * where the catalogue is known, in the indicator's order (high is good: red at or below amber). Returns the
 * bounds, null (none), or the problem as a message.
 */
function readBounds(
  row: RawRow,
  id: string,
  thresholds: boolean,
  hasTolerance: boolean,
  entry: TargetedIndicator | null,
): RatingBounds | null | string {
  if (!thresholds) {
    return blank(row.amber) && blank(row.red)
      ? null
      : 'amber and red bounds apply only under scheme thresholds: add scheme thresholds, or remove them';
  }
  if (blank(row.amber) || blank(row.red))
    return 'scheme thresholds needs both bounds: amber (where Green ends) and red (where Amber ends)';
  const amber = toNumber(row.amber);
  const red = toNumber(row.red);
  if (amber === null || amber < 0) return `amber bound "${String(row.amber)}" is not a non-negative number`;
  if (red === null || red < 0) return `red bound "${String(row.red)}" is not a non-negative number`;
  if (hasTolerance) return 'scheme thresholds takes no tolerance: its amber and red bounds replace it';
  if (entry?.polarity === 'none')
    return `${id} has no polarity (high or low is not better): it is never rated`;
  if (entry?.polarity === 'higher' && red > amber)
    return `${id}: high is good, so the red bound (${red}) must be at or below the amber bound (${amber})`;
  if (entry?.polarity === 'lower' && red < amber)
    return `${id}: low is good, so the red bound (${red}) must be at or above the amber bound (${amber})`;
  return { amber, red };
}

function fromJson(text: string, file: string): { la: unknown; year: unknown; rows: RawRow[] } | ConfigIssue {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return notJsonIssue(text, file);
  }
  const obj = Array.isArray(doc) ? { targets: doc } : (doc as Record<string, unknown>);
  if (!obj || typeof obj !== 'object' || !Array.isArray(obj['targets'])) {
    return {
      code: 'CFG-FORMAT',
      file,
      position: 'targets',
      message: 'expected { "targets": [ … ] } or an array of targets',
    };
  }
  const rows = (obj['targets'] as Record<string, unknown>[]).map((r, i) => ({
    position: `targets[${i}]`,
    indicator: r?.['indicator'],
    target: r?.['target'],
    tolerance: r?.['tolerance'],
    toleranceUnit: r?.['toleranceUnit'] ?? r?.['tolerance_unit'],
    kind: r?.['kind'],
    scheme: r?.['scheme'],
    rating: r?.['rating'],
    amber: r?.['amber'],
    red: r?.['red'],
    inLine: r?.['inLine'] ?? r?.['in_line'],
  }));
  return { la: obj['la'], year: obj['year'], rows };
}

function fromCsv(text: string, file: string): { la: unknown; year: unknown; rows: RawRow[] } | ConfigIssue {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    return {
      code: 'CFG-FORMAT',
      file,
      position: 'line 1',
      message: `not a readable CSV: ${(e as Error).message}`,
    };
  }
  if (records.length > 0 && !('indicator' in records[0]!)) {
    return {
      code: 'CFG-FORMAT',
      file,
      position: 'line 1',
      message: 'the header needs: indicator,target,tolerance,tolerance_unit,kind',
    };
  }
  const rows = records.map((r, i) => ({
    position: `line ${i + 2}`,
    indicator: r['indicator'],
    target: r['target'],
    tolerance: r['tolerance'],
    toleranceUnit: r['tolerance_unit'],
    kind: r['kind'],
    scheme: r['scheme'],
    rating: r['rating'],
    amber: r['amber'],
    red: r['red'],
    inLine: r['in_line'],
  }));
  const las = [...new Set(records.map((r) => r['la']).filter((v) => v))];
  const years = [...new Set(records.map((r) => r['year']).filter((v) => v))];
  return { la: las.length === 1 ? las[0] : null, year: years.length === 1 ? years[0] : null, rows };
}

/**
 * A file with no targets (empty, a header with no rows, `"targets": []`) is refused: README and
 * src/indicators/README.md give it no meaning, and accepting it would rate against the dashboard's or the
 * catalogue's targets while the user believes the file's apply. To use those, leave out `--targets`.
 */
function noTargets(file: string): ConfigIssue {
  return {
    code: 'CFG-FORMAT',
    file,
    position: '',
    message:
      'has no targets: list at least one indicator, or leave out --targets to use the stored or catalogue targets',
  };
}

/**
 * Parses an LA's targets file for a financial year: JSON (`{ "la", "year", "targets": [{ indicator, target,
 * tolerance, toleranceUnit, kind, scheme, rating, amber, red, inLine }] }`) or CSV
 * (`indicator,target,tolerance,tolerance_unit,kind`, optional `scheme`, `rating`, `amber`, `red`, `in_line`,
 * `la` and `year` columns). A blank or `none` target removes the catalogue target; a blank tolerance keeps
 * the default (10% of the target). `scheme` is target-tolerance (default), thresholds (with `amber` and
 * `red` bounds), improvement-aware or none (report.md §4); `in_line` is the indicator's "in line with" band
 * in points (blank: the report's, 0.5). With `catalogue` (each id's polarity and unit) the bounds' order and
 * the band's unit are checked too. A file with no targets is refused ({@link noTargets}). Returns every issue
 * found, each naming its row.
 * @example parseTargets('indicator,target,tolerance,tolerance_unit,kind\nicpc-15wd,85,5,points,local', 't.csv', ids)
 */
export function parseTargets(
  text: string,
  file: string,
  knownIds: readonly string[],
  catalogue: ReadonlyMap<string, TargetedIndicator> | null = null,
): Parsed<TargetSet> {
  const unmarked = text.replace(/^\uFEFF/, '');
  const trimmed = unmarked.trimStart();
  const raw =
    trimmed.startsWith('{') || trimmed.startsWith('[') ? fromJson(unmarked, file) : fromCsv(text, file);
  if ('code' in raw) return { ok: false, issues: [raw] };
  if (raw.rows.length === 0) return { ok: false, issues: [noTargets(file)] };
  const issues: ConfigIssue[] = [];
  const ids = new Set(knownIds);
  const seen = new Set<string>();
  const overrides: TargetOverride[] = [];
  for (const row of raw.rows) {
    const o = readRow(row, file, ids, catalogue, issues);
    if (!o) continue;
    if (seen.has(o.indicator)) {
      issues.push({
        code: 'CFG-DUPLICATE',
        file,
        position: row.position,
        message: `${o.indicator} is listed twice`,
      });
      continue;
    }
    seen.add(o.indicator);
    overrides.push(o);
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      la: typeof raw.la === 'string' && raw.la ? raw.la : null,
      year: typeof raw.year === 'string' && raw.year ? raw.year : null,
      overrides: overrides.sort((a, b) => (a.indicator < b.indicator ? -1 : 1)),
    },
  };
}
