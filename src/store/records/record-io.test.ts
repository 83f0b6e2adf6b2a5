import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordTables } from '../../ingest/staged.js';
import { stagedTablesOf } from '../../ingest/episode-table.js';
import { testStores } from '../test-stores.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from '../migrations.js';
import { readRecords, writeRecords } from './record-io.js';
import { RECORD_TABLES } from './record-tables.js';

const src = (n: number) => ({ file: 'f.csv', position: `line ${n}` });
const d = (s: string) => s as never;

/** One record of every table, every field filled (flags both ways, lists, decimals). */
const ALL: RecordTables = {
  children: [
    {
      childId: 'C1',
      dob: d('2010-01-15'),
      sex: 'F',
      ethnicity: 'WBRI',
      deathDate: d('2020-02-02'),
      upnHash: 'u',
      disabilities: ['AUT', 'HEAR'],
      sources: [src(2)],
    },
  ],
  uasc: [{ id: 'u1', childId: 'C1', dob: d('2010-01-15'), duc: d('2021-01-01'), source: src(3) }],
  referrals: [
    {
      id: 'r1',
      childId: 'C1',
      referralDate: d('2021-05-01'),
      referralSource: '1A',
      referralSourceRaw: 'x',
      primaryNeedCode: 'N1',
      closureDate: d('2021-06-01'),
      reasonForClosure: 'RC8',
      dateOfInitialCpc: d('2021-05-20'),
      referralNfa: true,
      source: src(4),
    },
  ],
  assessments: [
    {
      id: 'a1',
      referralId: 'r1',
      childId: 'C1',
      startDate: d('2021-05-02'),
      internalReviewDate: d('2021-05-10'),
      authorisationDate: d('2021-05-30'),
      factors: ['1A', '21'],
      source: src(5),
    },
  ],
  cinPlans: [
    {
      id: 'p1',
      referralId: 'r1',
      childId: 'C1',
      startDate: d('2021-05-03'),
      endDate: d('2021-05-31'),
      source: src(6),
    },
  ],
  section47s: [
    {
      id: 's1',
      referralId: 'r1',
      childId: 'C1',
      startDate: d('2021-05-04'),
      initialCpcTarget: d('2021-05-19'),
      dateOfInitialCpc: d('2021-05-20'),
      icpcNotRequired: false,
      source: src(7),
    },
  ],
  cpPlans: [
    {
      id: 'c1',
      referralId: 'r1',
      childId: 'C1',
      startDate: d('2021-05-20'),
      endDate: null,
      initialCategoryOfAbuse: 'NEG',
      latestCategoryOfAbuse: 'EMO',
      numberOfPreviousCpp: 2,
      reviewDates: [d('2021-08-01'), d('2021-11-01')],
      source: src(8),
    },
  ],
  episodes: [
    {
      id: 'e1',
      childId: 'C1',
      decom: d('2021-04-01'),
      rne: 'S',
      ls: 'C2',
      cin: 'N1',
      place: 'U4',
      placeProvider: 'PR1',
      dec: d('2021-09-01'),
      rec: 'E4A',
      reasonPlaceChange: 'CARPL',
      homePost: 'DL1 5AB',
      plPost: 'DL3 6CD',
      urn: 'SC123456',
      plDistance: 12.4,
      source: src(9),
    },
  ],
  cicReviews: [{ id: 'v1', childId: 'C1', reviewDate: d('2021-05-01'), reviewCode: 'PN1', source: src(10) }],
  missingEpisodes: [
    { id: 'm1', childId: 'C1', missing: 'A', start: d('2021-06-01'), end: null, source: src(11) },
  ],
  swEpisodes: [
    {
      id: 'w1',
      childId: 'C1',
      swId: 'SW123',
      start: d('2021-04-01'),
      end: d('2021-10-01'),
      reason: 'MANAGE',
      source: src(12),
    },
  ],
  oc2: [
    {
      id: 'o2',
      childId: 'C1',
      year: '2021-22',
      healthCheck: true,
      teethCheck: false,
      immunisations: null,
      healthAssessment: true,
      sdqScore: 14,
      convicted: false,
      substanceMisuse: false,
      source: src(13),
    },
  ],
  oc3: [
    {
      id: 'o3',
      childId: 'C1',
      year: '2021-22',
      dob: d('2003-01-01'),
      inTouch: 'YES',
      activ: 'F2',
      accom: 'B1',
      source: src(14),
    },
  ],
  ad1: [
    {
      id: 'a1',
      childId: 'C1',
      year: '2021-22',
      dob: d('2019-01-01'),
      dateInt: d('2021-05-01'),
      dateMatch: d('2021-08-01'),
      fosterCare: '0',
      nbAdoptr: '2',
      sexAdoptr: 'MF',
      lsAdoptr: 'L12',
      source: src(30),
    },
  ],
  placedAdoption: [
    {
      id: 'pa1',
      childId: 'C1',
      dob: null,
      datePlaced: d('2021-09-01'),
      datePlacedCeased: null,
      reasonPlacedCeased: null,
      source: src(31),
    },
  ],
  prevPerm: [
    {
      id: 'pp1',
      childId: 'C1',
      year: '2021-22',
      dob: d('2019-01-01'),
      prevPerm: 'P1',
      laPerm: '841',
      datePerm: d('2020-01-01'),
      source: src(32),
    },
  ],
  dolo: [{ id: 'dl1', childId: 'C1', dob: null, start: d('2026-05-01'), end: null, source: src(33) }],
  annexACic: [
    {
      id: 'ac1',
      childId: 'C1',
      asAt: d('2022-01-31'),
      startDate: d('2020-01-01'),
      uasc: false,
      categoryOfNeed: 'N1',
      repeatPeriod: true,
      legalStatus: 'C2',
      legalStatusStart: d('2020-03-01'),
      latestReview: d('2021-12-01'),
      lastSwVisit: d('2022-01-10'),
      permanencePlan: 'Long-term fostering',
      lastIroVisit: null,
      lastHealthAssessment: d('2021-06-01'),
      lastDentalCheck: d('2021-07-01'),
      placements12m: 2,
      ceasedDate: null,
      reasonCeased: null,
      placementStart: d('2021-03-01'),
      placementType: 'U4',
      placementProvider: 'PR1',
      placementPostcode: 'DL1 5AB',
      placementUrn: 'SC123456',
      placementLocation: 'IN',
      placementLa: '841',
      missingEpisodes: 0,
      absences: 1,
      returnInterviews: 0,
      team: 'CiC 1',
      worker: 'W7',
      unmapped: { 'Category of Need': 'Odd need' },
      source: src(34),
    },
  ],
  annexACp: [
    {
      id: 'C1/2021-10-01',
      childId: 'C1',
      asAt: d('2022-01-31'),
      startDate: d('2021-10-01'),
      endDate: null,
      team: 'CP 2',
      worker: 'W8',
      source: src(36),
    },
  ],
  annexARows: [
    {
      id: 'List 10/3',
      list: 10,
      childId: 'C1',
      asAt: d('2022-01-31'),
      cells: { 'Child Unique ID': 'C1', 'Date of decision': '2021-05-01' },
      source: src(35),
    },
  ],
  contacts: [
    {
      id: 'k1',
      childId: 'C1',
      receivedDate: d('2021-04-30'),
      receivedAt: '2021-04-30T10:15',
      decidedDate: d('2021-05-01'),
      decidedAt: '2021-05-01T09:00+01:00',
      outcome: 'referral',
      referralSource: '2A',
      source: src(15),
    },
  ],
  strategyDiscussions: [
    { id: 'sd1', childId: 'C1', strategyDate: d('2021-05-03'), s47Start: null, source: src(16) },
  ],
  cpVisits: [
    {
      id: 'cv1',
      childId: 'C1',
      visitDate: d('2021-06-01'),
      childSeen: true,
      seenAlone: null,
      visitId: 'V9',
      source: src(17),
    },
  ],
  claVisits: [
    {
      id: 'lv1',
      childId: 'C1',
      visitDate: d('2021-06-02'),
      childSeen: false,
      seenAlone: false,
      visitId: null,
      source: src(18),
    },
  ],
  allocations: [
    {
      id: 'al1',
      childId: 'C1',
      workerId: 'W1',
      start: d('2021-04-01'),
      end: null,
      role: 'social-worker',
      team: 'Team A',
      source: src(19),
    },
  ],
  workers: [{ workerId: 'W1', qualifiedSw: true, sweRegistration: 'SW123', source: src(20) }],
  healthChecks: [
    {
      id: 'h1',
      childId: 'C1',
      checkType: 'RHA',
      checkDate: d('2021-07-01'),
      outcome: 'declined',
      source: src(21),
    },
  ],
  careLeavers: [
    {
      id: 'cl1',
      childId: 'C1',
      statusDate: d('2021-08-01'),
      inTouch: 'YES',
      activity: 'F1',
      accommodation: 'U1',
      eligibility: 'former-relevant',
      source: src(22),
    },
  ],
  placementsLongTerm: [
    {
      id: 'pl1',
      childId: 'C1',
      placementStart: d('2021-04-01'),
      longTermFrom: d('2021-10-01'),
      source: src(23),
    },
  ],
  postcodes: [{ pcd: 'DL15AB', easting: 428123.5, northing: null, laua: 'E06000005' }],
  population: [{ year: '2021-22', laCode: '841', aged0to17: 23456 }],
};

test('the record tables cover every staged table', () => {
  const staged: (keyof RecordTables)[] = Object.keys(ALL) as (keyof RecordTables)[];
  assert.deepEqual(RECORD_TABLES.map((t) => t.key).sort(), staged.sort());
});

for (const store of testStores()) {
  test(`every record type round-trips through its table on ${store.name}`, { skip: store.skip }, async () => {
    const { db, cleanup } = await store.open({ migrate: false });
    try {
      await migrate(db, MIGRATIONS);
      await db.run("INSERT INTO las (code, created_at) VALUES ('841', 'x')");
      await db.run(
        "INSERT INTO imports (id, la, started_at, finished_at, status, pseudonymised, files_json, counts_json, summary_json) VALUES ('i', '841', 'x', 'x', 'imported', 0, '[]', '[]', '{}')",
      );
      await db.run(
        "INSERT INTO submissions (id, la, source, identity, import_id, seq, created_at, tables_json, pseudonymised) VALUES ('s', '841', 'local', 'x', 'i', 1, 'x', '[]', 0)",
      );
      await db.transaction((tx) => writeRecords(tx, 's', stagedTablesOf(ALL)));
      const back = await readRecords(db, 's', Object.keys(ALL) as (keyof RecordTables)[]);
      const withSub = (r: Record<string, unknown>): Record<string, unknown> => {
        if (r['sources'])
          return { ...r, sources: (r['sources'] as object[]).map((s) => ({ ...s, submissionId: 's' })) };
        return {
          ...r,
          source: r['source']
            ? { ...(r['source'] as object), submissionId: 's' }
            : { file: '', position: '', submissionId: 's' },
        };
      };
      for (const key of Object.keys(ALL) as (keyof RecordTables)[]) {
        assert.deepEqual(back[key], (ALL[key] as unknown as Record<string, unknown>[]).map(withSub), key);
      }
    } finally {
      await cleanup();
    }
  });
}
