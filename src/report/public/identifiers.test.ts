import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { Child } from '../../model/child.js';
import type { Episode } from '../../model/episode.js';
import type { AnnexACp } from '../../model/annex-a.js';
import { emptyDataset, type LaDataset } from '../../model/la-dataset.js';
import type { Allocation } from '../../model/local.js';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { renderCsv, renderJson } from '../render/csv.js';
import { renderDocx } from '../render/docx.js';
import { renderHtml } from '../render/html.js';
import type { OutputFormat } from '../render/render-output.js';
import { datasetIdentifiers, identifiersOfMembers, workerEntry } from './dataset-identifiers.js';
import { rescanPublic, rescanPublicOutputs } from './rescan.js';
import { DEFAULT_SUPPRESSION } from './suppression.js';

const source = { file: 'x', table: 'children', row: 1 } as unknown as Child['sources'][number];

function child(childId: string, dob: string | null, upnHash: string | null = null): Child {
  return {
    childId,
    dob: dob as IsoDate | null,
    sex: 'F',
    ethnicity: null,
    deathDate: null,
    upnHash,
    disabilities: [],
    sources: [source],
  };
}

/** A dataset of three children, their postcodes and workers: what the public outputs must never print. */
function dataset(): LaDataset {
  const base = emptyDataset('841');
  const episode = (childId: string, homePost: string | null, plPost: string | null): Episode =>
    ({ id: `${childId}/e`, childId, decom: '2021-05-01' as IsoDate, homePost, plPost }) as unknown as Episode;
  return {
    ...base,
    asAt: { cin: '2022-01-14' as IsoDate, ssda903: null, local: {} },
    children: [
      child('1000547', '2015-03-04', 'A1B2C3D4E5F6'),
      // Born on a quarter end and on the extract date: dates the report prints of its own.
      child('1000548', '2021-12-31'),
      child('DAR-000123', '2022-01-14'),
    ],
    episodes: [episode('1000547', 'DL1 1AA', 'dl3 6'), episode('1000548', null, null)],
    allocations: [
      {
        id: 'a1',
        childId: '1000547',
        workerId: 'W8410001',
        start: '2021-04-01',
        end: null,
        role: 'social-worker',
        team: 'North',
        source,
      } as unknown as Allocation,
    ],
    annexACp: [
      { worker: 'Jane Smith', asAt: '2022-01-14' } as unknown as AnnexACp,
      { worker: 'Unallocated', asAt: '2022-01-14' } as unknown as AnnexACp,
    ],
  };
}

const publicModel = () =>
  buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));

test('the identifiers of a dataset: child ids, UPN hashes, DOBs, postcodes and sectors, workers', () => {
  const ids = datasetIdentifiers(dataset());
  assert.deepEqual([...ids.children].sort(), ['1000547', '1000548', 'A1B2C3D4E5F6', 'DAR-000123']);
  assert.deepEqual([...ids.dobs].sort(), ['2015-03-04', '2021-12-31', '2022-01-14']);
  assert.deepEqual([...ids.postcodes], ['DL11AA']);
  assert.deepEqual([...ids.sectors].sort(), ['DL1 1', 'DL3 6']);
  assert.deepEqual([...ids.workers].sort(), ['JANE SMITH', 'W8410001']);
  assert.deepEqual([...ids.workerWords].sort(), [1, 2]);
  // A placeholder or a lone word is no worker to look for; a short code is no id.
  assert.equal(workerEntry('Not allocated'), null);
  assert.equal(workerEntry('Smith'), null);
  assert.equal(workerEntry('Assessment Team 1'), null);
  const teamAsWorker = datasetIdentifiers({
    ...dataset(),
    annexACp: [
      { worker: 'North Locality', team: 'North Locality', asAt: '2022-01-14' } as unknown as AnnexACp,
    ],
  });
  assert.equal(teamAsWorker.workers.has('NORTH LOCALITY'), false, 'a team is no worker');
  assert.equal(workerEntry("Siobhan O'Brien"), 'SIOBHAN O BRIEN');
  assert.deepEqual(
    [
      ...identifiersOfMembers({ x: [{ childId: '1000547', inNumerator: true, recordIds: [], dates: '' }] })
        .children,
    ],
    ['1000547'],
  );
});

// report.md §6 "Never in the public version: child rows, identifiers, names, dates of birth, postcodes,
// worker names": each planted identifier of the dataset fails the check, named by rule, output and line,
// never by value.
test('a child identifier, DOB, postcode, sector or worker of the dataset in a public output fails the check', () => {
  const m = publicModel();
  const ids = datasetIdentifiers(dataset());
  const csv = renderCsv(m).split('\n');
  csv.splice(2, 0, '841,child,1000547,');
  const html = [
    '<p>Born 4 March 2015.</p>',
    '<p>Lives at DL1 1AA, placed in DL3 6.</p>',
    '<p>Worker W8410001 and Jane Smith.</p>',
    '<p>UPN a1b2c3d4e5f6; DAR-000123 too.</p>',
    '<p>Also 04/03/2015 and 2015-03-04.</p>',
  ].join('\n');
  const b = rescanPublic(m, [csv.join('\n'), html], DEFAULT_SUPPRESSION, ['csv', 'html'], ids);
  assert.deepEqual(
    b.map((x) => [x.code, x.where, x.detail]),
    [
      ['PUB-CHILD-ID', 'csv', 'a child identifier of the dataset at line 3 of the CSV'],
      ['PUB-DOB', 'html', 'a child’s date of birth of the dataset at line 1 of the HTML'],
      ['PUB-POSTCODE', 'html', 'a child’s postcode of the dataset at line 2 of the HTML'],
      ['PUB-POSTCODE', 'html', 'a child’s postcode sector of the dataset at line 2 of the HTML'],
      ['PUB-WORKER', 'html', 'a worker identifier or name of the dataset at line 3 of the HTML'],
      ['PUB-WORKER', 'html', 'a worker identifier or name of the dataset at line 3 of the HTML'],
      ['PUB-CHILD-ID', 'html', 'a child identifier of the dataset at line 4 of the HTML'],
      ['PUB-CHILD-ID', 'html', 'a child identifier of the dataset at line 4 of the HTML'],
      ['PUB-DOB', 'html', 'a child’s date of birth of the dataset at line 5 of the HTML'],
      ['PUB-DOB', 'html', 'a child’s date of birth of the dataset at line 5 of the HTML'],
    ],
  );
  for (const x of b) assert.doesNotMatch(x.detail, /1000547|2015|DL1|DL3|W841|Jane|A1B2|DAR-/i);
});

test('no false positives: figures, years, period and report dates, another postcode of a sector, split names', () => {
  const m = publicModel();
  const ids = datasetIdentifiers(dataset());
  // The real public outputs pass.
  assert.deepEqual(
    rescanPublic(m, [renderHtml(m), renderCsv(m), renderJson(m)], DEFAULT_SUPPRESSION, [], ids),
    [],
  );
  const text = [
    // "1,000,547" and "1,000" are counts, not the child 1000547; "c1000547x" is another token.
    '<p>1,000,547 contacts; 1,000 referrals; ref c1000547x; period 2021-22-Q3.</p>',
    // A child born on 31 December 2021 (a quarter end) and on 14 January 2022 (the extract date).
    '<p>Quarter to 31 December 2021; data extracted on 14 January 2022; 2021-12-31.</p>',
    // The council's office is in a child's sector (DL1 1) but is no child's postcode; DL1 10 is no sector.
    '<p>Town Hall, DL1 1QX. Table DL1 10.</p>',
    // Jane and Smith, apart, are no worker's name.
    '<p>Jane, Smith; Jane | Smith</p>',
  ].join('\n');
  assert.deepEqual(rescanPublic(m, [text], DEFAULT_SUPPRESSION, ['html'], ids), []);
});

test('a child id that is also a figure of the report or a year is read as the number', () => {
  const m = publicModel();
  const figure = m.rows.find((r) => r.numerator !== null && r.numerator >= 1000)?.numerator;
  const data = dataset();
  const ids = datasetIdentifiers({
    ...data,
    children: [...data.children, child('2021', null), ...(figure ? [child(String(figure), null)] : [])],
  });
  assert.deepEqual(rescanPublic(m, [renderCsv(m), '<p>In 2021 we</p>'], DEFAULT_SUPPRESSION, [], ids), []);
});

test('the DOCX is checked for identifiers by its text, the PDF by its HTML', async () => {
  const m = publicModel();
  const ids = datasetIdentifiers(dataset());
  assert.deepEqual(
    await rescanPublicOutputs(m, new Map([['docx', await renderDocx(m)]]), DEFAULT_SUPPRESSION, ids),
    [],
  );
  const b = await rescanPublicOutputs(
    m,
    new Map<OutputFormat, Buffer | string>([
      ['pdf', Buffer.from('%PDF-1.7')],
      ['html', '<p>Allocated to W8410001</p>'],
    ]),
    DEFAULT_SUPPRESSION,
    ids,
  );
  assert.deepEqual(
    b.map((x) => [x.code, x.where]),
    [['PUB-WORKER', 'html']],
  );
});
