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
import { memoryDatabase } from '../testing/sqlite-memory.js';

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
  assert.match(
    await r.text(),
    /href="#reason"[^>]*>Enter why the drafted commentary is being moved, left out or replaced/,
  );
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

test('§5 §8 a commentary save landing while the Publish button runs (after the stale check) refuses the edition with a clear message; publishing again includes it', async () => {
  const base = createFakeServices();
  let during: (() => Promise<unknown>) | null = null;
  // The engine's extra figures are computed after the stale check and before the edition is written: a
  // save made then is the race.
  const services: WebServices = {
    ...base,
    async reportExtras() {
      const f = during;
      during = null;
      if (f) await f();
      return null;
    },
  };
  const { app, db } = await testApp(services);
  const analyst = await signIn(app, 'analyst');
  const admin = await signIn(app, 'admin');
  await analyst.post('/reports/commentary/cic-count?la=841', { period: PERIOD, text: 'Checked text.' });
  during = () =>
    analyst.post('/reports/commentary/cic-count?la=841', { period: PERIOD, text: 'Saved while publishing.' });
  const refused = await admin.post('/reports/publish?la=841', { period: PERIOD });
  assert.equal(refused.status, 409);
  assert.match(
    await refused.text(),
    /The commentary on [^<]+ was changed \(by analyst\) while the report was being published, so it was not checked\. Nothing was published; publish again/,
  );
  assert.equal((await readAudit(db, { action: 'report-publish' })).total, 0, 'nothing was published');
  assert.equal((await commentaryHistory(db, '841', PERIOD)).length, 2, 'the save itself stands');

  const published = await admin.post('/reports/publish?la=841', { period: PERIOD });
  assert.equal(published.status, 303);
  const id = new URL(published.headers.get('location')!, 'http://x').searchParams.get('published')!;
  const frozen = (await loadEdition(db, id))!.frozen;
  assert.equal(frozen.commentary.entries['cic-count']?.text, 'Saved while publishing.');
});

/** The scorecard row (its HTML) of an indicator. */
function scorecardRowOf(html: string, id: string): string {
  const row = new RegExp(
    `<tr class="govuk-table__row">(?:(?!</tr>)[\\s\\S])*?href="/indicators/${id}\\?[\\s\\S]*?</tr>`,
  ).exec(html);
  assert.ok(row, `${id} has a scorecard row`);
  return row[0];
}

/** The Commentary cell's words of an indicator's scorecard row ('' when the column is not shown). */
function commentaryCell(html: string, id: string): string {
  const cell = /<td class="govuk-table__cell app-scorecard__commentary">([\s\S]*?)<\/td>/.exec(
    scorecardRowOf(html, id),
  );
  return cell
    ? cell[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}

test('§3 the dashboard scorecard has a Commentary column for officers: the scorecard text in force; internal entries never in the public view; none for members', async () => {
  const { app } = await testApp();
  const analyst = await signIn(app, 'analyst');
  const save = async (id: string, form: Record<string, string>) =>
    assert.equal(
      (await analyst.post(`/reports/commentary/${id}?la=841`, { period: PERIOD, ...form })).status,
      303,
    );
  // Before any commentary: no column (as the report's scorecard, shown only when it has text).
  let card = await (await analyst.get(`/scorecard?${Q}`)).text();
  assert.doesNotMatch(card, />Commentary<\/th>/);

  await save('assessments-45wd', { text: 'Old.', scorecard: 'First words' });
  await save('assessments-45wd', { text: PUBLIC, scorecard: '  Recovery plan in place  ' });
  await save('cic-count', { text: INTERNAL, scorecard: 'Over budget', internal: 'yes' });
  // A public entry, then an internal one: the internal one is in force, so the public view shows nothing.
  await save('icpc-15wd', { text: 'Venue change.', scorecard: 'Venue moved' });
  await save('icpc-15wd', { text: INTERNAL, scorecard: 'Chair on leave', internal: 'yes' });

  card = await (await analyst.get(`/scorecard?${Q}`)).text();
  assert.match(card, /<th scope="col" class="govuk-table__header" data-nosort>Commentary<\/th>/);
  assert.equal(commentaryCell(card, 'assessments-45wd'), 'Recovery plan in place', 'the newest, trimmed');
  assert.equal(commentaryCell(card, 'cic-count'), 'Over budget', 'internal: in the full view');
  assert.equal(commentaryCell(card, 'icpc-15wd'), 'Chair on leave');
  assert.equal(commentaryCell(card, 'cp-visits-10wd'), '', 'no commentary: an empty cell');

  const pub = await (await analyst.get(`/scorecard?${Q}&view=public`)).text();
  assert.equal(commentaryCell(pub, 'assessments-45wd'), 'Recovery plan in place');
  assert.equal(commentaryCell(pub, 'cic-count'), '', 'public view: no internal entry');
  assert.equal(commentaryCell(pub, 'icpc-15wd'), '', 'public view: nor an earlier public one in its place');
  for (const hidden of ['Over budget', 'Chair on leave', 'Venue moved', INTERNAL])
    assert.ok(!pub.includes(hidden), `public view: "${hidden}" is not on the page`);
  // Members read the published papers: officers' text on the dashboard is a draft, shown to no member (as
  // on the indicator page), internal or not.
  const forMember = await (await (await signIn(app, 'member')).get(`/scorecard?${Q}`)).text();
  assert.doesNotMatch(forMember, />Commentary<\/th>/);
  for (const hidden of ['Recovery plan in place', 'Over budget', 'Chair on leave', 'Venue moved', INTERNAL])
    assert.ok(!forMember.includes(hidden), `member: "${hidden}" is not on the page`);
});

test('§3 §9 /api/scorecard carries the Commentary column for officers (scorecard text, stale flag; internal entries never in the public view) and no commentary field for members', async () => {
  const { services, moveOn } = movingServices();
  const { app } = await testApp(services);
  const analyst = await signIn(app, 'analyst');
  type Api = { indicators: { id: string; commentary?: { text: string; stale: boolean } | null }[] };
  const api = async (who: typeof analyst, view = 'full') => {
    const r = await who.get(`/api/scorecard?${Q}&view=${view}`);
    assert.equal(r.status, 200);
    const body = (await r.json()) as Api;
    return new Map(body.indicators.map((i) => [i.id, i]));
  };
  const save = async (id: string, form: Record<string, string>) =>
    assert.equal(
      (await analyst.post(`/reports/commentary/${id}?la=841`, { period: PERIOD, ...form })).status,
      303,
    );
  // Read once before any save: the cached body must not outlive a save.
  assert.equal((await api(analyst)).get('assessments-45wd')?.commentary, null);
  await save('assessments-45wd', { text: PUBLIC, scorecard: '  Recovery plan in place  ' });
  await save('cic-count', { text: INTERNAL, scorecard: 'Over budget', internal: 'yes' });

  let full = await api(analyst);
  assert.deepEqual(full.get('assessments-45wd')?.commentary, {
    text: 'Recovery plan in place',
    stale: false,
  });
  assert.deepEqual(full.get('cic-count')?.commentary, { text: 'Over budget', stale: false });
  assert.ok(full.has('cp-visits-10wd'));
  assert.equal(full.get('cp-visits-10wd')?.commentary, null, 'no entry: null');
  const pub = await api(analyst, 'public');
  assert.deepEqual(pub.get('assessments-45wd')?.commentary, { text: 'Recovery plan in place', stale: false });
  assert.equal(pub.get('cic-count')?.commentary, null, 'public view: no internal entry');

  moveOn(); // assessments-45wd's figure changes: its commentary is stale
  full = await api(analyst);
  assert.deepEqual(full.get('assessments-45wd')?.commentary, { text: 'Recovery plan in place', stale: true });
  assert.deepEqual(full.get('cic-count')?.commentary, { text: 'Over budget', stale: false });

  for (const role of ['manager', 'admin']) {
    const got = await api(await signIn(app, role));
    assert.equal(got.get('assessments-45wd')?.commentary?.text, 'Recovery plan in place', role);
  }
  const member = await signIn(app, 'member');
  const forMember = await member.get(`/api/scorecard?${Q}`);
  const raw = await forMember.text();
  for (const hidden of ['Recovery plan in place', 'Over budget', INTERNAL, PUBLIC])
    assert.ok(!raw.includes(hidden), `member: "${hidden}" is not in the JSON`);
  const byId = (JSON.parse(raw) as Api).indicators;
  assert.ok(byId.length > 0);
  assert.ok(
    byId.every((i) => !('commentary' in i)),
    'member: no commentary field at all',
  );
});

test('§3 §5 the dashboard scorecard marks stale commentary for officers only, and shows a save at once (one commentary query a page, not one per indicator)', async () => {
  const { services, moveOn } = movingServices();
  const db = await memoryDatabase();
  const sqls: string[] = [];
  const all = db.all.bind(db);
  db.all = ((sql: string, params?: unknown[]) => {
    sqls.push(sql);
    return all(sql, params as never);
  }) as typeof db.all;
  const { app } = await testApp(services, db);
  const analyst = await signIn(app, 'analyst');
  const member = await signIn(app, 'member');
  for (const id of ['assessments-45wd', 'icpc-15wd', 'cic-count'])
    await analyst.post(`/reports/commentary/${id}?la=841`, {
      period: PERIOD,
      text: PUBLIC,
      scorecard: `On ${id}`,
    });
  sqls.length = 0;
  let card = await (await analyst.get(`/scorecard?${Q}`)).text();
  assert.equal(sqls.filter((s) => /FROM commentary/.test(s)).length, 1, 'one query for the period');
  assert.equal(commentaryCell(card, 'icpc-15wd'), 'On icpc-15wd');
  assert.doesNotMatch(card, /Stale/);

  // A save shows on the next scorecard at once (the shared read is forgotten), not a second later.
  await analyst.post('/reports/commentary/icpc-15wd?la=841', {
    period: PERIOD,
    text: PUBLIC,
    scorecard: 'Rewritten',
  });
  card = await (await analyst.get(`/scorecard?${Q}`)).text();
  assert.equal(commentaryCell(card, 'icpc-15wd'), 'Rewritten');

  moveOn(); // a new dataset version: assessments-45wd's figure moves
  card = await (await analyst.get(`/scorecard?${Q}`)).text();
  assert.equal(
    commentaryCell(card, 'assessments-45wd'),
    "Stale : the figure has changed since this commentary was written; confirm or change it on the indicator's page On assessments-45wd",
  );
  assert.match(
    scorecardRowOf(card, 'assessments-45wd'),
    /<strong class="govuk-tag govuk-tag--yellow">Stale</,
  );
  assert.equal(commentaryCell(card, 'icpc-15wd'), 'Rewritten', 'its figure has not moved');
  const pub = await (await analyst.get(`/scorecard?${Q}&view=public`)).text();
  assert.match(
    commentaryCell(pub, 'assessments-45wd'),
    /^Stale .* On assessments-45wd$/,
    'officers: both views',
  );
  const forMember = await (await member.get(`/scorecard?${Q}`)).text();
  assert.doesNotMatch(forMember, /Stale|On assessments-45wd/, 'members see no draft commentary');

  await analyst.post('/reports/commentary/assessments-45wd?la=841', { period: PERIOD, confirm: 'yes' });
  card = await (await analyst.get(`/scorecard?${Q}`)).text();
  assert.equal(commentaryCell(card, 'assessments-45wd'), 'On assessments-45wd', 'confirmed: no longer stale');
});
