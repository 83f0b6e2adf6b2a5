/**
 * Privacy audit of the dashboard (report.md §1, §6, §9; README "Running a hub" → Isolation): every route the
 * server registers is classified, and each that can return child-level data is checked by real requests:
 * members and other LAs' users refused with nothing in the body, each permitted view audited once with no
 * more than needed, HEAD and query-string variants included; small numbers withheld from members in every
 * breakdown; CSRF on every state-changing request; session cookies and sign-out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAudit } from './audit/audit-log.js';
import { addUser } from './auth/users.js';
import type { WebServices } from './services.js';
import { createFakeServices } from './testing/fake-services.js';
import { signIn, TEST_PASSWORD, TEST_SCRYPT, testApp } from './testing/harness.js';
import type { ValidationIssue } from '../validate/issue.js';
import { createApp } from './app.js';
import { memoryDatabase } from './testing/sqlite-memory.js';
import { DEFAULT_SUPPRESSION } from '../report/public/suppression.js';

const Q = 'la=841&period=2021-22-Q3';
const TWO_LAS = [
  { code: '841', name: 'Darlington' },
  { code: '840', name: 'County Durham' },
];
/** A child id of the fake services' lists (`C01000`…) or of the validation issue below. */
const CHILD_ID = /\bC\d{5}\b/;
/** A date of birth as the fake services' lists give them (2010 onwards, ISO) or the issue quotes it. */
const DOB = /\b20(1\d|2\d)-\d\d-\d\d\b|03\/04\/2010/;

const CHILD_ISSUE: ValidationIssue = {
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

/** Two LAs (one user per role in 841, a manager in 840); the validation report names a child. */
async function twoLaApp() {
  const base = createFakeServices({ las: TWO_LAS });
  const services: WebServices = {
    ...base,
    async validationIssues(la, id) {
      return (await base.validationIssues(la, id)) ? [CHILD_ISSUE] : null;
    },
  };
  const t = await testApp(services);
  await addUser(
    t.db,
    { username: 'manager-840', role: 'manager', la: '840', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  return t;
}

/**
 * Every route the app registers, by what it can return (report.md §9). A new route fails this table until it
 * is classified here, and a child-level one is then covered by the tests below.
 */
const ROUTES: Readonly<Record<string, 'public' | 'aggregate' | 'child-level' | 'state-changing'>> = {
  'GET /sign-in': 'public',
  'POST /sign-in': 'state-changing',
  'POST /sign-out': 'state-changing',
  'GET /accessibility': 'public',
  'GET /': 'public',
  'GET /scorecard': 'aggregate',
  'GET /indicators/:id': 'aggregate',
  'GET /indicators/:id/children': 'child-level',
  'GET /indicators/:id/children.csv': 'child-level',
  // Validation reports name children (identifiable roles) or their pseudonyms.
  'GET /data': 'aggregate',
  'GET /data/versions/:id': 'child-level',
  'POST /data/upload': 'state-changing',
  'GET /targets': 'aggregate',
  'GET /targets/:id': 'aggregate',
  'POST /targets/:id': 'state-changing',
  'GET /reports': 'aggregate',
  'GET /reports/draft': 'aggregate',
  'POST /reports/publish': 'state-changing',
  'GET /reports/:id/download': 'aggregate',
  'GET /reports/commentary/:id': 'aggregate',
  'POST /reports/commentary/:id': 'state-changing',
  'GET /audit': 'aggregate',
  'GET /api/openapi.json': 'public',
  'GET /api/scorecard': 'aggregate',
  'GET /api/indicators/:id': 'aggregate',
  'GET /api/indicators/:id/members': 'child-level',
};

test('§9 every route the server registers is classified (public, aggregate, child-level, state-changing)', async () => {
  const { app } = await testApp();
  const registered = new Set(
    app.routes
      .filter((r) => r.method !== 'ALL' && !/^\/(assets|govuk|app)\/\*$/.test(r.path))
      .map((r) => `${r.method} ${r.path}`),
  );
  assert.deepEqual([...registered].sort(), Object.keys(ROUTES).sort());
});

/** The child-level requests, with the query-string variants a client might try. */
const CHILD_LEVEL: readonly { path: string; action: string; detail: readonly string[] }[] = [
  {
    path: `/indicators/assessments-45wd/children?${Q}`,
    action: 'child-level-view',
    detail: ['indicator', 'period', 'datasetVersion', 'rows', 'list', 'identifiable'],
  },
  {
    path: `/indicators/assessments-45wd/children?${Q}&show=numerator&format=csv&download=1&view=full`,
    action: 'child-level-view',
    detail: ['indicator', 'period', 'datasetVersion', 'rows', 'list', 'identifiable'],
  },
  {
    path: `/indicators/assessments-45wd/children.csv?${Q}`,
    action: 'child-level-export',
    detail: ['indicator', 'period', 'datasetVersion', 'rows', 'list', 'format', 'identifiable'],
  },
  {
    path: `/indicators/assessments-45wd/children.csv?${Q}&show=not-numerator&download=1`,
    action: 'child-level-export',
    detail: ['indicator', 'period', 'datasetVersion', 'rows', 'list', 'format', 'identifiable'],
  },
  {
    path: `/api/indicators/assessments-45wd/members?${Q}`,
    action: 'child-level-export',
    detail: ['indicator', 'period', 'datasetVersion', 'rows', 'list', 'format', 'identifiable'],
  },
  {
    path: `/api/indicators/assessments-45wd/members?${Q}&format=csv&view=full`,
    action: 'child-level-export',
    detail: ['indicator', 'period', 'datasetVersion', 'rows', 'list', 'format', 'identifiable'],
  },
  {
    path: '/data/versions/841-v1?la=841',
    action: 'child-level-view',
    detail: ['indicator', 'period', 'datasetVersion', 'rows', 'list', 'identifiable'],
  },
];

/** The registered route pattern (`/indicators/:id`) a request path reaches. */
const pattern = (path: string): string => {
  const bare = path.split('?')[0]!;
  const found = Object.keys(ROUTES)
    .map((r) => r.split(' ')[1]!)
    .find((r) => new RegExp(`^${r.replace(/:[a-z]+/g, '[^/]+').replace(/\./g, '\\.')}$`).test(bare));
  return found ?? `unregistered ${bare}`;
};

test('§9 the child-level checks below cover every child-level route', () => {
  const covered = new Set(CHILD_LEVEL.map((c) => `GET ${pattern(c.path)}`));
  const childLevel = Object.entries(ROUTES).filter(([, k]) => k === 'child-level');
  assert.deepEqual(childLevel.map(([r]) => r).sort(), [...covered].sort());
});

async function childLevelEntries(db: Awaited<ReturnType<typeof testApp>>['db']) {
  return (await readAudit(db, { limit: 1000 })).entries.filter((e) => e.action.startsWith('child-level'));
}

test('§1/§9 members and another LA’s users are refused every child-level route (GET and HEAD, any query string), with no child data in the body and nothing audited', async () => {
  const { app, db } = await twoLaApp();
  const member = await signIn(app, 'member');
  const other = await signIn(app, 'manager-840');
  for (const { path } of CHILD_LEVEL) {
    for (const [who, b] of [
      ['member', member],
      ['manager-840', other],
    ] as const) {
      for (const method of ['GET', 'HEAD']) {
        const r = await app.request(path, { method, headers: { cookie: b.cookie } });
        const body = await r.text();
        assert.equal(r.status, 403, `${who} ${method} ${path}`);
        assert.doesNotMatch(body, CHILD_ID, `${who} ${method} ${path}`);
        assert.doesNotMatch(body, DOB, `${who} ${method} ${path}`);
        assert.equal(r.headers.get('content-disposition'), null, `${who} ${method} ${path}: a download`);
      }
    }
  }
  assert.deepEqual(await childLevelEntries(db), []);
});

test('§9 each permitted child-level view or export writes exactly one audit entry: who, LA, indicator and period, dataset version, list, rows; never a child id or date of birth', async () => {
  const { app, db } = await twoLaApp();
  const manager = await signIn(app, 'manager');
  for (const c of CHILD_LEVEL) {
    const before = (await childLevelEntries(db)).length;
    const r = await manager.get(c.path);
    assert.equal(r.status, 200, c.path);
    assert.match(await r.text(), CHILD_ID, `${c.path}: the manager sees the children`);
    const entries = await childLevelEntries(db);
    assert.equal(entries.length, before + 1, `${c.path}: one entry`);
    const e = entries[0]!;
    assert.equal(e.action, c.action, c.path);
    assert.equal(e.actor, 'manager');
    assert.equal(e.la, '841');
    assert.deepEqual(Object.keys(e.detail).sort(), [...c.detail].sort(), c.path);
    assert.equal(e.detail['datasetVersion'], '841-v1');
    if (!c.path.startsWith('/data/')) {
      assert.equal(e.detail['indicator'], 'assessments-45wd');
      assert.equal(e.detail['period'], '2021-22-Q3');
    }
    assert.ok(Number(e.detail['rows']) > 0, `${c.path}: rows`);
    const stored = JSON.stringify(e);
    assert.doesNotMatch(stored, CHILD_ID, c.path);
    assert.doesNotMatch(stored.replace(e.at, ''), DOB, c.path);
  }
});

// A HEAD answer has the GET's status and headers and no body (Hono runs the GET handler for it): nothing is
// viewed, so nothing is recorded as viewed. The log says who saw which children (report.md §9 "every view
// and export"); an entry for a HEAD (a link checker, a prefetch) would record a view of rows nobody saw.
test('§9 a HEAD request to a child-level route answers as the GET would, without a body, and is not recorded as a view or export', async () => {
  const { app, db } = await twoLaApp();
  const manager = await signIn(app, 'manager');
  for (const { path } of CHILD_LEVEL) {
    const r = await app.request(path, { method: 'HEAD', headers: { cookie: manager.cookie } });
    assert.equal(r.status, 200, path);
    assert.equal(await r.text(), '', path);
  }
  assert.deepEqual(
    (await childLevelEntries(db)).map((e) => `${e.action} ${JSON.stringify(e.detail)}`),
    [],
  );
});

/** Breakdown cells a member is shown by the API, with the page's text of the breakdown tables. */
async function memberBreakdowns(x: number, n: number) {
  const { app } = await testApp(createFakeServices({ figures: { 'icpc-15wd': { x, n } } }));
  const member = await signIn(app, 'member');
  const api = (await (await member.get(`/api/indicators/icpc-15wd?${Q}&view=full`)).json()) as {
    indicator: {
      numerator: number | null;
      denominator: number | null;
      breakdowns: Record<
        string,
        { numerator: number | null; denominator: number | null; suppressed?: boolean }[]
      >;
    };
  };
  const html = await (await member.get(`/indicators/icpc-15wd?${Q}&view=full`)).text();
  const tables = html.slice(html.indexOf('Breakdowns'), html.indexOf('>Definition<'));
  return { api: api.indicator, tables };
}

const small = (v: number | null) => v !== null && v >= 1 && v <= DEFAULT_SUPPRESSION.k;

test('§6/§9 a member never sees a breakdown cell of 1..k children (numerator, denominator or the rest), nor one a shown total gives away', async () => {
  // The fake splits the headline into two sex cells (floor and ceiling halves).
  for (const [x, n] of [
    [3, 9],
    [11, 40],
    [10, 12],
    [20, 40],
    [1, 200],
    [199, 200],
    [12, 22],
  ] as const) {
    const { api, tables } = await memberBreakdowns(x, n);
    const cells = Object.values(api.breakdowns).flat();
    assert.ok(cells.length > 0, `${x}/${n}: a breakdown is shown`);
    for (const c of cells) {
      if (c.suppressed) {
        assert.equal(c.numerator, null);
        assert.equal(c.denominator, null);
        continue;
      }
      const rest = c.numerator !== null && c.denominator !== null ? c.denominator - c.numerator : null;
      assert.ok(
        !small(c.numerator) && !small(c.denominator) && !small(rest),
        `${x}/${n}: cell ${c.numerator}/${c.denominator} shown`,
      );
    }
    // With the headline shown, one hidden cell of two is given away by the other (secondary suppression).
    const hidden = cells.filter((c) => c.suppressed).length;
    if (api.numerator !== null) assert.notEqual(hidden, 1, `${x}/${n}: a lone suppressed cell`);
    // The page's tables show what the API shows: no numerator or denominator of a hidden cell.
    const numbers = [...tables.matchAll(/govuk-table__cell--numeric">\s*(\d[\d,]*)\s*</g)].map((m) =>
      Number(m[1]!.replace(/,/g, '')),
    );
    for (const v of numbers) assert.ok(!small(v), `${x}/${n}: the page shows ${v}`);
    // Each shown cell gives its numerator and denominator on the page; a hidden one gives none.
    assert.equal(numbers.length, 2 * (cells.length - hidden), `${x}/${n}: numbers on the page`);
  }
});

/**
 * Fake services whose assessments-45wd (year to date) is 150/199 at Q3 after 148/195 at Q2 (2 of 4 in Q3 alone),
 * with sex cells 75/99 and 75/100 that each pass the rule and add up to the headline.
 */
function servicesWithWithheldTotal(): WebServices {
  const base = createFakeServices();
  const q2 = { period: '2021-22-Q2', value: 75.9, numerator: 148, denominator: 195, status: 'ok' as const };
  const q3 = { period: '2021-22-Q3', value: 75.4, numerator: 150, denominator: 199, status: 'ok' as const };
  const sex = [
    { key: 'F', label: 'Female', numerator: 75, denominator: 99, value: 75.8 },
    { key: 'M', label: 'Male', numerator: 75, denominator: 100, value: 75 },
  ];
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
                ...{ value: q3.value, numerator: q3.numerator, denominator: q3.denominator, ci95: null },
                previous: q2,
                trend: i.trend.map((t) => (t.period === q2.period ? q2 : t.period === q3.period ? q3 : t)),
                breakdowns: { sex },
              }
            : i,
        ),
      };
    },
  };
}

test('§6/§9 a member is not given a withheld year-to-date figure by breakdown cells that add up to it (page and API)', async () => {
  const { app } = await testApp(servicesWithWithheldTotal());
  const member = await signIn(app, 'member');
  const api = (await (await member.get(`/api/indicators/assessments-45wd?${Q}`)).json()) as {
    indicator: {
      numerator: number | null;
      breakdowns: Record<string, { numerator: number | null; denominator: number | null }[]>;
    };
  };
  assert.equal(api.indicator.numerator, null, 'the headline is withheld (2 of 4 in Q3)');
  assert.deepEqual(
    api.indicator.breakdowns['sex']!.map((c) => [c.numerator, c.denominator]),
    [
      [null, null],
      [null, null],
    ],
    '75/99 and 75/100 add up to 150/199',
  );
  const html = await (await member.get(`/indicators/assessments-45wd?${Q}`)).text();
  const tables = html.slice(html.indexOf('Breakdowns'), html.indexOf('>Definition<'));
  assert.doesNotMatch(tables, />\s*(75|99|100)\s*</);
  // Officers' full view shows the cells.
  const analyst = await signIn(app, 'analyst');
  assert.match(await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text(), />\s*99\s*</);
});

/** Every registered state-changing route, with a path that reaches it and a form it would accept. */
const STATE_CHANGING: readonly [string, Record<string, string>][] = [
  ['/sign-out', {}],
  ['/data/upload?la=841', {}],
  ['/targets/assessments-45wd?la=841', { year: '2021-22', target: '80', rationale: 'forged change' }],
  ['/reports/publish?la=841', { period: '2021-22-Q3' }],
  ['/reports/commentary/assessments-45wd?la=841', { period: '2021-22-Q3', text: 'Forged commentary.' }],
];

test('CSRF: every state-changing route refuses a request without the token, with another session’s token, or from another site; nothing is changed or audited', async () => {
  const { app, db } = await testApp();
  const registered = Object.entries(ROUTES)
    .filter(([r, k]) => k === 'state-changing' && r !== 'POST /sign-in')
    .map(([r]) => r);
  assert.deepEqual(registered.sort(), STATE_CHANGING.map(([p]) => `POST ${pattern(p)}`).sort());
  const admin = await signIn(app, 'admin');
  const analyst = await signIn(app, 'analyst');
  const before = (await readAudit(db, { limit: 1000 })).total;
  const send = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form),
    });
  for (const [path, form] of STATE_CHANGING) {
    assert.equal((await send(path, form)).status, 403, `${path}: no token`);
    assert.equal((await send(path, { ...form, _csrf: analyst.csrf })).status, 403, `${path}: other token`);
    const crossSite = await send(
      path,
      { ...form, _csrf: admin.csrf },
      { origin: 'https://evil.example', host: 'localhost' },
    );
    assert.equal(crossSite.status, 403, `${path}: cross-site`);
    const json = await app.request(path, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ ...form, _csrf: admin.csrf }),
    });
    assert.equal(json.status, 403, `${path}: JSON body`);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const r = await app.request(path, { method, headers: { cookie: admin.cookie } });
      assert.equal(r.status, 403, `${method} ${path}`);
    }
  }
  assert.equal((await readAudit(db, { limit: 1000 })).total, before, 'nothing audited');
  assert.equal((await admin.get(`/scorecard?${Q}`)).status, 200, 'still signed in: no forged sign-out');
});

test('sessions: the signed-in cookie is HttpOnly and SameSite=Strict (Secure and __Host- behind https); signing out clears it and the old cookie and token no longer work', async () => {
  const sdb = await memoryDatabase();
  await addUser(
    sdb,
    { username: 'analyst', role: 'analyst', la: '841', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  const secure = createApp({
    db: sdb,
    services: createFakeServices(),
    secureCookies: true,
    scryptParams: TEST_SCRYPT,
  });
  const { app } = await testApp();
  for (const [name, a] of [
    ['http', app],
    ['https', secure],
  ] as const) {
    const first = await a.request('/sign-in');
    const anon = first.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1]!;
    const r = await a.request('/sign-in', {
      method: 'POST',
      headers: { cookie: anon, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username: 'analyst', password: TEST_PASSWORD }),
    });
    assert.equal(r.status, 303, name);
    const set = r.headers.get('set-cookie')!;
    assert.match(set, /HttpOnly/i, name);
    assert.match(set, /SameSite=Strict/i, name);
    assert.match(set, /Max-Age=\d+/i, name);
    assert.notEqual(set.split(';')[0], anon, 'a new session id at sign-in');
    if (name === 'https') {
      assert.match(set, /^__Host-cspi-session=/);
      assert.match(set, /; Secure/i);
    }
  }
  const b = await signIn(app, 'analyst');
  const out = await b.post('/sign-out', {});
  assert.equal(out.status, 303);
  assert.match(out.headers.get('set-cookie')!, /^cspi-session=;.*Max-Age=0/i, 'the cookie is cleared');
  assert.equal((await b.get(`/indicators/assessments-45wd/children?${Q}`)).status, 303, 'old cookie');
  assert.equal((await b.get(`/api/scorecard?${Q}`)).status, 401, 'old cookie on the API');
  assert.equal((await b.post('/sign-out', {})).status, 403, 'the old session’s CSRF token is dead');
});
