/** A submission as the terminal summary names it. */
export interface NamedSubmission {
  /** What the source is called ("CIN census", "SSDA903", "local extract"). */
  readonly source: string;
  readonly collectionYear: string | null;
}

/**
 * The submissions of an import in a few words: grouped by source in the order first met, each source's
 * collection years in that order, a year met more than once with its count, and those with no year last.
 * @example submissionList([{ source: 'CIN census', collectionYear: '2021-22' }, { source: 'local extract', collectionYear: '2021-22' }, { source: 'local extract', collectionYear: '2021-22' }]) //=> 'CIN census 2021-22; local extract 2021-22 ×2'
 */
export function submissionList(subs: readonly NamedSubmission[]): string {
  const bySource = new Map<string, Map<string | null, number>>();
  for (const s of subs) {
    let years = bySource.get(s.source);
    if (!years) bySource.set(s.source, (years = new Map()));
    years.set(s.collectionYear, (years.get(s.collectionYear) ?? 0) + 1);
  }
  const parts: string[] = [];
  for (const [source, years] of bySource) {
    const counted = (label: string, n: number): string => (n > 1 ? `${label} ×${n}` : label);
    const items = [...years].flatMap(([y, n]) => (y === null ? [] : [counted(y, n)]));
    const undated = years.get(null) ?? 0;
    if (undated > 0 && (items.length > 0 || undated > 1)) items.push(counted('no year', undated));
    parts.push(items.length === 0 ? source : `${source} ${items.join(', ')}`);
  }
  return parts.join('; ');
}
