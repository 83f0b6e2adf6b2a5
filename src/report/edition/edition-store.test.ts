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
import type { EditionRecord, FrozenEdition } from './edition-store.js';
import {
  FROZEN_REPORT_HEAD,
  latestEdition,
  loadEdition,
  loadEditionReport,
  publishedPeriods,
  saveEdition,
} from './edition-store.js';
import { restatements } from './restatement.js';
import { recordingDatabase } from './test-recording-db.js';

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

/** An edition of the Darlington fixture's report, frozen as `frozen` makes it. */
function editionOf(id: string, frozen: (report: FrozenEdition['report']) => FrozenEdition): EditionRecord {
  const report = darlingtonReport();
  return {
    id,
    la: report.la,
    period: report.period.id,
    publishedAt: '2022-02-01T10:00:00Z',
    publishedBy: null,
    datasetId: report.dataset.id,
    datasetHash: report.dataset.hash,
    softwareVersion: '0.0.0',
    frozen: frozen(report),
    outputHashes: {},
  };
}

const FROZEN_CHILD = 'CHILD-FROZEN-7';
const rest = (report: FrozenEdition['report']) => {
  const opts = defaultReportOptions({ edition: 'e', generatedAt: '2022-02-01T10:00:00Z' });
  return {
    definitionVersions: {},
    options: { ...opts, public: false },
    commentary: opts.commentary,
    narrative: buildRenderModel(report, FAKE_CATALOGUE, opts).narrative,
    // As a large LA's: millions of characters (more than the head read), the child looked for last.
    members: {
      'cic-count': [...Array.from({ length: 40_000 }, (_, n) => `C${n}`), FROZEN_CHILD].map((childId) => ({
        childId,
        inNumerator: true,
        recordIds: [`r-${childId}`],
        dates: 'a=2021-12-31',
      })),
    },
  };
};

test("an edition's frozen report is read without the children frozen with it, and is the report as published", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-ed-report-'));
  const db = await openDatabase(join(dir, 'cspi.db'));
  try {
    const e = editionOf('E06000005-2021-22-Q3-1', (report) => ({ report, ...rest(report) }));
    await saveEdition(db, e);
    const r = recordingDatabase(db);
    const back = await loadEditionReport(r.db, e.id);
    assert.deepEqual(back, { id: e.id, frozen: { report: e.frozen.report } });
    assert.ok(
      r.read.every((x) => !x.includes(FROZEN_CHILD)),
      'the frozen children are never read',
    );
    assert.equal(await loadEditionReport(db, 'no-such-edition'), undefined);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a draft's published periods take each period's latest edition's figures without the children frozen with it", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-ed-periods-'));
  const db = await openDatabase(join(dir, 'cspi.db'));
  try {
    const e = editionOf('E06000005-2021-22-Q3-1', (report) => ({ report, ...rest(report) }));
    await saveEdition(db, e);
    const r = recordingDatabase(db);
    const periods = await publishedPeriods(r.db, e.la, [e.period, '2020-21-Q1']);
    assert.deepEqual([...periods.keys()], [e.period]);
    const p = periods.get(e.period)!;
    assert.deepEqual([p.edition, p.publishedAt], [e.id, e.publishedAt]);
    const first = e.frozen.report.indicators[0]!;
    assert.deepEqual(p.figures.get(first.id), {
      value: first.value,
      numerator: first.numerator,
      denominator: first.denominator,
    });
    assert.equal(p.figures.size, e.frozen.report.indicators.length);
    assert.ok(
      r.read.every((x) => !x.includes(FROZEN_CHILD)),
      'the frozen children are never read',
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an edition whose frozen JSON does not begin with its report, or whose report runs past the head read, is read whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-ed-report-'));
  const db = await openDatabase(join(dir, 'cspi.db'));
  try {
    // The report after the other members (as no cspi writes it, but a row may hold it).
    const after = editionOf('E06000005-2021-22-Q3-after', (report) => ({ ...rest(report), report }));
    // A report longer than the head: a title of FROZEN_REPORT_HEAD characters.
    const long = editionOf('E06000005-2021-22-Q3-long', (report) => ({
      report: {
        ...report,
        indicators: report.indicators.map((i, n) =>
          n === 0 ? { ...i, title: 'x'.repeat(FROZEN_REPORT_HEAD) } : i,
        ),
      },
      ...rest(report),
    }));
    for (const e of [after, long]) {
      await saveEdition(db, e);
      assert.deepEqual(
        await loadEditionReport(db, e.id),
        { id: e.id, frozen: { report: e.frozen.report } },
        e.id,
      );
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
