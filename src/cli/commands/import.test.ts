import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Output } from '../output.js';
import type { ReadInputs } from './import.js';
import { runImport } from './import.js';
import { child, episode, ingestResult, staged } from '../../store/test-records.js';
import { openDatabase } from '../../store/open.js';
import { listDatasetVersions } from '../../store/dataset-versions.js';
import type { IngestResult } from '../../ingest/staged.js';
import {
  cinXml,
  csv,
  EPISODE_COLUMNS,
  episodeRows,
  HEADER_COLUMNS,
  headerRows,
  plainCinChildren,
} from '../../ingest/test-fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function capture(): Output & { lines: string[]; results: unknown[] } {
  const lines: string[] = [];
  const results: unknown[] = [];
  return {
    json: false,
    lines,
    results,
    info: (l) => lines.push(l),
    result: (v) => results.push(v),
    progress: () => ({ update: () => {}, stop: () => {} }),
  };
}

const reader =
  (r: IngestResult): (() => Promise<ReadInputs>) =>
  async () =>
  async () =>
    r;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cspi-import-'));
}

test('cspi import loads a clean set: exit 0, row accounting, report files, a new current version', async () => {
  const dir = tempDir();
  try {
    const s = staged('ssda903', '2021-22', {
      children: [child('C1')],
      episodes: [episode('C1', '2021-06-01')],
    });
    const out = capture();
    const code = await runImport(
      ['x'],
      { db: join(dir, 'cspi.db'), la: '841', reportDir: join(dir, 'r'), env: {} },
      reader(ingestResult('841', [s])),
      out,
    );
    assert.equal(code, 0);
    const text = out.lines.join('\n');
    assert.match(text, /episodes\.csv episodes\s+1\s+1\s+0\s+0\s+0/);
    assert.match(text, /dataset 841-v1 of LA 841 is now current/);
    const csv = readFileSync(join(dir, 'r', 'validation-report.csv'), 'utf8');
    assert.match(csv, /^\ufeffimport_id,file,table,position/);
    const json = JSON.parse(readFileSync(join(dir, 'r', 'validation-report.json'), 'utf8'));
    assert.equal(json.datasetId, '841-v1');
    assert.equal(json.exitCode, 0);
    const db = await openDatabase(join(dir, 'cspi.db'), { env: {} });
    assert.deepEqual(
      (await listDatasetVersions(db)).map((v) => v.id),
      ['841-v1'],
    );
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rows rejected: exit 1 and the rest loads; a refused import: exit 2, loaded 0 (import refused), nothing stored', async () => {
  const dir = tempDir();
  try {
    const s = staged('ssda903', '2021-22', {
      children: [child('C1')],
      episodes: [episode('C1', '2021-06-01')],
    });
    const bad = ingestResult('841', [s], {
      counts: [
        { file: 'episodes.csv', table: 'episodes', read: 2, loaded: 1, rejected: 1, warnings: 0, queries: 0 },
      ],
      issues: [
        {
          code: 'GEN-DATE',
          severity: 'error',
          file: 'episodes.csv',
          table: 'episodes',
          position: 'line 3',
          childId: 'C1',
          field: 'DECOM',
          value: '=31/02/2022',
          dfeRule: null,
          message: "DECOM '31/02/2022' is not a real date",
        },
      ],
    });
    const out = capture();
    assert.equal(
      await runImport(
        ['x'],
        { db: join(dir, 'cspi.db'), la: '841', reportDir: join(dir, 'r'), env: {} },
        reader(bad),
        out,
      ),
      1,
    );
    // A cell starting with = is escaped for spreadsheets.
    assert.match(readFileSync(join(dir, 'r', 'validation-report.csv'), 'utf8'), /'=31\/02\/2022/);

    const refused = ingestResult('841', [s], {
      refused: true,
      issues: [
        {
          code: 'S-ENCODING',
          severity: 'structural',
          file: 'episodes.csv',
          table: null,
          position: null,
          childId: null,
          field: null,
          value: null,
          dfeRule: null,
          message: "episodes.csv is UTF-16: save as 'CSV UTF-8' and re-import.",
        },
      ],
    });
    const out2 = capture();
    assert.equal(
      await runImport(
        ['x'],
        { db: join(dir, 'cspi.db'), la: '841', reportDir: join(dir, 'r'), env: {} },
        reader(refused),
        out2,
      ),
      2,
    );
    assert.match(out2.lines.join('\n'), /0 \(import refused\)/);
    assert.match(out2.lines.join('\n'), /S-ENCODING/);
    const db = await openDatabase(join(dir, 'cspi.db'), { env: {} });
    assert.deepEqual(
      (await listDatasetVersions(db)).map((v) => v.id),
      ['841-v1'],
    );
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an --la that is no LA code (a name, a typo) is refused before anything is read, naming the code to give', async () => {
  // A code the LA table does not know used to be kept as given: `--la Darlington` loaded LA 841's CIN census as
  // an LA called "Darlington", its LEA never compared (inputs.md §1: --la is the DfE number or ONS code).
  await assert.rejects(
    runImport(
      ['x'],
      { db: ':memory:', la: 'Darlington', env: {} },
      reader(ingestResult('841', [])),
      capture(),
    ),
    {
      message:
        '--la Darlington is not an LA code: Darlington is LA 841, so give --la 841 (the DfE number) or --la E06000005 (its ONS code).',
    },
  );
  await assert.rejects(
    runImport(['x'], { db: ':memory:', la: 'E0600005', env: {} }, reader(ingestResult('841', [])), capture()),
    {
      message:
        "--la E0600005 is not an LA code cspi knows: give the LA's three-digit DfE number (e.g. 841) or its ONS code (e.g. E06000005).",
    },
  );
  await assert.rejects(
    runImport(
      ['x'],
      { db: ':memory:', env: { CSPI_LA: 'darlington' } },
      reader(ingestResult('841', [])),
      capture(),
    ),
    /CSPI_LA darlington is not an LA code: Darlington is LA 841, so give 841 /,
  );
});

test('--pseudonymise without CSPI_LA_SECRET is refused before anything is read', async () => {
  await assert.rejects(
    runImport(
      ['x'],
      { db: ':memory:', la: '841', pseudonymise: true, env: {} },
      reader(ingestResult('841', [])),
      capture(),
    ),
    /CSPI_LA_SECRET/,
  );
});

test('a database locked by another process gives the "in use by another cspi process" message, never SQLITE_BUSY', async () => {
  const dir = tempDir();
  const file = join(dir, 'cspi.db');
  try {
    // Create and migrate the file first, then hold its write lock from another process.
    (await openDatabase(file, { env: {} })).close();
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.exec('BEGIN IMMEDIATE');d.exec("INSERT INTO las (code, created_at) VALUES ('999','x')");console.log('locked');setTimeout(()=>{},300000);`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on('data', (b: Buffer) => b.toString().includes('locked') && resolve());
        holder.on('exit', () => reject(new Error('lock holder exited')));
      });
      const r = spawnSync(
        process.execPath,
        ['bin/cspi.js', 'import', 'whatever', '--db', file, '--la', '841'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, CSPI_BUSY_TIMEOUT_MS: '100' },
        },
      );
      assert.equal(r.status, 2);
      assert.match(
        r.stderr,
        new RegExp(
          `the database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another cspi process \\(is \`cspi serve\` running\\?\\); stop it or import through the dashboard's data page`,
        ),
      );
      assert.doesNotMatch(r.stderr + r.stdout, /SQLITE_BUSY|at .*\.ts:\d+/);
    } finally {
      holder.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cut-short CIN census imported without --la is refused for the cut, not for the missing LA (issue 3)', async () => {
  const dir = tempDir();
  try {
    const xml = cinXml(plainCinChildren(3));
    const file = join(dir, 'cin_census.xml');
    writeFileSync(file, xml.slice(0, xml.indexOf('</Children>')));
    const db = join(dir, 'cspi.db');
    const r = spawnSync(
      process.execPath,
      ['bin/cspi.js', 'import', file, '--db', db, '--report-dir', join(dir, 'r')],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CSPI_LA: '' } },
    );
    assert.equal(r.status, 2, r.stderr);
    // The structural problem, with the file and the position, is what the newcomer reads; not "give --la".
    assert.match(
      r.stdout,
      /S-TRUNCATED\s+cin_census\.xml line \d+ col \d+: the file ends before <Message> is closed/,
    );
    assert.match(r.stdout, /Import refused: nothing was loaded; any dataset already stored is unchanged\./);
    assert.doesNotMatch(r.stdout + r.stderr, /give --la/);
    const store = await openDatabase(db, { env: {} });
    try {
      assert.deepEqual(await listDatasetVersions(store), []);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A refused import said "nothing would be loaded" (the shared summary's wording for `cspi validate`) just before
// its own "nothing was loaded": one fact in two wordings, the first as if nothing had been tried. It says it
// once, in the past, whichever way episodes.csv was cut (the unclosed quote's message said it a third time).
test('a refused import says once that nothing was loaded, never that nothing would be', async () => {
  const { readInputs } = await import('../../ingest/read-inputs.js');
  for (const [cut, tail] of [
    ['a short last line', '1004,01/05/2021,S,C2'],
    ['an unclosed quote', '1004,01/05/2021,S,C2,N1,U4,PR1,,,"CARPL'],
  ] as const) {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'header.csv'), csv(HEADER_COLUMNS, headerRows(4)));
      writeFileSync(join(dir, 'episodes.csv'), `${csv(EPISODE_COLUMNS, episodeRows(3))}${tail}`);
      const out = capture();
      const code = await runImport(
        [dir],
        { db: join(dir, 'cspi.db'), la: '841', reportDir: join(dir, 'r'), env: {} },
        async () => readInputs,
        out,
      );
      assert.equal(code, 2, cut);
      const text = out.lines.join('\n');
      assert.match(text, /S-TRUNCATED\s+episodes\.csv line 5: /, cut);
      assert.doesNotMatch(text, /would/, cut);
      assert.equal(text.match(/nothing was loaded/gi)?.length, 1, `${cut}:\n${text}`);
      assert.match(
        text,
        /\n\nImport refused: nothing was loaded; any dataset already stored is unchanged\. Fix the structural problems above and run again\.\nReport: /,
        cut,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

// S-LA-MISMATCH names where the import's LA came from, so the user knows what to change: CSPI_LA when it was
// the environment variable (README: the LA is --la, else CSPI_LA), not "--la", which they never typed.
test('a CIN census for another LA is refused naming --la or CSPI_LA, whichever gave the LA', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'cin.xml'), cinXml(plainCinChildren(2), { lea: '202' }));
    const { readInputs } = await import('../../ingest/read-inputs.js');
    for (const [opts, by] of [
      [{ env: { CSPI_LA: '841' } }, 'CSPI_LA'],
      [{ la: '841', env: { CSPI_LA: '805' } }, '--la'],
    ] as const) {
      const reportDir = join(dir, by);
      const code = await runImport(
        [join(dir, 'cin.xml')],
        { db: join(dir, 'cspi.db'), reportDir, ...opts },
        async () => readInputs,
        capture(),
      );
      assert.equal(code, 2, by);
      const report = JSON.parse(readFileSync(join(reportDir, 'validation-report.json'), 'utf8')) as {
        issues: { code: string; message: string }[];
      };
      const mismatch = report.issues.find((i) => i.code === 'S-LA-MISMATCH');
      assert.equal(
        mismatch?.message,
        `cin.xml: the CIN census is for LA 202, but this import is for LA 841 (${by}); import each LA's data separately.`,
        by,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
