import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { setMinOtherLas } from '../../hub/hub-settings.js';
import { createApp } from '../app.js';
import { addUser } from '../auth/users.js';
import { createFakeServices } from '../testing/fake-services.js';
import { TEST_PASSWORD, TEST_SCRYPT, signIn } from '../testing/harness.js';
import { storeOtherLas } from '../testing/hub-figures-fixture.js';
import { memoryDatabase } from '../testing/sqlite-memory.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import type { IndicatorSettings } from '../../indicators/types.js';

const Q = 'la=841&period=2021-22-Q3';
const GROUPS = {
  'region:North East': ['841', '840', '805'],
  'region:North West': ['352'],
  'statistical-neighbours': ['840', '352'],
};

async function app(groups: Record<string, string[]>, settings?: IndicatorSettings) {
  const db = await memoryDatabase();
  await addUser(
    db,
    { username: 'analyst', role: 'analyst', la: '841', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  await addUser(
    db,
    { username: 'member', role: 'member', la: '841', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  const services = createFakeServices({
    figures: { 'assessments-45wd': { x: 160, n: 200 }, 'cic-missing': { x: 3, n: null } },
    ...(settings ? { settings } : {}),
  });
  return { db, app: createApp({ db, services, groups, scryptParams: TEST_SCRYPT }) };
}

test('without hub results the pages show nothing extra', async () => {
  const { app: a } = await app(GROUPS);
  const b = await signIn(a, 'analyst');
  const page = await (await b.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.doesNotMatch(page, /Compared with other local authorities/);
  const card = await (await b.get(`/scorecard?${Q}`)).text();
  assert.match(card, /SN average/, 'the group is loaded');
  assert.match(card, /No figures/);
  const { app: noSn } = await app({ 'region:North East': ['841'] });
  const card2 = await (await (await signIn(noSn, 'analyst')).get(`/scorecard?${Q}`)).text();
  assert.doesNotMatch(card2, /SN average/, 'no statistical-neighbour group loaded');
});

test('with hub results: all LAs loaded: mean and quartiles, region and SN means, rank; SN column', async () => {
  // Groups of at least 3 other LAs each, so every aggregate may be shared with 841.
  const { app: a, db } = await app({
    'region:North East': ['841', '840', '805', '806'],
    'region:North West': ['352'],
    'statistical-neighbours': ['840', '352', '806'],
  });
  // 841 is 80.0% (160/200) live; the others as stored.
  await storeOtherLas(db, { '840': 70, '805': 90, '352': 60, '806': 100 });
  const b = await signIn(a, 'analyst');
  const page = await (await b.get(`/indicators/assessments-45wd?${Q}`)).text();
  const section = /Compared with other local authorities[\s\S]*?<\/dl>/.exec(page)![0].replace(/\s+/g, ' ');
  // 60, 70, 80, 90, 100: mean 80.0; quartiles 70.0, 80.0, 90.0 (type 7).
  assert.match(section, /All LAs loaded \(5\): mean <\/dt> <dd[^>]*> 80\.0%/);
  assert.match(section, /70\.0%, 80\.0%, 90\.0%/);
  // (80 + 70 + 90 + 100) / 4 with 841; (70 + 60 + 100) / 3 without it.
  assert.match(section, /Region \(North East, 4 LAs\): mean <\/dt> <dd[^>]*> 85\.0%/);
  assert.match(section, /Statistical neighbours \(3 LAs\): mean \(Q3 2021\/22\) <\/dt> <dd[^>]*> 76\.7%/);
  assert.match(section, /3rd of 5 \(quartile 2\)/);
  const card = await (await b.get(`/scorecard?${Q}`)).text();
  const row = /href="\/indicators\/assessments-45wd\?[^"]*"[\s\S]*?<\/tr>/.exec(card)![0];
  assert.match(row, />76\.7%</);
});

test('a mean of fewer than 3 other LAs is not shown (the hub sharing rule): region and SN of two others each', async () => {
  const { app: a, db } = await app(GROUPS);
  await storeOtherLas(db, { '840': 70, '805': 90, '352': 60 });
  const b = await signIn(a, 'analyst');
  const page = await (await b.get(`/indicators/assessments-45wd?${Q}`)).text();
  const section = /Compared with other local authorities[\s\S]*?<\/dl>/.exec(page)![0].replace(/\s+/g, ' ');
  // All LAs loaded: three others, shown. 60, 70, 80, 90: mean 75.0; quartiles 67.5, 75.0, 82.5.
  assert.match(section, /All LAs loaded \(4\): mean <\/dt> <dd[^>]*> 75\.0%/);
  assert.match(section, /67\.5%, 75\.0%, 82\.5%/);
  const withheld = /<dd[^>]*> Not shown: fewer than 3 other local authorities <\/dd>/;
  assert.match(section, new RegExp(`Region \\(North East, 3 LAs\\): mean <\\/dt> ${withheld.source}`));
  assert.match(
    section,
    new RegExp(`Statistical neighbours \\(2 LAs\\): mean \\(Q3 2021/22\\) <\\/dt> ${withheld.source}`),
  );
  assert.doesNotMatch(section, /80\.0%|65\.0%/, 'neither the region mean 80.0% nor the SN mean 65.0%');
  const card = await (await b.get(`/scorecard?${Q}`)).text();
  const row = /href="\/indicators\/assessments-45wd\?[^"]*"[\s\S]*?<\/tr>/.exec(card)![0];
  assert.match(row, />Not shown</);
  assert.doesNotMatch(row, />65\.0%</);
});

test('a member whose LA figure is withheld sees the benchmarks but not its rank', async () => {
  const { app: a, db } = await app(GROUPS);
  await storeOtherLas(db, { '840': 70, '805': 90, '352': 60 });
  await db.run("UPDATE indicator_results SET value = 12 WHERE indicator_id = 'cic-missing'");
  const m = await signIn(a, 'member');
  const page = await (await m.get(`/indicators/cic-missing?${Q}`)).text();
  assert.match(page, /Compared with other local authorities/);
  assert.doesNotMatch(page, /This LA&#39;s rank|This LA's rank/);
});

test('the hub sharing rule is the hub’s setting: at 4, a mean of three other LAs is withheld too', async () => {
  const { app: a, db } = await app(GROUPS);
  await storeOtherLas(db, { '840': 70, '805': 90, '352': 60 });
  const b = await signIn(a, 'analyst');
  const section = async () =>
    /Compared with other local authorities[\s\S]*?<\/dl>/
      .exec(await (await b.get(`/indicators/assessments-45wd?${Q}`)).text())![0]
      .replace(/\s+/g, ' ');
  assert.match(await section(), /All LAs loaded \(4\): mean <\/dt> <dd[^>]*> 75\.0%/);
  await setMinOtherLas(db, 4, 'hub-admin', new Date());
  // The page reads the setting afresh (within a second: the hub's results are read at most once a second).
  await new Promise((r) => setTimeout(r, 1100));
  const now = await section();
  assert.match(
    now,
    /All LAs loaded \(4\): mean <\/dt> <dd[^>]*> Not shown: fewer than 4 other local authorities/,
  );
  assert.doesNotMatch(now, /75\.0%/);
});

test('like-for-like: under cpVisits.interval 15 the CP visits benchmarks are Not comparable with the reason; rereferrals keep theirs', async () => {
  const groups = {
    'region:North East': ['841', '840', '805', '806'],
    'region:North West': ['352'],
    'statistical-neighbours': ['840', '352', '806'],
  };
  const { app: a, db } = await app(groups, { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } });
  // Other LAs' stored figures are computed under the standard definition (within 10 working days).
  await storeOtherLas(db, { '840': 70, '805': 90, '352': 60, '806': 100 });
  const b = await signIn(a, 'analyst');
  const reason =
    'this council&#39;s settings change the definition: cpVisits.interval 15; other LAs&#39; figures use the standard definition';
  const section = async (id: string) =>
    /Compared with other local authorities[\s\S]*?<\/dl>[\s\S]*?(?=<h2|<div class="govuk-inset|$)/
      .exec(await (await b.get(`/indicators/${id}?${Q}`)).text())![0]
      .replace(/\s+/g, ' ');
  const cp = await section('cp-visits-10wd');
  assert.match(cp, /All LAs loaded \(5\): mean <\/dt> <dd[^>]*> Not comparable/);
  assert.match(cp, /quartiles <\/dt> <dd[^>]*> Not comparable/);
  assert.match(cp, /Region \(North East, 4 LAs\): mean <\/dt> <dd[^>]*> Not comparable/);
  assert.match(cp, /Statistical neighbours \(3 LAs\): mean \(Q3 2021\/22\) <\/dt> <dd[^>]*> Not comparable/);
  assert.doesNotMatch(cp, /rank|\d(st|nd|rd|th) of/);
  assert.ok(cp.includes(`Not comparable: ${reason}`), 'the reason is given');
  const rr = await section('referrals-rereferral-12m');
  assert.doesNotMatch(rr, /Not comparable/);
  assert.match(rr, /All LAs loaded \(5\): mean <\/dt> <dd[^>]*> \d+\.\d%/);
  assert.match(rr, /\d(st|nd|rd|th) of 5/);

  const card = await (await b.get(`/scorecard?${Q}`)).text();
  const row = (id: string) => new RegExp(`href="/indicators/${id}\\?[^"]*"[\\s\\S]*?</tr>`).exec(card)![0];
  const cells = (id: string) => [...row(id).matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.trim());
  // SN average, mean of LAs loaded and position: the three cells before the trend.
  const hubCells = (id: string) => cells(id).slice(-4, -1);
  assert.deepEqual(hubCells('cp-visits-10wd'), ['Not comparable', 'Not comparable', 'Not comparable']);
  const other = hubCells('referrals-rereferral-12m');
  assert.match(other[0]!, /^\d+\.\d%$/, 'the SN mean');
  assert.match(other[1]!, /^\d+\.\d%/, 'the mean of LAs loaded');
  assert.match(other[2]!, /^\d+(st|nd|rd|th) of 5/, 'the position');
  assert.ok(card.includes(reason), 'the scorecard says why');
});

test('other LAs’ figures from an earlier dataset version: still compared, and the section says how many (no LA named)', async () => {
  const { app: a, db } = await app(GROUPS);
  await storeOtherLas(db, { '840': 70, '805': 90, '352': 60 });
  const b = await signIn(a, 'analyst');
  const section = async () =>
    /Compared with other local authorities[\s\S]*?(?=<h2|<div class="govuk-inset|$)/
      .exec(await (await b.get(`/indicators/assessments-45wd?${Q}`)).text())![0]
      .replace(/\s+/g, ' ');
  const note =
    '1 of the 3 LAs&#39; figures are from an earlier dataset version than their current one (recompute with cspi hub compute --period 2021-22-Q3).';
  const fresh = await section();
  assert.doesNotMatch(fresh, /earlier dataset version/);
  // 805 imports a new dataset version after its figures were computed; nobody recomputes the period.
  await importSmallLa(db, '805', 4);
  // The hub's results are read at most once a second; the new version is seen after that.
  await new Promise((r) => setTimeout(r, 1100));
  const stale = await section();
  assert.match(stale, /All LAs loaded \(4\): mean <\/dt> <dd[^>]*> 75\.0%/, '805’s figure still used');
  assert.ok(stale.includes(note), stale);
  assert.doesNotMatch(stale, /805/, 'the LA is not named to another LA’s users');
  const m = await signIn(a, 'member');
  const page = await (await m.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.ok(page.includes(note));
});

test('other LAs’ figures from an earlier dataset version: the scorecard marks its SN and mean cells "*" and says how many below the table (no LA named); Not comparable cells are not marked', async () => {
  const { app: a, db } = await app(GROUPS, { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } });
  await storeOtherLas(db, { '840': 70, '805': 90, '352': 60 });
  const b = await signIn(a, 'analyst');
  const card = async () => (await (await b.get(`/scorecard?${Q}`)).text()).replace(/\s+/g, ' ');
  const row = (html: string, id: string) =>
    new RegExp(`href="/indicators/${id}\\?[^"]*"[\\s\\S]*?</tr>`).exec(html)![0];
  const cells = (html: string, id: string) =>
    [...row(html, id).matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, '').trim(),
    );
  // SN average and mean of LAs loaded: the cells before the position and the trend.
  const means = (html: string, id: string) => cells(html, id).slice(-4, -2);
  const note =
    '* 1 of the 3 LAs&#39; figures are from an earlier dataset version than their current one (recompute with cspi hub compute --period 2021-22-Q3).';
  const fresh = await card();
  assert.doesNotMatch(fresh, /earlier dataset version/);
  assert.deepEqual(means(fresh, 'assessments-45wd'), ['Not shown', '75.0% (region not shown)']);
  // 805 imports a new dataset version after its figures were computed; nobody recomputes the period.
  await importSmallLa(db, '805', 4);
  await new Promise((r) => setTimeout(r, 1100));
  const stale = await card();
  const marked = ' * (some LAs’ figures are from an earlier dataset version: see the note below the table)';
  assert.deepEqual(means(stale, 'assessments-45wd'), [
    `Not shown${marked}`,
    `75.0% (region not shown)${marked}`,
  ]);
  assert.deepEqual(
    means(stale, 'cp-visits-10wd'),
    ['Not comparable', 'Not comparable'],
    'nothing is computed from the figures: no mark',
  );
  assert.ok(stale.includes(`<p class="govuk-body-s" id="earlier-versions">${note}</p>`), stale);
  assert.doesNotMatch(stale, /805/, 'the LA is not named to another LA’s users');
  const forMember = (await (await (await signIn(a, 'member')).get(`/scorecard?${Q}`)).text()).replace(
    /\s+/g,
    ' ',
  );
  assert.ok(forMember.includes(note), 'members are told too');
});
