import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, isoDate } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import { deriveCareHistory, sameCarer } from './derive-care-history.js';
import { currentPlacementOn, lookedAfterDuring, lookedAfterOn, periodOfCareOn } from './care-queries.js';
import { episodeFixture as ep } from './episode-fixture.js';
import type { Episode } from './episode.js';

const d = isoDate;

/** indicators.md §3 E4: placement moves with a T1 episode. */
function e4(): Episode[] {
  return [
    ep({ id: 'e1', decom: '2020-06-01', rne: 'S', place: 'U1', plPost: 'DL1 1AA', dec: '2021-03-10' }),
    ep({ id: 'e2', decom: '2021-03-10', rne: 'P', place: 'T1', plPost: null, dec: '2021-03-20' }),
    ep({ id: 'e3', decom: '2021-03-20', rne: 'P', place: 'U1', plPost: 'DL1 1AA', dec: '2021-08-02' }),
    ep({ id: 'e4', decom: '2021-08-02', rne: 'P', place: 'U4', plPost: 'DL3 6QQ' }),
  ];
}

test('E4: a T1 episode and the return to the same carer make 2 placements, not 4', () => {
  const h = deriveCareHistory('C1', e4());
  assert.equal(h.periodsOfCare.length, 1);
  assert.equal(h.periodsOfCare[0]!.start, '2020-06-01');
  assert.equal(h.periodsOfCare[0]!.end, null);
  assert.deepEqual(
    h.placements.map((p) => [p.start, p.end, p.episodes.map((e) => e.id)]),
    [
      ['2020-06-01', '2021-08-02', ['e1', 'e2', 'e3']],
      ['2021-08-02', null, ['e4']],
    ],
  );
  assert.equal(h.placements[0]!.carerEpisode?.id, 'e1');
  assert.deepEqual(h.issues, []);
  // The current placement start for stability is 2021-08-02.
  assert.equal(currentPlacementOn(h, d('2021-12-31'))?.start, '2021-08-02');
  // In hospital (T1), the current placement is the one the child was away from.
  assert.equal(currentPlacementOn(h, d('2021-03-15'))?.start, '2020-06-01');
  assert.equal(currentPlacementOn(h, d('2021-08-01'))?.start, '2020-06-01');
  assert.equal(currentPlacementOn(h, d('2021-08-02'))?.start, '2021-08-02');
});

/** indicators.md §3 E5: a child in care from `inCare`, with the current carer from `carer` and a T3 break. */
function e5(inCare: string, carer: string): Episode[] {
  return [
    ep({ decom: inCare, rne: 'S', place: 'U1', plPost: 'DL1 1AA', dec: carer }),
    ep({ decom: carer, rne: 'P', place: 'U4', plPost: 'DL3 6QQ', urn: 'SC123456', dec: '2021-07-20' }),
    ep({ decom: '2021-07-20', rne: 'P', place: 'T3', plPost: null, dec: '2021-08-03' }),
    ep({ decom: '2021-08-03', rne: 'P', place: 'U4', plPost: 'DL3 6QQ', urn: 'XXXXXXX' }),
  ];
}

test('E5 (NI 063): the T3 episode back to the same carer does not reset the placement start', () => {
  const e = d('2021-12-31');
  const cases = [
    { child: 'X', inCare: '2019-06-30', carer: '2019-12-31', inCohort: true, inNumerator: true },
    { child: 'Z', inCare: '2019-07-01', carer: '2019-12-31', inCohort: false, inNumerator: true },
    { child: 'W', inCare: '2019-06-30', carer: '2020-01-01', inCohort: true, inNumerator: false },
  ];
  for (const c of cases) {
    const h = deriveCareHistory(c.child, e5(c.inCare, c.carer));
    assert.equal(h.placements.length, 2, c.child);
    const period = periodOfCareOn(h, e)!;
    const placement = currentPlacementOn(h, e)!;
    assert.equal(placement.start, c.carer, c.child);
    assert.equal(placement.periodOfCareId, period.id);
    assert.equal(placement.episodes.length, 3, c.child);
    assert.equal(period.start <= addMonths(e, -30), c.inCohort, c.child);
    assert.equal(placement.start <= addMonths(e, -24), c.inNumerator, c.child);
  }
});

test('a return to a different carer ends the earlier placement at the temporary episode’s DEC', () => {
  const h = deriveCareHistory('C1', [
    ep({ id: 'a', decom: '2021-01-01', place: 'U1', plPost: 'DL1 1AA', dec: '2021-02-01' }),
    ep({ id: 't', decom: '2021-02-01', rne: 'P', place: 'T2', plPost: null, dec: '2021-02-10' }),
    ep({ id: 'b', decom: '2021-02-10', rne: 'P', place: 'U1', plPost: 'DL9 9ZZ' }),
  ]);
  assert.deepEqual(
    h.placements.map((p) => [p.start, p.end, p.episodes.map((e) => e.id)]),
    [
      ['2021-01-01', '2021-02-10', ['a', 't']],
      ['2021-02-10', null, ['b']],
    ],
  );
});

test('a return with the same PLACE and PL_POST but another given URN is a different carer', () => {
  const eps = (urn2: string | null) => [
    ep({ decom: '2021-01-01', place: 'U5', plPost: 'DL1 1AA', urn: 'SC000001', dec: '2021-02-01' }),
    ep({ decom: '2021-02-01', rne: 'P', place: 'T0', plPost: null, dec: '2021-02-03' }),
    ep({ decom: '2021-02-03', rne: 'P', place: 'U5', plPost: 'dl11aa', urn: urn2 }),
  ];
  assert.equal(deriveCareHistory('C1', eps('SC000002')).placements.length, 2);
  assert.equal(deriveCareHistory('C1', eps('SC000001')).placements.length, 1);
  assert.equal(deriveCareHistory('C1', eps('XXXXXXX')).placements.length, 1, 'XXXXXXX = not given');
  assert.equal(deriveCareHistory('C1', eps(null)).placements.length, 1);
});

test('sameCarer needs the same PLACE and PL_POST', () => {
  const a = ep({ decom: '2021-01-01', place: 'U1', plPost: 'DL1 1AA' });
  assert.equal(sameCarer(a, ep({ decom: '2021-01-02', place: 'U2', plPost: 'DL1 1AA' })), false);
  assert.equal(sameCarer(a, ep({ decom: '2021-01-02', place: 'U1', plPost: 'DL1 1AB' })), false);
  assert.equal(sameCarer(a, ep({ decom: '2021-01-02', place: 'U1', plPost: ' dl1 1aa' })), true);
});

test('consecutive temporary episodes all belong to the placement the child was away from', () => {
  const h = deriveCareHistory('C1', [
    ep({ decom: '2021-01-01', place: 'U3', dec: '2021-02-01' }),
    ep({ decom: '2021-02-01', rne: 'P', place: 'T1', plPost: null, dec: '2021-02-05' }),
    ep({ decom: '2021-02-05', rne: 'P', place: 'T3', plPost: null, dec: '2021-02-07' }),
    ep({ decom: '2021-02-07', rne: 'P', place: 'U3' }),
  ]);
  assert.equal(h.placements.length, 1);
  assert.equal(h.placements[0]!.episodes.length, 4);
});

test('a period of care that starts with a temporary episode starts its first placement there', () => {
  const h = deriveCareHistory('C1', [
    ep({ id: 't', decom: '2021-01-01', rne: 'S', place: 'T1', plPost: null, dec: '2021-01-08' }),
    ep({ id: 'a', decom: '2021-01-08', rne: 'P', place: 'U1', dec: '2021-03-01' }),
    ep({ id: 'b', decom: '2021-03-01', rne: 'P', place: 'U4', plPost: 'DL3 6QQ' }),
  ]);
  assert.deepEqual(
    h.placements.map((p) => [p.start, p.carerEpisode?.id, p.episodes.map((e) => e.id)]),
    [
      ['2021-01-01', 'a', ['t', 'a']],
      ['2021-03-01', 'b', ['b']],
    ],
  );
});

test('RNE L, T and U continue the placement; P and B start a new one', () => {
  const h = deriveCareHistory('C1', [
    ep({ decom: '2021-01-01', rne: 'S', dec: '2021-02-01' }),
    ep({ decom: '2021-02-01', rne: 'L', ls: 'C1', dec: '2021-03-01' }),
    ep({ decom: '2021-03-01', rne: 'T', place: 'A4', dec: '2021-04-01' }),
    ep({ decom: '2021-04-01', rne: 'U', place: 'A5', dec: '2021-05-01' }),
    ep({ decom: '2021-05-01', rne: 'B', dec: '2021-06-01' }),
    ep({ decom: '2021-06-01', rne: 'P', plPost: 'DL2 2CC' }),
  ]);
  assert.deepEqual(
    h.placements.map((p) => p.start),
    ['2021-01-01', '2021-05-01', '2021-06-01'],
  );
});

test('short breaks (LS V3/V4) are removed first; the gap they leave starts a new period of care', () => {
  const h = deriveCareHistory('C1', [
    ep({ decom: '2020-01-01', ls: 'V3', place: 'U1', dec: '2020-01-03' }),
    ep({ decom: '2021-01-01', rne: 'S', dec: '2021-02-01' }),
    ep({ decom: '2021-02-01', rne: 'S', ls: 'V4', dec: '2021-02-05' }),
    ep({ decom: '2021-02-05', rne: 'P' }),
  ]);
  assert.deepEqual(
    h.periodsOfCare.map((p) => [p.start, p.end]),
    [
      ['2021-01-01', '2021-02-01'],
      ['2021-02-05', null],
    ],
  );
  assert.equal(lookedAfterOn(h, d('2020-01-02')), false, 'a short break is not care');
  assert.equal(lookedAfterOn(h, d('2021-02-03')), false);
  assert.deepEqual(h.issues.map((i) => i.kind).sort(), ['new-period-without-x1', 'x1-without-next']);
  const onlyShortBreaks = deriveCareHistory('C2', [ep({ decom: '2021-01-01', ls: 'V3' })]);
  assert.deepEqual(onlyShortBreaks.periodsOfCare, []);
  assert.deepEqual(onlyShortBreaks.placements, []);
});

test('an X1 episode with no episode starting on its DEC ends the period of care there', () => {
  const h = deriveCareHistory('C1', [
    ep({ id: 'a', decom: '2021-01-01', dec: '2021-03-01', rec: 'X1' }),
    ep({ id: 'b', decom: '2021-04-01', rne: 'S' }),
  ]);
  assert.deepEqual(
    h.periodsOfCare.map((p) => [p.start, p.end]),
    [
      ['2021-01-01', '2021-03-01'],
      ['2021-04-01', null],
    ],
  );
  assert.deepEqual(
    h.issues.map((i) => [i.kind, i.episodeId]),
    [['x1-without-next', 'a']],
  );
  const last = deriveCareHistory('C1', [ep({ id: 'z', decom: '2021-01-01', dec: '2021-03-01', rec: 'X1' })]);
  assert.equal(last.periodsOfCare[0]!.end, '2021-03-01');
  assert.deepEqual(
    last.issues.map((i) => i.kind),
    ['x1-without-next'],
  );
});

test('a new episode on the DEC of a non-X1 episode starts a new period of care whatever its RNE', () => {
  const h = deriveCareHistory('C1', [
    ep({ decom: '2021-01-01', dec: '2021-03-01', rec: 'E11' }),
    ep({ id: 'p', decom: '2021-03-01', rne: 'P' }),
  ]);
  assert.equal(h.periodsOfCare.length, 2);
  assert.equal(h.placements.length, 2);
  assert.deepEqual(
    h.issues.map((i) => [i.kind, i.episodeId]),
    [['new-period-without-x1', 'p']],
  );
  // Leaving care and returning with RNE S is not an anomaly.
  const ok = deriveCareHistory('C1', [
    ep({ decom: '2021-01-01', dec: '2021-03-01', rec: 'E11' }),
    ep({ decom: '2021-05-01', rne: 'S' }),
  ]);
  assert.deepEqual(ok.issues, []);
});

test('RNE S inside an X1 chain continues both the period of care and the placement (warning)', () => {
  const h = deriveCareHistory('C1', [
    ep({ decom: '2021-01-01', rne: 'S', dec: '2021-02-01' }),
    ep({ id: 's', decom: '2021-02-01', rne: 'S' }),
  ]);
  assert.equal(h.periodsOfCare.length, 1);
  assert.equal(h.placements.length, 1);
  assert.deepEqual(
    h.issues.map((i) => [i.kind, i.episodeId]),
    [['rne-s-inside-chain', 's']],
  );
});

test('episodes are sorted by DECOM before chaining', () => {
  const h = deriveCareHistory('C1', [...e4()].reverse());
  assert.deepEqual(
    h.placements.map((p) => p.start),
    ['2020-06-01', '2021-08-02'],
  );
});

test('looked after on d: DECOM ≤ d and (DEC blank or DEC > d); a child ceasing on d is not', () => {
  const h = deriveCareHistory('C1', [ep({ decom: '2021-01-10', dec: '2021-03-10', rec: 'E4A' })]);
  assert.equal(lookedAfterOn(h, d('2021-01-09')), false);
  assert.equal(lookedAfterOn(h, d('2021-01-10')), true);
  assert.equal(lookedAfterOn(h, d('2021-03-09')), true);
  assert.equal(lookedAfterOn(h, d('2021-03-10')), false);
  assert.equal(currentPlacementOn(h, d('2021-03-10')), null);
  assert.equal(lookedAfterDuring(h, d('2021-03-10'), d('2021-06-30')), false);
  assert.equal(lookedAfterDuring(h, d('2021-03-09'), d('2021-06-30')), true);
  assert.equal(lookedAfterDuring(h, d('2020-10-01'), d('2021-01-10')), true);
  assert.equal(lookedAfterDuring(h, d('2020-10-01'), d('2021-01-09')), false);
});

// ---- properties ----

const PLACES = ['U1', 'U4', 'T1', 'T3', 'K2'];
const POSTS = ['DL1 1AA', 'DL3 6QQ'];
const stepArb = fc.record({
  gap: fc.constantFrom(0, 0, 0, 5),
  length: fc.integer({ min: 1, max: 60 }),
  rne: fc.constantFrom('S', 'P', 'L', 'T', 'U', 'B'),
  rec: fc.constantFrom('X1', 'X1', 'X1', 'E11', 'E4A'),
  ls: fc.constantFrom('C2', 'C2', 'C1', 'V3', 'V4'),
  place: fc.constantFrom(...PLACES),
  post: fc.constantFrom(...POSTS),
  urn: fc.constantFrom(null, 'XXXXXXX', 'SC1', 'SC2'),
});

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function build(steps: readonly Step[]) {
  let at = d('2015-01-01');
  return steps.map((s, i) => {
    const decom = addDays(at, s.gap);
    const dec = i === steps.length - 1 ? null : addDays(decom, s.length);
    at = dec ?? decom;
    return ep({
      id: `e${i}`,
      decom,
      dec,
      rec: dec === null ? null : s.rec,
      rne: s.rne,
      ls: s.ls,
      place: s.place,
      plPost: s.place.startsWith('T') ? null : s.post,
      urn: s.urn,
    });
  });
}

test('property: placements partition the non-short-break episodes, in order', () => {
  fc.assert(
    fc.property(fc.array(stepArb, { minLength: 1, maxLength: 12 }), fc.nat(), (steps, rot) => {
      const eps = build(steps);
      // Input order does not matter: rotate and reverse before deriving.
      const k = rot % eps.length;
      const h = deriveCareHistory('C1', [...eps.slice(k), ...eps.slice(0, k)].reverse());
      const kept = eps.filter((e) => e.ls !== 'V3' && e.ls !== 'V4').map((e) => e.id);
      assert.deepEqual(
        h.placements.flatMap((p) => p.episodes.map((e) => e.id)),
        kept,
      );
      assert.deepEqual(
        h.periodsOfCare.flatMap((p) => p.episodes.map((e) => e.id)),
        kept,
      );
    }),
    { numRuns: 300 },
  );
});

test('property: placements lie within their period of care; periods and placements do not overlap', () => {
  fc.assert(
    fc.property(fc.array(stepArb, { minLength: 1, maxLength: 12 }), (steps) => {
      const h = deriveCareHistory('C1', build(steps));
      const byId = new Map(h.periodsOfCare.map((p) => [p.id, p]));
      for (const pl of h.placements) {
        const poc = byId.get(pl.periodOfCareId)!;
        assert.ok(poc.start <= pl.start);
        if (poc.end !== null) assert.ok(pl.end !== null && pl.end <= poc.end);
        for (const e of pl.episodes) assert.ok(poc.episodes.includes(e));
        assert.ok(pl.episodes.length > 0);
      }
      const firstOfPeriod = h.placements.filter((pl) => byId.get(pl.periodOfCareId)!.start === pl.start);
      assert.equal(firstOfPeriod.length, h.periodsOfCare.length);
      for (const list of [h.periodsOfCare, h.placements]) {
        for (let i = 1; i < list.length; i++) {
          const prev = list[i - 1]!;
          assert.ok(prev.end !== null && prev.end <= list[i]!.start);
        }
      }
    }),
    { numRuns: 300 },
  );
});
