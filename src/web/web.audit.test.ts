/**
 * Audit of the dashboard against report.md §9 (and §1, §6) for children's personal data and role-based access:
 * least privilege, every child-level view audited, no child-level data where a role may not see it, one LA's
 * users never reading another LA's data, sessions and sign-in. Real HTTP requests through the app.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAudit } from './audit/audit-log.js';
import { loadEdition } from '../report/edition/edition-store.js';
import { addUser } from './auth/users.js';
import type { WebServices } from './services.js';
import { createFakeServices } from './testing/fake-services.js';
import { signIn, TEST_PASSWORD, TEST_SCRYPT, testApp } from './testing/harness.js';
import type { ValidationIssue } from '../validate/issue.js';
import { pseudonym } from './routes/indicator.js';
import { createApp } from './app.js';
import { memoryDatabase } from './testing/sqlite-memory.js';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { saveIndicatorReport } from '../hub/indicator-results.js';
import { directionOfTravel } from '../indicators/engine/direction.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';

const Q = 'la=841&period=2021-22-Q3';
const TWO_LAS = [
  { code: '841', name: 'Darlington' },
  { code: '840', name: 'County Durham' },
];

/** A test app holding two LAs, with one user per role in 841 (the harness) and a manager and admin in 840. */
async function twoLaApp(services: WebServices = createFakeServices({ las: TWO_LAS })) {
  const t = await testApp(services);
  for (const role of ['manager', 'admin'])
    await addUser(
      t.db,
      { username: `${role}-840`, role, la: '840', password: TEST_PASSWORD },
      new Date(),
      TEST_SCRYPT,
    );
  return t;
}

/** A validation issue naming a child, as the SSDA903 DOB rule writes it (child id and two dates of birth). */
const DOB_ISSUE: ValidationIssue = {
  code: '903-DOB-DIFF',
  severity: 'warning',
  file: 'episodes.csv',
  table: 'episodes',
  position: 'line 4',
  childId: 'C77123',
  field: 'DOB',
  value: '2010-04-03',
  dfeRule: null,
  message: "DOB 03/04/2010 differs from child C77123's Header DOB 02/04/2010; the Header DOB is used",
};

/** A GEN rule issue quoting a UPN and a postcode the LA typed into the extract. */
const UPN_ISSUE: ValidationIssue = {
  code: 'GEN-UPN',
  severity: 'warning',
  file: 'header.csv',
  table: 'header',
  position: 'line 9',
  childId: 'C77124',
  field: 'UPN',
  value: 'A12345678901B',
  dfeRule: null,
  message:
    "header.csv line 9: UPN 'A12345678901B' is not a valid UPN (home postcode DL1 5QT); it is left blank.",
};

/** Fake services whose dataset validation report (and any refused upload) names children. */
function servicesWithChildIssues(): WebServices {
  const base = createFakeServices({ las: TWO_LAS });
  return {
    ...base,
    async validationIssues(la, datasetId) {
      return (await base.validationIssues(la, datasetId)) ? [DOB_ISSUE, UPN_ISSUE] : null;
    },
    async importFiles() {
      return { refused: true, datasetId: null, counts: [], issues: [DOB_ISSUE, UPN_ISSUE] };
    },
  };
}

test('§9 data page: an analyst (pseudonymised role) is not shown child ids, dates of birth, UPNs or postcodes inside validation messages', async () => {
  const { app } = await twoLaApp(servicesWithChildIssues());
  const analyst = await signIn(app, 'analyst');
  const r = await analyst.get('/data/versions/841-v1?la=841');
  assert.equal(r.status, 200);
  const html = await r.text();
  for (const secret of ['C77123', 'C77124', '03/04/2010', '02/04/2010', 'A12345678901B', 'DL1 5QT'])
    assert.ok(!html.includes(secret), `the analyst's data page shows ${secret}`);
  // The message still says what to fix, with the child's pseudonym (as in the analyst's child-level lists).
  assert.ok(html.includes(pseudonym(Buffer.alloc(32, 7), '841', 'C77123')), 'the pseudonym stands in');
  assert.match(html, /differs from child P-[0-9A-F]{10}&#39;s Header DOB/);
  // Every row about a child carries the pseudonym in its Child column, whether or not its message names
  // the child, so the analyst can find the child in their lists.
  assert.match(html, /<th[^>]*>Child \(pseudonym\)<\/th>/);
  const cells = [...html.matchAll(/<td class="govuk-table__cell app-mono">([^<]*)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(
    cells.filter((c) => c!.startsWith('P-')),
    [pseudonym(Buffer.alloc(32, 7), '841', 'C77123'), pseudonym(Buffer.alloc(32, 7), '841', 'C77124')],
  );
});

/** Uploads a small episodes.csv to LA 841's data page as a signed-in user. */
function uploadCsv(app: Awaited<ReturnType<typeof testApp>>['app'], user: { cookie: string; csrf: string }) {
  const form = new FormData();
  form.set('_csrf', user.csrf);
  form.set('files', new File(['a,b\n1,2\n'], 'episodes.csv', { type: 'text/csv' }));
  return app.request('/data/upload?la=841', { method: 'POST', headers: { cookie: user.cookie }, body: form });
}

test('§9 upload: the validation report of a refused upload is redacted for an analyst as on the data page', async () => {
  const { app } = await twoLaApp(servicesWithChildIssues());
  const analyst = await signIn(app, 'analyst');
  const r = await uploadCsv(app, analyst);
  assert.equal(r.status, 422);
  const html = await r.text();
  for (const secret of ['C77123', '03/04/2010', 'A12345678901B', 'DL1 5QT'])
    assert.ok(!html.includes(secret), `the analyst's upload result shows ${secret}`);
});

test('§9 no child-level data in the server log: an unexpected error is logged by its kind and frames, not its message', async (t) => {
  // V8's JSON.parse error quotes the text it failed on; a driver's error can quote a row's values.
  const failing = (): never => JSON.parse('["C77123",x]') as never;
  const base = createFakeServices();
  const services: WebServices = {
    ...base,
    scorecard: async () => failing(),
    importFiles: async () => failing(),
  };
  const { app } = await testApp(services);
  const logged = t.mock.method(console, 'error', () => {});
  const manager = await signIn(app, 'manager');
  logged.mock.resetCalls(); // signing in lands on the scorecard
  assert.equal((await manager.get(`/scorecard?${Q}`)).status, 500);
  const upload = await uploadCsv(app, manager);
  assert.equal(upload.status, 422);
  const lines = logged.mock.calls.map((c) => String(c.arguments[0]));
  assert.equal(lines.length, 2, lines.join('\n'));
  assert.match(lines[0]!, /^S-INTERNAL GET \/scorecard: SyntaxError at JSON\.parse .* \| at failing \(/);
  assert.match(lines[1]!, /^S-INTERNAL upload: SyntaxError at JSON\.parse .* \| at failing \(/);
  for (const line of lines) {
    assert.match(line, /message withheld: set CSPI_DEBUG=1/);
    assert.ok(!line.includes('C77123'), line);
  }
});

test('§9 data page: a manager seeing child ids in a validation report is a child-level view, audited with who, LA, dataset version and rows', async () => {
  const { app, db } = await twoLaApp(servicesWithChildIssues());
  const manager = await signIn(app, 'manager');
  const html = await (await manager.get('/data/versions/841-v1?la=841')).text();
  assert.ok(html.includes('C77123'), 'identifiable roles see the child');
  const views = (await readAudit(db, { action: 'child-level-view' })).entries;
  assert.equal(views.length, 1, 'the validation report naming children is audited');
  const [v] = views;
  assert.equal(v!.actor, 'manager');
  assert.equal(v!.la, '841');
  assert.equal(v!.detail['datasetVersion'], '841-v1');
  assert.equal(v!.detail['list'], 'validation');
  assert.equal(v!.detail['rows'], 2, 'two issues name a child');
  assert.equal(v!.detail['identifiable'], true);
});

// Reading taken (report.md §9, data.ts `auditIssueView`): the analyst's redacted report is a pseudonymised
// child-level view, as the analyst's child list is, and audited as one. It was not audited at all: the
// analyst's report lists the same children, one row each, by the pseudonym of their child lists and the line
// of each child's record in the extract.
test('§9 data page and upload result: an analyst shown a validation report about children (pseudonymised) is audited as a pseudonymised child-level view, with no child id or pseudonym in the entry', async () => {
  const { app, db } = await twoLaApp(servicesWithChildIssues());
  const analyst = await signIn(app, 'analyst');
  assert.equal((await analyst.get('/data/versions/841-v1?la=841')).status, 200);
  assert.equal((await uploadCsv(app, analyst)).status, 422);
  const views = (await readAudit(db, { action: 'child-level-view' })).entries.reverse();
  assert.deepEqual(
    views.map((e) => [e.actor, e.la, e.detail]),
    [
      [
        'analyst',
        '841',
        {
          indicator: null,
          period: null,
          datasetVersion: '841-v1',
          rows: 2,
          list: 'validation',
          identifiable: false,
        },
      ],
      // The refused upload made no dataset version; its data-upload entry says which files.
      [
        'analyst',
        '841',
        {
          indicator: null,
          period: null,
          datasetVersion: null,
          rows: 2,
          list: 'validation',
          identifiable: false,
        },
      ],
    ],
  );
  const key = Buffer.alloc(32, 7);
  for (const secret of ['C77123', 'C77124', pseudonym(key, '841', 'C77123'), pseudonym(key, '841', 'C77124')])
    assert.ok(!JSON.stringify(views).includes(secret), `the entry holds ${secret}`);
  // A HEAD request shows no rows: not a view.
  const head = await app.request('/data/versions/841-v1?la=841', {
    method: 'HEAD',
    headers: { cookie: analyst.cookie },
  });
  assert.equal(head.status, 200);
  assert.equal((await readAudit(db, { action: 'child-level-view' })).total, 2);
});

test('§1/§9 the audit log: an admin limited to one LA reads only that LA’s entries', async () => {
  const { app, db } = await twoLaApp();
  await assert.rejects(signIn(app, 'analyst', 'not the password'), /401/);
  const other = await signIn(app, 'manager-840');
  assert.equal(
    (await other.get('/indicators/assessments-45wd/children?la=840&period=2021-22-Q3')).status,
    200,
  );
  assert.equal((await readAudit(db, { action: 'child-level-view' })).entries[0]!.la, '840');
  const admin = await signIn(app, 'admin');
  const html = await (await admin.get('/audit')).text();
  assert.ok(
    !html.includes('manager-840'),
    "LA 841's admin reads who in LA 840 signed in and viewed children",
  );
  assert.ok(!html.includes('assessments-45wd'), "LA 841's admin reads LA 840's child-level views");
  assert.ok(html.includes('Signed in'), 'their own LA’s entries are listed');
  assert.ok(html.includes('Sign-in failed'), 'with failed sign-ins to their LA’s accounts');
  const filtered = await (await admin.get('/audit?actor=manager-840')).text();
  assert.ok(!filtered.includes('manager-840</'), 'not by filtering on the other LA’s user either');
  // The other LA's admin sees its own LA's view; a hub admin (no LA) sees every LA.
  const admin840 = await signIn(app, 'admin-840');
  assert.ok((await (await admin840.get('/audit')).text()).includes('assessments-45wd'));
  await addUser(
    db,
    { username: 'hub-admin', role: 'admin', la: null, password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  const hub = await signIn(app, 'hub-admin');
  assert.ok((await (await hub.get('/audit')).text()).includes('manager-840'));
});

test('§9 another LA by URL, query parameter or API: every route refuses a user of LA 841 asking for LA 840, and nothing is audited as viewed', async () => {
  const { app, db } = await twoLaApp();
  const admin840 = await signIn(app, 'admin-840');
  const pub = await admin840.post('/reports/publish?la=840', { period: '2021-22-Q3' });
  assert.equal(pub.status, 303);
  const edition = new URL(pub.headers.get('location')!, 'http://x').searchParams.get('published')!;
  const other = 'la=840&period=2021-22-Q3';
  const gets = [
    `/scorecard?${other}`,
    `/indicators/assessments-45wd?${other}`,
    `/indicators/assessments-45wd/children?${other}`,
    `/indicators/assessments-45wd/children.csv?${other}`,
    `/api/scorecard?${other}`,
    `/api/indicators/assessments-45wd?${other}`,
    `/api/indicators/assessments-45wd/members?${other}`,
    '/data?la=840',
    '/data/versions/840-v1?la=840',
    '/targets?la=840',
    '/targets/assessments-45wd?la=840&year=2021-22',
    '/reports?la=840',
    `/reports/draft?${other}&format=html&version=full`,
    `/reports/${edition}/download?la=840&format=html&version=full`,
  ];
  for (const role of ['member', 'analyst', 'manager', 'admin']) {
    const b = await signIn(app, role);
    for (const path of gets) {
      const r = await b.get(path);
      const body = await r.text();
      assert.ok(r.status === 403 || r.status === 404, `${role} ${path}: ${r.status}`);
      assert.ok(!body.includes('County Durham'), `${role} ${path} names the other LA's data`);
    }
    // Without ?la= a route is about the user's own LA: the other LA's ids find nothing.
    assert.equal((await b.get('/data/versions/840-v1')).status, role === 'member' ? 403 : 404);
    assert.equal((await b.get(`/reports/${edition}/download?format=html&version=public`)).status, 404);
    for (const [path, form] of [
      ['/targets/assessments-45wd?la=840', { year: '2021-22', target: '1', rationale: 'hostile change' }],
      ['/reports/publish?la=840', { period: '2021-22-Q3' }],
    ] as const) {
      const r = await b.post(path, form);
      assert.ok(r.status === 403 || r.status === 404, `${role} POST ${path}: ${r.status}`);
    }
  }
  assert.equal((await readAudit(db, { action: 'child-level-view' })).total, 0);
  assert.equal((await readAudit(db, { action: 'child-level-export' })).total, 0);
  assert.equal((await readAudit(db, { action: 'target-change' })).total, 0);
});

test('§9 members (councillors) see only public values on every page and API, whatever they ask for', async () => {
  const services = createFakeServices({ figures: { 'cic-count': { x: 3, n: null } } });
  const { app } = await testApp(services);
  const member = await signIn(app, 'member');
  const api = (await (await member.get(`/api/scorecard?${Q}&view=full`)).json()) as {
    visibility: string;
    indicators: { id: string; value: number | null; numerator: number | null }[];
  };
  assert.equal(api.visibility, 'public');
  const cic = api.indicators.find((i) => i.id === 'cic-count')!;
  assert.equal(cic.value, null, 'a count of 3 is withheld from members');
  const one = (await (await member.get(`/api/indicators/cic-count?${Q}&view=full`)).json()) as {
    visibility: string;
    indicator: { value: number | null; trend: unknown[] };
  };
  assert.equal(one.visibility, 'public');
  assert.equal(one.indicator.value, null);
  const page = await (await member.get(`/indicators/cic-count?${Q}&view=full`)).text();
  assert.doesNotMatch(page, /NOT FOR PUBLICATION/);
  assert.doesNotMatch(page, /children behind this figure/i);
  for (const p of ['/reports/draft?la=841&period=2021-22-Q3&version=public', '/data', '/targets', '/audit'])
    assert.equal((await member.get(p)).status, 403, p);
});

test('§9 cached pages and API bodies are never served across roles: a member after an analyst gets the public view', async () => {
  const services = createFakeServices({ figures: { 'cic-count': { x: 3, n: null } } });
  const { app } = await testApp(services);
  const analyst = await signIn(app, 'analyst');
  const member = await signIn(app, 'member');
  const full = await (await analyst.get(`/indicators/cic-count?${Q}`)).text();
  assert.match(full, /NOT FOR PUBLICATION/);
  await analyst.get(`/scorecard?${Q}`);
  await analyst.get(`/api/scorecard?${Q}`);
  assert.doesNotMatch(await (await member.get(`/indicators/cic-count?${Q}`)).text(), /NOT FOR PUBLICATION/);
  assert.doesNotMatch(await (await member.get(`/scorecard?${Q}`)).text(), /NOT FOR PUBLICATION/);
  const api = (await (await member.get(`/api/scorecard?${Q}`)).json()) as { visibility: string };
  assert.equal(api.visibility, 'public');
  // And the analyst's cached page carries the analyst's own CSRF token, not the member's.
  const again = await (await analyst.get(`/indicators/cic-count?${Q}`)).text();
  assert.ok(again.includes(analyst.csrf));
  assert.ok(!again.includes(member.csrf));
});

test('§9 export: the child-level list as JSON from the API is an export, needing child-level:export, and is audited as one', async () => {
  const { app, db } = await testApp();
  const analyst = await signIn(app, 'analyst');
  const r = await analyst.get(`/api/indicators/assessments-45wd/members?${Q}`);
  assert.equal(r.status, 403, 'an analyst may view the list on its page but not download it');
  assert.equal((await readAudit(db)).entries.filter((e) => e.action.startsWith('child-level')).length, 0);
  const manager = await signIn(app, 'manager');
  const ok = await manager.get(`/api/indicators/assessments-45wd/members?${Q}`);
  assert.equal(ok.status, 200);
  const body = (await ok.json()) as { members: unknown[] };
  const exports = (await readAudit(db, { action: 'child-level-export' })).entries;
  assert.equal(exports.length, 1);
  assert.equal(exports[0]!.detail['list'], 'all');
  assert.equal(exports[0]!.detail['format'], 'json');
  assert.equal(exports[0]!.detail['rows'], body.members.length);
  assert.equal(exports[0]!.detail['datasetVersion'], '841-v1');
});

test('sessions: HttpOnly, SameSite=Strict cookie; Secure and __Host- behind https; signing out ends the session server-side', async () => {
  const { app } = await testApp();
  const first = await app.request('/sign-in');
  const cookie = first.headers.get('set-cookie')!;
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Strict/i);
  const secure = createApp({
    db: await memoryDatabase(),
    services: createFakeServices(),
    secureCookies: true,
    scryptParams: TEST_SCRYPT,
  });
  const https = (await secure.request('/sign-in')).headers.get('set-cookie')!;
  assert.match(https, /^__Host-cspi-session=/);
  assert.match(https, /; Secure/i);
  assert.match(https, /Path=\//);
  assert.doesNotMatch(https, /Domain=/i);
  const b = await signIn(app, 'analyst');
  assert.equal((await b.post('/sign-out', {})).status, 303);
  const after = await b.get('/scorecard');
  assert.equal(after.status, 303, 'the old cookie no longer signs in');
});

test('sign-in throttling: failed attempts in flight at once count against the limit (5 per user)', async () => {
  const { app } = await testApp();
  const first = await app.request('/sign-in');
  const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1]!;
  const attempt = () =>
    app.request('/sign-in', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username: 'analyst', password: 'wrong password here' }),
    });
  const statuses = (await Promise.all(Array.from({ length: 12 }, attempt))).map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 401).length, 5, `statuses: ${statuses.join(',')}`);
  assert.equal(statuses.filter((s) => s === 429).length, 7);
});

test('sign-in throttling: successful sign-ins are not counted against their address (30 failures per address)', async () => {
  const { app } = await testApp();
  for (let i = 0; i < 31; i++) await signIn(app, i % 2 ? 'analyst' : 'manager');
});

test("§6/§9 hub benchmarks never disclose another LA's figure: a statistical-neighbour group of one other LA shows no 'mean' (the hub sharing rule: at least 3 other LAs)", async () => {
  const db = await memoryDatabase();
  await addUser(
    db,
    { username: 'analyst', role: 'analyst', la: '841', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  const app = createApp({
    db,
    services: createFakeServices({ figures: { 'cic-missing': { x: 14, n: null } } }),
    groups: { 'region:North East': ['841', '840'], 'statistical-neighbours': ['840'] },
    scryptParams: TEST_SCRYPT,
  });
  const other = createFakeServices({ las: [{ code: '840', name: 'County Durham' }] });
  await importSmallLa(db, '840', 3);
  const id = (await db.get<{ id: string }>('SELECT id FROM dataset_versions WHERE la = ?', ['840']))!.id;
  const r = (await other.scorecard('840', '2021-22-Q3', null))!;
  await saveIndicatorReport(db, { ...r, dataset: { ...r.dataset, id } }, '2022-02-01T00:00:00Z');
  await db.run("UPDATE indicator_results SET value = 3 WHERE la = '840' AND indicator_id = 'cic-missing'");
  const b = await signIn(app, 'analyst');
  const page = (await (await b.get(`/indicators/cic-missing?${Q}`)).text()).replace(/\s+/g, ' ');
  assert.match(page, /Compared with other local authorities/);
  assert.doesNotMatch(
    page,
    /Statistical neighbours \(1 LAs\): mean \(Q3 2021\/22\) <\/dt> <dd[^>]*> 3 </,
    "LA 840's count of 3 children is shown to LA 841",
  );
  const notShown = '<dd[^>]*> Not shown: fewer than 3 other local authorities </dd>';
  assert.match(
    page,
    new RegExp(`Statistical neighbours \\(1 LAs\\): mean \\(Q3 2021/22\\) </dt> ${notShown}`),
  );
  // Nor the mean of all LAs loaded of 841 and 840, which with 841's own 14 gives 840's 3.
  assert.match(page, new RegExp(`All LAs loaded \\(2\\): mean </dt> ${notShown}`));
  assert.doesNotMatch(page, /> 8\.5 </);
});

test('behind a trusted proxy the client address is the one the proxy added (the last X-Forwarded-For entry): a client cannot choose its own, to dodge the per-address limit or to write another address into the audit log', async () => {
  const db = await memoryDatabase();
  const app = createApp({ db, services: createFakeServices(), trustProxy: true, scryptParams: TEST_SCRYPT });
  const first = await app.request('/sign-in');
  const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1]!;
  const attempt = (i: number) =>
    app.request('/sign-in', {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        // What the client sent, then what the proxy appended: the client's real address.
        'x-forwarded-for': `10.9.${i}.1, 203.0.113.7`,
      },
      body: new URLSearchParams({ _csrf: csrf, username: `nobody${i}`, password: 'wrong password here' }),
    });
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await attempt(i)).status);
  assert.deepEqual(statuses.slice(0, 30), Array(30).fill(401));
  assert.equal(statuses[30], 429, '30 failures from one address, whatever it claims');
  const ips = new Set((await readAudit(db, { action: 'sign-in-failed' })).entries.map((e) => e.ip));
  assert.deepEqual([...ips], ['203.0.113.7']);
});

test('§9 scorecard: the comparator can be chosen; the direction column names it and each row travels against it', async () => {
  const services = createFakeServices();
  const { app } = await testApp(services);
  const b = await signIn(app, 'analyst');
  const rowOf = (html: string, id: string) =>
    new RegExp(`href="/indicators/${id}\\?[^"]*"[\\s\\S]*?</tr>`).exec(html)![0];
  const usual = await (await b.get(`/scorecard?${Q}`)).text();
  // The catalogue's comparators: re-referrals against the previous quarter, assessments against last year.
  assert.match(rowOf(usual, 'referrals-rereferral-12m'), /vs Q2 2021\/22/);
  assert.match(rowOf(usual, 'assessments-45wd'), /vs Q3 2020\/21/);
  assert.match(usual, /<option value="last-year"/);
  const lastYear = await (await b.get(`/scorecard?${Q}&comparator=last-year`)).text();
  assert.match(lastYear, /Direction of travel \(vs same period last year\)/);
  assert.match(rowOf(lastYear, 'referrals-rereferral-12m'), /vs Q3 2020\/21/);
  assert.match(rowOf(lastYear, 'assessments-45wd'), /vs Q3 2020\/21/);
  assert.match(lastYear, /<option value="last-year" selected/);
  // The judgement is the engine's rule against the chosen figure.
  const report = (await services.scorecard('841', '2021-22-Q3', null))!;
  const r = report.indicators.find((x) => x.id === 'referrals-rereferral-12m')!;
  const word = {
    improved: 'Improved',
    worsened: 'Worsened',
    'no-significant-change': 'No significant change',
    'no-change': 'No change',
    up: 'Up',
    down: 'Down',
  }[directionOfTravel(r.unit, r.polarity, r.lastYear, r)!];
  assert.match(rowOf(lastYear, 'referrals-rereferral-12m'), new RegExp(`</span> ${word}</span>`));
  const previous = await (await b.get(`/scorecard?${Q}&comparator=previous`)).text();
  assert.match(previous, /Direction of travel \(vs previous quarter\)/);
  assert.match(rowOf(previous, 'assessments-45wd'), /vs Q2 2021\/22/);
});

test('§9 data page: two dataset versions of the LA compared, rows loaded and rejected by table and issues, with the change; another LA’s version cannot be compared', async () => {
  const base = createFakeServices({ las: TWO_LAS });
  const v1 = (await base.datasets('841'))[0]!;
  const v2 = {
    ...v1,
    id: '841-v2',
    createdAt: '2022-04-14T09:30:00.000Z',
    counts: [
      { ...v1.counts[0]!, file: 'cin-2022.xml', read: 1600, loaded: 1590, rejected: 10 },
      { ...v1.counts[1]!, read: 900, loaded: 900 },
    ],
    issueCounts: { error: 10, warning: 9, query: 3 },
  };
  const services: WebServices = {
    ...base,
    async datasets(la) {
      return la === '841' ? [v2, { ...v1, current: false }] : base.datasets(la);
    },
    async validationIssues(la, id) {
      return la === '841' && (id === '841-v1' || id === '841-v2') ? [] : base.validationIssues(la, id);
    },
  };
  const { app } = await twoLaApp(services);
  const analyst = await signIn(app, 'analyst');
  const plain = await (await analyst.get('/data/versions/841-v2?la=841')).text();
  assert.match(plain, /<option value="841-v1"/, 'the other versions are offered for comparison');
  const r = await analyst.get('/data/versions/841-v2?la=841&compare=841-v1');
  assert.equal(r.status, 200);
  const html = (await r.text()).replace(/\s+/g, ' ').replace(/> </g, '><');
  const section = /Compared with version 841-v1[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  const cells = (...xs: string[]) => new RegExp(xs.map((x) => `>${x}</t[hd]>`).join('<td[^>]*'));
  // referrals: 1,590 loaded now, 1,473 then (+117); rejected 10 and 7 (+3). episodes: 900 and 904 (−4).
  assert.match(section, cells('referrals', '1,590', '1,473', '\\+117', '10', '7', '\\+3'));
  assert.match(section, cells('episodes', '900', '904', '−4', '0', '0', '0'));
  assert.match(html, cells('Errors', '10', '7', '\\+3'));
  assert.equal((await analyst.get('/data/versions/841-v2?la=841&compare=840-v1')).status, 404);
});

/** Fake services whose assessments-45wd result has a team breakdown in which every cell passes. */
function servicesWithTeams(variants: Record<string, string | number | boolean> = {}): WebServices {
  const base = createFakeServices({
    figures: { 'assessments-45wd': { x: 160, n: 200 } },
    settings: { ...DEFAULT_SETTINGS, variants },
  });
  return {
    ...base,
    async scorecard(la, period, targets) {
      const r = await base.scorecard(la, period, targets);
      if (!r) return r;
      const team = [
        { key: 'north', label: 'North Team', numerator: 80, denominator: 100, value: 80 },
        { key: 'south', label: 'South Team', numerator: 80, denominator: 100, value: 80 },
      ];
      return {
        ...r,
        indicators: r.indicators.map((i) =>
          i.id === 'assessments-45wd' ? { ...i, breakdowns: { ...i.breakdowns, team } } : i,
        ),
      };
    },
  };
}

test('§6/§9 team breakdowns appear in the public view only when the setting (suppression.teams) is on and every cell passes; officers see them in full', async () => {
  const off = await testApp(servicesWithTeams());
  const member = await signIn(off.app, 'member');
  const page = await (await member.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(page, /By sex/, 'other breakdowns are public');
  assert.doesNotMatch(page, /North Team/, 'team breakdown without the setting');
  const api = (await (await member.get(`/api/indicators/assessments-45wd?${Q}`)).json()) as {
    indicator: { breakdowns: Record<string, unknown> };
  };
  assert.deepEqual(Object.keys(api.indicator.breakdowns), ['sex']);
  const analyst = await signIn(off.app, 'analyst');
  assert.match(await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text(), /North Team/);
  assert.doesNotMatch(
    await (await analyst.get(`/indicators/assessments-45wd?${Q}&view=public`)).text(),
    /North Team/,
  );
  const on = await testApp(servicesWithTeams({ 'suppression.teams': true }));
  const m2 = await signIn(on.app, 'member');
  assert.match(await (await m2.get(`/indicators/assessments-45wd?${Q}`)).text(), /North Team/);
  const api2 = (await (await m2.get(`/api/indicators/assessments-45wd?${Q}`)).json()) as {
    indicator: { breakdowns: Record<string, unknown> };
  };
  assert.deepEqual(Object.keys(api2.indicator.breakdowns).sort(), ['sex', 'team']);
});

test('§9 data page: each validation issue shows which figures it affects (the indicators reading its table)', async () => {
  const issue = (over: Partial<ValidationIssue>): ValidationIssue => ({
    ...DOB_ISSUE,
    childId: null,
    field: 'X',
    value: null,
    message: `message of ${over.code}`,
    ...over,
  });
  const base = createFakeServices();
  const services: WebServices = {
    ...base,
    async validationIssues() {
      return [
        issue({ code: 'T-EPISODES', table: 'Episodes', severity: 'error' }),
        issue({ code: 'T-CIN', table: 'CINdetails', severity: 'warning' }),
        issue({ code: 'T-DATASET', table: null, severity: 'query' }),
      ];
    },
  };
  const { app } = await testApp(services);
  const analyst = await signIn(app, 'analyst');
  const html = (await (await analyst.get('/data/versions/841-v1?la=841')).text()).replace(/\s+/g, ' ');
  assert.match(html, /Figures affected/);
  const row = (code: string) => new RegExp(`${code}[\\s\\S]*?</tr>`).exec(html)![0];
  const reading = (t: string) =>
    base
      .catalogue()
      .filter((i) => i.sources.includes(t as never))
      .map((i) =>
        i.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;'),
      );
  const cic = reading('episodes');
  const frontDoor = reading('cin-details');
  assert.ok(cic.length > 0 && frontDoor.length > 0);
  for (const t of cic) assert.ok(row('T-EPISODES').includes(t), `episodes issue affects ${t}`);
  for (const t of frontDoor) assert.ok(!row('T-EPISODES').includes(t), `episodes issue does not affect ${t}`);
  for (const t of frontDoor) assert.ok(row('T-CIN').includes(t), `CIN details issue affects ${t}`);
  assert.match(row('T-DATASET'), /–/);
});

test('§9 reports page: officers edit the commentary of a draft; drafts and editions carry it, and the indicator page shows its history', async () => {
  // report.md §1 (officers draft the commentary), §5 "Editing" (who, when, why kept), §8 (an edition
  // freezes the commentary and its history), §9 (reports page: draft, edit, preview, publish).
  const { app, db } = await testApp();
  const analyst = await signIn(app, 'analyst');
  const form = await analyst.get('/reports/commentary/assessments-45wd?la=841&period=2021-22-Q3');
  assert.equal(form.status, 200);
  const formHtml = await form.text();
  assert.match(formHtml, /<label class="govuk-label govuk-label--m" for="text">\s*Officer commentary/);
  assert.match(formHtml, /name="_csrf" value="[^"]+"/);
  const saved = await analyst.post('/reports/commentary/assessments-45wd?la=841', {
    period: '2021-22-Q3',
    text: 'Two posts recruited; recovery expected by March.',
    scorecard: 'Recovery plan in place',
  });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `/indicators/assessments-45wd?${Q}#commentary`);
  const draft = await (
    await analyst.get('/reports/draft?la=841&period=2021-22-Q3&format=html&version=full')
  ).text();
  assert.match(draft, /Officer commentary:<\/strong> Two posts recruited; recovery expected by March\./);
  assert.match(draft, /Recovery plan in place/, 'the scorecard column carries the short text');
  const page = await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(page, /Commentary history/);
  assert.match(page, /Written by analyst, /);
  assert.match(page, /Two posts recruited; recovery expected by March\./);

  const audit = await readAudit(db, { action: 'commentary-edit' });
  assert.equal(audit.entries.length, 1);
  assert.equal(audit.entries[0]!.actor, 'analyst');
  assert.equal(audit.entries[0]!.la, '841');
  assert.equal(audit.entries[0]!.detail['indicator'], 'assessments-45wd');
  assert.equal(audit.entries[0]!.detail['period'], '2021-22-Q3');

  // Published from the dashboard, the edition carries the text and freezes its history.
  const admin = await signIn(app, 'admin');
  const published = await admin.post('/reports/publish?la=841', { period: '2021-22-Q3' });
  assert.equal(published.status, 303);
  const id = new URL(published.headers.get('location')!, 'http://x').searchParams.get('published')!;
  const edition = await (await admin.get(`/reports/${id}/download?la=841&format=html&version=full`)).text();
  assert.match(edition, /Officer commentary:<\/strong> Two posts recruited; recovery expected by March\./);
  const frozen = await loadEdition(db, id);
  assert.equal(
    frozen!.frozen.commentary.entries['assessments-45wd']!.text,
    'Two posts recruited; recovery expected by March.',
  );
  assert.deepEqual(
    frozen!.frozen.commentaryHistory!.map((h) => [h.writtenBy, h.indicatorId, h.entry.scorecard]),
    [['analyst', 'assessments-45wd', 'Recovery plan in place']],
  );
});

/**
 * Fake services whose assessments-45wd result (year to date) is 191/199 at Q3 after 126/132 at Q2: the
 * hand-worked synth Darlington case of report.md §6, 65 of 67 in Q3 alone, 2 children without one.
 */
function servicesWithYtdDifference(): WebServices {
  const base = createFakeServices();
  const q2 = { period: '2021-22-Q2', value: 95.5, numerator: 126, denominator: 132, status: 'ok' as const };
  const q3 = { period: '2021-22-Q3', value: 96, numerator: 191, denominator: 199, status: 'ok' as const };
  return {
    ...base,
    async scorecard(la, period, targets) {
      const r = await base.scorecard(la, period, targets);
      if (!r) return r;
      return {
        ...r,
        indicators: r.indicators.map((i) =>
          i.id === 'assessments-45wd'
            ? {
                ...i,
                value: q3.value,
                numerator: q3.numerator,
                denominator: q3.denominator,
                ci95: null,
                previous: q2,
                trend: i.trend.map((t) => (t.period === q2.period ? q2 : t.period === q3.period ? q3 : t)),
                breakdowns: {},
              }
            : i,
        ),
      };
    },
  };
}

// Audit (report.md §6 "The check also covers differences a reader could work out: year-to-date minus the
// previous year-to-date"): the public report hides a year-to-date headline whose difference from the previous
// quarter's is small (`ytdDifferenceSuppressed`); the dashboard's public view, which shows the Q2 figure
// beside it, must hide it too, on the page, the scorecard and the API.
test('§6 the public view hides a year-to-date figure that less the previous year to date is a small number, as the report does', async () => {
  const { app } = await testApp(servicesWithYtdDifference());
  const member = await signIn(app, 'member');
  const api = (await (await member.get(`/api/indicators/assessments-45wd?${Q}`)).json()) as {
    indicator: {
      suppressed: boolean;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      previous: { value: number | null };
      trend: { period: string; value: number | null; numerator: number | null }[];
    };
  };
  assert.equal(api.indicator.suppressed, true);
  assert.deepEqual(
    [api.indicator.value, api.indicator.numerator, api.indicator.denominator],
    [null, null, null],
  );
  assert.equal(api.indicator.previous.value, 95.5, 'Q2 was published and stays');
  const point = (p: string) => api.indicator.trend.find((t) => t.period === p)!;
  assert.deepEqual([point('2021-22-Q3').value, point('2021-22-Q3').numerator], [null, null]);
  assert.equal(point('2021-22-Q2').value, 95.5);
  const list = (await (await member.get(`/api/scorecard?${Q}`)).json()) as {
    indicators: { id: string; suppressed: boolean; numerator: number | null }[];
  };
  const row = list.indicators.find((i) => i.id === 'assessments-45wd')!;
  assert.deepEqual([row.suppressed, row.numerator], [true, null]);

  const page = await (await member.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.doesNotMatch(page, /96\.0%|>191<|>199</);
  assert.match(page, /Small numbers/);
  const scorecard = await (await member.get(`/scorecard?${Q}`)).text();
  const from = scorecard.indexOf('href="/indicators/assessments-45wd?');
  const scoreRow = scorecard.slice(from, scorecard.indexOf('</tr>', from));
  assert.match(scoreRow, /app-scorecard__current[^>]*>\s*<span class="app-muted">Small numbers</);
  assert.doesNotMatch(scoreRow, /96\.0%/);
  // Officers' full view shows the figure.
  const analyst = await signIn(app, 'analyst');
  assert.match(await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text(), /96\.0%/);
});
