import type { TableName } from '../model/source.js';
import type { ValidationIssue } from '../validate/issue.js';
import type { IndicatorInfo } from './services.js';

/**
 * The tables an issue's `table` names. Readers, rules and the store name tables their own way: staged keys
 * (`referrals`, `cpPlans`), file labels (`Episodes`, `Header`), XML elements (`CINdetails`, `EPISODE`) or
 * table names (`cin-details`); compared without case, spaces, dashes or underscores. The child record
 * (`children`, `CHILD`, `Header`) feeds every indicator through age, sex and eligibility.
 */
const TABLES: Readonly<Record<string, readonly TableName[]>> = {
  // CIN census
  referrals: ['cin-details'],
  cindetails: ['cin-details'],
  assessments: ['assessments'],
  assessment: ['assessments'],
  cinplans: ['cin-plans'],
  cinplandates: ['cin-plans'],
  section47: ['section47'],
  section47s: ['section47'],
  cpplans: ['cp-plans', 'cp-reviews'],
  childprotectionplans: ['cp-plans', 'cp-reviews'],
  cpreviews: ['cp-reviews'],
  cinchild: ['cin-child'],
  // SSDA903
  header: ['header', 'cin-child'],
  child: ['header', 'cin-child'],
  children: ['header', 'cin-child'],
  episodes: ['episodes'],
  episode: ['episodes'],
  reviews: ['reviews'],
  review: ['reviews'],
  cicreviews: ['reviews'],
  uasc: ['uasc'],
  oc2: ['oc2'],
  oc3: ['oc3'],
  ad1: ['ad1'],
  placedadoption: ['placed-adoption'],
  prevperm: ['prev-perm'],
  missing: ['missing'],
  missingepisodes: ['missing'],
  swepisodes: ['sw-episodes'],
  swepisode: ['sw-episodes'],
  dolo: ['dolo'],
  // Ofsted Annex A
  annexacic: ['annex-a-cic'],
  annexacp: ['annex-a-cp'],
  annexaadoption: ['annex-a-adoption'],
  annexarows: ['annex-a-adoption'],
  // Local extract
  contacts: ['contacts'],
  strategydiscussions: ['strategy-discussions'],
  cpvisits: ['cp-visits'],
  clavisits: ['cla-visits'],
  allocations: ['allocations'],
  workers: ['workers'],
  clahealth: ['cla-health'],
  healthchecks: ['cla-health'],
  careleavers: ['care-leavers'],
  placementslongterm: ['placements-long-term'],
  postcodes: ['postcodes'],
  population: ['population'],
};

/**
 * The tables a validation issue is about; empty when it names none or one this list does not know.
 * @example issueTables('Episodes') //=> ['episodes']
 */
export function issueTables(table: string | null): readonly TableName[] {
  if (!table) return [];
  return TABLES[table.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? [];
}

/**
 * Fields of a table that only some of the indicators reading it use: a row loaded with a warning or query
 * on one of them affects only those (the home and placement postcodes give the distance, nothing else).
 */
const FIELD_READERS: Readonly<Record<string, readonly string[]>> = {
  homepost: ['cic-placed-20-miles'],
  plpost: ['cic-placed-20-miles'],
};

/**
 * The figures an issue affects (report.md §9, data page): the indicators whose default sources include a
 * table the issue is about, in catalogue order. A row loaded with a warning or query on a field only some
 * of them read (`FIELD_READERS`: a placement postcode not in postcodes.csv) affects only those; a rejected
 * row (error) affects every figure its table feeds, since the whole row is missing. An import refused
 * outright (`structural`) loaded nothing, so it affects none of the figures shown; an issue naming no known
 * table gives an empty list (the page shows "–"). Variants that read other tables (`sourcesUnder`) and
 * Annex A fallbacks are not followed.
 * @example affectedFigures({ severity: 'error', table: 'Episodes', field: null }, catalogue).map((i) => i.id) //=> ['cic-count', …]
 * @example affectedFigures({ severity: 'warning', table: 'Episodes', field: 'PL_POST' }, catalogue).map((i) => i.id) //=> ['cic-placed-20-miles']
 */
export function affectedFigures(
  issue: Pick<ValidationIssue, 'severity' | 'table' | 'field'>,
  catalogue: readonly IndicatorInfo[],
): readonly IndicatorInfo[] {
  if (issue.severity === 'structural') return [];
  const tables = issueTables(issue.table);
  if (tables.length === 0) return [];
  const readers =
    issue.severity === 'error' || !issue.field
      ? undefined
      : FIELD_READERS[issue.field.toLowerCase().replace(/[^a-z0-9]/g, '')];
  return catalogue.filter(
    (i) => i.sources.some((t) => tables.includes(t)) && (!readers || readers.includes(i.id)),
  );
}
