/**
 * A figure as published in an edition against the same figure now (report.md §8). Counts of children moved
 * come from the frozen member lists; the report shows only counts, never who.
 */
export interface Restatement {
  readonly indicator: string;
  readonly period: string;
  readonly edition: string;
  readonly published: {
    readonly value: number | null;
    readonly numerator: number | null;
    readonly denominator: number | null;
  };
  readonly now: {
    readonly value: number | null;
    readonly numerator: number | null;
    readonly denominator: number | null;
  };
  /** now − published, in points (percent) or units (count); null when either is null. */
  readonly change: number | null;
  /** Children moved in/out; null when the edition froze no member lists (shown as "Not recorded"). */
  readonly numeratorIn: number | null;
  readonly numeratorOut: number | null;
  readonly denominatorIn: number | null;
  readonly denominatorOut: number | null;
}

type Fig = { value: number | null; numerator: number | null; denominator: number | null };

/**
 * Restatements of a published period (report.md §8): every indicator whose value, numerator or denominator
 * differs between the frozen edition and the figures computed now.
 * @example restatements(frozen, now, 'ed-1') //=> [{ indicator: 'assessments-45wd', change: -0.4, … }]
 */
export function restatements(
  frozen: {
    readonly period: { readonly id: string };
    readonly indicators: readonly ({ readonly id: string } & Fig)[];
  },
  now: { readonly indicators: readonly ({ readonly id: string } & Fig)[] },
  edition: string,
): Restatement[] {
  const out: Restatement[] = [];
  for (const p of frozen.indicators) {
    const n = now.indicators.find((x) => x.id === p.id);
    if (!n) continue;
    if (p.value === n.value && p.numerator === n.numerator && p.denominator === n.denominator) continue;
    out.push({
      indicator: p.id,
      period: frozen.period.id,
      edition,
      published: { value: p.value, numerator: p.numerator, denominator: p.denominator },
      now: { value: n.value, numerator: n.numerator, denominator: n.denominator },
      change: p.value === null || n.value === null ? null : Math.round((n.value - p.value) * 10) / 10,
      numeratorIn: null,
      numeratorOut: null,
      denominatorIn: null,
      denominatorOut: null,
    });
  }
  return out;
}
