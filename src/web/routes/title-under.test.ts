import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import type { IndicatorSettings } from '../../indicators/types.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { createStoreServices } from '../real-services.js';
import type { WebServices } from '../services.js';
import { signIn, testApp } from '../testing/harness.js';
import { memoryDatabase } from '../testing/sqlite-memory.js';

// The targets pages and the data page name an indicator as the scorecard and the indicator page do: under
// the LA's settings (`titleUnder`). CP visits every 15 working days (cpVisits.interval 15) are "within 15
// working days" there too, not the catalogue's 10.

const EVERY_15: IndicatorSettings = { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } };
const TITLE_15 = 'Statutory CP visits within 15 working days';
const TITLE_10 = 'Statutory CP visits within 10 working days';

/** An issue on the CP visits table, which the CP visits figure reads. */
const CP_VISIT_ISSUE: ValidationIssue = {
  code: 'GEN-DATE',
  severity: 'warning',
  file: 'cp_visits.csv',
  table: 'CP visits',
  position: 'line 2',
  childId: null,
  field: 'visit_date',
  value: null,
  dfeRule: null,
  message: 'cp_visits.csv line 2: visit_date is not a date; read as blank.',
};

/** The dashboard on a store with one small LA (real services) under the given settings, signed in as `role`. */
async function dashboard(role: 'analyst' | 'admin', settings?: IndicatorSettings) {
  const db = await memoryDatabase();
  await importSmallLa(db, '841', 20);
  const real = createStoreServices(db, {
    now: () => new Date('2022-01-14T10:00:00Z'),
    ...(settings ? { settings } : {}),
  });
  const services: WebServices = {
    ...real,
    async validationIssues(la, id) {
      const issues = await real.validationIssues(la, id);
      return issues && [...issues, CP_VISIT_ISSUE];
    },
  };
  const { app } = await testApp(services, db);
  return { db, services, browser: await signIn(app, role) };
}

const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('targets pages: CP visits every 15 working days are titled "within 15 working days"', async () => {
  const { db, browser } = await dashboard('admin', EVERY_15);
  const list = text(await (await browser.get('/targets?la=841')).text());
  assert.match(list, new RegExp(TITLE_15));
  assert.doesNotMatch(list, new RegExp(TITLE_10));
  const year = /<option value="([^"]+)" selected>/.exec(
    await (await browser.get('/targets?la=841')).text(),
  )![1]!;
  const edit = await (await browser.get(`/targets/cp-visits-10wd?la=841&year=${year}`)).text();
  assert.match(edit, new RegExp(`<h1[^>]*>\\s*${TITLE_15}\\s*</h1>`));
  // After a change, the page's banner names the indicator the same way.
  const done = text(await (await browser.get(`/targets?la=841&year=${year}&updated=cp-visits-10wd`)).text());
  assert.match(done, new RegExp(`Target changed for ${TITLE_15}\\.`));
  assert.doesNotMatch(done, new RegExp(TITLE_10));
  assert.match(edit, new RegExp(`<title>[^<]*Change target: ${TITLE_15}`));
  assert.doesNotMatch(edit, new RegExp(TITLE_10));
  await db.close();
});

test('data page: an issue on CP visits affects "CP visits within 15 working days" under the LA settings', async () => {
  const { db, services, browser } = await dashboard('analyst', EVERY_15);
  const [version] = await services.datasets('841');
  const page = text(await (await browser.get(`/data/versions/${version!.id}?la=841`)).text());
  assert.match(page, new RegExp(TITLE_15));
  assert.doesNotMatch(page, new RegExp(TITLE_10));
  await db.close();
});

test('targets and data pages under the default settings keep the catalogue title, 10 working days', async () => {
  const { db, services, browser } = await dashboard('admin');
  assert.match(text(await (await browser.get('/targets?la=841')).text()), new RegExp(TITLE_10));
  const [version] = await services.datasets('841');
  assert.match(
    text(await (await browser.get(`/data/versions/${version!.id}?la=841`)).text()),
    new RegExp(TITLE_10),
  );
  await db.close();
});
