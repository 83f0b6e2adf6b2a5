import type { LaDataset } from '../../model/la-dataset.js';
import type { Episode } from '../../model/episode.js';
import type { Postcode } from '../../model/local.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { datasetIssue } from './dataset-issue.js';

/** A full unit postcode once spaces are removed (outward code, then inward digit and two letters). */
const FULL_UNIT = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;
/** A postcode sector as a pseudonymised import stores it (`DL1 5`): not checked. */
const SECTOR = /^[A-Z]{1,2}\d[A-Z\d]? \d$/;

/**
 * `903-POSTCODE` (inputs.md §6, warning; §2.4): an episode whose placement distance is to be derived from
 * postcodes (no supplied PL_DISTANCE, not a V3/V4 short break) but whose HOME_POST or PL_POST is given and is
 * not a full unit postcode found in postcodes.csv with a grid reference, so its distance is unknown (999.9).
 * A dataset check (postcodes.csv may come in another import than the return), made only once postcodes.csv
 * is loaded; a blank postcode is absence, not an unknown postcode, and is not flagged; a postcode sector (a
 * pseudonymised import keeps only the sector) is not checked. One issue per episode, home postcode first.
 * @example postcodeChecks(dataset).map((i) => i.field) //=> ['PL_POST']
 */
export function postcodeChecks(d: LaDataset): ValidationIssue[] {
  if (d.postcodes.length === 0) return [];
  const index = new Map<string, Postcode>();
  for (const p of d.postcodes) index.set(normalised(p.pcd), p);
  const issues: ValidationIssue[] = [];
  for (const e of d.episodes) {
    if (e.plDistance !== null || e.ls === 'V3' || e.ls === 'V4') continue;
    const bad =
      unknownPostcode(e, 'HOME_POST', e.homePost, index) ?? unknownPostcode(e, 'PL_POST', e.plPost, index);
    if (bad !== null) issues.push(bad);
  }
  return issues;
}

function unknownPostcode(
  e: Episode,
  field: 'HOME_POST' | 'PL_POST',
  raw: string | null,
  index: ReadonlyMap<string, Postcode>,
): ValidationIssue | null {
  if (raw === null || raw.trim() === '' || SECTOR.test(raw.trim().toUpperCase())) return null;
  const key = normalised(raw);
  const found = FULL_UNIT.test(key) ? index.get(key) : undefined;
  if (found !== undefined && found.easting !== null && found.northing !== null) return null;
  const why = !FULL_UNIT.test(key)
    ? 'is not a full unit postcode'
    : found === undefined
      ? 'is not in postcodes.csv'
      : 'has no grid reference in postcodes.csv';
  return datasetIssue(
    '903-POSTCODE',
    'warning',
    `${field} '${raw}' ${why}; the placement's distance from home is unknown (999.9).`,
    {
      table: e.source.position.startsWith('/') ? 'EPISODE' : 'Episodes',
      childId: e.childId,
      file: e.source.file,
      position: e.source.position,
      field,
      value: raw,
    },
  );
}

function normalised(p: string): string {
  return p.replace(/\s+/g, '').toUpperCase();
}
