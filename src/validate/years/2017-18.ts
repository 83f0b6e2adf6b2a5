import type { Rule } from '../rule.js';
import { genFuture } from '../rules/gen-future.js';
import { genPast } from '../rules/gen-past.js';
import { genDupRow } from '../rules/gen-dup-row.js';
import { genDupKey } from '../rules/gen-dup-key.js';
import { genCode } from '../rules/gen-code.js';
import { genLegacy } from '../rules/gen-legacy.js';
import { ssda903ChildUnknown } from '../rules/ssda903-child-unknown.js';
import { ssda903DobDiff } from '../rules/ssda903-dob-diff.js';
import { ssda903EpOrder } from '../rules/ssda903-ep-order.js';
import { ssda903Ep24h } from '../rules/ssda903-ep-24h.js';
import { ssda903EpRecDec } from '../rules/ssda903-ep-recdec.js';
import { ssda903EpChain } from '../rules/ssda903-ep-chain.js';
import { ssda903EpOverlap } from '../rules/ssda903-ep-overlap.js';
import { ssda903EpRneS } from '../rules/ssda903-ep-rne-s.js';
import { ssda903EpFirst } from '../rules/ssda903-ep-first.js';
import { ssda903EpBirth } from '../rules/ssda903-ep-birth.js';
import { ssda903MisOrder } from '../rules/ssda903-mis-order.js';
import { ssda903YearEnd } from '../rules/ssda903-year-end.js';
import { cinCloseOrder } from '../rules/cin-close-order.js';
import { cinCloseReason } from '../rules/cin-close-reason.js';
import { cinAsmtOrder } from '../rules/cin-asmt-order.js';
import { cinAsmtBeforeRef } from '../rules/cin-asmt-before-ref.js';
import { cinS47Icpc } from '../rules/cin-s47-icpc.js';
import { cinIcpcBoth } from '../rules/cin-icpc-both.js';
import { cinCppOrder } from '../rules/cin-cpp-order.js';
import { cinCppSameday } from '../rules/cin-cpp-sameday.js';
import { cinCppOverlap } from '../rules/cin-cpp-overlap.js';
import { cinCppReview } from '../rules/cin-cpp-review.js';
import { cinNfaActivity } from '../rules/cin-nfa-activity.js';
import { cinYearElement } from '../rules/cin-year-element.js';
import { locOrder } from '../rules/loc-order.js';
import { locWorkerUnknown } from '../rules/loc-worker-unknown.js';
import { locSwe } from '../rules/loc-swe.js';

/**
 * The base rule set (first supported year: 2017-18 for both CIN and SSDA903). Order matters: each rule
 * sees the records earlier rules left, so duplicates and impossible dates go first.
 */
export const rules2017_18: readonly Rule[] = [
  genDupRow,
  genDupKey,
  genFuture,
  genPast,
  ssda903ChildUnknown,
  ssda903EpOrder,
  ssda903EpBirth,
  ssda903MisOrder,
  cinCloseOrder,
  cinAsmtOrder,
  cinCppOrder,
  locOrder,
  genCode,
  genLegacy,
  cinYearElement,
  ssda903DobDiff,
  ssda903EpRecDec,
  ssda903EpChain,
  ssda903EpOverlap,
  ssda903EpRneS,
  ssda903EpFirst,
  ssda903Ep24h,
  ssda903YearEnd,
  cinCloseReason,
  cinAsmtBeforeRef,
  cinS47Icpc,
  cinIcpcBoth,
  cinCppSameday,
  cinCppOverlap,
  cinCppReview,
  cinNfaActivity,
  locWorkerUnknown,
  locSwe,
];
