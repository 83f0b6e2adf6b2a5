import { heading, print, timed } from './measure.js';
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
  const [, again] = await timed(() => JSON.stringify(computeReport(request, INDICATORS)));
  print({ name: 'computeReport again + JSON (warm)', value: again, unit: 's' });
}
