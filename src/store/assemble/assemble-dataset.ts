import type { IsoDate } from '../../calendar/iso-date.js';
import type { RecordTables } from '../../ingest/staged.js';
import type { AsAtDates, LaDataset } from '../../model/la-dataset.js';
import type { TableName } from '../../model/source.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { collectionYearStart } from './collection-year.js';
import { crossSourceChecks } from './cross-source-checks.js';
import { postcodeChecks } from './postcode-checks.js';
import { datasetIssue } from './dataset-issue.js';
import { keepRecords, mergeByKey, type Reidentify, reidentifyCopy } from './keyed-merge.js';
import { mergeChildren } from './merge-children.js';
import { mergeLocal } from './merge-local.js';
import { stitchCin } from './stitch-cin.js';
import { stitchEpisodes } from './stitch-episodes.js';
import type { SubmissionRecords } from './submission-records.js';
import { byAge, localByAge } from './submission-records.js';

const CIN_KEYS = ['referrals', 'assessments', 'cinPlans', 'section47s', 'cpPlans'] as const;
const SSDA903_KEYS = [
  'episodes',
  'cicReviews',
  'missingEpisodes',
  'swEpisodes',
  'oc2',
  'oc3',
  'uasc',
  'ad1',
  'placedAdoption',
  'prevPerm',
  'dolo',
] as const;
const LOCAL_KEYS = [
  'contacts',
  'strategyDiscussions',
  'cpVisits',
  'claVisits',
  'allocations',
  'workers',
  'healthChecks',
  'careLeavers',
  'placementsLongTerm',
  'postcodes',
  'population',
] as const;
type StatKey = (typeof CIN_KEYS)[number] | (typeof SSDA903_KEYS)[number];

/** The dataset table names each staged table fills (children: `header` from SSDA903, `cin-child` from CIN). */
export const TABLE_NAMES: { readonly [K in keyof RecordTables]-?: readonly TableName[] } = {
  children: [],
  uasc: ['uasc'],
  referrals: ['cin-details'],
  assessments: ['assessments'],
  cinPlans: ['cin-plans'],
  section47s: ['section47'],
  cpPlans: ['cp-plans', 'cp-reviews'],
  episodes: ['episodes'],
  cicReviews: ['reviews'],
  missingEpisodes: ['missing'],
  swEpisodes: ['sw-episodes'],
  oc2: ['oc2'],
  oc3: ['oc3'],
  ad1: ['ad1'],
  placedAdoption: ['placed-adoption'],
  prevPerm: ['prev-perm'],
  dolo: ['dolo'],
  annexACic: ['annex-a-cic'],
  annexACp: ['annex-a-cp'],
  annexARows: ['annex-a-adoption'],
  contacts: ['contacts'],
  strategyDiscussions: ['strategy-discussions'],
  cpVisits: ['cp-visits'],
  claVisits: ['cla-visits'],
  allocations: ['allocations'],
  workers: ['workers'],
  healthChecks: ['cla-health'],
  careLeavers: ['care-leavers'],
  placementsLongTerm: ['placements-long-term'],
  postcodes: ['postcodes'],
  population: ['population'],
};

/** Reference tables have no as-at date (indicators.md §1.8). */
const REFERENCE_KEYS = new Set<keyof RecordTables>([
  'workers',
  'placementsLongTerm',
  'postcodes',
  'population',
]);

/** Natural keys of the SSDA903 tables other than episodes (inputs.md §1.1). */
const SSDA903_RECORD_KEYS = {
  cicReviews: (r: { childId: string; reviewDate: string }) => `${r.childId}|${r.reviewDate}`,
  missingEpisodes: (r: { childId: string; start: string; missing: string }) =>
    `${r.childId}|${r.start}|${r.missing}`,
  swEpisodes: (r: { childId: string; start: string }) => `${r.childId}|${r.start}`,
  oc2: (r: { childId: string; year: string }) => `${r.childId}|${r.year}`,
  oc3: (r: { childId: string; year: string }) => `${r.childId}|${r.year}`,
  uasc: (r: { childId: string }) => r.childId,
  ad1: (r: { childId: string; year: string }) => `${r.childId}|${r.year}`,
  placedAdoption: (r: { childId: string; datePlaced: string }) => `${r.childId}|${r.datePlaced}`,
  prevPerm: (r: { childId: string; year: string }) => `${r.childId}|${r.year}`,
  dolo: (r: { childId: string; start: string }) => `${r.childId}|${r.start}`,
} as const;

/** Natural keys used when Annex A supplies a statutory table (no stitching; the latest workbook wins). */
const FALLBACK_KEYS: { readonly [K in StatKey]: (r: NonNullable<RecordTables[K]>[number]) => string } = {
  referrals: (r) => `${r.childId}|${r.referralDate}`,
  assessments: (r) => `${r.childId}|${r.startDate}`,
  cinPlans: (r) => `${r.childId}|${r.startDate}`,
  section47s: (r) => `${r.childId}|${r.startDate}`,
  cpPlans: (r) => `${r.childId}|${r.startDate}`,
  episodes: (r) => `${r.childId}|${r.decom}`,
  ...SSDA903_RECORD_KEYS,
};

export interface AssembledDataset {
  readonly dataset: LaDataset;
  /** Dataset checks: stitching (`903-STITCH-*`, `CIN-STITCH-STALE`), cross-source (`X-*`), Annex A fallbacks. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * Merges a dataset version's submissions into one LA's dataset (inputs.md §1.1): natural keys, later
 * collection year then later import wins; episodes and CIN records stitched across year ends; children
 * merged across sources; local files merged by date range (the later import of a year is the newer file)
 * and key (undated tables: the later import wins a key); Annex A used only for a table no
 * statutory source supplies (`AA-FALLBACK`). Pure: the same submissions always give the same dataset.
 * @example const { dataset, issues } = assembleDataset('841', submissions); dataset.tables.has('episodes') //=> true
 */
export function assembleDataset(
  la: string,
  submissions: readonly SubmissionRecords[],
  reidentify: Reidentify = reidentifyCopy,
): AssembledDataset {
  const subs = [...submissions].sort(byAge);
  const of = (source: SubmissionRecords['source']) => subs.filter((s) => s.source === source);
  const cin = of('cin');
  const s903 = of('ssda903');
  const annex = [...of('annex-a')];
  // Local files: the later import of a year is the newer file (localByAge, inputs.md §1.1, §5).
  const local = of('local').sort(localByAge);
  const issues: ValidationIssue[] = [];
  const tables = new Set<TableName>();
  const annexASupplied = new Set<TableName>();

  const stitchedCin = stitchCin(cin, reidentify);
  const stitched903 = stitchEpisodes(s903, reidentify);
  issues.push(...stitched903.issues, ...stitchedCin.issues);

  const statutory: { [K in StatKey]: NonNullable<RecordTables[K]> } = {
    referrals: stitchedCin.referrals,
    assessments: stitchedCin.assessments,
    cinPlans: stitchedCin.cinPlans,
    section47s: stitchedCin.section47s,
    cpPlans: stitchedCin.cpPlans,
    episodes: stitched903.episodes,
    cicReviews: keyed(s903, 'cicReviews', SSDA903_RECORD_KEYS.cicReviews, reidentify),
    missingEpisodes: keyed(s903, 'missingEpisodes', SSDA903_RECORD_KEYS.missingEpisodes, reidentify),
    swEpisodes: keyed(s903, 'swEpisodes', SSDA903_RECORD_KEYS.swEpisodes, reidentify),
    oc2: keyed(s903, 'oc2', SSDA903_RECORD_KEYS.oc2, reidentify),
    oc3: keyed(s903, 'oc3', SSDA903_RECORD_KEYS.oc3, reidentify),
    uasc: keyed(s903, 'uasc', SSDA903_RECORD_KEYS.uasc, reidentify),
    ad1: keyed(s903, 'ad1', SSDA903_RECORD_KEYS.ad1, reidentify),
    placedAdoption: keyed(s903, 'placedAdoption', SSDA903_RECORD_KEYS.placedAdoption, reidentify),
    prevPerm: keyed(s903, 'prevPerm', SSDA903_RECORD_KEYS.prevPerm, reidentify),
    dolo: keyed(s903, 'dolo', SSDA903_RECORD_KEYS.dolo, reidentify),
  };
  // A CIN census always holds every CIN module; SSDA903 tables are present when their file was.
  const has = (group: readonly SubmissionRecords[], key: keyof RecordTables): boolean =>
    group.some((s) => s.tables[key] !== undefined);
  for (const key of CIN_KEYS) {
    if (cin.length > 0) TABLE_NAMES[key].forEach((t) => tables.add(t));
  }
  for (const key of SSDA903_KEYS) {
    if (has(s903, key)) TABLE_NAMES[key].forEach((t) => tables.add(t));
  }
  const fallback = (key: StatKey, group: readonly SubmissionRecords[], what: string): void => {
    const statutoryHas = group === cin ? cin.length > 0 : has(group, key);
    if (statutoryHas || !has(annex, key)) return;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (statutory as any)[key] = keyed(annex, key, FALLBACK_KEYS[key] as (r: unknown) => string, reidentify);
    TABLE_NAMES[key].forEach((t) => {
      tables.add(t);
      annexASupplied.add(t);
    });
    issues.push(
      datasetIssue(
        'AA-FALLBACK',
        'query',
        `No ${what} ${TABLE_NAMES[key].join('/')} is loaded; Ofsted Annex A supplies it.`,
        {
          table: TABLE_NAMES[key][0] ?? null,
        },
      ),
    );
  };
  for (const key of CIN_KEYS) fallback(key, cin, 'CIN census');
  for (const key of SSDA903_KEYS) fallback(key, s903, 'SSDA903');

  const kids = mergeChildren(subs, reidentify);
  issues.push(...kids.issues);
  if (s903.some((s) => s.tables.children !== undefined)) tables.add('header');
  if (cin.length > 0) tables.add('cin-child');

  const localRecords = {} as { [K in (typeof LOCAL_KEYS)[number]]: NonNullable<RecordTables[K]> };
  const localAsAt: Partial<Record<TableName, IsoDate>> = {};
  for (const key of LOCAL_KEYS) {
    // Annex A never supplies local tables unless no local file does.
    const group = has(local, key) ? local : annex;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (localRecords as any)[key] = mergeLocal(key, group, reidentify);
    if (!has(group, key)) continue;
    TABLE_NAMES[key].forEach((t) => tables.add(t));
    if (group === annex) TABLE_NAMES[key].forEach((t) => annexASupplied.add(t));
    if (REFERENCE_KEYS.has(key)) continue;
    for (const s of group) {
      if (s.tables[key] === undefined || s.asAt === null) continue;
      for (const t of TABLE_NAMES[key]) if (!localAsAt[t] || localAsAt[t]! < s.asAt) localAsAt[t] = s.asAt;
    }
  }

  // Annex A's own lists: List 8 and List 7's allocations by child + start (the latest workbook wins);
  // lists 10 and 11 as the latest workbook holding them gives them (stored, unused).
  const annexACic = keyed(annex, 'annexACic', (r) => `${r.childId}|${r.startDate}`, reidentify);
  if (has(annex, 'annexACic')) tables.add('annex-a-cic');
  const annexACp = keyed(annex, 'annexACp', (r) => `${r.childId}|${r.startDate}`, reidentify);
  if (has(annex, 'annexACp')) tables.add('annex-a-cp');
  const latestRows = [...annex].reverse().find((s) => s.tables.annexARows !== undefined);
  const annexARows = latestRows ? keyed([latestRows], 'annexARows', (r) => r.id, reidentify) : [];
  if (latestRows) tables.add('annex-a-adoption');

  const asAt: AsAtDates = { cin: latestAsAt(cin), ssda903: latestAsAt(s903), local: localAsAt };
  const dataset: LaDataset = {
    la,
    tables,
    asAt,
    historyStart: { cin: earliestYearStart(cin), ssda903: earliestYearStart(s903) },
    children: kids.children,
    ...statutory,
    annexACic,
    annexACp,
    annexARows,
    annexASupplied,
    ...localRecords,
  };
  issues.push(...crossSourceChecks(dataset), ...postcodeChecks(dataset));
  return { dataset, issues };
}

/** What an import keeps of the merged dataset: its checks, records per table and as-at dates. */
export interface DatasetChecks {
  readonly issues: readonly ValidationIssue[];
  /** Records per dataset table after merging (`children`, `episodes`, …). */
  readonly counts: Readonly<Record<string, number>>;
  readonly asAt: AsAtDates;
}

/**
 * The dataset checks and counts of {@link assembleDataset} without the dataset: the same merge, but the
 * winning records are not copied and re-identified (what an import needs, at a fraction of the time and
 * memory). The submissions' records are left unchanged.
 * @example assembleChecks('841', submissions).counts.episodes //=> 696
 */
export function assembleChecks(la: string, submissions: readonly SubmissionRecords[]): DatasetChecks {
  return datasetChecks(assembleDataset(la, submissions, keepRecords));
}

/**
 * The checks, records per table and as-at dates of an assembled dataset.
 * @example datasetChecks(assembleDataset('841', submissions)).counts.episodes //=> 696
 */
export function datasetChecks({ dataset, issues }: AssembledDataset): DatasetChecks {
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(dataset)) if (Array.isArray(v)) counts[k] = v.length;
  return { issues, counts, asAt: dataset.asAt };
}

function keyed<K extends Exclude<keyof RecordTables, 'children'>>(
  group: readonly SubmissionRecords[],
  key: K,
  naturalKey: (r: NonNullable<RecordTables[K]>[number]) => string,
  reidentify: Reidentify,
): NonNullable<RecordTables[K]> {
  type R = NonNullable<RecordTables[K]>[number];
  const winners = mergeByKey(
    group.map((sub) => ({ sub, records: (sub.tables[key] ?? []) as R[] })),
    naturalKey,
  );
  const out: R[] = [];
  for (const w of winners.values()) out.push(reidentify(w.record, w.sub));
  return out as NonNullable<RecordTables[K]>;
}

function latestAsAt(group: readonly SubmissionRecords[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const s of group) if (s.asAt !== null && (best === null || s.asAt > best)) best = s.asAt;
  return best;
}

function earliestYearStart(group: readonly SubmissionRecords[]): IsoDate | null {
  const years = group
    .map((s) => s.collectionYear)
    .filter((y): y is string => y !== null)
    .sort();
  return years.length > 0 ? collectionYearStart(years[0]!) : null;
}
