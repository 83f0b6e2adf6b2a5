import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idleQueueHint } from './hub.js';

const progress = (taken: { completed?: number; failed?: number; active?: number }) => ({
  total: 4,
  completed: taken.completed ?? 0,
  failed: taken.failed ?? 0,
  active: taken.active ?? 0,
  retried: 0,
  refused: 0,
});

test('hub: the start-workers hint appears only once the queue has waited 15 s with no job taken', () => {
  assert.equal(idleQueueHint(progress({}), 14_999), null);
  assert.equal(
    idleQueueHint(progress({}), 15_000),
    'no worker has taken a job yet; start workers with: cspi worker --db <hub url>',
  );
  for (const taken of [{ active: 1 }, { completed: 1 }, { failed: 1 }])
    assert.equal(idleQueueHint(progress(taken), 60_000), null, JSON.stringify(taken));
});
