import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { IsoDate } from '../../calendar/iso-date.js';
import { assembleChecks, assembleDataset } from './assemble-dataset.js';
import type { SubmissionRecords } from './submission-records.js';
import { assessment, child, cpPlan, episode, referral, submission, visit } from '../test-records.js';

const YEARS = ['2019-20', '2020-21', '2021-22'] as const;
const dayIn = (year: number, day: number): string => {
  const t = Date.UTC(2019 + year, 3, 1) + day * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
};

/** Per year and child: is the child in the year's returns, an episode (start day, open?), a referral, visits. */
const childYear = fc.record({
  present: fc.boolean(),
  start: fc.integer({ min: 0, max: 300 }),
  open: fc.boolean(),
  /** The next year's return corrects the start date (a stale open episode). */
  shifted: fc.boolean(),
  referral: fc.boolean(),
  cp: fc.boolean(),
  /** The assessment and CP plan closed while the referral is open (they leave with a stale referral). */
  innerClosed: fc.boolean(),
  visitDay: fc.integer({ min: -30, max: 400 }),
  upn: fc.constantFrom(null, 'h1', 'h2'),
});
type ChildYear = typeof childYear extends fc.Arbitrary<infer T> ? T : never;
const scenario = fc.array(fc.array(childYear, { minLength: YEARS.length, maxLength: YEARS.length }), {
  minLength: 1,
  maxLength: 6,
});

function submissionsOf(children: readonly (readonly ChildYear[])[]): SubmissionRecords[] {
  const subs: SubmissionRecords[] = [];
  YEARS.forEach((year, y) => {
    const s903: Required<Pick<SubmissionRecords['tables'], 'children' | 'episodes'>> = {
      children: [],
      episodes: [],
    };
    const cin: Required<
      Pick<SubmissionRecords['tables'], 'children' | 'referrals' | 'assessments' | 'cpPlans'>
    > = { children: [], referrals: [], assessments: [], cpPlans: [] };
    const loc = { cpVisits: [] as ReturnType<typeof visit>[], claVisits: [] as ReturnType<typeof visit>[] };
    children.forEach((years, c) => {
      const id = `C${c}`;
      const v = years[y]!;
      if (!v.present) return;
      const start = dayIn(y, v.start + (v.shifted ? 1 : 0));
      s903.children.push(child(id, { upnHash: v.upn, dob: c % 2 ? '2012-01-01' : '2012-02-02' }));
      s903.episodes.push(episode(id, start, { dec: v.open ? null : dayIn(y, v.start + 30) }));
      if (v.referral) {
        const r = referral(id, start, { closureDate: v.open ? null : dayIn(y, v.start + 40) });
        cin.children.push(child(id, { dob: '2012-01-01' }, 'cin.xml'));
        cin.referrals.push(r);
        cin.assessments.push(
          assessment(r, dayIn(y, v.start + 1), v.open && !v.innerClosed ? null : dayIn(y, v.start + 20)),
        );
        if (v.cp)
          cin.cpPlans.push(
            cpPlan(r, dayIn(y, v.start + 5), v.open && !v.innerClosed ? null : dayIn(y, v.start + 35), [
              dayIn(y, v.start + 9),
            ]),
          );
      }
      loc.cpVisits.push(visit(id, dayIn(y, v.visitDay)));
      loc.claVisits.push(visit(`${id}x${v.visitDay % 3}`, dayIn(y, v.visitDay), 'cla_visits.csv'));
    });
    const range = { start: dayIn(y, 0) as IsoDate, end: dayIn(y, 364) as IsoDate };
    subs.push(submission(`s${subs.length + 1}`, 'ssda903', year, s903, { asAt: range.end }));
    subs.push(submission(`s${subs.length + 1}`, 'cin', year, cin, { asAt: range.end }));
    subs.push(submission(`s${subs.length + 1}`, 'local', year, loc, { asAt: range.end, dateRange: range }));
  });
  return subs;
}

test('assembleChecks finds the same dataset checks, counts and as-at dates as assembleDataset, and leaves the records unchanged', () => {
  fc.assert(
    fc.property(scenario, (children) => {
      const subs = submissionsOf(children);
      const before = JSON.stringify(subs);
      const { dataset, issues } = assembleDataset('841', subs);
      const checks = assembleChecks('841', subs);
      assert.equal(JSON.stringify(subs), before, 'the submissions are not changed');
      assert.deepEqual(checks.issues, issues);
      assert.deepEqual(checks.asAt, dataset.asAt);
      for (const [k, v] of Object.entries(dataset))
        if (Array.isArray(v)) assert.equal(checks.counts[k], v.length, k);
    }),
    { numRuns: 150 },
  );
});
