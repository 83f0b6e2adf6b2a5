/**
 * Least privilege on a hub (a store holding more than one LA): an account with no LA keeps the aggregate views
 * (scorecards, indicator figures, comparisons between LAs, published public reports), never child lists,
 * validation reports or exports with child rows, whatever its role (`auth/permissions.ts`, `can`). Links to
 * what it may not follow are not shown; the routes refuse with a 403 saying why. An account with an LA has
 * its role's rights within that LA only. A single-LA store (the laptop default) is unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAudit } from './audit/audit-log.js';
import { addUser } from './auth/users.js';
import { createFakeServices } from './testing/fake-services.js';
import { signIn, TEST_PASSWORD, TEST_SCRYPT, testApp } from './testing/harness.js';
import { testStores } from '../store/test-stores.js';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { enableLaIsolation } from '../hub/la-isolation.js';
import { createStoreServices } from './real-services.js';
import { CURRENT_FRESH_MS } from './current-versions.js';

const TWO_LAS = [
  { code: '841', name: 'Darlington' },
  { code: '840', name: 'County Durham' },
];
const ID = 'assessments-45wd';
const Q = 'la=841&period=2021-22-Q3';
const CHILDREN = `/indicators/${ID}/children?${Q}`;
const CHILD_LINK = /View the children behind this figure/;

/** A test app (one user per role in LA 841, from the harness) with accounts of no LA: `<role>-none`. */
async function appWith(las: readonly { code: string; name: string }[]) {
  const t = await testApp(createFakeServices({ las }));
  for (const role of ['analyst', 'manager', 'admin'])
    await addUser(
      t.db,
      { username: `${role}-none`, role, la: null, password: TEST_PASSWORD },
      new Date(),
      TEST_SCRYPT,
    );
  return t;
}

test('a manager with no LA on a 2-LA store: no child list, no link to one, a 403 saying why; nothing audited as viewed', async () => {
  const { app, db } = await appWith(TWO_LAS);
  const m = await signIn(app, 'manager-none');
  const indicator = await (await m.get(`/indicators/${ID}?${Q}`)).text();
  assert.doesNotMatch(indicator, CHILD_LINK, 'the link to the child list is shown');
  assert.doesNotMatch(indicator, /NOT FOR PUBLICATION/, 'the full figures are shown');
  const r = await m.get(CHILDREN);
  assert.equal(r.status, 403);
  const body = await r.text();
  assert.match(body, /You do not have permission to see this page/);
  assert.match(body, /not limited to one local authority/);
  assert.match(body, /comparisons between local authorities only/);
  assert.doesNotMatch(body, /C\d{5}/, 'a child id is on the page');
  for (const la of ['841', '840'])
    for (const path of [
      `/indicators/${ID}/children?la=${la}&period=2021-22-Q3`,
      `/indicators/${ID}/children.csv?la=${la}&period=2021-22-Q3`,
      `/data?la=${la}`,
      `/data/versions/${la}-v1?la=${la}`,
      `/reports/draft?la=${la}&period=2021-22-Q3&format=html&version=full`,
    ])
      assert.equal((await m.get(path)).status, 403, path);
  const api = await m.get(`/api/indicators/${ID}/members?${Q}`);
  assert.equal(api.status, 403);
  assert.match(((await api.json()) as { message: string }).message, /not limited to one local authority/);
  assert.equal((await readAudit(db, { action: 'child-level-view' })).total, 0);
  assert.equal((await readAudit(db, { action: 'child-level-export' })).total, 0);
});

test('an account with no LA on a 2-LA store keeps the aggregate views of every LA, in the public view, without links it may not follow', async () => {
  const { app } = await appWith(TWO_LAS);
  for (const role of ['analyst', 'manager', 'admin']) {
    const b = await signIn(app, `${role}-none`);
    for (const la of ['841', '840']) {
      const q = `la=${la}&period=2021-22-Q3`;
      const scorecard = await b.get(`/scorecard?${q}&view=full`);
      assert.equal(scorecard.status, 200, `${role} scorecard ${la}`);
      const html = await scorecard.text();
      assert.doesNotMatch(html, /href="\/data"/, `${role}: the Data link is shown`);
      assert.doesNotMatch(html, /NOT FOR PUBLICATION/, `${role}: full figures on the scorecard`);
      const ind = await b.get(`/indicators/${ID}?${q}&view=full`);
      assert.equal(ind.status, 200);
      assert.doesNotMatch(await ind.text(), CHILD_LINK);
      const api = (await (await b.get(`/api/scorecard?${q}&view=full`)).json()) as { visibility: string };
      assert.equal(api.visibility, 'public', `${role}: the API's full view`);
      const reports = await b.get(`/reports?la=${la}`);
      assert.equal(reports.status, 200);
      assert.doesNotMatch(await reports.text(), /action="\/reports\/(draft|publish)/, `${role}: drafts`);
    }
    assert.equal((await b.get('/targets?la=840')).status, 200, `${role}: targets are aggregate`);
  }
  // An admin with no LA sets no LA's target and publishes no LA's edition, but reads the audit log.
  const admin = await signIn(app, 'admin-none');
  const set = await admin.post(`/targets/${ID}?la=841`, { year: '2021-22', target: '1', rationale: 'x' });
  assert.equal(set.status, 403);
  assert.equal((await admin.post('/reports/publish?la=841', { period: '2021-22-Q3' })).status, 403);
  assert.equal((await admin.get('/audit')).status, 200);
  // A published edition: its public version, never its full (exempt) one.
  const pub = await (await signIn(app, 'admin')).post('/reports/publish?la=841', { period: '2021-22-Q3' });
  const edition = new URL(pub.headers.get('location')!, 'http://x').searchParams.get('published')!;
  const analyst = await signIn(app, 'analyst-none');
  const download = `/reports/${edition}/download?la=841&format=html&version=`;
  assert.equal((await analyst.get(`${download}public`)).status, 200);
  const full = await analyst.get(`${download}full`);
  assert.equal(full.status, 403);
  assert.match(await full.text(), /not limited to one local authority/);
});

test('a manager with an LA on a 2-LA store: their LA’s child list and its link; another LA’s refused', async () => {
  const { app, db } = await appWith(TWO_LAS);
  const m = await signIn(app, 'manager');
  assert.match(await (await m.get(`/indicators/${ID}?${Q}`)).text(), CHILD_LINK);
  assert.equal((await m.get(CHILDREN)).status, 200);
  assert.equal((await m.get(`/data/versions/841-v1?la=841`)).status, 200);
  assert.match(await (await m.get('/scorecard')).text(), /href="\/data"/);
  for (const path of [
    `/indicators/${ID}/children?la=840&period=2021-22-Q3`,
    `/indicators/${ID}/children.csv?la=840&period=2021-22-Q3`,
    `/api/indicators/${ID}/members?la=840&period=2021-22-Q3`,
    '/data/versions/840-v1?la=840',
  ]) {
    const r = await m.get(path);
    assert.ok(r.status === 403 || r.status === 404, `${path}: ${r.status}`);
  }
  const views = (await readAudit(db, { action: 'child-level-view' })).entries;
  assert.deepEqual(
    views.map((e) => [e.la, e.detail['indicator']]),
    [['841', ID]],
    'the child list of 841 was viewed, nothing of 840',
  );
});

test('a single-LA store is unchanged: a manager with no LA is that LA’s manager', async () => {
  const { app } = await appWith([{ code: '841', name: 'Darlington' }]);
  const m = await signIn(app, 'manager-none');
  const indicator = await (await m.get(`/indicators/${ID}?${Q}`)).text();
  assert.match(indicator, CHILD_LINK);
  assert.match(indicator, /NOT FOR PUBLICATION/);
  assert.equal((await m.get(CHILDREN)).status, 200);
  assert.equal((await m.get(`/indicators/${ID}/children.csv?${Q}`)).status, 200);
  assert.equal((await m.get('/data/versions/841-v1')).status, 200);
  assert.match(await (await m.get('/scorecard')).text(), /href="\/data"/);
});

// The same on the real services over each store, a PostgreSQL hub with its isolation between LAs set up
// (`cspi hub init`) included: the store's LA count is the LAs with a dataset version.
for (const store of testStores()) {
  test(
    `on a store of two LAs (${store.name}), the LA count is the real one: no LA, no child list`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        await importSmallLa(db, '841', 3);
        const services = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z') });
        const { app } = await testApp(services, db);
        await addUser(
          db,
          { username: 'manager-none', role: 'manager', la: null, password: TEST_PASSWORD },
          new Date(),
          TEST_SCRYPT,
        );
        const path = '/indicators/cic-count/children?la=841&period=2021-22-Q3';
        const m = await signIn(app, 'manager-none');
        assert.equal((await m.get(path)).status, 200, 'one LA: the store’s manager');
        await importSmallLa(db, '805', 5);
        if (store.name === 'postgres') await enableLaIsolation(db);
        // The current versions are read again after CURRENT_FRESH_MS (1 s) at most.
        await new Promise((r) => setTimeout(r, CURRENT_FRESH_MS + 50));
        assert.equal((await m.get(path)).status, 403, 'two LAs: comparisons only');
        const other = await m.get('/indicators/cic-count?la=805&period=2021-22-Q3');
        assert.equal(other.status, 200, 'the figures of every LA');
        assert.doesNotMatch(await other.text(), CHILD_LINK);
        const own = await signIn(app, 'manager');
        assert.equal((await own.get(path)).status, 200, 'the manager of 841');
        assert.equal((await own.get(path.replace('841', '805'))).status, 403, 'not of 805');
      } finally {
        await cleanup();
      }
    },
  );
}
