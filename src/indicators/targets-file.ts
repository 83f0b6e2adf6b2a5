import { parse } from 'csv-parse/sync';
import type { ConfigIssue, Parsed } from './config-issue.js';
import type { RatingScheme, TargetOverride, TargetSet } from './targets.js';

const SCHEMES: readonly string[] = ['target-tolerance', 'improvement-aware', 'none'];

interface RawRow {
  readonly position: string;
  readonly indicator: unknown;
  readonly target: unknown;
  readonly tolerance: unknown;
  readonly toleranceUnit: unknown;
  readonly kind: unknown;
  readonly scheme: unknown;
  readonly rating: unknown;
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
    return at(
      'CFG-SCHEME',
      schemeText === 'thresholds'
        ? 'the thresholds scheme is not supported: use target-tolerance, improvement-aware or none'
        : `scheme "${schemeText}" must be ${SCHEMES.join(', ')}`,
    );
  }
  const ratingText = blank(row.rating) ? null : String(row.rating).trim().toLowerCase();
  if (ratingText !== null && ratingText !== 'rounded' && ratingText !== 'unrounded') {
    return at('CFG-RATING', `rating "${ratingText}" must be rounded or unrounded`);
  }
  return {
    indicator: id,
    target,
    tolerance,
    toleranceUnit: (unitText ?? 'percent') as TargetOverride['toleranceUnit'],
    kind: kindText as TargetOverride['kind'],
    scheme: schemeText as RatingScheme | null,
    rating: ratingText as TargetOverride['rating'],
  };
}

function fromJson(text: string, file: string): { la: unknown; year: unknown; rows: RawRow[] } | ConfigIssue {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      code: 'CFG-FORMAT',
      file,
      position: 'line 1',
      message: `not valid JSON: ${(e as Error).message}`,
    };
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
  }));
  const las = [...new Set(records.map((r) => r['la']).filter((v) => v))];
  const years = [...new Set(records.map((r) => r['year']).filter((v) => v))];
  return { la: las.length === 1 ? las[0] : null, year: years.length === 1 ? years[0] : null, rows };
}

/**
 * Parses an LA's targets file for a financial year: JSON (`{ "la", "year", "targets": [{ indicator, target,
 * tolerance, toleranceUnit, kind, scheme, rating }] }`) or CSV (`indicator,target,tolerance,tolerance_unit,kind`,
 * optional `scheme`, `rating`, `la` and `year` columns). A blank or `none` target removes the catalogue target; a blank tolerance keeps
 * the default (10% of the target). Returns every issue found, each naming its row.
 * @example parseTargets('indicator,target,tolerance,tolerance_unit,kind\nicpc-15wd,85,5,points,local', 't.csv', ids)
 */
export function parseTargets(text: string, file: string, knownIds: readonly string[]): Parsed<TargetSet> {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const raw = trimmed.startsWith('{') || trimmed.startsWith('[') ? fromJson(text, file) : fromCsv(text, file);
  if ('code' in raw) return { ok: false, issues: [raw] };
  const issues: ConfigIssue[] = [];
  const ids = new Set(knownIds);
  const seen = new Set<string>();
  const overrides: TargetOverride[] = [];
  for (const row of raw.rows) {
    const o = readRow(row, file, ids, issues);
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
