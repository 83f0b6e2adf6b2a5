import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import { parsePeriod } from '../../calendar/period.js';
import { assessments45wd } from '../assessments-45wd.js';
import { cpVisits10wd } from '../cp-visits-10wd.js';
import { assessment, cpPlan, dataset, run } from './test-fixtures.js';
import { visit } from './chain-test-fixtures.js';
import { beforeData, dataStart } from './data-start.js';

// A CIN census loaded from 2017-18 (history from 1 April 2017) and a CP visits extract from 3 April 2017.
const data = dataset(['cin-details', 'assessments', 'cp-plans', 'cp-visits'], {
  historyStart: { cin: isoDate('2017-04-01'), ssda903: null },
  asAt: { cin: isoDate('2018-03-31'), ssda903: null, local: { 'cp-visits': isoDate('2018-03-31') } },
  assessments: [assessment('A1', 'C1', '2017-05-01', '2017-05-10')],
  cpPlans: [cpPlan('P1', 'C1', '2016-06-01', null)],
  cpVisits: [visit('V2', 'C1', '2017-05-02'), visit('V1', 'C1', '2017-04-03')],
});

test('data start: the CIN census from its first collection year, a local event file from its first event', () => {
  assert.equal(dataStart(data, 'cp-plans'), '2017-04-01');
  assert.equal(dataStart(data, 'cp-visits'), '2017-04-03');
  assert.equal(dataStart(data, 'episodes'), null, 'no SSDA903 history loaded: no bound');
  assert.equal(dataStart(data, 'workers'), null, 'a reference file has none');
  const annexA = { ...data, annexASupplied: new Set(['cp-plans'] as const) };
  assert.equal(dataStart(annexA, 'cp-plans'), null, 'a table Annex A supplies has none');
});

test('a period ending the day before the data begin is not available; the quarter they begin in is computed', () => {
  const before = beforeData(data, ['cp-plans', 'cp-visits'], parsePeriod('2016-17-Q4'));
  assert.equal(before?.status, 'not-available');
  // The later of the two starts names the source the period lacks.
  assert.deepEqual(before?.notes, [
    { code: 'notAvailable', detail: 'loaded data begin 03/04/2017 (cp_visits.csv)' },
  ]);
  assert.equal(beforeData(data, ['cp-plans', 'cp-visits'], parsePeriod('2017-18-Q1')), null);
  assert.deepEqual(beforeData(data, ['assessments'], parsePeriod('2016-17-Q4'))?.notes, [
    { code: 'notAvailable', detail: 'loaded data begin 01/04/2017 (the CIN census)' },
  ]);
});

test('a trend quarter before the data is "not available", never 0%: CP visits due in 2016-17 with no visits loaded', () => {
  // Before the rule: the plan's visits due in Q4 2016-17 were all "missed" (0%), as no visit before April
  // 2017 is loaded.
  const q4 = run(cpVisits10wd, data, '2016-17-Q4', 'in-period');
  assert.equal(q4.status, 'not-available');
  assert.equal(q4.denominator, null);
  const q1 = run(cpVisits10wd, data, '2017-18-Q1', 'in-period');
  assert.equal(q1.status, 'ok');
  assert.ok((q1.denominator ?? 0) > 0);
  assert.equal(run(assessments45wd, data, '2016-17-Q4', 'in-period').status, 'not-available');
  assert.equal(run(assessments45wd, data, '2017-18-Q1', 'in-period').numerator, 1);
});
