import type { IsoDate } from '../../calendar/iso-date.js';
import type { LaDataset } from '../../model/la-dataset.js';
import { ukDate } from '../lib/uk-date.js';
import type { AnnexAFallback, Note } from '../types.js';
import { list8Member, list8Snapshot } from './list-8-snapshot.js';

/** The rate helpers of cic-count, passed in (cic-count's file attaches this fallback). */
export interface RateHelpers {
  populationFor(data: LaDataset, e: IsoDate): { year: string; aged0to17: number } | null;
  ratePer10k(count: number, population: number): number;
}

/**
 * cic-count from Annex A List 8 (inputs.md §4 fallback): the children List 8 shows looked after at its
 * as-at date A; the rate per 10,000 as cic-count gives it. No count a year earlier (List 8 holds none).
 * @example cicCountFromList8({ populationFor, ratePer10k }).compute(input, ctx).numerator //=> 2
 */
export function cicCountFromList8(h: RateHelpers): AnnexAFallback {
  return {
    sources: ['annex-a-cic'],
    compute(input, ctx) {
      const snap = list8Snapshot(input, ctx, 'children looked after at that date');
      if (snap.status !== 'ok') return snap.computation;
      const members = snap.rows.map((r) =>
        list8Member(
          r,
          true,
          `Looked after at ${ukDate(snap.asAt)} (Annex A): in care since ${ukDate(r.startDate)}`,
        ),
      );
      const population = input.data.tables.has('population')
        ? h.populationFor(input.data, ctx.period.end)
        : null;
      const notes: Note[] = [
        ...snap.notes,
        population === null
          ? { code: 'noPopulation', detail: 'needs population.csv for the rate per 10,000' }
          : { code: 'populationYear', detail: `rate per 10,000 uses the ${population.year} population` },
      ];
      return {
        status: 'ok',
        numerator: members.length,
        denominator: null,
        members,
        notes,
        extra: {
          rate: population === null ? null : h.ratePer10k(members.length, population.aged0to17),
          population: population?.aged0to17 ?? null,
          countYearAgo: null,
        },
      };
    },
  };
}
