import type { IndicatorDefinition } from './types.js';
import { referralsRereferral12m } from './referrals-rereferral-12m.js';
import { referralsDecided1wd } from './referrals-decided-1wd.js';
import { referralsDecidedOver3wd } from './referrals-decided-over-3wd.js';
import { referralsBySource } from './referrals-by-source.js';
import { assessments45wd } from './assessments-45wd.js';
import { icpc15wd } from './icpc-15wd.js';
import { cpAllocatedSw } from './cp-allocated-sw.js';
import { cpVisits10wd } from './cp-visits-10wd.js';
import { cpCeased2yPlus } from './cp-ceased-2y-plus.js';
import { cpRepeat2y } from './cp-repeat-2y.js';
import { cpRepeatAny } from './cp-repeat-any.js';
import { indicator as cicCount } from './cic-count.js';
import { indicator as cicAllocatedSw } from './cic-allocated-sw.js';
import { indicator as cicAllocatedQualifiedSw } from './cic-allocated-qualified-sw.js';
import { cicReviewsInTime } from './cic-reviews-in-time.js';
import { indicator as cicPlacements3plus } from './cic-placements-3plus.js';
import { indicator as cicLongTermStability } from './cic-long-term-stability.js';
import { cicVisitsInTime } from './cic-visits-in-time.js';
import { indicator as cicPlaced20Miles } from './cic-placed-20-miles.js';
import { cicHealthAssessments } from './cic-health-assessments.js';
import { cicDentalChecks } from './cic-dental-checks.js';
import { indicator as cicMissing } from './cic-missing.js';
import { indicator as careLeaversNeet } from './care-leavers-neet.js';
import { indicator as careLeaversSuitableAccommodation } from './care-leavers-suitable-accommodation.js';

/**
 * The indicator catalogue in report order (indicators.md §2): one import per indicator file. Add a new
 * indicator by importing its file and listing it here; the registry test checks the list against the spec.
 */
export const INDICATORS: readonly IndicatorDefinition[] = [
  referralsRereferral12m,
  referralsDecided1wd,
  referralsDecidedOver3wd,
  referralsBySource,
  assessments45wd,
  icpc15wd,
  cpAllocatedSw,
  cpVisits10wd,
  cpCeased2yPlus,
  cpRepeat2y,
  cpRepeatAny,
  cicCount,
  cicAllocatedSw,
  cicAllocatedQualifiedSw,
  cicReviewsInTime,
  cicVisitsInTime,
  cicPlacements3plus,
  cicLongTermStability,
  cicPlaced20Miles,
  cicHealthAssessments,
  cicDentalChecks,
  cicMissing,
  careLeaversNeet,
  careLeaversSuitableAccommodation,
];

/**
 * An indicator by id, or undefined.
 * @example indicatorById('icpc-15wd')?.title //=> 'Initial Child Protection Conferences …'
 */
export function indicatorById(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((d) => d.id === id);
}
