/**
 * Audit of referrals-decided-1wd and referrals-decided-over-3wd against indicators.md (branch audit-a):
 * hand-worked cases from the spec text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDate } from '../calendar/iso-date.js';
import { readAsImport } from '../synth/read-as-import.js';
import { referralsDecided1wd as def } from './referrals-decided-1wd.js';
import { referralsDecidedOver3wd as over3 } from './referrals-decided-over-3wd.js';
import { contact, dataset, run, withVariants } from './lib/test-fixtures.js';

// indicators.md §2 referrals-decided-over-3wd: "Same cohort, basis and variants as
// referrals-decided-1wd." Variant of referrals-decided-1wd: "`screening.cohortBy = received`: cohort by
// received date; rows undecided at asAt with wd(received, asAt) > 1 count as late".
// Reading taken (lib/screening.ts): "same cohort" is the 1wd cohort itself, so an undecided contact is in
// the over-3wd denominator as soon as it is in the 1wd one (more than 1 working day old), and in the
// over-3wd numerator only once more than 3 working days old. The two measures then share one denominator.
// As at Thu 2022-06-30: X received Mon 2022-06-27, undecided (wd 3: late for 1wd, not yet over 3);
// Y received Mon 2022-06-06, decided Tue 2022-06-07 (wd 1).
const pending = dataset(['contacts'], {
  asAt: { cin: null, ssda903: null, local: { contacts: isoDate('2022-06-30') } },
  contacts: [contact('X', '2022-06-27', null, null), contact('Y', '2022-06-06', '2022-06-07')],
});
const byReceived = withVariants({ 'screening.cohortBy': 'received' });

test('audit §2 over-3wd: under cohortBy = received the cohort is the same as referrals-decided-1wd', () => {
  const one = run(def, pending, '2022-23-Q1', 'in-period', byReceived);
  const three = run(over3, pending, '2022-23-Q1', 'in-period', byReceived);
  assert.equal(one.denominator, 2); // X (late) and Y
  assert.equal(three.denominator, one.denominator);
  assert.equal(three.numerator, 0); // X is not (yet) over 3 working days; Y took 1
});

// indicators.md §1.8 As-at: "Each source of a dataset version has its own as-at date (… each local event
// file's latest date)". contacts.csv below holds dates up to Thu 2022-03-31 (a decided_at); its latest
// received_at is Wed 2022-03-30. Ingest takes the as-at from every date column of the file (readLocalCsv),
// the date range a newer file replaces from the key dates only (inputs.md §5).
test('audit §1.8: the contacts file as-at is its latest date (a decided_at), not its latest received_at', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-audit-'));
  try {
    writeFileSync(
      join(dir, 'contacts.csv'),
      [
        'contact_id,child_id,received_at,decided_at,outcome,source',
        'K1,C1,2022-03-28T09:00,2022-03-28T15:00,referral,2A',
        'K2,C2,2022-03-30T09:00,2022-03-31T10:00,referral,2A',
      ].join('\n') + '\n',
    );
    const { assembled } = await readAsImport(dir, '841', isoDate('2022-04-05'));
    const data = assembled.dataset;
    assert.equal(data.asAt.local.contacts, '2022-03-31');
    // K2 was decided 1 working day after receipt (as at 2022-03-31): in the received-cohort numerator.
    const c = run(def, data, '2021-22-Q4', 'in-period', byReceived);
    assert.equal(c.denominator, 2);
    assert.equal(c.numerator, 2);
    // The year ends on the file's latest date: the figure is not provisional.
    assert.equal(
      run(def, data, '2021-22-Q4', 'in-period').notes.find((n) => n.code === 'provisional'),
      undefined,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
