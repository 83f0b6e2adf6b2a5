// S-ERROR-RATE (inputs.md §6 "Atomic": "Over 20% of a table's rows rejected (configurable)"). The rule is there
// to catch a systematically wrong export (wrong columns, a wrong date format throughout), which a handful of
// rejected rows cannot show: one bad row of a two-row population.csv is 50% but is one typo, and the row error
// already says what to fix. Reading: the rate applies once at least `minRejectedRows` (10, configurable as the
// 20% is) of a table's rows are rejected; below that the good rows load and the import exits 1.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs, type ReadInputsOptions } from './read-inputs.js';
import { errorRateIssues } from './row-counts.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { IngestResult } from './staged.js';
import type { RowCount } from '../validate/issue.js';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  TODAY,
  csv,
  episodeRows,
  headerRows,
  tempFolders,
} from './test-fixtures.js';

const temp = tempFolders();
after(temp.cleanup);

async function read(paths: string[], o: ReadInputsOptions = {}): Promise<IngestResult> {
  return readInputs(paths, { today: TODAY, la: '841', ...o });
}

const codes = (r: IngestResult): string[] => r.issues.map((i) => i.code);

/** An SSDA903 set of `n` children whose first `bad` episodes have an ISO date (the wrong format) in DECOM. */
function episodesWithBadDates(n: number, bad: number): string {
  const f = temp.folder();
  f.write('header.csv', csv(HEADER_COLUMNS, headerRows(n)));
  const rows = episodeRows(n);
  for (let i = 0; i < bad; i++) rows[i] = rows[i]!.replace('01/05/2021', '2021-05-01');
  f.write('episodes.csv', csv(EPISODE_COLUMNS, rows));
  return f.dir;
}

describe('S-ERROR-RATE: a handful of rejected rows never refuses the import', () => {
  it('loads the good row of a two-row population.csv whose other row has population 0 (LOC-POP)', async () => {
    const f = temp.folder();
    f.write('population.csv', csv('year,la_code,aged_0_17', ['2020-21,841,22000', '2021-22,841,0']));
    const r = await read([f.dir]);
    assert.equal(r.refused, false, codes(r).join(' '));
    assert.deepEqual(codes(r), ['LOC-POP']);
    assert.deepEqual(
      r.counts.map((c) => [c.file, c.read, c.loaded, c.rejected]),
      [['population.csv', 2, 1, 1]],
    );
    const population = r.submissions.flatMap((s) => s.tables.population ?? []);
    assert.deepEqual(
      population.map((p) => [p.year, p.aged0to17]),
      [['2020-21', 22000]],
    );
  });

  it('loads a table of 10 with 9 rejected (a table this small shows no systematic fault)', async () => {
    const r = await read([episodesWithBadDates(10, 9)]);
    assert.equal(r.refused, false);
    const episodes = r.counts.find((c) => c.table === 'Episodes')!;
    assert.deepEqual([episodes.read, episodes.loaded, episodes.rejected], [10, 1, 9]);
  });
});

describe('S-ERROR-RATE: a table mostly rejected is still refused', () => {
  it('refuses 30 of 50 episodes rejected, with the message it always had', async () => {
    const r = await read([episodesWithBadDates(50, 30)]);
    assert.equal(r.refused, true);
    const refusals = r.issues.filter((i) => i.severity === 'structural');
    assert.deepEqual(
      refusals.map((i) => [i.code, i.file, i.table, i.message]),
      [
        [
          'S-ERROR-RATE',
          'episodes.csv',
          'Episodes',
          'episodes.csv: 30 of 50 Episodes rows (60%) were rejected, over the 20% limit, so the import is refused; fix the rows listed and re-import.',
        ],
      ],
    );
  });

  it('refuses 10 of 10 rejected: the rate applies from 10 rejected rows', async () => {
    const r = await read([episodesWithBadDates(10, 10)]);
    assert.equal(r.refused, true);
    assert.ok(codes(r).includes('S-ERROR-RATE'));
  });

  it('the minimum is configurable as the 20% is (limits.minRejectedRows)', async () => {
    const two = temp.folder();
    two.write('population.csv', csv('year,la_code,aged_0_17', ['2020-21,841,22000', '2021-22,841,0']));
    const r = await read([two.dir], { limits: { minRejectedRows: 1 } });
    assert.equal(r.refused, true);
    assert.match(
      r.issues.find((i) => i.code === 'S-ERROR-RATE')!.message,
      /^population\.csv: 1 of 2 population rows \(50%\) were rejected, over the 20% limit/,
    );
  });
});

describe('errorRateIssues', () => {
  const count = (read: number, rejected: number): RowCount => ({
    file: 'e.csv',
    table: 'Episodes',
    read,
    loaded: read - rejected,
    rejected,
    warnings: 0,
    queries: 0,
  });
  const fires = (read: number, rejected: number): boolean =>
    errorRateIssues([count(read, rejected)], DEFAULT_LIMITS).length === 1;

  it('fires over 20% once at least 10 rows are rejected', () => {
    assert.equal(DEFAULT_LIMITS.minRejectedRows, 10);
    assert.equal(fires(50, 10), false, '20% is not over 20%');
    assert.equal(fires(49, 10), true);
    assert.equal(fires(10, 9), false);
    assert.equal(fires(2, 1), false);
    assert.equal(fires(1000, 201), true);
    assert.equal(fires(1000, 200), false);
    assert.equal(fires(0, 0), false);
  });
});
