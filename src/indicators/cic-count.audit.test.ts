import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../calendar/iso-date.js';
import { isoDate } from '../calendar/iso-date.js';
import { episodeFixture } from '../model/episode-fixture.js';
import type { Episode } from '../model/episode.js';
import { indicator as cicCount } from './cic-count.js';
import { dataset, run } from './lib/test-fixtures.js';

// Audit (indicators.md §1.4 steps 1 and 3, §2 cic-count): "Remove episodes with LS V3 or V4 (short
// breaks) before anything else." "Looked after on d: an episode with DECOM ≤ d and (DEC blank or DEC > d).
// A child who ceases on d is not looked after at d." Value: children looked after at e, each once.
// Brute force straight from those sentences, against the periods-of-care implementation, on random
// (often messy: gaps, overlaps, X1 without a follower) episode sets.

const base = isoDate('2021-06-01');

test('audit: cic-count equals the brute-force count of children with a non-short-break episode open at e', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.constantFrom('A', 'B', 'C'),
          fc.integer({ min: 0, max: 400 }),
          fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
          fc.constantFrom('C2', 'V3', 'V4', 'J2'),
          fc.constantFrom('X1', 'E13'),
        ),
        { maxLength: 12 },
      ),
      fc.integer({ min: 0, max: 2 }),
      (rows, q) => {
        const episodes: Episode[] = [];
        const seen = new Set<string>();
        rows.forEach(([child, start, len, ls, rec], i) => {
          const decom = addDays(base, start);
          if (seen.has(`${child}|${decom}`)) return; // CHILD + DECOM is the key
          seen.add(`${child}|${decom}`);
          const dec = len === null ? null : addDays(decom, len + 1);
          episodes.push(
            episodeFixture({ id: `e${i}`, childId: child, decom, dec, ls, rec: dec ? rec : null }),
          );
        });
        const period = ['2021-22-Q3', '2021-22-Q4', '2022-23-Q1'][q]!;
        const e = { '2021-22-Q3': '2021-12-31', '2021-22-Q4': '2022-03-31', '2022-23-Q1': '2022-06-30' }[
          period
        ]!;
        const expected = new Set(
          episodes
            .filter((x) => x.ls !== 'V3' && x.ls !== 'V4')
            .filter((x) => x.decom <= e && (x.dec === null || x.dec > e))
            .map((x) => x.childId),
        );
        const r = run(cicCount, dataset(['episodes'], { episodes }), period);
        assert.equal(r.numerator, expected.size);
        assert.deepEqual(r.members.map((m) => m.childId).sort(), [...expected].sort());
      },
    ),
    { numRuns: 300 },
  );
});
