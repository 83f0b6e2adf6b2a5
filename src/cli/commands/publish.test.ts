import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriod } from '../../calendar/period.js';
import { computeAndStoreLa } from '../../hub/compute-la.js';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { loadEdition } from '../../report/edition/edition-store.js';
import { testStores } from '../../store/test-stores.js';
import { runPublish } from './publish.js';
import { runReport } from './report.js';

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

const quiet = <T>(f: () => Promise<T>): Promise<T> => {
  const log = console.log;
  console.log = () => {};
  return f().finally(() => {
    console.log = log;
  });
};

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
        assert.match(hub, /previous referral 5 0\.0% .* 1st of 5 \(Q1\)/);

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
