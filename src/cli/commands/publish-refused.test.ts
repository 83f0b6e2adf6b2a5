import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { openDatabase } from '../../store/open.js';
import { readAudit } from '../../web/audit/audit-log.js';
import { runPublish } from './publish.js';
import { userInfo } from 'node:os';

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
