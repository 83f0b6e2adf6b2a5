import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { loadEdition } from '../../report/edition/edition-store.js';
import { olderEdition } from '../../report/edition/test-older-edition.js';
import { renderingChanged } from '../../report/edition/test-rendering-change.js';
import { migrate } from '../../store/migrate.js';
import { MIGRATIONS } from '../../store/migrations.js';
import { openSqlite } from '../../store/sqlite.js';
import { readAudit } from '../audit/audit-log.js';
import { createStoreServices } from '../real-services.js';
import { signIn, testApp } from '../testing/harness.js';

// report.md §6, §8; docs/spec-readings.md "An edition is served as published". The dashboard's downloads of an
// edition whose public documents a check added since would flag (small numbers in words) serve them as
// published; a public re-render that is not the published document is a new document, checked, and refused
// on a breach (422, audited), as `cspi report --edition --public` refuses it.

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const WORDS = 'Three children waited longer than 15 days for their assessment.';

test('§8 the dashboard serves a kept edition as published; a re-render that is not the published one and fails the check is refused (422, audited)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-web-edition-as-published-'));
  const db = openSqlite(join(dir, 'cspi.db'));
  try {
    await migrate(db, MIGRATIONS);
    await importSmallLa(db, '841', 40);
    const services = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z') });
    const { app } = await testApp(services, db);
    const admin = await signIn(app, 'admin');
    const r = await admin.post('/reports/publish?la=841', { period: '2021-22-Q3' });
    assert.equal(r.status, 303);
    const id = new URL(r.headers.get('location')!, 'http://x').searchParams.get('published')!;
    const e = (await loadEdition(db, id))!;
    const kept = (await olderEdition(db, e, WORDS, true)).edition;
    const { edition: notKept } = await olderEdition(db, { ...e, id: `${e.id}-2` }, WORDS, false);
    const get = (edition: string, format: string) =>
      admin.get(`/reports/${edition}/download?la=841&format=${format}&version=public`);
    for (const format of ['html', 'docx']) {
      const d = await get(kept.id, format);
      assert.equal(d.status, 200, `kept ${format}`);
      assert.equal(sha(Buffer.from(await d.arrayBuffer())), kept.outputHashes[`public.${format}`]);
    }
    // Not kept, but its re-render is the published document (the same hash): served as published.
    const same = await get(notKept.id, 'html');
    assert.equal(same.status, 200);
    assert.equal(sha(Buffer.from(await same.arrayBuffer())), notKept.outputHashes['public.html']);
    const later = renderingChanged();
    try {
      assert.equal((await get(kept.id, 'html')).status, 200, 'the kept document whatever the rendering');
      const refused = await get(notKept.id, 'html');
      assert.equal(refused.status, 422);
      const page = await refused.text();
      assert.match(page, /The published edition could not be served/);
      assert.ok(page.includes(`The public HTML of edition ${notKept.id} was not kept when it was published`));
      assert.match(page, /PUB-SMALL-COUNT \(html\)/);
    } finally {
      later.restore();
    }
    const audit = await readAudit(db, { action: 'report-edition-refused' });
    assert.deepEqual(
      audit.entries.map((a) => [a.actor, a.la, a.detail]),
      [
        [
          'admin',
          '841',
          { edition: notKept.id, output: 'public.html', reason: 'PUB-CHECK', rules: 'PUB-SMALL-COUNT' },
        ],
      ],
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
