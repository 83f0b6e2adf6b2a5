import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heading, print, timed } from './measure.js';
import { timedCpu } from './cpu-time.js';
import { syntheticLa } from './store.js';
import { addDays, fromDayNumber, isoDate, toDayNumber } from '../src/calendar/iso-date.js';
import type { IsoDate } from '../src/calendar/iso-date.js';
import { parsePeriod } from '../src/calendar/period.js';
import type { Assessment, CpPlan, Referral, Section47 } from '../src/model/cin.js';
import type { Child } from '../src/model/child.js';
import type { CicReview, Episode } from '../src/model/episode.js';
import type { Allocation, Contact, Visit } from '../src/model/local.js';
import { type LaDataset, emptyDataset } from '../src/model/la-dataset.js';
import type { TableName } from '../src/model/source.js';
import { computeReport } from '../src/indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../src/indicators/input.js';
import { INDICATORS } from '../src/indicators/registry.js';
import { DEFAULT_SETTINGS } from '../src/indicators/settings.js';
import { saveIndicatorReport } from '../src/hub/indicator-results.js';
import { openDatabase } from '../src/store/open.js';
import { importDataset } from '../src/store/import-dataset.js';
import { loadFiguresDataset } from '../src/store/load-dataset.js';
import { ingestResult } from '../src/store/test-records.js';
import type { Database } from '../src/store/database.js';
import { type LaInfo, loadLaTable } from '../src/synth/la-table.js';

const SRC = { file: 'bench', position: 'line 1' };
const SOURCES = ['1A', '2A', '2A', '2B', '3A', '3C', '4', '5A', '6', '6', '6', '7', '8', '9', '10', null];

/**
 * A large LA's records built directly (no files, no store): `children` children over three years of CIN
 * history with referrals, assessments, S47s, CP plans, contacts, allocations, CP visits, and a children-
 * in-care population with episodes and reviews. Deterministic (seeded).
 */
export function generate(children: number): LaDataset {
  let seed = 42;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const int = (n: number): number => Math.floor(rnd() * n);
  const start = toDayNumber(isoDate('2019-04-01'));
  const span = toDayNumber(isoDate('2022-03-31')) - start;
  const day = (offset: number): IsoDate => fromDayNumber(start + offset);
  const kids: Child[] = [];
  const referrals: Referral[] = [];
  const assessments: Assessment[] = [];
  const s47s: Section47[] = [];
  const plans: CpPlan[] = [];
  const contacts: Contact[] = [];
  const allocations: Allocation[] = [];
  const cpVisits: Visit[] = [];
  const episodes: Episode[] = [];
  const reviews: CicReview[] = [];
  for (let c = 0; c < children; c++) {
    const childId = `K${c}`;
    kids.push({
      childId,
      dob: day(-365 * (1 + int(16))),
      sex: rnd() < 0.5 ? 'M' : 'F',
      ethnicity: 'WBRI',
      deathDate: null,
      upnHash: null,
      disabilities: [],
      sources: [SRC],
    });
    const nRef = 1 + int(3);
    for (let k = 0; k < nRef; k++) {
      const rd = int(span - 60);
      const refId = `R${c}-${k}`;
      const received = day(rd - int(3));
      contacts.push({
        id: `CT${c}-${k}`,
        childId,
        receivedDate: received,
        receivedAt: `${received}T10:00`,
        decidedDate: day(rd),
        decidedAt: `${day(rd)}T16:00`,
        outcome: 'referral',
        referralSource: null,
        source: SRC,
      });
      referrals.push({
        id: refId,
        childId,
        referralDate: day(rd),
        referralSource: SOURCES[int(SOURCES.length)]!,
        referralSourceRaw: null,
        primaryNeedCode: 'N1',
        closureDate: null,
        reasonForClosure: null,
        dateOfInitialCpc: null,
        referralNfa: false,
        source: SRC,
      });
      if (rnd() < 0.75) {
        assessments.push({
          id: `A${c}-${k}`,
          referralId: refId,
          childId,
          startDate: day(rd + 1),
          internalReviewDate: null,
          authorisationDate: rnd() < 0.95 ? day(rd + 20 + int(60)) : null,
          factors: [],
          source: SRC,
        });
      }
      if (rnd() < 0.15) {
        const s47 = rd + 2;
        s47s.push({
          id: `S${c}-${k}`,
          referralId: refId,
          childId,
          startDate: day(s47),
          initialCpcTarget: null,
          dateOfInitialCpc: rnd() < 0.6 ? day(s47 + 10 + int(20)) : null,
          icpcNotRequired: false,
          source: SRC,
        });
        if (rnd() < 0.5) {
          const ps = s47 + 25;
          const end = rnd() < 0.7 ? ps + 90 + int(800) : null;
          plans.push({
            id: `P${c}-${k}`,
            referralId: refId,
            childId,
            startDate: day(ps),
            endDate: end === null ? null : day(end),
            initialCategoryOfAbuse: 'NEG',
            latestCategoryOfAbuse: 'NEG',
            numberOfPreviousCpp: int(2),
            reviewDates: [],
            source: SRC,
          });
          for (let v = ps + 5; v < (end ?? span + 30); v += 7 + int(10)) {
            cpVisits.push({
              id: `V${c}-${k}-${v}`,
              childId,
              visitDate: day(v),
              childSeen: true,
              seenAlone: null,
              visitId: null,
              source: SRC,
            });
          }
          allocations.push({
            id: `AL${c}-${k}`,
            childId,
            workerId: `W${int(80)}`,
            start: day(ps - int(5)),
            end: null,
            role: 'social-worker',
            team: null,
            source: SRC,
          });
        }
      }
    }
    if (c % 8 === 0) {
      // About one child in eight is in care: three episodes, the last open or ended.
      let d = int(span - 200);
      for (let e = 0; e < 3; e++) {
        const len = 30 + int(300);
        const last = e === 2;
        const dec = last && rnd() < 0.6 ? null : day(d + len);
        episodes.push({
          id: `E${c}-${e}`,
          childId,
          decom: day(d),
          rne: e === 0 ? 'S' : 'P',
          ls: 'C2',
          cin: 'N1',
          place: e === 1 ? 'U4' : 'U1',
          placeProvider: 'PR1',
          dec,
          rec: dec === null ? null : last ? 'E11' : 'X1',
          reasonPlaceChange: null,
          homePost: null,
          plPost: `DL${e} 1AA`,
          urn: null,
          plDistance: 5 + int(40),
          source: SRC,
        });
        for (let r = d + 20; r < d + len; r += 90 + int(120)) {
          reviews.push({ id: `RV${c}-${r}`, childId, reviewDate: day(r), reviewCode: null, source: SRC });
        }
        d += len;
      }
    }
  }
  const tables: TableName[] = [
    'cin-child',
    'cin-details',
    'assessments',
    'section47',
    'cp-plans',
    'contacts',
    'allocations',
    'workers',
    'cp-visits',
    'header',
    'episodes',
    'reviews',
  ];
  const asAt = addDays(day(span), 10);
  return {
    ...emptyDataset('841'),
    tables: new Set(tables),
    asAt: { cin: asAt, ssda903: asAt, local: { contacts: asAt, 'cp-visits': asAt, allocations: asAt } },
    historyStart: { cin: day(0), ssda903: day(0) },
    children: kids,
    referrals,
    assessments,
    section47s: s47s,
    cpPlans: plans,
    contacts,
    allocations,
    workers: Array.from({ length: 80 }, (_, i) => ({
      workerId: `W${i}`,
      qualifiedSw: i % 10 !== 0,
      sweRegistration: null,
      source: SRC,
    })),
    cpVisits,
    episodes,
    cicReviews: reviews,
  };
}

/** All indicators for one LA and one quarter, each with previous quarter, last year and 8-quarter trend. */
export async function benchIndicators(): Promise<void> {
  const children = 8000;
  heading(
    `indicators: every indicator for one LA, 2021-22-Q3, with its 8-quarter trend (${children} children)`,
  );
  const [data, genSecs] = await timed(() => generate(children));
  print({ name: 'generate records (not part of the goal)', value: genSecs, unit: 's' });
  print({ name: 'referrals in the dataset', value: data.referrals.length, unit: 'rows' });
  print({ name: 'episodes in the dataset', value: data.episodes.length, unit: 'rows' });
  const [input, inputSecs] = await timed(() => buildIndicatorInput(data));
  print({ name: 'buildIndicatorInput (care histories)', value: inputSecs, unit: 's' });
  const request = {
    input,
    period: parsePeriod('2021-22-Q3'),
    settings: DEFAULT_SETTINGS,
    targets: null,
    dataset: { id: 'bench', hash: 'bench', asAt: data.asAt.cin },
  };
  const cpu0 = process.cpuUsage();
  const [report, secs] = await timed(() => computeReport(request, INDICATORS));
  const cpu = process.cpuUsage(cpu0);
  print({
    name: `computeReport (${report.indicators.length} indicators × 8 quarters)`,
    value: secs,
    unit: 's',
    goal: '< 1 s',
  });
  print({ name: 'computeReport CPU time (user + system)', value: (cpu.user + cpu.system) / 1e6, unit: 's' });
  print({ name: 'total: input + report', value: inputSecs + secs, unit: 's', goal: '< 1 s' });
  const [, again] = await timed(() =>
    JSON.stringify(computeReport({ ...request, input: buildIndicatorInput(data) }, INDICATORS)),
  );
  print({ name: 'computeReport again, new input + JSON (warm)', value: again, unit: 's' });
  await benchNational();
}

/** Darlington (the first LA of data/las.csv) over five years of `cspi synth`: children in care, children referred. */
const DARLINGTON = { children: 22_500, claPer10000: 120, cla: 779, cin: 6946 };

/** One LA's five years of records for the national set, sized by its children and care rate from data/las.csv. */
function laSizes(la: LaInfo): { cla: number; cin: number } {
  const scale = la.children / DARLINGTON.children;
  return {
    cla: Math.max(5, Math.round(DARLINGTON.cla * scale * (la.claPer10000 / DARLINGTON.claPer10000))),
    cin: Math.max(20, Math.round(DARLINGTON.cin * scale)),
  };
}

/**
 * What the hub worker does per LA (src/hub/compute-la.ts): load the current version for its figures (the lean
 * load: no source references or checks), compute the period's headline figures, store them.
 */
async function computeLa(
  db: Database,
  la: string,
  period: string,
): Promise<{ load: number; compute: number; save: number }> {
  const [loaded, load] = await timedCpu(() => loadFiguresDataset(db, la));
  if (!loaded) throw new Error(`bench national: no dataset for ${la}`);
  const [report, compute] = await timedCpu(() =>
    computeReport(
      {
        input: buildIndicatorInput(loaded.dataset),
        period: parsePeriod(period),
        settings: DEFAULT_SETTINGS,
        targets: null,
        dataset: {
          id: loaded.version.id,
          hash: loaded.version.contentHash,
          asAt: loaded.version.extractDate,
        },
        figuresOnly: true,
      },
      INDICATORS,
    ),
  );
  const [, save] = await timedCpu(() => saveIndicatorReport(db, report, '2024-04-01T00:00:00Z'));
  return { load: load.cpu, compute: compute.cpu, save: save.cpu };
}

/**
 * The national set for one quarter: load + compute + store every LA, one process (the hub's two workers
 * halve the wall time on two cores). Default: the first 10 LAs of data/las.csv, five years of synthetic
 * records each sized by the LA's children (bench/store.ts `syntheticLa`, Darlington = 779 children in care
 * and 6,946 referred), imported first (not timed), extrapolated to England by children (≈ 535 Darlingtons).
 * `CSPI_BENCH_NATIONAL_LAS=n` measures n LAs (0: none), `CSPI_BENCH_NATIONAL=1` all 153; `CSPI_BENCH_NATIONAL_DB=FILE`
 * measures every LA of an existing store instead (e.g. `cspi synth --las 153` imported), for
 * `CSPI_BENCH_NATIONAL_PERIOD` (default 2021-22-Q4 there, 2023-24-Q4 on the generated set).
 */
async function benchNational(): Promise<void> {
  const table = loadLaTable();
  const byCode = new Map(table.map((l) => [l.code, l]));
  const england = table.reduce((n, l) => n + l.children, 0);
  const existing = process.env['CSPI_BENCH_NATIONAL_DB'];
  const n = Number(
    process.env['CSPI_BENCH_NATIONAL_LAS'] ??
      (process.env['CSPI_BENCH_NATIONAL'] === '1' ? table.length : 10),
  );
  if (!existing && n <= 0) return; // CSPI_BENCH_NATIONAL_LAS=0: the single LA only
  const period = process.env['CSPI_BENCH_NATIONAL_PERIOD'] ?? (existing ? '2021-22-Q4' : '2023-24-Q4');
  const dir = existing ? null : mkdtempSync(join(tmpdir(), 'cspi-bench-national-'));
  try {
    const db = await openDatabase(existing ?? join(dir!, 'national.db'), { env: {} });
    let las: string[];
    if (existing) {
      const rows = await db.all<{ la: string }>('SELECT DISTINCT la FROM dataset_versions ORDER BY la');
      las = rows.map((r) => r.la);
    } else {
      las = table.slice(0, n).map((l) => l.code);
      const [, setup] = await timedCpu(async () => {
        for (const [i, la] of las.entries()) {
          const subs = syntheticLa(la, 2000 + i, laSizes(byCode.get(la)!));
          const r = await importDataset(db, ingestResult(la, subs), { la });
          if (r.kind !== 'imported') throw new Error(`bench national import ${la}: ${r.kind}`);
        }
      });
      print({
        name: `set-up: ${las.length} LAs generated and imported (not timed)`,
        value: setup.wall,
        unit: 's',
      });
    }
    heading(
      `indicators: national set, one quarter (${period}) per LA, load + compute + store, one process (${las.length} LAs)`,
    );
    let children = 0;
    let total = 0;
    let loadTotal = 0;
    const [, all] = await timedCpu(async () => {
      for (const la of las) {
        const t = await computeLa(db, la, period);
        const info = byCode.get(la);
        children += info?.children ?? 0;
        const s = t.load + t.compute + t.save;
        total += s;
        loadTotal += t.load;
        print({
          name: `  ${la} ${info?.name ?? ''} (${info?.children ?? '?'} children): load ${t.load.toFixed(2)} + compute ${t.compute.toFixed(2)} + store ${t.save.toFixed(2)}`,
          value: s,
          unit: 's',
        });
      }
    });
    await db.close();
    print({ name: `total (${las.length} LAs), CPU`, value: total, unit: 's' });
    print({ name: `  of which loading the datasets`, value: loadTotal, unit: 's' });
    print({ name: `total (${las.length} LAs), wall`, value: all.wall, unit: 's' });
    const scale = children > 0 ? england / children : 153 / las.length;
    const national = las.length === table.length ? total : total * scale;
    print({
      name:
        las.length === table.length
          ? 'all 153 LAs, CPU, one process'
          : `all 153 LAs extrapolated by children (x${scale.toFixed(1)}), CPU, one process`,
      value: national,
      unit: 's',
    });
    print({
      name: "  the same on two processes (the hub's two workers)",
      value: national / 2,
      unit: 's',
      goal: '< 60 s',
    });
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
