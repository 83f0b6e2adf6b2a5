import { recordsOf } from '../ingest/row-table.js';
import { stagedTablesOf } from '../ingest/episode-table.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  firstOfMonth,
  postcodeSector,
  pseudonymId,
  pseudonymiseIssue,
  pseudonymiseTables,
} from './pseudonymise.js';
import { assessment, child, episode, referral } from './test-records.js';
import type { IsoDate } from '../calendar/iso-date.js';

const key = { la: '841', secret: 's3cret' };

test('pseudonym ids: 20 hex characters, the same id gives the same pseudonym, the LA and secret both matter', () => {
  const a = pseudonymId(key, '1001');
  assert.match(a, /^[0-9a-f]{20}$/);
  assert.equal(pseudonymId(key, '1001'), a);
  assert.notEqual(pseudonymId({ la: '842', secret: 's3cret' }, '1001'), a);
  assert.notEqual(pseudonymId({ la: '841', secret: 'other' }, '1001'), a);
  fc.assert(
    fc.property(fc.string(), fc.string(), (x, y) => x === y || pseudonymId(key, x) !== pseudonymId(key, y)),
  );
});

test('dates of birth go to the first of the month; postcodes to the sector', () => {
  assert.equal(firstOfMonth('2010-01-15' as IsoDate), '2010-01-01');
  assert.equal(firstOfMonth(null), null);
  assert.equal(postcodeSector('DL1 5AB'), 'DL1 5');
  assert.equal(postcodeSector('sw1a1aa'), 'SW1A 1');
  assert.equal(postcodeSector('DL1'), null);
});

test('records: child ids keyed in every table, record ids and parent links kept consistent, distance derived first', () => {
  const r = referral('1001', '2021-05-01');
  const t = pseudonymiseTables(
    stagedTablesOf({
      children: [child('1001', { dob: '2010-01-15', upnHash: 'h' })],
      referrals: [r],
      assessments: [assessment(r, '2021-05-02', null)],
      episodes: [episode('1001', '2021-06-01', { homePost: 'DL1 5AB', plPost: 'DL3 6CD' })],
    }),
    key,
    [
      { pcd: 'DL15AB', easting: 428000, northing: 514000, laua: 'E06000005' },
      { pcd: 'DL36CD', easting: 428000, northing: 534000, laua: 'E06000005' },
    ],
  );
  const id = pseudonymId(key, '1001');
  assert.equal(t.children![0]!.childId, id);
  assert.equal(t.children![0]!.upnHash, null);
  assert.equal(recordsOf(t.referrals)[0]!.childId, id);
  assert.equal(recordsOf(t.assessments)[0]!.referralId, recordsOf(t.referrals)[0]!.id);
  assert.doesNotMatch(recordsOf(t.referrals)[0]!.id, /1001/);
  // 20 km = 12.4 miles, from the full postcodes before they become sectors.
  assert.equal(t.episodes!.record(0).plDistance, 12.4);
  assert.equal(t.episodes!.record(0).homePost, 'DL1 5');
});

test('stored issues lose child ids and personal values', () => {
  const i = pseudonymiseIssue(
    {
      code: 'GEN-DUP-KEY',
      severity: 'error',
      file: 'e.csv',
      table: 'episodes',
      position: 'line 9',
      childId: '1001',
      field: 'DOB',
      value: '15/01/2010',
      dfeRule: null,
      message: 'child 1001 already has an episode',
    },
    key,
  );
  assert.equal(i.childId, pseudonymId(key, '1001'));
  assert.equal(i.value, null);
  assert.doesNotMatch(i.message, /1001/);
});

test('stored SSDA903 tables and Annex A rows are pseudonymised too', () => {
  const d = (s: string) => s as IsoDate;
  const src = { file: 'x', position: 'line 2' };
  const out = pseudonymiseTables(
    {
      ad1: [
        {
          id: '1001',
          childId: '1001',
          year: '2021-22',
          dob: d('2019-03-15'),
          dateInt: d('2021-05-04'),
          dateMatch: null,
          fosterCare: null,
          nbAdoptr: null,
          sexAdoptr: null,
          lsAdoptr: null,
          source: src,
        },
      ],
      annexARows: [
        {
          id: 'List 10/2',
          list: 10,
          childId: '1001',
          asAt: null,
          cells: {
            'Child Unique ID': '1001',
            'Date of Birth': '2019-03-15',
            'Date entered care': '2020-01-02',
          },
          source: src,
        },
      ],
    },
    key,
  );
  const a = out.ad1![0]!;
  assert.deepEqual([a.childId, a.dob, a.dateInt], [pseudonymId(key, '1001'), '2019-03-01', '2021-05-04']);
  assert.deepEqual(out.annexARows![0]!.cells, {
    'Child Unique ID': pseudonymId(key, '1001'),
    'Date of Birth': '2019-03-01',
    'Date entered care': '2020-01-02',
  });
  assert.equal(out.annexARows![0]!.childId, pseudonymId(key, '1001'));
});

test('Annex A List 7 allocations: the child and the allocated worker are pseudonymised, the team kept', () => {
  const out = pseudonymiseTables(
    {
      annexACp: [
        {
          id: '1001/2021-10-01',
          childId: '1001',
          asAt: '2021-12-20' as IsoDate,
          startDate: '2021-10-01' as IsoDate,
          endDate: null,
          team: 'CP Team 1',
          worker: 'Jo Smith',
          source: { file: 'annex-a.xlsx', position: 'List 7!A2' },
        },
      ],
    },
    key,
  );
  const r = out.annexACp![0]!;
  assert.deepEqual(
    [r.childId, r.worker, r.team],
    [pseudonymId(key, '1001'), pseudonymId(key, 'Jo Smith'), 'CP Team 1'],
  );
});
