/**
 * End to end, as a user runs it (issue 4): `cspi synth` → `cspi import` → `cspi indicators --json`, with
 * every indicator computed, plausible, reproducible, and its numerator and denominator equal to the
 * sizes of the member lists `--members` prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDICATORS } from '../src/indicators/registry.js';
import type { IndicatorReport } from '../src/indicators/types.js';

const CLI = fileURLToPath(new URL('../bin/cspi.js', import.meta.url));
const cspi = (...args: string[]): string =>
  execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

test(
  'synth → import → indicators: all 24 computed, plausible, reproducible, members match the figures',
  { timeout: 600_000 },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspi-e2e-'));
    try {
      cspi(
        'synth',
        '--out',
        join(dir, 'data'),
        '--las',
        '1',
        '--years',
        '3',
        '--scale',
        '0.3',
        '--seed',
        '3',
      );
      const db = join(dir, 'cspi.db');
      const imported = spawnSync(
        process.execPath,
        [CLI, 'import', join(dir, 'data', '841'), '--la', '841', '--db', db, '--report-dir', dir, '--json'],
        { encoding: 'utf8' },
      );
      assert.ok(
        imported.status === 0 || imported.status === 1,
        `import exit ${imported.status}: ${imported.stderr}`,
      );

      const args = ['indicators', '--period', '2021-22-Q3', '--la', '841', '--db', db, '--json'];
      const text = cspi(...args);
      assert.equal(cspi(...args), text, 'computing twice gives byte-identical JSON');
      const report = JSON.parse(text) as IndicatorReport;
      assert.equal(report.la, '841');
      assert.deepEqual(report.period, { id: '2021-22-Q3', start: '2021-10-01', end: '2021-12-31' });
      assert.deepEqual(
        report.indicators.map((i) => i.id),
        INDICATORS.map((d) => d.id),
      );
      for (const r of report.indicators) {
        assert.equal(r.status, 'ok', `${r.id} is ${r.status}`);
        assert.ok(r.value !== null && r.value >= 0, `${r.id} value ${r.value}`);
        if (r.unit === 'percent') {
          assert.ok(r.value! <= 100, `${r.id} ${r.value}%`);
          assert.ok(r.denominator! > 0 && r.numerator! <= r.denominator!, r.id);
          assert.ok(r.ci95 && r.ci95[0] <= r.value! && r.value! <= r.ci95[1], `${r.id} interval ${r.ci95}`);
          assert.equal(r.trend.length, 8, `${r.id} trend`);
        }
      }
      const value = (id: string): number => report.indicators.find((i) => i.id === id)!.value!;
      // Plausible against England 2021-22 (indicators.md §2), wide enough for a small LA's quarter.
      assert.ok(value('referrals-rereferral-12m') > 5 && value('referrals-rereferral-12m') < 45);
      assert.ok(value('assessments-45wd') > 50);
      assert.ok(value('icpc-15wd') > 40);
      assert.ok(value('cic-placements-3plus') < 30);
      assert.ok(value('cic-count') > 20);

      // One indicator of each kind (occurrences, dues, children at a snapshot); every indicator's members are
      // checked against its figures in-process by src/indicators/engine/members-contract.test.ts.
      for (const id of ['icpc-15wd', 'cic-visits-in-time', 'cic-placements-3plus']) {
        const r = report.indicators.find((i) => i.id === id)!;
        const csv = cspi(
          'indicators',
          '--period',
          '2021-22-Q3',
          '--la',
          '841',
          '--db',
          db,
          '--members',
          r.id,
        );
        const rows = csv.trimEnd().split('\n').slice(1);
        const inNumerator = rows.filter((l) => l.split(',')[1] === 'Y').length;
        assert.equal(inNumerator, r.numerator, `${r.id}: numerator = members marked Y`);
        if (r.denominator !== null)
          assert.equal(rows.length, r.denominator, `${r.id}: denominator = member rows`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
