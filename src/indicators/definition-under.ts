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

/**
 * An indicator's title under an LA's settings: its `titleUnder` when it has one (CP visits every 15 working
 * days: "Statutory CP visits within 15 working days"), else its catalogue `title`, as the engine titles its
 * figures. For every page that names this LA's indicator outside a computed report (targets, data).
 * @example titleTextUnder(cpVisits10wd, { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } }) //=> 'Statutory CP visits within 15 working days'
 */
export function titleTextUnder(
  def: Pick<IndicatorDefinition, 'title' | 'titleUnder'>,
  settings: IndicatorSettings,
): string {
  return def.titleUnder?.(settings) ?? def.title;
}
