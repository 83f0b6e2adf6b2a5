import type { EpisodeTable } from '../ingest/episode-table.js';
import { childrenById } from './rule.js';

/**
 * An episode table's rows grouped by child: child k's rows are `rows[k === 0 ? 0 : ends[k - 1] .. ends[k])`,
 * children in order of first appearance, each child's rows in file order (or in DECOM order, from
 * {@link episodeSpansByDecom}). The column form of `childSpans`, with the same order. Read-only.
 */
export interface EpisodeSpans {
  readonly rows: Int32Array;
  readonly ends: Uint32Array;
}

const spansOf = new WeakMap<EpisodeTable, EpisodeSpans>();
const byDecomOf = new WeakMap<EpisodeTable, EpisodeSpans>();

/**
 * The rows grouped by child ({@link EpisodeSpans}), computed once per table and shared by the rules that walk
 * a child's episodes. A stable counting sort by the child's index: the table numbers its children in order of
 * first appearance, so the groups come in that order and each keeps file order.
 * @example const { rows, ends } = episodeSpans(table); table.decom[rows[0]!] // child 1's first episode
 */
export function episodeSpans(t: EpisodeTable): EpisodeSpans {
  let spans = spansOf.get(t);
  if (spans === undefined) spansOf.set(t, (spans = groupByChild(t)));
  return spans;
}

function groupByChild(t: EpisodeTable): EpisodeSpans {
  const n = t.length;
  const children = t.childIds.length;
  const child = t.child;
  const ends = new Uint32Array(children);
  for (let i = 0; i < n; i++) ends[child[i]!]!++;
  // A child with no row left (the table was filtered) has an empty span: left out below.
  let total = 0;
  const starts = new Uint32Array(children);
  for (let k = 0; k < children; k++) {
    starts[k] = total;
    total += ends[k]!;
  }
  const rows = new Int32Array(n);
  const next = starts.slice();
  for (let i = 0; i < n; i++) rows[next[child[i]!]!++] = i;
  let spans = 0;
  for (let k = 0; k < children; k++) if (next[k]! > starts[k]!) ends[spans++] = next[k]!;
  return { rows, ends: ends.slice(0, spans) };
}

/**
 * {@link episodeSpans} with each child's rows in DECOM order (stable: equal dates keep file order), computed once
 * per table and shared by the rules that walk a child's episodes in date order.
 * @example const { rows, ends } = episodeSpansByDecom(table); table.decom[rows[0]!]
 */
export function episodeSpansByDecom(t: EpisodeTable): EpisodeSpans {
  let spans = byDecomOf.get(t);
  if (spans === undefined) byDecomOf.set(t, (spans = sortedByDecom(t, episodeSpans(t))));
  return spans;
}

function sortedByDecom(t: EpisodeTable, spans: EpisodeSpans): EpisodeSpans {
  const { rows, ends } = spans;
  const decom = t.decom;
  let out: Int32Array | null = null;
  let from = 0;
  for (const to of ends) {
    let ordered = true;
    for (let i = from + 1; i < to && ordered; i++) ordered = !(decom.at(rows[i - 1]!) > decom.at(rows[i]!));
    if (!ordered) {
      out ??= rows.slice();
      // Array.prototype.sort is stable: rows of one date keep file order.
      const sorted = Array.from(rows.subarray(from, to)).sort((a, b) =>
        decom.at(a) < decom.at(b) ? -1 : decom.at(a) > decom.at(b) ? 1 : 0,
      );
      out.set(sorted, from);
    }
    from = to;
  }
  return out === null ? spans : { rows: out, ends };
}

const headsOf = new WeakMap<EpisodeTable, { readonly of: readonly object[]; readonly heads: unknown[] }>();

/**
 * Each child's record in `children` (its Header row, as `childrenById` finds it), by the table's child index
 * (undefined when the child has none): one look-up per child, computed once per table and children array.
 * @example episodeHeads(table, ctx.tables.children)[table.child[0]!]?.dob
 */
export function episodeHeads<C extends { readonly childId: string }>(
  t: EpisodeTable,
  children: readonly C[] | undefined,
): readonly (C | undefined)[] {
  const of = children ?? [];
  const cached = headsOf.get(t);
  if (cached !== undefined && cached.of === of) return cached.heads as (C | undefined)[];
  const byId = childrenById(of);
  const heads = t.childIds.map((id) => byId.get(id));
  headsOf.set(t, { of, heads });
  return heads;
}

/**
 * True when an episode of the child other than row `self` starts on the day: the child's rows are
 * `rows[from..to)` of its {@link EpisodeSpans} (`starts`: their start dates, when the child has many). Only a
 * same-day episode (DEC = DECOM) starts on its own DEC, and it does not follow itself (inputs.md §2.3).
 * @example anotherStartsOn(t, rows, from, to, i, t.dec.at(i)) // does row i's X1 chain to a next episode?
 */
export function anotherStartsOn(
  t: EpisodeTable,
  rows: Int32Array,
  from: number,
  to: number,
  self: number,
  day: string,
  starts: ReadonlySet<string> | null = null,
): boolean {
  const decom = t.decom;
  if (starts !== null && decom.at(self) !== day) return starts.has(day);
  for (let k = from; k < to; k++) {
    const r = rows[k]!;
    if (r !== self && decom.at(r) === day) return true;
  }
  return false;
}
