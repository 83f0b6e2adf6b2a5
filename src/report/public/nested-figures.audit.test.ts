import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDate } from '../../calendar/iso-date.js';
import { parsePeriod, trailingQuarters } from '../../calendar/period.js';
import { buildIndicatorInput } from '../../indicators/input.js';
import { headlineBasis, runIndicator } from '../../indicators/engine/run-indicator.js';
import { INDICATORS } from '../../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import type { IndicatorDefinition, Nesting } from '../../indicators/types.js';
import { collectionYears } from '../../synth/collection-years.js';
import { day } from '../../synth/day-calendar.js';
import { loadLaTable } from '../../synth/la-table.js';
import { readAsImport } from '../../synth/read-as-import.js';
import { writeLa } from '../../synth/write-la.js';

// Audit (report.md §6 "The check also covers differences a reader could work out"; the catalogue's
// `nestedIn`, checked by `planCohortDifference`). The catalogue declares by hand which indicator's figure lies
// within another's; nothing checked that a pair was missed when an indicator was added. This audit computes
// every indicator on synthetic data (the demo LA, Darlington, and Hartlepool; eight quarters; each on its
// headline basis, as published) and, for every ordered pair (outer A, inner B) of indicators computed in the
// same periods, looks at their members (children, or a child's referrals or plans: counted by child id with
// repeats, so "within" means each child is there no more times) for the three shapes `nestedIn` names:
// - denominator: B's cohort within A's in every period, and not the same in some;
// - numerator: the same cohort, B's numerator within A's in every period, and not the same in some (unless A's
//   numerator is its whole cohort, as cic-count's is: then A less B is B's own n − x, which B publishes);
// - complement: the same cohort, B's numerator within those not in A's, and not all of them in some period
//   (symmetric: over 3 working days is outside within 1, and within 1 is outside over 3; either declares it).
// Each pair found must be declared (B.nestedIn naming A with that shape, or by denominator A.holds naming B:
// then A is the figure hidden), or be in ALLOWED with why its difference discloses nothing, or in OPEN: a real
// difference the catalogue cannot declare yet, which a test below fails on.

/**
 * Indicators whose cohort is the same by definition (children looked after at the period end, a child who
 * ceased that day not counted; short breaks out; UASC as the setting says): each publishes its size (cic-count
 * as its count, the others as their denominator), so a cohort declared within one of them (by denominator) is
 * checked against the number they all publish. The audit checks on the data that the cohorts are the same.
 */
const SAME_COHORT: readonly (readonly string[])[] = [
  [
    'cic-count',
    'cic-allocated-sw',
    'cic-allocated-qualified-sw',
    'cic-placements-3plus',
    'cic-placed-20-miles',
  ],
];

/**
 * Pairs found whose difference discloses nothing, as `inner in outer by shape`, with why. A coincidence of
 * the synthetic data may come and go as the generator changes, so these are not checked for staleness.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  'cic-long-term-stability in cic-missing by denominator':
    'through cic-placements-3plus: the difference is long-term stability’s from that cohort (declared, ' +
    'checked) plus that cohort’s from cic-missing’s (cic-missing holds it, checked); a sum from 1 to k has a ' +
    'part from 1 to k, whose figure is hidden',
  'cic-placements-3plus in cic-allocated-sw by numerator':
    'a coincidence of the synthetic data (every child moved 3 times had a social worker): the definitions ' +
    'count placements from the episodes and allocations from the allocations table, so a child moved 3 ' +
    'times with no social worker allocated is in the first numerator and not the second',
};

/**
 * Pairs found whose difference is a real group of children that the catalogue cannot declare yet, with
 * why; the last test below fails while any is here. (The children in care at the period end within
 * cic-missing's denominator were here until the catalogue could say that cic-missing `holds` them.)
 */
const OPEN: Readonly<Record<string, string>> = {};

/** A multiset of child ids (a child with two referrals in a cohort is there twice). */
type Children = ReadonlyMap<string, number>;

/** One indicator's members for one LA and period: its cohort, numerator and those not in its numerator. */
interface Parts {
  readonly cohort: Children;
  readonly numerator: Children;
  readonly rest: Children;
}

function children(ids: readonly string[]): Children {
  const out = new Map<string, number>();
  for (const id of ids) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

function within(inner: Children, outer: Children): boolean {
  for (const [id, n] of inner) if ((outer.get(id) ?? 0) < n) return false;
  return true;
}

const same = (a: Children, b: Children): boolean => a.size === b.size && within(a, b) && within(b, a);

/** The periods computed, by `LA:period`: the members of each indicator computed (status ok) then. */
async function computeAll(): Promise<Map<string, Map<string, Parts>>> {
  const out = mkdtempSync(join(tmpdir(), 'cspi-nested-'));
  const byIndicator = new Map<string, Map<string, Parts>>(INDICATORS.map((d) => [d.id, new Map()]));
  try {
    const table = loadLaTable();
    const extract = day('2022-03-31');
    const years = collectionYears(extract, 5);
    // The demo LA (cspi demo: Darlington, seed 1) and a second LA, smaller than real to keep the audit quick;
    // Hartlepool's seed 9 has a care leaver deported (ACCOM H2) in every quarter, so suitable accommodation's
    // cohort is NEET's less one (the synthetic data give G, H or R to 3% of UASC care leavers only).
    for (const [code, seed, scale] of [
      ['841', '1', 0.4],
      ['805', '9', 0.3],
    ] as const) {
      writeLa(
        table.find((la) => la.code === code)!,
        table,
        { out, seed, extract, years, scale, faults: [] },
      );
      const { assembled } = await readAsImport(join(out, code), code, isoDate('2022-04-08'));
      const input = buildIndicatorInput(assembled.dataset);
      for (const period of trailingQuarters(parsePeriod('2021-22-Q4'), 8)) {
        for (const def of INDICATORS) {
          const basis = headlineBasis(def, DEFAULT_SETTINGS);
          const c = runIndicator(def, input, period, basis, DEFAULT_SETTINGS, { breakdowns: false });
          if (c.status !== 'ok') continue;
          const ids = c.members.map((m) => m.childId);
          const inNumerator = c.members.filter((m) => m.inNumerator).map((m) => m.childId);
          const rest = c.members.filter((m) => !m.inNumerator).map((m) => m.childId);
          byIndicator.get(def.id)!.set(`${code}:${period.id}`, {
            cohort: children(ids),
            numerator: children(inNumerator),
            rest: children(rest),
          });
        }
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return byIndicator;
}

/** Whether, over the periods both are computed in (at least one), `holds` each and `differs` in some. */
function nestedOver(
  outer: ReadonlyMap<string, Parts>,
  inner: ReadonlyMap<string, Parts>,
  holds: (o: Parts, i: Parts) => boolean,
  differs: (o: Parts, i: Parts) => boolean,
): boolean {
  let common = 0;
  let differed = false;
  for (const [at, i] of inner) {
    const o = outer.get(at);
    if (!o) continue;
    common++;
    if (!holds(o, i)) return false;
    differed ||= differs(o, i);
  }
  return common > 0 && differed;
}

/** The shapes in which `inner`'s figure lies within `outer`'s on the data (see the head of this file). */
function shapesFound(outer: ReadonlyMap<string, Parts>, inner: ReadonlyMap<string, Parts>): Nesting['by'][] {
  const found: Nesting['by'][] = [];
  if (
    nestedOver(
      outer,
      inner,
      (o, i) => within(i.cohort, o.cohort),
      (o, i) => !same(i.cohort, o.cohort),
    )
  )
    found.push('denominator');
  const wholeCohort = [...outer.values()].every((o) => o.rest.size === 0);
  if (
    !wholeCohort &&
    nestedOver(
      outer,
      inner,
      (o, i) => same(i.cohort, o.cohort) && within(i.numerator, o.numerator),
      (o, i) => !same(i.numerator, o.numerator),
    )
  )
    found.push('numerator');
  if (
    nestedOver(
      outer,
      inner,
      (o, i) => same(i.cohort, o.cohort) && within(i.numerator, o.rest),
      (o, i) => i.numerator.size > 0 && !same(i.numerator, o.rest),
    )
  )
    found.push('complement');
  return found;
}

const sameCohortAs = (a: string): readonly string[] => SAME_COHORT.find((g) => g.includes(a)) ?? [a];

/**
 * Whether the catalogue declares `inner` within `outer` by `by`: directly, by denominator within an
 * indicator of the same cohort as `outer`, or (complement, which is symmetric) `outer` within `inner`.
 */
function declared(outer: IndicatorDefinition, inner: IndicatorDefinition, by: Nesting['by']): boolean {
  const n = inner.nestedIn;
  if (n?.by === by && n.indicator === outer.id) return true;
  if (by === 'denominator' && n?.by === by && sameCohortAs(outer.id).includes(n.indicator)) return true;
  // The outer figure holds the inner's cohort, or one of the same cohort (`holds`: the outer is hidden).
  const h = outer.holds;
  if (by === 'denominator' && h?.by === by && sameCohortAs(inner.id).includes(h.indicator)) return true;
  return by === 'complement' && outer.nestedIn?.by === by && outer.nestedIn.indicator === inner.id;
}

const computed = await computeAll();

/** Every pair found on the data, as `inner in outer by shape`. */
const found: {
  readonly key: string;
  readonly outer: IndicatorDefinition;
  readonly inner: IndicatorDefinition;
  readonly by: Nesting['by'];
}[] = [];
for (const outer of INDICATORS) {
  for (const inner of INDICATORS) {
    if (outer === inner) continue;
    for (const by of shapesFound(computed.get(outer.id)!, computed.get(inner.id)!))
      found.push({ key: `${inner.id} in ${outer.id} by ${by}`, outer, inner, by });
  }
}

test('audit: every figure that lies within another on the data is declared in the catalogue (nestedIn)', () => {
  const undeclared = found
    .filter((f) => !declared(f.outer, f.inner, f.by) && !(f.key in ALLOWED) && !(f.key in OPEN))
    .map((f) => f.key);
  assert.deepEqual(undeclared, []);
});

test('audit: every declared nesting and open pair is found on the data (none is stale)', () => {
  const keys = new Set(found.map((f) => f.key));
  const declarations = [
    ...INDICATORS.filter((d) => d.nestedIn).map(
      (d) => `${d.id} in ${d.nestedIn!.indicator} by ${d.nestedIn!.by}`,
    ),
    ...INDICATORS.filter((d) => d.holds).map((d) => `${d.holds!.indicator} in ${d.id} by ${d.holds!.by}`),
  ];
  assert.deepEqual(
    [...declarations, ...Object.keys(OPEN)].filter((k) => !keys.has(k)),
    [],
  );
});

test('audit: the indicators of one cohort by definition have the same members in every period', () => {
  const differ: string[] = [];
  for (const group of SAME_COHORT) {
    const [first, ...others] = group.map((id) => [id, computed.get(id)!] as const);
    for (const [id, parts] of others) {
      let common = 0;
      for (const [at, p] of parts) {
        const q = first![1].get(at);
        if (!q) continue;
        common++;
        if (!same(p.cohort, q.cohort)) differ.push(`${id} and ${first![0]} at ${at}`);
      }
      if (common === 0) differ.push(`${id} and ${first![0]}: no period computed for both`);
    }
  }
  assert.deepEqual(differ, []);
});

test('audit: no nesting is left open', () => {
  assert.deepEqual(Object.keys(OPEN), []);
});

test('audit: no indicator both lies within another and holds one (one check per figure)', () => {
  assert.deepEqual(
    INDICATORS.filter((d) => d.nestedIn && d.holds).map((d) => d.id),
    [],
  );
});
