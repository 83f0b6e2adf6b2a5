/**
 * Audit of referrals-decided-over-3wd against indicators.md §2 ("Same cohort, basis and variants as
 * referrals-decided-1wd"; numerator wd(received, decided) > 3; target 5%, lower is better), §1.2 (working
 * days from the shared bank-holiday table, wd(a, b) counts a < d ≤ b), §1.1 (periods and bases), §1.7–1.8
 * (units, contacts, awaitingDecision) and report.md §4–§5 (RAG, example 7). Every working-day count below is
 * worked by hand from the calendar, naming the days counted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDate } from '../calendar/iso-date.js';
import { parsePeriod } from '../calendar/period.js';
import type { Contact } from '../model/local.js';
import { makeResult } from '../report/fixtures/make-result.js';
import { basisText, goodIsText, targetCellText } from '../report/model/cell-text.js';
import { buildNarrative } from '../report/narrative/narrative.js';
import type { NarrativeInput, NarrativeSettings } from '../report/narrative/narrative-input.js';
import { readAsImport } from '../synth/read-as-import.js';
import { definitionTextUnder } from './definition-under.js';
import { computeIndicatorResult } from './engine/indicator-result.js';
import { buildIndicatorInput } from './input.js';
import { contact, dataset, run, withVariants } from './lib/test-fixtures.js';
import { referralsDecided1wd as oneDay } from './referrals-decided-1wd.js';
import { referralsDecidedOver3wd as def } from './referrals-decided-over-3wd.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { Computation } from './types.js';

const asAt = { cin: null, ssda903: null, local: { contacts: isoDate('2022-07-08') } };

// 2022 holidays in reach: Good Friday 15 April, Easter Monday 18 April, Spring bank holiday Thu 2 June and
// the Platinum Jubilee Fri 3 June. Mon 30 May 2022 is a WORKING day (the Spring bank holiday moved to 2 June):
// a calendar derived from rules ("last Monday in May") would get it wrong; indicators.md §1.2 forbids that.
const data = dataset(['contacts'], {
  asAt,
  contacts: [
    // Exactly 3 and 4 working days, Monday to Thursday / Friday.
    contact('a1', '2022-06-20', '2022-06-23'), // Tue 21, Wed 22, Thu 23 = 3: not over
    contact('a2', '2022-06-20', '2022-06-24'), // … Fri 24 = 4: over
    // Across a weekend.
    contact('a3', '2022-06-10', '2022-06-15'), // Fri → Wed: Mon 13, Tue 14, Wed 15 = 3 (5 calendar days): not over
    contact('a4', '2022-06-10', '2022-06-16'), // Fri → Thu: … Thu 16 = 4: over
    contact('a5', '2022-06-11', '2022-06-15'), // Sat → Wed: Mon 13, Tue 14, Wed 15 = 3: not over
    // Across the Jubilee holidays (2 and 3 June) and a weekend.
    contact('a6', '2022-05-31', '2022-06-07'), // Tue → Tue: Wed 1, Mon 6, Tue 7 = 3 (5 weekdays): not over
    contact('a7', '2022-05-31', '2022-06-08'), // Tue → Wed: … Wed 8 = 4: over
    // Mon 30 May 2022 is a working day: Thu 26 May → Wed 1 June = Fri 27, Mon 30, Tue 31, Wed 1 = 4: over.
    contact('a8', '2022-05-26', '2022-06-01'),
    // Across Easter: Wed 13 April → Wed 20 April = Thu 14, Tue 19, Wed 20 = 3 (5 weekdays): not over.
    contact('a9', '2022-04-13', '2022-04-20'),
    // Across the period start: received Thu 31 March (Q4), decided Tue 5 April (Q1): Fri 1, Mon 4, Tue 5 = 3.
    contact('a10', '2022-03-31', '2022-04-05'),
    // Decided before the period: Fri 25 → Thu 31 March = Mon 28, Tue 29, Wed 30, Thu 31 = 4, in 2021-22 Q4 only.
    contact('a11', '2022-03-25', '2022-03-31'),
    // Decided on the period's last day: Mon 27 → Thu 30 June = 3, in.
    contact('a12', '2022-06-27', '2022-06-30'),
    // Decided after it: Tue 28 June → Mon 4 July = Wed 29, Thu 30, Fri 1, Mon 4 = 4, in Q2; awaiting at Q1's end.
    contact('a13', '2022-06-28', '2022-07-04'),
    // No decision yet (blank outcome): awaiting; wd(Tue 21 June, Thu 30 June) = 22, 23, 24, 27, 28, 29, 30 = 7.
    contact('a14', '2022-06-21', null, null),
    // Contacts that did not become referrals, however long they took: in neither measure.
    contact('a15', '2022-06-06', '2022-06-13', 'nfa'), // 5 working days
    contact('a16', '2022-06-06', '2022-06-14', 'early-help'), // 6
    contact('a19', '2022-06-06', '2022-06-15', 'other'), // 7
    // Quick ones: the same day (0) and E1 (Wed 1 June → Mon 6 June across the Jubilee = 1).
    contact('a17', '2022-06-22', '2022-06-22'),
    contact('a18', '2022-06-01', '2022-06-06'),
  ],
});

const ids = (c: Computation, inNumerator?: boolean): string[] =>
  c.members
    .filter((m) => inNumerator === undefined || m.inNumerator === inNumerator)
    .map((m) => m.recordIds[0]!)
    .sort();

test('audit §2 over-3wd: 3 working days is not over 3, 4 is, across weekends, Easter, the Jubilee and the moved May holiday', () => {
  const c = run(def, data, '2022-23-Q1');
  // Decided in Q1 with outcome referral: a1–a10, a12, a17, a18 (a11 decided in Q4, a13 in Q2, a14 undecided,
  // a15/a16/a19 not referrals).
  assert.deepEqual(ids(c), [
    'a1',
    'a10',
    'a12',
    'a17',
    'a18',
    'a2',
    'a3',
    'a4',
    'a5',
    'a6',
    'a7',
    'a8',
    'a9',
  ]);
  assert.equal(c.denominator, 13);
  assert.deepEqual(ids(c, true), ['a2', 'a4', 'a7', 'a8']);
  assert.equal(c.numerator, 4);
  const reason = (id: string): string => c.members.find((m) => m.recordIds[0] === id)!.reason;
  assert.equal(reason('a1'), 'decided 3 working days after receipt');
  assert.equal(reason('a6'), 'decided 3 working days after receipt');
  assert.equal(reason('a8'), 'decided 4 working days after receipt');
  assert.equal(reason('a9'), 'decided 3 working days after receipt');
});

test('audit §2 over-3wd: the same cohort, decision date and bands as referrals-decided-1wd', () => {
  const three = run(def, data, '2022-23-Q1');
  const one = run(oneDay, data, '2022-23-Q1');
  assert.deepEqual(ids(three), ids(one));
  assert.equal(three.denominator, one.denominator);
  assert.deepEqual(ids(one, true), ['a17', 'a18']);
  // The exclusive bands of report.md §2 Appendix B add up to the shared denominator: 2 + 7 + 4 = 13.
  const bands = (c: Computation): [string, number, number | null][] =>
    c.breakdowns!['timeliness']!.map((r) => [r.key, r.numerator, r.denominator]);
  assert.deepEqual(bands(three), [
    ['within-1', 2, 13],
    ['over-1-to-3', 7, 13],
    ['over-3', 4, 13],
  ]);
  assert.deepEqual(bands(one), bands(three));
  // The notes too: a13 (decided after 30 June) and a14 (undecided) await a decision at Q1's end; the oldest,
  // a14, is 7 working days old then.
  assert.deepEqual(three.notes, [{ code: 'awaitingDecision', count: 2, detail: 'oldest 7 working days' }]);
  assert.deepEqual(one.notes, three.notes);
});

test('audit §1.1 over-3wd: a decision on the first or last day of the period is in it; the day after is not', () => {
  // 2021-22 Q4 (and the year 2021-22) holds a11 (decided Thu 31 March, 4 working days) and nothing of Q1.
  const q4 = run(def, data, '2021-22-Q4', 'in-period');
  assert.deepEqual(ids(q4), ['a11']);
  assert.equal(q4.numerator, 1);
  assert.deepEqual(ids(run(def, data, '2021-22', 'ytd')), ['a11']);
  // Q2 in-period holds only a13 (decided Mon 4 July, 4 working days): 1 of 1.
  const q2 = run(def, data, '2022-23-Q2', 'in-period');
  assert.deepEqual(ids(q2), ['a13']);
  assert.equal(q2.numerator, 1);
  // Year to date at Q2: Q1's 13 and a13, 5 over 3 working days. Q2 ends after the as-at date: provisional.
  const ytd = run(def, data, '2022-23-Q2', 'ytd');
  assert.equal(ytd.denominator, 14);
  assert.equal(ytd.numerator, 5);
  assert.ok(ytd.notes.some((n) => n.code === 'provisional'));
});

test('audit §1.2 over-3wd: under workingDays = inclusive, over 3 means the inclusive count is over 3', () => {
  // Inclusive counts a ≤ d ≤ b. Mon → Thu (a1) = 20, 21, 22, 23 = 4: over. Sat → Wed (a5) = 13, 14, 15 = 3: not
  // over. Same day (a17) = 1; Wed 1 → Mon 6 June (a18) = 1, 6 = 2. Every other Q1 referral counts its receipt
  // day too: a3, a6, a9, a10 and a12 become 4; a2, a4, a7 and a8 become 5.
  const c = run(def, data, '2022-23-Q1', 'ytd', { workingDays: 'inclusive' });
  assert.equal(c.denominator, 13);
  assert.deepEqual(ids(c, false), ['a17', 'a18', 'a5']);
  assert.equal(c.numerator, 10);
});

// indicators.md §1.7 counts referral measures per record, and the screening measures' denominator is
// "`contacts` rows with outcome = referral" (§2), keyed by contact_id (inputs.md §5). Reading taken: a child
// with several contacts that became referrals counts once per contact, even two received the same day (a
// school and the police ringing about one child are two contacts, each screened); the duplicate that counts
// once is a repeated contact_id (GEN-DUP-KEY, inputs.md §1.1), tested through the CSV reader below.
test('audit §1.7 over-3wd: a child with several contacts counts once per contact, including two on one day', () => {
  const same = (id: string, received: string, decided: string): Contact => ({
    ...contact(id, received, decided),
    childId: 'D',
  });
  const d = dataset(['contacts'], {
    asAt,
    contacts: [
      same('d1', '2022-06-06', '2022-06-10'), // Mon → Fri = 4: over
      same('d2', '2022-06-06', '2022-06-10'), // another contact the same day, decided with it: over
      same('d3', '2022-06-13', '2022-06-14'), // 1: within 1
    ],
  });
  const c = run(def, d, '2022-23-Q1');
  assert.equal(c.denominator, 3);
  assert.deepEqual(ids(c, true), ['d1', 'd2']);
  assert.equal(run(oneDay, d, '2022-23-Q1').numerator, 1);
});

test('audit §1.1 over-3wd: a repeated contact_id loads once (GEN-DUP-KEY), an exact repeat too (GEN-DUP-ROW)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-audit-'));
  try {
    writeFileSync(
      join(dir, 'contacts.csv'),
      [
        'contact_id,child_id,received_at,decided_at,outcome,source',
        'K1,C1,2022-06-06T09:00,2022-06-10T16:00,referral,2A', // 4: over
        'K1,C1,2022-06-06T09:00,2022-06-07T16:00,referral,2A', // same key, other decision: rejected
        'K2,C2,2022-06-13T09:00,2022-06-14T16:00,referral,6', // 1
        'K2,C2,2022-06-13T09:00,2022-06-14T16:00,referral,6', // exact repeat: rejected
      ].join('\n') + '\n',
    );
    const { read, assembled } = await readAsImport(dir, '841', isoDate('2022-07-08'));
    assert.deepEqual(
      read.issues
        .filter((i) => i.code.startsWith('GEN-DUP'))
        .map((i) => [i.code, i.position])
        .sort(),
      [
        ['GEN-DUP-KEY', 'line 3'],
        ['GEN-DUP-ROW', 'line 5'],
      ],
    );
    const c = run(def, assembled.dataset, '2022-23-Q1');
    assert.equal(c.denominator, 2);
    // The first K1 in file order (decided Fri 10 June, 4 working days) is the one kept.
    const over = c.members.filter((m) => m.inNumerator);
    assert.deepEqual(
      over.map((m) => [m.childId, m.dates['decided']]),
      [['C1', '2022-06-10']],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// report.md §4: target 5% (local), lower is better, default tolerance 10% of the target = 0.5 points, rated on
// the value rounded to 1 decimal. 10/200 = 5.0% Green; 11/200 = 5.5% Amber (0.5 over); 12/200 = 6.0% Red.
test('audit report.md §4 over-3wd: 5.0% is Green, 5.5% Amber, 6.0% Red against the 5% target (lower is better)', () => {
  const rag = (over: number): [number | null, string | null, number | null] => {
    const contacts: Contact[] = [];
    for (let i = 0; i < 200; i++) {
      // Mon 6 June → Fri 10 June = 4 working days (over); → Tue 7 June = 1.
      contacts.push(contact(`r${i}`, '2022-06-06', i < over ? '2022-06-10' : '2022-06-07'));
    }
    const r = computeIndicatorResult(def, {
      input: buildIndicatorInput(dataset(['contacts'], { asAt, contacts })),
      period: parsePeriod('2022-23-Q1'),
      settings: DEFAULT_SETTINGS,
      targets: null,
      dataset: { id: 'ds', hash: 'h', asAt: isoDate('2022-07-08') },
      trendQuarters: 1,
    }).result;
    cells.push([targetCellText(r), goodIsText(r), basisText(r.basis)]);
    return [r.value, r.rag, r.tolerance];
  };
  const cells: [string, string, string][] = [];
  assert.deepEqual(rag(10), [5, 'green', 0.5]);
  assert.deepEqual(rag(11), [5.5, 'amber', 0.5]);
  assert.deepEqual(rag(12), [6, 'red', 0.5]);
  // The scorecard (report.md §3): "Good is" Low, the year-to-date basis, the target as "5% or lower (+0.5)".
  assert.deepEqual(cells[0], ['5% or lower (+0.5), local', 'Low', 'Year to date']);
  assert.equal(def.polarity, 'lower');
  assert.deepEqual(def.target, { value: 5, kind: 'local' });
  assert.equal(def.title, 'Referrals taking over three working days to complete');
});

// report.md §5 example 7, with the real catalogue entries (not the report's hand-made fixture catalogue):
// "67.7 per cent of referrals were screened and completed within 1 day by the end of Q3, which falls below the
// target of 90 per cent, and 7.7 per cent of the referrals took over three days to complete."
test('audit report.md §5 example 7: the two screening measures make one sentence from the real catalogue', () => {
  const settings: NarrativeSettings = {
    period: parsePeriod('2021-22-Q3'),
    inLineBand: 0.5,
    snKey: 'statisticalNeighbours',
    englandWithoutSn: false,
  };
  const input = (d: typeof def, current: [number, number], previous: [number, number]): NarrativeInput => ({
    entry: d,
    result: makeResult(d, '2021-22-Q3', { current, previous }),
    suppressed: false,
    comparatorSuppressed: false,
  });
  const n = buildNarrative(
    [input(oneDay, [623, 920], [455, 610]), input(def, [71, 920], [33, 610])],
    settings,
  );
  assert.deepEqual(n.performingWell, []);
  assert.deepEqual(
    n.areasForFocus.map((e) => e.text),
    [
      '67.7 per cent of referrals were screened and completed within 1 day by the end of Q3, which falls below the target of 90 per cent, and 7.7 per cent of the referrals took over three days to complete.',
    ],
  );
});

// indicators.md §2 referrals-decided-1wd, variant `screening.cohortBy = received`: "cohort by received date;
// rows undecided at asAt with wd(received, asAt) > 1 count as late", shared by over-3wd ("Same cohort, basis and
// variants"). The definition text Appendix C, the indicator page and the API print for an LA on that variant
// (definitionTextUnder) must describe that cohort, not the default's "decision date is in the period" (as
// cp-visits-10wd's text follows cpVisits.interval; docs/spec-readings.md).
test('audit §2 screening: under cohortBy = received both definitions describe the received cohort', () => {
  const received = { ...DEFAULT_SETTINGS, ...withVariants({ 'screening.cohortBy': 'received' }) };
  for (const d of [oneDay, def]) {
    assert.deepEqual(definitionTextUnder(d, DEFAULT_SETTINGS), d.definition);
    const t = definitionTextUnder(d, received);
    assert.doesNotMatch(`${t.summary} ${t.numerator} ${t.denominator}`, /decision date is in the period/);
    assert.match(t.denominator, /received in the period/);
    assert.match(t.denominator, /undecided at the extract date more than 1 working day after receipt/);
  }
  // One cohort: the same denominator and exclusions, word for word.
  const one = definitionTextUnder(oneDay, received);
  const three = definitionTextUnder(def, received);
  assert.equal(three.denominator, one.denominator);
  assert.equal(three.exclusions, one.exclusions);
  // The over-3wd numerator counts a contact still undecided over 3 working days after receipt.
  assert.match(three.numerator, /undecided at the extract date more than 3 working days after receipt/);
});
