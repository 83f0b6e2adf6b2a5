import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IndicatorReport } from '../indicators/types.js';
import { NO_COMMENTARY } from '../report/commentary/commentary.js';
import { saveEdition } from '../report/edition/edition-store.js';
import type { Database } from '../store/database.js';
import { createApp } from './app.js';
import { addUser } from './auth/users.js';
import { createFakeServices } from './testing/fake-services.js';
import { TEST_PASSWORD, TEST_SCRYPT, signIn } from './testing/harness.js';
import { storeOtherLas } from './testing/hub-figures-fixture.js';
import { memoryDatabase } from './testing/sqlite-memory.js';

const Q = 'la=841&period=2021-22-Q3';
const GROUPS = { 'region:North East': ['841', '840', '805'], 'region:North West': ['352'] };

async function app() {
  const db = await memoryDatabase();
  for (const role of ['analyst', 'member'] as const) {
    await addUser(db, { username: role, role, la: '841', password: TEST_PASSWORD }, new Date(), TEST_SCRYPT);
  }
  const services = createFakeServices({ figures: { 'assessments-45wd': { x: 160, n: 200 } } });
  return { db, services, app: createApp({ db, services, groups: GROUPS, scryptParams: TEST_SCRYPT }) };
}

/** Publishes Q2 as its edition would have frozen it: every figure as Q3's report shows Q2, except `changed`. */
async function publishQ2(
  db: Database,
  q3: IndicatorReport,
  changed: Record<string, { value: number; numerator: number; denominator: number | null }>,
) {
  const q2: IndicatorReport = {
    ...q3,
    period: { ...q3.period, id: '2021-22-Q2' },
    indicators: q3.indicators.map((r) => ({
      ...r,
      ...(changed[r.id] ?? {
        value: r.previous?.value ?? null,
        numerator: r.previous?.numerator ?? null,
        denominator: r.previous?.denominator ?? null,
      }),
    })),
  };
  await saveEdition(db, {
    id: '841-2021-22-Q2-20211020090000',
    la: '841',
    period: '2021-22-Q2',
    publishedAt: '2021-10-20T09:00:00.000Z',
    publishedBy: 'admin',
    datasetId: q3.dataset.id,
    datasetHash: q3.dataset.hash,
    softwareVersion: '0.1.0',
    frozen: {
      report: q2,
      definitionVersions: {},
      options: {
        public: false,
        committee: 'c',
        meetingDate: null,
        authorLine: 'a',
        laName: 'Darlington',
        suppression: { k: 5, complement: true },
        inLineBand: 0.5,
      },
      commentary: NO_COMMENTARY,
      narrative: { performingWell: [], areasForFocus: [], unpublished: [], annual: null },
    },
    outputHashes: {},
  });
}

test('a quarter restated since its edition is marked "r" on the scorecard and the indicator trend table, with the published value', async () => {
  const { db, services, app: a } = await app();
  const q3 = (await services.scorecard('841', '2021-22-Q3', null))!;
  const prev = q3.indicators.find((r) => r.id === 'assessments-45wd')!.previous!;
  assert.ok(prev.value !== null && prev.value !== 70);
  const analyst = await signIn(a, 'analyst');
  const before = await (await analyst.get(`/scorecard?${Q}`)).text();
  assert.doesNotMatch(before, /Restated figures/);
  await publishQ2(db, q3, { 'assessments-45wd': { value: 70, numerator: 140, denominator: 200 } });
  const card = await (await analyst.get(`/scorecard?${Q}`)).text();
  const row = /href="\/indicators\/assessments-45wd\?[^"]*"[\s\S]*?<\/tr>/.exec(card)![0];
  assert.match(row, new RegExp(`${prev.value!.toFixed(1)}% r`));
  assert.match(card, /Restated figures/);
  assert.match(
    card,
    /Q2 2021\/22: published as 70\.0% \(140\/200\) in edition 841-2021-22-Q2-20211020090000; now/,
  );
  const page = await (await analyst.get(`/indicators/assessments-45wd?${Q}`)).text();
  assert.match(page, new RegExp(`${prev.value!.toFixed(1)}% r<`));
  assert.match(page, /published as 70\.0%/);
  // Only the changed indicator is marked.
  assert.equal((card.match(/published as/g) ?? []).length, 1);
});

test('with other LAs stored by the hub the scorecard shows their mean and this LA’s position, for members too', async () => {
  const { db, app: a } = await app();
  await storeOtherLas(db, { '840': 70, '805': 90, '352': 60 });
  for (const role of ['analyst', 'member'] as const) {
    const user = await signIn(a, role);
    const card = await (await user.get(`/scorecard?${Q}`)).text();
    assert.match(card, /Mean of LAs loaded/);
    assert.match(card, /Position among LAs loaded/);
    const row = /href="\/indicators\/assessments-45wd\?[^"]*"[\s\S]*?<\/tr>/.exec(card)![0];
    // 60, 70, 80 (841), 90: mean 75.0; 841 is 2nd of 4, quartile 2. The North East mean (70, 80, 90: 80.0) is
    // of two other LAs, so not shown (the hub's sharing rule, src/hub/aggregate-sharing.ts).
    assert.match(row, />\s*75\.0% \(region not shown\)\s*</);
    assert.match(row, />\s*2nd of 4 \(quartile 2\)\s*</);
    // The key names quartiles in words: "Q2" reads as the second quarter in a quarterly scorecard.
    assert.match(card, /quartile 1 the best quarter and quartile 4 the worst/);
    assert.doesNotMatch(card, /\(Q[1-4]\)|Q1 the best/);
  }
});
