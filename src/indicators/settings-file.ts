import type { Basis } from '../calendar/period.js';
import { type ConfigIssue, type Parsed, notJsonIssue } from './config-issue.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { checkVariant } from './variant-catalogue.js';
import type { IndicatorSettings } from './types.js';

const BASES: readonly Basis[] = ['in-period', 'ytd', 'snapshot', 'rolling-12m', 'annual'];

/**
 * Parses an LA's indicator settings file (JSON, see README): `workingDays` (`elapsed` | `inclusive`, or the
 * spec's key `workingDays.count`), `excludeUasc`, `basis` by indicator id (or `<id>.basis` keys) and
 * `variants` by their spec names (or any other dotted key at the top level, e.g. `"icpc.anchor": "strategy"`),
 * each checked against the variant catalogue (a name or value it does not know is `CFG-SETTING`; yes/no
 * flags are stored as true or false). Unset settings keep their defaults.
 * @example parseSettings('{"workingDays.count":"inclusive","icpc.anchor":"strategy"}', 's.json', ids)
 */
export function parseSettings(
  text: string,
  file: string,
  knownIds: readonly string[],
): Parsed<IndicatorSettings> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, issues: [notJsonIssue(text.replace(/^\uFEFF/, ''), file)] };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return {
      ok: false,
      issues: [
        { code: 'CFG-FORMAT', file, position: 'line 1', message: 'expected a JSON object of settings' },
      ],
    };
  }
  const issues: ConfigIssue[] = [];
  const bad = (position: string, message: string): void => {
    issues.push({ code: 'CFG-SETTING', file, position, message });
  };
  const ids = new Set(knownIds);
  let workingDays = DEFAULT_SETTINGS.workingDays;
  let excludeUasc = DEFAULT_SETTINGS.excludeUasc;
  const basis: Record<string, Basis> = {};
  const variants: Record<string, string | number | boolean> = {};
  const setBasis = (id: string, value: unknown, position: string): void => {
    if (!ids.has(id)) return bad(position, `"${id}" is not an indicator id`);
    if (typeof value !== 'string' || !BASES.includes(value as Basis)) {
      return bad(position, `basis must be one of ${BASES.join(', ')}`);
    }
    basis[id] = value as Basis;
  };
  const setVariant = (name: string, value: unknown, position: string): void => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      return bad(position, 'a variant setting must be a string, number or true/false');
    }
    const checked = checkVariant(name, value);
    if (!checked.ok) return bad(position, checked.message);
    variants[name] = checked.value;
  };
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (key === 'workingDays' || key === 'workingDays.count') {
      if (value !== 'elapsed' && value !== 'inclusive') bad(key, 'must be "elapsed" or "inclusive"');
      else workingDays = value;
    } else if (key === 'excludeUasc') {
      if (typeof value !== 'boolean') bad(key, 'must be true or false');
      else excludeUasc = value;
    } else if (key === 'basis') {
      if (!value || typeof value !== 'object') bad(key, 'must be an object of indicator id to basis');
      else for (const [id, b] of Object.entries(value)) setBasis(id, b, `basis.${id}`);
    } else if (key === 'variants') {
      if (!value || typeof value !== 'object') bad(key, 'must be an object of variant name to value');
      else for (const [name, v] of Object.entries(value)) setVariant(name, v, `variants.${name}`);
    } else if (key.endsWith('.basis')) {
      setBasis(key.slice(0, -'.basis'.length), value, key);
    } else if (key.includes('.')) {
      setVariant(key, value, key);
    } else {
      bad(
        key,
        'unknown setting (expected workingDays, excludeUasc, basis, variants or a dotted variant name)',
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const sorted = <T>(r: Record<string, T>): Record<string, T> =>
    Object.fromEntries(
      Object.keys(r)
        .sort()
        .map((k) => [k, r[k]!]),
    );
  return { ok: true, value: { workingDays, excludeUasc, basis: sorted(basis), variants: sorted(variants) } };
}
