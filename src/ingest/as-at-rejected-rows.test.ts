import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from './read-inputs.js';
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
} from './test-fixtures.js';
import {
  LIST_7_HEADER,
  LIST_9_HEADER,
  list9Row,
  writeWorkbook,
  xd,
} from './annex-a/annex-a-test-workbook.js';

const temp = tempFolders();
after(temp.cleanup);

// inputs.md §1: a submission's as-at date is its latest event date; §6: every row read is loaded or listed.
// Reading taken: a row that is not loaded is no event of its submission, whether the reader rejected it
// (GEN-DATE, GEN-FUTURE, AA-DATE) or a rule did after reading (GEN-DUP-KEY, 903-EP-ORDER, CIN-CPP-ORDER,
// LOC-ORDER…): none of its dates moves the as-at date (nor, for Annex A and local files, the key-date range and
// the collection year that follow from their dates).
const lenient = { today: TODAY, la: '841', limits: { maxRejectRate: 1 } } as const;

const errors = (r: Awaited<ReturnType<typeof readInputs>>): string[][] =>
  r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.position ?? '']);

const list7 = (id: string, start: unknown, review: unknown): unknown[] => [
  id,
  'Male',
  'WBRI',
  xd('2012-01-05'),
  9,
  'NONE',
  start,
  'Neglect',
  'Neglect',
  xd('2021-07-01'),
  'Yes',
  review,
  '',
  'No',
  0,
  'T',
  'W',
];

describe('as-at date: rows rejected by a rule after reading', () => {
  it('Annex A: the later row of a repeated key (GEN-DUP-KEY) does not date the workbook', async () => {
    const f = temp.folder();
    const p = await writeWorkbook(`${f.dir}/annex-a.xlsx`, {
      'List 7': [
        LIST_7_HEADER,
        list7('C1', xd('2021-06-10'), xd('2021-09-01')),
        // The same child and Plan Start Date: not loaded (GEN-DUP-KEY); its review of May 2022 used to make the
        // workbook as at 2022-05-01, in collection year 2022-23.
        list7('C1', xd('2021-06-10'), xd('2022-05-01')),
      ],
      // A care leaver with no dates of its own is as at the workbook's date.
      'List 9': [
        LIST_9_HEADER,
        list9Row({ 'Latest pathway plan review date': '', 'Latest date of contact': '' }),
      ],
    });
    const r = await readInputs([p], lenient);
    assert.deepEqual(errors(r), [['GEN-DUP-KEY', 'List 7!G3']]);
    const s = r.submissions[0]!;
    assert.equal(s.asAt, '2021-09-01', "C1's first row's review, the latest date of a loaded row");
    assert.equal(s.collectionYear, '2021-22', 'the year of that date');
    assert.deepEqual(
      s.tables.annexACp!.map((x) => x.asAt),
      ['2021-09-01'],
      "List 7's allocation is as at the workbook's date",
    );
    assert.deepEqual(
      s.tables.careLeavers!.map((x) => x.statusDate),
      ['2021-09-01'],
      "a List 9 row without a contact date takes the workbook's date",
    );
  });

  it('SSDA903: an episode ending before it starts (903-EP-ORDER) or repeating a key (GEN-DUP-KEY)', async () => {
    const f = temp.folder();
    f.write('header.csv', csv(HEADER_COLUMNS, headerRows(3)));
    f.write(
      'episodes.csv',
      csv(EPISODE_COLUMNS, [
        ...episodeRows(3),
        // Ends before it starts: not loaded; its DECOM of 10/01/2022 used to be the set's as-at date.
        '1002,10/01/2022,S,C2,N1,U4,PR1,05/01/2022,E4A,,,,',
        // Child 1003's episode from 01/05/2021 again, with a later DEC: not loaded.
        '1003,01/05/2021,S,C2,N1,U4,PR1,01/02/2022,E4A,,,,',
      ]),
    );
    const r = await readInputs([f.dir], lenient);
    assert.deepEqual(
      errors(r).map(([code]) => code),
      ['GEN-DUP-KEY', '903-EP-ORDER'],
    );
    const s = r.submissions[0]!;
    assert.equal(s.collectionYear, '2021-22');
    assert.equal(s.asAt, '2021-12-01', 'the latest DEC of a loaded episode');
  });

  it('CIN census without Source/DateTime: a CP plan ending before it starts, a repeated CINdetails', async () => {
    const f = temp.folder();
    const referral = (date: string, extra = ''): string =>
      `<CINreferralDate>${date}</CINreferralDate><ReferralSource>1A</ReferralSource>${extra}`;
    const xml = cinXml([
      { id: 'C1', details: [cinDetails(`${referral('2021-06-01')}<ReferralNFA>0</ReferralNFA>`)] },
      {
        id: 'C2',
        details: [
          cinDetails(
            `${referral('2021-07-01')}<ReferralNFA>0</ReferralNFA><ChildProtectionPlans><CPPstartDate>2022-02-10</CPPstartDate><CPPendDate>2022-02-01</CPPendDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>`,
          ),
        ],
      },
      {
        id: 'C3',
        details: [
          cinDetails(`${referral('2021-08-01')}<ReferralNFA>0</ReferralNFA>`),
          cinDetails(
            `${referral('2021-08-01', '<CINclosureDate>2022-03-01</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure>')}<ReferralNFA>0</ReferralNFA>`,
          ),
        ],
      },
    ]).replace(/<DateTime>[^<]*<\/DateTime>/, '');
    f.write('cin.xml', xml);
    const r = await readInputs([f.dir], lenient);
    assert.deepEqual(
      errors(r).map(([code]) => code),
      ['GEN-DUP-KEY', 'CIN-CPP-ORDER'],
    );
    const s = r.submissions[0]!;
    assert.equal(s.collectionYear, '2021-22');
    assert.equal(s.asAt, '2021-08-01', 'the latest date of a loaded element');
  });

  it('local extract: a contact decided before it was received (LOC-ORDER), a repeated contact_id', async () => {
    const f = temp.folder();
    f.write(
      'contacts.csv',
      csv('contact_id,child_id,received_at,decided_at,outcome,source', [
        'K1,C1,2021-06-01T09:00,2021-06-02T10:00,nfa,1A',
        // Decided before it was received: not loaded (LOC-ORDER).
        'K2,C2,2022-04-10T09:00,2022-04-05T09:00,nfa,1A',
        // K1 again: not loaded (GEN-DUP-KEY).
        'K1,C1,2021-06-01T09:00,2022-02-01T10:00,nfa,1A',
      ]),
    );
    const r = await readInputs([f.dir], lenient);
    assert.deepEqual(
      errors(r).map(([code]) => code),
      ['GEN-DUP-KEY', 'LOC-ORDER'],
    );
    const s = r.submissions[0]!;
    assert.equal(s.asAt, '2021-06-02', "K1's decision, the latest date of a loaded row");
    assert.deepEqual(s.dateRange, { start: '2021-06-01', end: '2021-06-01' });
    assert.equal(s.collectionYear, '2021-22', 'not 2022-23, the year of the rejected contact');
  });
});
