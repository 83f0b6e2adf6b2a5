/**
 * Audit of referrals-rereferral-12m against indicators.md and inputs.md (branch audit-a).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { isoDate } from '../calendar/iso-date.js';
import { readAsImport } from '../synth/read-as-import.js';
import { referralsRereferral12m as def } from './referrals-rereferral-12m.js';
import { dataset, referral, run } from './lib/test-fixtures.js';
import { LIST_3_HEADER } from '../ingest/annex-a/annex-a-test-workbook.js';

async function annexAList3(dir: string, rows: readonly [string, string][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const l3 = wb.addWorksheet('List 3');
  l3.addRow([...LIST_3_HEADER]);
  for (const [id, date] of rows)
    l3.addRow([id, 'a) Male', 'WBRI', '05/01/2012', 9, date, '6', 'No', 1, 'T1', 'W1']);
  await wb.xlsx.writeFile(join(dir, 'annex-a.xlsx'));
}

// indicators.md §1.3 History: "Look-back indicators (re-referrals, …) read earlier years and set the note
// `historyIncomplete` when the data begin less than the look-back before s." §2: "Data: CIN: …; history
// back to s − 12 months". inputs.md §4: Annex A List 3 is the fallback for referral indicators.
// Here the only referrals are an Annex A List 3 beginning 2021-06-01; 2021-22-Q3 needs them from 2020-10-01.
test('audit §1.3: referrals from Annex A List 3 beginning 2021-06-01 → 2021-22-Q3 is noted historyIncomplete', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-audit-'));
  try {
    await annexAList3(dir, [
      ['C1', '01/06/2021'],
      ['C1', '01/11/2021'],
      ['C2', '02/11/2021'],
    ]);
    const { assembled } = await readAsImport(dir, '841', isoDate('2022-01-10'));
    const c = run(def, assembled.dataset, '2021-22-Q3');
    assert.equal(c.denominator, 2);
    assert.equal(c.numerator, 1);
    assert.deepEqual(
      c.notes.find((n) => n.code === 'historyIncomplete'),
      {
        code: 'historyIncomplete',
        detail: 'data begin 2021-06-01; needs from 2020-10-01',
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('audit §1.3: a CIN census with no known history start is still not flagged', () => {
  const data = dataset(['cin-details'], { referrals: [referral('r1', 'A', '2021-11-01')] });
  assert.deepEqual(run(def, data, '2021-22-Q3').notes, []);
});
