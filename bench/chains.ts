import { heading, print, timed } from './measure.js';
import { addDays, isoDate } from '../src/calendar/iso-date.js';
import { parsePeriod, trailingQuarters } from '../src/calendar/period.js';
import { defaultWorkingDayCalendar } from '../src/calendar/bank-holidays.js';
import type { CareHistory } from '../src/model/care-history.js';
import { deriveCareHistory } from '../src/model/derive-care-history.js';
import type { Episode } from '../src/model/episode.js';
import { emptyDataset, type LaDataset } from '../src/model/la-dataset.js';
import type { CpPlan } from '../src/model/cin.js';
import type { HealthCheck, Visit } from '../src/model/local.js';
import type { CicReview } from '../src/model/episode.js';
import { DEFAULT_SETTINGS } from '../src/indicators/settings.js';
import type { IndicatorDefinition, IndicatorInput } from '../src/indicators/types.js';
import { cpVisits10wd } from '../src/indicators/cp-visits-10wd.js';
import { cicReviewsInTime } from '../src/indicators/cic-reviews-in-time.js';
import { cicVisitsInTime } from '../src/indicators/cic-visits-in-time.js';
import { cicHealthAssessments } from '../src/indicators/cic-health-assessments.js';
import { cicDentalChecks } from '../src/indicators/cic-dental-checks.js';

const src = { file: 'bench', position: 'line 1' };
const PLACES = ['U1', 'U3', 'U4', 'U5', 'T1', 'K2'];

/** A deterministic synthetic LA: `children` in care since 2014, each with episodes, reviews, visits and checks. */
export function synthetic(children: number): LaDataset {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const episodes: Episode[] = [];
  const reviews: CicReview[] = [];
  const claVisits: Visit[] = [];
  const cpVisits: Visit[] = [];
  const checks: HealthCheck[] = [];
  const plans: CpPlan[] = [];
  const end = isoDate('2023-03-31');
  for (let c = 0; c < children; c++) {
    const childId = `C${c}`;
    let at = addDays(isoDate('2014-04-01'), rand(3000));
    for (let e = 0; at < end && e < 12; e++) {
      const len = 20 + rand(400);
      const dec = addDays(at, len);
      const last = dec >= end || e === 11;
      const place = PLACES[rand(PLACES.length)]!;
      episodes.push({
        id: `${childId}-E${e}`,
        childId,
        decom: at,
        rne: e === 0 ? 'S' : ['P', 'L', 'T', 'P', 'B'][rand(5)]!,
        ls: 'C2',
        cin: 'N1',
        place,
        placeProvider: 'PR1',
        dec: last ? null : dec,
        rec: last ? null : 'X1',
        reasonPlaceChange: null,
        homePost: 'DL1 2BB',
        plPost: place.startsWith('T') ? null : `DL${rand(3)} 1AA`,
        urn: null,
        plDistance: null,
        source: src,
      });
      if (last) break;
      at = dec;
    }
    const start = episodes.find((x) => x.childId === childId)!.decom;
    for (let d = addDays(start, 15 + rand(20)); d < end; d = addDays(d, 150 + rand(60))) {
      reviews.push({ id: `${childId}-R${d}`, childId, reviewDate: d, reviewCode: null, source: src });
    }
    for (let d = addDays(start, 5 + rand(5)); d < end; d = addDays(d, 30 + rand(20))) {
      claVisits.push({
        id: `${childId}-V${d}`,
        childId,
        visitDate: d,
        childSeen: true,
        seenAlone: true,
        visitId: null,
        source: src,
      });
    }
    for (let d = addDays(start, 20 + rand(20)); d < end; d = addDays(d, 300 + rand(100))) {
      checks.push({
        id: `${childId}-H${d}`,
        childId,
        checkType: 'RHA',
        checkDate: d,
        outcome: 'completed',
        source: src,
      });
      checks.push({
        id: `${childId}-D${d}`,
        childId,
        checkType: 'DENTAL',
        checkDate: addDays(d, 3),
        outcome: 'completed',
        source: src,
      });
    }
    const planStart = addDays(isoDate('2019-04-01'), rand(1400));
    const planEnd = addDays(planStart, 60 + rand(500));
    plans.push({
      id: `${childId}-P`,
      referralId: 'r',
      childId: `CP${c}`,
      startDate: planStart,
      endDate: planEnd < end ? planEnd : null,
      initialCategoryOfAbuse: null,
      latestCategoryOfAbuse: null,
      numberOfPreviousCpp: 0,
      reviewDates: [],
      source: src,
    });
    for (let d = addDays(planStart, 3 + rand(8)); d < end; d = addDays(d, 7 + rand(10))) {
      cpVisits.push({
        id: `CP${c}-V${d}`,
        childId: `CP${c}`,
        visitDate: d,
        childSeen: true,
        seenAlone: null,
        visitId: null,
        source: src,
      });
    }
  }
  return {
    ...emptyDataset('841'),
    tables: new Set(['episodes', 'reviews', 'cla-visits', 'cla-health', 'cp-plans', 'cp-visits']),
    episodes,
    cicReviews: reviews,
    claVisits,
    cpVisits,
    healthChecks: checks,
    cpPlans: plans,
  };
}

/** Care histories and the five due-chain indicators on a synthetic LA of 2,000 children in care and 2,000 CP plans. */
export async function benchChains(): Promise<void> {
  heading(
    'chains: care histories and due-chain indicators, 2,000 children in care since 2014 + 2,000 CP plans',
  );
  defaultWorkingDayCalendar(); // built once per process; bench/calendar.ts times it
  const data = synthetic(2000);
  print({ name: 'episodes', value: data.episodes.length, unit: 'rows' });
  const [careHistories, secs] = await timed(() => {
    const byChild = new Map<string, Episode[]>();
    for (const e of data.episodes) byChild.set(e.childId, [...(byChild.get(e.childId) ?? []), e]);
    const out = new Map<string, CareHistory>();
    for (const [id, eps] of byChild) out.set(id, deriveCareHistory(id, eps));
    return out;
  });
  print({ name: 'deriveCareHistory, all children', value: secs * 1000, unit: 'ms' });
  const input: IndicatorInput = { data, childrenById: new Map(), careHistories };
  const ctx = { period: parsePeriod('2022-23-Q3'), basis: 'in-period' as const, settings: DEFAULT_SETTINGS };
  const defs: IndicatorDefinition[] = [
    cpVisits10wd,
    cicReviewsInTime,
    cicVisitsInTime,
    cicHealthAssessments,
    cicDentalChecks,
  ];
  for (const def of defs) {
    const [r, s] = await timed(() =>
      def.compute(input, { ...(def.bases.includes('in-period') ? ctx : { ...ctx, basis: 'ytd' }) }),
    );
    print({ name: `${def.id} 2022-23-Q3 (${r.denominator} in denominator)`, value: s * 1000, unit: 'ms' });
    // The trend the report adds: chains met above are not run again; those of placements and periods
    // ended before the quarter are run here, once each.
    const [, trend] = await timed(() => {
      for (const q of trailingQuarters(ctx.period, 8)) {
        def.compute(input, {
          ...ctx,
          period: q,
          basis: def.bases.includes('in-period') ? 'in-period' : 'ytd',
          members: false,
        });
      }
    });
    print({
      name: `  … its 8-quarter trend, figures only (each chain run once)`,
      value: trend * 1000,
      unit: 'ms',
    });
  }
}
