import type { IsoDate } from '../../calendar/iso-date.js';
import type { Assessment, CinPlan, CpPlan, Referral, Section47 } from '../../model/cin.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { datasetIssue } from './dataset-issue.js';
import type { Winner } from './keyed-merge.js';
import {
  keepRecords,
  loadedId,
  mergeByKey,
  type Reidentify,
  reidentifyCopy,
  reidentifyInPlace,
} from './keyed-merge.js';
import type { SubmissionRecords } from './submission-records.js';

export interface StitchedCin {
  referrals: Referral[];
  assessments: Assessment[];
  cinPlans: CinPlan[];
  section47s: Section47[];
  cpPlans: CpPlan[];
  issues: ValidationIssue[];
}

interface Nested {
  readonly id: string;
  readonly referralId: string;
  readonly childId: string;
  readonly startDate: string;
  readonly source: { readonly file: string; readonly position: string };
}

/**
 * Stitches CIN census records across collection years (inputs.md §1.1), given the CIN submissions
 * oldest first. Natural keys: CINdetails LAchildID + CINreferralDate; Assessment + its start date; CIN plan,
 * Section 47 and CP plan LAchildID + start date; CP reviews are the union of every version's review dates.
 * The later year wins, then the later import. An open CINdetails, Assessment, Section 47 or CP plan of
 * year N whose key is absent from the next loaded year, where the child appears, is superseded
 * (`CIN-STITCH-STALE`); records under a superseded CINdetails leave with it. Nested records point at the
 * winning CINdetails of their key.
 * @example stitchCin([cin2021, cin2022]).referrals.length //=> 12
 */
export function stitchCin(
  subs: readonly SubmissionRecords[],
  reidentify: Reidentify = reidentifyCopy,
): StitchedCin {
  // Without copies (checks and counts only) nested records keep their own referral id and review dates.
  const copies = reidentify !== keepRecords;
  const dated = subs.filter((s) => s.collectionYear !== null);
  const years = [...new Set(dated.map((s) => s.collectionYear as string))].sort();
  const childrenByYear = new Map<string, Set<string>>();
  for (const s of dated) {
    let set = childrenByYear.get(s.collectionYear as string);
    if (!set) childrenByYear.set(s.collectionYear as string, (set = new Set()));
    for (const r of s.tables.referrals ?? []) set.add(r.childId);
    for (const c of s.tables.children ?? []) set.add(c.childId);
  }
  const issues: ValidationIssue[] = [];

  // Referral date of each referral id, per submission (nested records name their parent by id).
  const refDate = new Map<SubmissionRecords, Map<string, string>>();
  for (const s of dated) {
    const dates = new Map<string, string>();
    for (const r of s.tables.referrals ?? []) dates.set(r.id, r.referralDate);
    refDate.set(s, dates);
  }
  const parentKey = (n: Nested, s: SubmissionRecords): string =>
    `${n.childId}|${refDate.get(s)?.get(n.referralId) ?? '?'}`;

  /** Drops stale open winners (and reports them); keeps the rest. */
  const keepFresh = <
    T extends { readonly childId: string; readonly source: { file: string; position: string } },
  >(
    winners: Map<string, Winner<T>>,
    isOpen: (r: T) => boolean,
    what: string,
    table: string,
    dateField: string,
    dateOf: (r: T) => string,
  ): Map<string, Winner<T>> => {
    const out = new Map<string, Winner<T>>();
    for (const [k, w] of winners) {
      const year = w.sub.collectionYear as string;
      const next = years.find((y) => y > year);
      if (next !== undefined && isOpen(w.record) && childrenByYear.get(next)?.has(w.record.childId)) {
        issues.push(
          datasetIssue(
            'CIN-STITCH-STALE',
            'warning',
            `A ${what} starting ${dateOf(w.record)} was open at the end of ${year} but is not in the ${next} census, which lists the child; the ${next} records replace it.`,
            {
              table,
              childId: w.record.childId,
              file: w.record.source.file,
              position: w.record.source.position,
              field: dateField,
              value: dateOf(w.record),
            },
          ),
        );
        continue;
      }
      out.set(k, w);
    }
    return out;
  };

  const batches = <K extends 'referrals' | 'assessments' | 'cinPlans' | 'section47s' | 'cpPlans'>(key: K) =>
    dated.map((sub) => ({
      sub,
      records: (sub.tables[key] ?? []) as NonNullable<SubmissionRecords['tables'][K]>,
    }));

  const referralWinners = keepFresh(
    mergeByKey(batches('referrals'), (r) => `${r.childId}|${r.referralDate}`),
    (r) => r.closureDate === null,
    'referral (CINdetails)',
    'CINdetails',
    'CINreferralDate',
    (r) => r.referralDate,
  );
  const referralIdByKey = new Map<string, string>();
  const referrals: Referral[] = [];
  for (const [k, w] of referralWinners) {
    const r = reidentify(w.record, w.sub);
    referralIdByKey.set(k, r.id);
    referrals.push(r);
  }

  let orphans = 0;
  const attach = <T extends Nested>(winners: Map<string, Winner<T>>): T[] => {
    const out: T[] = [];
    for (const w of winners.values()) {
      const parent = referralIdByKey.get(parentKey(w.record, w.sub));
      if (parent === undefined) {
        orphans++;
        continue;
      }
      const r = w.record;
      if (!copies) {
        out.push(r);
        continue;
      }
      if (reidentify === reidentifyInPlace) {
        // The record's parent key was taken above, and nothing reads it again.
        reidentifyInPlace(r, w.sub);
        (r as { referralId: string }).referralId = parent;
        out.push(r);
        continue;
      }
      // Re-identified and the parent id in one copy.
      out.push({
        ...r,
        id: loadedId(w.sub, r.id),
        source: { ...r.source, submissionId: w.sub.id },
        referralId: parent,
      });
    }
    return out;
  };

  const assessments = attach(
    keepFresh(
      mergeByKey(batches('assessments'), (a, s) => `${parentKey(a, s)}|${a.startDate}`),
      (a) => a.authorisationDate === null,
      'assessment',
      'Assessments',
      'AssessmentActualStartDate',
      (a) => a.startDate,
    ),
  );
  const cinPlans = attach(mergeByKey(batches('cinPlans'), (p) => `${p.childId}|${p.startDate}`));
  const section47s = attach(
    keepFresh(
      mergeByKey(batches('section47s'), (p) => `${p.childId}|${p.startDate}`),
      (p) => p.dateOfInitialCpc === null && !p.icpcNotRequired,
      'Section 47 enquiry',
      'Section47',
      'S47ActualStartDate',
      (p) => p.startDate,
    ),
  );

  // CP reviews: every version's review dates, so a plan's reviews from earlier years survive the later version.
  const reviews = new Map<string, Set<IsoDate>>();
  for (const { records } of copies ? batches('cpPlans') : []) {
    for (const p of records) {
      const k = `${p.childId}|${p.startDate}`;
      let set = reviews.get(k);
      if (!set) reviews.set(k, (set = new Set()));
      for (const d of p.reviewDates) set.add(d);
    }
  }
  const cpPlans = attach(
    keepFresh(
      mergeByKey(batches('cpPlans'), (p) => `${p.childId}|${p.startDate}`),
      (p) => p.endDate === null,
      'child protection plan',
      'ChildProtectionPlans',
      'CPPstartDate',
      (p) => p.startDate,
    ),
  );
  // The plans are fresh copies made by attach: their review dates are set in place.
  if (copies)
    for (const p of cpPlans)
      (p as { reviewDates: readonly IsoDate[] }).reviewDates = [
        ...(reviews.get(`${p.childId}|${p.startDate}`) ?? []),
      ].sort();

  if (orphans > 0) {
    issues.push(
      datasetIssue(
        'CIN-STITCH-STALE',
        'warning',
        `${orphans} assessment, CIN plan, Section 47 or CP plan record(s) belonged to superseded CINdetails and left the dataset with them.`,
        { table: 'CINdetails' },
      ),
    );
  }
  return { referrals, assessments, cinPlans, section47s, cpPlans, issues };
}
