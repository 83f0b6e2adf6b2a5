import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../store/open.js';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { renderHtml } from '../render/html.js';
import type { EditionRecord } from './edition-store.js';
import { latestEdition, loadEdition, saveEdition } from './edition-store.js';
import { restatements } from './restatement.js';

test('an edition is stored, found as the latest of its period, and re-renders byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-ed-'));
  const db = await openDatabase(join(dir, 'cspi.db'));
  try {
    const report = darlingtonReport();
    const opts = defaultReportOptions({
      edition: 'E06000005-2021-22-Q3-1',
      generatedAt: '2022-02-01T10:00:00Z',
    });
    const model = buildRenderModel(report, FAKE_CATALOGUE, opts);
    const rec: EditionRecord = {
      id: 'E06000005-2021-22-Q3-1',
      la: report.la,
      period: report.period.id,
      publishedAt: '2022-02-01T10:00:00Z',
      publishedBy: null,
      datasetId: report.dataset.id,
      datasetHash: report.dataset.hash,
      softwareVersion: '0.0.0',
      frozen: {
        report,
        definitionVersions: {},
        options: { ...opts, public: false },
        commentary: opts.commentary,
        narrative: model.narrative,
      },
      outputHashes: {},
    };
    await saveEdition(db, rec);
    const back = await loadEdition(db, rec.id);
    assert.deepEqual(back?.frozen.report, report);
    assert.equal((await latestEdition(db, report.la, report.period.id))?.id, rec.id);
    const again = buildRenderModel(
      back!.frozen.report,
      FAKE_CATALOGUE,
      defaultReportOptions({ ...back!.frozen.options, edition: back!.id, generatedAt: back!.publishedAt }),
    );
    assert.equal(renderHtml(again), renderHtml(model));
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('restatements list each figure that changed since publication, with the change in points', () => {
  const published = darlingtonReport();
  const now = darlingtonReport({ 'assessments-45wd': { current: [163, 204], lastYear: [164, 192] } });
  const r = restatements(published, now, 'ed-1');
  assert.equal(r.length, 1);
  assert.equal(r[0]!.indicator, 'assessments-45wd');
  assert.deepEqual(r[0]!.published, { value: 80, numerator: 160, denominator: 200 });
  assert.deepEqual(r[0]!.now, { value: 79.9, numerator: 163, denominator: 204 });
  assert.equal(r[0]!.change, -0.1);
  const m = buildRenderModel(now, FAKE_CATALOGUE, defaultReportOptions({ restatements: r }));
  assert.ok(renderHtml(m).includes('80.0% (160/200)'));
});
