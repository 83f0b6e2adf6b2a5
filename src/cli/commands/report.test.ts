import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { loadDatasetVersion } from '../../store/load-dataset.js';
import { migrate } from '../../store/migrate.js';
import { MIGRATIONS } from '../../store/migrations.js';
import { openSqlite } from '../../store/sqlite.js';
import { runPublish } from './publish.js';
import { outputsOf, runReport, snGroup } from './report.js';

test('the statistical-neighbour average is the groups file group named for statistical neighbours', () => {
  assert.equal(snGroup({ region: [], 'statistical-neighbours': [] }), 'statistical-neighbours');
  assert.equal(snGroup({ SN: [] }), 'SN');
  assert.equal(snGroup({ region: [] }), null);
  assert.equal(snGroup(undefined), null);
});

test('--out takes one or several files, each format from its extension', () => {
  assert.deepEqual(outputsOf('a.HTML'), [{ file: 'a.HTML', format: 'html' }]);
  assert.deepEqual(
    outputsOf(['r.pdf', 'r.docx']).map((o) => o.format),
    ['pdf', 'docx'],
  );
  assert.throws(() => outputsOf('r.txt'), /must end in \.html, \.pdf, \.docx, \.csv or \.json/);
  assert.throws(() => outputsOf(undefined), /--out is required/);
});

test('snGroup: a groups file naming neighbours per LA gives each LA its own, never another LA’s', () => {
  const groups = { 'statistical-neighbours:841': [], 'statistical-neighbours:805': [] };
  assert.equal(snGroup(groups, '805'), 'statistical-neighbours:805');
  assert.equal(snGroup(groups, '806'), null);
  assert.equal(snGroup({ 'statistical-neighbours': [] }, '806'), 'statistical-neighbours');
});

// report.md §6: cspi report --public and cspi publish look for the child-level identifiers of the dataset
// the report is computed from (here a child id and a date of birth planted in officers' commentary).
test('cspi report --public and cspi publish refuse a child id or DOB of the dataset, never printing it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-report-ids-'));
  const file = join(dir, 'cspi.db');
  const db = openSqlite(file);
  try {
    await migrate(db, MIGRATIONS);
    await importSmallLa(db, '841', 40);
    const data = (await loadDatasetVersion(db, '841'))!.dataset;
    const c = data.children.find(
      (x) => x.dob && !/-(01-01|03-31|04-01|06-30|07-01|09-30|10-01|12-31)$/.test(x.dob),
    )!;
    const [y, m, d] = c.dob!.split('-').map(Number) as [number, number, number];
    const born = `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`;
    const commentary = join(dir, 'commentary.json');
    writeFileSync(
      commentary,
      JSON.stringify({
        indicators: { 'assessments-45wd': { scorecard: `Child ${c.childId}, born ${born}.` } },
      }),
    );
    const out = join(dir, 'public.html');
    const opts = { period: '2021-22-Q3', la: '841', db: file, commentary };
    for (const run of [() => runReport({ ...opts, out, public: true }), () => runPublish(opts)]) {
      await assert.rejects(run(), (e: Error) => {
        assert.match(
          e.message,
          /PUB-CHILD-ID html: a child identifier of the dataset at line \d+ of the HTML/,
        );
        assert.match(
          e.message,
          /PUB-DOB html: a child’s date of birth of the dataset at line \d+ of the HTML/,
        );
        assert.ok(!e.message.includes(c.childId) && !e.message.includes(born), 'never the value');
        return true;
      });
    }
    assert.equal(existsSync(out), false, 'nothing written');
    assert.equal((await db.all('SELECT id FROM editions')).length, 0, 'nothing published');
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
