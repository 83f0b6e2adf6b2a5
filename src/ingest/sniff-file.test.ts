import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sniffFile } from './sniff-file.js';
import { resolveLimits } from './limits.js';

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
