import type { TableName } from '../model/source.js';
import { addWorkingDaysUnder } from './lib/add-working-days-under.js';
import { notAvailable, missingTables } from './lib/availability.js';
import {
  chainComputation,
  chainFigures,
  flagSetting,
  groupByChild,
  provisionalNote,
} from './lib/chain-support.js';
import { asAtFor } from './lib/as-at.js';
import { countNote } from './lib/notes.js';
import { ukDate } from './lib/uk-date.js';
import { chainDues } from './lib/chain-cache.js';
import { sharedView } from './lib/shared-view.js';
import { windowOf } from './lib/window.js';
import { variant } from './settings.js';
import type { DefinitionText, IndicatorDefinition, IndicatorSettings, Member, Note } from './types.js';

const SOURCES: readonly TableName[] = ['cp-plans', 'cp-visits'];

/**
 * cp-visits-10wd (indicators.md §2): one due-event chain (§1.6) per CP plan from CPPstartDate, a visit
 * due every N working days (`cpVisits.interval`, 10 or 15) after the anchor, events are `cp_visits`
 * with the child seen (and seen alone under `cpVisits.seenAlone`), the chain closes at CPPendDate.
 * One member per due falling in the period.
 */
export const cpVisits10wd: IndicatorDefinition = {
  id: 'cp-visits-10wd',
  title: 'Statutory CP visits within 10 working days',
  titleUnder: (settings) => `Statutory CP visits within ${visitInterval(settings)} working days`,
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'child-protection',
  basis: 'in-period',
  bases: ['in-period', 'ytd'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cp-visits-10wd; §1.6 due-event chains',
  definitionVersion: '1.0',
  definition: visitsDefinition(10),
  definitionUnder: (settings) => visitsDefinition(visitInterval(settings)),
  sources: SOURCES,
  target: { value: 90, kind: 'local' },
  england: null,
  directionComparator: 'previous',
  narrative: {
    // The figure is a % of due visits (§2), and `cpVisits.interval` may be 15: "within timescale", as
    // report.md §5 example 4 says of CiC visits.
    subject: 'of statutory Child Protection (CP) visits were made within timescale',
    zeroPhrase: 'No statutory Child Protection (CP) visit due {when} was made within timescale',
    // The committee's word for its target (minutes, Q3 2021/22: "below the target of 90 per cent"), not "internal target".
    targetNoun: 'target',
  },
  compute(input, ctx) {
    const missing = missingTables(input, SOURCES);
    if (missing.length > 0) return notAvailable(missing);
    const w = windowOf(ctx);
    const interval = visitInterval(ctx.settings);
    const seenAlone = flagSetting(ctx.settings, 'cpVisits.seenAlone');
    const asAt = asAtFor(input.data, SOURCES);
    const visitsByChild = sharedView(input, `cpVisitsByChild|${seenAlone}`, () =>
      groupByChild(input.data.cpVisits.filter((v) => v.childSeen && (!seenAlone || v.seenAlone === true))),
    );
    const family = `cp-visits|${interval}|${ctx.settings.workingDays}|${seenAlone}`;
    const wantMembers = ctx.members !== false;
    const members: Member[] = [];
    let numerator = 0;
    let denominator = 0;
    let invalidDates = 0;
    let beforeHistory = 0;
    const historyStart = input.data.historyStart.cin;
    for (const plan of input.data.cpPlans) {
      if (plan.endDate !== null && plan.endDate < plan.startDate) {
        invalidDates += 1;
        continue;
      }
      const dues = chainDues(input, family, plan, asAt, w.end, (horizon) => ({
        start: plan.startDate,
        subject: `child ${plan.childId} CP visit chain`,
        next: (a) => addWorkingDaysUnder(a, interval, ctx.settings.workingDays),
        events: (visitsByChild.get(plan.childId) ?? []).map((v) => ({ date: v.visitDate, id: v.id })),
        end: plan.endDate,
        asAt,
        horizon,
      }));
      let counted = false;
      for (const due of dues) {
        if (due.due < w.start || due.due > w.end) continue;
        counted = true;
        denominator += 1;
        if (due.met) numerator += 1;
        if (!wantMembers) continue;
        const seen = due.event === null ? '' : `; seen ${ukDate(due.event.date)}`;
        members.push({
          childId: plan.childId,
          recordIds: due.event === null ? [plan.id] : [plan.id, due.event.id],
          dates: {
            planStart: plan.startDate,
            anchor: due.anchor,
            due: due.due,
            event: due.event?.date ?? null,
          },
          inNumerator: due.met,
          reason: due.met
            ? `visit due ${ukDate(due.due)} met${seen}`
            : `visit due ${ukDate(due.due)} missed${seen === '' ? '; no visit since' : seen}`,
        });
      }
      if (counted && historyStart !== null && plan.startDate < historyStart) beforeHistory += 1;
    }
    const notes: (Note | null)[] = [
      provisionalNote(ctx.period.end, asAt),
      countNote('invalidDates', invalidDates),
      countNote('historyIncomplete', beforeHistory, 'plans starting before the loaded CIN history'),
      interval !== 10 || seenAlone
        ? {
            code: 'variant',
            detail: `visits every ${interval} working days${seenAlone ? ', child seen alone' : ''}`,
          }
        : null,
    ];
    return wantMembers ? chainComputation(members, notes) : chainFigures(numerator, denominator, notes);
  },
};

/** Working days between CP visits (`cpVisits.interval`, 10 or 15; default 10). */
function visitInterval(settings: IndicatorSettings): 10 | 15 {
  const interval = Number(variant<number | string>(settings, 'cpVisits.interval', 10));
  if (interval !== 10 && interval !== 15)
    throw new RangeError(`cpVisits.interval must be 10 or 15: ${interval}`);
  return interval;
}

/**
 * The definition text for visits every `interval` working days (`cpVisits.interval`, indicators.md §2): the
 * catalogue's `definition` is the 10-day text, and an LA visiting every 15 working days reads 15 (Appendix C,
 * the indicator page, the API).
 */
function visitsDefinition(interval: 10 | 15): DefinitionText {
  return {
    summary: `The percentage of statutory visits to children on a Child Protection plan, falling due in the period, that were made within ${interval} working days of the plan start or the previous visit.`,
    numerator: `Visits due in the period for which the child was seen on a visit after the previous visit (or the plan start) and no later than the due date, ${interval} working days after it. A late visit restarts the clock but never meets a due.`,
    denominator: `Visit due dates falling in the period, for every Child Protection plan: the first ${interval} working days after CPPstartDate, then ${interval} working days after each visit (or after a missed due date). Dues on or after the plan end date, or after the extract date, are not counted.`,
    exclusions:
      'Visits where the child was not seen. Dues on or after the plan end. Under the seen-alone option, visits where the child was not seen alone.',
    why: 'Regular visits, seeing the child, are how the social worker checks that the child is safe and the plan is working (Working Together to Safeguard Children; local practice standards).',
    comparability:
      'No national figure: visiting frequency for children on a plan is set locally, so LAs measure it differently (10 or 15 working days, calendar or working days).',
  };
}
