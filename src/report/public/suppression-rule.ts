import { variant } from '../../indicators/settings.js';
import type { IndicatorSettings } from '../../indicators/types.js';
import { DEFAULT_SUPPRESSION, type SuppressionRule } from './suppression.js';

/** A suppression setting that cannot be used (a stable code and the setting's name). */
export interface SuppressionSettingIssue {
  readonly code: 'CFG-SUPPRESSION';
  readonly setting: string;
  readonly message: string;
}

/**
 * The public version's small-number rule (report.md §6) from the LA's indicator settings (the `--settings`
 * file's `suppression.k`, a whole number from 1, `suppression.complement`, true or false, and
 * `suppression.teams`, team breakdowns in public when true), else the defaults (k = 5, complement on, team
 * breakdowns not published). The settings are frozen with each edition, so the rule is too.
 * @example suppressionRuleOf({ ...DEFAULT_SETTINGS, variants: { 'suppression.k': 10 } }) //=> { ok: true, rule: { k: 10, complement: true } }
 * @example suppressionRuleOf({ ...DEFAULT_SETTINGS, variants: { 'suppression.k': 0 } }).ok //=> false
 */
export function suppressionRuleOf(
  settings: IndicatorSettings,
):
  | { readonly ok: true; readonly rule: SuppressionRule }
  | { readonly ok: false; readonly issue: SuppressionSettingIssue } {
  const k = variant<number | string | boolean>(settings, 'suppression.k', DEFAULT_SUPPRESSION.k);
  const complement = variant<number | string | boolean>(
    settings,
    'suppression.complement',
    DEFAULT_SUPPRESSION.complement,
  );
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    return {
      ok: false,
      issue: {
        code: 'CFG-SUPPRESSION',
        setting: 'suppression.k',
        message: `suppression.k must be a whole number from 1 (got ${JSON.stringify(k)})`,
      },
    };
  }
  // A flag of the variant catalogue (a settings file's "yes"/"true" arrive as true); anything else is off.
  const team = variant<number | string | boolean>(settings, 'suppression.teams', false) === true;
  if (typeof complement !== 'boolean') {
    return {
      ok: false,
      issue: {
        code: 'CFG-SUPPRESSION',
        setting: 'suppression.complement',
        message: `suppression.complement must be true or false (got ${JSON.stringify(complement)})`,
      },
    };
  }
  return { ok: true, rule: { k, complement, ...(team ? { teamBreakdowns: true } : {}) } };
}
