import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heading } from './measure.js';
import { printTimings, timedCpu, type Timing } from './cpu-time.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import type { IsoDate } from '../src/calendar/iso-date.js';
import { streamCsv } from '../src/ingest/csv/stream-csv.js';
import { resolveLimits } from '../src/ingest/limits.js';
import { CheckedDecoder, decodePieces } from '../src/ingest/checked-decoder.js';
import { fileChunks } from '../src/ingest/file-chunks.js';
import { SaxesParser } from 'saxes';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runSynth } from '../src/synth/run-synth.js';
import { day } from '../src/synth/day-calendar.js';

const TODAY = '2024-06-01' as IsoDate;

async function writeLines(
  path: string,
  lines: (i: number) => string,
  count: number,
  head = '',
  tail = '',
): Promise<void> {
  const out = createWriteStream(path);
  out.write(head);
  let buf = '';
  for (let i = 0; i < count; i++) {
    buf += lines(i);
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf + tail);
  out.end();
  await once(out, 'finish');
}

/** V8's full garbage collection, reached without starting node with --expose-gc. */
const gc = ((): (() => void) => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Collects garbage before a first run, so it pays for no records an earlier section left behind. */
function collectGarbage(): void {
  gc();
}

/** Untimed runs between the first run and the steady-state runs, and how many steady-state runs are timed. */
const WARM_UP_RUNS = 2;
const STEADY_RUNS = 24;

/**
 * Times a reader's first run and its steady state. The first run starts from a collected heap: what one
 * `cspi import` sees (code lists loaded, code not yet optimised by V8). The steady state is what a process
 * importing one file after another sees (a hub worker): after two more untimed runs, 24 timed runs with no
 * forced collection after the first, given as their mean (total CPU time over total bytes) and their median.
 * The mean is the figure: one run's CPU time depends on which collections fall in it (a run allocates about as
 * much as the 64 MB young generation, so most hold one scavenge and some none, and about one in eight a
 * mark-compact of the old generation; runs of the SSDA903 set took 186–231 ms without a collection, 217–299
 * with a scavenge and about 445 with a mark-compact, docs/performance-history.md), so a median of a few runs
 * moves with the phase of the collections, not with the code; 24 runs span about three whole cycles. V8 is
 * still optimising in the second and third runs (the third took 230–430 ms on the CIN file where later runs
 * settle near 230), and a forced full collection is no way to start a steady-state run: V8 then drops the type
 * feedback that points at objects it frees (the previous run's parser and records), and the next run
 * re-optimises from scratch. saxes alone read the bench's CIN file at about 64 MB/s after a forced collection
 * and about 105 MB/s without.
 */
async function firstAndSteady<T>(
  run: () => Promise<T>,
  report: (label: string, result: T, time: Timing) => void,
): Promise<void> {
  collectGarbage();
  const [first, firstTime] = await timedCpu(run);
  report('first run', first, firstTime);
  for (let i = 0; i < WARM_UP_RUNS; i++) await run();
  // Each run's result is let go before the next, as a hub worker keeps one LA's records at a time (holding all
  // 24 kept some 700 MB alive, and each mark-compact traced it); the report reads the counts of one of them,
  // which every run gives alike.
  const [kept, keptTime] = await timedCpu(run);
  const times: Timing[] = [keptTime];
  for (let i = 1; i < STEADY_RUNS; i++) times.push((await timedCpu(run))[1]);
  const mean: Timing = {
    wall: times.reduce((a, t) => a + t.wall, 0) / STEADY_RUNS,
    cpu: times.reduce((a, t) => a + t.cpu, 0) / STEADY_RUNS,
  };
  report(`steady state (mean of ${STEADY_RUNS} runs)`, kept, mean);
  times.sort((a, b) => a.cpu - b.cpu);
  report(`steady state (median of ${STEADY_RUNS} runs)`, kept, times[Math.floor(STEADY_RUNS / 2)]!);
}

/** A CIN census of n children, each with 2 referrals, an assessment, an S47 and a CP plan with 2 reviews. */
export async function writeCin(path: string, n: number): Promise<void> {
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n <Header><CollectionDetails><Collection>CIN</Collection><Year>2022</Year><ReferenceDate>2022-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>841</LEA><SoftwareCode>b</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo><DateTime>2022-05-01T10:00:00</DateTime></Source></Header>\n <Children>\n`;
  const child = (i: number): string => `  <Child>
   <ChildIdentifiers><LAchildID>C${i}</LAchildID><UPN>A12345678901${i % 10}</UPN><PersonBirthDate>2012-0${(i % 9) + 1}-1${i % 10}</PersonBirthDate><GenderCurrent>${(i % 2) + 1}</GenderCurrent></ChildIdentifiers>
   <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
   <CINdetails>
    <CINreferralDate>2021-05-0${(i % 9) + 1}</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>2021-09-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>
    <Assessments><AssessmentActualStartDate>2021-05-10</AssessmentActualStartDate><AssessmentAuthorisationDate>2021-06-10</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>3A</AssessmentFactors><AssessmentFactors>4B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
    <Section47><S47ActualStartDate>2021-05-11</S47ActualStartDate><InitialCPCtarget>2021-06-01</InitialCPCtarget><DateOfInitialCPC>2021-05-28</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>
    <ReferralNFA>0</ReferralNFA>
    <ChildProtectionPlans><CPPstartDate>2021-05-28</CPPstartDate><CPPendDate>2021-08-30</CPPendDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews><CPPreviewDate>2021-06-20</CPPreviewDate><CPPreviewDate>2021-08-20</CPPreviewDate></Reviews></ChildProtectionPlans>
   </CINdetails>
   <CINdetails><CINreferralDate>2021-11-0${(i % 9) + 1}</CINreferralDate><ReferralSource>2A</ReferralSource><ReferralNFA>1</ReferralNFA></CINdetails>
  </Child>
`;
  await writeLines(path, child, n, head, ' </Children>\n</Message>\n');
}

/** An SSDA903 set of n children, 4 chained episodes each. */
export async function write903(dir: string, n: number): Promise<void> {
  await writeLines(
    join(dir, 'header.csv'),
    (i) => `${100000 + i},${(i % 2) + 1},0${(i % 9) + 1}/02/2010,WBRI,,,\n`,
    n,
    'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n',
  );
  await writeLines(
    join(dir, 'episodes.csv'),
    (i) =>
      `${100000 + i},01/04/2021,S,C2,N1,U4,PR1,01/06/2021,X1,,DL1 5AB,DL2 6CD,SC123456\n` +
      `${100000 + i},01/06/2021,P,C2,N1,K2,PR4,01/09/2021,X1,CARPL,DL1 5AB,DL3 6CD,SC654321\n` +
      `${100000 + i},01/09/2021,T,C2,N1,U4,PR1,01/12/2021,X1,,DL1 5AB,DL2 6CD,SC123456\n` +
      `${100000 + i},01/12/2021,L,E1,N1,U4,PR1,01/03/2022,E11,,DL1 5AB,DL2 6CD,SC123456\n`,
    n,
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n',
  );
}

/**
 * saxes over a file with position tracking, every event counted (what streamXml sits on), fed as the reader
 * feeds it: 1 MiB reads checked and decoded in 64 KiB pieces. (Fed whole 1 MiB strings, saxes reaches about
 * half the speed here: V8 allocates each in its large-object space.)
 */
async function saxesAlone(path: string): Promise<number> {
  const parser = new SaxesParser({ position: true });
  let events = 0;
  parser.on('opentag', () => events++);
  parser.on('text', () => events++);
  parser.on('closetag', () => events++);
  const decoder = new CheckedDecoder({ file: 'cin.xml', encoding: 'utf-8', maxLineBytes: Infinity });
  const write = (text: string): void => void parser.write(text);
  for await (const chunk of fileChunks(path)) decodePieces(decoder, chunk, write);
  parser.close();
  return events;
}

/**
 * The same reading of what `cspi synth` writes for one LA (Darlington, 2021-22): real-sized files with every
 * SSDA903 table and the CIN census as the synthesiser shapes them (set CSPI_BENCH_INGEST_SYNTH=0 to skip).
 */
async function benchSynthOutput(dir: string): Promise<void> {
  const out = join(dir, 'synth');
  await runSynth({
    out,
    las: 1,
    years: 1,
    extract: day('2022-03-31'),
    seed: 'bench',
    faults: [],
    scale: 1,
  });
  const year = join(out, '841', '2021-22');
  const size = (p: string): number =>
    statSync(p).isDirectory() ? readdirSync(p).reduce((s, f) => s + size(join(p, f)), 0) : statSync(p).size;
  for (const [label, path] of [
    ['CIN XML', join(year, 'cin_census.xml')],
    ['SSDA903 CSV set', join(year, 'ssda903')],
  ] as const) {
    const mb = size(path) / 1e6;
    heading(
      `ingest: cspi synth output, Darlington 2021-22, ${label} (${mb.toFixed(1)} MB), parse + validate + map`,
    );
    await firstAndSteady(
      () => readInputs([path], { today: TODAY, la: '841' }),
      (run, r, time) => {
        if (r.refused) throw new Error(`bench synth ${label} refused: ${r.issues[0]?.message}`);
        const rows = r.counts.reduce((s, c) => s + c.read, 0);
        printTimings(`synth ${label}, ${run}`, time, { mb, rows });
      },
    );
  }
}

/**
 * Reading + validating + mapping throughput of the CIN XML and SSDA903 CSV readers, on one core: each as a
 * first run and a steady state ({@link firstAndSteady}: the first run from a collected heap, as one
 * `cspi import` sees it; the steady state the mean (and median) of 24 runs after two untimed ones, as a hub worker
 * reading one LA after another sees it). A reference line gives what saxes alone (or the CSV row reader alone)
 * reaches on the same file in the same run, since the machine's load moves every figure. The files are ~8 MB
 * each by default (CSPI_BENCH_CIN_CHILDREN=20000 and CSPI_BENCH_903_CHILDREN=100000 give ~32 MB): already far
 * more SSDA903 rows than any LA returns, and a large LA's CIN census.
 * The real synth output follows.
 */
export async function benchIngest(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-bench-ingest-'));
  try {
    const cinN = Number(process.env['CSPI_BENCH_CIN_CHILDREN'] ?? 5_000);
    const cinPath = join(dir, 'cin.xml');
    await writeCin(cinPath, cinN);
    const cinMb = statSync(cinPath).size / 1e6;
    heading(
      `ingest: CIN census XML, ${cinN.toLocaleString('en-GB')} children (${cinMb.toFixed(1)} MB), parse + validate + map`,
    );
    await firstAndSteady(
      () => readInputs([cinPath], { today: TODAY }),
      (run, cin, cinTime) => {
        const cinRows = cin.counts.reduce((s, c) => s + c.read, 0);
        if (cin.refused) throw new Error(`bench CIN input refused: ${cin.issues[0]?.message}`);
        printTimings(`CIN XML, ${run}`, cinTime, { mb: cinMb, rows: cinRows, mbGoal: '≥ 40 MB/s' });
      },
    );
    // The ceiling on this machine now: saxes alone over the same file (position tracking on, no handlers' work).
    await firstAndSteady(
      () => saxesAlone(cinPath),
      (run, _events, saxTime) =>
        printTimings(`reference: saxes alone, same file, ${run}`, saxTime, { mb: cinMb }),
    );
    rmSync(cinPath);

    const n903 = Number(process.env['CSPI_BENCH_903_CHILDREN'] ?? 25_000);
    const set = join(dir, '903');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(set);
    await write903(set, n903);
    const mb903 = (statSync(join(set, 'header.csv')).size + statSync(join(set, 'episodes.csv')).size) / 1e6;
    heading(
      `ingest: SSDA903 CSV set, ${n903.toLocaleString('en-GB')} children, ${(4 * n903).toLocaleString('en-GB')} episodes (${mb903.toFixed(1)} MB), parse + validate + map`,
    );
    await firstAndSteady(
      () => readInputs([set], { today: TODAY }),
      (run, s903, time903) => {
        if (s903.refused) throw new Error(`bench 903 input refused: ${s903.issues[0]?.message}`);
        const rows903 = s903.counts.reduce((s, c) => s + c.read, 0);
        printTimings(`SSDA903 CSV, ${run}`, time903, { mb: mb903, rows: rows903, mbGoal: '≥ 40 MB/s' });
      },
    );
    // The ceiling of the reader alone: decoding the same files and finding each row's fields (where they stand in
    // the line, as the reader hands them on: no string per field), no mapping or rules.
    await firstAndSteady(
      async () => {
        for (const f of ['header.csv', 'episodes.csv']) {
          const path = join(set, f);
          await streamCsv({ path, file: f, limits: resolveLimits({}), columns: 13, rows: { row: () => {} } });
        }
      },
      (run, _none, rowTime) =>
        printTimings(`reference: CSV decode + rows alone, same files, ${run}`, rowTime, { mb: mb903 }),
    );
    rmSync(set, { recursive: true, force: true });

    if (process.env['CSPI_BENCH_INGEST_SYNTH'] !== '0') await benchSynthOutput(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
