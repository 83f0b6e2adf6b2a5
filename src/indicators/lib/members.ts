import type { BreakdownRow, Computation, Member, Note } from '../types.js';
import { sortNotes } from './notes.js';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dateKey(m: Member): string {
  return Object.keys(m.dates)
    .sort()
    .map((k) => `${k}=${m.dates[k] ?? ''}`)
    .join('|');
}

/**
 * Members in a stable order (child id, then record ids, then dates), with each member's `dates` keys
 * sorted, so computing twice gives byte-identical JSON.
 */
export function sortMembers(members: readonly Member[]): Member[] {
  return members
    .map((m) => ({
      childId: m.childId,
      recordIds: [...m.recordIds],
      dates: Object.fromEntries(
        Object.keys(m.dates)
          .sort()
          .map((k) => [k, m.dates[k] ?? null]),
      ),
      inNumerator: m.inNumerator,
      reason: m.reason,
    }))
    .sort(
      (a, b) =>
        compareText(a.childId, b.childId) ||
        compareText(a.recordIds.join(','), b.recordIds.join(',')) ||
        compareText(dateKey(a), dateKey(b)) ||
        compareText(a.reason, b.reason),
    );
}

/** Optional parts of a computation built from members. */
export interface MemberComputationParts {
  readonly notes?: readonly (Note | null)[];
  readonly breakdowns?: Readonly<Record<string, readonly BreakdownRow[]>>;
  readonly extra?: Readonly<Record<string, number | null>>;
}

/**
 * An `ok` computation whose denominator is the member list and numerator the members in it, so the
 * figures always equal the child-level list behind them (`cspi indicators --members`).
 * @example fromMembers([{ childId: 'A', recordIds: ['r1'], dates: {}, inNumerator: true, reason: 'x' }]) //=> { numerator: 1, denominator: 1, … }
 */
export function fromMembers(members: readonly Member[], parts: MemberComputationParts = {}): Computation {
  const sorted = sortMembers(members);
  return {
    status: 'ok',
    numerator: sorted.filter((m) => m.inNumerator).length,
    denominator: sorted.length,
    members: sorted,
    notes: sortNotes(parts.notes ?? []),
    ...(parts.breakdowns ? { breakdowns: parts.breakdowns } : {}),
    ...(parts.extra ? { extra: parts.extra } : {}),
  };
}
