import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { createStoreServices } from '../real-services.js';
import type { WebServices } from '../services.js';
import { signIn, testApp } from '../testing/harness.js';
import { memoryDatabase } from '../testing/sqlite-memory.js';
import { acrossFilesText, byReportOrder, issueSummaryText } from './data.js';

// The data page's validation report as an analyst reads it: the figures a postcode warning affects, the
// order of the rows, the counts in words, and where the checks across files are counted.

const issue = (over: Partial<ValidationIssue>): ValidationIssue => ({
  code: '903-POSTCODE',
  severity: 'warning',
  file: 'ssda903/episodes.csv',
  table: 'Episodes',
  position: 'line 2',
  childId: null,
  field: 'PL_POST',
  value: null,
  dfeRule: null,
  message:
    "PL_POST 'DL18 1YH' is not in postcodes.csv; the placement's distance from home is unknown (999.9).",
  ...over,
});

test('the report lists issues by severity, then file, then line (numerically), then rule', () => {
  const rows = [
    issue({ position: 'line 626', file: '2018-19/episodes.csv' }),
    issue({ position: 'line 147', file: '2021-22/episodes.csv' }),
    issue({ position: 'line 90', file: '2018-19/episodes.csv' }),
    issue({ code: 'X-CHILD-UNKNOWN', file: null, position: null }),
    issue({ severity: 'error', position: 'line 900', file: '2021-22/episodes.csv' }),
    issue({ code: 'GEN-CODE', position: 'line 90', file: '2018-19/episodes.csv' }),
  ];
  assert.deepEqual(
    [...rows].sort(byReportOrder).map((i) => `${i.severity} ${i.file} ${i.position} ${i.code}`),
    [
      'error 2021-22/episodes.csv line 900 903-POSTCODE',
      'warning 2018-19/episodes.csv line 90 903-POSTCODE',
      'warning 2018-19/episodes.csv line 90 GEN-CODE',
      'warning 2018-19/episodes.csv line 626 903-POSTCODE',
      'warning 2021-22/episodes.csv line 147 903-POSTCODE',
      'warning null null X-CHILD-UNKNOWN',
    ],
  );
});

test('issue counts in words take their own plural', () => {
  assert.equal(
    issueSummaryText({ structural: 0, error: 1, warning: 29, query: 1 }, false),
    '1 error, 29 warnings, 1 query',
  );
  assert.equal(
    issueSummaryText({ structural: 1, error: 0, warning: 1, query: 2 }, true),
    '1 problem refusing the import, 0 errors (rows not loaded), 1 warning and 2 queries.',
  );
  assert.equal(
    issueSummaryText({ structural: 0, error: 0, warning: 1200, query: 0 }, false),
    '0 errors, 1,200 warnings, 0 queries',
  );
});

test('warnings the per-file counts leave out (checks across files) are said to be elsewhere', () => {
  assert.equal(acrossFilesText({ warning: 3, query: 0 }, [{ warnings: 3, queries: 0 }]), null);
  assert.match(
    acrossFilesText({ warning: 29, query: 1 }, [
      { warnings: 0, queries: 0 },
      { warnings: 0, queries: 0 },
    ])!,
    /found 29 warnings and 1 query more/,
  );
});

test('data page: a placement postcode warning affects only the distance figure; the counts table says where the rest are', async () => {
  const db = await memoryDatabase();
  await importSmallLa(db, '841', 20);
  const real = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z') });
  const services: WebServices = {
    ...real,
    async validationIssues(la, id) {
      const issues = await real.validationIssues(la, id);
      return issues && [...issues, issue({})];
    },
  };
  const { app } = await testApp(services, db);
  const browser = await signIn(app, 'analyst');
  const [version] = await services.datasets('841');
  const html = await (await browser.get(`/data/versions/${version!.id}?la=841`)).text();
  const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const row = /903-POSTCODE.*?<\/tr>/s
    .exec(html)![0]
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
  assert.match(row, /Children in Care placed 20 or more miles away from home/);
  assert.doesNotMatch(row, /Number of Children in Care/);
  assert.match(text, /Issues 0 errors, 1 warning, 0 queries/);
  assert.match(text, /found 1 warning more: they are in the validation report below/);
  await db.close();
});

test('upload result: an error in a file skipped as already loaded is labelled by the skip, not "row not loaded"', async () => {
  const db = await memoryDatabase();
  const services = createStoreServices(db);
  const { app } = await testApp(services, db);
  const contacts = [
    'contact_id,child_id,received_at,decided_at,outcome,source',
    'K1,C1,1922-06-01T09:00,2021-06-02T09:00,referral,1A',
    'K2,C2,2021-06-02T09:00,2021-06-03T09:00,referral,1A',
    '',
  ].join('\n');
  const user = await signIn(app, 'manager');
  const upload = async () => {
    const form = new FormData();
    form.set('_csrf', user.csrf);
    form.set('files', new File([contacts], 'contacts.csv', { type: 'text/csv' }));
    const r = await app.request('/data/upload?la=841', {
      method: 'POST',
      headers: { cookie: user.cookie },
      body: form,
    });
    return (await r.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  };
  assert.match(await upload(), /Error: row not loaded GEN-PAST/);
  const again = await upload();
  assert.match(again, /Error: in a file already loaded \(skipped\) GEN-PAST/);
  assert.doesNotMatch(again, /row not loaded GEN-PAST/);
  await db.close();
});
