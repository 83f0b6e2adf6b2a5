import { test } from 'node:test';
import assert from 'node:assert/strict';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import { cicDentalChecks as dental } from './cic-dental-checks.js';
import { cicHealthAssessments as health } from './cic-health-assessments.js';
import { indicator as stability } from './cic-long-term-stability.js';
import { ctxOf, dataset, healthCheck, inputOf } from './lib/chain-test-fixtures.js';
import { childOf } from './lib/test-input.js';

// Audit (indicators.md §1.4 step 2: "Both anomalies add to the note `episodeChainErrors`"; §1.8: "RNE S
// inside an X1 chain continues both the period of care and the placement (warning at import)"): an RNE
// S inside an X1 chain is not a chaining anomaly, so it adds nothing to `episodeChainErrors` — as the
// snapshot CiC measures already treat it (lib/looked-after.ts chainErrorNotes). C1: in care from
// 2020-01-06, an RNE S episode continuing the X1 chain on 2020-06-01, an IHA on 2020-01-20, a review and a dental check on 2020-12-01.
test('audit: RNE S inside an X1 chain is not counted in episodeChainErrors by the chain measures', () => {
  const d = dataset(['episodes', 'cla-health', 'header'], {
    episodes: [
      ep({ id: 'E1', childId: 'C1', decom: '2020-01-06', rne: 'S', dec: '2020-06-01', rec: 'X1' }),
      ep({ id: 'E2', childId: 'C1', decom: '2020-06-01', rne: 'S' }),
    ],
    healthChecks: [
      healthCheck('D1', 'C1', 'DENTAL', '2020-12-01'),
      healthCheck('H0', 'C1', 'IHA', '2020-01-20'),
      healthCheck('H1', 'C1', 'RHA', '2020-12-01'),
    ],
    children: [childOf('C1', '2010-01-01')],
  });
  const input = inputOf(d);
  const ctx = ctxOf('2020-21-Q4', 'ytd');
  for (const def of [dental, health]) {
    const r = def.compute(input, ctx);
    assert.equal(r.denominator, 1, def.id);
    assert.deepEqual(
      r.notes.filter((n) => n.code === 'episodeChainErrors'),
      [],
      def.id,
    );
  }
  // The snapshot measures agree (no note for the same child).
  const s = stability.compute(input, ctxOf('2022-23-Q3', 'snapshot'));
  assert.deepEqual(
    s.notes.filter((n) => n.code === 'episodeChainErrors'),
    [],
  );
});
