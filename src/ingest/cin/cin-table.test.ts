import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readInputs } from '../read-inputs.js';
import { TODAY, cinDetails, cinXml, tempFolders } from '../test-fixtures.js';
import { CinTable, cinTableOf } from './cin-table.js';
import {
  ASSESSMENT_SHAPE,
  CP_PLAN_SHAPE,
  REFERRAL_SHAPE,
  SECTION47_SHAPE,
  type CinRecord,
} from './cin-shapes.js';
import type { StagedTables } from '../staged.js';
import type { Assessment, CpPlan, Referral, Section47 } from '../../model/cin.js';
import type { IsoDate } from '../../calendar/iso-date.js';

const temp = tempFolders();
after(temp.cleanup);

const ref = (date: string, more = ''): string =>
  `<CINreferralDate>${date}</CINreferralDate><ReferralSource>1a</ReferralSource>${more}`;

/** Two children, the first with two referrals and an element of each kind inside the first. */
const CENSUS = cinXml([
  {
    id: 'C1',
    details: [
      cinDetails(
        ref(
          '2021-06-01',
          '<CINclosureDate>2021-09-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>' +
            '<ReferralNFA>0</ReferralNFA>' +
            '<Assessments><AssessmentActualStartDate>2021-06-02</AssessmentActualStartDate>' +
            '<AssessmentAuthorisationDate>2021-06-20</AssessmentAuthorisationDate>' +
            '<FactorsIdentifiedAtAssessment><AssessmentFactors>3a</AssessmentFactors>' +
            '<AssessmentFactors>4B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>' +
            '<CINPlanDates><CINPlanStartDate>2021-06-21</CINPlanStartDate></CINPlanDates>' +
            '<Section47><S47ActualStartDate>2021-06-03</S47ActualStartDate>' +
            '<ICPCnotRequired>1</ICPCnotRequired></Section47>' +
            '<Section47><S47ActualStartDate>2021-06-04</S47ActualStartDate></Section47>' +
            '<ChildProtectionPlans><CPPstartDate>2021-06-10</CPPstartDate>' +
            '<InitialCategoryOfAbuse>neg</InitialCategoryOfAbuse><NumberOfPreviousCPP>2</NumberOfPreviousCPP>' +
            '<Reviews><CPPreviewDate>2021-08-01</CPPreviewDate><CPPreviewDate>2021-07-01</CPPreviewDate>' +
            '</Reviews></ChildProtectionPlans>',
        ),
      ),
      cinDetails(ref('2021-11-01', '<ReferralNFA>1</ReferralNFA>')),
    ],
  },
  { id: 'C2', details: [cinDetails(ref('2021-07-01'))] },
]);

async function census(): Promise<StagedTables> {
  const f = temp.folder();
  f.write('cin.xml', CENSUS);
  const r = await readInputs([f.dir], { today: TODAY });
  assert.equal(r.refused, false, JSON.stringify(r.issues));
  return r.submissions[0]!.tables;
}

/** The line (1-based) of the `n`th (1-based) `<name>` in the census text. */
function lineOf(name: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) at = CENSUS.indexOf(`<${name}>`, at + 1);
  return CENSUS.slice(0, at).split('\n').length;
}

test('a census is held by column, and its rows make the records the reader made: values, ids, positions', async () => {
  const t = await census();
  assert.ok(t.referrals instanceof CinTable);
  assert.ok(t.assessments instanceof CinTable);
  const refs = t.referrals.records();
  assert.deepEqual(
    refs.map((r) => [r.id, r.childId, r.referralDate, r.referralSource, r.closureDate, r.referralNfa]),
    [
      ['C1/2021-06-01', 'C1', '2021-06-01', '1A', '2021-09-01', false],
      ['C1/2021-11-01', 'C1', '2021-11-01', '1A', null, true],
      ['C2/2021-07-01', 'C2', '2021-07-01', '1A', null, null],
    ],
  );
  assert.deepEqual(
    Object.keys(refs[0]!),
    REFERRAL_SHAPE.fields.map(([name]) => name),
    'keys in record order',
  );
  assert.match(refs[1]!.source.position, /^\/Message\/Children\/Child\[1\]\/CINdetails\[2\] line \d+:\d+$/);
  assert.equal(refs[2]!.source.position.split(' line ')[0], '/Message/Children/Child[2]/CINdetails[1]');
  assert.equal(Number(/ line (\d+):/.exec(refs[2]!.source.position)![1]), lineOf('CINdetails', 3));
  assert.equal(refs[0]!.source.file, 'cin.xml');

  const [a] = (t.assessments as CinTable<Assessment>).records();
  assert.deepEqual(a, {
    id: 'C1/2021-06-01/2021-06-02',
    referralId: 'C1/2021-06-01',
    childId: 'C1',
    startDate: '2021-06-02',
    internalReviewDate: null,
    authorisationDate: '2021-06-20',
    factors: ['3A', '4B'],
    source: a!.source,
  });
  assert.match(
    a!.source.position,
    /^\/Message\/Children\/Child\[1\]\/CINdetails\[1\]\/Assessments\[1\] line /,
  );

  const s47s = (t.section47s as CinTable<Section47>).records();
  assert.deepEqual(
    s47s.map((s) => [s.id, s.referralId, s.source.position.split(' line ')[0]]),
    [
      ['C1/2021-06-03', 'C1/2021-06-01', '/Message/Children/Child[1]/CINdetails[1]/Section47[1]'],
      ['C1/2021-06-04', 'C1/2021-06-01', '/Message/Children/Child[1]/CINdetails[1]/Section47[2]'],
    ],
  );
  const [cp] = (t.cpPlans as CinTable<CpPlan>).records();
  assert.deepEqual(
    [cp!.initialCategoryOfAbuse, cp!.numberOfPreviousCpp, cp!.reviewDates],
    ['NEG', 2, ['2021-07-01', '2021-08-01']],
  );
});

test('a table of records (another source, a test) gives back the very records, and reads its fields', () => {
  const records: Referral[] = [
    referral('A', '2021-04-01', 'List 3!A4', { referralSourceRaw: 'Police?' }),
    referral('B', '2021-05-01', 'List 3!A5', { id: 'odd id' }),
  ];
  const t = cinTableOf(REFERRAL_SHAPE, records)!;
  assert.equal(cinTableOf(REFERRAL_SHAPE, records), t, 'made once per array');
  assert.equal(t.record(0), records[0]);
  assert.deepEqual(t.records(), records);
  assert.equal(t.field('referralSourceRaw').at(0), 'Police?');
  assert.equal(t.id(1), 'odd id');
  assert.equal(t.sourcePosition(1), 'List 3!A5');
  assert.deepEqual([t.childId(0), t.childId(1)], ['A', 'B']);
});

test('dropping, repairing and joining rows keep every other row as it was (property)', async () => {
  const t = (await census()).section47s as CinTable<CinRecord>;
  const referrals = (await census()).referrals as CinTable<Referral>;
  const all = referrals.records();
  fc.assert(
    fc.property(fc.array(fc.boolean(), { minLength: all.length, maxLength: all.length }), (marks) => {
      const drop = Uint8Array.from(marks, (m) => (m ? 1 : 0));
      const kept = referrals.without(drop);
      assert.deepEqual(
        kept.records(),
        all.filter((_, i) => !marks[i]),
      );
      const repairs = new Map(
        all.flatMap((r, i) => (marks[i] ? [[i, { ...r, closureDate: null }] as const] : [])),
      );
      assert.deepEqual(
        referrals.withRepairs(repairs).records(),
        all.map((r, i) => (marks[i] ? { ...r, closureDate: null } : r)),
      );
      assert.deepEqual(kept.concat(referrals).records(), [...kept.records(), ...all]);
    }),
  );
  assert.equal(t.without(new Uint8Array(t.length)), t, 'the same table when no row is dropped');
  assert.equal(t.withRepairs(new Map()), t);
});

test('each shape lists every field of its record once, id and source first and last', () => {
  for (const shape of [REFERRAL_SHAPE, ASSESSMENT_SHAPE, SECTION47_SHAPE, CP_PLAN_SHAPE]) {
    const names = shape.fields.map(([n]) => n);
    assert.equal(new Set(names).size, names.length, shape.table);
    assert.equal(names[0], 'id');
    assert.equal(names.at(-1), 'source');
  }
});

function referral(childId: string, date: string, position: string, extra: Partial<Referral> = {}): Referral {
  return {
    id: `${childId}/${date}`,
    childId,
    referralDate: date as IsoDate,
    referralSource: null,
    referralSourceRaw: null,
    primaryNeedCode: null,
    closureDate: null,
    reasonForClosure: null,
    dateOfInitialCpc: null,
    referralNfa: null,
    source: { file: 'annex-a.xlsx', position },
    ...extra,
  };
}
