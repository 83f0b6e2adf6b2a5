import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputsOf, snGroup } from './report.js';

test('the statistical-neighbour average is the groups file group named for statistical neighbours', () => {
  assert.equal(snGroup({ region: [], 'statistical-neighbours': [] }), 'statistical-neighbours');
  assert.equal(snGroup({ SN: [] }), 'SN');
  assert.equal(snGroup({ region: [] }), null);
  assert.equal(snGroup(undefined), null);
});

test('--out takes one or several files, each format from its extension', () => {
  assert.deepEqual(outputsOf('a.HTML'), [{ file: 'a.HTML', format: 'html' }]);
  assert.deepEqual(
    outputsOf(['r.pdf', 'r.docx']).map((o) => o.format),
    ['pdf', 'docx'],
  );
  assert.throws(() => outputsOf('r.txt'), /must end in \.html, \.pdf, \.docx, \.csv or \.json/);
  assert.throws(() => outputsOf(undefined), /--out is required/);
});

test('snGroup: a groups file naming neighbours per LA gives each LA its own, never another LA’s', () => {
  const groups = { 'statistical-neighbours:841': [], 'statistical-neighbours:805': [] };
  assert.equal(snGroup(groups, '805'), 'statistical-neighbours:805');
  assert.equal(snGroup(groups, '806'), null);
  assert.equal(snGroup({ 'statistical-neighbours': [] }, '806'), 'statistical-neighbours');
});
