import type { IsoDate } from '../../calendar/iso-date.js';
import type { LaDataset } from '../../model/la-dataset.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { datasetIssue } from './dataset-issue.js';
import { humanPosition } from '../../validate/record-place.js';

/**
 * The local tables with a child id, and the name an issue gives each: its file's table, as the row issues
 * and the row counts of the same file name it (`care_leavers`, not the dataset's `care-leavers`).
 */
const LOCAL_CHILD_TABLES = [
  ['contacts', 'contacts'],
  ['strategyDiscussions', 'strategy_discussions'],
  ['cpVisits', 'cp_visits'],
  ['claVisits', 'cla_visits'],
  ['allocations', 'allocations'],
  ['healthChecks', 'cla_health'],
  ['careLeavers', 'care_leavers'],
  ['placementsLongTerm', 'placements_long_term'],
] as const;
type LocalChildKey = (typeof LOCAL_CHILD_TABLES)[number][0];

/**
 * The latest date a local row speaks for: its event's date; an allocation's end (none while it is open); a
 * long-term placement's long-term date (it has no end).
 */
const LAST_DATE: { readonly [K in LocalChildKey]: (r: LaDataset[K][number]) => IsoDate | null } = {
  contacts: (r) => r.receivedDate,
  strategyDiscussions: (r) => r.strategyDate,
  cpVisits: (r) => r.visitDate,
  claVisits: (r) => r.visitDate,
  allocations: (r) => r.end,
  healthChecks: (r) => r.checkDate,
  careLeavers: (r) => r.statusDate,
  placementsLongTerm: (r) => r.longTermFrom,
};

/**
 * Cross-source dataset checks on the merged dataset (inputs.md §6; warnings, never rejecting rows):
 * `X-CHILD-UNKNOWN` a local child id in no statutory source (contacts only when their outcome is a
 * referral); `X-CPV-NOPLAN` a CP visit outside every CP plan of the child; `X-CLAV-NOTLAC` a CLA visit
 * outside every episode of care. (`X-DOB` and `X-UPN` are found while merging children.)
 *
 * "No statutory source" is read as none of the loaded returns, which cover only the loaded years: a local
 * row that ended before the loaded CIN and SSDA903 history begins (an allocation closed years earlier, in a
 * reference extract holding the whole history) cannot be expected in them, and is not checked. A synthetic
 * Darlington, five years loaded, had 16,785 children in `allocations` outside the returns; 121 of them had
 * an allocation reaching into the loaded years.
 * @example crossSourceChecks(dataset).map((i) => i.code) //=> ['X-CPV-NOPLAN']
 */
export function crossSourceChecks(d: LaDataset): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const statutory = new Set<string>();
  for (const c of d.children) statutory.add(c.childId);
  for (const r of d.referrals) statutory.add(r.childId);
  for (const e of d.episodes) statutory.add(e.childId);
  if (statutory.size > 0) {
    const from = historyFrom(d);
    for (const [key, table] of LOCAL_CHILD_TABLES) {
      const reported = new Set<string>();
      const lastDate = LAST_DATE[key] as (r: LaDataset[LocalChildKey][number]) => IsoDate | null;
      for (const r of d[key]) {
        if (statutory.has(r.childId) || reported.has(r.childId)) continue;
        // A contact that did not become a referral never reaches the statutory returns.
        if (key === 'contacts' && (r as { outcome: string | null }).outcome !== 'referral') continue;
        if (from !== null) {
          const last = lastDate(r);
          if (last !== null && last < from) continue;
        }
        reported.add(r.childId);
        issues.push(
          datasetIssue(
            'X-CHILD-UNKNOWN',
            'warning',
            `${where(r.source)}the child_id is in no loaded CIN census, SSDA903 return or Annex A list; the row is kept. Check the id against the case system (a typo, or another system's id), or load the return that holds the child.`,
            {
              table,
              childId: r.childId,
              file: r.source.file,
              position: r.source.position,
              field: 'child_id',
            },
          ),
        );
      }
    }
  }
  if (d.tables.has('cp-plans')) {
    const plans = groupBy(d.cpPlans, (p) => p.childId);
    for (const v of d.cpVisits) {
      const inPlan = (plans.get(v.childId) ?? []).some(
        (p) => p.startDate <= v.visitDate && (p.endDate === null || v.visitDate <= p.endDate),
      );
      if (!inPlan) {
        issues.push(
          datasetIssue(
            'X-CPV-NOPLAN',
            'warning',
            `${where(v.source)}the CP visit on ${v.visitDate} is outside every child protection plan of the child; it is kept, and counts for no plan.`,
            {
              table: 'cp_visits',
              childId: v.childId,
              file: v.source.file,
              position: v.source.position,
              field: 'cp_visit_date',
              value: v.visitDate,
            },
          ),
        );
      }
    }
  }
  if (d.tables.has('episodes')) {
    const eps = groupBy(d.episodes, (e) => e.childId);
    for (const v of d.claVisits) {
      const inCare = (eps.get(v.childId) ?? []).some(
        (e) => e.decom <= v.visitDate && (e.dec === null || v.visitDate <= e.dec),
      );
      if (!inCare) {
        issues.push(
          datasetIssue(
            'X-CLAV-NOTLAC',
            'warning',
            `${where(v.source)}the CLA visit on ${v.visitDate} is outside every episode of care of the child; it is kept, and counts for no placement.`,
            {
              table: 'cla_visits',
              childId: v.childId,
              file: v.source.file,
              position: v.source.position,
              field: 'cla_visit_date',
              value: v.visitDate,
            },
          ),
        );
      }
    }
  }
  return issues;
}

/**
 * Where a local row is, as a row issue's message begins (`allocations.csv line 820: `), or nothing for a row
 * with no file (the CSV and JSON report give the file and position in their own columns too).
 */
function where(source: { readonly file: string | null; readonly position: string | null }): string {
  if (!source.file) return '';
  return `${source.file}${source.position ? ` ${humanPosition(source.position)}` : ''}: `;
}

/** When the loaded CIN and SSDA903 history begins (the earlier of the two), or null without either. */
function historyFrom(d: LaDataset): IsoDate | null {
  const { cin, ssda903 } = d.historyStart;
  if (cin === null) return ssda903;
  if (ssda903 === null) return cin;
  return cin < ssda903 ? cin : ssda903;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}
