import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

// `cspi … | head`: the reader closes the pipe before the command has written everything.
test('output into a pipe the reader has closed is dropped: no stack trace, the command exits as it would', async () => {
  const child = spawn(process.execPath, ['bin/cspi.js', 'indicators', 'list'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => (stderr += s));
  const [code] = (await once(child, 'close')) as [number | null];
  assert.doesNotMatch(stderr, /EPIPE|Unhandled|at /);
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
