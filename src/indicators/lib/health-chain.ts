import type { IsoDate } from '../../calendar/iso-date.js';
import { addMonths } from '../../calendar/add-months.js';
import { isYearEnd } from '../../calendar/period.js';
import type { CareHistory } from '../../model/care-history.js';
import { periodOfCareOn } from '../../model/care-queries.js';
import type { HealthCheck } from '../../model/local.js';
import type { Oc2Outcome } from '../../model/episode.js';
import type { TableName } from '../../model/source.js';
import { missingTables, notAvailable } from './availability.js';
import {
  chainComputation,
  episodeChainNote,
  groupByChild,
  provisionalNote,
  uascNote,
  uascTest,
} from './chain-support.js';
import { asAtFor } from './as-at.js';
import { countNote } from './notes.js';
import { ukDate } from './uk-date.js';
import type { Due } from './due-chain.js';
import { chainDues } from './chain-cache.js';
import { sharedView } from './shared-view.js';
import { variant } from '../settings.js';
import type { Computation, ComputeContext, IndicatorInput, Member, Note } from '../types.js';

/** One health-check chain family (review health assessments or dental checks). */
export interface HealthChainRule {
  /** `cla_health` check types that are events. */
  readonly checkTypes: readonly HealthCheck['checkType'][];
  /** `next(a, k)` for a child with this date of birth (null = unknown). */
  readonly next: (dob: IsoDate | null) => (anchor: IsoDate, k: number) => IsoDate;
  /** Dues with k below this are anchors only (the initial health assessment), not counted. */
  readonly firstCountedK: number;
  /**
   * When a due is completed: `onTime`, only when met; `byPeriodEnd`, also when a check falls in
   * (anchor, e]. The measure's `default`, or the other rule where the `setting` names it (see
   * {@link completionRule}); a figure under the other rule is noted `variant`.
   */
  readonly completion: { readonly setting: string; readonly default: Completion };
  /** The timetable depends on age (a missing date of birth is then noted `noDob`). */
  readonly usesAge: boolean;
  /** Words for members' reasons, e.g. "review health assessment". */
  readonly noun: string;
  /**
   * Names the timetable and every setting `next` depends on (e.g. `health|elapsed`): chains with the
   * same name are shared across periods (lib/chain-cache.ts).
   */
  readonly timetable: string;
}

/** When a health check due counts as completed (indicators.md cic-health-assessments, cic-dental-checks). */
export type Completion = 'onTime' | 'byPeriodEnd';

/**
 * The completion rule a health-check measure runs under: the other rule when the setting names it
 * exactly (`onTime` or `byPeriodEnd`), else the measure's default (absent, or any other value).
 * @example completionRule({ ...settings, variants: { 'dental.completion': 'onTime' } }, 'dental.completion', 'byPeriodEnd') //=> 'onTime'
 */
export function completionRule(
  settings: ComputeContext['settings'],
  setting: string,
  byDefault: Completion,
): Completion {
  const other: Completion = byDefault === 'onTime' ? 'byPeriodEnd' : 'onTime';
  return variant<string>(settings, setting, byDefault) === other ? other : byDefault;
}

const HEALTH_SOURCES: readonly TableName[] = ['episodes', 'cla-health'];
const OC2_SOURCES: readonly TableName[] = ['episodes', 'oc2'];

/**
 * A per-child health-check measure (indicators.md cic-health-assessments, cic-dental-checks): one
 * due-event chain (§1.6) per period of care from its start; the denominator is the children with at
 * least one counted due in [fy, e], the numerator those all of whose counted dues there were completed
 * under `rule.completion` (the other rule than the measure's default noted `variant`). One member per child.
 */
export function computeHealthChain(
  input: IndicatorInput,
  ctx: ComputeContext,
  rule: HealthChainRule,
): Computation {
  const missing = missingTables(input, HEALTH_SOURCES);
  if (missing.length > 0) return notAvailable(missing);
  const fy = ctx.period.yearStart;
  const e = ctx.period.end;
  const asAt = asAtFor(input.data, HEALTH_SOURCES);
  const isUasc = uascTest(input.data, ctx.settings);
  const checksByChild = sharedView(input, `healthChecksByChild|${rule.checkTypes.join(',')}`, () =>
    groupByChild(
      input.data.healthChecks.filter(
        (c) => c.outcome === 'completed' && rule.checkTypes.includes(c.checkType),
      ),
    ),
  );
  const family = `health|${rule.checkTypes.join(',')}|${rule.timetable}`;
  const completion = completionRule(ctx.settings, rule.completion.setting, rule.completion.default);
  const members: Member[] = [];
  const used: CareHistory[] = [];
  let noDob = 0;
  let uascRemoved = 0;
  let beforeHistory = 0;
  const historyStart = input.data.historyStart.ssda903;
  for (const history of input.careHistories.values()) {
    const dob = input.childrenById.get(history.childId)?.dob ?? null;
    // In date order (then id), so the late check a member names is the earliest, as the chain's restart is.
    const events = (checksByChild.get(history.childId) ?? [])
      .map((c) => ({ date: c.checkDate, id: c.id }))
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const counted: {
      due: Due;
      ok: boolean;
      periodStart: IsoDate;
      firstEpisode: string;
      lateEvent: IsoDate | null;
    }[] = [];
    for (const poc of history.periodsOfCare) {
      if (poc.start > e || (poc.end !== null && poc.end <= fy)) continue;
      const dues = chainDues(input, family, poc, asAt, e, (horizon) => ({
        start: poc.start,
        subject: `child ${history.childId} ${rule.noun} chain`,
        next: rule.next(dob),
        events,
        end: poc.end,
        asAt,
        horizon,
      }));
      let any = false;
      for (const due of dues) {
        if (due.k < rule.firstCountedK || due.due < fy || due.due > e) continue;
        any = true;
        const late = due.met
          ? null
          : (events.find((ev) => ev.date > due.anchor && ev.date <= e && ev.date > due.due)?.date ?? null);
        const ok = due.met || (completion === 'byPeriodEnd' && late !== null);
        counted.push({ due, ok, periodStart: poc.start, firstEpisode: poc.episodes[0]!.id, lateEvent: late });
      }
      if (any && historyStart !== null && poc.start < historyStart) beforeHistory += 1;
    }
    if (counted.length === 0) continue;
    if (isUasc(history.childId, e)) {
      uascRemoved += 1;
      continue;
    }
    if (dob === null && rule.usesAge) noDob += 1;
    used.push(history);
    const failed = counted.find((c) => !c.ok) ?? null;
    const decisive = failed ?? counted[counted.length - 1]!;
    const n = counted.length;
    const dueWord = `${n} ${rule.noun}${n === 1 ? '' : 's'} due`;
    const eventDate = decisive.due.met ? (decisive.due.event?.date ?? null) : decisive.lateEvent;
    let reason: string;
    if (failed !== null) {
      reason = `${rule.noun} due ${ukDate(failed.due.due)} missed${failed.lateEvent === null ? '; none completed by period end' : `; completed ${ukDate(failed.lateEvent)}`}`;
    } else if (counted.every((c) => c.due.met)) {
      reason = `${dueWord}; all on time`;
    } else {
      reason = `${dueWord}; all completed by period end`;
    }
    members.push({
      childId: history.childId,
      recordIds: [
        ...new Set([
          ...counted.map((c) => c.firstEpisode),
          ...counted.flatMap((c) => (c.due.met && c.due.event ? [c.due.event.id] : [])),
        ]),
      ],
      dates: {
        periodStart: decisive.periodStart,
        anchor: decisive.due.anchor,
        due: decisive.due.due,
        event: eventDate,
      },
      inNumerator: failed === null,
      reason,
    });
  }
  const notes: (Note | null)[] = [
    provisionalNote(e, asAt),
    episodeChainNote(used),
    countNote(
      'historyIncomplete',
      beforeHistory,
      'periods of care starting before the loaded SSDA903 history',
    ),
    countNote('noDob', noDob, 'no date of birth: treated as aged 5 or over'),
    uascNote(ctx.settings, uascRemoved),
    completion === rule.completion.default
      ? null
      : {
          code: 'variant',
          detail: completion === 'onTime' ? 'completed on time' : 'completed by period end',
        },
  ];
  return chainComputation(members, notes);
}

/**
 * The OC2 cohort variant (annual): children looked after at 31 March e whose current period of care
 * started on or before e − 12 months; numerator the OC2 flag for the collection year. Between year
 * ends the figure is "reported annually".
 */
export function computeOc2Cohort(
  input: IndicatorInput,
  ctx: ComputeContext,
  flag: (row: Oc2Outcome) => boolean | null,
  label: string,
): Computation {
  if (!isYearEnd(ctx.period)) {
    return {
      status: 'annual-only',
      numerator: 0,
      denominator: null,
      members: [],
      notes: [{ code: 'reportedAnnually' }],
    };
  }
  const missing = missingTables(input, OC2_SOURCES);
  if (missing.length > 0) return notAvailable(missing);
  const e = ctx.period.end;
  const cutoff = addMonths(e, -12);
  const isUasc = uascTest(input.data, ctx.settings);
  const rows = new Map(
    input.data.oc2.filter((r) => r.year === ctx.period.financialYear).map((r) => [r.childId, r] as const),
  );
  const members: Member[] = [];
  const used: CareHistory[] = [];
  let uascRemoved = 0;
  let noRow = 0;
  for (const history of input.careHistories.values()) {
    const poc = periodOfCareOn(history, e);
    if (poc === null || poc.start > cutoff) continue;
    if (isUasc(history.childId, e)) {
      uascRemoved += 1;
      continue;
    }
    used.push(history);
    const row = rows.get(history.childId);
    if (row === undefined) noRow += 1;
    const yes = row !== undefined && flag(row) === true;
    members.push({
      childId: history.childId,
      recordIds: row === undefined ? [poc.episodes[0]!.id] : [poc.episodes[0]!.id, row.id],
      dates: { periodStart: poc.start },
      inNumerator: yes,
      reason:
        row === undefined ? `no OC2 row for ${ctx.period.financialYear}` : `OC2 ${label} = ${yes ? 1 : 0}`,
    });
  }
  const notes: (Note | null)[] = [
    episodeChainNote(used),
    countNote('oc2Missing', noRow, 'children in the OC2 cohort with no OC2 row'),
    uascNote(ctx.settings, uascRemoved),
    { code: 'variant', detail: 'OC2 cohort (looked after 12 months at 31 March)' },
  ];
  return chainComputation(members, notes);
}
