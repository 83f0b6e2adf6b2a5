import { test } from 'node:test';
import assert from 'node:assert/strict';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { renderCsv, renderJson } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { renderDocx } from '../render/docx.js';
import type { OutputFormat } from '../render/render-output.js';
import { docxText } from './docx-text.js';
import { maskSmallCounts, rescanPublic, rescanPublicOutputs } from './rescan.js';
import { DEFAULT_SUPPRESSION } from './suppression.js';

test('the public Darlington report passes the publication check in HTML, CSV and JSON', () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  assert.deepEqual(rescanPublic(m, [renderHtml(m), renderCsv(m), renderJson(m)], DEFAULT_SUPPRESSION), []);
  const icpc = m.rows.find(
    (r) => r.indicator === 'icpc-15wd' && r.period === '2021-22-Q3' && r.breakdown === '',
  )!;
  assert.equal(icpc.suppressed, true);
  assert.equal(icpc.numerator, null);
  assert.equal(icpc.rating, null);
});

test('the full version fails the check: it shows 92.1% (35/38)', () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions());
  const codes = new Set(rescanPublic(m, [renderHtml(m)], DEFAULT_SUPPRESSION).map((b) => b.code));
  assert.ok(codes.has('PUB-NOT-PUBLIC'));
  assert.ok(codes.has('PUB-SMALL-FRACTION'));
  assert.ok(codes.has('PUB-ROW'));
});

test('an officer sentence naming 3 children is caught', () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  const b = rescanPublic(m, ['<p>Only 3 children were seen late.</p>'], DEFAULT_SUPPRESSION);
  assert.deepEqual(
    b.map((x) => x.code),
    ['PUB-SMALL-COUNT'],
  );
});

test('free text masks counts from 1 to k next to child words, at the threshold given', () => {
  assert.equal(
    maskSmallCounts('7 assessments lacking an authorisation date; 12 referrals', 10),
    'fewer than 11 assessments lacking an authorisation date; 12 referrals',
  );
  assert.equal(maskSmallCounts('7 assessments', 5), '7 assessments');
  assert.equal(maskSmallCounts('0 children', 5), '0 children');
});

test('a section number or decimal before a child word is not a count', () => {
  assert.equal(
    maskSmallCounts('§1.5, §1.8 care leavers; 2.7 children', 10),
    '§1.5, §1.8 care leavers; 2.7 children',
  );
  assert.equal(maskSmallCounts('In Q3. 8 care leavers', 10), 'In Q3. fewer than 11 care leavers');
});

/** A Word document of the given paragraphs, each a list of runs (as Word splits them), and one table row. */
async function plantedDocx(
  paragraphs: readonly (readonly string[])[],
  cells: readonly string[],
): Promise<Buffer> {
  const { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } = await import('docx');
  const doc = new Document({
    sections: [
      {
        children: [
          ...paragraphs.map((runs) => new Paragraph({ children: runs.map((text) => new TextRun({ text })) })),
          new Table({
            rows: [
              new TableRow({
                children: cells.map((c) => new TableCell({ children: [new Paragraph({ text: c })] })),
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// report.md §6 "every public output, including CSV and JSON, is rescanned before publication. Any breach
// fails it": the public DOCX is one; its text is read from word/document.xml (and headers and footers).
test('the publication check reads the public DOCX: a planted small number or small fraction fails it', async () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  const html = renderHtml(m);
  // "3" and " children" in two runs, as Word splits text: one phrase to the reader.
  const planted = await plantedDocx(
    [['Only 3', ' children were seen late.']],
    ['Visits in time', '92.1% (35/38)'],
  );
  const b = await rescanPublicOutputs(
    m,
    new Map<OutputFormat, Buffer | string>([
      ['html', html],
      ['docx', planted],
    ]),
    DEFAULT_SUPPRESSION,
  );
  assert.deepEqual(
    b.map((x) => [x.code, x.where, x.detail]),
    [
      ['PUB-SMALL-COUNT', 'docx', '"3 children"'],
      ['PUB-SMALL-FRACTION', 'docx', '(35/38)'],
    ],
  );
  // Adjacent table cells never read as one phrase: a row number beside a title is no count.
  const cells = await plantedDocx([['Quarter 3 2021/22']], ['3', 'children in care']);
  assert.deepEqual(await rescanPublicOutputs(m, new Map([['docx', cells]]), DEFAULT_SUPPRESSION), []);
});

test('the rendered public DOCX passes the check; the full version’s fails it on its fractions', async () => {
  const pub = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  assert.deepEqual(
    await rescanPublicOutputs(pub, new Map([['docx', await renderDocx(pub)]]), DEFAULT_SUPPRESSION),
    [],
  );
  const full = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions());
  const docx = await docxText(await renderDocx(full));
  assert.ok(docx.includes('(35/38)'), 'the full DOCX shows 92.1% (35/38)');
  const b = await rescanPublicOutputs(pub, new Map([['docx', await renderDocx(full)]]), DEFAULT_SUPPRESSION);
  assert.ok(b.some((x) => x.code === 'PUB-SMALL-FRACTION' && x.detail === '(35/38)' && x.where === 'docx'));
});

test('a PDF is checked as the HTML it is printed from, which the set must hold', async () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  await assert.rejects(
    rescanPublicOutputs(m, new Map([['pdf', Buffer.from('%PDF-1.7')]]), DEFAULT_SUPPRESSION),
    /reads a PDF as the HTML it is printed from/,
  );
  const b = await rescanPublicOutputs(
    m,
    new Map<OutputFormat, Buffer | string>([
      ['pdf', Buffer.from('%PDF-1.7')],
      ['html', '<p>Only 3 children were seen late.</p>'],
    ]),
    DEFAULT_SUPPRESSION,
  );
  assert.deepEqual(
    b.map((x) => [x.code, x.where]),
    [['PUB-SMALL-COUNT', 'html']],
  );
});

// report.md §6 "every public output … is rescanned": text a reader does not see on the page (alt text,
// titles, ARIA labels; a Word drawing's or table's alt text, the document properties) is still published.
test('non-visible HTML text is checked: alt, title and aria-label attributes', () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  const html = [
    '<img src="c.png" alt="Only 3 children were seen late">',
    '<svg role="img" aria-label="Seen in time (35/38)"></svg>',
    `<abbr title='2 care leavers'>CL</abbr>`,
    '<p>Nothing to see</p>',
  ].join('\n');
  assert.deepEqual(
    rescanPublic(m, [html], DEFAULT_SUPPRESSION, ['html']).map((x) => [x.code, x.detail]),
    [
      ['PUB-SMALL-COUNT', '"3 children"'],
      ['PUB-SMALL-COUNT', '"2 care leavers"'],
      ['PUB-SMALL-FRACTION', '(35/38)'],
    ],
  );
});

test('non-visible DOCX text is checked: a drawing’s alt text and title, the document properties', async () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  const { Document, ImageRun, Packer, Paragraph } = await import('docx');
  // A 1×1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const doc = new Document({
    description: 'Visits in time (35/38)',
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: png,
                transformation: { width: 10, height: 10 },
                altText: { name: 'chart', title: 'Trend', description: 'Only 4 children were seen late' },
              }),
            ],
          }),
        ],
      },
    ],
  });
  const b = await rescanPublicOutputs(
    m,
    new Map([['docx', await Packer.toBuffer(doc)]]),
    DEFAULT_SUPPRESSION,
  );
  assert.deepEqual(
    b.map((x) => [x.code, x.where, x.detail]),
    [
      ['PUB-SMALL-COUNT', 'docx', '"4 children"'],
      ['PUB-SMALL-FRACTION', 'docx', '(35/38)'],
    ],
  );
});
