import { test } from 'node:test';
import assert from 'node:assert/strict';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import { cicReviewsInTime } from './cic-reviews-in-time.js';
import { cicVisitsInTime } from './cic-visits-in-time.js';
import { indicator as cicCount } from './cic-count.js';
import { ctxOf, dataset, inputOf, review, visit } from './lib/chain-test-fixtures.js';

// Audit. indicators.md §1.4 step 2 names two anomalies for the note: "otherwise it starts a new period
// of care, whatever its RNE (…). An X1 episode with no episode starting on its DEC ends the period of
// care there. Both anomalies add to the note `episodeChainErrors`." §1.8: "RNE S inside an X1 chain
// continues both the period of care and the placement (warning at import)": decided behaviour, not one
// of the two anomalies. cic-count (and every snapshot CiC measure) leaves it out of the note; the due-chain
// measures must count the same way (their own doc: "counted as the other CiC measures count them").

const data = dataset(['episodes', 'reviews', 'cla-visits'], {
  episodes: [
    ep({ id: 'E1', childId: 'C1', decom: '2022-04-01', dec: '2022-05-01', rec: 'X1', rne: 'S' }),
    // RNE S on the X1 episode's DEC: continues the period of care and the placement.
    ep({ id: 'E2', childId: 'C1', decom: '2022-05-01', rne: 'S' }),
  ],
  cicReviews: [review('R1', 'C1', '2022-04-20')],
  claVisits: [visit('V1', 'C1', '2022-04-05')],
});

test('audit: RNE S inside an X1 chain is not an episodeChainErrors anomaly in cic-count', () => {
  const r = cicCount.compute(inputOf(data), ctxOf('2022-23-Q1', 'snapshot'));
  assert.equal(r.numerator, 1);
  assert.equal(
    r.notes.find((n) => n.code === 'episodeChainErrors'),
    undefined,
  );
});

test('audit: … nor in cic-reviews-in-time (same note, same count as the other CiC measures)', () => {
  const r = cicReviewsInTime.compute(inputOf(data), ctxOf('2022-23-Q1', 'in-period'));
  assert.equal(r.denominator, 1); // first review due addwd(2022-04-01, 20) = 2022-05-04 (Easter, May Day)
  assert.equal(
    r.notes.find((n) => n.code === 'episodeChainErrors'),
    undefined,
    JSON.stringify(r.notes),
  );
});

test('audit: … nor in cic-visits-in-time', () => {
  const r = cicVisitsInTime.compute(inputOf(data), ctxOf('2022-23-Q1', 'in-period'));
  assert.ok(r.denominator! > 0);
  assert.equal(
    r.notes.find((n) => n.code === 'episodeChainErrors'),
    undefined,
    JSON.stringify(r.notes),
  );
});
