import type { IsoDate } from '../../calendar/iso-date.js';
import type { Assessment, CinPlan, CpPlan, Referral, Section47 } from '../../model/cin.js';
import type { Column, ColumnValue } from '../column.js';
import type { CinTable } from './cin-table.js';

// The CIN census tables held by column (CinTable): their records' kinds, how each table's record is laid out
// (its shape: fields in the record's order, natural key, one literal making a row's record), and the ways a rule
// reads a column.

/** A CIN census record: one of the tables a CINdetails and the elements inside it give (inputs.md §3). */
export type CinRecord = Referral | Assessment | CinPlan | Section47 | CpPlan;

/** The staged tables held as {@link CinTable}s when a CIN census file is read. */
export type CinTableKey = 'referrals' | 'assessments' | 'cinPlans' | 'section47s' | 'cpPlans';

/** A record's fields held as a column of values (codes, dates, numbers, yes/no): all but the lists. */
export type ValueField<R> = {
  [K in keyof R & string]: R[K] extends string | number | boolean | null
    ? K extends 'id' | 'referralId' | 'childId'
      ? never
      : K
    : never;
}[keyof R & string];

/** A record's fields holding a list of codes or dates. */
export type ListField<R> = {
  [K in keyof R & string]: R[K] extends readonly string[] ? K : never;
}[keyof R & string];

/** A field's value by row, held as a {@link Column}. */
export interface FieldColumn<T> {
  at(i: number): T;
  /** Each row's value, as an index into {@link values}. */
  readonly index: Int32Array;
  /** The column's distinct values (index 0: null), each held once: a rule judges each one once. */
  readonly values: readonly T[];
}

/**
 * A list field held by column: row i's values are entries `start[i]` to `start[i + 1]` (exclusive) of `index`,
 * each an index into `values`, the distinct values of every row's list (index 0: null, never an entry).
 */
export interface ListColumn {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly values: readonly (string | null)[];
  /** Row i's list (a new array). */
  at(i: number): string[];
}

/** A field named at run time (a rule's field list, table-fields.ts): a column of values, or of lists. */
export type NamedColumn =
  | { readonly kind: 'value'; readonly column: FieldColumn<ColumnValue> }
  | { readonly kind: 'list'; readonly column: ListColumn };

/**
 * How one CIN table's records are laid out: the element its rows are read from, its fields in the record's own
 * order (a record made from a row has its keys in that order, as the reader made them), and its natural key.
 */
export interface CinShape<R extends CinRecord> {
  readonly table: CinTableKey;
  /** The XML element a row is (`CINdetails`, `Assessments`, …). */
  readonly element: string;
  /** The record's keys in order, each with how it is held. */
  readonly fields: readonly (readonly [keyof R & string, FieldKind])[];
  /**
   * The record id from its row (inputs.md §1.1): `CHILD/REFERRALDATE` (referrals), `CHILD/REFERRALDATE/START`
   * (assessments, under their referral), `CHILD/START` (the others).
   */
  readonly idKey: 'referral' | 'referral-start' | 'start';
  /**
   * Row i's record, in the field order above: `v` the value columns and `l` the list columns, each in that order
   * (one object literal per table, so every record of a table has the same shape).
   */
  make(
    t: CinTable<R>,
    i: number,
    v: readonly Column<ColumnValue>[],
    l: readonly { at(i: number): string[] }[],
  ): R;
}

/** `id`, `referralId` (the CINdetails' id, kept as its date), `childId`, `value` (a column), `list`, `source`. */
export type FieldKind = 'id' | 'referralId' | 'childId' | 'value' | 'list' | 'source';

export const REFERRAL_SHAPE: CinShape<Referral> = {
  table: 'referrals',
  element: 'CINdetails',
  idKey: 'referral',
  fields: [
    ['id', 'id'],
    ['childId', 'childId'],
    ['referralDate', 'value'],
    ['referralSource', 'value'],
    ['referralSourceRaw', 'value'],
    ['primaryNeedCode', 'value'],
    ['closureDate', 'value'],
    ['reasonForClosure', 'value'],
    ['dateOfInitialCpc', 'value'],
    ['referralNfa', 'value'],
    ['source', 'source'],
  ],
  make: (t, i, v) => ({
    id: t.id(i),
    childId: t.childId(i),
    referralDate: v[0]!.at(i) as IsoDate,
    referralSource: v[1]!.at(i) as string | null,
    referralSourceRaw: v[2]!.at(i) as string | null,
    primaryNeedCode: v[3]!.at(i) as string | null,
    closureDate: v[4]!.at(i) as IsoDate | null,
    reasonForClosure: v[5]!.at(i) as string | null,
    dateOfInitialCpc: v[6]!.at(i) as IsoDate | null,
    referralNfa: v[7]!.at(i) as boolean | null,
    source: t.source(i),
  }),
};

export const ASSESSMENT_SHAPE: CinShape<Assessment> = {
  table: 'assessments',
  element: 'Assessments',
  idKey: 'referral-start',
  fields: [
    ['id', 'id'],
    ['referralId', 'referralId'],
    ['childId', 'childId'],
    ['startDate', 'value'],
    ['internalReviewDate', 'value'],
    ['authorisationDate', 'value'],
    ['factors', 'list'],
    ['source', 'source'],
  ],
  make: (t, i, v, l) => ({
    id: t.id(i),
    referralId: t.referralId(i),
    childId: t.childId(i),
    startDate: v[0]!.at(i) as IsoDate,
    internalReviewDate: v[1]!.at(i) as IsoDate | null,
    authorisationDate: v[2]!.at(i) as IsoDate | null,
    factors: l[0]!.at(i),
    source: t.source(i),
  }),
};

export const CIN_PLAN_SHAPE: CinShape<CinPlan> = {
  table: 'cinPlans',
  element: 'CINPlanDates',
  idKey: 'start',
  fields: [
    ['id', 'id'],
    ['referralId', 'referralId'],
    ['childId', 'childId'],
    ['startDate', 'value'],
    ['endDate', 'value'],
    ['source', 'source'],
  ],
  make: (t, i, v) => ({
    id: t.id(i),
    referralId: t.referralId(i),
    childId: t.childId(i),
    startDate: v[0]!.at(i) as IsoDate,
    endDate: v[1]!.at(i) as IsoDate | null,
    source: t.source(i),
  }),
};

export const SECTION47_SHAPE: CinShape<Section47> = {
  table: 'section47s',
  element: 'Section47',
  idKey: 'start',
  fields: [
    ['id', 'id'],
    ['referralId', 'referralId'],
    ['childId', 'childId'],
    ['startDate', 'value'],
    ['initialCpcTarget', 'value'],
    ['dateOfInitialCpc', 'value'],
    ['icpcNotRequired', 'value'],
    ['source', 'source'],
  ],
  make: (t, i, v) => ({
    id: t.id(i),
    referralId: t.referralId(i),
    childId: t.childId(i),
    startDate: v[0]!.at(i) as IsoDate,
    initialCpcTarget: v[1]!.at(i) as IsoDate | null,
    dateOfInitialCpc: v[2]!.at(i) as IsoDate | null,
    icpcNotRequired: v[3]!.at(i) as boolean,
    source: t.source(i),
  }),
};

export const CP_PLAN_SHAPE: CinShape<CpPlan> = {
  table: 'cpPlans',
  element: 'ChildProtectionPlans',
  idKey: 'start',
  fields: [
    ['id', 'id'],
    ['referralId', 'referralId'],
    ['childId', 'childId'],
    ['startDate', 'value'],
    ['endDate', 'value'],
    ['initialCategoryOfAbuse', 'value'],
    ['latestCategoryOfAbuse', 'value'],
    ['numberOfPreviousCpp', 'value'],
    ['reviewDates', 'list'],
    ['source', 'source'],
  ],
  make: (t, i, v, l) => ({
    id: t.id(i),
    referralId: t.referralId(i),
    childId: t.childId(i),
    startDate: v[0]!.at(i) as IsoDate,
    endDate: v[1]!.at(i) as IsoDate | null,
    initialCategoryOfAbuse: v[2]!.at(i) as string | null,
    latestCategoryOfAbuse: v[3]!.at(i) as string | null,
    numberOfPreviousCpp: v[4]!.at(i) as number | null,
    reviewDates: l[0]!.at(i) as IsoDate[],
    source: t.source(i),
  }),
};

/** The shapes by table. */
export const CIN_SHAPES = {
  referrals: REFERRAL_SHAPE,
  assessments: ASSESSMENT_SHAPE,
  cinPlans: CIN_PLAN_SHAPE,
  section47s: SECTION47_SHAPE,
  cpPlans: CP_PLAN_SHAPE,
} as const;
