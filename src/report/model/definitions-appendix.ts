import { definitionTextUnder } from '../../indicators/definition-under.js';
import type { IndicatorSettings } from '../../indicators/types.js';
import { basisText, goodIsText, targetCellText } from './cell-text.js';
import type { IndicatorView } from './indicator-view.js';
import type { Block } from './render-model.js';

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
          { term: 'Numerator', text: d.numerator },
          { term: 'Denominator', text: d.denominator },
          { term: 'Exclusions', text: d.exclusions },
          { term: 'Basis', text: basisText(r.basis) },
          {
            term: 'Good is',
            text: goodIsText(r) === '–' ? 'No judgement (a count or share without polarity)' : goodIsText(r),
          },
          { term: 'Target', text: targetCellText(r, v.entry) },
          { term: 'Why it is reported', text: d.why },
          { term: 'Comparability with England', text: d.comparability },
          { term: 'Definition version', text: `${v.entry.definitionVersion} (${v.entry.specSection})` },
        ],
      },
    );
  }
  return blocks;
}
