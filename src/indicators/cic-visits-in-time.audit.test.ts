import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, isoDate, type IsoDate } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import { cicVisitsInTime } from './cic-visits-in-time.js';
import { ctxOf, dataset, inputOf, visit } from './lib/chain-test-fixtures.js';

// Audit: cic-visits-in-time against a literal reading of indicators.md §1.6 and §2/§1.8, written
// independently of lib/due-chain.ts. §1.6: "1. D = next(a, k). Stop if the chain is closed on D (end ≤ D)
// or D > asAt. 2. If any event falls in (a, D], the due is met; a = the latest such event. 3. Otherwise
// the due is missed. a = the earliest event in (D, next(D, k+1)] if there is one; otherwise a = D.
// 4. k = k + 1." §2: "next(a, 1) = a + 7 days. next(a, k ≥ 2) = a + 42 days while a < placement start +
// 12 months" (§1.8: "while the anchor a satisfies a − 12 months < placement start"); "after that, a + 3
// months if the placement is long-term (… without the file, PLACE U1 or U4), else a + 42 days."

function literal(start: IsoDate, end: IsoDate | null, longTerm: boolean, visits: IsoDate[], stop: IsoDate) {
  const next = (a: IsoDate, k: number): IsoDate =>
    k === 1
      ? addDays(a, 7)
      : addMonths(a, -12) < start
        ? addDays(a, 42)
        : longTerm
          ? addMonths(a, 3)
          : addDays(a, 42);
  const out: [IsoDate, boolean][] = [];
  let a = start;
  for (let k = 1; ; k++) {
    const D = next(a, k);
    if ((end !== null && end <= D) || D > stop) break;
    const inside = visits.filter((v) => v > a && v <= D).sort();
    if (inside.length > 0) {
      out.push([D, true]);
      a = inside[inside.length - 1]!;
      continue;
    }
    out.push([D, false]);
    const by = next(D, k + 1);
    const late = visits.filter((v) => v > D && v <= by).sort();
    a = late.length > 0 ? late[0]! : D;
  }
  return out;
}

/** Dues in date order, a missed one before a met one on the same date. */
function byDue(dues: readonly [IsoDate, boolean][]): [IsoDate, boolean][] {
  return [...dues].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : Number(x) - Number(y)));
}

test('audit: cic-visits-in-time dues equal a literal §1.6 chain (random visits, long-term and not, open and closed)', () => {
  const s = isoDate('2021-01-15');
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 20 }),
      fc.constantFrom('U1', 'U3'),
      fc.option(fc.integer({ min: 30, max: 800 }), { nil: null }),
      (offsets, place, len) => {
        const end = len === null ? null : addDays(s, len);
        const visits = [...new Set(offsets.map((o) => addDays(s, o)))];
        const data = dataset(['episodes', 'cla-visits'], {
          episodes: [ep({ id: 'E1', childId: 'C1', decom: s, place, dec: end, rec: end ? 'E13' : null })],
          claVisits: visits.map((v, i) => visit(`V${i}`, 'C1', v)),
        });
        const r = cicVisitsInTime.compute(inputOf(data), ctxOf('2022-23', 'ytd'));
        const want = literal(s, end, place === 'U1', visits, isoDate('2023-03-31')).filter(
          ([d]) => d >= '2022-04-01',
        );
        // Two dues can fall on one date (a visit the day after the anchor, then three months on from each, as
        // 30 and 31 January both give 30 April): members come in the indicators' stable order (child, date, record
        // ids), the literal chain in its own, so dues on one date are compared by outcome, not by order.
        assert.deepEqual(
          byDue(r.members.map((m): [IsoDate, boolean] => [m.dates['due'] as IsoDate, m.inNumerator])),
          byDue(want),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('audit: two dues on one date (visits on 30 and 31 January, long-term) are both counted, one met, one missed', () => {
  const s = isoDate('2021-01-15');
  const visits = [isoDate('2022-01-30'), isoDate('2022-01-31')];
  const data = dataset(['episodes', 'cla-visits'], {
    episodes: [ep({ id: 'E1', childId: 'C1', decom: s, place: 'U1', dec: null, rec: null })],
    claVisits: visits.map((v, i) => visit(`V${i}`, 'C1', v)),
  });
  const r = cicVisitsInTime.compute(inputOf(data), ctxOf('2022-23', 'ytd'));
  const want = literal(s, null, true, visits, isoDate('2023-03-31')).filter(([d]) => d >= '2022-04-01');
  assert.deepEqual(want.slice(0, 2), [
    ['2022-04-30', true],
    ['2022-04-30', false],
  ]);
  assert.deepEqual(
    byDue(r.members.map((m): [IsoDate, boolean] => [m.dates['due'] as IsoDate, m.inNumerator])),
    byDue(want),
  );
});
