import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFolder } from './make-folder.js';
import { UserError } from './user-error.js';

test('makeFolder makes every missing level, and a folder that exists is left as it is', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'cspi-make-folder-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  makeFolder(join(root, 'a', 'b', 'c'));
  assert.ok(statSync(join(root, 'a', 'b', 'c')).isDirectory());
  makeFolder(join(root, 'a', 'b'));
  assert.ok(existsSync(join(root, 'a', 'b', 'c')));
  writeFileSync(join(root, 'file'), 'x');
  assert.throws(() => makeFolder(join(root, 'file', 'd')), { code: 'ENOTDIR' });
  assert.throws(
    () => makeFolder(join(root, 'file')),
    (e: unknown) =>
      e instanceof UserError &&
      e.message === `${join(root, 'file')} is a file, not a folder; choose a folder and run again`,
  );
});

test(
  'makeFolder refuses a folder under /proc in one clear line (Node’s recursive mkdir never returns there)',
  {
    skip: existsSync('/proc/self') ? false : 'no /proc on this machine',
  },
  () => {
    assert.throws(
      () => makeFolder('/proc/cspi-test/out'),
      (e: unknown) =>
        e instanceof UserError &&
        e.message ===
          'cannot make the folder /proc/cspi-test: /proc does not allow new folders; choose another folder and run again',
    );
  },
);
