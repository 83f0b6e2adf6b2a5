/**
 * Audit of the local extract's contacts.csv (inputs.md §5) as it feeds referrals-decided-1wd and -over-3wd:
 * `datetime` is "a date or YYYY-MM-DDThh:mm[:ss] with optional Z/±hh:mm (no offset = Europe/London)", and
 * indicators.md §1.2 reduces every timestamp to its Europe/London date before working days are counted. Read
 * end to end (CSV → dataset → indicator), so a date taken from the UTC text, or an hour added all year, moves
 * a figure here. Every working-day count is worked by hand, naming the days counted.
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
import type { Computation } from '../../indicators/types.js';
import type { IngestResult } from '../staged.js';

const HEADER = 'contact_id,child_id,received_at,decided_at,outcome,source';

async function importContacts(rows: readonly string[]): Promise<{ read: IngestResult; data: LaDataset }> {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-audit-'));
  try {
    writeFileSync(join(dir, 'contacts.csv'), [HEADER, ...rows].join('\n') + '\n');
    const { read, assembled } = await readAsImport(dir, '841', isoDate('2022-12-01'));
    return { read, data: assembled.dataset };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each loaded contact's London received and decided dates, by child id. */
function datesByChild(data: LaDataset): Record<string, [string, string | null]> {
  return Object.fromEntries(data.contacts.map((c) => [c.childId, [c.receivedDate, c.decidedDate]]));
}

/** The children in a computation's numerator (true) or outside it (false). */
function children(c: Computation, inNumerator: boolean): string[] {
  return c.members
    .filter((m) => m.inNumerator === inNumerator)
    .map((m) => m.childId)
    .sort();
}

// BST 2022: from 01:00 UTC Sun 27 March to 01:00 UTC Sun 30 October.
const ROWS = [
  // 23:30Z in summer is 00:30 BST the next London day. Received Thu 30 June (London time, no offset), decided
  // Tue 5 July 23:30Z = Wed 6 July in London: Fri 1, Mon 4, Tue 5, Wed 6 = 4 working days, over 3 (the UTC date,
  // Tue 5 July, would give 3).
  'K1,S1,2022-06-30T10:00,2022-07-05T23:30Z,referral,2A',
  // Decided Thu 30 June 23:30Z = Fri 1 July in London: a Q2 decision, not Q1's. Received Mon 27 June 09:00+01:00
  // (08:00Z, still Mon 27): Tue 28, Wed 29, Thu 30, Fri 1 = 4.
  'K2,S2,2022-06-27T09:00+01:00,2022-06-30T23:30:00Z,referral,2A',
  // An offset that takes the time back a day: Fri 1 July 00:30+02:00 = Thu 30 June 22:30Z = 23:30 BST Thu 30
  // June. Decided Fri 1 July 09:00 London: 1 working day, a Q1 receipt (decided in Q2).
  'K3,S3,2022-07-01T00:30+02:00,2022-07-01T09:00,referral,2A',
  // The clocks went forward at 01:00Z on Sun 27 March: 23:30Z that day is 00:30 BST Mon 28 March. Decided
  // Thu 31 March: Tue 29, Wed 30, Thu 31 = 3, not over (the UTC date, Sun 27, would give 4).
  'K4,S4,2022-03-27T23:30Z,2022-03-31T16:00,referral,2A',
  // Before the change the same evening time is GMT: Sat 26 March 23:30Z is Sat 26 March in London.
  // 01:30 on Sun 27 March written without an offset never happened in London (the hour skipped); its date
  // is still 27 March. Both decided Mon 28 March: 1 working day.
  'K5,S5,2022-03-26T23:30Z,2022-03-28T10:00,referral,2A',
  'K6,S6,2022-03-27T01:30,2022-03-28T10:00,referral,2A',
  // The clocks went back at 01:00Z on Sun 30 October: 23:30Z on Sat 29 is 00:30 BST Sun 30; 23:30Z on Sun 30 is
  // 23:30 GMT Sun 30 (not Mon 31: no hour is added in winter). Received Sun 30 October, decided Thu 3 November:
  // Mon 31, Tue 1, Wed 2, Thu 3 = 4 working days, over 3 (Mon 31 would give 3).
  'K7,S7,2022-10-29T23:30Z,2022-11-03T10:00,referral,2A',
  'K8,S8,2022-10-30T23:30Z,2022-11-03T10:00,referral,2A',
  // Date-only values (no time at all): the dates as written. Mon 6 → Fri 10 June = 4; decided on Q1's last day.
  'K9,S9,2022-06-06,2022-06-10,referral,2A',
  'K10,S10,2022-06-27,2022-06-30,referral,2A',
  // A mix: a date-only receipt, a decision with seconds and fractional seconds (as SQL Server writes them).
  'K11,S11,2022-06-13,2022-06-14 16:45:12.000,referral,2A',
];

test('audit inputs.md §5 datetime: London dates in summer, winter and across both clock changes', async () => {
  const { read, data } = await importContacts(ROWS);
  assert.deepEqual(
    read.issues.filter((i) => i.severity !== 'query').map((i) => [i.code, i.position]),
    [],
  );
  assert.deepEqual(datesByChild(data), {
    S1: ['2022-06-30', '2022-07-06'],
    S2: ['2022-06-27', '2022-07-01'],
    S3: ['2022-06-30', '2022-07-01'],
    S4: ['2022-03-28', '2022-03-31'],
    S5: ['2022-03-26', '2022-03-28'],
    S6: ['2022-03-27', '2022-03-28'],
    S7: ['2022-10-30', '2022-11-03'],
    S8: ['2022-10-30', '2022-11-03'],
    S9: ['2022-06-06', '2022-06-10'],
    S10: ['2022-06-27', '2022-06-30'],
    S11: ['2022-06-13', '2022-06-14'],
  });
  // The file's as-at date is its latest London date: Thu 3 November (K7, K8).
  assert.equal(data.asAt.local.contacts, '2022-11-03');
});

test('audit inputs.md §5 datetime: a decision at 23:30Z on 30 June is a Q2 decision (the London date)', async () => {
  const { data } = await importContacts(ROWS);
  // Q1 2022-23 by decision date: K9 (4) and K10 (3), K11 (1). K2 (decided Fri 1 July in London) and K1, K3
  // are Q2's.
  const q1 = run(over3, data, '2022-23-Q1', 'in-period');
  assert.deepEqual([...children(q1, true), '|', ...children(q1, false)], ['S9', '|', 'S10', 'S11']);
  // Q2: K1 (4, over), K2 (4, over), K3 (1); K7, K8 are Q3's.
  const q2 = run(over3, data, '2022-23-Q2', 'in-period');
  assert.deepEqual([...children(q2, true), '|', ...children(q2, false)], ['S1', 'S2', '|', 'S3']);
  assert.deepEqual(children(run(oneDay, data, '2022-23-Q2', 'in-period'), true), ['S3']);
  // At Q1's end K1, K2 and K3 (received on or before Thu 30 June in London) await a decision; the oldest, K2
  // (Mon 27 June), is Tue 28, Wed 29, Thu 30 = 3 working days old.
  assert.deepEqual(
    q1.notes.find((n) => n.code === 'awaitingDecision'),
    { code: 'awaitingDecision', count: 3, detail: 'oldest 3 working days' },
  );
});

test('audit inputs.md §5 datetime: across the clock changes the London date decides the working days', async () => {
  const { data } = await importContacts(ROWS);
  // 2021-22 Q4: K4 (Mon 28 → Thu 31 March = 3, not over), K5 and K6 (1 each).
  const q4 = run(over3, data, '2021-22-Q4', 'in-period');
  assert.equal(q4.denominator, 3);
  assert.deepEqual(children(q4, true), []);
  assert.deepEqual(children(run(oneDay, data, '2021-22-Q4', 'in-period'), true), ['S5', 'S6']);
  // 2022-23 Q3: K7 and K8, both received Sun 30 October and decided Thu 3 November: 4, over 3.
  const q3 = run(over3, data, '2022-23-Q3', 'in-period');
  assert.deepEqual(children(q3, true), ['S7', 'S8']);
  assert.equal(q3.denominator, 2);
});

test('audit inputs.md §5 datetime: malformed date-times are rejected (GEN-DATE), never read as another date', async () => {
  // 20 good rows beside the 4 bad ones, so that the import is not refused for its error rate (S-ERROR-RATE, 20%).
  const good = Array.from(
    { length: 20 },
    (_, i) => `G${i},G${i},2022-06-01T10:00,2022-06-02T10:00,referral,2A`,
  );
  const { read, data } = await importContacts([
    ...good,
    'K1,S1,2022-06-30T23:30+1,2022-07-01T10:00,referral,2A', // offset without minutes
    'K2,S2,30/06/2022 10:00,,,', // UK-style text
    'K3,S3,2022-06-30T10:00,2022-06-31T10:00,referral,2A', // no 31 June
    'K4,S4,2022-06-30T24:00,,,', // no hour 24
    'K5,S5,2022-06-30T10:00,,,', // loads, undecided
  ]);
  assert.deepEqual(
    read.issues.map((i) => [i.code, i.position, i.field]),
    [
      ['GEN-DATE', 'line 22', 'received_at'],
      ['GEN-DATE', 'line 23', 'received_at'],
      ['GEN-DATE', 'line 24', 'decided_at'],
      ['GEN-DATE', 'line 25', 'received_at'],
    ],
  );
  assert.equal(read.refused, false);
  assert.deepEqual(datesByChild(data)['S5'], ['2022-06-30', null]);
  assert.equal(data.contacts.length, 21);
});
