import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAudit } from '../audit/audit-log.js';
import { createFakeServices } from '../testing/fake-services.js';
import { signIn, testApp } from '../testing/harness.js';
import { targetsFor } from '../targets/target-store.js';

const Q = 'la=841&period=2021-22-Q3';

test('an admin chooses the improvement-aware scheme: Red becomes Amber when significantly better than last year (report.md §4)', async () => {
  // 98.0% (490/500) now against 87.3% (439/503) in Q3 2020/21: significantly better.
  const services = createFakeServices({ figures: { 'referrals-decided-1wd': { x: 490, n: 500 } } });
  const { app, db } = await testApp(services);
  const admin = await signIn(app, 'admin');
  const form = await (await admin.get('/targets/referrals-decided-1wd?la=841&year=2021-22')).text();
  assert.match(form, /value="improvement-aware"/);
  const set = (scheme: string) =>
    admin.post('/targets/referrals-decided-1wd?la=841', {
      year: '2021-22',
      scheme,
      target: '100',
      tolerance: '1',
      toleranceUnit: 'points',
      kind: 'local',
      rationale: 'Every referral decided within a day',
    });
  const rag = async () =>
    (
      (await (await admin.get(`/api/indicators/referrals-decided-1wd?${Q}`)).json()) as {
        indicator: { rag: string };
      }
    ).indicator.rag;
  assert.equal((await set('target-tolerance')).status, 303);
  assert.equal(await rag(), 'red', '98.0% is 2 points short of 100% with a tolerance of 1');
  assert.equal((await set('improvement-aware')).status, 303);
  assert.equal(await rag(), 'amber', 'significantly better than last year');
  const stored = (await targetsFor(db, '841', '2021-22')).find(
    (t) => t.indicatorId === 'referrals-decided-1wd',
  );
  assert.equal(stored?.scheme, 'improvement-aware');
  const page = await (await admin.get('/targets?la=841&year=2021-22')).text();
  assert.match(page, /Target and tolerance, improvement-aware/);
  const [last] = (await readAudit(db, { action: 'target-change' })).entries;
  assert.equal(last?.detail['scheme'], 'improvement-aware');
  assert.equal(last?.detail['oldScheme'], 'target-tolerance');
});

test('an admin rates against explicit amber and red bounds (report.md §4 thresholds) and sets an in-line band', async () => {
  // 98.0% (490/500) against a target of 100%.
  const services = createFakeServices({ figures: { 'referrals-decided-1wd': { x: 490, n: 500 } } });
  const { app, db } = await testApp(services);
  const admin = await signIn(app, 'admin');
  const form = await (await admin.get('/targets/referrals-decided-1wd?la=841&year=2021-22')).text();
  assert.match(form, /value="thresholds"/);
  assert.match(form, /<label class="govuk-label" for="amber">/);
  assert.match(form, /<label class="govuk-label" for="inLine">/);
  const set = (fields: Record<string, string>) =>
    admin.post('/targets/referrals-decided-1wd?la=841', {
      year: '2021-22',
      scheme: 'thresholds',
      target: '100',
      tolerance: '',
      toleranceUnit: 'points',
      kind: 'local',
      amber: '',
      red: '',
      inLine: '',
      rationale: 'Green from 98% as the committee agreed',
      ...fields,
    });
  const indicator = async () =>
    (
      (await (await admin.get(`/api/indicators/referrals-decided-1wd?${Q}`)).json()) as {
        indicator: { rag: string; tolerance: number | null; bounds?: { amber: number; red: number } };
      }
    ).indicator;
  assert.equal((await set({ amber: '98', red: '90', inLine: '1' })).status, 303);
  assert.equal((await indicator()).rag, 'green', '98.0% is on the amber bound: Green');
  assert.deepEqual((await indicator()).bounds, { amber: 98, red: 90 });
  assert.equal((await set({ amber: '99', red: '98' })).status, 303);
  assert.equal((await indicator()).rag, 'amber', '98.0% is on the red bound: Amber');
  assert.equal((await set({ amber: '99.5', red: '98.5' })).status, 303);
  assert.equal((await indicator()).rag, 'red');
  const stored = (await targetsFor(db, '841', '2021-22')).find(
    (t) => t.indicatorId === 'referrals-decided-1wd',
  );
  assert.deepEqual(
    [stored?.scheme, stored?.bounds, stored?.tolerance],
    ['thresholds', { amber: 99.5, red: 98.5 }, null],
  );
  const page = await (await admin.get('/targets?la=841&year=2021-22')).text();
  assert.match(page, /Amber and red bounds/);
  assert.match(page, /Amber below 99.5%, Red below 98.5%/);
  const scorecard = await (await admin.get(`/scorecard?${Q}`)).text();
  assert.match(scorecard, /100% \(Amber below 99.5%, Red below 98.5%\)/);
  const [last] = (await readAudit(db, { action: 'target-change' })).entries;
  assert.deepEqual([last?.detail['amber'], last?.detail['red'], last?.detail['oldAmber']], [99.5, 98.5, 99]);

  // Refused, with the field named: bounds missing, in the wrong order, a tolerance beside them,
  // bounds without the scheme, a negative in-line band.
  const refused = async (fields: Record<string, string>, message: RegExp) => {
    const r = await set(fields);
    assert.equal(r.status, 400, JSON.stringify(fields));
    assert.match(await r.text(), message);
  };
  await refused({ amber: '95' }, /Enter the red bound/);
  await refused(
    { amber: '90', red: '95' },
    /The red bound must be at or below the amber bound, as good is higher/,
  );
  await refused({ amber: '95', red: '90', tolerance: '2' }, /Leave the tolerance empty/);
  await refused(
    { scheme: 'target-tolerance', amber: '95', red: '90' },
    /Leave the amber and red bounds empty/,
  );
  await refused(
    { amber: '95', red: '90', inLine: '-1' },
    /The in-line band must be a number of points, 0 or more/,
  );
});

test("an admin sets next year's targets at the year end, before its first quarter's figures; the page still opens on the newest year with figures", async () => {
  const { app, db } = await testApp();
  const admin = await signIn(app, 'admin');
  const page = await (await admin.get('/targets?la=841')).text();
  assert.match(page, /<option value="2022-23"\s*>2022\/23<\/option>/, 'next year is offered');
  assert.match(
    page,
    /<option value="2021-22" selected>2021\/22<\/option>/,
    'the newest year with figures is shown',
  );
  assert.match(page, /Targets for 2021\/22/);
  assert.equal((await admin.get('/targets/referrals-decided-1wd?la=841&year=2022-23')).status, 200);
  const set = await admin.post('/targets/referrals-decided-1wd?la=841', {
    year: '2022-23',
    scheme: 'target-tolerance',
    target: '95',
    tolerance: '2',
    toleranceUnit: 'points',
    kind: 'local',
    rationale: 'Agreed by committee for 2022/23',
  });
  assert.equal(set.status, 303);
  const stored = (await targetsFor(db, '841', '2022-23')).find(
    (t) => t.indicatorId === 'referrals-decided-1wd',
  );
  assert.equal(stored?.target, 95);
  assert.equal((await targetsFor(db, '841', '2021-22')).length, 0, "this year's targets are untouched");
  // Only the next year: not the one after it.
  assert.equal((await admin.get('/targets/referrals-decided-1wd?la=841&year=2023-24')).status, 404);
});
