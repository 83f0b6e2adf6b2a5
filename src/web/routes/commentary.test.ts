/**
 * Commentary editing on the dashboard (report.md §5 "Editing", §6, §8, §9): who may write it, what the
 * public version leaves out, the history's order, small numbers flagged, and stale commentary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAudit } from '../audit/audit-log.js';
import { commentaryHistory } from '../../report/commentary/commentary-store.js';
import { loadEdition } from '../../report/edition/edition-store.js';
import { editionModel } from '../../report/edition/edition-model.js';
import { renderCsv, renderJson } from '../../report/render/csv.js';
import type { WebServices } from '../services.js';
import { createFakeServices } from '../testing/fake-services.js';
import { signIn, testApp } from '../testing/harness.js';

const PERIOD = '2021-22-Q3';
const Q = `la=841&period=${PERIOD}`;
const INTERNAL = 'Agency spend is over budget by a large margin.';
const PUBLIC = 'Two posts recruited; recovery expected by March.';

test('a member (public values only) may neither open nor save the commentary form, and nothing is stored', async () => {
  const { app, db } = await testApp();
  const member = await signIn(app, 'member');
  assert.equal((await member.get(`/reports/commentary/assessments-45wd?${Q}`)).status, 403);
  const r = await member.post('/reports/commentary/assessments-45wd?la=841', {
    period: PERIOD,
    text: PUBLIC,
  });
  assert.equal(r.status, 403);
  assert.deepEqual(await commentaryHistory(db, '841', PERIOD), []);
  assert.equal((await readAudit(db, { action: 'commentary-edit' })).total, 0);
  // Nor is the history shown to a member.
  const page = await (await member.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.doesNotMatch(page, /Commentary history/);
});

test("an officer of one LA may not write another LA's commentary", async () => {
  const { app, db } = await testApp();
  const analyst = await signIn(app, 'analyst'); // limited to 841
  const r = await analyst.post('/reports/commentary/assessments-45wd?la=840', {
    period: PERIOD,
    text: PUBLIC,
  });
  assert.equal(r.status, 403);
  assert.deepEqual(await commentaryHistory(db, '840', PERIOD), []);
});

test('a save without the session CSRF token is refused and nothing is stored', async () => {
  const { app, db } = await testApp();
  const analyst = await signIn(app, 'analyst');
  const r = await app.request('/reports/commentary/assessments-45wd?la=841', {
    method: 'POST',
    headers: { cookie: analyst.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: 'wrong', period: PERIOD, text: PUBLIC }),
  });
  assert.equal(r.status, 403);
  assert.deepEqual(await commentaryHistory(db, '841', PERIOD), []);
});

test('§6 internal commentary (text, and the reason for replacing a sentence) is in the full version only: drafts, the indicator page and the published edition', async () => {
  const { app, db } = await testApp();
  const manager = await signIn(app, 'manager');
  assert.equal(
    (
      await manager.post('/reports/commentary/assessments-45wd?la=841', {
        period: PERIOD,
        text: INTERNAL,
        mode: 'replace',
        reason: 'Budget pressure is for the directorate only.',
        internal: 'yes',
      })
    ).status,
    303,
  );
  assert.equal(
    (await manager.post('/reports/commentary/cic-count?la=841', { period: PERIOD, text: PUBLIC })).status,
    303,
  );
  const draft = async (version: string) =>
    (await manager.get(`/reports/draft?${Q}&format=html&version=${version}`)).text();
  const full = await draft('full');
  assert.ok(full.includes(INTERNAL), 'the full draft carries the internal text');
  assert.ok(full.includes('Budget pressure is for the directorate only.'));
  const pub = await draft('public');
  assert.ok(!pub.includes(INTERNAL), 'the public draft leaves the internal text out');
  assert.ok(!pub.includes('Budget pressure'), 'and its reason (data notes)');
  assert.ok(pub.includes(PUBLIC), 'the public text stays');

  const shown = await (await manager.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.ok(shown.includes(INTERNAL));
  const shownPublic = await (await manager.get(`/indicators/assessments-45wd?${Q}&view=public`)).text();
  assert.ok(!shownPublic.includes(INTERNAL), 'the public view of the indicator page leaves it out');

  const admin = await signIn(app, 'admin');
  const published = await admin.post('/reports/publish?la=841', { period: PERIOD });
  assert.equal(published.status, 303);
  const id = new URL(published.headers.get('location')!, 'http://x').searchParams.get('published')!;
  const download = async (version: string) =>
    (await admin.get(`/reports/${id}/download?la=841&format=html&version=${version}`)).text();
  assert.ok((await download('full')).includes(INTERNAL));
  const publicHtml = await download('public');
  assert.ok(!publicHtml.includes(INTERNAL) && !publicHtml.includes('Budget pressure'));
  assert.ok(publicHtml.includes(PUBLIC));
  const edition = (await loadEdition(db, id))!;
  const model = editionModel(edition, true);
  for (const out of [renderCsv(model), renderJson(model)]) {
    assert.ok(!out.includes(INTERNAL) && !out.includes('Budget pressure'), 'nor in the public CSV or JSON');
  }
  // A member downloads only the public version.
  const member = await signIn(app, 'member');
  assert.equal((await member.get(`/reports/${id}/download?la=841&format=html&version=full`)).status, 403);
});

test('§5 the history lists every edit, newest first, with who and when; the draft carries the newest', async () => {
  const { app, db } = await testApp();
  const analyst = await signIn(app, 'analyst');
  const manager = await signIn(app, 'manager');
  const texts = [
    'First thoughts on assessments.',
    'Second: two posts recruited.',
    'Third: recovery by March.',
  ];
  for (const [i, text] of texts.entries()) {
    const who = i === 1 ? manager : analyst;
    assert.equal(
      (await who.post('/reports/commentary/assessments-45wd?la=841', { period: PERIOD, text })).status,
      303,
    );
  }
  const history = await commentaryHistory(db, '841', PERIOD, 'assessments-45wd');
  assert.deepEqual(
    history.map((h) => [h.writtenBy, h.entry.text]),
    [
      ['analyst', texts[2]],
      ['manager', texts[1]],
      ['analyst', texts[0]],
    ],
  );
  const page = await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text();
  const at = texts.map((x) => page.indexOf(x));
  assert.ok(
    at.every((n) => n > 0),
    'every version is listed',
  );
  assert.ok(at[2]! < at[1]! && at[1]! < at[0]!, 'newest first');
  assert.match(page, /In force<\/strong> Written by analyst/);
  assert.match(page, /Written by manager, /);
  const draft = await (await analyst.get(`/reports/draft?${Q}&format=html&version=full`)).text();
  assert.ok(draft.includes(texts[2]!) && !draft.includes(texts[1]!) && !draft.includes(texts[0]!));
});

test('§5/§6 a count from 1 to k next to "children" in public commentary is flagged by the field and not saved; internal commentary may say it', async () => {
  const { app, db } = await testApp();
  const analyst = await signIn(app, 'analyst');
  const r = await analyst.post('/reports/commentary/assessments-45wd?la=841', {
    period: PERIOD,
    text: 'Delays affected 3 children in one team.',
  });
  assert.equal(r.status, 400);
  const html = await r.text();
  assert.match(html, /There is a problem/);
  assert.match(html, /href="#text"/);
  assert.match(html, /&quot;3 children&quot; would disclose a small number in the public version/);
  assert.match(html, /Delays affected 3 children in one team\./, 'the typed text is kept in the form');
  assert.deepEqual(await commentaryHistory(db, '841', PERIOD), []);
  // 6 is above k = 5; internal text is never public.
  for (const form of [
    { text: 'Delays affected 6 children in one team.' } as Record<string, string>,
    { text: 'Delays affected 3 children in one team.', internal: 'yes' },
  ]) {
    const ok = await analyst.post('/reports/commentary/assessments-45wd?la=841', { period: PERIOD, ...form });
    assert.equal(ok.status, 303);
  }
  assert.equal((await commentaryHistory(db, '841', PERIOD)).length, 2);
});

test('§5 a commentary file rule holds on the form: replacing the sentence or moving the indicator needs a reason', async () => {
  const { app, db } = await testApp();
  const analyst = await signIn(app, 'analyst');
  const r = await analyst.post('/reports/commentary/assessments-45wd?la=841', {
    period: PERIOD,
    section: 'omit',
  });
  assert.equal(r.status, 400);
  assert.match(await r.text(), /href="#reason"[^>]*>Give a reason when moving, omitting or replacing text/);
  assert.deepEqual(await commentaryHistory(db, '841', PERIOD), []);
});

/** Fake services whose dataset version (and with it assessments-45wd's figure) a test can move on. */
function movingServices(): { services: WebServices; moveOn(): void } {
  const base = createFakeServices();
  let version = 1;
  const services: WebServices = {
    ...base,
    async currentDatasetId(la) {
      const id = await base.currentDatasetId(la);
      return id && version > 1 ? `${id}-r${version}` : id;
    },
    async scorecard(la, period, targets) {
      const r = await base.scorecard(la, period, targets);
      if (!r || version === 1) return r;
      return {
        ...r,
        indicators: r.indicators.map((i) =>
          i.id === 'assessments-45wd' && i.numerator !== null && i.denominator !== null
            ? { ...i, numerator: i.numerator - 1, value: ((i.numerator - 1) / i.denominator) * 100 }
            : i,
        ),
      };
    },
  };
  return { services, moveOn: () => void version++ };
}

test('§5 an edit goes stale when the figure under it changes: flagged on the indicator page, publication refused, until an officer confirms it', async () => {
  const { services, moveOn } = movingServices();
  const { app, db } = await testApp(services);
  const analyst = await signIn(app, 'analyst');
  const admin = await signIn(app, 'admin');
  await analyst.post('/reports/commentary/assessments-45wd?la=841', { period: PERIOD, text: PUBLIC });
  let page = await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(page, /In force<\/strong>/);
  assert.doesNotMatch(page, /Stale/);

  moveOn(); // a new dataset version: one assessment fewer in time
  page = await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(page, /Stale<\/strong>/);
  assert.match(page, /The figure has changed since the commentary in force was written/);
  const refused = await admin.post('/reports/publish?la=841', { period: PERIOD });
  assert.equal(refused.status, 422);
  assert.match(
    await refused.text(),
    /The figure under the commentary on [^<]+ has changed since it was written/,
  );
  const form = await (await analyst.get(`/reports/commentary/assessments-45wd?${Q}`)).text();
  assert.match(form, /Confirm the commentary still holds/);

  const confirmed = await analyst.post('/reports/commentary/assessments-45wd?la=841', {
    period: PERIOD,
    confirm: 'yes',
  });
  assert.equal(confirmed.status, 303);
  const history = await commentaryHistory(db, '841', PERIOD, 'assessments-45wd');
  assert.deepEqual(
    history.map((h) => [h.kind, h.entry.text]),
    [
      ['confirm', PUBLIC],
      ['edit', PUBLIC],
    ],
  );
  assert.equal((await readAudit(db, { action: 'commentary-confirm' })).total, 1);
  page = await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(page, /In force<\/strong> Confirmed by analyst/);
  assert.equal((await admin.post('/reports/publish?la=841', { period: PERIOD })).status, 303);
});
