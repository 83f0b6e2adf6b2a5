import type { IndicatorSettings } from './types.js';

/** Default settings (indicators.md: every default comes first in the spec). */
export const DEFAULT_SETTINGS: IndicatorSettings = {
  workingDays: 'elapsed',
  excludeUasc: false,
  basis: {},
  variants: {},
};

/** A variant setting by its spec name (e.g. `cpVisits.interval`), or the given default. */
export function variant<T extends string | number | boolean>(
  settings: IndicatorSettings,
  name: string,
  fallback: T,
): T {
  const v = settings.variants[name];
  return (v === undefined ? fallback : v) as T;
}
