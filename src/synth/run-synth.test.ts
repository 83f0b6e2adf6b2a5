import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SaxesParser } from 'saxes';
import { runSynth } from './run-synth.js';
import { FAULT_KINDS } from './faults.js';
import { day } from './day-calendar.js';

// Small, fast runs: Darlington (841) at a fraction of its size. Independent checks of the files as an
// importer would see them (simple parsers here, not the generator's own code).

const base = mkdtempSync(join(tmpdir(), 'cspi-synth-test-'));
process.on('exit', () => rmSync(base, { recursive: true, force: true }));
const run = (
  name: string,
  o: { end: string; years: number; seed: string; faults?: boolean; scale?: number },
) =>
  runSynth({
    out: join(base, name),
    las: 1,
    years: o.years,
    extract: day(o.end),
    seed: o.seed,
    faults: o.faults ? FAULT_KINDS : [],
    scale: o.scale ?? 0.3,
    threads: 1,
  });

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Rows of a CSV the generator writes (no quoted commas in its data) as objects keyed by header. */
function csv(path: string): { header: string[]; rows: Record<string, string>[]; lines: string[] } {
  const lines = readFileSync(path, 'utf8').split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
  return { header, rows, lines };
}

interface Node {
  name: string;
  text: string;
  children: Node[];
}
function xml(path: string): Node {
  const parser = new SaxesParser();
  const root: Node = { name: '#doc', text: '', children: [] };
  const stack: Node[] = [root];
  parser.on('opentag', (t) => {
    const n: Node = { name: t.name, text: '', children: [] };
    stack[stack.length - 1]!.children.push(n);
    stack.push(n);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1]!.text += t.trim();
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(readFileSync(path, 'utf8')).close();
  return root.children[0]!;
}
const kid = (n: Node, name: string): Node | undefined => n.children.find((c) => c.name === name);
const kids = (n: Node, name: string): Node[] => n.children.filter((c) => c.name === name);
const d903 = (s: string): string => `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;

/** Checks that the element names appear in the order given (each optional or repeated). */
function assertOrder(n: Node, order: readonly string[], where: string): void {
  let k = 0;
  for (const c of n.children) {
    const i = order.indexOf(c.name);
    assert.ok(i >= 0, `${where}: unexpected element ${c.name}`);
    assert.ok(i >= k, `${where}: ${c.name} out of schema order`);
    k = i;
  }
}

// inputs.md §2.1, written out here independently of the generator.
const HEADERS: Record<string, string> = {
  'header.csv': 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
  'episodes.csv':
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  'reviews.csv': 'CHILD,DOB,REVIEW,REVIEW_CODE',
  'uasc.csv': 'CHILD,SEX,DOB,DUC',
  'oc2.csv':
    'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED',
  'oc3.csv': 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM',
  'ad1.csv': 'CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR',
  'placed_adoption.csv': 'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED',
  'prev_perm.csv': 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM',
  'missing.csv': 'CHILD,DOB,MISSING,MIS_START,MIS_END',
  'sw_episodes.csv': 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON',
};
// inputs.md §3.
const CHILD_IDENTIFIERS = [
  'LAchildID',
  'UPN',
  'FormerUPN',
  'UPNunknown',
  'PersonBirthDate',
  'ExpectedPersonBirthDate',
  'GenderCurrent',
  'Sex',
  'PersonDeathDate',
];
const CIN_DETAILS = [
  'CINreferralDate',
  'ReferralSource',
  'PrimaryNeedCode',
  'CINclosureDate',
  'ReasonForClosure',
  'DateOfInitialCPC',
  'Assessments',
  'CINPlanDates',
  'Section47',
  'ReferralNFA',
  'ChildProtectionPlans',
  'PreProceedingsandFGDM',
];
const SECTION47 = ['S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired'];
const CPP = [
  'CPPstartDate',
  'CPPendDate',
  'InitialCategoryOfAbuse',
  'LatestCategoryOfAbuse',
  'NumberOfPreviousCPP',
  'Reviews',
];
const ASSESSMENT = [
  'AssessmentActualStartDate',
  'AssessmentInternalReviewDate',
  'AssessmentAuthorisationDate',
  'FactorsIdentifiedAtAssessment',
];
const PLACE_ALWAYS = [
  'A3',
  'A4',
  'A5',
  'A6',
  'K1',
  'K2',
  'P1',
  'P3',
  'R1',
  'R2',
  'R3',
  'R5',
  'S1',
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
];
const placeValid = (p: string, endYear: number): boolean =>
  PLACE_ALWAYS.includes(p) ||
  ((p === 'H5' || p === 'P2') && endYear <= 2024) ||
  (p === 'K3' && endYear >= 2025) ||
  (p === 'Z1' && endYear <= 2025) ||
  (/^Z1[1-4]$/.test(p) && endYear >= 2026);
const SOURCES = [
  '1A',
  '1B',
  '1C',
  '1D',
  '2A',
  '2B',
  '3A',
  '3B',
  '3C',
  '3D',
  '3E',
  '3F',
  '4',
  '5A',
  '5B',
  '5C',
  '5D',
  '6',
  '7',
  '8',
  '9',
  '10',
];

describe('cspi synth output (Darlington, 2020-21 to 2021-22, small scale)', () => {
  const out = join(base, 'a');
  before(async () => {
    await run('a', { end: '2022-03-31', years: 2, seed: 'alpha' });
    await run('a2', { end: '2022-03-31', years: 2, seed: 'alpha' });
    await run('b', { end: '2022-03-31', years: 2, seed: 'beta' });
  });

  test('writes the documented layout and a manifest whose row counts match the files', () => {
    const list = files(out);
    for (const y of ['2020-21', '2021-22']) {
      assert.ok(list.includes(`841/${y}/cin_census.xml`));
      for (const f of Object.keys(HEADERS))
        if (f !== 'sw_episodes.csv') assert.ok(list.includes(`841/${y}/ssda903/${f}`), f);
      assert.ok(!list.includes(`841/${y}/ssda903/sw_episodes.csv`), 'no SWEpisodes before 2023-24');
      for (const f of [
        'contacts',
        'cp_visits',
        'cla_visits',
        'cla_health',
        'care_leavers',
        'strategy_discussions',
      ])
        assert.ok(list.includes(`841/${y}/local/${f}.csv`), f);
    }
    for (const f of ['allocations', 'workers', 'placements_long_term', 'postcodes', 'population'])
      assert.ok(list.includes(`841/reference/${f}.csv`), f);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: { path: string; rows: number }[];
      seed: string;
    };
    assert.equal(manifest.seed, 'alpha');
    for (const f of manifest.files) {
      if (f.path.endsWith('.csv')) assert.equal(csv(join(out, f.path)).rows.length, f.rows, f.path);
      else assert.equal(kids(kid(xml(join(out, f.path)), 'Children')!, 'Child').length, f.rows, f.path);
    }
  });

  test('the same seed gives byte-identical output; another seed does not', () => {
    const a = files(out);
    assert.deepEqual(files(join(base, 'a2')), a);
    for (const f of a) assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(base, 'a2', f))), f);
    const differ = a.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(base, 'b', f))));
    assert.ok(differ.length > a.length / 2, `${differ.length} of ${a.length} files differ`);
  });

  test('SSDA903 files have exactly the column sets of inputs.md §2.1, dates dd/mm/YYYY, codes of the year', () => {
    for (const y of ['2020-21', '2021-22']) {
      const endYear = Number(y.slice(0, 4)) + 1;
      for (const [f, header] of Object.entries(HEADERS)) {
        if (f === 'sw_episodes.csv') continue;
        const t = csv(join(out, '841', y, 'ssda903', f));
        assert.equal(t.lines[0], header, `${y} ${f}`);
        for (const r of t.rows) {
          for (const col of ['DOB', 'DECOM', 'DEC', 'REVIEW', 'MIS_START', 'MIS_END', 'DUC', 'DATE_PERM']) {
            if (r[col]) assert.match(r[col], /^\d{2}\/\d{2}\/\d{4}$/, `${f} ${col}`);
          }
        }
      }
      for (const r of csv(join(out, '841', y, 'ssda903', 'header.csv')).rows)
        assert.ok(['1', '2'].includes(r['SEX']!));
      for (const r of csv(join(out, '841', y, 'ssda903', 'episodes.csv')).rows) {
        assert.ok(placeValid(r['PLACE']!, endYear), `PLACE ${r['PLACE']} in ${y}`);
        assert.ok(['S', 'L', 'P', 'T', 'B', 'U'].includes(r['RNE']!));
        assert.ok(
          ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3'].includes(r['LS']!),
        );
        if (r['PLACE']!.startsWith('T') || r['PLACE']!.startsWith('Z')) assert.equal(r['PLACE_PROVIDER'], '');
        assert.equal(r['DEC'] === '', r['REC'] === '', 'DEC and REC both or neither');
      }
    }
  });

  test('episodes chain: X1 is followed by an episode starting on DEC; open episodes reappear next year', () => {
    const byYear = ['2020-21', '2021-22'].map(
      (y) => csv(join(out, '841', y, 'ssda903', 'episodes.csv')).rows,
    );
    let x1 = 0;
    for (const rows of byYear) {
      const starts = new Set(rows.map((r) => `${r['CHILD']}|${r['DECOM']}`));
      for (const r of rows) {
        assert.ok(r['DEC'] === '' || d903(r['DEC']!) >= d903(r['DECOM']!), 'ends after it starts');
        if (r['REC'] === 'X1') {
          x1++;
          assert.ok(starts.has(`${r['CHILD']}|${r['DEC']}`), 'X1 needs the next DECOM = DEC');
        }
      }
    }
    assert.ok(x1 > 20);
    const next = new Map(byYear[1]!.map((r) => [`${r['CHILD']}|${r['DECOM']}`, r]));
    const open = byYear[0]!.filter((r) => r['DEC'] === '');
    assert.ok(open.length > 20);
    for (const r of open) {
      const again = next.get(`${r['CHILD']}|${r['DECOM']}`);
      assert.ok(again, 'an episode open at 31 March appears again next year');
      assert.equal(again['PLACE'], r['PLACE']);
    }
  });

  test('CIN census follows the schema order of §3 with GenderCurrent before 2024-25', () => {
    const doc = xml(join(out, '841', '2021-22', 'cin_census.xml'));
    assert.equal(doc.name, 'Message');
    const details = kid(kid(doc, 'Header')!, 'CollectionDetails')!;
    assert.deepEqual(
      details.children.map((c) => `${c.name}=${c.text}`),
      ['Collection=CIN', 'Year=2022', 'ReferenceDate=2022-03-31'],
    );
    assert.equal(kid(kid(kid(doc, 'Header')!, 'Source')!, 'LEA')!.text, '841');
    let s47 = 0;
    for (const child of kids(kid(doc, 'Children')!, 'Child')) {
      assertOrder(child, ['ChildIdentifiers', 'ChildCharacteristics', 'CINdetails'], 'Child');
      const ids = kid(child, 'ChildIdentifiers')!;
      assertOrder(ids, CHILD_IDENTIFIERS, 'ChildIdentifiers');
      assert.ok(kid(ids, 'GenderCurrent') && !kid(ids, 'Sex'));
      for (const d of kids(child, 'CINdetails')) {
        assertOrder(d, CIN_DETAILS, 'CINdetails');
        assert.ok(SOURCES.includes(kid(d, 'ReferralSource')!.text));
        assert.notEqual(kid(d, 'ReferralSource')!.text, '5D', '5D only from 2022-23');
        assert.notEqual(kid(d, 'ReasonForClosure')?.text, 'RC9', 'RC9 only from 2022-23');
        for (const a of kids(d, 'Assessments')) assertOrder(a, ASSESSMENT, 'Assessments');
        for (const s of kids(d, 'Section47')) {
          s47++;
          assertOrder(s, SECTION47, 'Section47');
          const icpc = kid(s, 'DateOfInitialCPC');
          if (icpc)
            assert.ok(
              icpc.text >= kid(s, 'S47ActualStartDate')!.text,
              'no ICPC before its S47 without --faults',
            );
        }
        for (const p of kids(d, 'ChildProtectionPlans')) assertOrder(p, CPP, 'ChildProtectionPlans');
        for (const el of [kid(d, 'CINreferralDate')!, kid(d, 'CINclosureDate')])
          if (el) assert.match(el.text, /^\d{4}-\d{2}-\d{2}$/);
      }
    }
    assert.ok(s47 > 10);
  });

  test('nothing happens before birth or after death', () => {
    const dob = new Map<string, string>();
    const death = new Map<string, string>();
    const events: [string, string, string][] = [];
    for (const y of ['2020-21', '2021-22']) {
      const doc = xml(join(out, '841', y, 'cin_census.xml'));
      for (const child of kids(kid(doc, 'Children')!, 'Child')) {
        const ids = kid(child, 'ChildIdentifiers')!;
        const id = kid(ids, 'LAchildID')!.text;
        dob.set(id, kid(ids, 'PersonBirthDate')!.text);
        const dd = kid(ids, 'PersonDeathDate');
        if (dd) death.set(id, dd.text);
        const walk = (n: Node): void => {
          if (
            /^\d{4}-\d{2}-\d{2}$/.test(n.text) &&
            !['PersonBirthDate', 'PersonDeathDate', 'InitialCPCtarget'].includes(n.name)
          )
            events.push([id, n.text, `${y} ${n.name}`]);
          n.children.forEach(walk);
        };
        kids(child, 'CINdetails').forEach(walk);
      }
      for (const r of csv(join(out, '841', y, 'ssda903', 'header.csv')).rows)
        dob.set(r['CHILD']!, d903(r['DOB']!));
      for (const [f, cols] of [
        ['episodes.csv', ['DECOM', 'DEC']],
        ['reviews.csv', ['REVIEW']],
        ['missing.csv', ['MIS_START', 'MIS_END']],
      ] as const) {
        for (const r of csv(join(out, '841', y, 'ssda903', f)).rows)
          for (const c of cols) if (r[c]) events.push([r['CHILD']!, d903(r[c]!), `${y} ${f} ${c}`]);
      }
      for (const [f, col] of [
        ['cp_visits.csv', 'cp_visit_date'],
        ['cla_visits.csv', 'cla_visit_date'],
        ['cla_health.csv', 'check_date'],
        ['contacts.csv', 'received_at'],
        ['strategy_discussions.csv', 'strategy_date'],
      ] as const) {
        for (const r of csv(join(out, '841', y, 'local', f)).rows)
          events.push([r['child_id']!, r[col]!.slice(0, 10), `${y} ${f}`]);
      }
    }
    let checked = 0;
    for (const [id, d, what] of events) {
      const b = dob.get(id);
      if (b) {
        checked++;
        assert.ok(d >= b, `${what} before birth`);
      }
      const dd = death.get(id);
      if (dd) assert.ok(d <= dd, `${what} after death`);
    }
    assert.ok(checked > 1000);
  });

  test('local extract files have the columns of inputs.md §5', () => {
    const expected: Record<string, string> = {
      'contacts.csv': 'contact_id,child_id,received_at,decided_at,outcome,source',
      'cp_visits.csv': 'child_id,cp_visit_date,child_seen,seen_alone,visit_id',
      'cla_visits.csv': 'child_id,cla_visit_date,child_seen,seen_alone,visit_id',
      'cla_health.csv': 'child_id,check_type,check_date,check_outcome',
      'care_leavers.csv': 'child_id,status_date,in_touch,activity,accommodation,eligibility',
      'strategy_discussions.csv': 'child_id,strategy_date,s47_start',
    };
    for (const [f, h] of Object.entries(expected))
      assert.equal(csv(join(out, '841', '2021-22', 'local', f)).lines[0], h);
    const contacts = csv(join(out, '841', '2021-22', 'local', 'contacts.csv')).rows;
    for (const r of contacts) {
      assert.match(r['received_at']!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      if (r['decided_at']) {
        assert.ok(r['decided_at'] >= r['received_at']!, 'decided after received');
        assert.ok(['referral', 'nfa', 'early-help', 'other'].includes(r['outcome']!));
      }
    }
  });
});

describe('cspi synth for 2023-24 and 2024-25 (Sex M/F, SWEpisodes, K3)', () => {
  const out = join(base, 'c');
  before(() => run('c', { end: '2025-03-31', years: 2, seed: 'gamma' }));

  test('CIN uses Sex from 2024-25 and GenderCurrent before; 903 SEX changes to M/F', () => {
    for (const [y, el, values] of [
      ['2023-24', 'GenderCurrent', ['1', '2']],
      ['2024-25', 'Sex', ['M', 'F']],
    ] as const) {
      const doc = xml(join(out, '841', y, 'cin_census.xml'));
      for (const child of kids(kid(doc, 'Children')!, 'Child')) {
        const ids = kid(child, 'ChildIdentifiers')!;
        assertOrder(ids, CHILD_IDENTIFIERS, 'ChildIdentifiers');
        const sex = kid(ids, el);
        assert.ok(sex && (values as readonly string[]).includes(sex.text), `${y} ${el}`);
        assert.ok(!kid(ids, el === 'Sex' ? 'GenderCurrent' : 'Sex'));
      }
      for (const r of csv(join(out, '841', y, 'ssda903', 'header.csv')).rows)
        assert.ok((values as readonly string[]).includes(r['SEX']!), `${y} SEX`);
    }
  });

  test('SWEpisodes from 2023-24 and year-bound PLACE codes', () => {
    for (const y of ['2023-24', '2024-25']) {
      const sw = csv(join(out, '841', y, 'ssda903', 'sw_episodes.csv'));
      assert.equal(sw.lines[0], HEADERS['sw_episodes.csv']);
      assert.ok(sw.rows.length > 0);
      for (const r of sw.rows) assert.match(r['SW_ID']!, /^(SW|XX)/);
      const first = `01/04/${y.slice(0, 4)}`;
      for (const r of csv(join(out, '841', y, 'ssda903', 'episodes.csv')).rows) {
        // An episode still open when its code lapses is recoded on 1 April, so the old code shows once
        // more, ending on the year's first day (the DfE keeps H5 as legacy for 2024-25 for this).
        const ok =
          placeValid(r['PLACE']!, Number(y.slice(0, 4)) + 1) || (r['DEC'] === first && r['REC'] === 'X1');
        assert.ok(ok, `PLACE ${r['PLACE']} in ${y}`);
      }
    }
  });
});

describe('cspi synth with an extract date inside the year (Darlington, 31 December 2022)', () => {
  const out = join(base, 'mid-year');
  before(() => run('mid-year', { end: '2022-12-31', years: 1, seed: '1', scale: 1 }));

  test('the local extract holds no date after the extract date (an S47 starting later is blank)', () => {
    // A file's latest date is its as-at date (indicators.md §1.8): a later one would date the extract wrongly.
    const dir = join(out, '841', '2022-23', 'local');
    let dates = 0;
    for (const f of readdirSync(dir)) {
      for (const r of csv(join(dir, f)).rows) {
        for (const [col, v] of Object.entries(r)) {
          if (!/^\d{4}-\d{2}-\d{2}/.test(v)) continue;
          dates++;
          assert.ok(v.slice(0, 10) <= '2022-12-31', `${f} ${col} ${v} is after the extract date`);
        }
      }
    }
    assert.ok(dates > 1000, `${dates} dates checked`);
  });
});

describe('cspi synth --faults all', () => {
  const out = join(base, 'f');
  before(() => run('f', { end: '2022-03-31', years: 2, seed: 'delta', faults: true }));

  test('faults.json lists a handful of faults, each pointing at a real line holding the faulty value', () => {
    const faults = JSON.parse(readFileSync(join(out, 'faults.json'), 'utf8')) as {
      file: string;
      line: number;
      path: string | null;
      child: string;
      field: string;
      value: string;
      rule: string;
    }[];
    assert.ok(faults.length >= 8 && faults.length <= 25, `${faults.length} faults`);
    const rules = new Set(faults.map((f) => f.rule));
    for (const r of ['GEN-DATE', 'GEN-DUP-KEY', '903-EP-ORDER', 'LOC-ORDER']) assert.ok(rules.has(r), r);
    for (const f of faults) {
      const lines = readFileSync(join(out, f.file), 'utf8').split(/\r?\n/);
      const line = lines[f.line - 1];
      assert.ok(line !== undefined, `${f.file} has line ${f.line}`);
      if (f.file.endsWith('.csv')) {
        const header = lines[0]!.split(',');
        const cells = line.split(',');
        assert.equal(cells[header.indexOf(f.field)], f.value, `${f.file}:${f.line} ${f.field}`);
        assert.ok(cells.includes(f.child), 'the line is about the child named');
      } else {
        assert.ok(line.includes(`<${f.field}>${f.value}</${f.field}>`), `${f.file}:${f.line}`);
        assert.match(f.path!, /^\/Message\/Children\/Child\[\d+\]\//);
      }
    }
    const dup = faults.find((f) => f.rule === 'GEN-DUP-KEY');
    if (dup && dup.file.endsWith('episodes.csv')) {
      const lines = readFileSync(join(out, dup.file), 'utf8').split('\r\n');
      const key = (l: string): string => l.split(',').slice(0, 2).join(',');
      assert.equal(
        key(lines[dup.line - 1]!),
        key(lines[dup.line - 2]!),
        'duplicate natural key on the line before',
      );
    }
  });
});
