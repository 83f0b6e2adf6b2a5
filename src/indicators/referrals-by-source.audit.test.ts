/**
 * Audit of referrals-by-source against indicators.md and inputs.md (branch audit-a): hand-worked cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { isoDate } from '../calendar/iso-date.js';
import { readAsImport } from '../synth/read-as-import.js';
import { referralsBySource as def } from './referrals-by-source.js';
import { dataset, referral, run } from './lib/test-fixtures.js';
import { LIST_3_HEADER } from '../ingest/annex-a/annex-a-test-workbook.js';

// indicators.md §2 referrals-by-source: "Groups (ReferralSource): Individual 1A–1D; Schools 2A; Education
// services 2B; Health 3A–3F; …; LA services 5A–5D; …; blank or invalid = "Not recorded"" and "every
// group reports count, % and the shared denominator".
// inputs.md §4: "Annex A is a fallback … lists 3, 4, 5, 7, 8, 9 for referral … indicators" and "Annex A
// groups are coarser than statutory codes ("a) Individual" = 1A–1D)".
// So with no CIN census, an Annex A List 3 referral labelled "a) Individual" is an Individual referral
// (group 1), not a blank or invalid source.
test('audit §2 + inputs §4: Annex A List 3 group labels (Individual, Health services, LA services) count in their groups', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-audit-'));
  try {
    const wb = new ExcelJS.Workbook();
    const l3 = wb.addWorksheet('List 3');
    l3.addRow([...LIST_3_HEADER]);
    const row = (id: string, date: string, source: string) => [
      id,
      'a) Male',
      'WBRI',
      '05/01/2012',
      9,
      date,
      source,
      'No',
      1,
      'T1',
      'W1',
    ];
    l3.addRow(row('C1', '01/10/2021', 'a) Individual'));
    l3.addRow(row('C2', '02/10/2021', 'd) Health services'));
    l3.addRow(row('C3', '03/10/2021', 'f) LA services'));
    l3.addRow(row('C4', '04/10/2021', 'b) Schools'));
    l3.addRow(row('C5', '05/10/2021', ''));
    await wb.xlsx.writeFile(join(dir, 'annex-a.xlsx'));
    const { assembled } = await readAsImport(dir, '841', isoDate('2022-01-10'));
    const c = run(def, assembled.dataset, '2021-22-Q3');
    assert.equal(c.denominator, 5);
    assert.equal(c.numerator, 1); // Schools
    const rows = Object.fromEntries(c.breakdowns!['source']!.map((r) => [r.key, r.numerator]));
    assert.equal(rows['1'], 1, 'Individual');
    assert.equal(rows['3'], 1, 'Health services');
    assert.equal(rows['5'], 1, 'LA services');
    assert.equal(rows['not-recorded'], 1, 'only the blank source is not recorded');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('audit §2: in a CIN census an "Individual" ReferralSource is invalid, so "Not recorded"', () => {
  const data = dataset(['cin-details'], {
    referrals: [referral('r1', 'A', '2021-10-01', { referralSource: null, referralSourceRaw: 'Individual' })],
  });
  const c = run(def, data, '2021-22-Q3');
  const rows = Object.fromEntries(c.breakdowns!['source']!.map((r) => [r.key, r.numerator]));
  assert.equal(rows['1'], 0);
  assert.equal(rows['not-recorded'], 1);
  assert.equal(c.members[0]!.reason, 'source invalid');
});
