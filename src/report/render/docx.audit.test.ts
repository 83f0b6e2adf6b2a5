import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { renderDocx } from './docx.js';

// Audit (report.md §7 "DOCX: built-in heading styles"; §1 the paper meets WCAG 2.2 AA), read from the synth
// Darlington Word paper: a table's caption was always Heading 4, so "Appendix A: Scorecard" (Heading 2) was
// followed by "Scorecard, Q4 2021/22, by service area" (Heading 4), a skipped level that Word's accessibility
// checker and screen-reader heading lists report as headings out of order. Decided: a caption sits one level
// under the heading it follows: Heading 3 directly under a section's Heading 2, Heading 4 under a Heading 3.
test('audit: the Word paper never skips a heading level', async () => {
  for (const pub of [false, true]) {
    const model = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: pub }));
    const xml = await (
      await JSZip.loadAsync(await renderDocx(model))
    )
      .file('word/document.xml')!
      .async('string');
    const levels = [...xml.matchAll(/<w:pStyle w:val="Heading(\d)"\/>.*?<w:t[^>]*>([^<]*)</gs)].map((m) => ({
      level: Number(m[1]),
      text: m[2]!,
    }));
    assert.ok(levels.length > 10);
    levels.forEach((h, i) => {
      const prev = levels[i - 1]?.level ?? 0;
      assert.ok(h.level <= prev + 1, `"${h.text}" (Heading ${h.level}) follows a Heading ${prev}`);
    });
    const sc = levels.findIndex((h) => h.text.startsWith('Scorecard, '));
    assert.equal(levels[sc]!.level, 3, 'the scorecard caption is Heading 3 under Appendix A');
  }
});

// The printed scorecard's key to symbols split across two pages; the Word paper keeps it together as the PDF
// does: its heading and every item but the last are "keep with next".
test('the Word paper keeps the key to symbols on one page', async () => {
  const model = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions());
  const xml = await (
    await JSZip.loadAsync(await renderDocx(model))
  )
    .file('word/document.xml')!
    .async('string');
  const paras = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => m[1]!);
  const at = paras.findIndex((p) => p.includes('>Key to symbols<'));
  const key = paras.slice(at, at + 1 + paras.slice(at + 1).findIndex((p) => !p.includes('<w:numPr>')));
  assert.ok(key.length > 10, `${key.length} paragraphs`);
  key.forEach((p, i) => assert.equal(p.includes('<w:keepNext/>'), i < key.length - 1, `paragraph ${i}`));
});
