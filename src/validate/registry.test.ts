import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RULES_BY_YEAR, rulesFor } from './registry.js';
import { loadCodeBook } from './code-lists.js';

/** Row-rule codes of the brief (inputs.md §6) checked by a registered rule rather than by a reader. */
const RULE_CODES = [
  'GEN-FUTURE',
  'GEN-PAST',
  'GEN-CODE',
  'GEN-LEGACY',
  'GEN-DUP-ROW',
  'GEN-DUP-KEY',
  '903-CHILD-UNKNOWN',
  '903-DOB-DIFF',
  '903-EP-ORDER',
  '903-EP-24H',
  '903-EP-RECDEC',
  '903-EP-CHAIN',
  '903-EP-OVERLAP',
  '903-EP-RNE-S',
  '903-EP-FIRST',
  '903-EP-BIRTH',
  '903-MIS-ORDER',
  '903-YEAR-END',
  'CIN-CLOSE-ORDER',
  'CIN-CLOSE-REASON',
  'CIN-ASMT-ORDER',
  'CIN-ASMT-BEFORE-REF',
  'CIN-S47-ICPC',
  'CIN-ICPC-BOTH',
  'CIN-CPP-ORDER',
  'CIN-CPP-SAMEDAY',
  'CIN-CPP-OVERLAP',
  'CIN-CPP-REVIEW',
  'CIN-NFA-ACTIVITY',
  'CIN-YEAR-ELEMENT',
  'LOC-ORDER',
  'LOC-WORKER-UNKNOWN',
  'LOC-SWE',
];

describe('rule registry', () => {
  it('registers every rule code for every year from 2017-18 to 2026-27', () => {
    assert.deepEqual(Object.keys(RULES_BY_YEAR), [
      '2017-18',
      '2018-19',
      '2019-20',
      '2020-21',
      '2021-22',
      '2022-23',
      '2023-24',
      '2024-25',
      '2025-26',
      '2026-27',
    ]);
    for (const rules of Object.values(RULES_BY_YEAR))
      assert.deepEqual(rules.map((r) => r.code).sort(), [...RULE_CODES].sort());
  });

  it('gives each source only its rules, and none for an unknown year', () => {
    assert.ok(rulesFor('cin', '2021-22')!.every((r) => r.sources.includes('cin')));
    assert.equal(
      rulesFor('ssda903', '2021-22')!.some((r) => r.code === 'CIN-CPP-ORDER'),
      false,
    );
    assert.equal(rulesFor('ssda903', '2010-11'), null);
  });

  it('ships code lists with the year-bound changes of inputs.md §2.2 and §3', () => {
    const place = (y: string, c: string) => loadCodeBook('ssda903', y)!.get('PLACE', c)?.status ?? 'absent';
    assert.deepEqual(
      ['2023-24', '2024-25', '2025-26'].map((y) => place(y, 'H5')),
      ['valid', 'legacy', 'absent'],
    );
    assert.deepEqual(
      ['2023-24', '2024-25'].map((y) => place(y, 'K3')),
      ['absent', 'valid'],
    );
    assert.deepEqual(
      ['2024-25', '2025-26'].map((y) => place(y, 'Z1')),
      ['valid', 'absent'],
    );
    assert.equal(place('2025-26', 'Z12'), 'valid');
    assert.equal(loadCodeBook('ssda903', '2024-25')!.get('SEX', '1')?.maps_to, 'M');
    const cin = (y: string, f: string, c: string) => loadCodeBook('cin', y)!.get(f, c)?.status ?? 'absent';
    assert.deepEqual(
      ['2021-22', '2022-23'].map((y) => cin(y, 'AssessmentFactors', '24A')),
      ['absent', 'valid'],
    );
    assert.deepEqual(
      ['2019-20', '2020-21'].map((y) => cin(y, 'AssessmentFactors', '18A')),
      ['valid', 'legacy'],
    );
    assert.equal(cin('2022-23', 'ReferralSource', '5D'), 'valid');
    assert.equal(loadCodeBook('cin', '2024-25')!.has('GenderCurrent'), false);
    assert.equal(loadCodeBook('ssda903', '2018-19')!.get('PLACE', 'H5')?.status, 'valid');
    assert.equal(loadCodeBook('ssda903', '2016-17'), null);
  });

  it("gives each field's current codes: exactly the codes get() finds and does not call legacy", () => {
    for (const [source, year] of [
      ['ssda903', '2024-25'],
      ['cin', '2020-21'],
    ] as const) {
      const book = loadCodeBook(source, year)!;
      for (const [field, entries] of Object.entries(book.lists.fields)) {
        const current = book.current(field);
        const want = entries.filter((e) => book.get(field, e.code)?.status !== 'legacy');
        assert.deepEqual([...current].sort(), want.map((e) => e.code.toUpperCase()).sort(), field);
      }
    }
    assert.equal(loadCodeBook('ssda903', '2024-25')!.current('PLACE').has('H5'), false, 'legacy in 2024-25');
    assert.equal(loadCodeBook('ssda903', '2024-25')!.current('PLACE').has('K3'), true);
    assert.equal(loadCodeBook('ssda903', '2024-25')!.current('NO_SUCH_FIELD').size, 0);
  });
});
