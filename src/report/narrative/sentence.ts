import { periodShortLabel } from '../../calendar/period.js';
import { capitalise, formatCount, monthYear, perCent } from '../model/format.js';
import { benchmarkClause } from './benchmark-clause.js';
import type { NarrativeInput, NarrativeSettings } from './narrative-input.js';
import { fillPhrase, placesWhen } from './phrase-template.js';
import type { NarrativePlace } from './select-section.js';
import { onOrNearTarget } from './select-section.js';
import { targetClause } from './target-clause.js';
import { trendClause } from './trend-clause.js';
import { whenPhrase } from './when-phrase.js';

/** The pieces of the template `[{lead}] {value} {subject}[ {when}][, {target}][ {trend}][, {benchmark}].` */
export interface SentenceParts {
  /** Lead, value, subject and time phrase (or the zero phrase). */
  readonly opening: string;
  readonly target: string;
  readonly trend: string;
  readonly benchmark: string;
}

/** The value as narrative text: "10.8 per cent", "1,234". */
export function narrativeValue(input: NarrativeInput): string {
  const v = input.result.value!;
  return input.result.unit === 'percent' ? perCent(v) : formatCount(v);
}

/**
 * The opening words: `[{lead}] {value} {subject}[ {when}]`, or the catalogue's zero phrase when the value is 0.
 * `appendWhen` false leaves out the time phrase, appended or embedded (grouped sentences sharing the lead
 * member's basis say it once).
 */
export function opening(
  input: NarrativeInput,
  settings: NarrativeSettings,
  appendWhen = true,
): { text: string; zero: boolean } {
  const { entry, result } = input;
  const p = settings.period;
  const phraseValues = {
    value: narrativeValue(input),
    subject: '',
    whenEmbedded: appendWhen ? whenPhrase(result.basis, p, true) : '',
    endMonth: monthYear(p.end),
    quarter: p.quarter ? `Q${p.quarter}` : periodShortLabel(p),
    period: periodShortLabel(p),
  };
  const zeroPhrase = entry.narrative.zeroPhrase;
  if (result.value === 0 && zeroPhrase) {
    return { text: tidy(fillPhrase(zeroPhrase, phraseValues)), zero: true };
  }
  const subjectRaw = entry.narrative.subject;
  const subject = fillPhrase(subjectRaw, phraseValues);
  const lead = entry.narrative.lead;
  let text: string;
  if (lead && lead.includes('{value}')) {
    text = fillPhrase(lead, { ...phraseValues, subject });
  } else if (lead) {
    text = `${fillPhrase(lead, phraseValues)} ${phraseValues.value} ${subject}`;
  } else {
    text = `${phraseValues.value} ${subject}`;
    if (appendWhen && !placesWhen(subjectRaw)) text += ` ${whenPhrase(result.basis, p)}`;
  }
  return { text: tidy(text), zero: false };
}

/** Collapses the spaces and stray commas a dropped phrase leaves behind. */
function tidy(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/ ,/g, ',').replace(/,,/g, ',').trim();
}

/** Builds the clauses of one indicator's sentence (report.md §5). */
export function sentenceParts(
  input: NarrativeInput,
  place: NarrativePlace,
  settings: NarrativeSettings,
  grouped = false,
): SentenceParts {
  const open = opening(input, settings);
  const target = targetClause(input.result, settings.inLineBand, open.zero, input.entry.narrative.targetNoun);
  const positive = input.result.rag === null || onOrNearTarget(input, settings.inLineBand);
  const trend = grouped ? '' : trendClause(input, place, positive, target !== '');
  return {
    opening: open.text,
    target: withVerbBeforeAnd(target, trend),
    trend,
    benchmark: grouped ? '' : benchmarkClause(input, settings),
  };
}

/**
 * The low-is-good Amber/Red target clause ", above the 6 per cent target" (report.md §5) has no verb, so a trend
 * clause continuing "and is similar to …" would have none to pair with; there it reads ", which is above the 6
 * per cent target", as the high-is-good clause has "which falls below". Before "; however" (example 8) or with
 * no trend clause it stays as the spec writes it.
 * @example withVerbBeforeAnd(', above the 6 per cent target', ' and is similar to …') //=> ', which is above the 6 per cent target'
 */
export function withVerbBeforeAnd(target: string, trend: string): string {
  return trend.startsWith(' and is ') && target.startsWith(', above the ') && target.endsWith(' target')
    ? target.replace(/^, above /, ', which is above ')
    : target;
}

/**
 * One indicator's sentence, e.g. "10.8 per cent of the children referred during this quarter had been
 * re-referred to Children's Social Care within 12 months of a previous referral, which was positively below
 * the internal target of 18 per cent." Abbreviation markers are expanded later, across the whole narrative.
 */
export function indicatorSentence(
  input: NarrativeInput,
  place: NarrativePlace,
  settings: NarrativeSettings,
): string {
  const s = sentenceParts(input, place, settings);
  return `${capitalise(s.opening)}${s.target}${s.trend}${s.benchmark}.`;
}

/** The public version's sentence for a suppressed figure (report.md §5). */
export function suppressedSentence(title: string): string {
  return `The figure for ${title} is not published because it relates to a small number of children.`;
}

/**
 * A grouped sentence (catalogue `narrativeGroup`, report.md §5 example 7): the first member's full opening
 * and target clause, then ", and" each other member's value and subject (their time phrase only when their
 * basis differs). No trend or benchmark clauses.
 */
export function groupSentence(
  members: readonly NarrativeInput[],
  place: NarrativePlace,
  settings: NarrativeSettings,
): string {
  const [first, ...rest] = members;
  const head = sentenceParts(first!, place, settings, true);
  const followers = rest.map((m) => {
    const o = opening(m, settings, m.result.basis !== first!.result.basis).text;
    return /^[A-Z][a-z]/.test(o) && o.startsWith('No ') ? o[0]!.toLowerCase() + o.slice(1) : o;
  });
  const tail =
    followers.length === 0
      ? ''
      : followers.length === 1
        ? `, and ${followers[0]}`
        : `, ${followers.slice(0, -1).join(', ')} and ${followers[followers.length - 1]}`;
  return `${capitalise(head.opening)}${head.target}${tail}.`;
}
