import type { IsoDate } from '../calendar/iso-date.js';
import type { Episode } from './episode.js';

/**
 * A period of care (indicators.md §1.4 step 2): a chain of a child's episodes joined by REC X1 with
 * the next DECOM = DEC. Short breaks (LS V3/V4) are removed before chaining.
 */
export interface PeriodOfCare {
  readonly id: string;
  readonly childId: string;
  readonly start: IsoDate;
  /** DEC of the last episode; null while open. */
  readonly end: IsoDate | null;
  /** Episodes in DECOM order. */
  readonly episodes: readonly Episode[];
}

/**
 * A placement (indicators.md §1.4 steps 4–6): time with one carer. Starts at a period's first episode
 * and at each RNE P/B; L, T and U continue it; temporary episodes (PLACE T0–T4) and the return to the
 * same carer belong to the placement the child was away from.
 */
export interface Placement {
  readonly id: string;
  readonly childId: string;
  readonly periodOfCareId: string;
  /** DECOM of its first episode. */
  readonly start: IsoDate;
  /** DEC of its last episode; null while open. */
  readonly end: IsoDate | null;
  /** Every episode of the placement, temporary ones included, in DECOM order. */
  readonly episodes: readonly Episode[];
  /** The first non-temporary episode (PLACE, PL_POST and URN identify the carer); null if all are temporary. */
  readonly carerEpisode: Episode | null;
}

/** Anomalies found while chaining episodes (note `episodeChainErrors`). */
export interface EpisodeChainIssue {
  readonly childId: string;
  readonly episodeId: string;
  readonly kind: 'x1-without-next' | 'new-period-without-x1' | 'rne-s-inside-chain' | 'overlap';
  readonly message: string;
}

/** A child's care history: periods of care and placements, derived from their episodes. */
export interface CareHistory {
  readonly childId: string;
  readonly periodsOfCare: readonly PeriodOfCare[];
  readonly placements: readonly Placement[];
  readonly issues: readonly EpisodeChainIssue[];
}
