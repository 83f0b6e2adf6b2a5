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
 * Members in a stable order (child id, then record ids, then dates, then reason), with each member's
 * `dates` keys sorted, so computing twice gives byte-identical JSON. Sort keys are built once per member.
 */
export function sortMembers(members: readonly Member[]): Member[] {
  const keyed = members.map((m) => {
    const keys = Object.keys(m.dates).sort();
    const member: Member = {
      childId: m.childId,
      recordIds: [...m.recordIds],
      dates: Object.fromEntries(keys.map((k) => [k, m.dates[k] ?? null])),
      inNumerator: m.inNumerator,
      reason: m.reason,
    };
    return { member, records: m.recordIds.join(','), dates: dateKey(m) };
  });
  keyed.sort(
    (a, b) =>
      compareText(a.member.childId, b.member.childId) ||
      compareText(a.records, b.records) ||
      compareText(a.dates, b.dates) ||
      compareText(a.member.reason, b.member.reason),
  );
  return keyed.map((k) => k.member);
}

/**
 * {@link fromMembers} for a figures-only run (`ComputeContext.members` false): the same figures, notes,
 * breakdowns and extra figures, without the member list.
 * @example fromCounts(3, 4).denominator //=> 4
 */
export function fromCounts(
  numerator: number,
  denominator: number,
  parts: MemberComputationParts = {},
): Computation {
  return {
    status: 'ok',
    numerator,
    denominator,
    members: [],
    notes: sortNotes(parts.notes ?? []),
    ...(parts.breakdowns ? { breakdowns: parts.breakdowns } : {}),
    ...(parts.extra ? { extra: parts.extra } : {}),
  };
}

/** Optional parts of a computation built from members. */
export interface MemberComputationParts {
  readonly notes?: readonly (Note | null)[];
  readonly breakdowns?: Readonly<Record<string, readonly BreakdownRow[]>>;
  readonly extra?: Readonly<Record<string, number | null>>;
}

/**
 * An `ok` computation whose denominator is the member list and numerator the members in it, so the
 * figures always equal the child-level list behind them (`cspi indicators --members`). The engine puts
 * the members in a stable order ({@link sortMembers}).
 * @example fromMembers([{ childId: 'A', recordIds: ['r1'], dates: {}, inNumerator: true, reason: 'x' }]) //=> { numerator: 1, denominator: 1, … }
 */
export function fromMembers(members: readonly Member[], parts: MemberComputationParts = {}): Computation {
  let numerator = 0;
  for (const m of members) if (m.inNumerator) numerator++;
  return {
    status: 'ok',
    numerator,
    denominator: members.length,
    members,
    notes: sortNotes(parts.notes ?? []),
    ...(parts.breakdowns ? { breakdowns: parts.breakdowns } : {}),
    ...(parts.extra ? { extra: parts.extra } : {}),
  };
}
