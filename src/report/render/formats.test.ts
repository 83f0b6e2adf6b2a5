import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { CHROMIUM_PATH, launchBrowser } from './browser.js';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';

const model = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
const dir = mkdtempSync(join(tmpdir(), 'cspi-report-'));
const hasChromium = existsSync(CHROMIUM_PATH);
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const hasSoffice = spawnSync('soffice', ['--version']).error === undefined;
let browser: Browser | undefined;

before(async () => {
  if (hasChromium) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test(
  'PDF: A4, text extractable, contains the scorecard and the footer',
  {
    skip: !hasChromium
      ? `no chromium at ${CHROMIUM_PATH}`
      : !hasPdftotext
        ? 'pdftotext (poppler-utils) not installed'
        : false,
    timeout: 120_000,
  },
  async () => {
    const pdf = await renderPdf(model, browser);
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    assert.ok(text.includes('Performance Indicators Quarter 3 2021/22'));
    assert.ok(text.includes('Appendix A: Scorecard'));
    assert.ok(text.includes('Scorecard, Q3 2021/22, by service area'));
    assert.ok(text.includes('(160/200)') && text.includes('80.0%'));
    assert.match(text, /Page 1 of \d+/);
    assert.ok(text.includes('PUBLIC'));
    const info = execFileSync('pdfinfo', [file]).toString();
    assert.match(info, /Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
    assert.match(info, /Title:\s+Performance Indicators Quarter 3 2021\/22/);
  },
);

test('DOCX: its properties name the report and cspi as author and last editor (not the library\'s "Un-named")', async () => {
  const core = await (
    await JSZip.loadAsync(await renderDocx(model))
  )
    .file('docProps/core.xml')!
    .async('string');
  assert.match(core, /<dc:title>Performance Indicators Quarter 3 2021\/22<\/dc:title>/);
  assert.match(core, /<dc:creator>cspi \d+\.\d+\.\d+<\/dc:creator>/);
  assert.match(core, /<cp:lastModifiedBy>cspi \d+\.\d+\.\d+<\/cp:lastModifiedBy>/);
});

test(
  'DOCX: a valid Office Open XML package that LibreOffice converts without error',
  { skip: !hasSoffice ? 'LibreOffice (soffice) is not installed' : false, timeout: 180_000 },
  async () => {
    const docx = await renderDocx(model);
    assert.equal(docx.subarray(0, 2).toString(), 'PK');
    const file = join(dir, 'r.docx');
    writeFileSync(file, docx);
    const r = spawnSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, file],
      {
        timeout: 170_000,
      },
    );
    assert.equal(r.status, 0, r.stderr?.toString());
    const pdf = join(dir, 'r.pdf');
    assert.ok(existsSync(pdf));
    if (hasPdftotext) {
      const text = execFileSync('pdftotext', [pdf, '-']).toString();
      assert.ok(text.includes('Appendix A: Scorecard'));
      assert.ok(text.includes('● Green'));
    }
    assert.ok(readFileSync(pdf).length > 10_000);
  },
);
