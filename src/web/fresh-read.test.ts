import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forgetFresh, freshRead } from './fresh-read.js';
import { createLru } from './lru.js';
import { CURRENT_FRESH_MS } from './current-versions.js';

test('a fresh read is shared within CURRENT_FRESH_MS, read again after it, and at once when forgotten', async () => {
  const views = createLru<unknown>(16);
  let reads = 0;
  const load = async () => ++reads;
  assert.equal(await freshRead(views, 'k', load, 0), 1);
  assert.equal(await freshRead(views, 'k', load, CURRENT_FRESH_MS - 1), 1, 'still fresh');
  assert.equal(await freshRead(views, 'other', load, 1), 2, 'keys are separate');
  assert.equal(await freshRead(views, 'k', load, CURRENT_FRESH_MS), 3, 'stale: read again');
  forgetFresh(views, 'k');
  assert.equal(await freshRead(views, 'k', load, CURRENT_FRESH_MS + 1), 4, 'forgotten: read again');
});

test('a failed read is not kept', async () => {
  const views = createLru<unknown>(16);
  await assert.rejects(freshRead(views, 'k', () => Promise.reject(new Error('down')), 0));
  await new Promise((r) => setImmediate(r));
  assert.equal(await freshRead(views, 'k', async () => 'ok', 1), 'ok');
});
