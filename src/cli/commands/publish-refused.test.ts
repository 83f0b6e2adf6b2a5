import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { openDatabase } from '../../store/open.js';
import { readAudit } from '../../web/audit/audit-log.js';
import { runPublish } from './publish.js';
import { userInfo } from 'node:os';
import type { IsoDate } from '../../calendar/iso-date.js';
import { importDataset } from '../../store/import-dataset.js';
import { ingestResult, referral, staged } from '../../store/test-records.js';

/** The actor of a cspi command's audit entry: the command line and the OS user running it. */
const CLI_ACTOR = `command line (${userInfo().username})`;

// report.md §9: every attempt to publish is traced, as the dashboard's Publish button now traces a refused
// one (`report-publish-refused`). `cspi publish` audited only an edition written: a publish the publication
// check refused left no trace in the log.

test('§9 cspi publish refused by the publication check is audited, the rule codes only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-publish-refused-'));
  const file = join(dir, 'cspi.db');
  try {
    const db = await openDatabase(file);
    await importSmallLa(db, '841', 40);
    await db.close();
    const commentary = join(dir, 'commentary.json');
    writeFileSync(
      commentary,
      JSON.stringify({
        author: 'jo',
        indicators: { 'assessments-45wd': { scorecard: 'Three children waited longer than 15 days.' } },
      }),
    );
    await assert.rejects(
      runPublish({ period: '2021-22-Q3', la: '841', db: file, commentary }),
      /^UserError: PUB-CHECK: .*nothing was published:\n {2}PUB-SMALL-COUNT .*\nChange the commentary at those positions \(on the indicator's page of the dashboard, or in --commentary FILE\), then publish again; cspi report --period 2021-22-Q3 --public --out draft\.html runs the same check on a draft\.$/s,
    );
    const check = await openDatabase(file, { mustExist: true });
    try {
      assert.equal((await check.all('SELECT id FROM editions')).length, 0);
      // Two breaches: the scorecard commentary in the public HTML and in the public Word document.
      const { entries } = await readAudit(check, { action: 'report-publish-refused' });
      assert.deepEqual(
        entries.map((e) => [e.actor, e.la, e.detail]),
        [
          [
            CLI_ACTOR,
            '841',
            { period: '2021-22-Q3', reason: 'PUB-CHECK', breaches: 2, rules: 'PUB-SMALL-COUNT' },
          ],
        ],
      );
    } finally {
      await check.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A publish refused before it tried to publish (a period after the data, a bad --settings, no dataset) left
// no trace: only the publication check's and stale commentary's refusals were audited.

/** Runs a refused publish against a fresh store and returns the refused entries' actor, LA and detail. */
async function refusedEntries(
  load: boolean | 'dated',
  opts: { period: string; settings?: string },
  message: RegExp,
): Promise<unknown[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-publish-early-'));
  const file = join(dir, 'cspi.db');
  try {
    const db = await openDatabase(file);
    if (load === 'dated') {
      // A dataset with an as-at date (the extract's), so a period after it can be told.
      const referrals = [referral('841-C1', '2021-10-04')];
      const outcome = await importDataset(
        db,
        ingestResult('841', [staged('cin', '2021-22', { referrals }, { asAt: '2022-01-05' as IsoDate })]),
        { la: '841' },
      );
      assert.equal(outcome.kind, 'imported');
    } else if (load) await importSmallLa(db, '841', 40);
    await db.close();
    const settings = opts.settings === undefined ? {} : { settings: join(dir, 'settings.json') };
    if (opts.settings !== undefined) writeFileSync(settings.settings!, opts.settings);
    await assert.rejects(
      runPublish({ period: opts.period, ...(load ? { la: '841' } : {}), db: file, ...settings }),
      message,
    );
    const check = await openDatabase(file, { mustExist: true });
    try {
      const { entries } = await readAudit(check, { action: 'report-publish-refused' });
      return entries.map((e) => [e.actor, e.la, e.detail]);
    } finally {
      await check.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('§9 cspi publish of a period after the data is audited as refused (PERIOD-AFTER-DATA)', async () => {
  assert.deepEqual(await refusedEntries('dated', { period: '2031-32-Q3' }, /after the data of dataset/), [
    [CLI_ACTOR, '841', { period: '2031-32-Q3', reason: 'PERIOD-AFTER-DATA' }],
  ]);
});

test('§9 cspi publish with an invalid --settings is audited as refused (SETTINGS-FILE), no text of it', async () => {
  assert.deepEqual(await refusedEntries(true, { period: '2021-22-Q3', settings: '{ not json' }, /settings/), [
    [CLI_ACTOR, '841', { period: '2021-22-Q3', reason: 'SETTINGS-FILE' }],
  ]);
});

test('§9 cspi publish with no dataset in the store is audited as refused (NO-DATASET), no LA to name', async () => {
  assert.deepEqual(await refusedEntries(false, { period: '2021-22-Q3' }, /holds no datasets/), [
    [CLI_ACTOR, null, { period: '2021-22-Q3', reason: 'NO-DATASET' }],
  ]);
});

test('§9 cspi publish with no database: nothing to audit in, the error stands and no database is made', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-publish-nodb-'));
  const file = join(dir, 'missing.db');
  try {
    await assert.rejects(runPublish({ period: '2021-22-Q3', db: file }), /does not exist|no such|not exist/i);
    assert.equal(existsSync(file), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
