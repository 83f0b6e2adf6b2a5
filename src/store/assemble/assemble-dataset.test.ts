import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assembleDataset } from './assemble-dataset.js';
import { assessment, child, cpPlan, episode, referral, submission, visit } from '../test-records.js';
import type { IsoDate } from '../../calendar/iso-date.js';

const codes = (issues: readonly { code: string }[]): string[] => issues.map((i) => i.code).sort();

test('an episode open on 31 March that reappears next year under the same key: the later, closed version wins', () => {
  const y1 = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01')],
  });
  const y2 = submission('s2', 'ssda903', '2022-23', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01', { dec: '2022-08-01', rec: 'E4A' })],
  });
  const { dataset, issues } = assembleDataset('841', [y1, y2]);
  assert.equal(dataset.episodes.length, 1);
  assert.equal(dataset.episodes[0]!.dec, '2022-08-01');
  assert.equal(dataset.episodes[0]!.source.submissionId, 's2');
  assert.ok(dataset.episodes[0]!.id.startsWith('s2:'));
  assert.deepEqual(codes(issues), []);
});

test('an open episode with no same-key match in the next year, where the child appears, is superseded (903-STITCH-STALE)', () => {
  const y1 = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01')],
  });
  // The LA corrected the start date to 2 June in the next return.
  const y2 = submission('s2', 'ssda903', '2022-23', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-02', { dec: '2022-05-01' })],
  });
  const { dataset, issues } = assembleDataset('841', [y1, y2]);
  assert.deepEqual(
    dataset.episodes.map((e) => e.decom),
    ['2021-06-02'],
  );
  assert.deepEqual(codes(issues), ['903-STITCH-STALE']);
  assert.equal(issues[0]!.childId, 'C1');
});

test('a child absent from the next loaded year: the open episode ends 1 April with REC blank (903-STITCH-NOFOLLOW)', () => {
  const y1 = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1'), child('C2')],
    episodes: [
      episode('C1', '2021-06-01'),
      episode('C2', '2020-01-01', { dec: '2021-09-01' }),
      episode('C2', '2021-09-01', { rne: 'P' }),
    ],
  });
  const y2 = submission('s2', 'ssda903', '2022-23', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01', { dec: '2022-05-01' })],
  });
  const { dataset, issues } = assembleDataset('841', [y1, y2]);
  const c2 = dataset.episodes.filter((e) => e.childId === 'C2').sort((a, b) => (a.decom < b.decom ? -1 : 1));
  assert.equal(c2.length, 2);
  assert.equal(c2[0]!.dec, '2021-09-01');
  assert.equal(c2[0]!.rec, 'E4A');
  assert.equal(c2[1]!.dec, '2022-04-01');
  assert.equal(c2[1]!.rec, null);
  assert.deepEqual(codes(issues), ['903-STITCH-NOFOLLOW']);
});

test('open episodes of the latest loaded year stay open', () => {
  const y1 = submission('s1', 'ssda903', '2022-23', {
    children: [child('C1')],
    episodes: [episode('C1', '2022-06-01')],
  });
  const { dataset, issues } = assembleDataset('841', [y1]);
  assert.equal(dataset.episodes[0]!.dec, null);
  assert.deepEqual(issues, []);
});

test('two submissions of one year: the later import wins each key', () => {
  const a = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01', { place: 'U1' })],
  });
  const b = submission('s2', 'ssda903', '2021-22', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-06-01', { place: 'K2' })],
  });
  assert.equal(assembleDataset('841', [b, a]).dataset.episodes[0]!.place, 'K2');
});

test('CIN: a referral open at year end reappears closed; earlier-year assessments stay, pointing at the winning referral', () => {
  const r1 = referral('C1', '2022-02-01');
  const a1 = assessment(r1, '2022-02-02', '2022-03-10');
  const p1 = cpPlan(r1, '2022-03-20', null, ['2022-03-25']);
  const y1 = submission('s1', 'cin', '2021-22', {
    children: [child('C1', {}, 'cin.xml')],
    referrals: [r1],
    assessments: [a1],
    cpPlans: [p1],
  });
  const r2 = referral('C1', '2022-02-01', { closureDate: '2022-09-01' });
  const p2 = cpPlan(r2, '2022-03-20', '2022-08-30', ['2022-06-20']);
  const y2 = submission('s2', 'cin', '2022-23', {
    children: [child('C1', {}, 'cin.xml')],
    referrals: [r2],
    cpPlans: [p2],
  });
  const { dataset, issues } = assembleDataset('841', [y1, y2]);
  assert.equal(dataset.referrals.length, 1);
  const ref = dataset.referrals[0]!;
  assert.equal(ref.closureDate, '2022-09-01');
  assert.equal(dataset.assessments.length, 1);
  assert.equal(dataset.assessments[0]!.referralId, ref.id);
  assert.equal(dataset.cpPlans.length, 1);
  assert.equal(dataset.cpPlans[0]!.endDate, '2022-08-30');
  assert.deepEqual(dataset.cpPlans[0]!.reviewDates, ['2022-03-25', '2022-06-20']);
  assert.equal(dataset.cpPlans[0]!.referralId, ref.id);
  assert.deepEqual(codes(issues), []);
});

test('CIN: an open referral missing from the next census that lists the child is superseded with its records (CIN-STITCH-STALE)', () => {
  const r1 = referral('C1', '2022-02-01');
  const p1 = cpPlan(r1, '2022-03-20', null);
  const y1 = submission('s1', 'cin', '2021-22', { referrals: [r1], cpPlans: [p1] });
  const r2 = referral('C1', '2022-02-03');
  const p2 = cpPlan(r2, '2022-03-20', null);
  const y2 = submission('s2', 'cin', '2022-23', { referrals: [r2], cpPlans: [p2] });
  const { dataset, issues } = assembleDataset('841', [y1, y2]);
  assert.deepEqual(
    dataset.referrals.map((r) => r.referralDate),
    ['2022-02-03'],
  );
  assert.equal(dataset.cpPlans.length, 1);
  assert.equal(dataset.cpPlans[0]!.referralId, dataset.referrals[0]!.id);
  assert.deepEqual(codes(issues), ['CIN-STITCH-STALE']);
});

test('children merge across sources: DOB from the SSDA903 Header first, else CIN; a difference is X-DOB', () => {
  const s903 = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1', { dob: '2010-01-15' })],
    episodes: [],
  });
  const cin = submission('s2', 'cin', '2021-22', {
    children: [
      child('C1', { dob: '2010-01-16', disabilities: ['AUT'] }, 'cin.xml'),
      child('C2', { dob: '2015-05-05' }, 'cin.xml'),
    ],
    referrals: [],
  });
  const { dataset, issues } = assembleDataset('841', [cin, s903]);
  const byId = new Map(dataset.children.map((c) => [c.childId, c]));
  assert.equal(byId.get('C1')!.dob, '2010-01-15');
  assert.deepEqual(byId.get('C1')!.disabilities, ['AUT']);
  assert.equal(byId.get('C1')!.sources.length, 2);
  assert.equal(byId.get('C2')!.dob, '2015-05-05');
  assert.deepEqual(codes(issues), ['X-DOB']);
  assert.ok(dataset.tables.has('header') && dataset.tables.has('cin-child'));
});

test('one UPN on two child ids is X-UPN', () => {
  const s = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1', { upnHash: 'h' }), child('C2', { upnHash: 'h' })],
    episodes: [],
  });
  assert.deepEqual(codes(assembleDataset('841', [s]).issues), ['X-UPN']);
});

test('a newer local file replaces earlier rows dated in its range, so deletions take effect', () => {
  const march = submission(
    's1',
    'local',
    null,
    { cpVisits: [visit('C1', '2022-01-10'), visit('C1', '2022-02-10'), visit('C1', '2022-03-10')] },
    {
      asAt: '2022-03-31' as IsoDate,
      dateRange: { start: '2022-01-01' as IsoDate, end: '2022-03-31' as IsoDate },
    },
  );
  // The February visit was deleted at source; the March file is re-sent from February on.
  const june = submission(
    's2',
    'local',
    null,
    { cpVisits: [visit('C1', '2022-03-10'), visit('C1', '2022-05-10')] },
    {
      asAt: '2022-06-30' as IsoDate,
      dateRange: { start: '2022-02-01' as IsoDate, end: '2022-06-30' as IsoDate },
    },
  );
  const { dataset } = assembleDataset('841', [june, march]);
  assert.deepEqual(dataset.cpVisits.map((v) => v.visitDate).sort(), [
    '2022-01-10',
    '2022-03-10',
    '2022-05-10',
  ]);
  assert.equal(dataset.cpVisits.find((v) => v.visitDate === '2022-03-10')!.source.submissionId, 's2');
  assert.equal(dataset.asAt.local['cp-visits'], '2022-06-30');
});

/** A cp_visits file of one import: its as-at date and range from its visits' dates, as the ingest gives them. */
function visitsFile(id: string, importId: string, dates: readonly string[]) {
  const sorted = [...dates].sort() as IsoDate[];
  return submission(
    id,
    'local',
    '2021-22',
    { cpVisits: dates.map((v) => visit('C1', v)) },
    { importId, asAt: sorted.at(-1)!, dateRange: { start: sorted[0]!, end: sorted.at(-1)! } },
  );
}

test('a local file imported later is the newer file of its year even when its rows end earlier (localByAge)', () => {
  // The whole year, then a correction of May to October: the June visit deleted at source.
  const year = visitsFile('s1', 'import-1', ['2021-05-10', '2021-06-10', '2022-03-10']);
  const fix = visitsFile('s2', 'import-2', ['2021-05-10', '2021-10-10']);
  const { dataset } = assembleDataset('841', [fix, year]);
  const by = dataset.cpVisits.map((v) => [v.visitDate, v.source.submissionId]).sort();
  assert.deepEqual(by, [
    ['2021-05-10', 's2'],
    ['2021-10-10', 's2'],
    ['2022-03-10', 's1'],
  ]);
});

test('two local files of one import: the one ending later is the newer file, whatever their file order', () => {
  const year = visitsFile('s1', 'import-1', ['2021-05-10', '2021-06-10', '2022-03-10']);
  const quarter = visitsFile('s2', 'import-1', ['2021-05-10', '2021-07-10']);
  const { dataset } = assembleDataset('841', [quarter, year]);
  assert.deepEqual(dataset.cpVisits.map((v) => [v.visitDate, v.source.submissionId]).sort(), [
    ['2021-05-10', 's1'],
    ['2021-06-10', 's1'],
    ['2022-03-10', 's1'],
  ]);
});

test('local files: the merge does not depend on the order submissions are given in', () => {
  const subs = [
    visitsFile('s1', 'import-1', ['2021-05-10', '2021-06-10', '2022-03-10']),
    visitsFile('s2', 'import-1', ['2021-05-10', '2021-07-10']),
    visitsFile('s3', 'import-2', ['2021-06-10', '2021-09-10']),
    visitsFile('s4', 'import-2', ['2021-09-10', '2021-12-10']),
    visitsFile('s5', 'import-3', ['2021-12-10']),
    submission('s6', 'annex-a', '2021-22', {}, { asAt: '2021-11-30' as IsoDate }),
    submission('s7', 'cin', '2021-22', { referrals: [referral('C1', '2021-05-01')] }),
  ];
  const norm = (xs: typeof subs): string =>
    JSON.stringify(
      assembleDataset('841', xs)
        .dataset.cpVisits.map((v) => [v.visitDate, v.source.submissionId])
        .sort(),
    );
  const expected = norm(subs);
  assert.equal(
    expected,
    JSON.stringify([
      ['2021-05-10', 's1'],
      ['2021-06-10', 's3'],
      ['2021-09-10', 's4'],
      ['2021-12-10', 's5'],
      ['2022-03-10', 's1'],
    ]),
  );
  fc.assert(
    fc.property(
      fc.shuffledSubarray(subs, { minLength: subs.length, maxLength: subs.length }),
      (xs) => norm(xs) === expected,
    ),
  );
});

test('undated local tables upsert on key in import order, whatever collection year their submissions were given', () => {
  const pop = (year: string, n: number) => ({ year, laCode: '841', aged0to17: n });
  const worker = (workerId: string, qualifiedSw: boolean) => ({
    workerId,
    qualifiedSw,
    sweRegistration: null,
    source: { file: 'workers.csv', position: 'line 2' },
  });
  // The later import was given an earlier collection year (--year 2019-20).
  const first = submission('s1', 'local', '2024-25', {
    population: [pop('2021-22', 22000), pop('2022-23', 21900)],
  });
  const later = submission('s2', 'local', '2019-20', {
    population: [pop('2022-23', 22100), pop('2023-24', 22300)],
  });
  const w1 = submission('s3', 'local', '2024-25', { workers: [worker('W1', false), worker('W2', false)] });
  const w2 = submission('s4', 'local', '2019-20', { workers: [worker('W1', true), worker('W3', true)] });
  const { dataset } = assembleDataset('841', [later, w2, first, w1]);
  assert.deepEqual(dataset.population.map((p) => [p.year, p.aged0to17]).sort(), [
    ['2021-22', 22000],
    ['2022-23', 22100],
    ['2023-24', 22300],
  ]);
  assert.deepEqual(dataset.workers.map((w) => [w.workerId, w.qualifiedSw]).sort(), [
    ['W1', true],
    ['W2', false],
    ['W3', true],
  ]);
});

test('cross-source checks: X-CHILD-UNKNOWN, X-CPV-NOPLAN, X-CLAV-NOTLAC', () => {
  const r = referral('C1', '2021-05-01');
  const cin = submission('s1', 'cin', '2021-22', {
    referrals: [r],
    cpPlans: [cpPlan(r, '2021-06-01', '2021-12-01')],
  });
  const s903 = submission('s2', 'ssda903', '2021-22', {
    children: [child('C2')],
    episodes: [episode('C2', '2021-07-01', { dec: '2021-10-01' })],
  });
  const loc = submission(
    's3',
    'local',
    null,
    {
      cpVisits: [visit('C1', '2021-07-01'), visit('C1', '2022-01-05'), visit('C9', '2021-07-01')],
      claVisits: [visit('C2', '2021-08-01', 'cla_visits.csv'), visit('C2', '2021-11-01', 'cla_visits.csv')],
    },
    { asAt: '2022-03-31' as IsoDate },
  );
  const { issues } = assembleDataset('841', [cin, s903, loc]);
  assert.deepEqual(codes(issues), ['X-CHILD-UNKNOWN', 'X-CLAV-NOTLAC', 'X-CPV-NOPLAN', 'X-CPV-NOPLAN']);
  assert.equal(issues.find((i) => i.code === 'X-CHILD-UNKNOWN')!.childId, 'C9');
  // Each message starts where the row is, as a row issue's does, and says what to do.
  assert.match(
    issues.find((i) => i.code === 'X-CHILD-UNKNOWN')!.message,
    /^cp_visits\.csv line \d+: the child_id is in no loaded CIN census, SSDA903 return or Annex A list; the row is kept\. Check the id against the case system/,
  );
  assert.match(
    issues.find((i) => i.code === 'X-CLAV-NOTLAC')!.message,
    /^cla_visits\.csv line \d+: the CLA visit on 2021-11-01 is outside every episode of care of the child; it is kept/,
  );
  // Named by their file's table, as the row issues and row counts of those files name them.
  assert.deepEqual(issues.map((i) => [i.code, i.table]).sort(), [
    ['X-CHILD-UNKNOWN', 'cp_visits'],
    ['X-CLAV-NOTLAC', 'cla_visits'],
    ['X-CPV-NOPLAN', 'cp_visits'],
    ['X-CPV-NOPLAN', 'cp_visits'],
  ]);
});

test('X-CHILD-UNKNOWN counts a contact only when it became a referral', () => {
  const cin = submission('s1', 'cin', '2021-22', { referrals: [referral('C1', '2021-05-01')] });
  const contact = (childId: string, outcome: 'referral' | 'nfa') => ({
    id: `k-${childId}`,
    childId,
    receivedDate: '2021-04-30' as IsoDate,
    receivedAt: '2021-04-30T10:00',
    decidedDate: '2021-04-30' as IsoDate,
    decidedAt: '2021-04-30T11:00',
    outcome,
    referralSource: null,
    source: { file: 'contacts.csv', position: 'line 2' },
  });
  const loc = submission('s2', 'local', null, {
    contacts: [contact('C1', 'referral'), contact('C7', 'nfa'), contact('C8', 'referral')],
  });
  const { issues } = assembleDataset('841', [cin, loc]);
  assert.deepEqual(
    issues.map((i) => [i.code, i.childId]),
    [['X-CHILD-UNKNOWN', 'C8']],
  );
});

test('X-CHILD-UNKNOWN leaves out local rows that ended before the loaded history began', () => {
  // The loaded returns start on 1 April 2020 (CIN 2020-21; SSDA903 2021-22).
  const cin = submission('s1', 'cin', '2020-21', { referrals: [referral('C1', '2020-05-01')] });
  const s903 = submission('s2', 'ssda903', '2021-22', { children: [child('C2')] });
  const allocation = (childId: string, start: string, end: string | null) => ({
    id: `${childId}/W1/${start}`,
    childId,
    workerId: 'W1',
    start: start as IsoDate,
    end: end as IsoDate | null,
    role: 'social-worker' as const,
    team: null,
    source: { file: 'allocations.csv', position: `${childId} from ${start}` },
  });
  const reference = submission('s3', 'local', null, {
    allocations: [
      allocation('C1', '2012-01-01', '2013-01-01'), // a statutory child: never reported
      allocation('C5', '2012-01-01', '2020-03-31'), // ended the day before the history: left out
      allocation('C6', '2015-01-01', '2020-04-01'), // ended on its first day: reported
      allocation('C7', '2019-01-01', null), // still open: reported
      allocation('C8', '2010-01-01', '2011-01-01'),
      allocation('C8', '2021-01-01', '2021-06-01'), // one of the child's rows reaches into it: reported
    ],
  });
  const { issues } = assembleDataset('841', [cin, s903, reference]);
  assert.deepEqual(
    issues.filter((i) => i.code === 'X-CHILD-UNKNOWN').map((i) => [i.childId, i.position]),
    [
      ['C6', 'C6 from 2015-01-01'],
      ['C7', 'C7 from 2019-01-01'],
      ['C8', 'C8 from 2021-01-01'],
    ],
  );
  // Without CIN or SSDA903 history there is no start to compare with: every unknown child is reported.
  const onlyAnnex = assembleDataset('841', [
    submission('s4', 'annex-a', null, { children: [child('C1')] }, { asAt: '2022-03-31' as IsoDate }),
    reference,
  ]);
  assert.deepEqual(
    onlyAnnex.issues
      .filter((i) => i.code === 'X-CHILD-UNKNOWN')
      .map((i) => i.childId)
      .sort(),
    ['C5', 'C6', 'C7', 'C8'],
  );
});

test('tables, as-at dates and history start reflect the loaded submissions', () => {
  const y1 = submission(
    's1',
    'ssda903',
    '2020-21',
    { children: [], episodes: [] },
    { asAt: '2021-03-30' as IsoDate },
  );
  const y2 = submission(
    's2',
    'ssda903',
    '2021-22',
    { children: [], episodes: [], missingEpisodes: [] },
    { asAt: '2022-03-31' as IsoDate },
  );
  const c = submission('s3', 'cin', '2021-22', { referrals: [] }, { asAt: '2022-03-31' as IsoDate });
  const { dataset } = assembleDataset('841', [y1, y2, c]);
  assert.deepEqual([...dataset.tables].sort(), [
    'assessments',
    'cin-child',
    'cin-details',
    'cin-plans',
    'cp-plans',
    'cp-reviews',
    'episodes',
    'header',
    'missing',
    'section47',
  ]);
  assert.deepEqual(dataset.asAt, { cin: '2022-03-31', ssda903: '2022-03-31', local: {} });
  assert.deepEqual(dataset.historyStart, { cin: '2021-04-01', ssda903: '2020-04-01' });
});

test('Annex A supplies a statutory table only when no statutory source does (AA-FALLBACK)', () => {
  const aa = submission('s1', 'annex-a', '2021-22', {
    referrals: [referral('C1', '2021-05-01')],
    episodes: [episode('C1', '2021-06-01')],
  });
  const s903 = submission('s2', 'ssda903', '2021-22', {
    children: [child('C1')],
    episodes: [episode('C1', '2021-07-01')],
  });
  const { dataset, issues } = assembleDataset('841', [aa, s903]);
  assert.equal(dataset.referrals.length, 1);
  assert.deepEqual(
    dataset.episodes.map((e) => e.decom),
    ['2021-07-01'],
  );
  assert.deepEqual(codes(issues), ['AA-FALLBACK']);
  assert.ok(dataset.tables.has('cin-details'));
});

test('the merge does not depend on the order submissions are given in', () => {
  const subs = [
    submission('s1', 'ssda903', '2021-22', {
      children: [child('C1')],
      episodes: [episode('C1', '2021-06-01'), episode('C2', '2021-07-01')],
    }),
    submission('s2', 'ssda903', '2022-23', {
      children: [child('C1')],
      episodes: [episode('C1', '2021-06-01', { dec: '2022-05-01' })],
    }),
    submission('s3', 'ssda903', '2022-23', {
      children: [child('C1')],
      episodes: [episode('C1', '2021-06-01', { dec: '2022-06-01' })],
    }),
    submission('s4', 'cin', '2022-23', { referrals: [referral('C1', '2022-05-01')] }),
  ];
  const norm = (xs: typeof subs) => {
    const { dataset, issues } = assembleDataset('841', xs);
    return JSON.stringify({
      e: [...dataset.episodes].sort((a, b) => (a.id < b.id ? -1 : 1)),
      r: dataset.referrals,
      i: codes(issues),
    });
  };
  const expected = norm(subs);
  fc.assert(
    fc.property(
      fc.shuffledSubarray(subs, { minLength: subs.length, maxLength: subs.length }),
      (xs) => norm(xs) === expected,
    ),
  );
});
