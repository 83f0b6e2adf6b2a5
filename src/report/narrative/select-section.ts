import { inLineBandOf, isInLine } from '../model/rating.js';
import type { NarrativeInput } from './narrative-input.js';

/** Where an indicator goes in the narrative (report.md §5 "Selection"). */
export type NarrativePlace = 'performing-well' | 'areas-for-focus' | 'annual' | 'suppressed' | 'none';

/** True when the value is within the "in line with" band of its target (the indicator's own band, or `band`). */
export function inLineWithTarget(input: NarrativeInput, band: number): boolean {
  const r = input.result;
  return (
    r.value !== null &&
    r.target !== null &&
    r.rag !== null &&
    isInLine(r.value, r.target, r.unit, inLineBandOf(r, band))
  );
}

/**
 * True when the figure reads as on or near target: Green, or Amber within the in-line band (report.md §5
 * "Areas for focus: Red; Amber outside the in-line band"). Decided: a Red figure within the band (a
 * tolerance in points under 0.5) is never "performing well": it stays an area for focus, with the Amber/Red
 * trend wording, though its target clause says "in line with".
 */
export function onOrNearTarget(input: NarrativeInput, band: number): boolean {
  const r = input.result;
  return r.rag === 'green' || (r.rag === 'amber' && inLineWithTarget(input, band));
}

/**
 * Selection (report.md §5): performing well = Green or Amber in line with target, no target and not significantly
 * worse, or a neutral count/figure without polarity; areas for focus = Red, Amber outside the in-line band,
 * or no target and significantly worse. Annual indicators between year ends go to the annual sentence;
 * suppressed figures get the "not published" sentence; not available or no eligible cases: no sentence.
 * @example selectSection(assessments80vs90, 0.5) //=> 'areas-for-focus'
 */
export function selectSection(input: NarrativeInput, band: number): NarrativePlace {
  const r = input.result;
  if (r.status === 'annual-only') return 'annual';
  if (input.suppressed) return 'suppressed';
  if (r.status !== 'ok' || r.value === null) return 'none';
  if (r.polarity === 'none') return 'performing-well';
  if (r.rag === null) return r.direction === 'worsened' ? 'areas-for-focus' : 'performing-well';
  if (onOrNearTarget(input, band)) return 'performing-well';
  return 'areas-for-focus';
}
