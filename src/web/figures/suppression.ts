import type { IndicatorResult, IndicatorSettings } from '../../indicators/types.js';
import { INDICATORS } from '../../indicators/registry.js';
import { nestedFigures } from '../../report/public/cohort-difference.js';
import {
  DEFAULT_SUPPRESSION,
  type SuppressionRule,
  isSmall,
  percentSuppressed,
} from '../../report/public/suppression.js';
import { suppressionRuleOf } from '../../report/public/suppression-rule.js';
import { variant } from '../../indicators/settings.js';

/**
 * Public-version suppression (report.md §6) for one figure, by the report module's rules (`isSmall`,
 * `percentSuppressed`), so the dashboard hides exactly what the public report hides: counts from 1 to k
 * show as "fewer than k+1"; a percentage shows as "Small numbers" when its numerator, its denominator or
 * (by default) their difference is between 1 and k. Zero is shown.
 */
export type Suppression = 'none' | 'fewer-than' | 'small-numbers';

/**
 * The public rule the dashboard applies to a report: its settings' `suppression.k` and
 * `suppression.complement`, exactly as the report's drafts and editions use them (`suppressionRuleOf`), so
 * the public view hides what the public paper hides. Settings whose rule cannot be used (publishing refuses
 * them, CFG-SUPPRESSION) fall back to the defaults (k = 5, complement on), as the drafts do.
 * With `alongside`, the report's indicators shown with the figure, the rule also checks an indicator whose
 * cohort lies within another's against it (`nestedIn`, report.md §6), as the public paper does; every page
 * showing a report's figures passes them.
 * @example publicRuleOf({ ...DEFAULT_SETTINGS, variants: { 'suppression.k': 10 } }) //=> { k: 10, complement: true }
 */
export function publicRuleOf(
  settings: IndicatorSettings,
  alongside: readonly IndicatorResult[] = [],
): SuppressionRule {
  const r = suppressionRuleOf(settings);
  const rule = r.ok ? r.rule : DEFAULT_SUPPRESSION;
  const nestedIn = nestedFigures(alongside, INDICATORS);
  return nestedIn.size > 0 ? { ...rule, nestedIn } : rule;
}

/**
 * How a figure is suppressed in the public version under a rule.
 * @example suppressionOf('count', 3, null, DEFAULT_SUPPRESSION) //=> 'fewer-than'
 * @example suppressionOf('percent', 16, 20, DEFAULT_SUPPRESSION) //=> 'none'
 * @example suppressionOf('percent', 17, 20, DEFAULT_SUPPRESSION) //=> 'small-numbers' (3 children not meeting it)
 */
export function suppressionOf(
  unit: 'percent' | 'count',
  numerator: number | null,
  denominator: number | null,
  rule: SuppressionRule,
): Suppression {
  if (unit === 'count' || denominator === null) return isSmall(numerator, rule.k) ? 'fewer-than' : 'none';
  return percentSuppressed(numerator, denominator, rule) ? 'small-numbers' : 'none';
}

/**
 * Whether the public version may show team breakdowns (report.md §6: "Team breakdowns appear only if the
 * setting is on and every cell passes"): the LA's `suppression.teams` setting, off unless set to true. A
 * team is a handful of named workers, so its cells can point at a worker even when no cell is small;
 * officers' full view shows them whatever the setting.
 * @example publicTeamsOf({ ...DEFAULT_SETTINGS, variants: { 'suppression.teams': true } }) //=> true
 */
export function publicTeamsOf(settings: IndicatorSettings): boolean {
  return variant<string | number | boolean>(settings, 'suppression.teams', false) === true;
}
