import type { FileSink } from '../file-sink.js';
import { type DateOptions, RowFields } from '../row-fields.js';
import { xmlPosition, type XmlNode } from '../xml/xml-schema.js';
import { sexCode } from '../sex-code.js';
import { internCode } from '../intern-code.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { StagedTables } from '../staged.js';
import type { ReferralAt } from './cin-tables-builder.js';
import { CinTable } from './cin-table.js';
import type { CinRecord, ValueField } from './cin-shapes.js';

const NESTED = ['Assessments', 'CINPlanDates', 'Section47', 'ChildProtectionPlans'] as const;

function where(file: string, node: XmlNode): string {
  return `${file} ${node.path} (line ${node.line})`;
}

/**
 * The fields of one element; messages name it by file, path and line, and its position is written only when
 * there is an issue (a loaded element's record gets its position from its {@link CinTable} row).
 */
class ElementFields extends RowFields {
  constructor(
    private readonly file: string,
    private readonly node: XmlNode,
    sink: FileSink,
    childId: string | null,
    unit: string,
  ) {
    super(sink, node.name, '', childId, null, unit);
  }

  override get where(): string {
    return where(this.file, this.node);
  }

  protected override get issuePosition(): string {
    if (this.position === '') this.position = xmlPosition(this.node);
    return this.position;
  }
}

function fieldsFor(sink: FileSink, node: XmlNode, childId: string | null, unit: string): RowFields {
  return new ElementFields(sink.file, node, sink, childId, unit);
}

/** A code leaf as stored: upper case, one shared string per code; absent or blank is null. */
function code(leaf: string | null | undefined): string | null {
  return leaf === null || leaf === undefined ? null : internCode(leaf);
}

/**
 * A repeatable code leaf's values as stored (blank ones dropped). Built by `map`, which allocates the exact
 * length: an array grown by `push` keeps a 17-slot store for as long as the record that holds it.
 */
function codes(leaves: readonly (string | null)[] | undefined): string[] {
  if (leaves === undefined || leaves.length === 0) return [];
  return (leaves.includes(null) ? leaves.filter((v) => v !== null) : (leaves as readonly string[])).map(
    internCode,
  );
}

/** The latest event date seen, for the submission's as-at date. */
export interface CinChildDates {
  latest: IsoDate | null;
  /**
   * Dates after this day (today) are not events of the census: a typo in the future, rejected as GEN-FUTURE,
   * must not move its as-at date or collection year.
   */
  readonly until: IsoDate;
  /**
   * Dates before this day (1 January of the bank-holiday table's first year) are not events of the census
   * either: a typo such as 1922, rejected as GEN-PAST.
   */
  readonly since: IsoDate;
}

/**
 * Maps one CIN census `Child` element (inputs.md §3) to a Child and its referrals (CINdetails), assessments,
 * CIN plans, Section 47s and CP plans. A Child without a usable LAchildID is rejected (`CIN-CHILD-ID`) and so
 * is everything in it; a CINdetails without a usable CINreferralDate (`CIN-REF-DATE`) likewise. Each rejected
 * nested element is listed as `PARENT-REJECTED`, so every element read is loaded or listed. Elements are found by
 * name: the schema order of inputs.md §3 is not checked (§6 has no rule for it; S-XML-UNKNOWN is for unknown
 * names), so a CINdetails whose leaves come out of order loads as if in order. An unreadable PersonBirthDate or
 * PersonDeathDate is GEN-DATE, an error like any checked date (§6: GEN-FUTURE exempts only
 * ExpectedPersonBirthDate, so these are checked dates, not attributes read as unknown; DfE rejects them too).
 * @example mapCinChild(node, sink, dates) // stages children, referrals, assessments, …
 */
export function mapCinChild(node: XmlNode, sink: FileSink, dates: CinChildDates): void {
  sink.read('Child');
  const ids = node.children['ChildIdentifiers']?.[0];
  const chars = node.children['ChildCharacteristics']?.[0];
  const f = fieldsFor(sink, node, null, 'this Child and everything in it');
  const rawId = ids?.leaves['LAchildID'] ?? null;
  if (rawId === null) {
    f.issue('CIN-CHILD-ID', 'error', 'LAchildID', null, 'LAchildID is missing', '8500');
  } else if (rawId.length > 20) {
    f.issue(
      'CIN-CHILD-ID',
      'error',
      'LAchildID',
      rawId,
      `LAchildID '${rawId}' is longer than 20 characters`,
      '8500',
    );
  }
  f.childId = rawId;
  const dob = f.date('PersonBirthDate', ids?.leaves['PersonBirthDate'] ?? null, 'iso');
  const death = f.date('PersonDeathDate', ids?.leaves['PersonDeathDate'] ?? null, 'iso');
  f.date('ExpectedPersonBirthDate', ids?.leaves['ExpectedPersonBirthDate'] ?? null, 'iso', WARNING);
  const sexElement =
    ids && 'Sex' in ids.leaves ? 'Sex' : ids && 'GenderCurrent' in ids.leaves ? 'GenderCurrent' : null;
  const sexRaw = sexElement ? (ids!.leaves[sexElement] ?? null) : null;
  const details = node.children['CINdetails'] ?? [];
  if (f.rejected || rawId === null) {
    for (const d of details) rejectTree(sink, d, rawId, 'its Child was not loaded');
    return;
  }
  const childId = rawId;
  const child = {
    childId,
    dob,
    sex: sexCode(sexRaw),
    ethnicity: code(chars?.leaves['Ethnicity']),
    deathDate: death,
    // Hashed once the import's LA is known (FileSink.hashUpns).
    upnHash: null,
    disabilities: codes(chars?.children['Disabilities']?.[0]?.leafLists['Disability']),
    sources: [{ file: sink.file, position: xmlPosition(node) }],
  };
  sink.add('children', child, { sexElement, SEX: sexRaw });
  sink.upn(child, ids?.leaves['UPN'] ?? null);

  for (const d of details) mapReferral(d, node, sink, childId, dates);
}

/** One CINdetails (a referral) and the elements inside it. */
function mapReferral(
  d: XmlNode,
  child: XmlNode,
  sink: FileSink,
  childId: string,
  dates: CinChildDates,
): void {
  sink.read('CINdetails');
  const df = fieldsFor(sink, d, childId, 'this CINdetails and everything in it');
  const refDate = df.date('CINreferralDate', d.leaves['CINreferralDate'] ?? null, 'iso', REFERRAL_DATE);
  const closure = df.date('CINclosureDate', d.leaves['CINclosureDate'] ?? null, 'iso');
  const icpc = df.date('DateOfInitialCPC', d.leaves['DateOfInitialCPC'] ?? null, 'iso');
  const nfa = df.bool('ReferralNFA', d.leaves['ReferralNFA'] ?? null);
  if (df.rejected || refDate === null) {
    for (const name of NESTED)
      for (const n of d.children[name] ?? []) rejectTree(sink, n, childId, 'its CINdetails was not loaded');
    return;
  }
  see(dates, refDate);
  see(dates, closure);
  const at = sink.cin.referral(
    childId,
    child,
    d,
    refDate,
    code(d.leaves['ReferralSource']),
    code(d.leaves['PrimaryNeedCode']),
    closure,
    code(d.leaves['ReasonForClosure']),
    icpc,
    nfa,
  );
  for (const a of d.children['Assessments'] ?? []) mapAssessment(a, sink, at, dates);
  for (const p of d.children['CINPlanDates'] ?? []) mapCinPlan(p, sink, at, dates);
  for (const s of d.children['Section47'] ?? []) mapSection47(s, sink, at, dates);
  for (const cp of d.children['ChildProtectionPlans'] ?? []) mapCpPlan(cp, sink, at, dates);
}

/** One Assessments element. */
function mapAssessment(a: XmlNode, sink: FileSink, ref: ReferralAt, dates: CinChildDates): void {
  sink.read('Assessments');
  const af = fieldsFor(sink, a, ref.childId, 'this assessment');
  const start = af.date(
    'AssessmentActualStartDate',
    a.leaves['AssessmentActualStartDate'] ?? null,
    'iso',
    REQUIRED,
  );
  const review = af.date(
    'AssessmentInternalReviewDate',
    a.leaves['AssessmentInternalReviewDate'] ?? null,
    'iso',
  );
  const auth = af.date('AssessmentAuthorisationDate', a.leaves['AssessmentAuthorisationDate'] ?? null, 'iso');
  if (af.rejected || start === null) return;
  see(dates, start);
  see(dates, auth);
  sink.cin.assessment(
    ref,
    a,
    start,
    review,
    auth,
    codes(a.children['FactorsIdentifiedAtAssessment']?.[0]?.leafLists['AssessmentFactors']),
  );
}

/** One CINPlanDates element. */
function mapCinPlan(p: XmlNode, sink: FileSink, ref: ReferralAt, dates: CinChildDates): void {
  sink.read('CINPlanDates');
  const pf = fieldsFor(sink, p, ref.childId, 'this CIN plan');
  const start = pf.date('CINPlanStartDate', p.leaves['CINPlanStartDate'] ?? null, 'iso', REQUIRED);
  const end = pf.date('CINPlanEndDate', p.leaves['CINPlanEndDate'] ?? null, 'iso');
  if (pf.rejected || start === null) return;
  see(dates, start);
  see(dates, end);
  sink.cin.cinPlan(ref, p, start, end);
}

/** One Section47 element. */
function mapSection47(s: XmlNode, sink: FileSink, ref: ReferralAt, dates: CinChildDates): void {
  sink.read('Section47');
  const sf = fieldsFor(sink, s, ref.childId, 'this Section 47');
  const start = sf.date('S47ActualStartDate', s.leaves['S47ActualStartDate'] ?? null, 'iso', REQUIRED);
  const target = sf.date('InitialCPCtarget', s.leaves['InitialCPCtarget'] ?? null, 'iso');
  const icpcDate = sf.date('DateOfInitialCPC', s.leaves['DateOfInitialCPC'] ?? null, 'iso');
  const notRequired = sf.bool('ICPCnotRequired', s.leaves['ICPCnotRequired'] ?? null);
  if (sf.rejected || start === null) return;
  see(dates, start);
  see(dates, icpcDate);
  sink.cin.section47(ref, s, start, target, icpcDate, notRequired ?? false);
}

/** One ChildProtectionPlans element. */
function mapCpPlan(c: XmlNode, sink: FileSink, ref: ReferralAt, dates: CinChildDates): void {
  sink.read('ChildProtectionPlans');
  const cf = fieldsFor(sink, c, ref.childId, 'this CP plan');
  const start = cf.date('CPPstartDate', c.leaves['CPPstartDate'] ?? null, 'iso', REQUIRED);
  const end = cf.date('CPPendDate', c.leaves['CPPendDate'] ?? null, 'iso');
  // Mapped in order (issues in document order), then the unreadable ones dropped; exact-size arrays (`map`).
  const reviewLeaves = c.children['Reviews']?.[0]?.leafLists['CPPreviewDate'];
  const read =
    reviewLeaves === undefined ? [] : reviewLeaves.map((r) => cf.date('CPPreviewDate', r, 'iso', WARNING));
  const reviews = read.includes(null) ? read.filter((d): d is IsoDate => d !== null) : (read as IsoDate[]);
  const previous = cf.int('NumberOfPreviousCPP', c.leaves['NumberOfPreviousCPP'] ?? null, 0, 99);
  if (cf.rejected || start === null) return;
  see(dates, start);
  see(dates, end);
  for (const r of reviews) see(dates, r);
  sink.cin.cpPlan(
    ref,
    c,
    start,
    end,
    code(c.leaves['InitialCategoryOfAbuse']),
    code(c.leaves['LatestCategoryOfAbuse']),
    previous,
    // Sorted only when out of order: a sort call allocates its work arrays even for two dates in order.
    inOrder(reviews) ? reviews : reviews.sort(),
  );
}

/**
 * Date options ({@link RowFields.date}), made once: an options literal in the call would be a new object for
 * every element. WARNING: a value that is ignored, not fatal, when unreadable.
 */
const WARNING: DateOptions = { severity: 'warning' };
const REQUIRED: DateOptions = { required: true };
/** CIN-REF-DATE (DfE 8600): CINreferralDate missing or invalid (inputs.md §6). */
const REFERRAL_DATE: DateOptions = { required: true, code: 'CIN-REF-DATE', dfeRule: '8600' };

/** Whether the dates are in ascending order already. */
function inOrder(dates: readonly IsoDate[]): boolean {
  for (let i = 1; i < dates.length; i++) if (dates[i - 1]! > dates[i]!) return false;
  return true;
}

/**
 * Moves the latest event date on (a module function: no closure per Child). A census whose rules then reject
 * an element is dated again from the records still loaded ({@link cinLatestEvent}).
 */
function see(dates: CinChildDates, d: IsoDate | null): void {
  if (d !== null && d <= dates.until && d >= dates.since && (dates.latest === null || d > dates.latest))
    dates.latest = d;
}

/**
 * The latest event date from `since` up to `until` of a census's records (inputs.md §1): the dates the reader counts as
 * events ({@link see}), read again from the records still loaded once the rules have run.
 * @example cinLatestEvent({ referrals: [{ referralDate: '2021-05-01', closureDate: null, … }] }, '2022-03-31', '1990-01-01') //=> '2021-05-01'
 */
export function cinLatestEvent(tables: StagedTables, until: IsoDate, since: IsoDate): IsoDate | null {
  const dates: CinChildDates = { latest: null, until, since };
  seeAll(dates, tables.referrals, ['referralDate', 'closureDate']);
  seeAll(dates, tables.assessments, ['startDate', 'authorisationDate']);
  seeAll(dates, tables.cinPlans, ['startDate', 'endDate']);
  seeAll(dates, tables.section47s, ['startDate', 'dateOfInitialCpc']);
  seeAll(dates, tables.cpPlans, ['startDate', 'endDate']);
  const cp = tables.cpPlans;
  if (cp instanceof CinTable) {
    for (let i = 0; i < cp.length; i++) for (const d of cp.list('reviewDates', i)) see(dates, d as IsoDate);
  } else for (const c of cp ?? []) for (const d of c.reviewDates) see(dates, d);
  return dates.latest;
}

/** Moves the latest event date on by the date fields of a table (read from its columns when held by column). */
function seeAll<R extends CinRecord>(
  dates: CinChildDates,
  t: readonly R[] | CinTable<R> | undefined,
  fields: readonly ValueField<R>[],
): void {
  if (t === undefined) return;
  for (const field of fields) {
    if (t instanceof CinTable) {
      const c = t.field(field);
      for (let i = 0; i < t.length; i++) see(dates, c.at(i) as IsoDate | null);
    } else for (const r of t) see(dates, r[field] as IsoDate | null);
  }
}

/** Lists an element (and, for CINdetails, its nested elements) as not loaded because its parent was rejected. */
function rejectTree(sink: FileSink, node: XmlNode, childId: string | null, why: string): void {
  sink.read(node.name);
  sink.issue({
    code: 'PARENT-REJECTED',
    severity: 'error',
    table: node.name,
    position: xmlPosition(node),
    childId,
    message: `${where(sink.file, node)}: not loaded because ${why}.`,
  });
  if (node.name === 'CINdetails') {
    for (const name of NESTED)
      for (const n of node.children[name] ?? [])
        rejectTree(sink, n, childId, 'its CINdetails was not loaded');
  }
}
