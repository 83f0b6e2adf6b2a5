/**
 * Audit of icpc-15wd against indicators.md (branch audit-a): hand-worked cases from the spec text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { icpc15wd as def } from './icpc-15wd.js';
import { dataset, referral, run, section47, strategy, withVariants } from './lib/test-fixtures.js';

// indicators.md §1.8 As-at: "A chain or count that uses several sources stops at the earliest of their
// as-at dates; e > that date gives the note `provisional`." Under `icpc.anchor = strategy` the figure
// uses the CIN census (Section47) and the local `strategy_discussions` file (§2 icpc-15wd, Data).
// CIN as at 2022-06-30, strategy_discussions as at 2022-06-10; 2022-23-Q1 ends 2022-06-30.
const twoSources = dataset(['cin-details', 'section47', 'strategy-discussions'], {
  asAt: {
    cin: isoDate('2022-06-30'),
    ssda903: null,
    local: { 'strategy-discussions': isoDate('2022-06-10') },
  },
  referrals: [referral('ref-A', 'A', '2022-05-10'), referral('ref-B', 'B', '2022-05-10')],
  section47s: [
    // A: ICPC before the strategy file's as-at, anchored on the strategy discussion of 2022-05-20
    // (wd(2022-05-20, 2022-06-08) = 12, 2 and 3 June being holidays): counted, within 15.
    section47('s-A', 'A', '2022-05-25', '2022-06-08'),
    // B: ICPC on 2022-06-20, after the strategy file's as-at: the count stops at 2022-06-10.
    section47('s-B', 'B', '2022-05-25', '2022-06-20'),
  ],
  strategyDiscussions: [strategy('sd-A', 'A', '2022-05-20')],
});
const strategyAnchor = withVariants({ 'icpc.anchor': 'strategy' });

test('audit §1.8: strategy variant, e after the strategy_discussions as-at date → note provisional', () => {
  const c = run(def, twoSources, '2022-23-Q1', 'in-period', strategyAnchor);
  assert.ok(
    c.notes.some((n) => n.code === 'provisional'),
    `notes were ${JSON.stringify(c.notes)}`,
  );
});

test('audit §1.8: strategy variant, the count stops at the earliest as-at date (ICPC after it not counted)', () => {
  const c = run(def, twoSources, '2022-23-Q1', 'in-period', strategyAnchor);
  // Only A's ICPC (2022-06-08 ≤ 2022-06-10) is counted; B's (2022-06-20) is after the strategy as-at.
  assert.deepEqual(
    c.members.map((m) => m.childId),
    ['A'],
  );
  assert.equal(c.denominator, 1);
  assert.equal(c.numerator, 1);
  // B is not silently measured from its S47 start as an `anchorFallback`.
  assert.equal(
    c.notes.find((n) => n.code === 'anchorFallback'),
    undefined,
  );
});

test('audit §1.8: default anchor reads the CIN census only; the strategy file as-at does not matter', () => {
  const c = run(def, twoSources, '2022-23-Q1', 'in-period');
  assert.equal(c.denominator, 2);
  assert.equal(
    c.notes.find((n) => n.code === 'provisional'),
    undefined,
  );
});
