import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputFiles, isSkippedName } from './collect-input-files.js';

test('a folder walk skips hidden files, Office lock files and an embedded database beside the returns', async () => {
  for (const name of ['.DS_Store', '~$header.csv', 'cspi.db', 'cspi.db-wal', 'cspi.db-shm', 'x.DB-journal'])
    assert.equal(isSkippedName(name), true, name);
  for (const name of ['header.csv', 'cin_census.xml', 'annex_a.xlsx', 'db.csv', 'returns.zip'])
    assert.equal(isSkippedName(name), false, name);
  const dir = mkdtempSync(join(tmpdir(), 'cspi-collect-'));
  try {
    for (const f of ['header.csv', 'cspi.db', 'cspi.db-wal', 'cspi.db-shm', '.hidden.csv'])
      writeFileSync(join(dir, f), 'x');
    const { files, issues } = await collectInputFiles([dir]);
    assert.deepEqual(
      files.map((f) => f.name),
      ['header.csv'],
    );
    assert.deepEqual(issues, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
