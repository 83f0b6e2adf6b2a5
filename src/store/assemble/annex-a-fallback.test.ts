import { recordTablesOf } from '../../ingest/episode-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../../ingest/read-inputs.js';
import type { IngestResult } from '../../ingest/staged.js';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  TODAY,
  cinXml,
  csv,
  episodeRows,
  headerRows,
  plainCinChildren,
  tempFolder,
} from '../../ingest/test-fixtures.js';
import {
  LIST_7_HEADER,
  LIST_8_HEADER,
  LIST_9_HEADER,
  list8Row,
  list9Row,
  writeWorkbook,
  xd,
} from '../../ingest/annex-a/annex-a-test-workbook.js';
import { buildIndicatorInput } from '../../indicators/input.js';
import { runIndicator } from '../../indicators/engine/run-indicator.js';
import { indicatorById } from '../../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import { parsePeriod } from '../../calendar/period.js';
import type { LaDataset } from '../../model/la-dataset.js';
import { assembleDataset } from './assemble-dataset.js';
import type { SubmissionRecords } from './submission-records.js';

const f = tempFolder();
after(() => f.cleanup());

/** The staged submissions of a read, as the merge takes them (import order = seq). */
function records(r: IngestResult): SubmissionRecords[] {
  assert.equal(r.refused, false, JSON.stringify(r.issues.filter((i) => i.severity === 'structural')));
  return r.submissions.map((s, i) => ({
    id: `s${i + 1}`,
    source: s.source,
    collectionYear: s.collectionYear,
    asAt: s.asAt,
    dateRange: s.dateRange,
    seq: i + 1,
    tables: recordTablesOf(s.tables),
  }));
}

function figure(data: LaDataset, id: string, period = '2021-22-Q4') {
  return runIndicator(
    indicatorById(id)!,
    buildIndicatorInput(data),
    parsePeriod(period),
    indicatorById(id)!.basis,
    DEFAULT_SETTINGS,
  );
}

async function workbook(name: string): Promise<string> {
  return writeWorkbook(`${f.dir}/${name}`, {
    'List 8': [
      LIST_8_HEADER,
      list8Row({ 'Child Unique ID': 'C1', 'Date of last social work visit': xd('2022-03-31') }),
      list8Row({ 'Child Unique ID': 'C2', 'Number of placements in the last 12 months': 4 }),
    ],
    'List 9': [
      LIST_9_HEADER,
      // Aged 20 at 31/03/2022: in the 19–21 cohort.
      list9Row({ 'Child Unique ID': 'L1', 'Activity status': 'NEET - other reasons' }),
      list9Row({
        'Child Unique ID': 'L2',
        'Date of Birth': xd('2002-01-01'),
        'Activity status': 'a) F5: Full time in training or employment',
        'Type of accommodation': 'Bed and breakfast',
        'Is this accommodation suitable?': 'Unsuitable',
      }),
    ],
  });
}

describe('Annex A as the fallback source, end to end (inputs.md §4)', () => {
  it('with only Annex A loaded, the CiC and care-leaver indicators compute from it and say so', async () => {
    const r = await readInputs([await workbook('annex-a.xlsx')], { today: TODAY });
    const { dataset, issues } = assembleDataset('841', records(r));
    assert.ok(dataset.tables.has('annex-a-cic'));
    assert.ok(dataset.annexASupplied.has('care-leavers'));
    assert.ok(issues.every((i) => i.code !== 'AA-FALLBACK' || i.table !== 'episodes'));

    const count = figure(dataset, 'cic-count');
    assert.equal(count.numerator, 2);
    assert.match(count.notes.find((n) => n.code === 'annexA')!.detail!, /List 8 as at 31\/03\/2022/);
    const moves = figure(dataset, 'cic-placements-3plus');
    assert.deepEqual([moves.numerator, moves.denominator], [1, 2]);

    const neet = figure(dataset, 'care-leavers-neet');
    assert.deepEqual([neet.status, neet.numerator, neet.denominator], ['ok', 1, 2]);
    assert.equal(
      neet.notes.find((n) => n.code === 'annexA')!.detail,
      'Ofsted Annex A in place of care_leavers.csv, which is not loaded',
    );
    const suitable = figure(dataset, 'care-leavers-suitable-accommodation');
    assert.deepEqual([suitable.numerator, suitable.denominator], [1, 2]);
  });

  it('with the SSDA903 return and care_leavers.csv loaded, Annex A is not used', async () => {
    const g = tempFolder();
    try {
      g.write('903/header.csv', csv(HEADER_COLUMNS, headerRows(3)));
      g.write(
        '903/episodes.csv',
        csv(
          EPISODE_COLUMNS,
          episodeRows(3).map((e) => e.replace(',01/12/2021,E4A', ',,')),
        ),
      );
      g.write(
        'local/care_leavers.csv',
        csv('child_id,status_date,in_touch,activity,accommodation,eligibility', [
          'L1,2022-02-01,YES,F1,B1,former-relevant',
        ]),
      );
      const r = await readInputs([g.dir, await workbook('annex-a-2.xlsx')], { today: TODAY });
      const { dataset } = assembleDataset('841', records(r));
      assert.equal(dataset.annexASupplied.size, 0);
      const count = figure(dataset, 'cic-count');
      assert.equal(count.numerator, 3, 'the three SSDA903 children, not List 8');
      assert.ok(!count.notes.some((n) => n.code === 'annexA'));
      const neet = figure(dataset, 'care-leavers-neet');
      assert.deepEqual([neet.numerator, neet.denominator], [0, 1], 'care_leavers.csv, not List 9');
      assert.ok(!neet.notes.some((n) => n.code === 'annexA'));
    } finally {
      g.cleanup();
    }
  });

  it('List 7 answers cp-allocated-sw when allocations.csv is absent, even with the CIN census loaded', async () => {
    const g = tempFolder();
    try {
      // The census holds no CP plan; List 7 two plans open at the workbook's date (its latest date, the
      // review of 20/03/2022), one with a worker named.
      g.write('cin.xml', cinXml(plainCinChildren(2)));
      const plan = (id: string, worker: string | null): unknown[] => [
        ...[id, 'a) Male', 'WBRI', xd('2012-01-05'), 10, 'NONE', xd('2021-10-01'), 'NEG', 'NEG'],
        ...[xd('2022-03-01'), 'Yes', xd('2022-03-20'), null, 'No', 0, 'CP Team', worker],
      ];
      const book = await writeWorkbook(`${f.dir}/annex-a-7.xlsx`, {
        'List 7': [LIST_7_HEADER, plan('C1', 'Jo Smith'), plan('C2', null)],
      });
      const r = await readInputs([g.dir, book], { today: TODAY });
      const { dataset } = assembleDataset('841', records(r));
      assert.ok(!dataset.annexASupplied.has('cp-plans'), 'the census supplies the plans');
      assert.equal(dataset.cpPlans.length, 0);
      assert.ok(dataset.tables.has('annex-a-cp'));
      const c = figure(dataset, 'cp-allocated-sw');
      assert.deepEqual([c.status, c.numerator, c.denominator], ['ok', 1, 2]);
      assert.match(c.notes.find((n) => n.code === 'annexA')!.detail!, /List 7 as at 20\/03\/2022/);
    } finally {
      g.cleanup();
    }
  });
});
