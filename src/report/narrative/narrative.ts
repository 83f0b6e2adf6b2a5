import { listProse } from '../model/format.js';
import { expandAbbreviations } from './abbreviations.js';
import type { NarrativeInput, NarrativeSettings } from './narrative-input.js';
import type { NarrativePlace } from './select-section.js';
import { selectSection } from './select-section.js';
import { groupSentence, indicatorSentence, suppressedSentence } from './sentence.js';

/** One narrative item: a sentence for one indicator or one catalogue group. */
export interface NarrativeEntry {
  readonly ids: readonly string[];
  readonly section: 'performing-well' | 'areas-for-focus';
  /** The generated sentence (abbreviations expanded). */
  readonly text: string;
}

/** Where the officer moved an indicator (commentary `section`), with the reason. */
export type SectionOverride = 'performing-well' | 'areas-for-focus' | 'omit';

/** The narrative of report.md §5. */
export interface Narrative {
  readonly performingWell: readonly NarrativeEntry[];
  readonly areasForFocus: readonly NarrativeEntry[];
  /** Public version: "The figure for … is not published …", one per suppressed indicator. */
  readonly unpublished: readonly string[];
  /** "The following indicators are reported annually …", or null when none. */
  readonly annualSentence: string | null;
}

/**
 * Generates the narrative from the figures (report.md §5): selection into performing well and areas for
 * focus (officer overrides applied), one sentence per indicator or per `narrativeGroup` of indicators in the
 * same section, in catalogue order, with abbreviations spelt out at their first use.
 * @example buildNarrative(inputs, settings).performingWell[0].text //=> '10.8 per cent of the children referred …'
 */
export function buildNarrative(
  inputs: readonly NarrativeInput[],
  settings: NarrativeSettings,
  overrides: Readonly<Record<string, SectionOverride>> = {},
): Narrative {
  const placed = inputs.map((input) => {
    let place: NarrativePlace = selectSection(input, settings.inLineBand);
    const o = overrides[input.entry.id];
    if (o && (place === 'performing-well' || place === 'areas-for-focus')) place = o === 'omit' ? 'none' : o;
    return { input, place };
  });
  const raw: { ids: string[]; section: 'performing-well' | 'areas-for-focus'; text: string }[] = [];
  const done = new Set<string>();
  for (const { input, place } of placed) {
    if (place !== 'performing-well' && place !== 'areas-for-focus') continue;
    if (done.has(input.entry.id)) continue;
    const group = input.entry.narrative.narrativeGroup;
    const members = group
      ? placed
          .filter((p) => p.place === place && p.input.entry.narrative.narrativeGroup === group)
          .map((p) => p.input)
      : [input];
    for (const m of members) done.add(m.entry.id);
    const text =
      members.length > 1
        ? groupSentence(members, place, settings)
        : indicatorSentence(input, place, settings);
    raw.push({ ids: members.map((m) => m.entry.id), section: place, text });
  }
  const ordered = [
    ...raw.filter((r) => r.section === 'performing-well'),
    ...raw.filter((r) => r.section === 'areas-for-focus'),
  ];
  const expanded = expandAbbreviations(ordered.map((r) => r.text));
  const entries: NarrativeEntry[] = ordered.map((r, i) => ({
    ids: r.ids,
    section: r.section,
    text: expanded[i]!,
  }));
  const annual = placed.filter((p) => p.place === 'annual').map((p) => p.input.result.title);
  return {
    performingWell: entries.filter((e) => e.section === 'performing-well'),
    areasForFocus: entries.filter((e) => e.section === 'areas-for-focus'),
    unpublished: placed
      .filter((p) => p.place === 'suppressed')
      .map((p) => suppressedSentence(p.input.result.title)),
    annualSentence:
      annual.length === 0
        ? null
        : `${annual.length === 1 ? 'One indicator is' : `${annual.length} indicators are`} reported annually, so no quarterly update is available: ${listProse(annual)}.`,
  };
}

/**
 * The "minutes style" option (report.md §5): sentences joined with semicolons into one paragraph.
 * @example minutesStyle(['A b.', 'C d.']) //=> 'A b; c d.'
 */
export function minutesStyle(sentences: readonly string[]): string {
  const parts = sentences.map((s, i) => {
    const t = s.replace(/\.$/, '');
    return i > 0 && /^[A-Z][a-z]*[\s,]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
  });
  if (parts.length <= 1) return parts.length ? `${parts[0]}.` : '';
  return `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}.`;
}
