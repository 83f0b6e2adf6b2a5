/**
 * Audit of children merged across sources (inputs.md §6 X-DOB): a disagreement between any two sources that
 * give a date of birth is reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleDataset } from './assemble-dataset.js';
import { child, submission } from '../test-records.js';

test('a DOB that Annex A gives differently from the SSDA903 Header is X-DOB', () => {
  // inputs.md §6: "X-DOB / X-UPN | warning / query | DOB differs across sources / one UPN, two child ids".
  const s903 = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1', { dob: '2010-01-15' }), child('C2', { dob: '2011-02-02' })],
    episodes: [],
  });
  const annex = submission('s2', 'annex-a', '2021-22', {
    children: [
      child('C1', { dob: '2010-05-15' }, 'annex-a.xlsx'),
      child('C2', { dob: '2011-02-02' }, 'annex-a.xlsx'),
    ],
  });
  const { dataset, issues } = assembleDataset('841', [s903, annex]);
  assert.deepEqual(
    issues.filter((i) => i.code === 'X-DOB').map((i) => [i.childId, i.value, i.message]),
    [
      [
        'C1',
        '2010-05-15',
        'Date of birth differs between SSDA903 (2010-01-15) and Annex A (2010-05-15); the SSDA903 Header date is used.',
      ],
    ],
  );
  assert.equal(dataset.children.find((c) => c.childId === 'C1')!.dob, '2010-01-15');
});

test('SSDA903 and CIN disagreeing keeps its message', () => {
  const s903 = submission('s1', 'ssda903', '2021-22', {
    children: [child('C1', { dob: '2010-01-15' })],
    episodes: [],
  });
  const cin = submission('s2', 'cin', '2021-22', {
    children: [child('C1', { dob: '2010-01-16' }, 'cin.xml')],
    referrals: [],
  });
  const x = assembleDataset('841', [s903, cin]).issues.find((i) => i.code === 'X-DOB')!;
  assert.equal(
    x.message,
    'Date of birth differs between SSDA903 (2010-01-15) and CIN (2010-01-16); the SSDA903 Header date is used.',
  );
  assert.equal(x.value, '2010-01-16');
});
