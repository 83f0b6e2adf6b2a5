import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indicator as cicCount } from '../../indicators/cic-count.js';
import { indicator as cicMissing } from '../../indicators/cic-missing.js';
import { assessments45wd } from '../../indicators/assessments-45wd.js';
import { englandCell } from './scorecard-view.js';

test("the scorecard's England cell gives the national figure in its own unit", () => {
  // Children missing from care are counted; England's 11% is a percentage of children looked after.
  assert.equal(englandCell({ unit: cicMissing.unit, england: cicMissing.england }), '11.0% †');
  assert.equal(englandCell({ unit: cicCount.unit, england: cicCount.england }), '82,170');
  assert.equal(englandCell({ unit: assessments45wd.unit, england: assessments45wd.england }), '84.5%');
  assert.equal(englandCell({ unit: 'percent', england: null }), 'No national figure');
});
