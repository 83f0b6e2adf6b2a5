/**
 * Record builders for the due-chain indicator tests (used only by `*.test.ts`): each fills the fields
 * a test does not care about, so a case reads as the spec's worked example.
 */
import { isoDate } from '../../calendar/iso-date.js';
import { type Basis, parsePeriod } from '../../calendar/period.js';
import type { CpPlan } from '../../model/cin.js';
import type { Child, UascStatus } from '../../model/child.js';
import type { CareHistory } from '../../model/care-history.js';
import { deriveCareHistory } from '../../model/derive-care-history.js';
import type { CicReview, Episode, Oc2Outcome } from '../../model/episode.js';
import type { HealthCheck, LongTermPlacement, Visit } from '../../model/local.js';
import { type LaDataset, emptyDataset } from '../../model/la-dataset.js';
import type { TableName } from '../../model/source.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import type { ComputeContext, IndicatorInput, IndicatorSettings } from '../types.js';

const src = { file: 'test', position: 'line 1' };
const opt = (s: string | null | undefined) => (s ? isoDate(s) : null);

export function cpPlan(id: string, childId: string, start: string, end: string | null): CpPlan {
  return {
    id,
    referralId: `ref-${id}`,
    childId,
    startDate: isoDate(start),
    endDate: opt(end),
    initialCategoryOfAbuse: null,
    latestCategoryOfAbuse: null,
    numberOfPreviousCpp: 0,
    reviewDates: [],
    source: src,
  };
}

export function visit(id: string, childId: string, date: string, more: Partial<Visit> = {}): Visit {
  return {
    id,
    childId,
    visitDate: isoDate(date),
    childSeen: true,
    seenAlone: true,
    visitId: id,
    source: src,
    ...more,
  };
}

export function review(id: string, childId: string, date: string): CicReview {
  return { id, childId, reviewDate: isoDate(date), reviewCode: 'PN1', source: src };
}

export function healthCheck(
  id: string,
  childId: string,
  checkType: HealthCheck['checkType'],
  date: string,
  outcome: HealthCheck['outcome'] = 'completed',
): HealthCheck {
  return { id, childId, checkType, checkDate: isoDate(date), outcome, source: src };
}

export function longTerm(
  id: string,
  childId: string,
  placementStart: string,
  from: string,
): LongTermPlacement {
  return { id, childId, placementStart: isoDate(placementStart), longTermFrom: isoDate(from), source: src };
}

export function uasc(childId: string, duc: string | null): UascStatus {
  return { id: `u-${childId}`, childId, dob: null, duc: opt(duc), source: src };
}

export function child(childId: string, dob: string | null): Child {
  return {
    childId,
    dob: opt(dob),
    sex: 'F',
    ethnicity: null,
    deathDate: null,
    upnHash: null,
    disabilities: [],
    sources: [src],
  };
}

export function oc2(childId: string, year: string, healthCheck: boolean, teethCheck: boolean): Oc2Outcome {
  return {
    id: `oc2-${childId}-${year}`,
    childId,
    year,
    healthCheck,
    teethCheck,
    immunisations: null,
    healthAssessment: null,
    sdqScore: null,
    convicted: null,
    substanceMisuse: null,
    source: src,
  };
}

/** A dataset for LA 841 holding `tables`, with the given records spread over `emptyDataset`. */
export function dataset(tables: readonly TableName[], more: Partial<LaDataset> = {}): LaDataset {
  return { ...emptyDataset('841'), tables: new Set(tables), ...more };
}

/** IndicatorInput as the engine builds it: children by id and care histories from the episodes. */
export function inputOf(data: LaDataset): IndicatorInput {
  const byChild = new Map<string, Episode[]>();
  for (const e of data.episodes) byChild.set(e.childId, [...(byChild.get(e.childId) ?? []), e]);
  const careHistories = new Map<string, CareHistory>();
  for (const [id, eps] of byChild) careHistories.set(id, deriveCareHistory(id, eps));
  return { data, childrenById: new Map(data.children.map((c) => [c.childId, c])), careHistories };
}

/** A compute context for a period id and basis, with variant settings over the defaults. */
export function ctxOf(
  period: string,
  basis: Basis,
  variants: IndicatorSettings['variants'] = {},
  more: Partial<IndicatorSettings> = {},
): ComputeContext {
  return { period: parsePeriod(period), basis, settings: { ...DEFAULT_SETTINGS, ...more, variants } };
}
