import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sniffFile } from './sniff-file.js';
import { resolveLimits } from './limits.js';
import { buildZip } from './zip-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'cspi-sniff-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Sniffs a file with this content. */
async function sniff(name: string, content: string): Promise<Awaited<ReturnType<typeof sniffFile>>> {
  const path = join(dir, name);
  writeFileSync(path, content);
  return sniffFile(path, name, statSync(path).size, resolveLimits({}));
}

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const BODY = '<Message><Header/></Message>\n';
/** A comment of about n bytes over several lines. */
const comment = (n: number): string =>
  `<!--${'x'
    .repeat(99)
    .concat('\n')
    .repeat(Math.ceil(n / 100))}-->\n`;

// The first 64 KiB are looked at first; a prolog longer than that needs the longer (1 MiB) look.
describe('XML sniffing past a long prolog', () => {
  it('finds the root after a comment longer than the first 64 KiB', async () => {
    const r = await sniff('long-comment.xml', DECL + comment(70_000) + BODY);
    assert.deepEqual(r, { kind: 'cin-xml', encoding: 'utf-8' });
  });

  it('finds the root whose name the first 64 KiB cut in two, at every cut', async () => {
    for (const cut of [1, 2, 4, 7]) {
      // '<Message' starts so that only `cut` characters of it fall inside the first 64 KiB.
      const pad = 64 * 1024 - DECL.length - cut - '<!---->\n'.length;
      const r = await sniff(`cut-${cut}.xml`, `${DECL}<!--${'y'.repeat(pad)}-->\n${BODY}`);
      assert.deepEqual(r, { kind: 'cin-xml', encoding: 'utf-8' }, `cut ${cut}`);
    }
  });

  it('refuses a DOCTYPE after a long comment, naming its line', async () => {
    const r = await sniff('late-doctype.xml', `${DECL}${comment(70_000)}<!DOCTYPE Message>\n${BODY}`);
    assert.equal(r.kind, 'refused');
    if (r.kind !== 'refused') return;
    assert.equal(r.issue.code, 'S-XML-DTD');
    assert.equal(r.issue.position, 'line 703');
  });

  it('names an unknown root after a long comment', async () => {
    const r = await sniff('other.xml', DECL + comment(70_000) + '<Other/>\n');
    assert.equal(r.kind, 'refused');
    if (r.kind === 'refused') assert.equal(r.issue.code, 'S-XML-UNKNOWN');
  });
});

describe('JSON files', () => {
  it("names cspi synth's manifest and says which folder to import", async () => {
    const r = await sniff('manifest.json', '{\n  "generator": "cspi synth",\n  "seed": "1"\n}\n');
    assert.equal(r.kind, 'refused');
    if (r.kind !== 'refused') return;
    assert.equal(r.issue.code, 'S-UNRECOGNISED');
    assert.match(
      r.issue.message,
      /^manifest\.json is the manifest `cspi synth` writes .*import an LA's folder/,
    );
  });

  it('says any other JSON file is not an input format', async () => {
    const r = await sniff('notes.json', '  {"a": 1}');
    assert.equal(r.kind, 'refused');
    if (r.kind !== 'refused') return;
    assert.equal(r.issue.code, 'S-UNRECOGNISED');
    assert.match(r.issue.message, /^notes\.json is a JSON file, not one of the formats cspi imports/);
  });
});

// A newcomer's folder often holds a document beside the data: it is refused (content, not name, decides), and the
// message says what it is and to move it out, not to unzip a Word document or save a PDF as 'CSV UTF-8'.
describe('documents and images in the folder', () => {
  async function sniffBytes(name: string, content: Buffer): Promise<string> {
    const path = join(dir, name);
    writeFileSync(path, content);
    const r = await sniffFile(path, name, statSync(path).size, resolveLimits({}));
    assert.equal(r.kind, 'refused');
    return r.kind === 'refused' ? `${r.issue.code} ${r.issue.message}` : '';
  }
  const NOT_DATA =
    'not one of the formats cspi imports (SSDA903 CSV or XML, CIN census XML, Annex A .xlsx, local extract CSV): move it out of the folder and re-import.';

  it('names a Word document, a PDF and an image as such', async () => {
    const docx = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    assert.equal(
      await sniffBytes('notes.docx', docx),
      `S-UNRECOGNISED notes.docx is a Word document, ${NOT_DATA}`,
    );
    assert.equal(
      await sniffBytes(
        'guidance.pdf',
        Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\n', 'latin1'), Buffer.alloc(64, 7)]),
      ),
      `S-UNRECOGNISED guidance.pdf is a PDF document, ${NOT_DATA}`,
    );
    assert.equal(
      await sniffBytes(
        'logo.png',
        Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(64)]),
      ),
      `S-UNRECOGNISED logo.png is an image, ${NOT_DATA}`,
    );
    // Any other file with NUL bytes (not as many as UTF-16 text has) is not text.
    assert.equal(
      await sniffBytes(
        'data.bin',
        Buffer.from([...Array.from({ length: 200 }, (_, i) => (i % 255) + 1), 0, 0, 7]),
      ),
      `S-UNRECOGNISED data.bin is not a text file (it holds binary data), ${NOT_DATA}`,
    );
    // A zip named like a workbook is named as such.
    assert.equal(
      await sniffBytes('annex_a.xlsx', buildZip([{ name: 'readme.txt', data: Buffer.from('hi') }])),
      'S-UNRECOGNISED annex_a.xlsx is named like an Excel workbook but is a plain zip archive: open the workbook in Excel and save it as .xlsx (Excel Workbook), or, if it is an archive of data files, unzip it and import the files inside.',
    );
    // A zip of data files still says to unzip it.
    assert.equal(
      await sniffBytes('903.zip', buildZip([{ name: 'episodes.csv', data: Buffer.from('CHILD\n') }])),
      'S-UNRECOGNISED 903.zip is a zip archive: unzip it and import the files inside.',
    );
  });
});
