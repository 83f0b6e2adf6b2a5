import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idleQueueHint, jobsResult, jobsSummary } from './hub.js';

const progress = (taken: { completed?: number; failed?: number; active?: number }) => ({
  total: 4,
  completed: taken.completed ?? 0,
  failed: taken.failed ?? 0,
  active: taken.active ?? 0,
  retried: 0,
  refused: 0,
  problems: [],
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

test('hub: a wait that gives up with jobs still queued or running says so and exits 1; all done exits 0', () => {
  const done = jobsSummary({ ...progress({ completed: 4 }) }, 60);
  assert.deepEqual(done, { line: '4 of 4 done, 0 failed, 0 retried after a failure', exitCode: 0 });
  const gaveUp = jobsSummary({ ...progress({ completed: 1, active: 1 }) }, 0.5);
  assert.equal(gaveUp.exitCode, 1);
  assert.equal(
    gaveUp.line,
    '1 of 4 done, 0 failed, 0 retried after a failure; stopped waiting after 0.5 min with 3 still queued or running (they stay on the queue for the workers; start workers with: cspi worker --db <hub url>)',
  );
  assert.equal(jobsSummary({ ...progress({ completed: 3, failed: 1 }) }, 60).exitCode, 1);
  const refused = jobsSummary({ ...progress({ completed: 4 }), refused: 1 }, 60);
  assert.equal(refused.exitCode, 1);
  assert.match(refused.line, /^3 of 4 done, .*, 1 import refused/);
  // (hub.audit.test.ts: the LAs refused or failed are named below the line, with why.)
});

test('hub --json: a wait that gives up says so outright (timedOut, pending), as the terminal line does', () => {
  const gaveUp = jobsResult(progress({ completed: 1, failed: 1, active: 1 }));
  assert.equal(gaveUp.timedOut, true);
  assert.equal(gaveUp.pending, 2, 'one running and one still queued');
  assert.equal(gaveUp.completed, 1, 'the counts are kept');
  const done = jobsResult(progress({ completed: 3, failed: 1 }));
  assert.equal(done.timedOut, false);
  assert.equal(done.pending, 0);
});
