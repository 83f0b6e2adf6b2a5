import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { episodeFixture } from '../model/episode-fixture.js';
import type { SwEpisode } from '../model/episode.js';
import { dataset, run, withVariants } from './lib/test-fixtures.js';
import { indicator as allocated } from './cic-allocated-sw.js';
import { indicator as qualified } from './cic-allocated-qualified-sw.js';

// Audit (indicators.md §2 cic-allocated-sw): "Variants | `allocation.source = swEpisodes` (from
// 2023-24): an SWEpisodes row with SW_DECOM ≤ e and (SW_DEC blank or ≥ e)"; and
// cic-allocated-qualified-sw: "In the swEpisodes variant, SW_ID is a Social Work England registration
// number (it begins "SW")". Under the variant the figure reads SSDA903 Episodes and SWEpisodes only: an
// LA that sends SWEpisodes and no local allocations.csv / workers.csv must get the figure, through the
// engine (runIndicator), not "not available: needs allocations.csv".

function sw(id: string, childId: string, swId: string, start: string, end: string | null): SwEpisode {
  return {
    id,
    childId,
    swId,
    start: isoDate(start),
    end: end === null ? null : isoDate(end),
    reason: null,
    source: { file: 'test', position: 'line 1' },
  };
}

const data = dataset(['episodes', 'sw-episodes'], {
  episodes: [
    episodeFixture({ id: 'e1', childId: 'C1', decom: '2023-01-01' }),
    episodeFixture({ id: 'e2', childId: 'C2', decom: '2023-01-01' }),
    episodeFixture({ id: 'e3', childId: 'C3', decom: '2023-01-01' }),
  ],
  swEpisodes: [
    sw('s1', 'C1', 'SW123456', '2023-01-01', null), // registered worker, open at e
    sw('s2', 'C2', 'XX999', '2023-01-01', '2024-03-31'), // ends on e: open; not a registration
    // C3: no SWEpisodes row
  ],
});
const swVariant = withVariants({ 'allocation.source': 'swEpisodes' });

test('audit: swEpisodes variant through the engine does not need allocations.csv (cic-allocated-sw)', () => {
  const r = run(allocated, data, '2023-24-Q4', 'snapshot', swVariant);
  assert.equal(r.status, 'ok', JSON.stringify(r.notes));
  assert.equal(r.denominator, 3);
  assert.equal(r.numerator, 2); // C1 and C2
});

test('audit: swEpisodes variant through the engine does not need allocations.csv or workers.csv (qualified)', () => {
  const r = run(qualified, data, '2023-24-Q4', 'snapshot', swVariant);
  assert.equal(r.status, 'ok', JSON.stringify(r.notes));
  assert.equal(r.denominator, 3);
  assert.equal(r.numerator, 1); // C1 only: SW_ID begins "SW"
});

test('audit: default source still needs allocations.csv (and workers.csv for qualified) through the engine', () => {
  const r = run(allocated, data, '2023-24-Q4', 'snapshot');
  assert.equal(r.status, 'not-available');
  assert.deepEqual(r.missing, ['allocations.csv']);
  const q = run(
    qualified,
    { ...data, tables: new Set(['episodes', 'allocations']) },
    '2023-24-Q4',
    'snapshot',
  );
  assert.equal(q.status, 'not-available');
  assert.deepEqual(q.missing, ['workers.csv']);
});

test('audit: provisional follows the tables the chosen source reads', () => {
  // SSDA903 as at 2024-03-31 (= e): not provisional, whatever an unused allocations.csv's date.
  const d = {
    ...data,
    tables: new Set(['episodes', 'sw-episodes', 'allocations'] as const),
    asAt: { cin: null, ssda903: isoDate('2024-03-31'), local: { allocations: isoDate('2024-02-01') } },
  };
  const r = run(allocated, d, '2023-24-Q4', 'snapshot', swVariant);
  assert.ok(!r.notes.some((n) => n.code === 'provisional'), JSON.stringify(r.notes));
  // Default source: allocations.csv as at 2024-02-01 < e → provisional.
  const p = run(allocated, d, '2023-24-Q4', 'snapshot');
  assert.ok(
    p.notes.some((n) => n.code === 'provisional'),
    JSON.stringify(p.notes),
  );
});
