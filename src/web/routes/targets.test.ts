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
