import type { DefinitionText, IndicatorDefinition, IndicatorSettings } from './types.js';

/**
 * An indicator's definition text under an LA's settings: its `definitionUnder` when it has one (CP visits
 * every 15 working days say 15), else its catalogue `definition`. For every place that describes this LA's
 * figures (Appendix C, the indicator page, the API); the bare catalogue text describes the defaults.
 * @example definitionTextUnder(cpVisits10wd, { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } }).summary
 * //=> '… made within 15 working days of the plan start or the previous visit.'
 */
export function definitionTextUnder(
  def: Pick<IndicatorDefinition, 'definition' | 'definitionUnder'>,
  settings: IndicatorSettings,
): DefinitionText {
  return def.definitionUnder?.(settings) ?? def.definition;
}
