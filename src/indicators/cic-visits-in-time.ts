import type { IsoDate } from '../calendar/iso-date.js';
import { addDays } from '../calendar/iso-date.js';
import { addMonths } from '../calendar/add-months.js';
import type { CareHistory, Placement } from '../model/care-history.js';
import type { LongTermPlacement } from '../model/local.js';
import type { TableName } from '../model/source.js';
import { missingTables, notAvailable } from './lib/availability.js';
import {
  chainComputation,
  chainFigures,
  episodeChainNote,
  flagSetting,
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

const SOURCES: readonly TableName[] = ['episodes', 'cla-visits'];
/** PLACE codes marking a long-term placement when `placements_long_term` is absent (indicators.md §1.8). */
const LONG_TERM_PLACE = new Set(['U1', 'U4']);

/**
 * The visit timetable of one placement (Care Planning, Placement and Case Review (England) Regulations
 * 2010, reg 28; indicators.md §1.8): the first visit 7 days after the placement starts; then every 42
 * days while the anchor a satisfies a − 12 months < placement start; after that every 3 months when
 * the placement is long-term at a, else every 42 days. Calendar days and months: a due on a weekend
 * or holiday is not moved.
 * @example visitTimetable('2022-05-27', () => false)('2022-05-27', 1) //=> '2022-06-03'
 */
export function visitTimetable(
  placementStart: IsoDate,
  longTermAt: (anchor: IsoDate) => boolean,
): (anchor: IsoDate, k: number) => IsoDate {
  return (a, k) => {
    if (k === 1) return addDays(a, 7);
    if (addMonths(a, -12) < placementStart) return addDays(a, 42);
    return longTermAt(a) ? addMonths(a, 3) : addDays(a, 42);
  };
}

/**
 * Is the placement long-term at anchor a? With a `placements_long_term` file: a row for this child and
 * placement start whose long_term_from ≤ a (a placement missing from the file is not long-term).
 * Without the file altogether: PLACE U1 or U4 of the placement's first non-temporary episode.
 */
function longTermTest(
  placement: Placement,
  rows: readonly LongTermPlacement[] | null,
): (anchor: IsoDate) => boolean {
  if (rows === null) {
    const place = placement.carerEpisode?.place ?? null;
    const longTerm = place !== null && LONG_TERM_PLACE.has(place);
    return () => longTerm;
  }
  const froms = rows.filter((r) => r.placementStart === placement.start).map((r) => r.longTermFrom);
  return (a) => froms.some((from) => from <= a);
}

/**
 * cic-visits-in-time (indicators.md §2): one due-event chain (§1.6) per placement (§1.4: L, T, U and
 * returns from temporary episodes start none), from the placement start; events are `cla_visits` with
 * the child seen (seen alone under `cicVisits.seenAlone`); the chain closes at the placement end.
 * One member per due falling in the period.
 */
export const cicVisitsInTime: IndicatorDefinition = {
  id: 'cic-visits-in-time',
  title: 'Statutory CiC visits completed within timescale',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'children-in-care',
  basis: 'in-period',
  bases: ['in-period', 'ytd'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-visits-in-time; §1.4, §1.6, §1.8',
  definitionVersion: '1.0',
  definition: {
    summary:
      'The percentage of statutory visits to Children in Care (CiC), falling due in the period, that were made within the regulation timescale.',
    numerator:
      'Visits due in the period for which the child was seen on a visit after the previous visit (or the placement start) and no later than the due date. A late visit restarts the timetable but never meets a due.',
    denominator:
      'Visit due dates falling in the period, per placement: 7 days after the placement starts, then every 6 weeks (42 days) for the first year; after that every 3 months if the placement is agreed long-term, otherwise every 6 weeks. Calendar days: a due date on a weekend or bank holiday is not moved. Dues on or after the placement end, or after the extract date, are not counted.',
    exclusions:
      'Short breaks (legal status V3 or V4). Visits where the child was not seen. A temporary placement (hospital, holiday, short stay) and the return to the same carer start no new timetable. Unaccompanied asylum-seeking children only when the LA reports excluding them.',
    why: 'Regulation 28 of the Care Planning, Placement and Case Review (England) Regulations 2010 requires the social worker to visit the child in their placement at these intervals, to see that the placement still meets their needs.',
    comparability:
      'No national figure. LAs measure visit timeliness locally; long-term placement agreements are recorded differently, so figures are not directly comparable.',
  },
  sources: SOURCES,
  target: { value: 90, kind: 'local' },
  england: null,
  directionComparator: 'previous',
  narrative: {
    subject: 'of statutory Children in Care (CiC) visits were completed within timescale',
    zeroPhrase: 'No statutory Children in Care (CiC) visit due {when} was completed within timescale',
    // The committee's word for its target (minutes, Q3 2021/22: "in line with the target of 90 per cent"), not "internal target".
    targetNoun: 'target',
  },
  compute(input, ctx) {
    const missing = missingTables(input, SOURCES);
    if (missing.length > 0) return notAvailable(missing);
    const w = windowOf(ctx);
    const seenAlone = flagSetting(ctx.settings, 'cicVisits.seenAlone');
    const asAt = asAtFor(input.data, SOURCES);
    const isUasc = uascTest(input.data, ctx.settings);
    const longTermFile = input.data.tables.has('placements-long-term');
    const longTermByChild = sharedView(input, 'longTermByChild', () =>
      groupByChild(input.data.placementsLongTerm),
    );
    const visitsByChild = sharedView(input, `claVisitsByChild|${seenAlone}`, () =>
      groupByChild(input.data.claVisits.filter((v) => v.childSeen && (!seenAlone || v.seenAlone === true))),
    );
    const family = `cic-visits|${seenAlone}`;
    const wantMembers = ctx.members !== false;
    let numerator = 0;
    let denominator = 0;
    const members: Member[] = [];
    const used: CareHistory[] = [];
    let uascRemoved = 0;
    let beforeHistory = 0;
    const historyStart = input.data.historyStart.ssda903;
    for (const history of input.careHistories.values()) {
      let usedChild = false;
      for (const placement of history.placements) {
        if (placement.start > w.end || (placement.end !== null && placement.end <= w.start)) continue;
        const dues = chainDues(input, family, placement, asAt, w.end, (horizon) => ({
          start: placement.start,
          next: visitTimetable(
            placement.start,
            longTermTest(placement, longTermFile ? (longTermByChild.get(history.childId) ?? []) : null),
          ),
          events: (visitsByChild.get(history.childId) ?? []).map((v) => ({ date: v.visitDate, id: v.id })),
          end: placement.end,
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
          const seen = due.event === null ? '' : `; seen ${ukDate(due.event.date)}`;
          const first = placement.episodes[0]!.id;
          members.push({
            childId: history.childId,
            recordIds: due.event === null ? [first] : [first, due.event.id],
            dates: {
              placementStart: placement.start,
              anchor: due.anchor,
              due: due.due,
              event: due.event?.date ?? null,
            },
            inNumerator: due.met,
            reason: `visit due ${ukDate(due.due)} ${due.met ? 'met' : 'missed'}${seen}`,
          });
        }
        if (counted) {
          usedChild = true;
          if (historyStart !== null && placement.start < historyStart) beforeHistory += 1;
        }
      }
      if (usedChild) used.push(history);
    }
    const notes: (Note | null)[] = [
      provisionalNote(ctx.period.end, asAt),
      episodeChainNote(used),
      countNote('historyIncomplete', beforeHistory, 'placements starting before the loaded SSDA903 history'),
      uascNote(ctx.settings, uascRemoved),
      longTermFile
        ? null
        : {
            code: 'longTermFromPlace',
            detail: 'no placements_long_term file: PLACE U1 or U4 marks a long-term placement',
          },
      seenAlone ? { code: 'variant', detail: 'child seen alone' } : null,
    ];
    return wantMembers ? chainComputation(members, notes) : chainFigures(numerator, denominator, notes);
  },
};
