import { recordsOf } from '../../ingest/row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../../ingest/read-inputs.js';
import type { IngestResult } from '../../ingest/staged.js';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  TODAY,
  cinDetails,
  cinXml,
  csv,
  episodeRows,
  headerRows,
  tempFolders,
} from '../../ingest/test-fixtures.js';
import { firstCountableDate } from '../../calendar/bank-holidays.js';

// GEN-PAST (error; a reading, docs/spec-readings.md: inputs.md §6 lists no such rule, indicators.md §1.2 makes
// the bank-holiday table's range, 1990–2027 as shipped, a hard limit): an event date before 1 January of the
// table's first year is a typo (1922 for 2022). The row is not loaded, the rest loads, and the typo date does
// not date the file. Birth dates (DOB, PersonBirthDate, MC_DOB) are exempt. TODAY is 2024-06-01.

const temp = tempFolders();
after(temp.cleanup);

const lenient = { today: TODAY, la: '841', limits: { maxRejectRate: 1 } } as const;

/** Each GEN-PAST issue as [severity, file, position, child, field, value, message]. */
function past(r: IngestResult): string[][] {
  return r.issues
    .filter((i) => i.code === 'GEN-PAST')
    .map((i) => [i.severity, i.file!, i.position!, i.childId!, i.field!, i.value!, i.message]);
}

const WHY = 'is before 1990, earlier than any date cspi can count working days from; check the year';

describe('GEN-PAST: an event date before the bank-holiday table', () => {
  it('the shipped table begins in 1990', () => {
    assert.equal(firstCountableDate(), '1990-01-01');
  });

  it('SSDA903: a DECOM in 1922 is rejected; one on 1 January 1990 loads; a DOB or MC_DOB before 1990 loads', async () => {
    const f = temp.folder();
    f.write(
      'header.csv',
      csv(HEADER_COLUMNS, [
        ...headerRows(3),
        // Born before 1990 (1005 had her own child in 1989): birth dates, not events (ages use calendar
        // arithmetic).
        '1004,1,01/06/1989,WBRI,,,',
        '1005,2,01/02/1985,WBRI,,1,01/03/1989',
      ]),
    );
    f.write(
      'episodes.csv',
      csv(EPISODE_COLUMNS, [
        ...episodeRows(2),
        '1003,01/05/1922,S,C2,N1,U4,PR1,01/12/2021,E4A,,,,',
        '1004,01/01/1990,S,C2,N1,U4,PR1,01/12/2021,E4A,,,,',
        '1005,01/05/2021,S,C2,N1,U4,PR1,01/12/2021,E4A,,,,',
      ]),
    );
    const r = await readInputs([f.dir], lenient);
    assert.equal(r.refused, false);
    assert.deepEqual(past(r), [
      [
        'error',
        'episodes.csv',
        'line 4',
        '1003',
        'DECOM',
        '01/05/1922',
        `episodes.csv line 4: DECOM 01/05/1922 ${WHY}; this row was not loaded.`,
      ],
    ]);
    const t = r.submissions.find((s) => s.tables.episodes)!;
    assert.deepEqual(
      t.tables.episodes!.records().map((e) => [e.childId, e.decom]),
      [
        ['1001', '2021-05-01'],
        ['1002', '2021-05-01'],
        ['1004', '1990-01-01'],
        ['1005', '2021-05-01'],
      ],
    );
    assert.deepEqual(
      t.tables.children!.filter((c) => c.childId >= '1004').map((c) => [c.childId, c.dob]),
      [
        ['1004', '1989-06-01'],
        ['1005', '1985-02-01'],
      ],
    );
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'error').map((i) => i.code),
      ['GEN-PAST'],
    );
    assert.equal(t.collectionYear, '2021-22');
    assert.equal(t.asAt, '2021-12-01');
  });

  it('one scan serves GEN-FUTURE and GEN-PAST: a row with both a 1922 and a future date is reported once, by GEN-FUTURE, which runs first; a row with only a past date still by GEN-PAST', async () => {
    const f = temp.folder();
    f.write('header.csv', csv(HEADER_COLUMNS, headerRows(4)));
    f.write(
      'episodes.csv',
      csv(EPISODE_COLUMNS, [
        ...episodeRows(2),
        '1003,01/05/1922,S,C2,N1,U4,PR1,01/12/2031,E4A,,,,',
        '1004,01/05/1921,S,C2,N1,U4,PR1,01/12/2021,E4A,,,,',
      ]),
    );
    const r = await readInputs([f.dir], lenient);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.position, i.field, i.value]),
      [
        ['GEN-FUTURE', 'line 4', 'DEC', '01/12/2031'],
        ['GEN-PAST', 'line 5', 'DECOM', '01/05/1921'],
      ],
    );
    const t = r.submissions.find((s) => s.tables.episodes)!;
    assert.deepEqual(
      t.tables.episodes!.records().map((e) => e.childId),
      ['1001', '1002'],
    );
  });

  it('CIN: a CINreferralDate in 1922 rejects its CINdetails; 1 January 1990 and a PersonBirthDate in 1985 load', async () => {
    const f = temp.folder();
    const referral = (date: string): string =>
      cinDetails(
        `<CINreferralDate>${date}</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>0</ReferralNFA>`,
      );
    f.write(
      'cin.xml',
      cinXml([
        { id: 'C1', details: [referral('2021-06-01')] },
        { id: 'C2', details: [referral('1922-06-01')] },
        { id: 'C3', details: [referral('1990-01-01')] },
        { id: 'C4', dob: '1985-01-01', details: [referral('2021-07-01')] },
      ]),
    );
    const r = await readInputs([f.dir], lenient);
    assert.equal(r.refused, false);
    assert.deepEqual(past(r), [
      [
        'error',
        'cin.xml',
        '/Message/Children/Child[2]/CINdetails[1] line 24:15',
        'C2',
        'CINreferralDate',
        '1922-06-01',
        `cin.xml /Message/Children/Child[2]/CINdetails[1] (line 24): CINreferralDate 1922-06-01 ${WHY}; this CINdetails and everything in it was not loaded.`,
      ],
    ]);
    const s = r.submissions[0]!;
    assert.deepEqual(
      recordsOf(s.tables.referrals).map((x) => [x.childId, x.referralDate]),
      [
        ['C1', '2021-06-01'],
        ['C3', '1990-01-01'],
        ['C4', '2021-07-01'],
      ],
    );
    assert.equal(s.tables.children!.find((c) => c.childId === 'C4')?.dob, '1985-01-01');
  });

  it("local: a received_at in 1922 is rejected and does not stretch the file's date range back to 1922", async () => {
    const f = temp.folder();
    f.write(
      'contacts.csv',
      csv('contact_id,child_id,received_at,decided_at,outcome,source', [
        'K1,C1,2021-06-01T09:00,2021-06-02T10:00,nfa,1A',
        'K2,C2,1922-04-01T08:11,2021-04-06T12:38,referral,1A',
        'K3,C3,2022-03-01T09:00,2022-03-02T10:00,nfa,1A',
        'K4,C4,2021-09-01T09:00,1921-09-02T10:00,nfa,1A',
      ]),
    );
    const r = await readInputs([f.dir], lenient);
    assert.equal(r.refused, false);
    assert.deepEqual(past(r), [
      [
        'error',
        'contacts.csv',
        'line 3',
        'C2',
        'received_at',
        '1922-04-01',
        `contacts.csv line 3: received_at 1922-04-01 ${WHY}; this row was not loaded.`,
      ],
      [
        'error',
        'contacts.csv',
        'line 5',
        'C4',
        'decided_at',
        '1921-09-02',
        `contacts.csv line 5: decided_at 1921-09-02 ${WHY}; this row was not loaded.`,
      ],
    ]);
    const s = r.submissions[0]!;
    assert.deepEqual(
      s.tables.contacts!.map((c) => c.id),
      ['K1', 'K3'],
    );
    // §5: a newer file replaces earlier rows whose key date lies in its range: a range from 1922 would replace
    // every contact loaded before.
    assert.deepEqual(s.dateRange, { start: '2021-06-01', end: '2022-03-01' });
    assert.equal(s.collectionYear, '2021-22');
    assert.equal(s.asAt, '2022-03-02');
  });

  it('local: a key date on 1 January 1990 loads and dates the file', async () => {
    const f = temp.folder();
    f.write(
      'allocations.csv',
      csv('child_id,worker_id,allocation_start,allocation_end', [
        '1001,W1,1990-01-01,2021-02-10',
        '1002,W1,2021-07-01,',
      ]),
    );
    const r = await readInputs([f.dir], lenient);
    assert.deepEqual(past(r), []);
    const s = r.submissions[0]!;
    assert.equal(s.tables.allocations!.length, 2);
    assert.deepEqual(s.dateRange, { start: '1990-01-01', end: '2021-07-01' });
  });
});
