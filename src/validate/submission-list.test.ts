import { test } from 'node:test';
import assert from 'node:assert/strict';
import { submissionList } from './submission-list.js';

const sub = (source: string, collectionYear: string | null = null) => ({ source, collectionYear });

test('one submission is named as it is', () => {
  assert.equal(submissionList([sub('SSDA903', '2021-22')]), 'SSDA903 2021-22');
  assert.equal(submissionList([sub('Annex A')]), 'Annex A');
});

test('submissions are grouped by source, years in the order met, repeats counted, undated last', () => {
  const subs = [
    sub('CIN census', '2020-21'),
    sub('local extract', '2020-21'),
    sub('local extract', '2020-21'),
    sub('CIN census', '2021-22'),
    sub('local extract'),
    sub('local extract', '2021-22'),
    sub('local extract'),
    sub('SSDA903', '2020-21'),
    sub('SSDA903', '2021-22'),
  ];
  assert.equal(
    submissionList(subs),
    'CIN census 2020-21, 2021-22; local extract 2020-21 ×2, 2021-22, no year ×2; SSDA903 2020-21, 2021-22',
  );
});

test('a single undated submission beside dated ones of its source is "no year"', () => {
  assert.equal(
    submissionList([sub('local extract', '2021-22'), sub('local extract')]),
    'local extract 2021-22, no year',
  );
  assert.equal(submissionList([sub('local extract'), sub('local extract')]), 'local extract no year ×2');
  assert.equal(submissionList([]), '');
});
