/**
 * Audit of cp-allocated-sw against indicators.md and inputs.md (branch audit-a).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { isoDate } from '../calendar/iso-date.js';
import { readAsImport } from '../synth/read-as-import.js';
import { cpAllocatedSw as def } from './cp-allocated-sw.js';
import { allocation, cpPlan, dataset, run } from './lib/test-fixtures.js';
import { LIST_7_HEADER } from '../ingest/annex-a/annex-a-test-workbook.js';

// indicators.md §2 cp-allocated-sw: denominator "Children with a CP plan open at e: CPPstartDate ≤ e and
// (CPPendDate blank or > e), each child counted once"; numerator "An allocations row with role =
// social-worker open at e: allocation_start ≤ e and (allocation_end blank or ≥ e). A team-only or
// other-role allocation does not count."
test('audit §2: boundaries at e — plan ending on e is not open; allocation ending on e counts; other role does not', () => {
  const data = dataset(['cp-plans', 'allocations'], {
    cpPlans: [
      cpPlan('p1', 'A', '2021-10-01', null),
      cpPlan('p2', 'A', '2021-11-01', null), // a second open plan: A counts once
      cpPlan('p3', 'B', '2021-06-01', '2021-12-31'), // ends on e: not open at e
      cpPlan('p4', 'C', '2021-12-31', null), // starts on e: open
      cpPlan('p5', 'D', '2021-12-01', null),
    ],
    allocations: [
      allocation('a1', 'A', 'W1', '2021-01-01', '2021-12-31'), // ends on e: still allocated
      allocation('a3', 'C', 'W3', '2022-01-01', null), // starts after e
      allocation('a4', 'D', 'W4', '2021-12-01', null, 'other'),
    ],
  });
  const c = run(def, data, '2021-22-Q3');
  assert.deepEqual(
    c.members.map((m) => [m.childId, m.inNumerator]),
    [
      ['A', true],
      ['C', false],
      ['D', false],
    ],
  );
});

// inputs.md §4: "Annex A is a fallback, used only when an indicator's primary source is absent …: lists
// 3, 4, 5, 7, 8, 9 for referral, assessment, ICPC, CP, CiC and care-leaver indicators"; List 7 (CP)
// carries "TW" = Allocated Team, Allocated Worker. Reading taken (annex-a/cp-allocated-sw-from-list-7.ts):
// as cic-allocated-sw answers from List 8's Allocated Worker, cp-allocated-sw answers from List 7's when
// allocations.csv is absent: the children with a plan open at the workbook's date, allocated when the
// Allocated Worker cell names a worker (C1); a blank cell is not allocated (C2).
test('audit inputs §4: without allocations.csv, cp-allocated-sw answers from Annex A List 7 Allocated Worker', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-audit-'));
  try {
    const wb = new ExcelJS.Workbook();
    const l7 = wb.addWorksheet('List 7');
    l7.addRow([...LIST_7_HEADER]);
    const row = (id: string, worker: string) => [
      id,
      'a) Male',
      'WBRI',
      '05/01/2012',
      9,
      'NONE',
      '01/10/2021',
      'NEG',
      'NEG',
      '20/12/2021',
      'Yes',
      '',
      '',
      'No',
      0,
      'T1',
      worker,
    ];
    l7.addRow(row('C1', 'W1'));
    l7.addRow(row('C2', ''));
    await wb.xlsx.writeFile(join(dir, 'annex-a.xlsx'));
    const { assembled } = await readAsImport(dir, '841', isoDate('2022-01-10'));
    const c = run(def, assembled.dataset, '2021-22-Q3');
    assert.equal(c.status, 'ok', JSON.stringify(c.notes));
    assert.equal(c.denominator, 2);
    assert.equal(c.numerator, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
