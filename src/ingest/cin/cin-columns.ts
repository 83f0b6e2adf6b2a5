import type { IsoDate } from '../../calendar/iso-date.js';
import type { Assessment, CinPlan, CpPlan, Referral, Section47 } from '../../model/cin.js';
import type { XmlNode } from '../xml/xml-schema.js';
import { ColumnBuilder } from '../column.js';

/**
 * The CIN census tables a CINdetails and the elements inside it give (inputs.md §3), as records, in document
 * order.
 */
export interface CinElementRecords {
  referrals?: Referral[];
  assessments?: Assessment[];
  cinPlans?: CinPlan[];
  section47s?: Section47[];
  cpPlans?: CpPlan[];
}

type CinElementTable = keyof CinElementRecords;

/** A whole number per row, in an Int32Array grown as rows are added (-1 stands for null where one may be). */
class Ints {
  data = new Int32Array(256);

  set(i: number, v: number): void {
    if (i === this.data.length) {
      const grown = new Int32Array(i * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[i] = v;
  }
}

/** A yes/no value as a number: -1 for none. */
function flag(v: boolean | null): number {
  return v === null ? -1 : v ? 1 : 0;
}

function unflag(v: number): boolean | null {
  return v === -1 ? null : v === 1;
}

/** A list of codes or dates per row: the values of every row end to end, and where each row's start. */
class Lists<T extends string> {
  private readonly start = new Ints();
  private readonly values = new ColumnBuilder<T>();
  private n = 0;

  constructor() {
    this.start.set(0, 0);
  }

  /** Row i's list (rows are added in order). */
  set(i: number, list: readonly T[]): void {
    for (const v of list) this.values.set(this.n++, v);
    this.start.set(i + 1, this.n);
  }

  /** Row i's list, a new array of its exact length. */
  at(i: number): T[] {
    const from = this.start.data[i]!;
    const to = this.start.data[i + 1]!;
    const out = new Array<T>(to - from);
    const { index, values } = this.values;
    for (let k = from; k < to; k++) out[k - from] = values[index[k]!] as T;
    return out;
  }
}

/**
 * What every CIN element's row holds: its Child (an index into the builder's children), the number of its
 * CINdetails within the Child and its own number within the CINdetails (0 for a CINdetails), its line and column:
 * enough to write its position when its record is made, without a string per element while reading.
 */
class ElementRows {
  n = 0;
  readonly child = new Ints();
  readonly details = new Ints();
  readonly no = new Ints();
  readonly line = new Ints();
  readonly column = new Ints();

  /**
   * A new row for the element `node` of the Child `child`, in its CINdetails number `details`, itself numbered
   * `no` there (0 for the CINdetails).
   */
  add(child: number, details: number, no: number, node: XmlNode): number {
    const i = this.n++;
    this.child.set(i, child);
    this.details.set(i, details);
    this.no.set(i, no);
    this.line.set(i, node.line);
    this.column.set(i, node.column);
    return i;
  }
}

/** CINdetails rows (referrals). */
class ReferralRows extends ElementRows {
  readonly referralDate = new ColumnBuilder<IsoDate>();
  readonly referralSource = new ColumnBuilder<string | null>();
  readonly primaryNeedCode = new ColumnBuilder<string | null>();
  readonly closureDate = new ColumnBuilder<IsoDate | null>();
  readonly reasonForClosure = new ColumnBuilder<string | null>();
  readonly dateOfInitialCpc = new ColumnBuilder<IsoDate | null>();
  readonly referralNfa = new Ints();
}

/** Rows of an element inside a CINdetails: they keep their referral's date, for its id. */
class NestedRows extends ElementRows {
  readonly referralDate = new ColumnBuilder<IsoDate>();
  readonly startDate = new ColumnBuilder<IsoDate>();

  /** A new row for the element `node` in the CINdetails number `details`, dated `referralDate`. */
  addNested(child: number, details: number, referralDate: IsoDate, node: XmlNode, start: IsoDate): number {
    const i = this.add(child, details, node.index, node);
    this.referralDate.set(i, referralDate);
    this.startDate.set(i, start);
    return i;
  }
}

class AssessmentRows extends NestedRows {
  readonly internalReviewDate = new ColumnBuilder<IsoDate | null>();
  readonly authorisationDate = new ColumnBuilder<IsoDate | null>();
  readonly factors = new Lists<string>();
}

class CinPlanRows extends NestedRows {
  readonly endDate = new ColumnBuilder<IsoDate | null>();
}

class Section47Rows extends NestedRows {
  readonly initialCpcTarget = new ColumnBuilder<IsoDate | null>();
  readonly dateOfInitialCpc = new ColumnBuilder<IsoDate | null>();
  readonly icpcNotRequired = new Ints();
}

class CpPlanRows extends NestedRows {
  readonly endDate = new ColumnBuilder<IsoDate | null>();
  readonly initialCategoryOfAbuse = new ColumnBuilder<string | null>();
  readonly latestCategoryOfAbuse = new ColumnBuilder<string | null>();
  /** -1 for none. */
  readonly numberOfPreviousCpp = new Ints();
  readonly reviewDates = new Lists<IsoDate>();
}

/**
 * The CIN census elements of one file as they are read, by column (the performance plan in
 * docs/performance-history.md): no record, source or position string per element while the file is read. Values
 * are kept as the mapper found them (ISO dates from the date cache, interned codes), so {@link records} makes the
 * very records the mapper made before, with their ids (the natural keys: `CHILD/REFERRALDATE`, an assessment
 * `CHILD/REFERRALDATE/START`, the others `CHILD/START`) and positions (`/Message/Children/Child[37]/CINdetails[2]
 * line 881:14`), once, when reading is done.
 *
 * A position is rebuilt from the numbers in the element's path: every Child sits at the same path but for its
 * number (`Message/Children/Child[n]`, CIN_SCHEMA), the CINdetails and the four elements inside it are numbered.
 */
export class CinColumnsBuilder {
  private readonly childIds: string[] = [];
  private readonly childNo = new Ints();
  /** The Child elements' path up to their number (`/Message/Children/Child[`), from the first. */
  private childPath: string | null = null;
  private readonly referrals = new ReferralRows();
  private readonly assessments = new AssessmentRows();
  private readonly cinPlans = new CinPlanRows();
  private readonly section47s = new Section47Rows();
  private readonly cpPlans = new CpPlanRows();

  /** The tables in the order their first element was read (as a sink's tables are added). */
  private readonly order: CinElementTable[] = [];

  constructor(private readonly file: string) {}

  /** Starts a loaded Child element's rows; its index, for the rows of its elements. */
  child(childId: string, node: XmlNode): number {
    const c = this.childIds.length;
    if (this.childPath === null) this.childPath = node.path.slice(0, node.path.lastIndexOf('[') + 1);
    this.childIds.push(childId);
    this.childNo.set(c, node.index);
    return c;
  }

  /** A loaded CINdetails. */
  referral(
    child: number,
    node: XmlNode,
    referralDate: IsoDate,
    referralSource: string | null,
    primaryNeedCode: string | null,
    closureDate: IsoDate | null,
    reasonForClosure: string | null,
    dateOfInitialCpc: IsoDate | null,
    referralNfa: boolean | null,
  ): void {
    const t = this.referrals;
    if (t.n === 0) this.order.push('referrals');
    const i = t.add(child, node.index, 0, node);
    t.referralDate.set(i, referralDate);
    t.referralSource.set(i, referralSource);
    t.primaryNeedCode.set(i, primaryNeedCode);
    t.closureDate.set(i, closureDate);
    t.reasonForClosure.set(i, reasonForClosure);
    t.dateOfInitialCpc.set(i, dateOfInitialCpc);
    t.referralNfa.set(i, flag(referralNfa));
  }

  /** A loaded Assessments element of the CINdetails `details` (its number) dated `referralDate`. */
  assessment(
    child: number,
    details: number,
    referralDate: IsoDate,
    node: XmlNode,
    startDate: IsoDate,
    internalReviewDate: IsoDate | null,
    authorisationDate: IsoDate | null,
    factors: readonly string[],
  ): void {
    const t = this.assessments;
    if (t.n === 0) this.order.push('assessments');
    const i = t.addNested(child, details, referralDate, node, startDate);
    t.internalReviewDate.set(i, internalReviewDate);
    t.authorisationDate.set(i, authorisationDate);
    t.factors.set(i, factors);
  }

  /** A loaded CINPlanDates element. */
  cinPlan(
    child: number,
    details: number,
    referralDate: IsoDate,
    node: XmlNode,
    startDate: IsoDate,
    endDate: IsoDate | null,
  ): void {
    const t = this.cinPlans;
    if (t.n === 0) this.order.push('cinPlans');
    const i = t.addNested(child, details, referralDate, node, startDate);
    t.endDate.set(i, endDate);
  }

  /** A loaded Section47 element. */
  section47(
    child: number,
    details: number,
    referralDate: IsoDate,
    node: XmlNode,
    startDate: IsoDate,
    initialCpcTarget: IsoDate | null,
    dateOfInitialCpc: IsoDate | null,
    icpcNotRequired: boolean,
  ): void {
    const t = this.section47s;
    if (t.n === 0) this.order.push('section47s');
    const i = t.addNested(child, details, referralDate, node, startDate);
    t.initialCpcTarget.set(i, initialCpcTarget);
    t.dateOfInitialCpc.set(i, dateOfInitialCpc);
    t.icpcNotRequired.set(i, icpcNotRequired ? 1 : 0);
  }

  /** A loaded ChildProtectionPlans element (`reviewDates` in date order). */
  cpPlan(
    child: number,
    details: number,
    referralDate: IsoDate,
    node: XmlNode,
    startDate: IsoDate,
    endDate: IsoDate | null,
    initialCategoryOfAbuse: string | null,
    latestCategoryOfAbuse: string | null,
    numberOfPreviousCpp: number | null,
    reviewDates: readonly IsoDate[],
  ): void {
    const t = this.cpPlans;
    if (t.n === 0) this.order.push('cpPlans');
    const i = t.addNested(child, details, referralDate, node, startDate);
    t.endDate.set(i, endDate);
    t.initialCategoryOfAbuse.set(i, initialCategoryOfAbuse);
    t.latestCategoryOfAbuse.set(i, latestCategoryOfAbuse);
    t.numberOfPreviousCpp.set(i, numberOfPreviousCpp ?? -1);
    t.reviewDates.set(i, reviewDates);
  }

  /**
   * The records of the elements read, by table: only the tables that have one, in the order each table's first
   * element was read.
   */
  records(): CinElementRecords {
    const out: CinElementRecords = {};
    for (const table of this.order) {
      if (table === 'referrals') out.referrals = this.referralRecords();
      else if (table === 'assessments') out.assessments = this.assessmentRecords();
      else if (table === 'cinPlans') out.cinPlans = this.cinPlanRecords();
      else if (table === 'section47s') out.section47s = this.section47Records();
      else out.cpPlans = this.cpPlanRecords();
    }
    return out;
  }

  /** Row i's child id. */
  private childIdOf(t: ElementRows, i: number): string {
    return this.childIds[t.child.data[i]!]!;
  }

  /**
   * Row i's source: the file and the element's position, as `xmlPosition` writes it (one flat string, by
   * `join`).
   */
  private sourceOf(t: ElementRows, name: string, i: number): { file: string; position: string } {
    const c = t.child.data[i]!;
    const no = t.no.data[i]!;
    const parts: (string | number)[] = [this.childPath!, this.childNo.data[c]!, ']/CINdetails[', t.details.data[i]!];
    if (no === 0) parts.push(']');
    else parts.push(']/', name, '[', no, ']');
    parts.push(' line ', t.line.data[i]!, ':', t.column.data[i]!);
    return { file: this.file, position: parts.join('') };
  }

  private referralRecords(): Referral[] {
    const t = this.referrals;
    const out = new Array<Referral>(t.n);
    for (let i = 0; i < t.n; i++) {
      const childId = this.childIdOf(t, i);
      const referralDate = t.referralDate.values[t.referralDate.index[i]!]!;
      out[i] = {
        id: [childId, referralDate].join('/'),
        childId,
        referralDate,
        referralSource: at(t.referralSource, i),
        referralSourceRaw: null,
        primaryNeedCode: at(t.primaryNeedCode, i),
        closureDate: at(t.closureDate, i),
        reasonForClosure: at(t.reasonForClosure, i),
        dateOfInitialCpc: at(t.dateOfInitialCpc, i),
        referralNfa: unflag(t.referralNfa.data[i]!),
        source: this.sourceOf(t, 'CINdetails', i),
      };
    }
    return out;
  }

  private assessmentRecords(): Assessment[] {
    const t = this.assessments;
    const out = new Array<Assessment>(t.n);
    for (let i = 0; i < t.n; i++) {
      const childId = this.childIdOf(t, i);
      const referralId = [childId, at(t.referralDate, i)].join('/');
      const startDate = at(t.startDate, i);
      out[i] = {
        id: [referralId, startDate].join('/'),
        referralId,
        childId,
        startDate,
        internalReviewDate: at(t.internalReviewDate, i),
        authorisationDate: at(t.authorisationDate, i),
        factors: t.factors.at(i),
        source: this.sourceOf(t, 'Assessments', i),
      };
    }
    return out;
  }

  private cinPlanRecords(): CinPlan[] {
    const t = this.cinPlans;
    const out = new Array<CinPlan>(t.n);
    for (let i = 0; i < t.n; i++) {
      const childId = this.childIdOf(t, i);
      const startDate = at(t.startDate, i);
      out[i] = {
        id: [childId, startDate].join('/'),
        referralId: [childId, at(t.referralDate, i)].join('/'),
        childId,
        startDate,
        endDate: at(t.endDate, i),
        source: this.sourceOf(t, 'CINPlanDates', i),
      };
    }
    return out;
  }

  private section47Records(): Section47[] {
    const t = this.section47s;
    const out = new Array<Section47>(t.n);
    for (let i = 0; i < t.n; i++) {
      const childId = this.childIdOf(t, i);
      const startDate = at(t.startDate, i);
      out[i] = {
        id: [childId, startDate].join('/'),
        referralId: [childId, at(t.referralDate, i)].join('/'),
        childId,
        startDate,
        initialCpcTarget: at(t.initialCpcTarget, i),
        dateOfInitialCpc: at(t.dateOfInitialCpc, i),
        icpcNotRequired: t.icpcNotRequired.data[i] === 1,
        source: this.sourceOf(t, 'Section47', i),
      };
    }
    return out;
  }

  private cpPlanRecords(): CpPlan[] {
    const t = this.cpPlans;
    const out = new Array<CpPlan>(t.n);
    for (let i = 0; i < t.n; i++) {
      const childId = this.childIdOf(t, i);
      const startDate = at(t.startDate, i);
      const previous = t.numberOfPreviousCpp.data[i]!;
      out[i] = {
        id: [childId, startDate].join('/'),
        referralId: [childId, at(t.referralDate, i)].join('/'),
        childId,
        startDate,
        endDate: at(t.endDate, i),
        initialCategoryOfAbuse: at(t.initialCategoryOfAbuse, i),
        latestCategoryOfAbuse: at(t.latestCategoryOfAbuse, i),
        numberOfPreviousCpp: previous === -1 ? null : previous,
        reviewDates: t.reviewDates.at(i),
        source: this.sourceOf(t, 'ChildProtectionPlans', i),
      };
    }
    return out;
  }
}

/** Row i's value in a column being built. */
function at<T extends string | null>(c: ColumnBuilder<T>, i: number): T {
  return c.values[c.index[i]!] as T;
}
