/**
 * `npm run bench -- store` (issue 3's import goals):
 * - `cspi import` of `cspi synth --las 1 --years 5` (Darlington) spawned as a user runs it: wall, CPU of the
 *   whole process (start-up included) and peak RSS (goal < 5 s); `cspi import --help` for start-up alone;
 * - the same read + validate + import in this process, for a first and a next LA (a hub worker's cost per
 *   LA), and from it England by population (~535 Darlingtons; goal < 10 min on one core or two workers);
 * - the largest LA of data/las.csv (Kent) synthesised alone and imported by the CLI: peak RSS (goal < 3 GB;
 *   CSPI_BENCH_LARGEST=0 skips it, it takes a few CPU-minutes);
 * - first, generated records straight into importDataset, and loading the merged dataset back.
 * With CSPI_BENCH_NATIONAL=1 also the national set: 153 LAs × 5 years into one database (goal < 10 min,
 * < 3 GB); CSPI_BENCH_NATIONAL_LAS=10 runs 10 LAs and extrapolates. Records are generated here (no personal
 * data): children's care histories over the five years, cut into yearly returns the way the DfE
 * collections cut them (an episode open at 31 March reappears next year), so stitching does real work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { buildIsFresh } from '../scripts/source-fingerprint.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heading, peakRssMb, print } from './measure.js';
import { printTimings, timedCpu } from './cpu-time.js';
import type { IsoDate } from '../src/calendar/iso-date.js';
import { addDays, fromDayNumber, toDayNumber } from '../src/calendar/iso-date.js';
import type { RecordTables, StagedSubmission, StagedTables } from '../src/ingest/staged.js';
import { stagedTablesOf } from '../src/ingest/episode-table.js';
import type { Child } from '../src/model/child.js';
import type { Assessment, CpPlan, Referral, Section47 } from '../src/model/cin.js';
import type { CicReview, Episode, MissingEpisode } from '../src/model/episode.js';
import type { Contact, Visit } from '../src/model/local.js';
import { openDatabase } from '../src/store/open.js';
import { importDataset } from '../src/store/import-dataset.js';
import { assembleVersion, loadDatasetVersion } from '../src/store/load-dataset.js';
import { ingestResult } from '../src/store/test-records.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { runSynth } from '../src/synth/run-synth.js';
import { day } from '../src/synth/day-calendar.js';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadLaTable } from '../src/synth/la-table.js';
import { writeLa } from '../src/synth/write-la.js';
import { collectionYears } from '../src/synth/collection-years.js';

const YEARS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24'];

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sizes {
  /** Children looked after at some point in the five years. */
  readonly cla: number;
  /** Children referred at some point in the five years. */
  readonly cin: number;
}

/** One LA's five yearly SSDA903, CIN and local submissions. */
export function syntheticLa(la: string, seed: number, sizes: Sizes): StagedSubmission[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const start = toDayNumber('2019-04-01' as IsoDate);
  const end = toDayNumber('2024-03-31' as IsoDate);
  const day = (lo: number, hi: number): IsoDate => fromDayNumber(lo + Math.floor(r() * Math.max(1, hi - lo)));
  const yearOf = (d: IsoDate): number =>
    YEARS.findIndex((y) => d >= `${y.slice(0, 4)}-04-01` && d <= `${Number(y.slice(0, 4)) + 1}-03-31`);
  const yearEnd = (i: number): IsoDate => `${Number(YEARS[i]!.slice(0, 4)) + 1}-03-31` as IsoDate;
  const per = YEARS.map(
    (): Required<Pick<RecordTables, 'children' | 'episodes' | 'cicReviews' | 'missingEpisodes'>> => ({
      children: [],
      episodes: [],
      cicReviews: [],
      missingEpisodes: [],
    }),
  );
  const cinPer = YEARS.map(
    (): Required<
      Pick<RecordTables, 'children' | 'referrals' | 'assessments' | 'section47s' | 'cpPlans'>
    > => ({
      children: [],
      referrals: [],
      assessments: [],
      section47s: [],
      cpPlans: [],
    }),
  );
  const local: Required<Pick<StagedTables, 'contacts' | 'cpVisits' | 'claVisits'>> = {
    contacts: [],
    cpVisits: [],
    claVisits: [],
  };
  let id = 0;
  const src = (file: string) => ({ file, position: `line ${++id}` });

  for (let c = 0; c < sizes.cla; c++) {
    const childId = `${la}L${c}`;
    const dob = day(start - 17 * 365, start + 365);
    const child: Child = {
      childId,
      dob,
      sex: pick(['M', 'F']),
      ethnicity: 'WBRI',
      deathDate: null,
      upnHash: null,
      disabilities: [],
      sources: [src('header.csv')],
    };
    // A chain of 1–6 episodes from a random start, the last maybe open at the end of the five years.
    let at = toDayNumber(day(start - 400, end - 30));
    const n = 1 + Math.floor(r() * 6);
    const eps: Episode[] = [];
    for (let k = 0; k < n && at < end; k++) {
      const len = 20 + Math.floor(r() * 500);
      const stop = at + len;
      const open = stop > end;
      eps.push({
        id: `${childId}/${k}`,
        childId,
        decom: fromDayNumber(at),
        rne: k === 0 ? 'S' : pick(['P', 'L', 'T']),
        ls: pick(['C2', 'C1', 'V2', 'E1']),
        cin: pick(['N1', 'N2', 'N4']),
        place: pick(['U4', 'U6', 'U1', 'K2', 'R1']),
        placeProvider: pick(['PR1', 'PR4', 'PR5']),
        dec: open ? null : fromDayNumber(stop),
        rec: open ? null : k === n - 1 ? pick(['E4A', 'E11', 'E13']) : 'X1',
        reasonPlaceChange: null,
        homePost: null,
        plPost: null,
        urn: null,
        plDistance: 3.2,
        source: src('episodes.csv'),
      });
      at = stop;
    }
    // Cut into yearly returns: an episode appears in every year it overlaps; DEC blank while open at that year end.
    const seen = new Set<number>();
    for (const e of eps) {
      const first = Math.max(0, yearOf(e.decom) === -1 ? 0 : yearOf(e.decom));
      const last = e.dec === null ? YEARS.length - 1 : Math.max(first, yearOf(e.dec));
      if (e.decom > yearEnd(YEARS.length - 1)) continue;
      for (let y = first; y <= last && y < YEARS.length; y++) {
        if (e.dec !== null && e.dec < `${YEARS[y]!.slice(0, 4)}-04-01`) continue;
        const closedByNow = e.dec !== null && e.dec <= yearEnd(y);
        per[y]!.episodes.push({
          ...e,
          dec: closedByNow ? e.dec : null,
          rec: closedByNow ? e.rec : null,
          source: src('episodes.csv'),
        });
        seen.add(y);
      }
    }
    for (const y of seen) {
      per[y]!.children.push({ ...child, sources: [src('header.csv')] });
      for (let k = 0; k < 3; k++) {
        const review: CicReview = {
          id: `${childId}/r${y}/${k}`,
          childId,
          reviewDate: addDays(`${YEARS[y]!.slice(0, 4)}-04-01` as IsoDate, 30 + k * 110),
          reviewCode: 'PN1',
          source: src('reviews.csv'),
        };
        per[y]!.cicReviews.push(review);
        local.claVisits.push({
          id: `${childId}/v${y}/${k}`,
          childId,
          visitDate: addDays(review.reviewDate, 3),
          childSeen: true,
          seenAlone: null,
          visitId: null,
          source: src('cla_visits.csv'),
        });
      }
      if (r() < 0.1) {
        const m: MissingEpisode = {
          id: `${childId}/m${y}`,
          childId,
          missing: 'M',
          start: addDays(`${YEARS[y]!.slice(0, 4)}-04-01` as IsoDate, 50),
          end: addDays(`${YEARS[y]!.slice(0, 4)}-04-01` as IsoDate, 52),
          source: src('missing.csv'),
        };
        per[y]!.missingEpisodes.push(m);
      }
    }
  }

  for (let c = 0; c < sizes.cin; c++) {
    const childId = `${la}C${c}`;
    const dob = day(start - 17 * 365, end);
    const refDate = day(start, end - 10);
    const y = yearOf(refDate);
    const closure = r() < 0.8 ? addDays(refDate, 10 + Math.floor(r() * 300)) : null;
    const lastYear =
      closure === null
        ? YEARS.length - 1
        : Math.min(
            YEARS.length - 1,
            Math.max(y, yearOf(closure) === -1 ? YEARS.length - 1 : yearOf(closure)),
          );
    for (let yy = y; yy <= lastYear; yy++) {
      const closedByNow = closure !== null && closure <= yearEnd(yy);
      const rid = `${childId}/${refDate}`;
      const ref: Referral = {
        id: rid,
        childId,
        referralDate: refDate,
        referralSource: pick(['1A', '2A', '3A', '5A', '6']),
        referralSourceRaw: null,
        primaryNeedCode: 'N1',
        closureDate: closedByNow ? closure : null,
        reasonForClosure: closedByNow ? 'RC8' : null,
        dateOfInitialCpc: null,
        referralNfa: false,
        source: src('cin.xml'),
      };
      const t = cinPer[yy]!;
      t.children.push({
        childId,
        dob,
        sex: 'F',
        ethnicity: 'WBRI',
        deathDate: null,
        upnHash: null,
        disabilities: [],
        sources: [src('cin.xml')],
      });
      t.referrals.push(ref);
      if (yy === y) {
        const a: Assessment = {
          id: `${rid}/a`,
          referralId: rid,
          childId,
          startDate: addDays(refDate, 1),
          internalReviewDate: null,
          authorisationDate: addDays(refDate, 30),
          factors: ['3A', '4A'],
          source: src('cin.xml'),
        };
        t.assessments.push(a);
        if (r() < 0.3) {
          const s: Section47 = {
            id: `${rid}/s`,
            referralId: rid,
            childId,
            startDate: addDays(refDate, 2),
            initialCpcTarget: null,
            dateOfInitialCpc: addDays(refDate, 15),
            icpcNotRequired: false,
            source: src('cin.xml'),
          };
          t.section47s.push(s);
        }
        local.contacts.push({
          id: `${childId}/k`,
          childId,
          receivedDate: addDays(refDate, -1),
          receivedAt: `${addDays(refDate, -1)}T10:00`,
          decidedDate: refDate,
          decidedAt: `${refDate}T09:00`,
          outcome: 'referral',
          referralSource: '1A',
          source: src('contacts.csv'),
        } satisfies Contact);
      }
      if (c % 8 === 0) {
        const cpStart = addDays(refDate, 16);
        const cpEnd = closure === null ? null : addDays(closure, -1);
        const p: CpPlan = {
          id: `${childId}/${cpStart}`,
          referralId: rid,
          childId,
          startDate: cpStart,
          endDate: cpEnd !== null && cpEnd <= yearEnd(yy) ? cpEnd : null,
          initialCategoryOfAbuse: 'NEG',
          latestCategoryOfAbuse: 'NEG',
          numberOfPreviousCpp: 0,
          reviewDates: [addDays(cpStart, 90)],
          source: src('cin.xml'),
        };
        t.cpPlans.push(p);
        if (yy === y)
          for (let k = 0; k < 6; k++)
            local.cpVisits.push({
              id: `${childId}/cpv${k}`,
              childId,
              visitDate: addDays(cpStart, 10 * k),
              childSeen: true,
              seenAlone: true,
              visitId: null,
              source: src('cp_visits.csv'),
            } satisfies Visit);
      }
    }
  }

  const subs: StagedSubmission[] = [];
  const file = (name: string, tag: string, n: number) => ({
    name,
    path: `/bench/${name}`,
    size: n * 80,
    sha256: `${la}-${tag}`.padEnd(64, '0'),
    format: 'bench',
    tables: [],
  });
  YEARS.forEach((year, i) => {
    const asAt = yearEnd(i);
    subs.push({
      source: 'ssda903',
      collectionYear: year,
      asAt,
      dateRange: null,
      files: [file('episodes.csv', `903-${year}`, per[i]!.episodes.length)],
      tables: stagedTablesOf(per[i]!),
    });
    subs.push({
      source: 'cin',
      collectionYear: year,
      asAt,
      dateRange: null,
      files: [file('cin.xml', `cin-${year}`, cinPer[i]!.referrals.length)],
      tables: cinPer[i]!,
    });
  });
  const range = { start: '2019-04-01' as IsoDate, end: '2024-03-31' as IsoDate };
  subs.push({
    source: 'local',
    collectionYear: null,
    asAt: '2024-03-31' as IsoDate,
    dateRange: range,
    files: [file('local.csv', 'local', local.contacts.length)],
    tables: local,
  });
  return subs;
}

function rows(subs: readonly StagedSubmission[]): number {
  return subs.reduce(
    (n, s) => n + Object.values(s.tables).reduce((m, t) => m + (t as unknown[]).length, 0),
    0,
  );
}

/** The `store` bench section. */
export async function benchStore(): Promise<void> {
  heading('store: one LA × 5 years into the embedded database (SQLite file)');
  const dir = mkdtempSync(join(tmpdir(), 'cspi-bench-store-'));
  try {
    const subs = syntheticLa('841', 841, { cla: 1200, cin: 9000 });
    const n = rows(subs);
    print({ name: 'records (5 years of 903, CIN and local)', value: n, unit: 'rows' });
    const db = await openDatabase(join(dir, 'cspi.db'), { env: {} });
    const [r, importTime] = await timedCpu(() => importDataset(db, ingestResult('841', subs), { la: '841' }));
    if (r.kind !== 'imported') throw new Error(`bench import ${r.kind}`);
    printTimings('import (1 txn, merge, checks)', importTime, {
      rows: n,
      secsGoal: '< 5 s',
    });
    const [d, loadTime] = await timedCpu(() => loadDatasetVersion(db, '841'));
    printTimings('load current version (its snapshot: one read + parse)', loadTime, { rows: n });
    const [, assembleTime] = await timedCpu(() => assembleVersion(db, d!.version.id));
    printTimings('the same assembled from its records (read every table + merge)', assembleTime, { rows: n });
    print({ name: 'merged episodes', value: d!.dataset.episodes.length, unit: 'rows' });
    print({ name: 'dataset checks', value: r.checks.length, unit: 'issues' });
    await db.close();
    print({ name: 'peak RSS so far', value: peakRssMb(), unit: 'MB' });

    await benchSynthImport(dir);
    await benchLargestLa(dir);

    const nationalLas = Number(
      process.env['CSPI_BENCH_NATIONAL_LAS'] ?? (process.env['CSPI_BENCH_NATIONAL'] === '1' ? 153 : 0),
    );
    if (nationalLas > 0) await benchNational(dir, nationalLas);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Children aged 0-17 in Darlington, the LA `synth --las 1` writes (data/las.csv). */
const DARLINGTON_CHILDREN = 22_500;

/** Children aged 0-17 in England: the sum over data/las.csv. */
function englandChildren(): number {
  const text = readFileSync(new URL('../data/las.csv', import.meta.url), 'utf8');
  const [head, ...lines] = text.trim().split('\n');
  const names = head!.split(',');
  // Counted from the end: a quoted name may hold a comma ("Kingston upon Hull, City of").
  const fromEnd = names.length - names.indexOf('children_0_17');
  return lines.reduce((n, l) => {
    const cells = l.split(',');
    return n + Number(cells[cells.length - fromEnd]);
  }, 0);
}

function folderBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

/** The `cspi` command as a user runs it. */
const CLI = fileURLToPath(new URL('../bin/cspi.js', import.meta.url));

/** What a `cspi` process used, reported by itself at exit: whole-process CPU (all threads) and peak RSS. */
interface ProcessUsage {
  readonly wall: number;
  readonly cpu: number;
  readonly peakRssMb: number;
  readonly status: number | null;
}

/**
 * Runs `cspi args…` in its own process, start-up included, and measures it: wall seconds here, CPU seconds
 * and peak RSS reported by the process itself at exit (a preloaded plain-JS module, loaded before tsx).
 */
async function runCli(dir: string, args: readonly string[]): Promise<ProcessUsage> {
  const preload = join(dir, 'report-usage.mjs');
  const out = join(dir, `usage-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    preload,
    [
      "import { writeFileSync } from 'node:fs';",
      "process.on('exit', () => {",
      '  const c = process.cpuUsage();',
      '  const usage = { cpu: (c.user + c.system) / 1e6, maxRssKb: process.resourceUsage().maxRSS };',
      '  writeFileSync(process.env.CSPI_BENCH_USAGE, JSON.stringify(usage));',
      '});',
      '',
    ].join('\n'),
  );
  const t0 = process.hrtime.bigint();
  const status = await new Promise<number | null>((done, fail) => {
    // Node's flags as the `cspi` command passes them (bin/cspi.js), then the usage recorder.
    const node = ['--max-semi-space-size=64', '--import', pathToFileURL(preload).href];
    const child = spawn(process.execPath, [...node, CLI, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CSPI_BENCH_USAGE: out },
    });
    child.on('error', fail);
    child.on('exit', (code) => done(code));
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const u = JSON.parse(readFileSync(out, 'utf8')) as { cpu: number; maxRssKb: number };
  return { wall, cpu: u.cpu, peakRssMb: u.maxRssKb / 1024, status };
}

/**
 * `cspi import` of `cspi synth --las 1 --years 5` (Darlington) as a user runs it (goal < 5 s, start-up
 * included), then in this process (read + validate, import) for the cost per LA behind the national figure.
 */
async function benchSynthImport(dir: string): Promise<void> {
  const data = join(dir, 'synth');
  await runSynth({
    out: data,
    las: 1,
    years: 5,
    extract: day('2022-03-31'),
    seed: '1',
    faults: [],
    scale: 1,
  });
  const la = join(data, '841');
  const mb = folderBytes(la) / 1e6;
  heading(
    `store: cspi import of synth --las 1 --years 5 (Darlington, ${mb.toFixed(1)} MB), as a user runs it, ${
      buildIsFresh(fileURLToPath(new URL('..', import.meta.url)))
        ? 'from the compiled build'
        : 'from the sources through tsx (dist/ is missing or stale: npm run build)'
    }`,
  );
  const cli = await runCli(dir, [
    'import',
    la,
    '--la',
    '841',
    '--db',
    join(dir, 'cli.db'),
    '--report-dir',
    dir,
  ]);
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`bench: cspi import exited ${cli.status}`);
  print({
    name: '`cspi import` end to end (start-up included), wall',
    value: cli.wall,
    unit: 's',
    goal: '< 5 s',
  });
  print({ name: '`cspi import` end to end, CPU (all threads)', value: cli.cpu, unit: 's', goal: '< 5 s' });
  print({ name: '`cspi import` end to end, peak RSS', value: cli.peakRssMb, unit: 'MB' });
  const help = await runCli(dir, ['import', '--help']);
  print({ name: '`cspi import --help` (start-up alone), CPU', value: help.cpu, unit: 's' });

  heading('store: the same import in this process (no start-up), the cost per LA of a hub worker');
  // A hub worker imports LA after LA in one process: the first run pays for compiling the code, the
  // second is what each further LA costs (and what the national figure uses).
  let warm = { wall: 0, cpu: 0 };
  for (const run of ['first LA', 'next LA'] as const) {
    const db = await openDatabase(join(dir, `synth-${run === 'first LA' ? 1 : 2}.db`), { env: {} });
    try {
      const [ingest, readTime] = await timedCpu(() => readInputs([la], { la: '841' }));
      if (ingest.refused) throw new Error(`bench synth input refused: ${ingest.issues[0]?.message}`);
      const rowsRead = ingest.counts.reduce((s, c) => s + c.read, 0);
      printTimings(`${run}: read + validate`, readTime, { mb, rows: rowsRead });
      const [r, importTime] = await timedCpu(() => importDataset(db, ingest, { la: '841' }));
      if (r.kind !== 'imported') throw new Error(`bench synth import ${r.kind}`);
      printTimings(`${run}: import`, importTime, { rows: rowsRead });
      warm = { wall: readTime.wall + importTime.wall, cpu: readTime.cpu + importTime.cpu };
      print({ name: `${run}: read + validate + import, CPU`, value: warm.cpu, unit: 's' });
    } finally {
      await db.close();
    }
  }
  // England at this LA's cost per child: the national set is ~535 Darlingtons, not 153.
  const scale = englandChildren() / DARLINGTON_CHILDREN;
  print({
    name: `national by population (x${scale.toFixed(0)} this LA), CPU, one core`,
    value: (warm.cpu * scale) / 60,
    unit: 'min',
    goal: '< 10 min',
  });
  print({
    name: 'national by population, two workers in parallel',
    value: (warm.cpu * scale) / 2 / 60,
    unit: 'min',
    goal: '< 10 min',
  });
}

/**
 * The largest LA of data/las.csv (Kent, ~15 Darlingtons by children) synthesised alone and imported with
 * `cspi import`: its peak RSS (goal < 3 GB). Skipped with CSPI_BENCH_LARGEST=0 (it takes a few CPU-minutes).
 */
async function benchLargestLa(dir: string): Promise<void> {
  const table = loadLaTable();
  const la = [...table].sort((a, b) => b.children - a.children)[0]!;
  const scale = la.children / DARLINGTON_CHILDREN;
  heading(
    `store: the largest LA, ${la.name} (${la.code}, x${scale.toFixed(1)} Darlington by children), cspi import`,
  );
  if (process.env['CSPI_BENCH_LARGEST'] === '0') {
    console.log('  skipped (CSPI_BENCH_LARGEST=0)');
    return;
  }
  const data = join(dir, 'largest');
  const extract = day('2022-03-31');
  const [written, synthTime] = await timedCpu(() =>
    writeLa(la, table, {
      out: data,
      seed: '1',
      extract,
      years: collectionYears(extract, 5),
      scale: 1,
      faults: [],
    }),
  );
  const rows = written.files.reduce((n, f) => n + f.rows, 0);
  print({
    name: `synthetic data: ${rows.toLocaleString('en-GB')} rows (not counted below), CPU`,
    value: synthTime.cpu,
    unit: 's',
  });
  const folder = join(data, la.code);
  const cli = await runCli(dir, [
    'import',
    folder,
    '--la',
    la.code,
    '--db',
    join(dir, 'largest.db'),
    '--report-dir',
    dir,
  ]);
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`bench: cspi import exited ${cli.status}`);
  print({
    name: `\`cspi import\` ${(folderBytes(folder) / 1e6).toFixed(0)} MB, wall`,
    value: cli.wall,
    unit: 's',
  });
  print({ name: '`cspi import`, CPU (all threads)', value: cli.cpu, unit: 's' });
  print({ name: '`cspi import`, peak RSS', value: cli.peakRssMb, unit: 'MB', goal: '< 3,000 MB' });
}

/**
 * The national set: `las` LAs × 5 years into one SQLite file (153 with CSPI_BENCH_NATIONAL=1; fewer with
 * CSPI_BENCH_NATIONAL_LAS=n, extrapolated to 153 from the per-LA cost of the later half of the LAs, when
 * the database already holds others).
 */
async function benchNational(dir: string, las: number): Promise<void> {
  heading(`store: national set, ${las} LAs × 5 years into one SQLite file`);
  const nat = await openDatabase(join(dir, 'national.db'), { env: {} });
  let total = 0;
  const perLa: number[] = [];
  const [, natTime] = await timedCpu(async () => {
    for (let i = 0; i < las; i++) {
      const la = String(800 + i);
      const s = syntheticLa(la, 1000 + i, { cla: 1200, cin: 9000 });
      total += rows(s);
      const [res, t] = await timedCpu(() => importDataset(nat, ingestResult(la, s), { la }));
      if (res.kind !== 'imported') throw new Error(`bench import ${res.kind}`);
      perLa.push(t.cpu);
    }
  });
  await nat.close();
  print({ name: `national import (${las} LAs), wall`, value: natTime.wall / 60, unit: 'min' });
  print({
    name: `national import (${las} LAs), CPU incl. generating the records`,
    value: natTime.cpu / 60,
    unit: 'min',
    ...(las === 153 ? { goal: '< 10 min' } : {}),
  });
  printTimings('national import', natTime, { rows: total });
  const later = perLa.slice(Math.floor(perLa.length / 2));
  const importCpu = later.reduce((a, b) => a + b, 0) / later.length;
  print({ name: 'import CPU per LA (later half of the LAs)', value: importCpu, unit: 's' });
  if (las < 153) {
    print({
      name: 'national import CPU extrapolated to 153 LAs',
      value: (importCpu * 153) / 60,
      unit: 'min',
      goal: '< 10 min',
    });
  }
  print({ name: 'peak RSS', value: peakRssMb(), unit: 'MB', goal: '< 3,000 MB' });
}
