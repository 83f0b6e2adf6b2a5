import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { parsePeriod } from '../calendar/period.js';
import type { Oc3Outcome } from '../model/episode.js';
import { emptyDataset } from '../model/la-dataset.js';
import { indicator as neet } from './care-leavers-neet.js';
import { indicator as accommodation } from './care-leavers-suitable-accommodation.js';
import { runIndicator } from './engine/run-indicator.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { childOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

function oc3Row(childId: string, dob: string, activ: string, accom: string): Oc3Outcome {
  return {
    id: `o-${childId}`,
    childId,
    year: '2021-22',
    dob: isoDate(dob),
    inTouch: 'YES',
    activ,
    accom,
    source: TEST_SOURCE,
  };
}

// Audit (indicators.md care-leavers-neet): "Data | local `care_leavers`; SSDA903 OC3 (IN_TOUCH, ACTIV,
// ACCOM) for the variant" and "Variants | `careLeavers.cohort = oc3` (annual): OC3 rows for young
// people whose birthday at the chosen ages falls in [fy, e], with the status as returned".
// The OC3 variant reads OC3, not the local extract: an LA that loads the SSDA903 return (with OC3) but
// no care_leavers.csv gets the OC3 figure at 31 March. O1 (19th birthday 2021-06-01, G5, D1) and O2
// (20th birthday 2021-06-01, F1, U2): NEET 50.0% (1/2), suitable accommodation 50.0% (1/2).
test('audit: careLeavers.cohort = oc3 through the engine needs OC3, not care_leavers.csv', () => {
  const data = {
    ...emptyDataset('841'),
    tables: tablesOf('header', 'episodes', 'oc3'),
    children: [childOf('O1', '2002-06-01'), childOf('O2', '2001-06-01')],
    oc3: [oc3Row('O1', '2002-06-01', 'G5', 'D1'), oc3Row('O2', '2001-06-01', 'F1', 'U2')],
  };
  const settings = { ...DEFAULT_SETTINGS, variants: { 'careLeavers.cohort': 'oc3' } };
  const input = inputOf(data);
  for (const def of [neet, accommodation]) {
    const r = runIndicator(def, input, parsePeriod('2021-22'), 'snapshot', settings);
    assert.equal(r.status, 'ok', `${def.id}: ${JSON.stringify(r.notes)}`);
    assert.equal(r.numerator, 1);
    assert.equal(r.denominator, 2);
    assert.equal(r.members.length, 2);
  }
});
