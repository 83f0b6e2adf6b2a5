import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { migrate } from '../../store/migrate.js';
import { MIGRATIONS } from '../../store/migrations.js';
import { openSqlite } from '../../store/sqlite.js';
import { createStoreServices } from '../real-services.js';
import { signIn, testApp } from '../testing/harness.js';

// Audit (report.md §8 "Restatements", §9 "Reports page: … publish, and list editions"; README "Committee
// report, editions and restatements"). A quarter published on the dashboard, then restated by a later import
// (40 children in care at the end of Q3 2021/22 published, 44 now) and published again: the new edition is
// the draft the officer previewed, its Appendix D listing the restatement against the first edition, never
// "No figure for this period has been published before".

const PERIOD = '2021-22-Q3';

test('audit: a quarter published again on the dashboard keeps its restatements against the earlier edition', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-web-republish-'));
  const db = openSqlite(join(dir, 'cspi.db'));
  try {
    await migrate(db, MIGRATIONS);
    await importSmallLa(db, '841', 40);
    const services = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z'), freshMs: 0 });
    const { app } = await testApp(services, db);
    const admin = await signIn(app, 'admin');
    const publish = async (): Promise<string> => {
      const r = await admin.post(`/reports/publish?la=841`, { period: PERIOD });
      assert.equal(r.status, 303);
      return new URL(r.headers.get('location')!, 'http://x').searchParams.get('published')!;
    };
    const first = await publish();
    // Publish is one submission: a double click (GOV.UK Frontend's button) does not publish a twin.
    assert.match(
      await (await admin.get('/reports?la=841')).text(),
      /<button[^>]*data-prevent-double-click="true"[^>]*>\s*Publish edition/,
    );
    await importSmallLa(db, '841', 44);
    const draft = await (
      await admin.get(`/reports/draft?la=841&period=${PERIOD}&format=html&version=full`)
    ).text();
    const second = await publish();
    assert.notEqual(second, first);
    // The page the Publish button lands on says which edition this one follows, as cspi publish says.
    const landed = await (await admin.get(`/reports?la=841&published=${second}`)).text();
    assert.ok(
      landed.includes(
        `Edition ${second} is published. It will not change. It follows edition ${first} of the same quarter, which stays as published;`,
      ),
    );
    const firstLanded = await (await admin.get(`/reports?la=841&published=${first}`)).text();
    assert.doesNotMatch(firstLanded, /It follows edition/);
    const edition = await (
      await admin.get(`/reports/${second}/download?la=841&format=html&version=full`)
    ).text();
    const table = (html: string) =>
      /<table[^>]*id="restatements"[\s\S]*?<\/table>/
        .exec(html)?.[0]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ') ?? null;
    assert.ok(table(draft), 'the draft lists the restatement');
    assert.equal(table(edition), table(draft));
    assert.match(table(edition)!, new RegExp(`Number of Children in Care ${PERIOD} ${first} 40 44 \\+4 `));
    assert.doesNotMatch(edition, /No figure for this period has been published before/);
    // The reports page says which edition followed the first (both stay listed and downloadable).
    const page = await (await admin.get('/reports?la=841')).text();
    assert.ok(
      page.includes(
        `Quarter 3 2021/22 was published again as edition ${second}: this edition stays as it was published`,
      ),
    );
    assert.equal(page.split('was published again as edition').length, 2, 'only the earlier edition says so');
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// report.md §8: an edition whose figures a later import restates said nothing until the next draft was made.
// The reports page now says, for each edition, which indicators the current dataset would give differently,
// on which dataset: to officers with the figures as published and now; to members (public) never a change of
// 1 to k children (40 → 44 children in care is 4: named, its figures withheld).
test('audit: the reports page flags each published edition restated since by a later import, in the view the user may see', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-web-restated-'));
  const db = openSqlite(join(dir, 'cspi.db'));
  try {
    await migrate(db, MIGRATIONS);
    await importSmallLa(db, '841', 40);
    const services = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z'), freshMs: 0 });
    const { app } = await testApp(services, db);
    const admin = await signIn(app, 'admin');
    const member = await signIn(app, 'member');
    const publish = async (period: string): Promise<string> => {
      const r = await admin.post(`/reports/publish?la=841`, { period });
      assert.equal(r.status, 303);
      return new URL(r.headers.get('location')!, 'http://x').searchParams.get('published')!;
    };
    const q2 = await publish('2021-22-Q2');
    const q3 = await publish(PERIOD);
    const restatedLines = (html: string) =>
      [...html.matchAll(/app-editions__restated">([^<]*)/g)].map((m) => m[1]!.replace(/&#39;|&quot;/g, "'"));
    assert.deepEqual(restatedLines(await (await admin.get('/reports?la=841')).text()), []);
    await importSmallLa(db, '841', 44);
    const current = (await services.datasets('841')).find((v) => v.current)!;
    const flagged = new RegExp(
      `^Restated since publication: \\d+ indicators? would now give (a )?different figures? on dataset ${current.id} \\(imported ${current.createdAt.slice(0, 10)}\\): `,
    );
    const officer = restatedLines(await (await admin.get('/reports?la=841')).text());
    assert.equal(officer.length, 2, 'both editions (Q3 then Q2) are flagged');
    for (const line of officer) {
      assert.match(line, flagged);
      assert.match(line, /Number of Children in Care \(published 40, now 44\)/);
    }
    const pub = restatedLines(await (await member.get('/reports?la=841')).text());
    assert.equal(pub.length, 2);
    for (const line of pub) {
      assert.match(line, flagged);
      assert.match(line, /Number of Children in Care \(figures not shown: small numbers\)/);
      assert.doesNotMatch(line, /published 40|now 44/);
    }
    // Published again on the current data: the new edition is not flagged; the one it follows still is.
    const again = await publish(PERIOD);
    const page = await (await admin.get('/reports?la=841')).text();
    const items = page.split('app-editions__item').slice(1);
    const itemOf = (id: string) => items.find((i) => i.includes(`Edition ${id} `))!;
    assert.doesNotMatch(itemOf(again), /app-editions__restated/);
    assert.match(itemOf(q3), /app-editions__restated/);
    assert.match(itemOf(q2), /app-editions__restated/);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// The reports page compares each edition with its period's headline figures, computed once per dataset
// version: not a whole scorecard (trend, breakdowns, members) for every period ever published, which for a
// large LA is seconds a period on the first visit after an import.
test('the reports page flags editions restated since from the headline figures, computing no scorecard, each period once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-web-restated-headline-'));
  const db = openSqlite(join(dir, 'cspi.db'));
  try {
    await migrate(db, MIGRATIONS);
    await importSmallLa(db, '841', 40);
    const real = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z'), freshMs: 0 });
    const calls: string[] = [];
    const services: typeof real = {
      ...real,
      scorecard: (la, period, targets) => {
        calls.push(`scorecard ${period}`);
        return real.scorecard(la, period, targets);
      },
      headlineFigures: (la, period) => {
        calls.push(`headline ${period}`);
        return real.headlineFigures!(la, period);
      },
    };
    const { app } = await testApp(services, db);
    const admin = await signIn(app, 'admin');
    const member = await signIn(app, 'member');
    for (const period of ['2021-22-Q2', PERIOD, PERIOD])
      assert.equal((await admin.post(`/reports/publish?la=841`, { period })).status, 303);
    await importSmallLa(db, '841', 44);
    calls.length = 0;
    const restatedLines = (html: string) =>
      [...html.matchAll(/app-editions__restated">([^<]*)/g)].map((m) => m[1]!);
    const officer = restatedLines(await (await admin.get('/reports?la=841')).text());
    assert.equal(officer.length, 3, 'the three editions (Q3 twice, Q2) are flagged');
    for (const line of officer) assert.match(line, /Number of Children in Care \(published 40, now 44\)/);
    const pub = restatedLines(await (await member.get('/reports?la=841')).text());
    assert.equal(pub.length, 3);
    for (const line of pub)
      assert.match(line, /Number of Children in Care \(figures not shown: small numbers\)/);
    // One call a period a page (the services keep the figures per dataset version), never a scorecard.
    assert.deepEqual(calls, [
      `headline ${PERIOD}`,
      'headline 2021-22-Q2',
      `headline ${PERIOD}`,
      'headline 2021-22-Q2',
    ]);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('audit: an officer who drafts but may not publish is told who publishes, and sees no Publish button', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-web-publisher-'));
  const db = openSqlite(join(dir, 'cspi.db'));
  try {
    await migrate(db, MIGRATIONS);
    await importSmallLa(db, '841', 40);
    const services = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z'), freshMs: 0 });
    const { app } = await testApp(services, db);
    const manager = await (await signIn(app, 'manager')).get('/reports?la=841');
    const page = await manager.text();
    assert.match(
      page,
      /then publish it \(an administrator publishes editions: ask yours when the draft is ready\)\./,
    );
    assert.doesNotMatch(page, /Publish edition/);
    const admin = await (await (await signIn(app, 'admin')).get('/reports?la=841')).text();
    assert.match(admin, /then publish it\. A published edition/);
    assert.match(admin, /Publish edition/);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
