import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../calendar/iso-date.js';
import { collectionYearExample, collectionYearProblem } from './collection-year-text.js';
import { londonToday } from '../calendar/london-date.js';

const TODAY = '2024-06-01' as IsoDate;

describe('the example collection year of an S-YEAR message', () => {
  it('is the year a malformed --year plainly meant', () => {
    for (const given of ['2021/22', '2021-2022', '202122', ' 2021 / 22 ', '2021_22', '2021–22'])
      assert.equal(collectionYearExample(given, TODAY), '2021-22', given);
    assert.equal(collectionYearExample('1999/00', TODAY), '1999-00');
  });

  it('is the collection year containing today when nothing fits (April to March)', () => {
    assert.equal(collectionYearExample(null, TODAY), '2024-25');
    assert.equal(collectionYearExample(null, '2025-03-31' as IsoDate), '2024-25');
    assert.equal(collectionYearExample(null, '2025-04-01' as IsoDate), '2025-26');
    assert.equal(collectionYearExample('2022', TODAY), '2024-25');
    assert.equal(collectionYearExample('2021/23', TODAY), '2024-25');
  });
});

describe('--year', () => {
  it('is a collection year written 2021-22 (years that follow each other)', () => {
    assert.equal(collectionYearProblem('2021-22', TODAY), null);
    assert.equal(collectionYearProblem('1999-00', TODAY), null);
  });

  it('spanning two years, or written otherwise, is not, and the message gives the year it meant', () => {
    assert.equal(
      collectionYearProblem('2021-23', TODAY),
      '--year 2021-23 is not a collection year: write it like 2024-25.',
    );
    assert.equal(
      collectionYearProblem('2021/22', TODAY),
      '--year 2021/22 is not a collection year: write it like 2021-22.',
    );
    assert.equal(
      collectionYearProblem('22', TODAY),
      '--year 22 is not a collection year: write it like 2024-25.',
    );
  });
});

describe('londonToday', () => {
  it("is England's date (British Summer Time: 23:30 UTC is the next day)", () => {
    assert.equal(londonToday(new Date('2021-06-30T23:30:00Z')), '2021-07-01');
    assert.equal(londonToday(new Date('2021-12-31T23:30:00Z')), '2021-12-31');
  });
});
