import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriod } from '../../calendar/period.js';
import { computeAndStoreLa } from '../../hub/compute-la.js';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { commentaryEntry } from '../../report/commentary/test-entries.js';
import { addCommentary, figureUnder } from '../../report/commentary/commentary-store.js';
import { listEditions, loadEdition } from '../../report/edition/edition-store.js';
import { testStores } from '../../store/test-stores.js';
import { main } from '../main.js';
import { runPublish } from './publish.js';
import { computeFromStore, runReport } from './report.js';
import { quiet } from '../test-quiet.js';

const Q2 = '2021-22-Q2';
const Q3 = '2021-22-Q3';

/** The words of the HTML table with the given id. */
function tableText(html: string, id: string): string {
  const m = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>([\\s\\S]*?(?=<h|<table))?`).exec(html);
  assert.ok(m, `table ${id} is in the report`);
  return m[0]
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ');
}

/** The scorecard row (words) of an indicator title. */
function rowOf(html: string, title: string): string {
  const row = new RegExp(`<tr>(?:(?!</tr>)[\\s\\S])*?${title}[\\s\\S]*?</tr>`).exec(html);
  assert.ok(row, `${title} has a scorecard row`);
  return row[0]
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

for (const store of testStores()) {
  test(
    `a quarter published, then restated by a later import, is marked "r" in the next quarter's report; hub benchmarks beside the scorecard (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const dir = mkdtempSync(join(tmpdir(), 'cspi-publish-'));
      try {
        await importSmallLa(db, '841', 40);
        const q2 = await quiet(() => runPublish({ period: Q2, la: '841', db: url }));
        assert.equal(q2.frozen.report.indicators.find((r) => r.id === 'cic-count')?.value, 40);
        // A later import: four more children in care since before Q2 ends.
        await importSmallLa(db, '841', 44);
        // Four other LAs of the North East with figures stored by the hub (at least three others, so the hub
        // shares its means and quartiles with 841: src/hub/aggregate-sharing.ts).
        for (const [la, n] of [
          ['840', 30],
          ['805', 50],
          ['806', 36],
          ['807', 56],
        ] as const) {
          await importSmallLa(db, la, n);
          await computeAndStoreLa(db, la, parsePeriod(Q3));
        }
        const file = join(dir, 'q3.html');
        await quiet(() => runReport({ period: Q3, la: '841', db: url, out: file }));
        const html = readFileSync(file, 'utf8');
        const row = rowOf(html, 'Number of Children in Care');
        assert.match(row, / 44 r /, 'Q2 is 44 now, published as 40');
        const sc = tableText(html, 'scorecard');
        assert.match(sc, new RegExp(`Q2 2021/22: published as 40 in edition ${q2.id} on [^;]*; now 44`));
        // Benchmarks between the LAs loaded: 30, 36, 44, 50, 56 children in care (mean 43.2, quartiles 36, 44, 50).
        const hub = tableText(html, 'hub-benchmarks');
        assert.match(
          hub,
          /Number of Children in Care 5 43 36 44 50 43 \(5\) 82,170 .* Not ranked \(no polarity\)/,
        );
        assert.match(row, / 43 \(region 43\) Not ranked/);
        // Re-referrals (low is good): 0.0% in all five LAs, so 841 shares 1st place, best quartile.
        assert.match(hub, /previous referral 5 0\.0% .* 1st of 5 \(quartile 1, best\)/);

        // Publishing Q3 freezes the "r" marks and benchmarks; the edition re-renders them byte for byte.
        const q3 = await quiet(() => runPublish({ period: Q3, la: '841', db: url }));
        const frozen = (await loadEdition(db, q3.id))!.frozen;
        assert.ok(frozen.earlierRestatements?.some((x) => x.indicator === 'cic-count' && x.period === Q2));
        assert.equal(frozen.hubBenchmarks?.['cic-count']?.las, 5);
        const again = join(dir, 'again.html');
        await quiet(() => runReport({ period: '', edition: q3.id, db: url, out: again }));
        const re = readFileSync(again, 'utf8');
        assert.match(rowOf(re, 'Number of Children in Care'), / 44 r .*Not ranked/);
        const pub = join(dir, 'public.html');
        await quiet(() => runReport({ period: '', edition: q3.id, db: url, out: pub, public: true }));
        assert.match(readFileSync(pub, 'utf8'), /Benchmarks between local authorities/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await cleanup();
      }
    },
  );
}

const PUBLIC_TEXT = 'Placements are stable; two new foster carers approved.';
const INTERNAL_TEXT = 'Agency spend on assessments is over budget.';
const INTERNAL_SCORECARD = 'Over budget (internal)';
const FILE_TEXT = 'Commentary from the file, not the dashboard.';

/** Runs the `cspi` command line in this process: its exit code and what it wrote to stderr. */
async function cli(argv: readonly string[]): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await quiet(() => main(argv));
    return { code, stderr };
  } finally {
    process.stderr.write = write;
  }
}

for (const store of testStores()) {
  test(
    `§5 cspi report and cspi publish carry the commentary written on the dashboard (a --commentary file overrides); stale commentary refuses cspi publish until confirmed, and the edition freezes the history (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const dir = mkdtempSync(join(tmpdir(), 'cspi-commentary-'));
      try {
        await importSmallLa(db, '841', 40);
        const computed = await computeFromStore({ period: Q2, la: '841', db: url });
        const figureOf = (report: typeof computed.report, id: string) =>
          figureUnder(report.indicators.find((r) => r.id === id)!);
        const at = new Date('2026-11-29T10:00:00Z');
        const base = { la: '841', period: Q2, kind: 'edit', writtenBy: 'jo' } as const;
        await addCommentary(
          db,
          {
            ...base,
            indicatorId: 'cic-count',
            entry: commentaryEntry('cic-count', { text: 'An earlier draft.' }),
            figure: figureOf(computed.report, 'cic-count'),
          },
          at,
        );
        await addCommentary(
          db,
          {
            ...base,
            indicatorId: 'cic-count',
            entry: commentaryEntry('cic-count', { text: PUBLIC_TEXT, scorecard: 'Stable placements' }),
            figure: figureOf(computed.report, 'cic-count'),
          },
          new Date(at.getTime() + 1000),
        );
        await addCommentary(
          db,
          {
            ...base,
            indicatorId: 'assessments-45wd',
            entry: commentaryEntry('assessments-45wd', {
              text: INTERNAL_TEXT,
              scorecard: INTERNAL_SCORECARD,
              internal: true,
            }),
            figure: figureOf(computed.report, 'assessments-45wd'),
          },
          new Date(at.getTime() + 2000),
        );

        // cspi report without --commentary: the newest stored entry, in the narrative and the scorecard.
        const full = join(dir, 'full.html');
        await quiet(() => runReport({ period: Q2, la: '841', db: url, out: full }));
        let html = readFileSync(full, 'utf8');
        assert.ok(html.includes(PUBLIC_TEXT), 'the stored commentary is in the report');
        assert.ok(!html.includes('An earlier draft.'), 'only the newest entry');
        assert.match(rowOf(html, 'Number of Children in Care'), / Stable placements $/);
        assert.match(
          rowOf(html, 'assessments completed within timescale'),
          new RegExp(` ${INTERNAL_SCORECARD.replace(/[()]/g, '\\$&')} $`),
          'the full version carries internal commentary',
        );
        const pub = join(dir, 'public.html');
        await quiet(() => runReport({ period: Q2, la: '841', db: url, out: pub, public: true }));
        html = readFileSync(pub, 'utf8');
        assert.ok(html.includes(PUBLIC_TEXT));
        assert.ok(
          !html.includes(INTERNAL_TEXT) && !html.includes(INTERNAL_SCORECARD),
          'the public version never carries internal commentary',
        );

        // A --commentary file overrides the stored commentary entirely, as --targets overrides stored targets.
        const file = join(dir, 'commentary.json');
        writeFileSync(file, JSON.stringify({ indicators: { 'cic-count': { text: FILE_TEXT } } }));
        const fromFile = join(dir, 'file.html');
        await quiet(() => runReport({ period: Q2, la: '841', db: url, out: fromFile, commentary: file }));
        html = readFileSync(fromFile, 'utf8');
        assert.ok(html.includes(FILE_TEXT));
        assert.ok(!html.includes(PUBLIC_TEXT) && !html.includes(INTERNAL_SCORECARD));

        // A later import moves Q2's count from 40 to 44: the commentary on it is stale.
        await importSmallLa(db, '841', 44);
        const refused = await cli(['publish', '--period', Q2, '--la', '841', '--db', url]);
        assert.equal(refused.code, 2, 'a user error, as other refusals');
        assert.match(
          refused.stderr,
          /^cspi: The figure under the commentary on Number of Children in Care has changed since it was written\. Confirm or change the commentary on the indicator's page of the dashboard .*Nothing was published\.\n$/,
        );
        assert.doesNotMatch(refused.stderr, /assessments/i, 'only the stale indicator is named');
        assert.deepEqual(await listEditions(db, '841'), [], 'nothing was published');

        // An officer confirms the commentary against the new figure: cspi publish goes ahead.
        const now = await computeFromStore({ period: Q2, la: '841', db: url });
        const confirmed = await addCommentary(
          db,
          {
            ...base,
            kind: 'confirm',
            writtenBy: 'sam',
            indicatorId: 'cic-count',
            entry: commentaryEntry('cic-count', { text: PUBLIC_TEXT, scorecard: 'Stable placements' }),
            figure: figureOf(now.report, 'cic-count'),
          },
          new Date(at.getTime() + 3000),
        );
        const e = await quiet(() => runPublish({ period: Q2, la: '841', db: url }));
        const frozen = (await loadEdition(db, e.id))!.frozen;
        assert.equal(frozen.commentary.entries['cic-count']?.text, PUBLIC_TEXT);
        assert.equal(frozen.commentary.entries['assessments-45wd']?.internal, true);
        assert.deepEqual(
          frozen.commentaryHistory?.map((r) => [r.indicatorId, r.kind, r.writtenBy, r.entry.text]),
          [
            ['cic-count', 'confirm', 'sam', PUBLIC_TEXT],
            ['assessments-45wd', 'edit', 'jo', INTERNAL_TEXT],
            ['cic-count', 'edit', 'jo', PUBLIC_TEXT],
            ['cic-count', 'edit', 'jo', 'An earlier draft.'],
          ],
        );
        assert.equal(frozen.commentaryHistory?.[0]?.id, confirmed.id);
        const again = join(dir, 'again.html');
        await quiet(() => runReport({ period: '', edition: e.id, db: url, out: again, public: true }));
        html = readFileSync(again, 'utf8');
        assert.ok(html.includes(PUBLIC_TEXT) && !html.includes(INTERNAL_SCORECARD));
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await cleanup();
      }
    },
  );
}
