import type { IsoDate } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import type { CareHistory } from '../model/care-history.js';
import type { TableName } from '../model/source.js';
import type { WorkingDayCount } from '../calendar/working-days.js';
import { addWorkingDaysUnder } from './lib/add-working-days-under.js';
import { missingTables, notAvailable } from './lib/availability.js';
import {
  chainComputation,
  chainFigures,
  episodeChainNote,
  groupByChild,
  provisionalNote,
  uascNote,
  uascTest,
} from './lib/chain-support.js';
import { asAtFor } from './lib/as-at.js';
import { countNote } from './lib/notes.js';
import { ukDate } from './lib/uk-date.js';
import { chainDues } from './lib/chain-cache.js';
import { sharedView } from './lib/shared-view.js';
import { windowOf } from './lib/window.js';
import type { IndicatorDefinition, Member, Note } from './types.js';

const SOURCES: readonly TableName[] = ['episodes', 'reviews'];

/**
 * The review timetable (Care Planning, Placement and Case Review (England) Regulations 2010, reg 33):
 * the first review within 20 working days of the period of care starting, the second within 3 months of
 * the first, then every 6 months.
 * @example reviewDue('2022-05-27', 2, 'elapsed') //=> '2022-08-27'
 */
export function reviewDue(a: IsoDate, k: number, count: WorkingDayCount): IsoDate {
  if (k === 1) return addWorkingDaysUnder(a, 20, count);
  return addMonths(a, k === 2 ? 3 : 6);
}

/**
 * cic-reviews-in-time (indicators.md §2): one due-event chain (§1.6) per period of care (short breaks
 * removed), anchored at its start, with the reg 33 timetable; events are SSDA903 REVIEW dates within
 * the period of care. One member per due falling in the period.
 */
export const cicReviewsInTime: IndicatorDefinition = {
  id: 'cic-reviews-in-time',
  title: 'CiC reviews completed within the required timescales',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'children-in-care',
  basis: 'in-period',
  bases: ['in-period', 'ytd'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-reviews-in-time; §1.4, §1.6',
  definitionVersion: '1.0',
  definition: {
    summary:
      'The percentage of Children in Care (CiC) reviews falling due in the period that were held within the required timescales.',
    numerator:
      'Reviews due in the period for which a review was held after the previous review (or the start of the period of care) and no later than the due date. A late review restarts the timetable but never meets a due.',
    denominator:
      'Review due dates falling in the period, per period of care: the first 20 working days after the child came into care, the second 3 months after the first, then every 6 months. Dues on or after the end of the period of care, or after the extract date, are not counted.',
    exclusions:
      'Short breaks (legal status V3 or V4). Unaccompanied asylum-seeking children only when the LA reports excluding them.',
    why: 'Reviews chaired by the Independent Reviewing Officer check that the care plan still meets the child’s needs; the Care Planning, Placement and Case Review (England) Regulations 2010 set their timing.',
    comparability:
      'No national figure. The DfE collects review dates in the SSDA903 return but publishes no timeliness statistic, so LA figures differ in method.',
  },
  sources: SOURCES,
  target: { value: 90, kind: 'local' },
  england: null,
  directionComparator: 'previous',
  narrative: {
    subject: 'of Children in Care (CiC) reviews were completed within the required timescales',
    zeroPhrase: 'No Children in Care (CiC) review due {when} was completed within the required timescales',
  },
  compute(input, ctx) {
    const missing = missingTables(input, SOURCES);
    if (missing.length > 0) return notAvailable(missing);
    const w = windowOf(ctx);
    const asAt = asAtFor(input.data, SOURCES);
    const isUasc = uascTest(input.data, ctx.settings);
    const reviewsByChild = sharedView(input, 'cicReviewsByChild', () => groupByChild(input.data.cicReviews));
    const family = `cic-reviews|${ctx.settings.workingDays}`;
    const wantMembers = ctx.members !== false;
    let numerator = 0;
    let denominator = 0;
    const members: Member[] = [];
    const used: CareHistory[] = [];
    const historyStart = input.data.historyStart.ssda903;
    let beforeHistory = 0;
    let uascRemoved = 0;
    for (const history of input.careHistories.values()) {
      let usedChild = false;
      for (const poc of history.periodsOfCare) {
        if (poc.start > w.end) continue;
        const dues = chainDues(input, family, poc, asAt, w.end, (horizon) => ({
          start: poc.start,
          subject: `child ${history.childId} review chain`,
          next: (a, k) => reviewDue(a, k, ctx.settings.workingDays),
          events: (reviewsByChild.get(history.childId) ?? [])
            .filter((r) => r.reviewDate >= poc.start && (poc.end === null || r.reviewDate <= poc.end))
            .map((r) => ({ date: r.reviewDate, id: r.id })),
          end: poc.end,
          asAt,
          horizon,
        }));
        let counted = false;
        for (const due of dues) {
          if (due.due < w.start || due.due > w.end) continue;
          if (isUasc(history.childId, due.due)) {
            uascRemoved += 1;
            continue;
          }
          counted = true;
          denominator += 1;
          if (due.met) numerator += 1;
          if (!wantMembers) continue;
          const held = due.event === null ? '' : `; held ${ukDate(due.event.date)}`;
          members.push({
            childId: history.childId,
            recordIds: due.event === null ? [poc.episodes[0]!.id] : [poc.episodes[0]!.id, due.event.id],
            dates: {
              periodStart: poc.start,
              anchor: due.anchor,
              due: due.due,
              event: due.event?.date ?? null,
            },
            inNumerator: due.met,
            reason: `review ${due.k} due ${ukDate(due.due)} ${due.met ? 'met' : 'missed'}${held}`,
          });
        }
        if (counted) {
          usedChild = true;
          if (historyStart !== null && poc.start < historyStart) beforeHistory += 1;
        }
      }
      if (usedChild) used.push(history);
    }
    const notes: (Note | null)[] = [
      provisionalNote(ctx.period.end, asAt),
      episodeChainNote(used),
      countNote(
        'historyIncomplete',
        beforeHistory,
        'periods of care starting before the loaded SSDA903 history',
      ),
      uascNote(ctx.settings, uascRemoved),
    ];
    return wantMembers ? chainComputation(members, notes) : chainFigures(numerator, denominator, notes);
  },
};
