import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndicatorInput } from './input.js';
import { dataset } from './lib/test-fixtures.js';
import { episodeFixture as episode } from '../model/episode-fixture.js';

test('children by id and care histories of children with episodes (short breaks removed)', () => {
  const data = dataset(['episodes'], {
    children: [
      {
        childId: 'A',
        dob: null,
        sex: 'F',
        ethnicity: null,
        deathDate: null,
        upnHash: null,
        disabilities: [],
        sources: [],
      },
    ],
    episodes: [
      episode({
        id: 'e1',
        childId: 'A',
        decom: '2021-01-01',
        rne: 'S',
        ls: 'C2',
        place: 'U1',
        dec: '2021-06-01',
        rec: 'E11',
      }),
      episode({
        id: 'e2',
        childId: 'B',
        decom: '2021-01-01',
        rne: 'S',
        ls: 'V3',
        place: 'U1',
        dec: null,
        rec: null,
      }),
    ],
  });
  const input = buildIndicatorInput(data);
  assert.equal(input.childrenById.get('A')?.sex, 'F');
  assert.deepEqual([...input.careHistories.keys()], ['A', 'B']);
  assert.equal(input.careHistories.get('A')!.periodsOfCare.length, 1);
  assert.equal(input.careHistories.get('A')!.periodsOfCare[0]!.end, '2021-06-01');
  assert.equal(input.careHistories.get('B')!.periodsOfCare.length, 0);
});
