import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSynth } from './run-synth.js';
import { day } from './day-calendar.js';
import { addWorkingDays, elapsedWorkingDays } from '../calendar/working-days.js';
import { addMonths } from '../calendar/add-months.js';
import { type IsoDate, isoDate } from '../calendar/iso-date.js';

// Calibration: a few indicators computed straight from the generated records with simple code of their
// own (the indicator engine is built separately), for Darlington at half size, 2021-22, against the
// England 2021-22 levels in indicators.md §2. Tolerances are wide: one LA at half size is noisy and LAs
// differ from England by design.

const out = mkdtempSync(join(tmpdir(), 'cspi-synth-cal-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
const YEARS = ['2019-20', '2020-21', '2021-22'];
const s = isoDate('2021-04-01');
const e = isoDate('2022-03-31');

const rowsOf = (path: string): Record<string, string>[] => {
  const lines = readFileSync(join(out, '841', path), 'utf8')
    .split('\r\n')
    .filter((l) => l !== '');
  const header = lines[0]!.split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i], c])));
};
const iso903 = (d: string): IsoDate => isoDate(`${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`);
/** Every `<name>value</name>` group of CINdetails in a census, as flat records (one line per element). */
function cinDetails(year: string): { child: string; tags: [string, string][] }[] {
  const text = readFileSync(join(out, '841', year, 'cin_census.xml'), 'utf8');
  const out2: { child: string; tags: [string, string][] }[] = [];
  let child = '';
  let cur: { child: string; tags: [string, string][] } | null = null;
  for (const line of text.split('\n')) {
    const m = /<(\w+)>([^<]*)<\/\1>/.exec(line);
    if (m && m[1] === 'LAchildID') child = m[2]!;
    if (line.includes('<CINdetails>')) cur = { child, tags: [] };
    else if (line.includes('</CINdetails>')) {
      out2.push(cur!);
      cur = null;
    } else if (cur) {
      if (m) cur.tags.push([m[1]!, m[2]!]);
      else if (/<(Section47|Assessments|ChildProtectionPlans)>/.test(line))
        cur.tags.push([line.trim().slice(1, -1), '']);
    }
  }
  return out2;
}
const pct = (num: number, den: number): number => (100 * num) / den;

before(() =>
  runSynth({
    out,
    las: 1,
    years: 3,
    extract: day('2022-03-31'),
    seed: 'calibration',
    faults: [],
    scale: 0.5,
    threads: 1,
  }),
);

test('re-referrals within 12 months near 21.5%; assessments within 45 wd near 84.5%; ICPC within 15 wd near 79%', () => {
  const referrals = new Map<string, Set<string>>();
  const assessments = new Map<string, [IsoDate, IsoDate]>();
  const icpcs = new Map<string, [IsoDate, IsoDate]>();
  for (const y of YEARS) {
    for (const d of cinDetails(y)) {
      const get = (i: number, name: string): string | undefined =>
        d.tags.slice(i).find(([n]) => n === name)?.[1];
      const ref = get(0, 'CINreferralDate')!;
      if (!referrals.has(d.child)) referrals.set(d.child, new Set());
      referrals.get(d.child)!.add(ref);
      d.tags.forEach(([n], i) => {
        if (n === 'AssessmentActualStartDate') {
          const auth = d.tags[i + 1]?.[0] === 'AssessmentAuthorisationDate' ? d.tags[i + 1]![1] : null;
          if (auth) assessments.set(`${d.child}|${d.tags[i]![1]}`, [isoDate(d.tags[i]![1]), isoDate(auth)]);
        }
        if (n === 'S47ActualStartDate') {
          const icpc = d.tags.slice(i + 1, i + 3).find(([x]) => x === 'DateOfInitialCPC')?.[1];
          if (icpc) icpcs.set(`${d.child}|${d.tags[i]![1]}`, [isoDate(d.tags[i]![1]), isoDate(icpc)]);
        }
      });
    }
  }
  let den = 0;
  let num = 0;
  for (const dates of referrals.values()) {
    for (const r of dates) {
      if (r < s || r > e) continue;
      den++;
      const from = addMonths(isoDate(r), -12);
      if ([...dates].some((p) => p >= from && p < r)) num++;
    }
  }
  const reref = pct(num, den);
  assert.ok(den > 400, `${den} referrals`);
  assert.ok(reref > 12 && reref < 31, `re-referrals ${reref.toFixed(1)}%`);

  const asm = [...assessments.values()].filter(([, a]) => a >= s && a <= e);
  const asm45 = pct(asm.filter(([st, a]) => elapsedWorkingDays(st, a) <= 45).length, asm.length);
  assert.ok(asm45 > 72 && asm45 < 97, `assessments ${asm45.toFixed(1)}%`);

  const ic = [...icpcs.values()].filter(([, c]) => c >= s && c <= e);
  const ic15 = pct(ic.filter(([st, c]) => elapsedWorkingDays(st, c) <= 15).length, ic.length);
  assert.ok(ic.length > 30, `${ic.length} ICPCs`);
  assert.ok(ic15 > 62 && ic15 < 95, `ICPC ${ic15.toFixed(1)}%`);
});

test('CP visits within 10 working days near 85% of dues (indicators.md §1.6 chain)', () => {
  const plans = new Map<string, { child: string; start: IsoDate; end: IsoDate | null }>();
  for (const y of YEARS) {
    for (const d of cinDetails(y)) {
      d.tags.forEach(([n, v], i) => {
        if (n !== 'CPPstartDate') return;
        const end = d.tags[i + 1]?.[0] === 'CPPendDate' ? isoDate(d.tags[i + 1]![1]) : null;
        plans.set(`${d.child}|${v}`, { child: d.child, start: isoDate(v), end });
      });
    }
  }
  const visits = new Map<string, IsoDate[]>();
  for (const y of YEARS) {
    for (const r of rowsOf(`${y}/local/cp_visits.csv`)) {
      if (r['child_seen'] !== 'Y') continue;
      if (!visits.has(r['child_id']!)) visits.set(r['child_id']!, []);
      visits.get(r['child_id']!)!.push(isoDate(r['cp_visit_date']!.slice(0, 10)));
    }
  }
  let dues = 0;
  let met = 0;
  for (const p of plans.values()) {
    const vs = (visits.get(p.child) ?? []).sort();
    let a = p.start;
    for (;;) {
      const due = addWorkingDays(a, 10);
      if ((p.end !== null && p.end <= due) || due > e) break;
      const inside = vs.filter((v) => v > a && v <= due);
      if (due >= s) dues++;
      if (inside.length > 0) {
        if (due >= s) met++;
        a = inside[inside.length - 1]!;
      } else {
        const late = vs.find((v) => v > due && v <= addWorkingDays(due, 10));
        a = late ?? due;
      }
    }
  }
  const rate = pct(met, dues);
  assert.ok(dues > 300, `${dues} dues`);
  assert.ok(rate > 74 && rate < 96, `CP visits ${rate.toFixed(1)}%`);
});

test('children in care at 31 March near the LA rate; missing near 11% of children looked after', () => {
  const eps = rowsOf('2021-22/ssda903/episodes.csv').filter((r) => r['LS'] !== 'V3' && r['LS'] !== 'V4');
  const inCare = new Set(
    eps
      .filter((r) => iso903(r['DECOM']!) <= e && (r['DEC'] === '' || iso903(r['DEC']!) > e))
      .map((r) => r['CHILD']),
  );
  const population = Number(
    rowsOf('reference/population.csv').find((r) => r['year'] === '2021-22')!['aged_0_17'],
  );
  const rate = (inCare.size * 10000) / population;
  // data/las.csv gives Darlington about 120 per 10,000.
  assert.ok(rate > 80 && rate < 160, `${rate.toFixed(0)} per 10,000`);
  const during = new Set(eps.map((r) => r['CHILD']));
  const missing = new Set(
    rowsOf('2021-22/ssda903/missing.csv')
      .filter((r) => r['MISSING'] === 'M' && during.has(r['CHILD']))
      .map((r) => r['CHILD']),
  );
  const m = pct(missing.size, during.size);
  assert.ok(m > 5 && m < 19, `missing ${m.toFixed(1)}%`);
});
