import type { IndicatorResult } from '../../indicators/types.js';
import type { CommentaryEntry } from '../commentary/commentary.js';
import type { EarlierRestatement } from '../edition/earlier-restatements.js';
import type { SuppressionPlan } from '../public/suppression.js';
import type { CatalogueEntry } from './catalogue-entry.js';

/** One indicator as every part of the render model sees it. */
export interface IndicatorView {
  /** Scorecard number, 1-based in catalogue order. */
  readonly ref: number;
  readonly entry: CatalogueEntry;
  readonly result: IndicatorResult;
  /** What the public version hides (nothing in the full version). */
  readonly plan: SuppressionPlan;
  /** Officer commentary, when any (internal commentary is dropped from the public version). */
  readonly commentary: CommentaryEntry | null;
  /** This indicator's earlier-period figures restated since their editions, by period (marked "r"). */
  readonly restated: ReadonlyMap<string, EarlierRestatement>;
}
