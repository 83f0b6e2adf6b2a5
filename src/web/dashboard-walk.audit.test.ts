import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indicator as cicMissing } from '../indicators/cic-missing.js';
import { makeResult } from '../report/fixtures/make-result.js';
import { DEFAULT_SUPPRESSION } from '../report/public/suppression.js';
import { createApp } from './app.js';
import { addUser } from './auth/users.js';
import { scorecardRow } from './figures/scorecard-view.js';
import { createFakeServices } from './testing/fake-services.js';
import { TEST_PASSWORD, TEST_SCRYPT, signIn } from './testing/harness.js';
import { storeOtherLas } from './testing/hub-figures-fixture.js';
import { memoryDatabase } from './testing/sqlite-memory.js';

// Audit: a walk through a small regional hub's dashboard (4 LAs on PostgreSQL) as an analyst, manager,
// member and admin of one LA and as regional users, read as an LA performance analyst or a councillor would.

const Q = 'la=841&period=2021-22-Q3';

async function hubApp() {
  const db = await memoryDatabase();
  await addUser(
    db,
    { username: 'analyst', role: 'analyst', la: '841', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  const services = createFakeServices({
    figures: { 'assessments-45wd': { x: 160, n: 200 }, 'cic-missing': { x: 30, n: 300 } },
  });
  const groups = {
    'region:North East': ['841', '840', '805', '806'],
    'statistical-neighbours': ['840', '805', '806'],
  };
  const app = createApp({ db, services, groups, scryptParams: TEST_SCRYPT });
  await storeOtherLas(db, { '840': 70, '805': 90, '806': 100 });
  return signIn(app, 'analyst');
}

test("audit: the England figure of children missing from care (11% of children looked after) reads as a percentage on the scorecard, never as 11 children beside the LA's count", () => {
  const r = makeResult(cicMissing, '2021-22-Q3', { current: 32 });
  assert.equal(r.unit, 'count');
  const row = scorecardRow(r, 22, 'full', DEFAULT_SUPPRESSION);
  assert.equal(row.england, '11.0% †', 'as the other England percentages: 38.0%, 10.0%');
});

test("audit: an indicator page's trend chart of a count draws no England line: a national total (82,170 children in care) is not on an LA's scale, as the report's chart leaves it out", async () => {
  const b = await hubApp();
  const page = await (await b.get(`/indicators/cic-count?${Q}`)).text();
  const chart = /<svg[\s\S]*?<\/svg>/.exec(page.slice(page.indexOf('Trend over')))![0];
  assert.doesNotMatch(chart, /app-chart__england/);
  assert.doesNotMatch(page, /England 2021-22: 82,170/, 'the key names no line the chart does not draw');
  assert.match(page, /82,170|82170/, 'the England figure is still given beside the LA figure');
  const pct = await (await b.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(pct.slice(pct.indexOf('Trend over')), /app-chart__england/, 'a percentage keeps its line');
  assert.match(pct, /England 2021-22: 84\.5%/);
});

test('audit: the indicator page ranks no indicator without a polarity (a count of children missing from care is neither better nor worse for being higher), as the scorecard does not', async () => {
  const b = await hubApp();
  const page = (await (await b.get(`/indicators/cic-missing?${Q}`)).text()).replace(/\s+/g, ' ');
  const section = /Compared with other local authorities[\s\S]*?<\/dl>/.exec(page)![0];
  assert.doesNotMatch(section, /\d(st|nd|rd|th) of \d/);
  assert.match(section, /This LA(&#39;|')s rank <\/dt> <dd[^>]*> Not ranked \(no polarity\)/);
  const card = await (await b.get(`/scorecard?${Q}`)).text();
  const row = /href="\/indicators\/cic-missing\?[^"]*"[\s\S]*?<\/tr>/.exec(card)![0];
  assert.match(row, /Not ranked \(no polarity\)/);
  const rated = (await (await b.get(`/indicators/assessments-45wd?${Q}`)).text()).replace(/\s+/g, ' ');
  assert.match(rated, /\d(st|nd|rd|th) of 4 \(quartile \d/, 'an indicator with a polarity keeps its rank');
});

test("audit: the indicator page does not call the mean of the LAs loaded on a regional hub 'England': it sits under the DfE's England figure, and 4 North East LAs are not England", async () => {
  const b = await hubApp();
  const page = (await (await b.get(`/indicators/assessments-45wd?${Q}`)).text()).replace(/\s+/g, ' ');
  const section = /Compared with other local authorities[\s\S]*?<\/dl>/.exec(page)![0];
  assert.doesNotMatch(section, /England/);
  // 841's 80.0% (160/200) with 70, 90 and 100: mean 85.0%; quartiles 77.5%, 85.0%, 92.5% (type 7).
  assert.match(section, /All LAs loaded \(4\): mean <\/dt> <dd[^>]*> 85\.0%/);
  assert.match(section, /All LAs loaded: quartiles <\/dt> <dd[^>]*> 77\.5%, 85\.0%, 92\.5%/);
  assert.match(
    page,
    /England 2021-22 <\/dt> <dd[^>]*> 84\.5%/,
    'the published England figure keeps its name',
  );
});

test("audit: a scorecard for a quarter the hub has no LAs' figures for says why its SN average column reads 'No figures', naming the quarter", async () => {
  const b = await hubApp();
  // The hub computed Q3 2021/22 only (storeOtherLas), as a hub computed for one quarter while the LAs'
  // data runs on to the next (the scorecard opens on the latest quarter of the LA's data).
  const q2 = (await (await b.get('/scorecard?la=841&period=2021-22-Q2')).text()).replace(/\s+/g, ' ');
  assert.match(q2, /SN average \(Q2 2021\/22\)/);
  assert.match(
    q2,
    /No figures: no local authority’s figures for Q2 2021\/22 are held for comparison\. The SN average and the comparisons between local authorities are shown for the quarters computed on the hub\./,
  );
  const q3 = (await (await b.get(`/scorecard?${Q}`)).text()).replace(/\s+/g, ' ');
  assert.doesNotMatch(q3, /No figures: no local authority/, 'not for a quarter with figures');
});

test("audit: beside this LA's own figure withheld from a member (small numbers), no mean or quartile that includes it is shown: with the SN mean of the other LAs it gives the figure away", async () => {
  const db = await memoryDatabase();
  await addUser(
    db,
    { username: 'member', role: 'member', la: '841', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  const services = createFakeServices({ figures: { 'cic-missing': { x: 3, n: null } } });
  const groups = {
    'region:North East': ['841', '840', '805', '806'],
    'statistical-neighbours': ['840', '805', '806'],
  };
  const app = createApp({ db, services, groups, scryptParams: TEST_SCRYPT });
  await storeOtherLas(db, { '840': 70, '805': 90, '806': 100 });
  await db.run("UPDATE indicator_results SET value = 20 WHERE indicator_id = 'cic-missing'");
  const m = await signIn(app, 'member');
  // 841's 3 children (withheld) with 20, 20, 20: mean of all 15.75, region 15.75, SN (others) 20;
  // 4 × 15.75 − 3 × 20 = 3, the figure withheld.
  const page = (await (await m.get(`/indicators/cic-missing?${Q}`)).text()).replace(/\s+/g, ' ');
  const section = /Compared with other local authorities[\s\S]*?<\/dl>/.exec(page)![0];
  assert.doesNotMatch(section, /> 16 <|15\.8|15\.75/, 'no mean of all LAs or of the region');
  const own = 'Not shown: it includes this LA(&#39;|’)s own figure, which is withheld';
  assert.match(section, new RegExp(`All LAs loaded \\(4\\): mean <\\/dt> <dd[^>]*> ${own}`));
  assert.match(section, new RegExp(`All LAs loaded: quartiles <\\/dt> <dd[^>]*> ${own}`));
  assert.match(section, new RegExp(`Region \\(North East, 4 LAs\\): mean <\\/dt> <dd[^>]*> ${own}`));
  assert.match(section, /Statistical neighbours \(3 LAs\): mean \(Q3 2021\/22\) <\/dt> <dd[^>]*> 20 </);
  const card = await (await m.get(`/scorecard?${Q}`)).text();
  const row = /href="\/indicators\/cic-missing\?[^"]*"[\s\S]*?<\/tr>/.exec(card)![0];
  assert.doesNotMatch(row, />16|region 16/, 'nor on the scorecard');
});
