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
