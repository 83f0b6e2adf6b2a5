import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { testStores } from '../../store/test-stores.js';
import { readAudit } from '../../web/audit/audit-log.js';
import { storeDatasetSource } from '../dataset-source.js';
import { runIndicators } from './indicators.js';
import { runPublish } from './publish.js';
import { quiet } from '../test-quiet.js';
import { userInfo } from 'node:os';

/** The actor of a cspi command's audit entry: the command line and the OS user running it. */
const CLI_ACTOR = `command line (${userInfo().username})`;

for (const store of testStores()) {
  test(
    `the command line's child-level lists and publications are in the audit log, as the dashboard's are (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      try {
        await importSmallLa(db, '841', 40);
        // cspi indicators --members: the children behind one figure, as CSV and as JSON.
        for (const json of [false, true]) {
          const source = await storeDatasetSource(url, undefined);
          let printed = '';
          try {
            await runIndicators(
              { period: '2021-22-Q3', members: 'cic-count', ...(json ? { json: true } : {}) },
              source,
              (s) => void (printed += s),
            );
          } finally {
            await source.close();
          }
          assert.ok(printed.length > 0);
        }
        const lists = await readAudit(db, { action: 'child-level-export' });
        assert.deepEqual(
          lists.entries.map((e) => [e.actor, e.ip, e.la, e.detail]),
          (['json', 'csv'] as const).map((format) => [
            CLI_ACTOR,
            null,
            '841',
            {
              indicator: 'cic-count',
              period: '2021-22-Q3',
              datasetVersion: '841-v1',
              rows: 40,
              list: 'all',
              format,
              identifiable: true,
            },
          ]),
          'newest first; no child id in the entry',
        );
        // cspi publish.
        const e = await quiet(() => runPublish({ period: '2021-22-Q3', la: '841', db: url }));
        const published = await readAudit(db, { action: 'report-publish' });
        assert.deepEqual(
          published.entries.map((x) => [x.actor, x.la, x.detail]),
          [[CLI_ACTOR, '841', { period: '2021-22-Q3', edition: e.id, datasetVersion: '841-v1' }]],
        );
      } finally {
        await cleanup();
      }
    },
  );
}
