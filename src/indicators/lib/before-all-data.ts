import type { IsoDate } from '../../calendar/iso-date.js';
import type { Period } from '../../calendar/period.js';
import type { IndicatorDefinition, IndicatorInput, IndicatorSettings } from '../types.js';
import { missingTables } from './availability.js';
import { dataBeginAfter, sourceName } from './data-start.js';

/**
 * Whether a period ends before the loaded data of every indicator begin, so that each would be "Not available:
 * loaded data begin …" (`beforeData`, indicators.md §1.3 reading): then the earliest day on which an
 * indicator's data begin, and its source as a user knows it ("the CIN census"); else null. An indicator
 * Ofsted Annex A could answer (its lists loaded), or whose loaded sources do not bound it, counts as having
 * data, so a period is never called before the data when any figure could be given for it. An indicator
 * lacking a file is left aside (it is "not available" whatever the period).
 * @example beforeAllData(input, parsePeriod('2016-17-Q1'), INDICATORS, settings) //=> { start: '2017-04-01', source: 'the CIN census' }
 */
export function beforeAllData(
  input: IndicatorInput,
  period: Period,
  defs: readonly IndicatorDefinition[],
  settings: IndicatorSettings,
): { readonly start: IsoDate; readonly source: string } | null {
  let first: { start: IsoDate; source: string } | null = null;
  for (const def of defs) {
    const sources = def.sourcesUnder?.(settings) ?? def.sources;
    if (missingTables(input, sources).length > 0) continue;
    if (def.annexA && missingTables(input, def.annexA.sources).length === 0) return null;
    const begins = dataBeginAfter(input.data, sources, period);
    if (begins === null) return null;
    if (first === null || begins.start < first.start)
      first = { start: begins.start, source: sourceName(begins.table) };
  }
  return first;
}
