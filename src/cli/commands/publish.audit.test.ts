/**
 * Audit of the committee clerk's path through editions (README "Committee report, editions and
 * restatements"; report.md §6, §8): publish a quarter, import later data, publish the quarter again, and
 * render an edition with `cspi report --edition`. Hand-worked on a small store: 40 children in care at the
 * end of Q2 2021/22 when first published, 44 after a later import (a restatement of 4, a small number under
 * the default k = 5).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { listEditions } from '../../report/edition/edition-store.js';
import { listDatasetVersions } from '../../store/dataset-versions.js';
import { testStores } from '../../store/test-stores.js';
import { main } from '../main.js';
import { quiet } from '../test-quiet.js';
import { runPublish } from './publish.js';
import { runReport } from './report.js';

const Q2 = '2021-22-Q2';
const CIC = 'Number of Children in Care';

/** The words of the restatements table (Appendix D) of a report's HTML, or null when it has none. */
function restatementsTable(html: string): string | null {
  const m = /<table[^>]*id="restatements"[\s\S]*?<\/table>/.exec(html);
  return m
    ? m[0]
        .replace(/<[^>]+>/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/\s+/g, ' ')
    : null;
}

/** The restatements table's row (words) of an indicator. */
function restatementRow(html: string, title: string): string {
  const table = restatementsTable(html);
  assert.ok(table, 'the report has a restatements table');
  const at = table.indexOf(title);
  assert.ok(at >= 0, `${title} is restated`);
  return table.slice(at, at + 200);
}

/** Runs the `cspi` command line in this process: its exit code and what it wrote to stdout and stderr. */
async function cli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  const writeOut = process.stdout.write.bind(process.stdout);
  let stderr = '';
  let stdout = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  // The command writes strings; the test runner's own reports (bytes) go through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== 'string') return writeOut(chunk, ...rest);
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  // main() answers process.exitCode when set, and the test runner sets it to 1 once any test has failed.
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await quiet(() => main(argv));
    return { code, stdout, stderr };
  } finally {
    process.stderr.write = write;
    process.stdout.write = writeOut;
    process.exitCode = exitCode;
  }
}

for (const store of testStores()) {
  test(
    `§6/§8 the public restatements table never gives a restatement of 1..k: 40 published, 44 now shows "44" and not "40" (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const dir = mkdtempSync(join(tmpdir(), 'cspi-restated-public-'));
      try {
        await importSmallLa(db, '841', 40);
        const first = await quiet(() => runPublish({ period: Q2, la: '841', db: url }));
        await importSmallLa(db, '841', 44);
        const pub = join(dir, 'public.html');
        const full = join(dir, 'full.html');
        await quiet(() => runReport({ period: Q2, la: '841', db: url, out: pub, public: true }));
        await quiet(() => runReport({ period: Q2, la: '841', db: url, out: full }));
        // Full version: both figures and the change, against the first edition.
        assert.match(restatementRow(readFileSync(full, 'utf8'), CIC), new RegExp(`${first.id} 40 44 \\+4 `));
        // Public version: 44 is the published headline; 40 beside it gives the 4 children who moved.
        const row = restatementRow(readFileSync(pub, 'utf8'), CIC);
        assert.match(
          row,
          new RegExp(`${first.id} Not shown \\(small numbers\\) 44 Not shown \\(small numbers\\)`),
        );
        assert.doesNotMatch(row, /\b40\b/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await cleanup();
      }
    },
  );

  test(
    `§8 a quarter published again on later data is a new edition that keeps its restatements against the earlier one (not "No figure for this period has been published before"); the earlier stays as published (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const dir = mkdtempSync(join(tmpdir(), 'cspi-republish-'));
      try {
        await importSmallLa(db, '841', 40);
        const first = await quiet(() => runPublish({ period: Q2, la: '841', db: url }));
        await importSmallLa(db, '841', 44);
        const draft = join(dir, 'draft.html');
        await quiet(() => runReport({ period: Q2, la: '841', db: url, out: draft }));
        const second = await quiet(() => runPublish({ period: Q2, la: '841', db: url }));
        assert.notEqual(second.id, first.id);
        assert.deepEqual(
          (await listEditions(db, '841')).map((e) => [e.id, e.datasetId]),
          [
            [second.id, second.datasetId],
            [first.id, first.datasetId],
          ],
        );
        const render = async (id: string, pub: boolean): Promise<string> => {
          const file = join(dir, `${id}-${pub}.html`);
          await quiet(() => runReport({ period: '', edition: id, db: url, out: file, public: pub }));
          return readFileSync(file, 'utf8');
        };
        // The second edition is the draft the clerk previewed: the restatement against the first, kept.
        const full = await render(second.id, false);
        assert.equal(restatementsTable(full), restatementsTable(readFileSync(draft, 'utf8')));
        assert.match(restatementRow(full, CIC), new RegExp(`${first.id} 40 44 \\+4 `));
        assert.doesNotMatch(full, /No figure for this period has been published before/);
        assert.match(restatementRow(await render(second.id, true), CIC), /Not shown \(small numbers\) 44 /);
        // The first edition still shows exactly what it published.
        const was = await render(first.id, false);
        assert.match(was, /No published figure has been restated\./);
        assert.equal(restatementsTable(was), null);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await cleanup();
      }
    },
  );

  test(
    `--edition is rendered as published: another LA's --la, another --period or an option that would change it is refused in one line, exit 2, nothing written (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const dir = mkdtempSync(join(tmpdir(), 'cspi-edition-args-'));
      try {
        await importSmallLa(db, '841', 40);
        await importSmallLa(db, '840', 30);
        const e = await quiet(() => runPublish({ period: Q2, la: '841', db: url }));
        const out = join(dir, 'e.html');
        const base = ['report', '--edition', e.id, '--db', url, '--out', out];
        const refused = async (extra: readonly string[], words: RegExp) => {
          const r = await cli([...base, ...extra]);
          assert.equal(r.code, 2, `${extra.join(' ')} exits 2: ${r.stderr}`);
          assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
          assert.match(r.stderr, words);
          assert.equal(existsSync(out), false, 'nothing written');
        };
        await refused(['--la', '840'], new RegExp(`--edition ${e.id} is LA 841's, not 840's`));
        await refused(
          ['--period', '2021-22-Q3'],
          new RegExp(`--edition ${e.id} is of 2021-22-Q2, not 2021-22-Q3`),
        );
        await refused(['--committee', 'Cabinet'], /--committee cannot change a published edition/);
        await refused(['--settings', join(dir, 's.json')], /--settings cannot change a published edition/);
        await refused(['--meeting-date', '2022-01-12'], /--meeting-date cannot change a published edition/);
        const unknown = await cli(['report', '--edition', 'no-such', '--db', url, '--out', out]);
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /^cspi: --edition no-such: no such edition in /);
        assert.equal(unknown.stderr.trimEnd().split('\n').length, 1);
        // Its own LA and period are accepted.
        const ok = await cli([...base, '--la', '841', '--period', Q2]);
        assert.equal(ok.code, 0, ok.stderr);
        assert.ok(existsSync(out));
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await cleanup();
      }
    },
  );
}

for (const store of testStores()) {
  test(
    `publishing a period again says which edition it follows (the earlier stays as published), and --list marks the earlier one; --json alone on stdout (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      try {
        await importSmallLa(db, '841', 40);
        const publish = ['publish', '--period', Q2, '--la', '841', '--db', url];
        const first = await cli([...publish, '--json']);
        assert.equal(first.code, 0, first.stderr);
        const a = JSON.parse(first.stdout) as { edition: string; follows: string | null };
        assert.equal(a.follows, null);
        await importSmallLa(db, '841', 44);
        const second = await cli([...publish, '--json']);
        const b = JSON.parse(second.stdout) as { edition: string; follows: string | null };
        assert.equal(b.follows, a.edition);
        const listed = await cli(['publish', '--list', '--la', '841', '--db', url, '--json']);
        const list = JSON.parse(listed.stdout) as {
          editions: { id: string; publishedAgainAs: string | null }[];
        };
        assert.deepEqual(
          list.editions.map((e) => [e.id, e.publishedAgainAs]),
          [
            [b.edition, null],
            [a.edition, b.edition],
          ],
        );
        // Without --json, people read it.
        await importSmallLa(db, '841', 45);
        const third = await cli(publish);
        assert.match(
          third.stdout,
          new RegExp(
            `${Q2} was published before as edition ${b.edition}, which stays as published; later reports compare with 841-${Q2}-`,
          ),
        );
        // --period lists that period's editions only.
        const q3 = await cli(['publish', '--list', '--la', '841', '--period', '2021-22-Q3', '--db', url]);
        assert.equal(q3.stdout, 'No edition of 2021-22-Q3 has been published.\n');
        // A mistyped period is refused as every command refuses it: it once said "No edition of 2021-22-q2
        // has been published." (exit 0) of a period published three times.
        const typo = await cli(['publish', '--list', '--la', '841', '--period', '2021-22-q2', '--db', url]);
        assert.equal(typo.code, 2, typo.stdout);
        assert.equal(typo.stdout, '');
        assert.match(
          typo.stderr,
          /^cspi: "2021-22-q2" is not a period: write a financial year as 2021-22 or a quarter as 2021-22-Q3\n/,
        );
        const text = await cli(['publish', '--list', '--la', '841', '--db', url]);
        assert.match(text.stdout, new RegExp(`${a.edition} .*\\(published again as ${b.edition}\\)`));
      } finally {
        await cleanup();
      }
    },
  );
}

for (const store of testStores()) {
  test(
    `§8 cspi publish --list flags each published edition whose figures the current dataset would now give differently: which indicators, figures as published and now, the dataset and its import date (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      try {
        await importSmallLa(db, '841', 40);
        const q2 = await quiet(() => runPublish({ period: Q2, la: '841', db: url }));
        const q3 = await quiet(() => runPublish({ period: '2021-22-Q3', la: '841', db: url }));
        type Listed = {
          editions: {
            id: string;
            restatedSince: {
              dataset: { id: string; importedAt: string };
              indicators: { id: string; published: number | null; now: number | null; withheld: boolean }[];
            } | null;
          }[];
        };
        const list = async (): Promise<Listed> =>
          JSON.parse(
            (await cli(['publish', '--list', '--la', '841', '--db', url, '--json'])).stdout,
          ) as Listed;
        // Nothing imported since: nothing restated.
        assert.deepEqual(
          (await list()).editions.map((e) => [e.id, e.restatedSince]),
          [
            [q3.id, null],
            [q2.id, null],
          ],
        );
        // The analyst imports a correction: 44 children in care where Q2 and Q3 published 40.
        await importSmallLa(db, '841', 44);
        const v = (await listDatasetVersions(db, '841'))[0]!;
        const current = { id: v.id, importedAt: v.createdAt };
        const listed = await list();
        for (const id of [q3.id, q2.id]) {
          const x = listed.editions.find((e) => e.id === id)!.restatedSince;
          assert.ok(x, `${id} is flagged`);
          assert.deepEqual(x.dataset, current);
          assert.deepEqual(
            x.indicators.filter((i) => i.id === 'cic-count'),
            [
              {
                id: 'cic-count',
                title: CIC,
                unit: 'count',
                published: 40,
                now: 44,
                change: 4,
                withheld: false,
              },
            ],
          );
        }
        const text = await cli(['publish', '--list', '--la', '841', '--db', url]);
        assert.match(
          text.stdout,
          new RegExp(
            `${q2.id} .*\\n {2}Restated since publication: \\d+ indicators? would now give (a )?different figures? on dataset ${current.id} \\(imported ${current.importedAt.slice(0, 10)}\\): .*${CIC} \\(published 40, now 44\\)`,
          ),
        );
        // Published again on the current dataset: the new edition is not flagged, the earlier still is.
        const again = await quiet(() => runPublish({ period: Q2, la: '841', db: url }));
        const after = await list();
        assert.equal(after.editions.find((e) => e.id === again.id)!.restatedSince, null);
        assert.ok(after.editions.find((e) => e.id === q2.id)!.restatedSince);
      } finally {
        await cleanup();
      }
    },
  );
}

// report.md §8-§9: an edition says who published it. cspi publish wrote the commentary's author as the
// publisher: null for commentary written on the dashboard (the reports page and --list then named nobody),
// and for a --commentary file whoever the file says wrote it, not who ran the command. It now records the
// same "command line (OS user)" its audit entry names; the commentary's author stays in the frozen commentary.
for (const store of testStores()) {
  test(
    `cspi publish records "command line (OS user)" as who published, shown by --list and its --json (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const dir = mkdtempSync(join(tmpdir(), 'cspi-published-by-'));
      const actor = `command line (${userInfo().username})`;
      try {
        await importSmallLa(db, '841', 40);
        const stored = await quiet(() => runPublish({ period: Q2, la: '841', db: url }));
        const commentary = join(dir, 'commentary.json');
        writeFileSync(commentary, JSON.stringify({ author: 'J Officer', indicators: {} }));
        const fromFile = await quiet(() => runPublish({ period: Q2, la: '841', db: url, commentary }));
        assert.equal(stored.publishedBy, actor);
        assert.equal(fromFile.publishedBy, actor, 'who ran the command, not who wrote the commentary');
        assert.equal(fromFile.frozen.commentary.author, 'J Officer', 'the commentary keeps its author');
        assert.deepEqual(
          (await listEditions(db, '841')).map((e) => [e.id, e.publishedBy]),
          [
            [fromFile.id, actor],
            [stored.id, actor],
          ],
        );
        const json = await cli(['publish', '--list', '--la', '841', '--db', url, '--json']);
        assert.deepEqual(
          (JSON.parse(json.stdout) as { editions: { publishedBy: string | null }[] }).editions.map(
            (e) => e.publishedBy,
          ),
          [actor, actor],
        );
        const text = await cli(['publish', '--list', '--la', '841', '--db', url]);
        for (const id of [stored.id, fromFile.id])
          assert.ok(text.stdout.includes(`${id}  841 ${Q2}  published `), text.stdout);
        assert.equal(text.stdout.split(` by ${actor}  dataset `).length - 1, 2, text.stdout);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await cleanup();
      }
    },
  );
}
