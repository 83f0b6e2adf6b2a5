import type { Rng } from './prng.js';
import type { LaInfo } from './la-table.js';
import type { SimPostcode } from './sim-types.js';

/** Letters used in the inward code of real unit postcodes (never C, I, K, M, O, V). */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** A few places outside England for out-of-country placements (laua W… / S…). */
const OUTSIDE_ENGLAND = [
  { area: 'CF', laua: 'W06000015', easting: 318000, northing: 176000 },
  { area: 'LL', laua: 'W06000006', easting: 333000, northing: 350000 },
  { area: 'EH', laua: 'S12000036', easting: 325000, northing: 673000 },
  { area: 'DG', laua: 'S12000006', easting: 297000, northing: 576000 },
] as const;

/** Rough radius (metres) of an LA's populated area, from its kind and size. */
function radiusOf(la: LaInfo): number {
  if (la.ons.startsWith('E09')) return 3500;
  if (la.ons.startsWith('E10')) return 24000;
  if (la.ons.startsWith('E08')) return 6000;
  return la.children > 55000 ? 16000 : 5500;
}

/**
 * Synthetic but real-format unit postcodes (`DL3 6QQ`) with OS grid references, kept for postcodes.csv.
 * Home postcodes lie around the LA; placements may lie in other LAs (nearest LA centre gives laua and
 * postcode area), a few in Wales or Scotland, and a few are deliberately left out of the file.
 */
export class PostcodeBook {
  readonly entries = new Map<string, SimPostcode>();
  private readonly radius: number;

  constructor(
    private readonly la: LaInfo,
    private readonly table: readonly LaInfo[],
    private readonly rng: Rng,
  ) {
    this.radius = radiusOf(la);
  }

  /** A postcode somewhere in the LA. */
  local(): string {
    const r = this.radius * Math.sqrt(this.rng.next());
    const t = this.rng.next() * 2 * Math.PI;
    return this.add(this.la, this.la.easting + r * Math.cos(t), this.la.northing + r * Math.sin(t), true);
  }

  /** A postcode within about `metres` of another one (same LA). */
  near(pcd: string, metres: number): string {
    const base = this.entries.get(pcd);
    if (!base || base.easting === null || base.northing === null) return this.local();
    const r = metres * Math.sqrt(this.rng.next());
    const t = this.rng.next() * 2 * Math.PI;
    return this.add(this.la, base.easting + r * Math.cos(t), base.northing + r * Math.sin(t), true);
  }

  /** A postcode at roughly `miles` from the LA centre, in whichever LA is nearest there. */
  away(miles: number): string {
    if (this.rng.chance(0.04)) {
      const o = this.rng.pick(OUTSIDE_ENGLAND);
      const e = o.easting + this.rng.normal(0, 3000);
      const n = o.northing + this.rng.normal(0, 3000);
      return this.addRaw(o.area, o.laua, e, n, true);
    }
    const t = this.rng.next() * 2 * Math.PI;
    const m = miles * 1609.3;
    const e = Math.min(650000, Math.max(140000, this.la.easting + m * Math.cos(t)));
    const n = Math.min(650000, Math.max(20000, this.la.northing + m * Math.sin(t)));
    let best = this.table[0]!;
    let bestD = Infinity;
    for (const other of this.table) {
      const d = (other.easting - e) ** 2 + (other.northing - n) ** 2;
      if (d < bestD) {
        bestD = d;
        best = other;
      }
    }
    return this.add(best, e, n, true);
  }

  /** A placement postcode that postcodes.csv will not list (its distance is unknown). */
  unlisted(): string {
    return this.add(this.la, this.la.easting, this.la.northing, false);
  }

  private add(la: LaInfo, e: number, n: number, listed: boolean): string {
    return this.addRaw(la.postcodeArea, la.ons, e, n, listed);
  }

  private addRaw(area: string, laua: string, e: number, n: number, listed: boolean): string {
    // Districts 1–20 (1–40 for one-letter areas); when those fill up (a large county uses tens of
    // thousands of postcodes), districts up to 99, so there is always room.
    const maxDistrict = area.length === 1 ? 40 : 20;
    for (let attempt = 0; ; attempt++) {
      const pcd =
        `${area}${this.rng.int(1, attempt < 6 ? maxDistrict : 99)} ${this.rng.int(0, 9)}` +
        `${INWARD_LETTERS[this.rng.int(0, 19)]}${INWARD_LETTERS[this.rng.int(0, 19)]}`;
      if (this.entries.has(pcd)) continue;
      this.entries.set(pcd, {
        pcd,
        easting: Math.round(e),
        northing: Math.round(n),
        laua,
        listed,
      });
      return pcd;
    }
  }
}
