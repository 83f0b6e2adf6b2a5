import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../../calendar/iso-date.js';
import type { AnnexACic } from '../../model/annex-a.js';
import type { Episode } from '../../model/episode.js';
import { indicatorById } from '../registry.js';
import { dataset, run } from '../lib/test-fixtures.js';
import { childOf } from '../lib/test-input.js';

const A = '2022-03-31';

/** A List 8 row of a workbook as at 31/03/2022, overridden by `more`. */
function row(childId: string, more: Partial<AnnexACic> = {}): AnnexACic {
  return {
    id: `s1:${childId}/2019-01-10`,
    childId,
    asAt: isoDate(A),
    startDate: isoDate('2019-01-10'),
    uasc: false,
    categoryOfNeed: 'N1',
    repeatPeriod: false,
    legalStatus: 'C2',
    legalStatusStart: null,
    latestReview: isoDate('2022-01-05'),
    lastSwVisit: isoDate('2022-03-01'),
    permanencePlan: null,
    lastIroVisit: null,
    lastHealthAssessment: isoDate('2021-06-01'),
    lastDentalCheck: isoDate('2021-05-01'),
    placements12m: 1,
    ceasedDate: null,
    reasonCeased: null,
    placementStart: isoDate('2019-06-01'),
    placementType: 'U4',
    placementProvider: 'PR1',
    placementPostcode: null,
    placementUrn: null,
    placementLocation: 'IN',
    placementLa: null,
    missingEpisodes: 0,
    absences: 0,
    returnInterviews: 0,
    team: 'CiC',
    worker: 'W1',
    unmapped: {},
    source: { file: 'annex-a.xlsx', position: `List 8!A${childId.slice(1)}` },
    ...more,
  };
}

// C1: in care since 2019, placed 2019, 1 placement, checks up to date, worker named, aged 11.
// C2: 3 placements in the 12 months, placed 2021-11-01, no worker, dental check 2020 (out of date).
// C3: ceased 2022-02-01 (not looked after at A).
// C4: in care since 2021-10-01 (under 12 months: not in the health cohort), aged 3, health check 2021-11-01.
// C5: UASC, placements blank.
// C6: aged 17 (not under 16), health check 2021-03-31 (one day outside the 12 months).
const rows = [
  row('C1'),
  row('C2', {
    placements12m: 3,
    placementStart: isoDate('2021-11-01'),
    worker: null,
    lastDentalCheck: isoDate('2020-12-01'),
  }),
  row('C3', { ceasedDate: isoDate('2022-02-01'), reasonCeased: 'E4A' }),
  row('C4', { startDate: isoDate('2021-10-01'), lastHealthAssessment: isoDate('2021-11-01') }),
  row('C5', { uasc: true, placements12m: null }),
  row('C6', { lastHealthAssessment: isoDate('2021-03-31') }),
];
const children = [
  childOf('C1', '2010-05-01'),
  childOf('C2', '2012-05-01'),
  childOf('C3', '2012-05-01'),
  childOf('C4', '2019-01-01'),
  childOf('C5', '2008-05-01'),
  childOf('C6', '2004-05-01'),
];
const annexOnly = dataset(['annex-a-cic'], { annexACic: rows, children });
const def = (id: string) => indicatorById(id)!;
const inNum = (r: ReturnType<typeof run>) =>
  r.members
    .filter((m) => m.inNumerator)
    .map((m) => m.childId)
    .sort();
const inDen = (r: ReturnType<typeof run>) => r.members.map((m) => m.childId).sort();

describe('Annex A List 8 as the children-in-care fallback (inputs.md §4)', () => {
  it('cic-count: children looked after at the workbook date, with the annexA note', () => {
    const r = run(def('cic-count'), annexOnly, '2021-22-Q4');
    assert.equal(r.status, 'ok');
    assert.equal(r.numerator, 5, 'C3 ceased before 31/03/2022');
    assert.equal(r.denominator, null);
    assert.match(
      r.notes.find((n) => n.code === 'annexA')!.detail!,
      /^Ofsted Annex A List 8 as at 31\/03\/2022, as the primary source is not loaded/,
    );
    assert.equal(r.extra?.['countYearAgo'], null);
  });

  it('cic-placements-3plus: Number of Placements in the Last 12 Months ≥ 3; a blank count is noted', () => {
    const r = run(def('cic-placements-3plus'), annexOnly, '2021-22-Q4');
    assert.deepEqual(inDen(r), ['C1', 'C2', 'C4', 'C5', 'C6']);
    assert.deepEqual(inNum(r), ['C2']);
    assert.deepEqual(
      r.notes.find((n) => n.code === 'annexABlank'),
      {
        code: 'annexABlank',
        count: 1,
        detail: 'Number of Placements in the Last 12 Months',
      },
    );
  });

  it('excludeUasc removes List 8 UASC children', () => {
    const r = run(def('cic-placements-3plus'), annexOnly, '2021-22-Q4', undefined, { excludeUasc: true });
    assert.deepEqual(inDen(r), ['C1', 'C2', 'C4', 'C6']);
    assert.equal(r.notes.find((n) => n.code === 'excludeUasc')!.count, 1);
  });

  it('cic-allocated-sw: an Allocated Worker named', () => {
    const r = run(def('cic-allocated-sw'), annexOnly, '2021-22-Q4');
    assert.deepEqual(inNum(r), ['C1', 'C4', 'C5', 'C6']);
    assert.equal(r.denominator, 5);
  });

  it('cic-long-term-stability: under 16, in care since A − 30 months, placed since A − 24 months', () => {
    // A − 30 months = 2019-09-30: C4 (2021) is out; C6 is 17; C1 placed 2019-06-01 ≤ 2020-03-31: in.
    const r = run(def('cic-long-term-stability'), annexOnly, '2021-22-Q4');
    assert.deepEqual(inDen(r), ['C1', 'C2', 'C5']);
    assert.deepEqual(inNum(r), ['C1', 'C5']);
  });

  it('cic-health-assessments: the OC2 cohort at A, latest assessment within 12 months (6 under 5)', () => {
    // Cohort: in care since 2021-03-31 or earlier (C4 is not). C6's 2021-03-31 is not after A − 12 months.
    const r = run(def('cic-health-assessments'), annexOnly, '2021-22-Q4');
    assert.deepEqual(inDen(r), ['C1', 'C2', 'C5', 'C6']);
    assert.deepEqual(inNum(r), ['C1', 'C2', 'C5']);
    const under5 = run(
      def('cic-health-assessments'),
      {
        ...annexOnly,
        annexACic: [
          row('C4', { startDate: isoDate('2020-01-01'), lastHealthAssessment: isoDate('2021-09-30') }),
        ],
      },
      '2021-22-Q4',
    );
    assert.deepEqual(
      [under5.numerator, under5.denominator],
      [0, 1],
      'aged 3: six months (from 2021-09-30, not after)',
    );
  });

  it('cic-dental-checks: latest dental check within the 12 months to A', () => {
    const r = run(def('cic-dental-checks'), annexOnly, '2021-22-Q4');
    assert.deepEqual(inNum(r), ['C1', 'C5', 'C6']);
  });

  it('a period ending after the workbook date is provisional; one ending before it is not available', () => {
    const later = run(def('cic-count'), annexOnly, '2022-23-Q1');
    assert.equal(later.status, 'ok');
    assert.equal(later.notes.find((n) => n.code === 'provisional')!.detail, 'Annex A as at 31/03/2022');
    const earlier = run(def('cic-count'), annexOnly, '2021-22-Q3');
    assert.equal(earlier.status, 'not-available');
    assert.ok(!earlier.notes.some((n) => n.code === 'annexA'));
  });

  it('reviews and visits in time stay not available: List 8 has only the latest date, not the chain', () => {
    assert.equal(run(def('cic-reviews-in-time'), annexOnly, '2021-22-Q4').status, 'not-available');
    assert.equal(run(def('cic-visits-in-time'), annexOnly, '2021-22-Q4').status, 'not-available');
  });

  it('the fallback is not used when the SSDA903 episodes are loaded', () => {
    const ep: Episode = {
      id: 'E1',
      childId: 'C9',
      decom: isoDate('2021-05-01'),
      rne: 'S',
      ls: 'C2',
      cin: 'N1',
      place: 'U4',
      placeProvider: 'PR1',
      dec: null,
      rec: null,
      reasonPlaceChange: null,
      homePost: null,
      plPost: null,
      urn: null,
      plDistance: null,
      source: { file: 'episodes.csv', position: 'line 2' },
    };
    const both = dataset(['annex-a-cic', 'episodes', 'header'], {
      annexACic: rows,
      children: [...children, childOf('C9', '2012-01-01')],
      episodes: [ep],
    });
    const r = run(def('cic-count'), both, '2021-22-Q4');
    assert.equal(r.numerator, 1);
    assert.deepEqual(inDen(r), ['C9']);
    assert.ok(!r.notes.some((n) => n.code === 'annexA'));
  });

  it('a table Annex A supplies in place of the CIN census (lists 3-7) is noted on the figure', () => {
    const data = dataset(['cin-details', 'cin-child'], { annexASupplied: new Set(['cin-details']) });
    const r = run(def('referrals-by-source'), data, '2021-22-Q4');
    assert.equal(
      r.notes.find((n) => n.code === 'annexA')?.detail,
      'Ofsted Annex A in place of the CIN census, which is not loaded',
    );
    const plain = run(def('referrals-by-source'), dataset(['cin-details', 'cin-child']), '2021-22-Q4');
    assert.ok(!plain.notes.some((n) => n.code === 'annexA'));
  });
});
