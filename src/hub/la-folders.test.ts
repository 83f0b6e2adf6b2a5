import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStores } from '../store/test-stores.js';
import { fanOutImport } from './fan-out.js';
import { importPriority, laFolders } from './la-folders.js';
import { QUEUES, openQueue, queueTiming } from './queue.js';

const pg = testStores().find((s) => s.name === 'postgres')!;

/** A hub root: LA folders holding files of the given sizes (in nested year folders), plus non-LA entries. */
function hubRoot(sizes: Record<string, number[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'cspi-la-folders-'));
  for (const [la, files] of Object.entries(sizes)) {
    files.forEach((bytes, i) => {
      const dir = join(root, la, `20${21 + i}-${22 + i}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'cin_census.xml'), 'x'.repeat(bytes));
    });
  }
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, '999'), 'a file, not a folder');
  return root;
}

test('LA folders are the 3-digit folders, in code order, each with the bytes of every file under it', () => {
  const root = hubRoot({ '841': [100, 50], '201': [10], '805': [2048] });
  try {
    const folders = laFolders(root);
    assert.deepEqual(
      folders.map((f) => [f.la, f.bytes]),
      [
        ['201', 10],
        ['805', 2048],
        ['841', 150],
      ],
    );
    assert.deepEqual(folders[0]!.paths, [join(root, '201')]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('import priority is the size in KiB, within what the queue can hold', () => {
  assert.equal(importPriority(0), 0);
  assert.equal(importPriority(1023), 0);
  assert.equal(importPriority(2048), 2);
  assert.equal(importPriority(197_000_000), 192_382);
  assert.equal(importPriority(1e15), 2 ** 31 - 1);
});

test(
  'workers take the largest LA first, whatever order the jobs were queued in',
  { skip: pg.skip },
  async () => {
    const { url, cleanup } = await pg.open();
    const root = hubRoot({ '201': [5_000], '805': [900_000], '841': [60_000, 60_000] });
    const boss = await openQueue(url, queueTiming({}));
    try {
      await fanOutImport(boss, laFolders(root), queueTiming({}));
      const order: string[] = [];
      for (let i = 0; i < 3; i++) {
        const [job] = await boss.fetch<{ la: string }>(QUEUES.import);
        order.push(job!.data.la);
      }
      assert.deepEqual(order, ['805', '841', '201']);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5000 });
      await cleanup();
      rmSync(root, { recursive: true, force: true });
    }
  },
);
