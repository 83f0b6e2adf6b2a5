import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../calendar/iso-date.js';
import { episodeFixture as ep } from '../model/episode-fixture.js';
import type { MissingEpisode } from '../model/episode.js';
import { emptyDataset, type LaDataset } from '../model/la-dataset.js';
import { indicator } from './cic-missing.js';
import { childOf, contextOf, inputOf, tablesOf, TEST_SOURCE } from './lib/test-input.js';

let n = 0;
function row(childId: string, missing: 'M' | 'A', start: string, end: string | null): MissingEpisode {
  n += 1;
  return {
    id: `m${n}`,
    childId,
    missing,
    start: isoDate(start),
    end: end === null ? null : isoDate(end),
    source: TEST_SOURCE,
  };
}

function dataset(extra: Partial<LaDataset> = {}): LaDataset {
  return {
    ...emptyDataset('841'),
    tables: tablesOf('episodes', 'missing'),
    children: ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7'].map((id) => childOf(id, '2008-01-01')),
    episodes: [
      ep({ childId: 'M1', decom: '2021-01-01' }),
      ep({ childId: 'M2', decom: '2021-01-01' }),
      ep({ childId: 'M3', decom: '2021-01-01' }),
      // M4 ceased on s: not looked after on any day of the quarter.
      ep({ childId: 'M4', decom: '2021-01-01', dec: '2021-10-01', rec: 'E4A' }),
      ep({ childId: 'M5', decom: '2021-01-01' }),
      // M6: short breaks only — not a child in care.
      ep({ childId: 'M6', decom: '2021-01-01', ls: 'V4' }),
      ep({ childId: 'M7', decom: '2021-01-01' }),
    ],
    missingEpisodes: [
      row('M1', 'M', '2021-10-05', '2021-10-06'),
      row('M1', 'M', '2021-10-05', '2021-10-07'), // duplicate child + MIS_START: counted once
      row('M1', 'M', '2021-11-01', null), // still missing at e
      row('M1', 'A', '2021-10-05', '2021-10-06'), // same date, but away: its own count
      row('M2', 'M', '2021-09-28', '2021-10-01'), // ends on s: counts
      row('M2', 'M', '2021-09-01', '2021-09-30'), // ended before s
      row('M3', 'M', '2022-01-02', null), // after e
      row('M3', 'A', '2021-12-31', null), // away, open at e
      row('M4', 'M', '2021-10-15', '2021-10-16'), // not looked after in the period
      row('M5', 'M', '2021-10-01', '2021-10-02'),
      row('M5', 'M', '2021-11-01', '2021-11-02'),
      row('M5', 'M', '2021-12-01', '2021-12-02'),
      row('M6', 'M', '2021-10-20', '2021-10-21'),
    ],
    ...extra,
  };
}

test('count of children with a missing episode in the period; % of children looked after during it', () => {
  const r = indicator.compute(inputOf(dataset()), contextOf('2021-22-Q3', 'in-period'));
  assert.equal(r.status, 'ok');
  assert.equal(r.denominator, 5);
  assert.equal(r.numerator, 3);
  assert.deepEqual(
    r.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['M1', 'M2', 'M5'],
  );
  assert.deepEqual(r.extra, {
    percent: 60,
    episodes: 6,
    stillMissing: 1,
    childrenWith3PlusEpisodes: 1,
    awayChildren: 2,
    awayEpisodes: 2,
    awayStillMissing: 1,
  });
  assert.equal(r.notes.find((x) => x.code === 'missingOutsideCare')?.count, 2);
  assert.equal(
    r.members.find((m) => m.childId === 'M1')?.reason,
    '2 missing episodes from 01/10/2021: 05/10/2021, 01/11/2021; 1 away without authorisation',
  );
  assert.deepEqual(
    r.breakdowns?.episodesPerChild.map((b) => b.numerator),
    [1, 1, 1],
  );
});

test('ytd basis widens the window to [fy, e]', () => {
  const r = indicator.compute(inputOf(dataset()), contextOf('2021-22-Q3', 'ytd'));
  // M4 was looked after from April to September, so joins the denominator; M2's September row counts.
  assert.equal(r.denominator, 6);
  assert.equal(r.numerator, 4);
  assert.equal(r.extra?.episodes, 8);
});

test('excludeUasc; zero denominator; not available without the Missing table', () => {
  const d = dataset({ uasc: [{ id: 'u', childId: 'M5', dob: null, duc: null, source: TEST_SOURCE }] });
  const u = indicator.compute(inputOf(d), contextOf('2021-22-Q3', 'in-period', { excludeUasc: true }));
  assert.equal(u.denominator, 4);
  assert.equal(u.numerator, 2);
  assert.equal(u.extra?.childrenWith3PlusEpisodes, 0);
  const empty = indicator.compute(inputOf(dataset({ episodes: [] })), contextOf('2021-22-Q3', 'in-period'));
  assert.equal(empty.denominator, 0);
  assert.equal(empty.extra?.percent, null);
  const na = indicator.compute(
    inputOf(dataset({ tables: tablesOf('episodes') })),
    contextOf('2021-22-Q3', 'in-period'),
  );
  assert.equal(na.status, 'not-available');
  assert.deepEqual(na.missing, ['the SSDA903 missing table']);
});
