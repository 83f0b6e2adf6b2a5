import type { IsoDate } from '../../calendar/iso-date.js';
import type { AnnexACic } from '../../model/annex-a.js';
import { ukDate } from '../lib/uk-date.js';
import type { Computation, ComputeContext, IndicatorInput, Member, Note } from '../types.js';

/**
 * The children in care an Annex A List 8 shows at its as-at date A (inputs.md §4 fallback).
 *
 * Reading of the spec: List 8 is a snapshot. Its "latest" and "last 12 months" fields (latest review,
 * last social work visit, last health assessment, last dental check, placements in the last 12 months)
 * are as at A, and the merged table holds each period of care as the latest workbook gives it. So a
 * fallback figure is the position at the latest workbook's A, and only for a period ending on or after A
 * (noted `provisional` when it ends after A); an earlier period end is not available from Annex A.
 * Looked after at A = started on or before A and not ceased on or before A.
 */
export type List8Snapshot =
  | {
      readonly status: 'ok';
      readonly asAt: IsoDate;
      /** Rows of children looked after at A, UASC removed under `excludeUasc` (List 8's UASC column). */
      readonly rows: readonly AnnexACic[];
      readonly notes: readonly Note[];
    }
  | { readonly status: 'not-available'; readonly computation: Computation };

/**
 * The List 8 snapshot for a period: the latest workbook's rows of children looked after at its date.
 * @example list8Snapshot(input, ctx).status //=> 'ok' when the workbook is dated on or before the period end
 */
export function list8Snapshot(input: IndicatorInput, ctx: ComputeContext, what: string): List8Snapshot {
  let asAt: IsoDate | null = null;
  for (const r of input.data.annexACic) if (asAt === null || r.asAt > asAt) asAt = r.asAt;
  const e = ctx.period.end;
  if (asAt === null || asAt > e) {
    const detail =
      asAt === null
        ? 'needs the SSDA903 return (Annex A List 8 holds no children)'
        : `needs the SSDA903 return (Ofsted Annex A List 8 is as at ${ukDate(asAt)}, after the period end)`;
    return {
      status: 'not-available',
      computation: {
        status: 'not-available',
        numerator: 0,
        denominator: null,
        members: [],
        notes: [{ code: 'notAvailable', detail }],
        missing: ['the SSDA903 episodes table'],
      },
    };
  }
  const a = asAt;
  let uascRemoved = 0;
  const rows: AnnexACic[] = [];
  for (const r of input.data.annexACic) {
    if (r.asAt !== a || r.startDate > a || (r.ceasedDate !== null && r.ceasedDate <= a)) continue;
    if (ctx.settings.excludeUasc && r.uasc === true) {
      uascRemoved++;
      continue;
    }
    rows.push(r);
  }
  const notes: Note[] = [
    {
      code: 'annexA',
      detail: `Ofsted Annex A List 8 as at ${ukDate(a)}, as the primary source is not loaded: ${what}`,
    },
  ];
  if (e > a) notes.push({ code: 'provisional', detail: `Annex A as at ${ukDate(a)}` });
  if (ctx.settings.excludeUasc)
    notes.push({
      code: 'excludeUasc',
      count: uascRemoved,
      detail: `excluding UASC (${uascRemoved} removed)`,
    });
  return { status: 'ok', asAt: a, rows, notes };
}

/** A member of a List 8 figure: the row that decided it, and why. */
export function list8Member(
  r: AnnexACic,
  inNumerator: boolean,
  reason: string,
  dates: Record<string, IsoDate | null> = {},
): Member {
  return {
    childId: r.childId,
    recordIds: [r.id],
    dates: { periodOfCareStart: r.startDate, ...dates },
    inNumerator,
    reason,
  };
}

/**
 * A percentage figure from a List 8 snapshot: every row is in the denominator, `test` says whether it is
 * in the numerator and why; rows `test` cannot decide (a blank field) are counted in the note `annexABlank`.
 */
export function list8Percentage(
  snap: Extract<List8Snapshot, { status: 'ok' }>,
  rows: readonly AnnexACic[],
  test: (r: AnnexACic) => { readonly in: boolean; readonly reason: string; readonly blank?: boolean },
  blankField: string,
  extraNotes: readonly Note[] = [],
): Computation {
  let blank = 0;
  const members = rows.map((r) => {
    const t = test(r);
    if (t.blank) blank++;
    return list8Member(r, t.in, t.reason);
  });
  const notes: Note[] = [...snap.notes, ...extraNotes];
  if (blank > 0) notes.push({ code: 'annexABlank', count: blank, detail: blankField });
  return {
    status: 'ok',
    numerator: members.filter((m) => m.inNumerator).length,
    denominator: members.length,
    members,
    notes,
  };
}
