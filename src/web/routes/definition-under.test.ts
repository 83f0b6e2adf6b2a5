import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import type { IndicatorSettings } from '../../indicators/types.js';
import { createStoreServices } from '../real-services.js';
import { signIn, testApp } from '../testing/harness.js';
import { memoryDatabase } from '../testing/sqlite-memory.js';

const Q = 'la=841&period=2021-22-Q3';
const EVERY_15: IndicatorSettings = { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } };

/** The dashboard on a store with one small LA (real services) under the given settings, an analyst signed in. */
async function analystUnder(settings?: IndicatorSettings) {
  const db = await memoryDatabase();
  await importSmallLa(db, '841', 20);
  const services = createStoreServices(db, {
    now: () => new Date('2022-01-14T10:00:00Z'),
    ...(settings ? { settings } : {}),
  });
  const { app } = await testApp(services, db);
  return { db, browser: await signIn(app, 'analyst') };
}

/** The indicator page's "Definition" summary list, tags dropped. */
function definitionList(html: string): string {
  const at = html.indexOf('Definition version');
  assert.ok(at > 0, 'the page has the definition list');
  const start = html.lastIndexOf('<dl', at);
  return html
    .slice(start, html.indexOf('</dl>', at))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

test('indicator page and API: CP visits every 15 working days (cpVisits.interval 15) are defined with 15 working days, not 10', async () => {
  const { db, browser } = await analystUnder(EVERY_15);
  const page = await (await browser.get(`/indicators/cp-visits-10wd?${Q}`)).text();
  assert.match(page, /<h1[^>]*>\s*Statutory CP visits within 15 working days\s*<\/h1>/);
  const dl = definitionList(page);
  assert.match(dl, /made within 15 working days of the plan start or the previous visit/);
  assert.match(dl, /no later than the due date, 15 working days after it/);
  assert.match(dl, /the first 15 working days after CPPstartDate, then 15 working days after each visit/);
  assert.doesNotMatch(dl, /within 10 working days|10 working days after/);

  const api = (await (await browser.get(`/api/indicators/cp-visits-10wd?${Q}`)).json()) as {
    definition: Record<string, string>;
    indicator: { title: string };
  };
  assert.equal(api.indicator.title, 'Statutory CP visits within 15 working days');
  assert.match(api.definition.summary!, /made within 15 working days of the plan start/);
  assert.match(api.definition.numerator!, /no later than the due date, 15 working days after it/);
  assert.match(api.definition.denominator!, /the first 15 working days after CPPstartDate/);
  assert.doesNotMatch(
    JSON.stringify([api.definition.summary, api.definition.numerator, api.definition.denominator]),
    /10 working days/,
  );
  assert.equal(
    api.definition.definitionVersion,
    '1.0',
    'the same definition version: only the interval differs',
  );

  // The commentary page for this LA's figure is headed by the same title.
  const commentary = await (await browser.get(`/reports/commentary/cp-visits-10wd?${Q}`)).text();
  assert.match(commentary, /<h1[^>]*>\s*Statutory CP visits within 15 working days\s*<\/h1>/);
  await db.close();
});

test('indicator page and API: under the default settings CP visits are defined with 10 working days, as the catalogue', async () => {
  const { db, browser } = await analystUnder();
  const dl = definitionList(await (await browser.get(`/indicators/cp-visits-10wd?${Q}`)).text());
  assert.match(dl, /made within 10 working days of the plan start or the previous visit/);
  assert.doesNotMatch(dl, /15 working days after/);
  const api = (await (await browser.get(`/api/indicators/cp-visits-10wd?${Q}`)).json()) as {
    definition: Record<string, string>;
  };
  assert.match(api.definition.numerator!, /no later than the due date, 10 working days after it/);
  await db.close();
});
