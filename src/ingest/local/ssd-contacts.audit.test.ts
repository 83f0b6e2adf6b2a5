/**
 * Audit of contacts.csv written with the Standard Safeguarding Dataset's column names (inputs.md §5: `outcome`
 * … "from cont_contact_outcome_json"). The SSD's column holds a JSON object of Y/N outcome flags (data-to-insight
 * ssd-data-model), or in some LAs' scripts a label; read end to end (CSV → dataset → screening indicators), so
 * a flag read wrongly moves a figure here. Working days are counted by hand, naming the days.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDate } from '../../calendar/iso-date.js';
import type { LaDataset } from '../../model/la-dataset.js';
import { run } from '../../indicators/lib/test-fixtures.js';
import { referralsDecided1wd as oneDay } from '../../indicators/referrals-decided-1wd.js';
import { referralsDecidedOver3wd as over3 } from '../../indicators/referrals-decided-over-3wd.js';
import { readAsImport } from '../../synth/read-as-import.js';
import type { IngestResult } from '../staged.js';

/**
 * The SSD's ssd_contacts columns as its scripts write them (source label last), with the decision date the
 * SSD does not hold added; `importContacts` appends the label to each row.
 */
const SSD_HEADER =
  'cont_contact_id,cont_person_id,cont_contact_date,decided_at,cont_contact_outcome_json,cont_contact_source_code,cont_contact_source_desc';

/** A CSV cell, quoted (RFC 4180): the JSON's quotes doubled. */
function cell(v: string): string {
  return `"${v.replace(/"/g, '""')}"`;
}

/** The SSD's flags object as its current SQL Server script writes it: every key; Y for `yes`, else N. */
function flags(yes: readonly string[], comments: string): string {
  const o: Record<string, unknown> = {};
  for (const k of [
    'NEW_REFERRAL_FLAG',
    'EXISTING_REFERRAL_FLAG',
    'CP_ENQUIRY_FLAG',
    'NFA_FLAG',
    'NON_AGENCY_ADOPTION_FLAG',
    'PRIVATE_FOSTERING_FLAG',
    'ADVICE_FLAG',
    'MISSING_FLAG',
    'OLA_CP_FLAG',
    'OTHER_OUTCOMES_EXIST_FLAG',
  ])
    o[k] = yes.includes(k) ? 'Y' : 'N';
  o['NUMBER_OF_OUTCOMES'] = yes.length;
  o['COMMENTS'] = comments;
  return JSON.stringify(o);
}

async function importContacts(
  header: string,
  rows: readonly string[],
): Promise<{ read: IngestResult; data: LaDataset }> {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-ssd-'));
  try {
    // An SSD row ends with its source label (not read).
    const lines = header === SSD_HEADER ? rows.map((r) => `${r},Source label`) : rows;
    writeFileSync(join(dir, 'contacts.csv'), [header, ...lines].join('\n') + '\n');
    const { read, assembled } = await readAsImport(dir, '841', isoDate('2022-12-01'));
    return { read, data: assembled.dataset };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function outcomesByChild(data: LaDataset): Record<string, string | null> {
  return Object.fromEntries(data.contacts.map((c) => [c.childId, c.outcome]));
}

const COMMENT = 'Mum said "he hit me", school worried\nsecond line';

// 2022-23 Q1; no bank holiday from Mon 6 June on (the Jubilee holidays were Thu 2 and Fri 3 June).
const SSD_ROWS = [
  // Referral (NEW_REFERRAL), received Mon 6 June, decided Tue 7 June: 1 working day. Comments with quotes, a
  // comma and a line break, escaped as SQL Server's FOR JSON escapes them.
  `C1,P1,2022-06-06T09:00,2022-06-07T10:00,${cell(flags(['NEW_REFERRAL_FLAG'], COMMENT))},2A`,
  // The early keys (OUTCOME_ prefix, null flags left out): EXISTING_REFERRAL = referral. Mon 13 → Fri 17 June:
  // Tue 14, Wed 15, Thu 16, Fri 17 = 4, over 3.
  `C2,P2,2022-06-13T09:00,2022-06-17T16:00,${cell('{"OUTCOME_NEW_REFERRAL_FLAG":"N","OUTCOME_EXISTING_REFERRAL_FLAG":"Y","OUTCOME_NFA_FLAG":"N"}')},6`,
  // CP enquiry and NFA both Y: referral wins. Mon 20 → Thu 23 June: Tue 21, Wed 22, Thu 23 = 3, not over 3.
  `C3,P3,2022-06-20T09:00,2022-06-23T12:00,${cell(flags(['CP_ENQUIRY_FLAG', 'NFA_FLAG'], ''))},3A`,
  // NFA: decided the same day, not a referral (outside both measures).
  `C4,P4,2022-06-08T09:00,2022-06-08T15:00,${cell(flags(['NFA_FLAG'], 'Advice to school'))},2A`,
  // Advice only: nfa.
  `C5,P5,2022-06-09T09:00,2022-06-14T15:00,${cell(flags(['ADVICE_FLAG'], ''))},1A`,
  // Private fostering only: other.
  `C6,P6,2022-06-10T09:00,2022-06-16T15:00,${cell(flags(['PRIVATE_FOSTERING_FLAG'], ''))},8`,
  // Undecided, every flag blank (the SSD writes '' for a flag not recorded): no outcome, awaiting a decision.
  `C7,P7,2022-06-29T09:00,,${cell('{"NEW_REFERRAL_FLAG":"","NFA_FLAG":"","COMMENTS":""}')},6`,
  // The pre-2016 script builds the JSON by concatenation: a quote in the comments breaks it; the flags before
  // the comments are read. Referral, Tue 21 → Wed 22 June = 1 working day.
  `C8,P8,2022-06-21T09:00,2022-06-22T09:00,${cell('{"NEW_REFERRAL_FLAG": "Y", "NFA_FLAG": "N", "NUMBER_OF_OUTCOMES": 1, "COMMENTS": "Dad said "leave""}')},6`,
  // Decided, but no flag is Y: no outcome, which a decided contact must have (LOC-OUTCOME).
  `C9,P9,2022-06-15T09:00,2022-06-16T09:00,${cell(flags([], 'Child disclosed abuse to teacher'))},2A`,
  // Padding (referrals decided in Q2), so that one rejected row is under the 20% error rate.
  ...[10, 11, 12, 13, 14, 15].map(
    (n) => `C${n},P${n},2022-07-04T09:00,2022-07-05T09:00,${cell(flags(['NEW_REFERRAL_FLAG'], ''))},2A`,
  ),
];

test('audit inputs.md §5 SSD contacts: outcomes read from cont_contact_outcome_json flags', async () => {
  const { read, data } = await importContacts(SSD_HEADER, SSD_ROWS);
  assert.equal(read.refused, false);
  assert.deepEqual(
    read.issues.filter((i) => i.severity !== 'query').map((i) => [i.code, i.position, i.field]),
    [['LOC-OUTCOME', 'line 10', 'outcome']],
  );
  const byChild = outcomesByChild(data);
  const padding = ['P10', 'P11', 'P12', 'P13', 'P14', 'P15'];
  assert.deepEqual(
    padding.map((p) => byChild[p]),
    padding.map(() => 'referral'),
  );
  for (const p of padding) delete byChild[p];
  assert.deepEqual(byChild, {
    P1: 'referral',
    P2: 'referral',
    P3: 'referral',
    P4: 'nfa',
    P5: 'nfa',
    P6: 'other',
    P7: null,
    P8: 'referral',
  });
  assert.equal(data.contacts.length, 14);
});

test('audit inputs.md §5 SSD contacts: the screening measures computed on the flags (hand-worked)', async () => {
  const { data } = await importContacts(SSD_HEADER, SSD_ROWS);
  // 2022-23 Q1, by decision date, outcome referral: C1 (1 working day), C2 (4), C3 (3), C8 (1). C4, C5 (nfa)
  // and C6 (other) are not referrals; C9 was not loaded.
  const q1 = run(oneDay, data, '2022-23-Q1', 'in-period');
  assert.equal(q1.denominator, 4);
  assert.equal(q1.numerator, 2); // C1, C8: 2 of 4 = 50%
  assert.deepEqual(
    q1.members
      .filter((m) => m.inNumerator)
      .map((m) => m.childId)
      .sort(),
    ['P1', 'P8'],
  );
  const q1Over3 = run(over3, data, '2022-23-Q1', 'in-period');
  assert.equal(q1Over3.denominator, 4);
  assert.equal(q1Over3.numerator, 1); // C2 alone: 1 of 4 = 25%
  assert.deepEqual(
    q1Over3.members.filter((m) => m.inNumerator).map((m) => m.childId),
    ['P2'],
  );
  // C7 (no outcome yet, received Wed 29 June) awaits a decision at Q1's end. The file's as-at date is its
  // latest date, Tue 5 July (the padding's decisions), so the period end, Thu 30 June, counts: Wed 29 → Thu
  // 30 June = 1 working day.
  assert.deepEqual(
    q1.notes.find((n) => n.code === 'awaitingDecision'),
    { code: 'awaitingDecision', count: 1, detail: 'oldest 1 working day' },
  );
});

test('audit inputs.md §5 SSD contacts: the report never shows OUTCOME_COMMENTS', async () => {
  const { read } = await importContacts(SSD_HEADER, SSD_ROWS);
  const issue = read.issues.find((i) => i.code === 'LOC-OUTCOME');
  assert.ok(issue);
  // The flags alone, COMMENTS and NUMBER_OF_OUTCOMES dropped; then cut to the report's 200 characters.
  const shown =
    '{"NEW_REFERRAL_FLAG":"N","EXISTING_REFERRAL_FLAG":"N","CP_ENQUIRY_FLAG":"N","NFA_FLAG":"N",' +
    '"NON_AGENCY_ADOPTION_FLAG":"N","PRIVATE_FOSTERING_FLAG":"N","ADVICE_FLAG":"N","MISSING_FLAG":"N",' +
    '"OLA_CP_FLAG":"N","OTHER_OUTCOMES_EXIST_FLAG":"N"}';
  assert.equal(issue.value, `${shown.slice(0, 199)}…`);
  assert.match(
    issue.message,
    /^contacts\.csv line 10: the contact has a decided_at but cont_contact_outcome_json sets no outcome flag to Y/,
  );
  for (const i of read.issues) {
    assert.doesNotMatch(`${i.value ?? ''} ${i.message}`, /disclosed|teacher|he hit me|leave/);
  }
});

test('audit inputs.md §5 SSD contacts: malformed JSON is LOC-OUTCOME naming the line and the SSD column', async () => {
  const good = Array.from(
    { length: 20 },
    (_, i) => `G${i},G${i},2022-06-01T10:00,2022-06-02T10:00,${cell(flags(['NEW_REFERRAL_FLAG'], ''))},2A`,
  );
  const { read, data } = await importContacts(SSD_HEADER, [
    ...good,
    `K1,S1,2022-06-06T09:00,2022-06-07T09:00,${cell('{"NEW_REFERRAL_FLAG": Y, "COMMENTS": "Child disclosed"}')},2A`,
    `K2,S2,2022-06-06T09:00,2022-06-07T09:00,${cell('{"NEW_REFERRAL_FLAG":"Y"')},2A`,
    `K3,S3,2022-06-06T09:00,2022-06-07T09:00,${cell('{"NEW_REFERRAL_FLAG":"maybe"}')},2A`,
  ]);
  assert.equal(read.refused, false);
  assert.deepEqual(
    read.issues.map((i) => [i.code, i.position, i.field, i.value]),
    [
      ['LOC-OUTCOME', 'line 22', 'outcome', '{"NEW_REFERRAL_FLAG": Y, '],
      ['LOC-OUTCOME', 'line 23', 'outcome', '{"NEW_REFERRAL_FLAG":"Y"'],
      ['LOC-OUTCOME', 'line 24', 'outcome', '{"NEW_REFERRAL_FLAG":"maybe"}'],
    ],
  );
  assert.equal(
    read.issues[0]!.message,
    'contacts.csv line 22: the outcome in cont_contact_outcome_json could not be read: it is not a valid JSON object of outcome flags; this row was not loaded.',
  );
  assert.match(read.issues[2]!.message, /its flag NEW_REFERRAL_FLAG is not Y, N or blank/);
  assert.equal(data.contacts.length, 20);
});

test('audit inputs.md §5 SSD contacts: labels some LAs write in the column (CIN Referral, EH Referral, NFA)', async () => {
  const { read, data } = await importContacts(SSD_HEADER, [
    // Mon 6 → Tue 7 June: 1 working day.
    'T1,Q1,2022-06-06T09:00,2022-06-07T09:00,CIN Referral,2A',
    'T2,Q2,2022-06-06T09:00,2022-06-07T09:00,EH Referral,2A',
    'T3,Q3,2022-06-06T09:00,2022-06-07T09:00,NFA,2A',
    'T4,Q4,2022-06-06T09:00,2022-06-07T09:00,No further action,2A',
    // Mon 6 → Mon 13 June: Tue 7 … Fri 10, Mon 13 = 5 working days.
    'T5,Q5,2022-06-06T09:00,2022-06-13T09:00,Social Care,2A',
    'T6,Q6,2022-06-06T09:00,2022-06-08T09:00,referral,2A',
    'T7,Q7,2022-06-06T09:00,2022-06-08T09:00,Early Help,2A',
    'T8,Q8,2022-06-06T09:00,2022-06-08T09:00,other,2A',
    'T9,Q9,2022-06-06T09:00,,,2A',
    'T10,Q10,2022-06-06T09:00,2022-06-08T09:00,Social Care Referral,2A',
    'T11,Q11,2022-06-06T09:00,2022-06-08T09:00,Closed,2A',
  ]);
  assert.deepEqual(
    read.issues.map((i) => [i.code, i.position, i.value]),
    [['LOC-OUTCOME', 'line 12', 'Closed']],
  );
  assert.match(
    read.issues[0]!.message,
    /cont_contact_outcome_json could not be read: its text names no single outcome/,
  );
  assert.deepEqual(outcomesByChild(data), {
    Q1: 'referral',
    Q2: 'early-help',
    Q3: 'nfa',
    Q4: 'nfa',
    Q5: 'referral',
    Q6: 'referral',
    Q7: 'early-help',
    Q8: 'other',
    Q9: null,
    Q10: 'referral',
  });
  // Referrals decided in Q1: T1 (1), T5 (5), T6 (2: Tue 7, Wed 8), T10 (2).
  const q1 = run(oneDay, data, '2022-23-Q1', 'in-period');
  assert.deepEqual([q1.numerator, q1.denominator], [1, 4]);
  const q1Over3 = run(over3, data, '2022-23-Q1', 'in-period');
  assert.deepEqual([q1Over3.numerator, q1Over3.denominator], [1, 4]);
});

test("audit inputs.md §5 contacts: cspi's own outcome column is read as before, and wins over the SSD column", async () => {
  const own = await importContacts('contact_id,child_id,received_at,decided_at,outcome,source', [
    ...Array.from({ length: 8 }, (_, i) => `G${i},G${i},2022-06-06,2022-06-07,Early Help,2A`),
    'K1,S1,2022-06-06,2022-06-07,CIN Referral,2A',
    `K2,S2,2022-06-06,2022-06-07,${cell('{"NEW_REFERRAL_FLAG":"Y"}')},2A`,
  ]);
  assert.deepEqual(
    own.read.issues.map((i) => [i.code, i.position, i.value, i.message]),
    [
      [
        'LOC-OUTCOME',
        'line 10',
        'CIN Referral',
        "contacts.csv line 10: outcome 'CIN Referral' is not referral, nfa, early-help or other; this row was not loaded.",
      ],
      [
        'LOC-OUTCOME',
        'line 11',
        '{"NEW_REFERRAL_FLAG":"Y"}',
        'contacts.csv line 11: outcome \'{"NEW_REFERRAL_FLAG":"Y"}\' is not referral, nfa, early-help or other; this row was not loaded.',
      ],
    ],
  );
  assert.ok(own.data.contacts.every((c) => c.outcome === 'early-help'));

  // Both columns: a row's own outcome, where filled, wins; where blank the SSD column is read.
  const both = await importContacts(
    'contact_id,child_id,received_at,decided_at,outcome,cont_contact_outcome_json',
    [
      `K1,S1,2022-06-06,2022-06-07,nfa,${cell(flags(['NEW_REFERRAL_FLAG'], ''))}`,
      `K2,S2,2022-06-06,2022-06-07,,${cell(flags(['NEW_REFERRAL_FLAG'], ''))}`,
    ],
  );
  assert.deepEqual(both.read.issues, []);
  assert.deepEqual(outcomesByChild(both.data), { S1: 'nfa', S2: 'referral' });
});
