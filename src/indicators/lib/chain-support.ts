import type { IsoDate } from '../../calendar/iso-date.js';
import type { LaDataset } from '../../model/la-dataset.js';
import type { CareHistory } from '../../model/care-history.js';
import type { Computation, IndicatorSettings, Member, Note } from '../types.js';
import { countNote } from './notes.js';

/** The note `provisional` when the period end e is after the chain's as-at date (indicators.md §1.1, §1.8). */
export function provisionalNote(e: IsoDate, asAt: IsoDate | null): Note | null {
  if (asAt === null || e <= asAt) return null;
  return { code: 'provisional', detail: `data to ${asAt}; dues after it are not counted` };
}

/**
 * The note `episodeChainErrors` (indicators.md §1.4 step 2, §1.8): every episode-chain anomaly of the
 * children whose care histories the figure used (counted as the other CiC measures count them).
 */
export function episodeChainNote(histories: Iterable<CareHistory>): Note | null {
  let n = 0;
  // RNE S inside an X1 chain continues the period (a warning at import, §1.8): not a chaining anomaly.
  for (const h of histories) n += h.issues.filter((i) => i.kind !== 'rne-s-inside-chain').length;
  return countNote('episodeChainErrors', n);
}

/**
 * Who is UASC on a date (indicators.md §1.5): a UASC record with DUC blank or later than the date.
 * Returns a test that is always false unless `excludeUasc` is set.
 * @example uascTest(data, { ...settings, excludeUasc: true })('C7', '2021-12-31') //=> true
 */
export function uascTest(
  data: LaDataset,
  settings: IndicatorSettings,
): (childId: string, d: IsoDate) => boolean {
  if (!settings.excludeUasc) return () => false;
  const byChild = new Map<string, (IsoDate | null)[]>();
  for (const u of data.uasc) {
    const list = byChild.get(u.childId) ?? [];
    list.push(u.duc);
    byChild.set(u.childId, list);
  }
  return (childId, d) => (byChild.get(childId) ?? []).some((duc) => duc === null || duc > d);
}

/** The `excludeUasc` note printed with a CiC figure: the setting and how many units it removed. */
export function uascNote(settings: IndicatorSettings, removed: number): Note | null {
  if (!settings.excludeUasc) return null;
  return { code: 'excludeUasc', count: removed, detail: `excluding UASC (${removed} removed)` };
}

/** Groups records by child id, keeping their order. */
export function groupByChild<T extends { readonly childId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.childId);
    if (list) list.push(r);
    else out.set(r.childId, [r]);
  }
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * An `ok` computation whose denominator is the member list and numerator the members in it, members
 * in a stable order (child, first date, record ids) and notes sorted by code, nulls dropped.
 */
export function chainComputation(members: readonly Member[], notes: readonly (Note | null)[]): Computation {
  const firstDate = (m: Member): string => m.dates['due'] ?? m.dates['lastDue'] ?? '';
  // Sort keys built once per member, not once per comparison.
  const sorted = members
    .map((m) => ({ m, date: firstDate(m), records: m.recordIds.join(',') }))
    .sort(
      (a, b) =>
        compareText(a.m.childId, b.m.childId) ||
        compareText(a.date, b.date) ||
        compareText(a.records, b.records),
    )
    .map((k) => k.m);
  return {
    status: 'ok',
    numerator: sorted.filter((m) => m.inNumerator).length,
    denominator: sorted.length,
    members: sorted,
    notes: chainNotes(notes),
  };
}

/** Notes by code (the first of each), sorted, nulls dropped. */
function chainNotes(notes: readonly (Note | null)[]): Note[] {
  const byCode = new Map<string, Note>();
  for (const n of notes) if (n !== null && !byCode.has(n.code)) byCode.set(n.code, n);
  return [...byCode.values()].sort((a, b) => compareText(a.code, b.code));
}

/**
 * {@link chainComputation} without its member list, when the caller needs only the figures
 * (`ComputeContext.members` false): the same numerator, denominator and notes, `members: []`.
 */
export function chainFigures(
  numerator: number,
  denominator: number,
  notes: readonly (Note | null)[],
): Computation {
  return { status: 'ok', numerator, denominator, members: [], notes: chainNotes(notes) };
}

/** A yes/no variant setting (true, or the text `true`/`yes`/`Y` from a settings file). */
export function flagSetting(settings: IndicatorSettings, name: string): boolean {
  const v = settings.variants[name];
  return v === true || (typeof v === 'string' && /^(true|yes|y)$/i.test(v));
}
