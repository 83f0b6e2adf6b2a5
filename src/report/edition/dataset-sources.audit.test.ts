import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { listDatasetVersions } from '../../store/dataset-versions.js';
import { testStores } from '../../store/test-stores.js';
import { runPublish } from '../../cli/commands/publish.js';
import { editionModel } from './edition-model.js';
import { datasetSourcesOf } from './dataset-sources.js';
import { quiet } from '../../cli/test-quiet.js';

// Audit (report.md §2 item 7 "Appendix D: Data notes — dataset version, import date and extract date per
// source"): ReportOptions.datasetSources was never filled, so Appendix D gave the dataset version and one
// extract date but no source. Now storeComparisons reads them for cspi report, cspi publish and the
// dashboard, and an edition freezes them (its re-render gives them as published).

for (const store of testStores()) {
  test(
    `audit: Appendix D gives each source's import and extract date, in drafts and editions (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      try {
        await importSmallLa(db, '841', 12);
        const [version] = await listDatasetVersions(db, '841');
        const today = new Date().toISOString().slice(0, 10);
        const sources = await datasetSourcesOf(db, version!.id);
        assert.deepEqual(
          sources.map((s) => [s.source, s.importedAt]),
          [
            ['SSDA903 return', today],
            ['CIN census', today],
          ],
        );
        const edition = await quiet(() => runPublish({ period: '2021-22-Q3', la: '841', db: url }));
        assert.deepEqual(edition.frozen.datasetSources, sources);
        const d = editionModel(edition, true).sections.find((s) => s.id === 'appendix-d')!;
        const list = d.blocks.find((b) => b.kind === 'list');
        assert.ok(list && list.kind === 'list');
        assert.equal(
          list.items.filter((t) => /^(SSDA903 return|CIN census): imported \d{1,2} \w+ \d{4}/.test(t)).length,
          2,
        );
      } finally {
        await cleanup();
      }
    },
  );
}
