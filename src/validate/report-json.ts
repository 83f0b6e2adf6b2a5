import type { IngestResult } from '../ingest/staged.js';
import type { RowCount, ValidationIssue } from './issue.js';
import { unmappedLabels, type UnmappedLabel } from './unmapped-labels.js';

/** The JSON validation report: what `--json` prints and `validation-report.json` holds. */
export interface JsonReport {
  readonly importId: string | null;
  readonly la: string | null;
  readonly refused: boolean;
  /** 0 clean or warnings only, 1 rows rejected, 2 structural (inputs.md §6). */
  readonly exitCode: 0 | 1 | 2;
  readonly files: readonly {
    name: string;
    size: number;
    sha256: string;
    format: string;
    tables: readonly string[];
  }[];
  /** Files given but refused before or while reading (their structural issues say why). */
  readonly unreadFiles: readonly string[];
  readonly submissions: readonly {
    source: string;
    collectionYear: string | null;
    asAt: string | null;
    files: readonly string[];
    records: Readonly<Record<string, number>>;
  }[];
  /** Per file and table; `loaded` is 0 in every row of a refused import (nothing is loaded). */
  readonly counts: readonly RowCount[];
  readonly byRule: Readonly<Record<string, { severity: string; count: number }>>;
  /** Each distinct Annex A label no mapping table knows, per file and column, with its count (inputs.md §4). */
  readonly unmappedLabels: readonly UnmappedLabel[];
  readonly issues: readonly ValidationIssue[];
}

/**
 * The exit code a result maps to (inputs.md §6): 2 when refused, 1 when rows are rejected, else 0.
 * @example exitCodeOf({ refused: false, counts: [{ rejected: 2 }] }) //=> 1
 */
export function exitCodeOf(result: Pick<IngestResult, 'refused' | 'counts' | 'issues'>): 0 | 1 | 2 {
  if (result.refused) return 2;
  return result.counts.some((c) => c.rejected > 0) || result.issues.some((i) => i.severity === 'error')
    ? 1
    : 0;
}

/**
 * Builds the JSON report (no directory paths: file names only).
 * @example reportJson(result, null).exitCode //=> 0
 */
export function reportJson(result: IngestResult, importId: string | null): JsonReport {
  const byRule: Record<string, { severity: string; count: number }> = {};
  for (const i of result.issues) {
    const r = (byRule[i.code] ??= { severity: i.severity, count: 0 });
    r.count++;
  }
  return {
    importId,
    la: result.la,
    refused: result.refused,
    exitCode: exitCodeOf(result),
    files: result.files.map((f) => ({
      name: f.name,
      size: f.size,
      sha256: f.sha256,
      format: f.format,
      tables: f.tables,
    })),
    unreadFiles: result.unreadFiles ?? [],
    submissions: result.submissions.map((s) => ({
      source: s.source,
      collectionYear: s.collectionYear,
      asAt: s.asAt,
      files: s.files.map((f) => f.name),
      records: Object.fromEntries(Object.entries(s.tables).map(([k, v]) => [k, (v as unknown[]).length])),
    })),
    // A refused import loads nothing (inputs.md §6: it "shows loaded 0 (import refused)", as the terminal does).
    counts: result.refused ? result.counts.map((c) => ({ ...c, loaded: 0 })) : result.counts,
    byRule,
    unmappedLabels: unmappedLabels(result.issues),
    issues: result.issues,
  };
}
