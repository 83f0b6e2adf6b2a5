import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { loadDatasetVersion } from '../../store/load-dataset.js';
import { migrate } from '../../store/migrate.js';
import { MIGRATIONS } from '../../store/migrations.js';
import { openSqlite } from '../../store/sqlite.js';
import { readAudit } from '../audit/audit-log.js';
import { createStoreServices } from '../real-services.js';
import { signIn, testApp } from '../testing/harness.js';

// report.md §9 (the audit log: "publish" is an action traced). Every attempt to publish is traced, not only
// one that succeeded: a Publish the publication check refused (report.md §6) wrote no audit entry, so the
// log could not show who tried to publish which quarter, or why nothing was published.

const PERIOD = '2021-22-Q3';

test('§9 a Publish refused by the publication check is audited: who, LA, period, refused and the rule codes, never the value', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-web-publish-refused-'));
  const db = openSqlite(join(dir, 'cspi.db'));
  try {
    await migrate(db, MIGRATIONS);
    await importSmallLa(db, '841', 40);
    const services = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z') });
    const { app } = await testApp(services, db);
    const v = await loadDatasetVersion(db, '841');
    const childId = v!.dataset.children.find((c) => c.childId.length >= 4)!.childId;
    const admin = await signIn(app, 'admin');
    const saved = await admin.post('/reports/commentary/assessments-45wd?la=841', {
      period: PERIOD,
      scorecard: `Child ${childId} was assessed late; a review is under way.`,
    });
    assert.ok(saved.status < 400, `commentary saved (${saved.status})`);
    const r = await admin.post('/reports/publish?la=841', { period: PERIOD });
    assert.equal(r.status, 422);
    assert.match(await r.text(), /failed the publication check/);
    assert.equal((await db.all('SELECT id FROM editions')).length, 0, 'nothing published');
    assert.equal((await readAudit(db, { action: 'report-publish' })).total, 0);
    const refused = await readAudit(db, { action: 'report-publish-refused' });
    assert.equal(refused.total, 1);
    const [e] = refused.entries;
    assert.equal(e!.actor, 'admin');
    assert.equal(e!.la, '841');
    assert.equal(e!.detail['period'], PERIOD);
    assert.equal(e!.detail['reason'], 'PUB-CHECK');
    assert.match(String(e!.detail['rules']), /^(PUB-[A-Z-]+ )*PUB-CHILD-ID( PUB-[A-Z-]+)*$/);
    assert.ok(Number(e!.detail['breaches']) >= 1);
    assert.ok(!JSON.stringify(e!.detail).includes(childId), 'the audit never holds the identifier');
    // The audit page lists it with the other actions.
    const page = await (await admin.get('/audit?action=report-publish-refused')).text();
    assert.match(page, /Publish refused/);

    // A period with no figures is an attempt too (a stale form, a mistyped request): traced, refused.
    const none = await admin.post('/reports/publish?la=841', { period: '2031-32-Q3' });
    assert.equal(none.status, 404);
    assert.deepEqual(
      (await readAudit(db, { action: 'report-publish-refused' })).entries.map((a) => [
        a.detail['period'],
        a.detail['reason'],
      ]),
      [
        ['2031-32-Q3', 'NO-FIGURES'],
        [PERIOD, 'PUB-CHECK'],
      ],
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
