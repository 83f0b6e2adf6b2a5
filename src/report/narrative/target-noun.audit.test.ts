import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod } from '../../calendar/period.js';
import { INDICATORS } from '../../indicators/registry.js';
import type { Figures } from '../fixtures/make-result.js';
import { makeResult } from '../fixtures/make-result.js';
import type { NarrativeSettings } from './narrative-input.js';
import { selectSection } from './select-section.js';
import { indicatorSentence } from './sentence.js';
import { targetNoun } from './target-clause.js';

// Audit (report.md §3 "marked national or local"; §5 "the catalogue supplies … the target noun ('internal
// target' for local targets)"; indicators.md §1.7 and §2). England sets no national target for any shipped
// indicator, so every shipped target is local; the committee's own words for each target come from the
// catalogue's `narrative.targetNoun`, not from marking a local target "national". Hand-worked against the
// Q3 2021/22 minutes (/work/shared/context/committee-minutes-q3-2021-22.txt), with the real catalogue.

const settings: NarrativeSettings = {
  period: parsePeriod('2021-22-Q3'),
  inLineBand: 0.5,
  snKey: 'statisticalNeighbours',
  englandWithoutSn: false,
};

function sentence(id: string, f: Figures): string {
  const entry = INDICATORS.find((e) => e.id === id)!;
  const result = makeResult(entry, '2021-22-Q3', f);
  const i = { entry, result, suppressed: false, comparatorSuppressed: false };
  return indicatorSentence(i, selectSection(i, 0.5), settings);
}

test('audit: no shipped target is marked national (England sets none for these indicators)', () => {
  const national = INDICATORS.filter((d) => d.target?.kind === 'national').map((d) => d.id);
  assert.deepEqual(national, []);
});

const MINUTES: readonly { id: string; figures: Figures; clause: string }[] = [
  // "internal target" where the minutes say so.
  {
    id: 'referrals-rereferral-12m',
    figures: { current: [31, 287] },
    clause: ', which was positively below the internal target of 18 per cent',
  },
  { id: 'cic-placements-3plus', figures: { current: [27, 270] }, clause: 'internal target of 10 per cent' },
  {
    id: 'cic-long-term-stability',
    figures: { current: [50, 68] },
    clause: ', above the internal target of 68 per cent',
  },
  // Plain "target" where the minutes say so.
  {
    id: 'cp-ceased-2y-plus',
    figures: { current: [0, 41], previous: [0, 27] },
    clause: ', and performance continues to be positively below the target of 5 per cent',
  },
  {
    id: 'cic-visits-in-time',
    figures: { current: [352, 392] },
    clause: ', in line with the target of 90 per cent',
  },
  {
    id: 'cic-placed-20-miles',
    figures: { current: [17, 279] },
    clause: ', which was positively below the target of 10 per cent',
  },
  {
    id: 'care-leavers-neet',
    figures: { current: [15, 85] },
    clause: ', which was positively below the target of 30 per cent',
  },
  {
    id: 'assessments-45wd',
    figures: { current: [160, 200] },
    clause: ', which falls below the target of 90 per cent',
  },
  {
    id: 'referrals-decided-1wd',
    figures: { current: [623, 920] },
    clause: ', which falls below the target of 90 per cent',
  },
  {
    id: 'cp-repeat-2y',
    figures: { current: [400, 5000], tolerance: 2.5 },
    clause: ', above the 6 per cent target',
  },
  {
    id: 'cp-visits-10wd',
    figures: { current: [823, 1000] },
    clause: ', which falls below the target of 90 per cent',
  },
];

for (const m of MINUTES) {
  test(`audit: ${m.id} keeps the committee's target noun ("${m.clause.replace(/^, /, '')}")`, () => {
    const text = sentence(m.id, m.figures);
    assert.ok(text.includes(m.clause), text);
    if (!m.clause.includes('internal')) assert.ok(!text.includes('internal target'), text);
  });
}

test('audit: an LA\'s own targets keep their kind: national reads "target", local the catalogue\'s noun', () => {
  assert.equal(targetNoun('national', undefined), 'target');
  assert.equal(targetNoun('national', 'target'), 'target');
  assert.equal(targetNoun('local', undefined), 'internal target');
  assert.equal(targetNoun('local', 'target'), 'target');
  // Through the sentence: an LA marking its re-referrals target national drops "internal".
  const entry = INDICATORS.find((e) => e.id === 'referrals-rereferral-12m')!;
  const result = {
    ...makeResult(entry, '2021-22-Q3', { current: [31, 287] }),
    targetKind: 'national' as const,
  };
  const i = { entry, result, suppressed: false, comparatorSuppressed: false };
  assert.match(
    indicatorSentence(i, selectSection(i, 0.5), settings),
    /positively below the target of 18 per cent\.$/,
  );
});
