import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from './read-inputs.js';
import { EPISODE_COLUMNS, HEADER_COLUMNS, TODAY, csv, headerRows, tempFolders } from './test-fixtures.js';

const temp = tempFolders();
after(temp.cleanup);

// An S-YEAR message's example of --year used to be 2021-22 whatever the import; it is now the year the
// situation suggests: the one a malformed --year plainly meant, else the collection year containing today
// (TODAY is 2024-06-01: 2024-25).
describe('the example year of an S-YEAR message', () => {
  it('for an SSDA903 set with no dates up to today is the collection year containing today', async () => {
    const f = temp.folder();
    f.write('header.csv', csv(HEADER_COLUMNS, headerRows(1)));
    f.write('episodes.csv', csv(EPISODE_COLUMNS, ['1001,01/05/2031,S,C2,N1,U4,PR1,,,,,,']));
    const r = await readInputs([f.dir], { today: TODAY, la: '841', limits: { maxRejectRate: 1 } });
    assert.deepEqual(
      r.issues.filter((i) => i.code === 'S-YEAR').map((i) => i.message),
      [
        'episodes.csv, header.csv: no episode or review dates, so the collection year cannot be told; give it with --year 2024-25.',
      ],
    );
  });

  it('for a malformed --year is the year it meant, and a year spanning two years is refused', async () => {
    const f = temp.folder();
    f.write('header.csv', csv(HEADER_COLUMNS, headerRows(1)));
    const slash = await readInputs([f.dir], { today: TODAY, la: '841', year: '2021/22' });
    assert.deepEqual(
      slash.issues.filter((i) => i.code === 'S-YEAR').map((i) => i.message),
      ['--year 2021/22 is not a collection year: write it like 2021-22.'],
    );
    const span = await readInputs([f.dir], { today: TODAY, la: '841', year: '2021-23' });
    assert.deepEqual(
      span.issues.filter((i) => i.code === 'S-YEAR').map((i) => i.message),
      ['--year 2021-23 is not a collection year: write it like 2024-25.'],
    );
  });
});
