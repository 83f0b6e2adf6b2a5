import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileChunks } from './file-chunks.js';

test('fileChunks hands over every byte in order, in chunks of the size asked, the last one short', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-chunks-'));
  try {
    const path = join(dir, 'f.csv');
    const bytes = Buffer.from('CHILD,SEX\n1,1\n2,2\n');
    writeFileSync(path, bytes);
    const seen: Buffer[] = [];
    // Each chunk is copied: the reader reuses one buffer, so a chunk kept as it is would be overwritten.
    for await (const chunk of fileChunks(path, 4)) seen.push(Buffer.from(chunk));
    assert.deepEqual(
      seen.map((c) => c.length),
      [4, 4, 4, 4, 2],
    );
    assert.deepEqual(Buffer.concat(seen), bytes);

    writeFileSync(path, '');
    let n = 0;
    for await (const _ of fileChunks(path)) n++;
    assert.equal(n, 0, 'an empty file gives no chunk');

    // A file gone before it is read fails with the system's code, which the readers turn into S-NOT-FOUND.
    await assert.rejects(
      async () => {
        for await (const _ of fileChunks(join(dir, 'gone.xml')));
      },
      { code: 'ENOENT' },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
