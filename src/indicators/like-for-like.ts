import { headlineBasis } from './engine/run-indicator.js';
import { indicatorById } from './registry.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { IndicatorSettings } from './types.js';
import { DEFINITION_AFFECTS, TEXT_VARIANT_DEFAULTS, VARIANTS } from './variant-catalogue.js';

/** Whether a variant's value is its default (what the indicators read when it is unset). */
function isDefaultVariant(name: string, value: string | number | boolean): boolean {
  const rule = VARIANTS[name];
  if (rule === undefined) return true;
  const text = String(value).trim();
  switch (rule.kind) {
    case 'choice':
      return text === String(rule.values[0]);
    case 'flag':
      return !(value === true || /^(true|yes|y)$/i.test(text));
    case 'text':
      return text.replace(/\s+/g, '').toUpperCase() === (TEXT_VARIANT_DEFAULTS[name] ?? '').toUpperCase();
    case 'checked-elsewhere':
      return true;
  }
}

/**
 * The settings of this LA that change an indicator's definition from the defaults, as `name value` (e.g.
 * `['cpVisits.interval 15']`); empty when its figure is computed as other LAs' hub figures are (under
 * DEFAULT_SETTINGS, src/hub/compute-la.ts). Which setting affects which indicator is the catalogue's
 * {@link DEFINITION_AFFECTS}; a `<id>.basis` other than the catalogue's headline basis changes that indicator.
 * A setting written out at its default changes nothing.
 * @example definitionDiffers('cp-visits-10wd', { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } }) //=> ['cpVisits.interval 15']
 * @example definitionDiffers('referrals-rereferral-12m', { ...DEFAULT_SETTINGS, variants: { 'cpVisits.interval': 15 } }) //=> []
 */
export function definitionDiffers(indicatorId: string, settings: IndicatorSettings): string[] {
  const affects = (setting: string): boolean => DEFINITION_AFFECTS[setting]?.includes(indicatorId) ?? false;
  const out: string[] = [];
  if (settings.workingDays !== DEFAULT_SETTINGS.workingDays && affects('workingDays')) {
    out.push(`workingDays ${settings.workingDays}`);
  }
  if (settings.excludeUasc !== DEFAULT_SETTINGS.excludeUasc && affects('excludeUasc')) {
    out.push(`excludeUasc ${settings.excludeUasc}`);
  }
  const def = indicatorById(indicatorId);
  const chosen = settings.basis[indicatorId];
  if (chosen !== undefined && (def === undefined || headlineBasis(def, settings) !== def.basis)) {
    out.push(`${indicatorId}.basis ${chosen}`);
  }
  for (const name of Object.keys(settings.variants).sort()) {
    const value = settings.variants[name]!;
    if (affects(name) && !isDefaultVariant(name, value)) out.push(`${name} ${value}`);
  }
  return out;
}

/**
 * Why an indicator's benchmarks between LAs are not shown (report.md §3, docs/spec-readings.md
 * "Like-for-like benchmarks").
 * @example notComparableReason(['cpVisits.interval 15']) //=> "this council's settings change the definition: cpVisits.interval 15; other LAs' figures use the standard definition"
 */
export function notComparableReason(differs: readonly string[]): string {
  return `this council's settings change the definition: ${differs.join(', ')}; other LAs' figures use the standard definition`;
}
