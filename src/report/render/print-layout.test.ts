import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { StoredFigure } from '../../hub/indicator-results.js';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { hubBenchmarksOf } from '../model/hub-benchmarks.js';
import type { Block } from '../model/render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { CHROMIUM_PATH, launchBrowser } from './browser.js';
import { renderHtml } from './html.js';
import { renderPdf } from './pdf.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'cspi-print-'));
let browser: Browser | undefined;
before(async () => {
  if (hasChromium) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const fig = (la: string, indicatorId: string, value: number): StoredFigure => ({
  la,
  indicatorId,
  datasetId: `v-${la}`,
  status: 'ok',
  value,
  numerator: null,
  denominator: null,
});
/** The longest key: the public version (small-number items) with the benchmarks between LAs (two more). */
const report = darlingtonReport();
const model = buildRenderModel(
  report,
  FAKE_CATALOGUE,
  defaultReportOptions({
    public: true,
    hubBenchmarks: hubBenchmarksOf(
      report,
      ['840', '805', '352'].map((la, i) => fig(la, 'assessments-45wd', 60 + 10 * i)),
      { 'region:North East': ['E06000005', '840', '805'] },
    ),
  }),
);
const keyItems = (
  model.sections.find((s) => s.id === 'appendix-a')!.blocks.find((b) => b.kind === 'list') as Extract<
    Block,
    { kind: 'list' }
  >
).items;
const flat = (s: string) => s.replace(/\s+/g, ' ');

test(
  'PDF: the key to symbols is never split across pages, and its heading stays with it',
  {
    skip: !hasChromium ? `no chromium at ${CHROMIUM_PATH}` : !hasPdftotext ? 'no pdftotext' : false,
    timeout: 120_000,
  },
  async () => {
    const html = renderHtml(model);
    assert.match(html, /<h3>Key to symbols<\/h3>\s*<ul class="key">/);
    // The key starts 150 mm down a fresh landscape page (177 mm of it printable): only its first few items
    // fit there, so printed as it comes it would run onto the next page.
    const pushed = html.replace(
      '<h3>Key to symbols</h3>',
      '<div style="break-before:page;height:150mm"></div><h3>Key to symbols</h3>',
    );
    const file = join(dir, 'key.pdf');
    writeFileSync(file, await renderPdf(model, browser, pushed));
    const pages = execFileSync('pdftotext', [file, '-']).toString().split('\f').map(flat);
    const at = pages.findIndex((p) => p.includes('Key to symbols'));
    assert.ok(at >= 0);
    for (const item of keyItems) {
      const start = flat(item).slice(0, 40);
      assert.ok(pages[at]!.includes(start), `"${start}" is not on the key's page (${at + 1})`);
    }
  },
);

test(
  'print: no two scorecard cells nearly touch (Current beside RAG, "Not rated" included)',
  { skip: !hasChromium ? `no chromium at ${CHROMIUM_PATH}` : false, timeout: 120_000 },
  async () => {
    const context = await browser!.newContext({
      offline: true,
      // The printable width of a landscape A4 page (297 mm less 10 mm margins each side) at 96 px an inch.
      viewport: { width: Math.round((277 / 25.4) * 96), height: 800 },
    });
    try {
      const page = await context.newPage();
      await page.setContent(renderHtml(model), { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      // For each pair of neighbouring cells, the space between the last ink of one and the first of the next.
      // A string, not a function: tsx's helpers (__name) are not defined in the page.
      const gaps = (await page.evaluate(`(() => {
        const box = (el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          return rects.length
            ? { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) }
            : null;
        };
        const out = [];
        for (const tr of document.querySelectorAll('#scorecard tbody tr:not(.group)')) {
          const cells = [...tr.children];
          for (let i = 0; i + 1 < cells.length; i++) {
            const a = box(cells[i]);
            const b = box(cells[i + 1]);
            if (a && b) out.push({ gap: b.left - a.right, between: cells[i].textContent + ' | ' + cells[i + 1].textContent });
          }
        }
        return out;
      })()`)) as { gap: number; between: string }[];
      assert.ok(gaps.length > 50, `${gaps.length} pairs`);
      const close = gaps.filter((g) => g.gap < 8);
      assert.deepEqual(close, [], 'cells closer than 8 px (about 2 mm)');
    } finally {
      await context.close();
    }
  },
);
