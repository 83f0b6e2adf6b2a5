import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeServices } from './testing/fake-services.js';
import { memoryDatabase } from './testing/sqlite-memory.js';
import { createStoreServices, latestQuarter } from './real-services.js';
import type { IsoDate } from '../calendar/iso-date.js';

test('the latest quarter is the last one the extract covers whole', () => {
  assert.equal(latestQuarter('2021-12-31' as IsoDate).id, '2021-22-Q3');
  assert.equal(latestQuarter('2022-01-14' as IsoDate).id, '2021-22-Q3');
  assert.equal(latestQuarter('2022-03-31' as IsoDate).id, '2021-22-Q4');
});

test('an empty store has no LAs or periods; an unreadable upload is refused through the import path', async () => {
  const db = await memoryDatabase();
  const s = createStoreServices(db);
  assert.deepEqual(await s.las(), []);
  assert.deepEqual(await s.periods('841'), []);
  assert.equal(await s.scorecard('841', '2021-22-Q3'), null);
  const out = await s.importFiles(
    '841',
    [{ name: 'notes.csv', bytes: new TextEncoder().encode('hello,world\n1,2\n') }],
    'jo',
  );
  assert.equal(out.refused, true);
  assert.equal(out.datasetId, null);
  assert.ok(out.issues.some((i) => i.severity === 'structural' && i.code.startsWith('S-')));
  assert.equal((await db.all('SELECT * FROM dataset_versions')).length, 0, 'nothing loaded');
});

test('report editions: drafted from a frozen report, published once, never changed afterwards', async () => {
  const db = await memoryDatabase();
  const s = createStoreServices(db);
  const frozen = (await createFakeServices().scorecard('841', '2021-22-Q3'))!;
  const draft = await s.reports.generate('841', '2021-22-Q3', 'analyst', frozen);
  assert.equal(draft.status, 'draft');
  const html = await s.reports.render('841', draft.id, 'html', 'public');
  assert.ok(html);
  assert.match(new TextDecoder().decode(html.body), /Performance Indicators Quarter 3 2021\/22/);
  const pub = await s.reports.publish('841', draft.id, 'admin');
  assert.equal(pub.ok, true);
  assert.equal((await s.reports.publish('841', draft.id, 'admin')).ok, false, 'already published');
  await assert.rejects(
    db.run("UPDATE web_report_editions SET report_json = '{}' WHERE id = ?", [draft.id]),
    /never changes/,
  );
  await assert.rejects(db.run('DELETE FROM web_report_editions'), /kept/);
  assert.equal(await s.reports.render('841', draft.id, 'docx', 'full'), null, 'DOCX is not available yet');
});
