import type { IsoDate } from '../../calendar/iso-date.js';
import type { Assessment, CinPlan, CpPlan, Referral, Section47 } from '../../model/cin.js';
import type { XmlNode } from '../xml/xml-schema.js';
import { type CinTable, CinTableBuilder } from './cin-table.js';
import {
  ASSESSMENT_SHAPE,
  CIN_PLAN_SHAPE,
  CP_PLAN_SHAPE,
  type CinRecord,
  type CinTableKey,
  REFERRAL_SHAPE,
  SECTION47_SHAPE,
} from './cin-shapes.js';
import { ChildIndex } from '../child-index.js';

/** The CIN census tables of one file, held by column ({@link CinTable}); only those with a row. */
export interface CinTables {
  referrals?: CinTable<Referral>;
  assessments?: CinTable<Assessment>;
  cinPlans?: CinTable<CinPlan>;
  section47s?: CinTable<Section47>;
  cpPlans?: CinTable<CpPlan>;
}

/** A loaded CINdetails, as the elements inside it are staged: its Child, its number and its date. */
export interface ReferralAt {
  readonly childId: string;
  /** The child's index in the file's tables. */
  readonly child: number;
  readonly childNo: number;
  readonly details: number;
  readonly date: IsoDate;
}

/**
 * The CIN census elements of one file as they are read, into one {@link CinTable} per table: no record, source,
 * id or position string per element. Every Child sits at the same path but for its number
 * (`/Message/Children/Child[n]`, CIN_SCHEMA), so a row's position is written from the numbers in its path.
 */
export class CinTablesBuilder {
  /** The file's loaded children, shared by its tables: a child is looked up once per CINdetails. */
  private readonly children = new ChildIndex();
  private readonly referrals = new CinTableBuilder(REFERRAL_SHAPE, this.children);
  private readonly assessments = new CinTableBuilder(ASSESSMENT_SHAPE, this.children);
  private readonly cinPlans = new CinTableBuilder(CIN_PLAN_SHAPE, this.children);
  private readonly section47s = new CinTableBuilder(SECTION47_SHAPE, this.children);
  private readonly cpPlans = new CinTableBuilder(CP_PLAN_SHAPE, this.children);
  /** The tables in the order their first element was read (as a sink's tables are added). */
  private readonly order: CinTableKey[] = [];
  /** The Child elements' path up to their number (`/Message/Children/Child[`), from the first. */
  private childPath = '';

  constructor(private readonly file: string) {}

  /** A loaded CINdetails (`node`) of the loaded Child `child` (its element), with its values in record order. */
  referral(
    childId: string,
    child: XmlNode,
    node: XmlNode,
    referralDate: IsoDate,
    referralSource: string | null,
    primaryNeedCode: string | null,
    closureDate: IsoDate | null,
    reasonForClosure: string | null,
    dateOfInitialCpc: IsoDate | null,
    referralNfa: boolean | null,
  ): ReferralAt {
    if (this.childPath === '') this.childPath = child.path.slice(0, child.path.lastIndexOf('[') + 1);
    const c = this.children.of(childId);
    this.add('referrals', this.referrals, c, referralDate, child.index, node.index, node, [
      referralDate,
      referralSource,
      null,
      primaryNeedCode,
      closureDate,
      reasonForClosure,
      dateOfInitialCpc,
      referralNfa,
    ]);
    return { childId, child: c, childNo: child.index, details: node.index, date: referralDate };
  }

  /** A loaded Assessments element of the CINdetails `at`. */
  assessment(
    at: ReferralAt,
    node: XmlNode,
    startDate: IsoDate,
    internalReviewDate: IsoDate | null,
    authorisationDate: IsoDate | null,
    factors: readonly string[],
  ): void {
    this.nested(
      'assessments',
      this.assessments,
      at,
      node,
      [startDate, internalReviewDate, authorisationDate],
      [factors],
    );
  }

  /** A loaded CINPlanDates element. */
  cinPlan(at: ReferralAt, node: XmlNode, startDate: IsoDate, endDate: IsoDate | null): void {
    this.nested('cinPlans', this.cinPlans, at, node, [startDate, endDate]);
  }

  /** A loaded Section47 element. */
  section47(
    at: ReferralAt,
    node: XmlNode,
    startDate: IsoDate,
    initialCpcTarget: IsoDate | null,
    dateOfInitialCpc: IsoDate | null,
    icpcNotRequired: boolean,
  ): void {
    this.nested('section47s', this.section47s, at, node, [
      startDate,
      initialCpcTarget,
      dateOfInitialCpc,
      icpcNotRequired,
    ]);
  }

  /** A loaded ChildProtectionPlans element (`reviewDates` in date order). */
  cpPlan(
    at: ReferralAt,
    node: XmlNode,
    startDate: IsoDate,
    endDate: IsoDate | null,
    initialCategoryOfAbuse: string | null,
    latestCategoryOfAbuse: string | null,
    numberOfPreviousCpp: number | null,
    reviewDates: readonly IsoDate[],
  ): void {
    this.nested(
      'cpPlans',
      this.cpPlans,
      at,
      node,
      [startDate, endDate, initialCategoryOfAbuse, latestCategoryOfAbuse, numberOfPreviousCpp],
      [reviewDates],
    );
  }

  /** The tables read, in the order each one's first element was read; only those with a row. */
  build(): CinTables {
    const out: Record<string, CinTable<CinRecord>> = {};
    for (const key of this.order) out[key] = (this[key] as CinTableBuilder<CinRecord>).build();
    return out as CinTables;
  }

  private nested<R extends CinRecord>(
    key: CinTableKey,
    b: CinTableBuilder<R>,
    at: ReferralAt,
    node: XmlNode,
    values: readonly (string | number | boolean | null)[],
    lists?: readonly (readonly string[])[],
  ): void {
    this.add(key, b, at.child, at.date, at.childNo, at.details, node, values, lists);
  }

  private add<R extends CinRecord>(
    key: CinTableKey,
    b: CinTableBuilder<R>,
    child: number,
    referralDate: IsoDate,
    childNo: number,
    details: number,
    node: XmlNode,
    values: readonly (string | number | boolean | null)[],
    lists?: readonly (readonly string[])[],
  ): void {
    if (b.length === 0) this.order.push(key);
    b.addRow(child, referralDate, this.file, this.childPath, childNo, details, node, values, lists);
  }
}
