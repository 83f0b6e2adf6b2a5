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
