import { recordsOf } from '../../ingest/row-table.js';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../../ingest/read-inputs.js';
import type { IngestResult } from '../../ingest/staged.js';
import { TODAY, cinDetails, cinXml, tempFolders } from '../../ingest/test-fixtures.js';
import { exitCodeOf } from '../report-json.js';

// GEN-FUTURE and GEN-PAST on a CP plan's review dates (CPPreviewDate, staged as the plan's `reviewDates`). They
// were not checked: a review after today or before the bank-holiday table (1990) loaded silently. Reading
// (docs/spec-readings.md; inputs.md §3 keeps "every one as a CP review row", §6 rejects the record an event date
// out of range belongs to): a review date out of range is a CP review of its own, so it is left out with a
// warning naming it, and the plan loads with its other reviews. TODAY is 2024-06-01.

const temp = tempFolders();
after(temp.cleanup);

const lenient = { today: TODAY, la: '841', limits: { maxRejectRate: 1 } } as const;

/** A CINdetails with one CP plan from 10 June 2021 (its end, if any) and these review dates. */
function plan(reviews: readonly string[], end: string | null = null): string {
  return cinDetails(
    '<CINreferralDate>2021-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>0</ReferralNFA>' +
      '<ChildProtectionPlans><CPPstartDate>2021-06-10</CPPstartDate>' +
      (end === null ? '' : `<CPPendDate>${end}</CPPendDate>`) +
      '<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>' +
      '<NumberOfPreviousCPP>0</NumberOfPreviousCPP>' +
      `<Reviews>${reviews.map((d) => `<CPPreviewDate>${d}</CPPreviewDate>`).join('')}</Reviews>` +
      '</ChildProtectionPlans>',
  );
}

/** Each GEN-FUTURE or GEN-PAST issue as [code, severity, child, field, value, message without the place]. */
function rangeIssues(r: IngestResult): string[][] {
  return r.issues
    .filter((i) => i.code === 'GEN-FUTURE' || i.code === 'GEN-PAST')
    .map((i) => [
      i.code,
      i.severity,
      i.childId!,
      i.field!,
      i.value!,
      i.message.replace(/^.*?\(line \d+\): /, ''),
    ]);
}

const PLAN = '/Message/Children/Child[1]/CINdetails[1]/ChildProtectionPlans[1]';

describe('GEN-FUTURE and GEN-PAST on CP review dates (CPPreviewDate)', () => {
  it('a review date after today or before 1990 is named and left out; the plan loads with its other reviews', async () => {
    const f = temp.folder();
    f.write(
      'cin.xml',
      cinXml([
        { id: 'C1', details: [plan(['2021-07-01', '2031-01-03', '1922-08-01', '2021-10-01'])] },
        { id: 'C2', details: [plan(['2021-07-01'])] },
      ]),
    );
    const r = await readInputs([f.dir], lenient);
    assert.equal(r.refused, false);
    assert.deepEqual(rangeIssues(r), [
      [
        'GEN-FUTURE',
        'warning',
        'C1',
        'CPPreviewDate',
        '2031-01-03',
        'CPPreviewDate 2031-01-03 is in the future; the CP plan loads without this review.',
      ],
      [
        'GEN-PAST',
        'warning',
        'C1',
        'CPPreviewDate',
        '1922-08-01',
        'CPPreviewDate 1922-08-01 is before 1990, earlier than any date cspi can count working days from; check the year; the CP plan loads without this review.',
      ],
    ]);
    const future = r.issues.find((i) => i.code === 'GEN-FUTURE')!;
    assert.equal(future.file, 'cin.xml');
    assert.match(future.position!, new RegExp(`^${PLAN.replace(/[[\]]/g, '\\$&')} line \\d+:\\d+$`));
    assert.deepEqual(
      recordsOf(r.submissions[0]!.tables.cpPlans).map((p) => [p.childId, p.startDate, p.reviewDates]),
      [
        ['C1', '2021-06-10', ['2021-07-01', '2021-10-01']],
        ['C2', '2021-06-10', ['2021-07-01']],
      ],
    );
    const counts = r.counts.find((c) => c.table === 'ChildProtectionPlans')!;
    assert.deepEqual([counts.read, counts.loaded, counts.rejected], [2, 2, 0]);
    // Warnings only: nothing was rejected, so the import loads everything (exit 0).
    assert.equal(exitCodeOf(r), 0);
  });

  it('a plan rejected for a date of its own is reported once, by that date: its reviews are not judged', async () => {
    const f = temp.folder();
    f.write(
      'cin.xml',
      cinXml([
        { id: 'C1', details: [plan(['2032-01-01'], '2031-02-01')] },
        { id: 'C2', details: [plan(['2021-07-01'])] },
      ]),
    );
    const r = await readInputs([f.dir], lenient);
    assert.deepEqual(
      rangeIssues(r).map((i) => i.slice(0, 5)),
      [['GEN-FUTURE', 'error', 'C1', 'CPPendDate', '2031-02-01']],
    );
    assert.deepEqual(
      recordsOf(r.submissions[0]!.tables.cpPlans).map((p) => p.childId),
      ['C2'],
    );
  });
});
