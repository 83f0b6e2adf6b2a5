import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cinXml, plainCinChildren } from '../../ingest/test-fixtures.js';
import { createStoreServices } from '../real-services.js';
import { signIn, testApp } from '../testing/harness.js';
import { memoryDatabase } from '../testing/sqlite-memory.js';
import { readAudit } from './audit-log.js';
import { dataUploadDetail } from './data-upload.js';

test('a data-upload entry counts issues by severity and names files, never a child', () => {
  assert.deepEqual(
    dataUploadDetail({
      files: [
        { name: 'cin_census.xml', bytes: 100 },
        { name: '2021-22/episodes.csv', bytes: 23 },
      ],
      refused: false,
      datasetVersion: '841-v2',
      issues: [
        { severity: 'error' },
        { severity: 'warning' },
        { severity: 'warning' },
        { severity: 'query' },
      ],
    }),
    {
      files: 'cin_census.xml, 2021-22/episodes.csv',
      bytes: 123,
      refused: false,
      datasetVersion: '841-v2',
      structural: 0,
      errors: 1,
      warnings: 2,
      queries: 1,
    },
  );
});

// The Data page's "Loaded by" (report.md §9: who loaded each version): an upload of the same files again
// changes nothing and its entry names the version still current; the version's loader is the one who made it.
test('the dashboard names who loaded a version, not who uploaded the same files again', async () => {
  const db = await memoryDatabase();
  const services = createStoreServices(db);
  const { app } = await testApp(services, db);
  const upload = async (who: string) => {
    const user = await signIn(app, who);
    const form = new FormData();
    form.set('_csrf', user.csrf);
    form.set('files', new File([cinXml(plainCinChildren(3))], 'cin_census.xml', { type: 'text/xml' }));
    const r = await app.request('/data/upload?la=841', {
      method: 'POST',
      headers: { cookie: user.cookie },
      body: form,
    });
    assert.equal(r.status, 200, await r.text());
  };
  await upload('manager');
  await upload('admin');
  const entries = (await readAudit(db, { action: 'data-upload' })).entries.reverse();
  assert.deepEqual(
    entries.map((e) => [e.actor, e.detail['datasetVersion'], e.detail['files'], e.detail['refused']]),
    [
      ['manager', '841-v1', 'cin_census.xml', false],
      ['admin', '841-v1', 'cin_census.xml', false],
    ],
  );
  assert.deepEqual(
    (await services.datasets('841')).map((v) => [v.id, v.createdBy]),
    [['841-v1', 'manager']],
  );
});
