/**
 * Small record builders for indicator tests (used only by `*.test.ts`): each fills the fields a test
 * does not care about, so a case reads as the spec's worked example.
 */
import type { IsoDate } from '../../calendar/iso-date.js';
import { isoDate } from '../../calendar/iso-date.js';
import { parsePeriod } from '../../calendar/period.js';
import type { Basis } from '../../calendar/period.js';
import type { Assessment, CpPlan, Referral, Section47, StrategyDiscussion } from '../../model/cin.js';
import type { Allocation, Contact, Worker } from '../../model/local.js';
import { type LaDataset, emptyDataset } from '../../model/la-dataset.js';
import type { TableName } from '../../model/source.js';
import { buildIndicatorInput } from '../input.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import type { Computation, IndicatorDefinition, IndicatorSettings } from '../types.js';
import { runIndicator } from '../engine/run-indicator.js';

const src = { file: 'test', position: 'line 1' };
const d = (s: string | null | undefined): IsoDate | null => (s ? isoDate(s) : null);

export function referral(id: string, childId: string, date: string, more: Partial<Referral> = {}): Referral {
  return {
    id,
    childId,
    referralDate: isoDate(date),
    referralSource: null,
    referralSourceRaw: null,
    primaryNeedCode: null,
    closureDate: null,
    reasonForClosure: null,
    dateOfInitialCpc: null,
    referralNfa: null,
    source: src,
    ...more,
  };
}

export function assessment(
  id: string,
  childId: string,
  start: string,
  authorised: string | null,
  referralId = `ref-${id}`,
): Assessment {
  return {
    id,
    referralId,
    childId,
    startDate: isoDate(start),
    internalReviewDate: null,
    authorisationDate: d(authorised),
    factors: [],
    source: src,
  };
}

export function section47(
  id: string,
  childId: string,
  start: string,
  icpc: string | null,
  more: Partial<Section47> = {},
): Section47 {
  return {
    id,
    referralId: `ref-${childId}`,
    childId,
    startDate: isoDate(start),
    initialCpcTarget: null,
    dateOfInitialCpc: d(icpc),
    icpcNotRequired: false,
    source: src,
    ...more,
  };
}

export function strategy(id: string, childId: string, date: string): StrategyDiscussion {
  return { id, childId, strategyDate: isoDate(date), s47Start: null, source: src };
}

export function cpPlan(
  id: string,
  childId: string,
  start: string,
  end: string | null,
  more: Partial<CpPlan> = {},
): CpPlan {
  return {
    id,
    referralId: `ref-${childId}`,
    childId,
    startDate: isoDate(start),
    endDate: d(end),
    initialCategoryOfAbuse: null,
    latestCategoryOfAbuse: null,
    numberOfPreviousCpp: null,
    reviewDates: [],
    source: src,
    ...more,
  };
}

export function contact(
  id: string,
  received: string,
  decided: string | null,
  outcome: Contact['outcome'] = 'referral',
): Contact {
  return {
    id,
    childId: `child-${id}`,
    receivedDate: isoDate(received),
    receivedAt: `${received}T09:00`,
    decidedDate: d(decided),
    decidedAt: decided ? `${decided}T17:00` : null,
    outcome,
    referralSource: null,
    source: src,
  };
}

export function allocation(
  id: string,
  childId: string,
  workerId: string,
  start: string,
  end: string | null,
  role: Allocation['role'] = 'social-worker',
): Allocation {
  return { id, childId, workerId, start: isoDate(start), end: d(end), role, team: null, source: src };
}

export function worker(workerId: string, qualifiedSw: boolean): Worker {
  return { workerId, qualifiedSw, sweRegistration: null, source: src };
}

/** A dataset holding `tables`, over emptyDataset. */
export function dataset(tables: readonly TableName[], parts: Partial<LaDataset> = {}): LaDataset {
  return { ...emptyDataset('841'), tables: new Set(tables), ...parts };
}

/** Runs a definition on a dataset for a period id and basis (default: its headline basis). */
export function run(
  def: IndicatorDefinition,
  data: LaDataset,
  periodId: string,
  basis: Basis = def.basis,
  settings: Partial<IndicatorSettings> = {},
): Computation {
  return runIndicator(def, buildIndicatorInput(data), parsePeriod(periodId), basis, {
    ...DEFAULT_SETTINGS,
    ...settings,
  });
}

/** Settings with the given variants over the defaults. */
export function withVariants(variants: IndicatorSettings['variants']): Partial<IndicatorSettings> {
  return { variants };
}
