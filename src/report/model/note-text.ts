import type { Note } from '../../indicators/types.js';
import { maskSmallCounts } from '../public/rescan.js';
import { isSmall } from '../public/suppression.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import { formatCount, longDate } from './format.js';

/** How a note reads: a validation issue (records excluded or at risk) or information about the figure. */
interface NoteWording {
  readonly kind: 'issue' | 'info';
  /** Sentence with `{n}` for the count and `{detail}` for the engine's detail. */
  readonly text: string;
  /** The sentence when the note carries no count, where the two read differently. */
  readonly uncounted?: string;
  /** The count is of records left out of (or uncertain in) a percentage: show the largest possible effect. */
  readonly excluded?: boolean;
}

/** Wording per engine note code (indicators.md §1 notes); unknown codes fall back to the detail. */
export const NOTE_WORDING: Readonly<Record<string, NoteWording>> = {
  invalidDates: {
    kind: 'issue',
    text: '{n} [record|records] with an end or decision date before the start [was|were] excluded',
    excluded: true,
  },
  awaitingDecision: {
    kind: 'issue',
    text: '{n} [referral was|referrals were] awaiting a decision at the period end and [is|are] not yet counted ({detail})',
    excluded: true,
  },
  icpcWithoutS47: {
    kind: 'issue',
    text: '{n} [conference|conferences] recorded without a Section 47 enquiry [was|were] excluded',
    excluded: true,
  },
  noDob: {
    kind: 'issue',
    text: '{n} [young person|young people] without a date of birth [was|were] excluded',
    excluded: true,
  },
  // Counted by the due-event chains (§1.6: records starting before the history, whose earlier dues are
  // unknown); uncounted from a look-back (§1.3: re-referrals, repeat plans, placements, long-term stability),
  // where what the short history hides is earlier events, not dues.
  historyIncomplete: {
    kind: 'issue',
    text: '{n} {detail}: dues falling before the loaded history cannot be checked',
    uncounted: 'the loaded history is shorter than the look-back ({detail}), so earlier events are not seen',
  },
  episodeChainErrors: {
    kind: 'issue',
    text: '{n} SSDA903 episode-chain [anomaly|anomalies] (gaps or overlaps between episodes); the care history is read as recorded',
  },
  unknownWorker: {
    kind: 'issue',
    text: '{n} [child has|children have] an allocated worker missing from the workers list, counted as not qualified',
  },
  previousCppMismatch: {
    kind: 'issue',
    text: '{n} [plan has|plans have] a recorded number of previous plans that disagrees with the loaded history',
  },
  distanceUnknown: {
    kind: 'issue',
    text: '{n} [child has|children have] a placement distance that cannot be worked out (postcode not in postcodes.csv) and [stays|stay] in the denominator',
    excluded: false,
  },
  locationUnknown: {
    kind: 'issue',
    text: '{n} [child has|children have] no placement postcode and [stays|stay] in the denominator',
  },
  missingOutsideCare: {
    kind: 'issue',
    text: '{n} missing [row is|rows are] of children not looked after in the period and [is|are] not counted',
  },
  eligibilityDerived: {
    kind: 'info',
    text: '{n} care [leaver|leavers] had no eligibility recorded in the extract; it was worked out from the SSDA903 episodes',
  },
  excludedAccommodation: {
    kind: 'info',
    text: '{n} [young person|young people] who had gone abroad, been deported or whose residence is not known [is|are] not in the cohort ({detail})',
  },
  excludedInTouch: {
    kind: 'issue',
    text: '{n} [young person|young people] who had died or returned home for six months or more [was|were] excluded',
  },
  inTouchNotKnown: {
    kind: 'info',
    text: '{n} [young person|young people] not in touch (IN_TOUCH NO, REFU or NREQ) [is|are] counted with activity and accommodation not known',
  },
  excludeUasc: {
    kind: 'info',
    text: '{n} unaccompanied asylum-seeking [child was|children were] excluded by the setting',
  },
  provisional: {
    kind: 'info',
    text: 'provisional: the data end before the period does ({detail})',
  },
  populationYear: { kind: 'info', text: 'the {detail}' },
  noPopulation: { kind: 'info', text: 'no rate per 10,000: {detail}' },
  careLeaverAges: { kind: 'info', text: 'care leavers {detail} at the period end' },
  notAvailable: { kind: 'info', text: 'not available: {detail}' },
  variant: { kind: 'info', text: 'local option in use: {detail}' },
  distanceThreshold: { kind: 'info', text: 'distance threshold: {detail}' },
  outsideLaOnly: { kind: 'info', text: '{detail}' },
  longTermFromPlace: { kind: 'info', text: '{detail}' },
  allocationSource: { kind: 'info', text: 'allocations read from {detail}' },
  annexA: { kind: 'info', text: 'computed from {detail}' },
  annexABlank: {
    kind: 'issue',
    text: '{n} [child has|children have] a blank {detail} in Ofsted Annex A and [is|are] not counted in the numerator',
  },
  adoptionClauseUnknown: {
    kind: 'info',
    text: '{n} [child|children] in an adoption placement counted on that placement only ({detail})',
  },
  anchorFallback: {
    kind: 'issue',
    text: '{n} [conference was|conferences were] measured from the Section 47 start for lack of a strategy discussion',
  },
};

/** A note worded for the data notes, and whether it is a validation issue. */
export interface WordedNote {
  readonly kind: 'issue' | 'info';
  readonly text: string;
}

/**
 * The largest possible effect of `c` excluded records on a percentage x/n, in points (report.md §2 item 7
 * "at most 1.1 points"): the bigger of counting them all in or all out of the numerator.
 * @example largestEffect(160, 200, 3) //=> 1.2
 */
export function largestEffect(x: number, n: number, c: number): number {
  if (n + c === 0) return 0;
  const p = n === 0 ? 0 : x / n;
  const allIn = Math.abs((x + c) / (n + c) - p);
  const allOut = Math.abs(x / (n + c) - p);
  return Math.round(Math.max(allIn, allOut) * 1000) / 10;
}

/**
 * An engine note's ISO dates as the paper writes dates (report.md §5 Formats): "data to 2022-03-30" reads
 * "data to 30 March 2022".
 * @example longDates('data to 2022-03-30') //=> 'data to 30 March 2022'
 */
export function longDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => longDate(d as IsoDate));
}

/**
 * Words one engine note (`[singular|plural]` chosen by the count) for the data notes, e.g. "12 referrals were awaiting a decision at the period end
 * and are not yet counted (oldest 6 working days); at most 0.2 points". Counts 1..k read "fewer than k+1"
 * in the public version, and their largest possible effect is that of k records (report.md §6: the effect
 * of the true count, beside a shown x/n, would give it back).
 * @example noteWords({ code: 'icpcWithoutS47', count: 1 }, null, false, 5).text //=> '1 conference recorded without a Section 47 enquiry was excluded'
 */
export function noteWords(
  note: Note,
  figure: { readonly numerator: number | null; readonly denominator: number | null } | null,
  pub: boolean,
  k: number,
): WordedNote {
  const w = NOTE_WORDING[note.code];
  const n =
    note.count === undefined
      ? ''
      : pub && isSmall(note.count, k)
        ? `fewer than ${k + 1}`
        : formatCount(note.count);
  if (!w) {
    const words = note.code.replace(/([A-Z])/g, ' $1').toLowerCase();
    const detail = note.detail === undefined ? words : pub ? maskSmallCounts(note.detail, k) : note.detail;
    return { kind: 'issue', text: [n, detail].filter(Boolean).join(' ') };
  }
  // A masked count reads "fewer than k+1", which is plural whatever the true count (the singular would give a 1 back).
  const one = note.count === 1 && !(pub && isSmall(note.count, k));
  let text = (note.count === undefined ? (w.uncounted ?? w.text) : w.text)
    .replace('{n}', n)
    .replace('{detail}', longDates(pub ? maskSmallCounts(note.detail ?? '', k) : (note.detail ?? '')))
    .replace(/\[([^|\]]*)\|([^\]]*)\]/g, (_, singular: string, plural: string) => (one ? singular : plural));
  text = text.replace(/ \(\)/g, '').replace(/ {2,}/g, ' ').replace(/ :/g, ':').trim();
  if (
    w.excluded &&
    note.count &&
    figure &&
    figure.numerator !== null &&
    figure.denominator !== null &&
    figure.denominator > 0
  ) {
    // Public: a masked count's effect is that of k records, so the effect never gives the count back.
    const c = pub && isSmall(note.count, k) ? k : note.count;
    text += `; at most ${largestEffect(figure.numerator, figure.denominator, c).toFixed(1)} points`;
  }
  return { kind: w.kind, text };
}
