import { type FrozenMember, type FrozenMembers, type RecordIndex, recordKey } from './frozen-members.js';

/**
 * A figure as published in an edition against the same figure now (report.md §8). Counts of children moved
 * come from the frozen member lists; the report shows only counts, never who.
 */
export interface Restatement {
  readonly indicator: string;
  readonly period: string;
  readonly edition: string;
  readonly published: {
    readonly value: number | null;
    readonly numerator: number | null;
    readonly denominator: number | null;
  };
  readonly now: {
    readonly value: number | null;
    readonly numerator: number | null;
    readonly denominator: number | null;
  };
  /** now − published, in points (percent) or units (count); null when either is null. */
  readonly change: number | null;
  /** Children moved in/out; null when the edition froze no member lists (shown as "Not recorded"). */
  readonly numeratorIn: number | null;
  readonly numeratorOut: number | null;
  readonly denominatorIn: number | null;
  readonly denominatorOut: number | null;
  /**
   * Why children moved: children counted by reason (full version only; null when not derived). Never child ids: the
   * child-level list is {@link childMoves}, for authorised roles.
   */
  readonly reasons: Readonly<Partial<Record<MoveReason, number>>> | null;
}

/** Why a child moved into or out of a numerator or denominator (report.md §8). */
export type MoveReason =
  'added-after-extract' | 'date-changed' | 'removed' | 'definition-changed' | 'other-change';

/** Words for each reason, as the data notes print them. */
export const MOVE_REASON_WORDS: Readonly<Record<MoveReason, string>> = {
  'added-after-extract': 'added after the extract',
  'date-changed': 'a date changed',
  removed: 'record deleted or merged',
  'definition-changed': 'definition changed',
  'other-change': 'another change to the child’s records (e.g. a validation fix)',
};

/** One child's move between the published figure and now. Internal: never rendered. */
export interface ChildMove {
  readonly indicator: string;
  readonly childId: string;
  readonly part: 'numerator' | 'denominator';
  readonly direction: 'in' | 'out';
  readonly reason: MoveReason | null;
}

/** What restatements need beyond the figures to count (and explain) the children who moved. */
export interface RestatementDetail {
  /** Member rows frozen in the edition, by indicator id (absent in editions published before they were frozen). */
  readonly frozen: FrozenMembers | undefined;
  /** Member rows now, by indicator id. */
  readonly current: FrozenMembers;
  /** Record ids by child in the published dataset version and now; without them reasons are not derived. */
  readonly publishedRecords: RecordIndex | null;
  readonly currentRecords: RecordIndex | null;
  /** Indicators whose definition version differs from the edition's. */
  readonly definitionChanged: ReadonlySet<string>;
}

type Fig = { value: number | null; numerator: number | null; denominator: number | null };

function childSets(rows: readonly FrozenMember[]): { num: Set<string>; den: Set<string> } {
  const num = new Set<string>();
  const den = new Set<string>();
  for (const r of rows) {
    den.add(r.childId);
    if (r.inNumerator) num.add(r.childId);
  }
  return { num, den };
}

function rowsByChild(rows: readonly FrozenMember[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const l = out.get(r.childId) ?? [];
    l.push(`${r.recordIds.map(recordKey).join('|')}#${r.dates}`);
    out.set(r.childId, l);
  }
  for (const l of out.values()) l.sort();
  return out;
}

/** How many records of `a` (loaded ids) have a natural key not in `b` (natural keys). */
function difference(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): number {
  if (!a) return 0;
  let n = 0;
  for (const x of a) if (!b.has(recordKey(x))) n++;
  return n;
}

/**
 * The natural keys of every record of an index: a record whose return was imported again (a new submission,
 * so a new loaded id) is the same record (`recordKey`).
 */
function allIds(index: RecordIndex): Set<string> {
  const s = new Set<string>();
  for (const ids of index.values()) for (const id of ids) s.add(recordKey(id));
  return s;
}

/**
 * Why one child moved (report.md §8), from the child's records in the published dataset and now, their
 * member rows then and now, and the definition versions: a child or record only in the new data was added
 * after the extract; a record replaced by one with a different key (ids carry their dates) or a changed
 * deciding date is a date change; a child or record only in the published data was deleted or merged.
 * Records are compared by natural key (`recordKey`), not loaded id: a return imported again is a new
 * submission whose unchanged records are the same records.
 */
export function moveReason(
  childId: string,
  direction: 'in' | 'out',
  then: readonly string[] | undefined,
  now: readonly string[] | undefined,
  d: RestatementDetail,
  ids: { published: ReadonlySet<string>; current: ReadonlySet<string> } | null,
  indicator: string,
): MoveReason | null {
  if (!ids || !d.publishedRecords || !d.currentRecords) return null;
  const before = d.publishedRecords.get(childId);
  const after = d.currentRecords.get(childId);
  if (direction === 'in' && !before) return 'added-after-extract';
  if (direction === 'out' && !after) return 'removed';
  const added = after ? difference(after, ids.published) : 0;
  const removed = before ? difference(before, ids.current) : 0;
  if (added > 0 && removed > 0) return 'date-changed';
  if (direction === 'in' && added > 0) return 'added-after-extract';
  if (direction === 'out' && removed > 0) return 'removed';
  if (then && now && then.join() !== now.join()) return 'date-changed';
  if (d.definitionChanged.has(indicator)) return 'definition-changed';
  return 'other-change';
}

/**
 * The children who moved into or out of each restated indicator's numerator and denominator, with the
 * reason where derivable. Child-level: for authorised roles only, never for the report text.
 * @example childMoves(['cic-count'], detail) //=> [{ indicator: 'cic-count', childId: 'C9', part: 'denominator', direction: 'in', reason: 'added-after-extract' }]
 */
export function childMoves(indicators: readonly string[], d: RestatementDetail): ChildMove[] {
  if (!d.frozen) return [];
  const ids =
    d.publishedRecords && d.currentRecords
      ? { published: allIds(d.publishedRecords), current: allIds(d.currentRecords) }
      : null;
  const out: ChildMove[] = [];
  for (const indicator of indicators) {
    const thenRows = d.frozen[indicator];
    const nowRows = d.current[indicator];
    if (!thenRows || !nowRows) continue;
    const a = childSets(thenRows);
    const b = childSets(nowRows);
    const thenBy = rowsByChild(thenRows);
    const nowBy = rowsByChild(nowRows);
    const add = (
      part: 'numerator' | 'denominator',
      direction: 'in' | 'out',
      from: Set<string>,
      to: Set<string>,
    ) => {
      for (const childId of [...from].filter((c) => !to.has(c)).sort()) {
        const reason = moveReason(
          childId,
          direction,
          thenBy.get(childId),
          nowBy.get(childId),
          d,
          ids,
          indicator,
        );
        out.push({ indicator, childId, part, direction, reason });
      }
    };
    add('numerator', 'in', b.num, a.num);
    add('numerator', 'out', a.num, b.num);
    add('denominator', 'in', b.den, a.den);
    add('denominator', 'out', a.den, b.den);
  }
  return out;
}

/**
 * Restatements of a published period (report.md §8): every indicator whose value, numerator or denominator
 * differs between the frozen edition and the figures computed now, with how many children moved in and out
 * of the numerator and denominator when the edition froze its members, and (given the record indexes) the
 * reasons, counted.
 * @example restatements(frozen, now, 'ed-1') //=> [{ indicator: 'assessments-45wd', change: -0.4, … }]
 */
export function restatements(
  frozen: {
    readonly period: { readonly id: string };
    readonly indicators: readonly ({ readonly id: string } & Fig)[];
  },
  now: { readonly indicators: readonly ({ readonly id: string } & Fig)[] },
  edition: string,
  detail?: RestatementDetail,
): Restatement[] {
  const out: Restatement[] = [];
  for (const p of frozen.indicators) {
    const n = now.indicators.find((x) => x.id === p.id);
    if (!n) continue;
    if (p.value === n.value && p.numerator === n.numerator && p.denominator === n.denominator) continue;
    const moves = detail?.frozen?.[p.id] && detail.current[p.id] ? childMoves([p.id], detail) : null;
    const count = (part: string, direction: string) =>
      moves ? moves.filter((m) => m.part === part && m.direction === direction).length : null;
    let reasons: Partial<Record<MoveReason, number>> | null = null;
    if (moves && moves.every((m) => m.reason !== null)) {
      reasons = {};
      // Children, not moves: a child leaving both numerator and denominator for one reason counts once.
      const seen = new Set<string>();
      for (const m of moves) {
        const key = `${m.reason}\u0000${m.childId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        reasons[m.reason!] = (reasons[m.reason!] ?? 0) + 1;
      }
    }
    out.push({
      indicator: p.id,
      period: frozen.period.id,
      edition,
      published: { value: p.value, numerator: p.numerator, denominator: p.denominator },
      now: { value: n.value, numerator: n.numerator, denominator: n.denominator },
      change: p.value === null || n.value === null ? null : Math.round((n.value - p.value) * 10) / 10,
      numeratorIn: count('numerator', 'in'),
      numeratorOut: count('numerator', 'out'),
      denominatorIn: count('denominator', 'in'),
      denominatorOut: count('denominator', 'out'),
      reasons,
    });
  }
  return out;
}
