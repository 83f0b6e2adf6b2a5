import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriod } from '../calendar/period.js';
import { storeDatasetSource } from '../cli/dataset-source.js';
import { reportRequestFor } from '../cli/indicator-config.js';
import { snGroupName } from '../report/model/hub-benchmarks.js';
import { openDatabase } from '../store/open.js';
import { importSmallLa } from './hub-fixtures.js';
import { LaGroupsError, parseLaGroups } from './la-groups.js';

// README "Benchmarks": a groups file is `{ "statistical-neighbours:841": ["805", …], … }`, one group per LA;
// inputs.md §1 lets an LA be given by its DfE code or its ONS code. A file written from ONS data keys each
// LA's group by ONS code (`statistical-neighbours:E06000005` for Darlington, DfE 841): its members were read
// as DfE codes, but its name was not, so no LA ever found its own group and its SN mean silently fell back to
// the plain group or nothing. And `cspi indicators/report/publish --groups` read no ONS code at all: each
// member was looked up as an LA called "E06000001" ("LA E06000001 has no dataset").

const refusedWith = (text: string, message: RegExp) =>
  assert.throws(
    () => parseLaGroups(text),
    (e: unknown) => e instanceof LaGroupsError && message.test(e.message),
    text,
  );

test('groups file: a group named after an LA by its ONS code is that LA’s group, by its DfE code', () => {
  const groups = parseLaGroups(
    JSON.stringify({
      'statistical-neighbours:E06000005': ['E06000001', '806'],
      'statistical-neighbours:805': ['E06000005'],
      SN: ['841'],
    }),
  );
  assert.deepEqual(groups, {
    'statistical-neighbours:841': ['805', '806'],
    'statistical-neighbours:805': ['841'],
    SN: ['841'],
  });
  assert.equal(snGroupName(groups, '841'), 'statistical-neighbours:841');
  assert.equal(snGroupName(groups, '805'), 'statistical-neighbours:805');
});

test('groups file: an ONS code the LA table does not know is refused, naming it and asking for the DfE code', () => {
  // E07…: a district (an LA is its county, E10…); E06999999: no such authority.
  refusedWith(
    '{ "sn": ["805", "E07000026"] }',
    /^group "sn": E07000026 is not the ONS code of an LA in the LA table \(data\/las\.csv\)[^;]*; give the LA's 3-digit DfE code \(e\.g\. 841\)$/,
  );
  refusedWith(
    '{ "statistical-neighbours:E06999999": ["805"] }',
    /^group "statistical-neighbours:E06999999": E06999999 is not the ONS code of an LA .*; name the group by the LA's 3-digit DfE code \(e\.g\. "statistical-neighbours:841"\)$/,
  );
  // One LA's group given twice (by both its codes) is refused rather than one silently dropped.
  refusedWith(
    '{ "statistical-neighbours:841": ["805"], "statistical-neighbours:E06000005": ["806"] }',
    /^groups "statistical-neighbours:841" and "statistical-neighbours:E06000005" are the same group \(LA 841 is E06000005\): give it once$/,
  );
});

test('cspi indicators/report/publish --groups: members and group names given by ONS code are the LAs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-groups-ons-'));
  const path = join(dir, 'cspi.db');
  try {
    const db = await openDatabase(path);
    await importSmallLa(db, '841', 3);
    await importSmallLa(db, '805', 4);
    await db.close();
    const file = join(dir, 'sn.json');
    writeFileSync(file, JSON.stringify({ 'statistical-neighbours:E06000005': ['E06000001', 'E06000005'] }));
    const source = await storeDatasetSource(path, undefined);
    try {
      const req = await reportRequestFor(
        await source.load('841'),
        parsePeriod('2021-22-Q3'),
        { groups: file },
        source,
      );
      assert.deepEqual(Object.keys(req.comparatorGroups ?? {}), ['statistical-neighbours:841']);
      assert.equal(
        req.comparatorGroups!['statistical-neighbours:841']!.length,
        1,
        'Hartlepool, not 841 itself',
      );
      writeFileSync(file, '{ "sn": ["E07000026"] }');
      await assert.rejects(
        reportRequestFor(await source.load('841'), parsePeriod('2021-22-Q3'), { groups: file }, source),
        (e: Error) =>
          e.name === 'UserError' &&
          e.message.startsWith(`--groups ${file}: group "sn": E07000026 is not the ONS code of an LA`),
      );
    } finally {
      await source.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
