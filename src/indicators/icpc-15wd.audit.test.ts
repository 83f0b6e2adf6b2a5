/**
 * Audit of icpc-15wd against indicators.md (branch audit-a): hand-worked cases from the spec text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { isoDate } from '../calendar/iso-date.js';
import { readAsImport } from '../synth/read-as-import.js';
import { icpc15wd as def } from './icpc-15wd.js';
import { dataset, referral, run, section47, strategy, withVariants } from './lib/test-fixtures.js';
import { LIST_5_HEADER } from '../ingest/annex-a/annex-a-test-workbook.js';

// indicators.md §1.8 As-at: "A chain or count that uses several sources stops at the earliest of their
// as-at dates; e > that date gives the note `provisional`." Under `icpc.anchor = strategy` the figure
// uses the CIN census (Section47) and the local `strategy_discussions` file (§2 icpc-15wd, Data).
// CIN as at 2022-06-30, strategy_discussions as at 2022-06-10; 2022-23-Q1 ends 2022-06-30.
const twoSources = dataset(['cin-details', 'section47', 'strategy-discussions'], {
  asAt: {
    cin: isoDate('2022-06-30'),
    ssda903: null,
    local: { 'strategy-discussions': isoDate('2022-06-10') },
  },
  referrals: [referral('ref-A', 'A', '2022-05-10'), referral('ref-B', 'B', '2022-05-10')],
  section47s: [
    // A: ICPC before the strategy file's as-at, anchored on the strategy discussion of 2022-05-20
    // (wd(2022-05-20, 2022-06-08) = 12, 2 and 3 June being holidays): counted, within 15.
    section47('s-A', 'A', '2022-05-25', '2022-06-08'),
    // B: ICPC on 2022-06-20, after the strategy file's as-at: the count stops at 2022-06-10.
    section47('s-B', 'B', '2022-05-25', '2022-06-20'),
  ],
  strategyDiscussions: [strategy('sd-A', 'A', '2022-05-20')],
});
const strategyAnchor = withVariants({ 'icpc.anchor': 'strategy' });

test('audit §1.8: strategy variant, e after the strategy_discussions as-at date → note provisional', () => {
  const c = run(def, twoSources, '2022-23-Q1', 'in-period', strategyAnchor);
  assert.ok(
    c.notes.some((n) => n.code === 'provisional'),
    `notes were ${JSON.stringify(c.notes)}`,
  );
});

test('audit §1.8: strategy variant, the count stops at the earliest as-at date (ICPC after it not counted)', () => {
  const c = run(def, twoSources, '2022-23-Q1', 'in-period', strategyAnchor);
  // Only A's ICPC (2022-06-08 ≤ 2022-06-10) is counted; B's (2022-06-20) is after the strategy as-at.
  assert.deepEqual(
    c.members.map((m) => m.childId),
    ['A'],
  );
  assert.equal(c.denominator, 1);
  assert.equal(c.numerator, 1);
  // B is not silently measured from its S47 start as an `anchorFallback`.
  assert.equal(
    c.notes.find((n) => n.code === 'anchorFallback'),
    undefined,
  );
});

// inputs.md §4: "Annex A is a fallback, used only when an indicator's primary source is absent …; List 5
// can supply the strategy-discussion anchor of icpc-15wd." With a CIN census, no strategy_discussions.csv
// and an Annex A List 5, `icpc.anchor = strategy` should take the anchor from List 5's "Strategy
// discussion initiating Section 47 Enquiry Start Date", not be "not available".
const CIN_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>2023</Year><ReferenceDate>2023-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>841</LEA><SoftwareCode>x</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo><DateTime>2022-07-01T09:00:00</DateTime></Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers><LAchildID>C1</LAchildID><UPNunknown>UN1</UPNunknown><PersonBirthDate>2012-01-05</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2022-05-10</CINreferralDate>
        <ReferralSource>6</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <Section47>
          <S47ActualStartDate>2022-05-25</S47ActualStartDate>
          <InitialCPCtarget>2022-06-17</InitialCPCtarget>
          <DateOfInitialCPC>2022-06-17</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ReferralNFA>false</ReferralNFA>
      </CINdetails>
    </Child>
  </Children>
</Message>
`;

test('audit inputs §4: strategy anchor from Annex A List 5 when strategy_discussions.csv is absent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-audit-'));
  try {
    writeFileSync(join(dir, 'cin_census.xml'), CIN_XML);
    const wb = new ExcelJS.Workbook();
    const l5 = wb.addWorksheet('List 5');
    l5.addRow([...LIST_5_HEADER]);
    l5.addRow([
      'C1',
      'a) Male',
      'WBRI',
      '05/01/2012',
      10,
      'NONE',
      '23/05/2022',
      'No',
      '17/06/2022',
      'Yes',
      1,
      'T1',
      'W1',
    ]);
    await wb.xlsx.writeFile(join(dir, 'annex-a.xlsx'));
    const { assembled } = await readAsImport(dir, '841', isoDate('2022-07-10'));
    const c = run(def, assembled.dataset, '2022-23-Q1', 'in-period', strategyAnchor);
    assert.equal(c.status, 'ok', JSON.stringify(c.notes));
    // Anchored on Mon 2022-05-23: wd(2022-05-23, 2022-06-17) = 17 (2 and 3 June are holidays): not within.
    assert.equal(c.denominator, 1);
    assert.equal(c.members[0]!.dates['strategyDate'], '2022-05-23');
    assert.equal(c.numerator, 0);
    // The workbook's as-at is its latest date (the ICPC, 2022-06-17), before e: provisional (§1.8).
    assert.deepEqual(
      c.notes.map((n) => n.code),
      ['annexA', 'provisional'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('audit §1.8: default anchor reads the CIN census only; the strategy file as-at does not matter', () => {
  const c = run(def, twoSources, '2022-23-Q1', 'in-period');
  assert.equal(c.denominator, 2);
  assert.equal(
    c.notes.find((n) => n.code === 'provisional'),
    undefined,
  );
});

// inputs.md §4: with no CIN census, Annex A List 5 supplies the enquiries, keyed by "Strategy discussion
// initiating Section 47 Enquiry Start Date": under `icpc.anchor = strategy` that date is the strategy
// anchor itself, so no record "falls back" (§2 icpc-15wd: anchorFallback is for an ICPC with no strategy
// discussion).
test('audit inputs §4: Annex A List 5 alone, strategy anchor: the List 5 date is the anchor, no anchorFallback', () => {
  const data = {
    ...dataset(['cin-details', 'section47', 'strategy-discussions']),
    annexASupplied: new Set(['cin-details', 'section47', 'strategy-discussions'] as const),
    section47s: [{ ...section47('s-A', 'A', '2022-05-23', '2022-06-17'), referralId: '' }],
    strategyDiscussions: [strategy('sd-A', 'A', '2022-05-23')],
  };
  const c = run(def, data, '2022-23-Q1', 'in-period', strategyAnchor);
  assert.equal(c.denominator, 1);
  assert.equal(c.members[0]!.reason, 'ICPC 17 working days after strategy discussion');
  assert.equal(
    c.notes.find((n) => n.code === 'anchorFallback'),
    undefined,
  );
});
