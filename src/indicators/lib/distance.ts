import type { Episode } from '../../model/episode.js';
import type { Postcode } from '../../model/local.js';

/** Metres in a mile, as in the SSDA903 guide's formula (√(ΔE² + ΔN²) / 1000 / 1.6093). */
const METRES_PER_MILE = 1609.3;
/** The SSDA903 code for an unknown distance. */
const UNKNOWN_DISTANCE = 999.9;

/**
 * A postcode as the postcode directory is keyed: upper-case, no spaces; null when blank.
 * @example normalisePostcode(' dl1 1aa ') //=> 'DL11AA'
 */
export function normalisePostcode(text: string | null): string | null {
  if (text === null) return null;
  const p = text.replace(/\s+/g, '').toUpperCase();
  return p === '' ? null : p;
}

/**
 * Rounds miles to 0.1, half up, and returns tenths of a mile. A tiny allowance absorbs binary
 * floating-point error, so a supplied 20.05 rounds to 20.1 (20.05 × 10 is 200.4999… in doubles).
 * @example roundToTenths(20.05) //=> 201
 * @example roundToTenths(20.04) //=> 200
 */
export function roundToTenths(miles: number): number {
  return Math.floor(miles * 10 + 0.5 + 1e-9);
}

/**
 * Straight-line distance in tenths of a mile between two grid references in metres, rounded half up.
 * @example tenthsBetween({ easting: 0, northing: 0 }, { easting: 0, northing: 32186 }) //=> 200 (20.0 miles)
 */
export function tenthsBetween(
  a: { readonly easting: number; readonly northing: number },
  b: { readonly easting: number; readonly northing: number },
): number {
  const metres = Math.hypot(a.easting - b.easting, a.northing - b.northing);
  return roundToTenths(metres / METRES_PER_MILE);
}

/** Why a distance is unknown (counted in the note `distanceUnknown`). */
export type DistanceUnknownReason =
  | 'supplied-999.9'
  | 'home-postcode-blank'
  | 'home-postcode-not-found'
  | 'home-outside-england'
  | 'placement-postcode-blank'
  | 'placement-postcode-not-found'
  | 'no-coordinates';

/** A placement's distance from home: known (in tenths of a mile) or unknown with a reason. */
export type PlacementDistance =
  | { readonly known: true; readonly tenths: number; readonly from: 'PL_DISTANCE' | 'postcodes' }
  | { readonly known: false; readonly reason: DistanceUnknownReason };

/** Postcodes by normalised `pcd`. */
export function postcodeIndex(postcodes: readonly Postcode[]): ReadonlyMap<string, Postcode> {
  const out = new Map<string, Postcode>();
  for (const p of postcodes) {
    const k = normalisePostcode(p.pcd);
    if (k !== null) out.set(k, p);
  }
  return out;
}

/**
 * Distance of the placement an episode describes (indicators.md cic-placed-20-miles, §1.8, inputs.md §2.4):
 * a supplied PL_DISTANCE overrides postcodes (999.9 = unknown); otherwise HOME_POST and PL_POST are
 * looked up as full unit postcodes and the straight line is rounded half up to 0.1 mile. A home
 * postcode outside England (laua not `E…`) means unknown.
 * @example placementDistance({ plDistance: 20.05, … }, index) //=> { known: true, tenths: 201, from: 'PL_DISTANCE' }
 */
export function placementDistance(
  episode: Pick<Episode, 'plDistance' | 'homePost' | 'plPost'>,
  postcodes: ReadonlyMap<string, Postcode>,
): PlacementDistance {
  if (episode.plDistance !== null) {
    if (episode.plDistance >= UNKNOWN_DISTANCE || episode.plDistance < 0) {
      return { known: false, reason: 'supplied-999.9' };
    }
    return { known: true, tenths: roundToTenths(episode.plDistance), from: 'PL_DISTANCE' };
  }
  const homeKey = normalisePostcode(episode.homePost);
  if (homeKey === null) return { known: false, reason: 'home-postcode-blank' };
  const home = postcodes.get(homeKey);
  if (home === undefined) return { known: false, reason: 'home-postcode-not-found' };
  if (home.laua === null || !home.laua.toUpperCase().startsWith('E')) {
    return { known: false, reason: 'home-outside-england' };
  }
  const placeKey = normalisePostcode(episode.plPost);
  if (placeKey === null) return { known: false, reason: 'placement-postcode-blank' };
  const place = postcodes.get(placeKey);
  if (place === undefined) return { known: false, reason: 'placement-postcode-not-found' };
  if (home.easting === null || home.northing === null || place.easting === null || place.northing === null) {
    return { known: false, reason: 'no-coordinates' };
  }
  return {
    known: true,
    tenths: tenthsBetween(
      { easting: home.easting, northing: home.northing },
      { easting: place.easting, northing: place.northing },
    ),
    from: 'postcodes',
  };
}

/**
 * Formats tenths of a mile: "20.1 miles".
 * @example formatTenths(201) //=> '20.1 miles'
 */
export function formatTenths(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10} miles`;
}
