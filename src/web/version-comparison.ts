import type { DatasetVersion } from './services.js';
import { formatCount } from './figures/format.js';

/** One line of a comparison between two dataset versions: this version's number, the other's and the change. */
export interface ComparedLine {
  readonly label: string;
  readonly now: string;
  readonly then: string;
  readonly change: string;
}

/** One table's rows loaded and rejected in both versions. */
export interface ComparedTable {
  readonly table: string;
  readonly loaded: ComparedLine;
  readonly rejected: ComparedLine;
}

/** "+117", "−4" (a real minus), "0". */
export function signedChange(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0';
}

function line(label: string, now: number, then: number): ComparedLine {
  return { label, now: formatCount(now), then: formatCount(then), change: signedChange(now - then) };
}

function byTable(v: DatasetVersion): Map<string, { loaded: number; rejected: number }> {
  const out = new Map<string, { loaded: number; rejected: number }>();
  for (const c of v.counts) {
    const t = out.get(c.table) ?? { loaded: 0, rejected: 0 };
    out.set(c.table, { loaded: t.loaded + c.loaded, rejected: t.rejected + c.rejected });
  }
  return out;
}

/**
 * Two dataset versions of an LA side by side (report.md §9: "comparison between versions"): rows loaded and
 * rejected by table (summed over files, since a new extract's files are named afresh; tables in either
 * version, in the order this version lists them, then the other's), and validation issues by severity,
 * each with the change from the other version to this one.
 * @example compareVersions(v2, v1).tables[0] //=> { table: 'referrals', loaded: { now: '1,590', then: '1,473', change: '+117', … }, … }
 */
export function compareVersions(
  version: DatasetVersion,
  other: DatasetVersion,
): { tables: ComparedTable[]; issues: ComparedLine[] } {
  const a = byTable(version);
  const b = byTable(other);
  const names = [...new Set([...a.keys(), ...b.keys()])];
  const none = { loaded: 0, rejected: 0 };
  return {
    tables: names.map((table) => {
      const x = a.get(table) ?? none;
      const y = b.get(table) ?? none;
      return {
        table,
        loaded: line('Loaded', x.loaded, y.loaded),
        rejected: line('Rejected', x.rejected, y.rejected),
      };
    }),
    issues: [
      line('Errors', version.issueCounts.error, other.issueCounts.error),
      line('Warnings', version.issueCounts.warning, other.issueCounts.warning),
      line('Queries', version.issueCounts.query, other.issueCounts.query),
    ],
  };
}
