import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indicator as cicCount } from '../../indicators/cic-count.js';
import { indicator as cicMissing } from '../../indicators/cic-missing.js';
import { assessments45wd } from '../../indicators/assessments-45wd.js';
import { darlingtonReport } from '../../report/fixtures/darlington-q3-2021-22.js';
import { apiIndicator } from './public-result.js';
import { englandCell, scorecardView } from './scorecard-view.js';
import { publicRuleOf } from './suppression.js';

test("the scorecard's England cell gives the national figure in its own unit", () => {
  // Children missing from care are counted; England's 11% is a percentage of children looked after.
  assert.equal(englandCell({ unit: cicMissing.unit, england: cicMissing.england }), '11.0% †');
  assert.equal(englandCell({ unit: cicCount.unit, england: cicCount.england }), '82,170');
  assert.equal(englandCell({ unit: assessments45wd.unit, england: assessments45wd.england }), '84.5%');
  assert.equal(englandCell({ unit: 'percent', england: null }), 'No national figure');
});

test('the public scorecard and API hide a cohort 1 to 5 smaller than the one it lies within (report.md §6)', () => {
  // NEET 57/116 and suitable accommodation 100/115 give back 1 young person; the previous quarter's
  // 102/113 against NEET's 50/116 gives back 3.
  const report = darlingtonReport({
    'care-leavers-neet': { current: [57, 116], previous: [50, 116], lastYear: [39, 115] },
    'care-leavers-suitable-accommodation': {
      current: [100, 115],
      previous: [102, 113],
      lastYear: [99, 115],
    },
  });
  const rowOf = (v: ReturnType<typeof scorecardView>, id: string) =>
    v.groups.flatMap((g) => g.rows).find((r) => r.id === id)!;
  const shown = scorecardView(report, 'public', null);
  const accommodation = rowOf(shown, 'care-leavers-suitable-accommodation');
  assert.equal(accommodation.current.text, 'Small numbers');
  assert.equal(accommodation.previous.text, 'Small numbers');
  assert.notEqual(accommodation.lastYear.text, 'Small numbers', '115 of 115: no difference');
  assert.equal(accommodation.direction, null);
  assert.doesNotMatch(rowOf(shown, 'care-leavers-neet').current.text, /Small numbers/);
  const rule = publicRuleOf(report.settings, report.indicators);
  const api = apiIndicator(
    report.indicators.find((r) => r.id === accommodation.id)!,
    'public',
    rule,
  );
  assert.equal(api.suppressed, true);
  assert.equal(api.denominator, null);
  assert.equal(api.previous?.denominator, null);
  // Officers see both.
  assert.match(rowOf(scorecardView(report, 'full', null), accommodation.id).current.text, /100\/115/);
});
