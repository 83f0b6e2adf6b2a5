import { test } from 'node:test';
import assert from 'node:assert/strict';
import type PgBoss from 'pg-boss';
import { jobsSummary } from '../cli/commands/hub.js';
import { briefError, ownFrame } from '../web/loggable-error.js';
import { failureReason, jobProgress } from './fan-out.js';
import { logFailure, type WorkerLog } from './worker.js';

// README "Running a hub": a run ends with one line per LA whose job failed, "with the error". Errors are
// written by kind and frames, never by message (it can quote a child's data): the whole dozen frames went into
// the summary, so each failed LA's line was several hundred characters of code frames. The summary now says
// the kind, code and first frame of cspi's own code; the frames only with CSPI_DEBUG=1; never the message.

/** A failure deep in cspi's code, under a native frame (JSON.parse), whose message quotes a child's data. */
function readSnapshotRow(): never {
  JSON.parse('{"child":"C77123","dob":"2011-03-0');
  throw new Error('unreachable');
}
const computeLa = (): never => readSnapshotRow();

/** What pg-boss keeps of a thrown error (serialize-error: the own properties, name, message and stack). */
const stored = (e: Error): unknown =>
  JSON.parse(JSON.stringify({ ...e, name: e.name, message: e.message, stack: e.stack }));

test('hub run summary: a failed LA is one short line (kind, first cspi frame), frames only with CSPI_DEBUG=1, never the message', async () => {
  const logged: Parameters<WorkerLog>[0][] = [];
  let thrown: Error | undefined;
  await logFailure(
    (l) => logged.push(l),
    'cspi-compute',
    { id: 'j1', data: { la: '841' } },
    Date.now(),
    async () => computeLa(),
  ).catch((e: Error) => (thrown = e));
  assert.ok(thrown);
  const output = stored(thrown);
  const jobs = new Map<string, unknown>([['a', { state: 'failed', retryCount: 1, output }]]);
  const queue = { getJobById: async (_q: string, id: string) => jobs.get(id) ?? null } as unknown as PgBoss;
  const p = await jobProgress(queue, 'cspi-compute', new Map([['841', 'a']]));
  const [, perLa, ...rest] = jobsSummary(p, 60).line.split('\n');
  assert.deepEqual(rest, []);
  assert.match(
    perLa!,
    /^ {2}LA 841 failed: SyntaxError at readSnapshotRow \(src\/hub\/failure-summary\.test\.ts:\d+:\d+\)$/,
  );
  // With CSPI_DEBUG=1 the summary gives the frames (the native JSON.parse first), still not the message.
  const debug = failureReason(output, true);
  assert.match(
    debug,
    /^SyntaxError at JSON\.parse \(<anonymous>\) \| at readSnapshotRow .* \| at computeLa /,
  );
  for (const text of [perLa!, debug, JSON.stringify(output), logged[0]!.outcome])
    assert.ok(!text.includes('C77123'), `no child data: ${text}`);
  // The worker's own log line keeps the frames, as before.
  assert.match(logged[0]!.outcome, /^failed: SyntaxError at JSON\.parse .* \| at computeLa /);
});

test('hub run summary: a failure stored by an earlier worker (every frame) is cut to its first frame', () => {
  const legacy = {
    name: 'Error',
    message:
      'TypeError (code E1) at f (/srv/cspi/src/a.ts:1:2) | at g (/srv/cspi/src/b.ts:3:4) (message withheld: set CSPI_DEBUG=1 to log it)',
  };
  assert.equal(failureReason(legacy, false), 'TypeError (code E1) at f (/srv/cspi/src/a.ts:1:2)');
  assert.equal(failureReason(legacy, true), legacy.message);
});

test('briefError and ownFrame: cspi frames only, with their path from cspi’s folder', () => {
  assert.equal(
    ownFrame('at run (/srv/cspi/src/hub/worker.ts:9:1)', '/srv/cspi/'),
    'run (src/hub/worker.ts:9:1)',
  );
  assert.equal(ownFrame('at file:///srv/cspi/dist/cli/main.js:2:3', '/srv/cspi/'), 'dist/cli/main.js:2:3');
  assert.equal(ownFrame('at q (/srv/cspi/node_modules/pg/lib/client.js:5:6)', '/srv/cspi/'), null);
  assert.equal(
    ownFrame('at process.processTicksAndRejections (node:internal/process/task_queues:95:5)'),
    null,
  );
  const noStack = Object.assign(new RangeError('C77123'), { stack: 'RangeError: C77123', code: 'E2' });
  assert.equal(briefError(noStack), 'RangeError (code E2)');
  assert.equal(briefError('C77123'), 'a thrown string (not an Error)');
});
