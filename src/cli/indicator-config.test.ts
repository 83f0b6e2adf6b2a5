import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriod } from '../calendar/period.js';
import { openDatabase } from '../store/open.js';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { storeDatasetSource } from './dataset-source.js';
import { reportRequestFor } from './indicator-config.js';

test('targets: the dashboard’s stored targets apply to the CLI; a --targets file overrides them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-config-'));
  const path = join(dir, 'cspi.db');
  try {
    const db = await openDatabase(path);
    await importSmallLa(db, '841', 3);
    await db.run(
      `INSERT INTO targets (la, indicator_id, financial_year, target, tolerance, tolerance_unit, kind, scheme, rationale, set_by, set_at)
       VALUES ('841', 'referrals-rereferral-12m', '2021-22', 15, 1, 'points', 'local', 'target-tolerance', 'agreed by the committee', 'test', '2021-04-01T00:00:00Z')`,
    );
    await db.close();
    const source = await storeDatasetSource(path, undefined);
    try {
      const period = parsePeriod('2021-22-Q3');
      const loaded = await source.load('841');
      const fromStore = await reportRequestFor(loaded, period, {}, source);
      const stored = fromStore.targets?.overrides.find((o) => o.indicator === 'referrals-rereferral-12m');
      assert.equal(stored?.target, 15);
      assert.equal(stored?.tolerance, 1);

      const file = join(dir, 'targets.json');
      writeFileSync(
        file,
        JSON.stringify({
          la: '841',
          year: '2021-22',
          targets: [{ indicator: 'referrals-rereferral-12m', target: 20 }],
        }),
      );
      const fromFile = await reportRequestFor(loaded, period, { targets: file }, source);
      assert.equal(
        fromFile.targets?.overrides.find((o) => o.indicator === 'referrals-rereferral-12m')?.target,
        20,
      );

      const otherYear = await reportRequestFor(loaded, parsePeriod('2022-23-Q1'), {}, source);
      assert.equal(otherYear.targets, null, 'targets are per financial year');
    } finally {
      await source.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
