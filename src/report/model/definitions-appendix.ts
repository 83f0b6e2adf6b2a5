import { definitionTextUnder } from '../../indicators/definition-under.js';
import type { IndicatorSettings } from '../../indicators/types.js';
import { basisText, goodIsText, targetCellText } from './cell-text.js';
import type { IndicatorView } from './indicator-view.js';
import type { Block } from './render-model.js';

/** An engine note's code as the catalogue names it: "the note invalidDates", "(note icpcWithoutS47)". */
const NOTE_CODE = /\b(?:the )?note [a-z]+[A-Z][A-Za-z0-9]*/g;

/**
 * Catalogue text as members read it: a reference to an engine note by its code ("counted in the note
 * invalidDates") points to the data notes in Appendix D instead, where the note appears in words. Decided
 * reading of report.md §1 (the public paper is self-contained) and §2 item 6.
 * @example membersWording('(counted in the note invalidDates)') //=> '(counted in the data notes, Appendix D)'
 * @example membersWording('(note icpcWithoutS47)') //=> '(see the data notes, Appendix D)'
 */
export function membersWording(text: string): string {
  return text
    .replace(/\(note [a-z]+[A-Z][A-Za-z0-9]*\)/g, '(see the data notes, Appendix D)')
    .replace(NOTE_CODE, 'the data notes, Appendix D');
}

/**
 * Appendix C: one definition list per indicator, generated from the catalogue (report.md §2 item 6), worded
 * under the LA's settings the figures were computed under (`definitionTextUnder`: CP visits every 15
 * working days say 15), each headed by the result's title as the scorecard is.
 */
export function definitionsBlocks(views: readonly IndicatorView[], settings: IndicatorSettings): Block[] {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'Each definition comes from the indicator catalogue; the version shown is the one used for the figures in this report.',
    },
  ];
  for (const v of views) {
    const d = definitionTextUnder(v.entry, settings);
    const r = v.result;
    blocks.push(
      { kind: 'heading', text: `${v.ref}. ${r.title}` },
      {
        kind: 'definitions',
        items: [
          { term: 'Numerator', text: membersWording(d.numerator) },
          { term: 'Denominator', text: membersWording(d.denominator) },
          { term: 'Exclusions', text: membersWording(d.exclusions) },
          { term: 'Basis', text: basisText(r.basis) },
          {
            term: 'Good is',
            text: goodIsText(r) === '–' ? 'No judgement (a count or share without polarity)' : goodIsText(r),
          },
          { term: 'Target', text: targetCellText(r, v.entry) },
          { term: 'Why it is reported', text: membersWording(d.why) },
          { term: 'Comparability with England', text: membersWording(d.comparability) },
          { term: 'Definition version', text: `${v.entry.definitionVersion} (${v.entry.specSection})` },
        ],
      },
    );
  }
  return blocks;
}
