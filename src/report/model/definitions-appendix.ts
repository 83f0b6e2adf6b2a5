import { basisText, goodIsText, targetCellText } from './cell-text.js';
import type { IndicatorView } from './indicator-view.js';
import type { Block } from './render-model.js';

/** Appendix C: one definition list per indicator, generated from the catalogue (report.md §2 item 6). */
export function definitionsBlocks(views: readonly IndicatorView[]): Block[] {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'Each definition comes from the indicator catalogue; the version shown is the one used for the figures in this report.',
    },
  ];
  for (const v of views) {
    const d = v.entry.definition;
    const r = v.result;
    blocks.push(
      { kind: 'heading', text: `${v.ref}. ${v.entry.title}` },
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
          { term: 'Target', text: targetCellText(r) },
          { term: 'Why it is reported', text: d.why },
          { term: 'Comparability with England', text: d.comparability },
          { term: 'Definition version', text: `${v.entry.definitionVersion} (${v.entry.specSection})` },
        ],
      },
    );
  }
  return blocks;
}
