import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  existingSideFiles,
  removeSideFilesLeftBy,
  sideFilesReason,
  unwritableSideFiles,
} from './sqlite-side-files.js';

function folder(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-side-'));
  const db = join(dir, 'cspi.db');
  writeFileSync(db, 'database');
  return { dir, db };
}

test('a read-only copy (mode 0444): the empty log and index a reader made are removed; ones already there stay', () => {
  const { dir, db } = folder();
  try {
    chmodSync(db, 0o444);
    writeFileSync(`${db}-shm`, 'index of someone else still reading');
    const before = existingSideFiles(db);
    writeFileSync(`${db}-wal`, '');
    removeSideFilesLeftBy(db, before);
    assert.deepEqual(readdirSync(dir).sort(), ['cspi.db', 'cspi.db-shm']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a database someone can write, or a log with something in it, keeps its side files', () => {
  for (const [mode, wal] of [
    [0o644, ''],
    [0o444, 'frames'],
  ] as const) {
    const { dir, db } = folder();
    try {
      chmodSync(db, mode);
      const before = existingSideFiles(db);
      writeFileSync(`${db}-wal`, wal);
      writeFileSync(`${db}-shm`, 'index');
      removeSideFilesLeftBy(db, before);
      assert.deepEqual(
        readdirSync(dir).sort(),
        ['cspi.db', 'cspi.db-shm', 'cspi.db-wal'],
        `${mode.toString(8)} ${wal}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('the side files this user cannot write are found, and named in what to do', () => {
  const { dir, db } = folder();
  try {
    writeFileSync(`${db}-wal`, '');
    writeFileSync(`${db}-shm`, 'index');
    assert.deepEqual(
      unwritableSideFiles(db, (f) => f.endsWith('-wal')),
      [`${db}-shm`],
    );
    assert.deepEqual(
      unwritableSideFiles(db, () => true),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(
    sideFilesReason(['/d/cspi.db-shm'], 0),
    'cannot be written by this user: cspi.db-shm beside it belongs to another user (left by someone reading the database without write access); when no cspi command is using the database, delete cspi.db-shm (it is rebuilt, and the log holds nothing) and run again',
  );
  // A log with changes in it was written by someone who can write the database: deleting it would lose them.
  const written = sideFilesReason(['/d/cspi.db-wal', '/d/cspi.db-shm'], 4096);
  assert.doesNotMatch(written, /delete/);
  assert.match(written, /run cspi as that user, or give this user write access to them/);
});
