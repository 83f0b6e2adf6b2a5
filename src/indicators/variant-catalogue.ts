/**
 * Every variant setting the indicators read (indicators.md §2 "Variants", §1.2), with the values each
 * takes. A settings file is checked against it, so a mistyped name or value ("Strategy", "365 days") is a
 * `CFG-SETTING` problem rather than a figure silently computed to the default definition.
 */
export type VariantRule =
  /** One of these values (the default first). Numbers may also be written as text ("15"). */
  | { readonly kind: 'choice'; readonly values: readonly (string | number)[] }
  /** Yes or no: true/false, or the text true/false/yes/no/y/n (stored as true or false). */
  | { readonly kind: 'flag' }
  /** Text matching the pattern. */
  | { readonly kind: 'text'; readonly pattern: RegExp; readonly example: string }
  /** Checked where it is used (the public suppression rule: CFG-SUPPRESSION when publishing). */
  | { readonly kind: 'checked-elsewhere' };

const choice = (...values: (string | number)[]): VariantRule => ({ kind: 'choice', values });
const FLAG: VariantRule = { kind: 'flag' };

export const VARIANTS: Readonly<Record<string, VariantRule>> = {
  'rereferral.window': choice('12months', '365days'),
  'screening.cohortBy': choice('decided', 'received'),
  'assessment.anchor': choice('start', 'referral'),
  'icpc.anchor': choice('s47', 'strategy'),
  'cpVisits.interval': choice(10, 15),
  'cpVisits.seenAlone': FLAG,
  cpDuration: choice('inclusive', 'elapsed', 'calendar'),
  'repeat.window': choice('24months', '730days'),
  'allocation.source': choice('allocations', 'swEpisodes'),
  'cicVisits.seenAlone': FLAG,
  'distance.threshold': choice('gt', 'gte'),
  'distance.outsideLaOnly': FLAG,
  'distance.laua': {
    kind: 'text',
    pattern: /^\s*(E0[6-9]\d{6}\s*(,\s*E0[6-9]\d{6}\s*)*)?$/i,
    example: 'E06000005 (several separated by commas)',
  },
  'health.completion': choice('onTime', 'byPeriodEnd'),
  'health.cohort': choice('due', 'oc2'),
  'dental.completion': choice('byPeriodEnd', 'onTime'),
  'dental.cohort': choice('due', 'oc2'),
  'careLeavers.cohort': choice('local', 'oc3'),
  'careLeavers.ages': { kind: 'text', pattern: /^\s*\d{1,2}\s*[-–]\s*\d{1,2}\s*$/, example: '17-18' },
  'suppression.k': { kind: 'checked-elsewhere' },
  'suppression.complement': { kind: 'checked-elsewhere' },
  /** Team breakdowns in the public version (report.md §6: only when on; default off). */
  'suppression.teams': FLAG,
};

/**
 * A settings file's variant value as the indicators read it, or the problem with it.
 * @example checkVariant('icpc.anchor', 'strategy') //=> { ok: true, value: 'strategy' }
 * @example checkVariant('icpc.anchor', 'Strategy').ok //=> false
 * @example checkVariant('cpVisits.seenAlone', 'yes') //=> { ok: true, value: true }
 */
export function checkVariant(
  name: string,
  value: string | number | boolean,
):
  | { readonly ok: true; readonly value: string | number | boolean }
  | { readonly ok: false; readonly message: string } {
  const rule = VARIANTS[name];
  if (rule === undefined) {
    const near = Object.keys(VARIANTS).find((k) => k.toLowerCase() === name.toLowerCase());
    return {
      ok: false,
      message: near
        ? `unknown variant setting: did you mean ${near}?`
        : `unknown variant setting (known: ${Object.keys(VARIANTS).sort().join(', ')})`,
    };
  }
  switch (rule.kind) {
    case 'checked-elsewhere':
      return { ok: true, value };
    case 'flag': {
      if (typeof value === 'boolean') return { ok: true, value };
      const text = String(value).trim().toLowerCase();
      if (['true', 'yes', 'y'].includes(text)) return { ok: true, value: true };
      if (['false', 'no', 'n'].includes(text)) return { ok: true, value: false };
      return { ok: false, message: 'must be true or false' };
    }
    case 'text':
      return typeof value === 'string' && rule.pattern.test(value)
        ? { ok: true, value }
        : { ok: false, message: `must be written like ${rule.example}` };
    case 'choice': {
      const hit = rule.values.find(
        (v) => v === value || (typeof v === 'number' && String(v) === String(value).trim()),
      );
      return hit === undefined
        ? { ok: false, message: `must be one of ${rule.values.join(', ')} (default ${rule.values[0]})` }
        : { ok: true, value: hit };
    }
  }
}

/**
 * Which indicators each setting changes the definition of (indicators.md §1.2, §2 "Variants"): every variant
 * of {@link VARIANTS}, `workingDays` (the working-day indicators, under `inclusive`) and `excludeUasc` (the
 * indicators that leave UASC out, when true); a `<id>.basis` setting changes only that indicator. Other LAs'
 * hub figures are computed under the defaults (src/hub/compute-la.ts), so an indicator listed here for a
 * setting this LA has changed is not benchmarked against them (like-for-like.ts). Listing an indicator a
 * setting does not move is harmless; missing one is the bug: like-for-like.test.ts computes every indicator
 * under each setting and fails if one moves that is not listed.
 */
export const DEFINITION_AFFECTS: Readonly<Record<string, readonly string[]>> = {
  workingDays: [
    'referrals-decided-1wd',
    'referrals-decided-over-3wd',
    'assessments-45wd',
    'icpc-15wd',
    'cp-visits-10wd',
    'cic-reviews-in-time',
    'cic-health-assessments',
    // Not cic-dental-checks: its timetable is 12 months from the start, no working days
    // (like-for-like.cases.test.ts asserts it does not move).
  ],
  excludeUasc: [
    'cic-count',
    'cic-allocated-sw',
    'cic-allocated-qualified-sw',
    'cic-reviews-in-time',
    'cic-visits-in-time',
    'cic-placements-3plus',
    'cic-long-term-stability',
    'cic-placed-20-miles',
    'cic-health-assessments',
    'cic-dental-checks',
    'cic-missing',
    'care-leavers-neet',
    'care-leavers-suitable-accommodation',
  ],
  'rereferral.window': ['referrals-rereferral-12m'],
  'screening.cohortBy': ['referrals-decided-1wd', 'referrals-decided-over-3wd'],
  'assessment.anchor': ['assessments-45wd'],
  'icpc.anchor': ['icpc-15wd'],
  'cpVisits.interval': ['cp-visits-10wd'],
  'cpVisits.seenAlone': ['cp-visits-10wd'],
  cpDuration: ['cp-ceased-2y-plus'],
  'repeat.window': ['cp-repeat-2y'],
  'allocation.source': ['cic-allocated-sw', 'cic-allocated-qualified-sw'],
  'cicVisits.seenAlone': ['cic-visits-in-time'],
  'distance.threshold': ['cic-placed-20-miles'],
  'distance.outsideLaOnly': ['cic-placed-20-miles'],
  'distance.laua': ['cic-placed-20-miles'],
  'health.completion': ['cic-health-assessments'],
  'health.cohort': ['cic-health-assessments'],
  'dental.completion': ['cic-dental-checks'],
  'dental.cohort': ['cic-dental-checks'],
  'careLeavers.cohort': ['care-leavers-neet', 'care-leavers-suitable-accommodation'],
  'careLeavers.ages': ['care-leavers-neet', 'care-leavers-suitable-accommodation'],
  // Public suppression settings change what is published, never a figure.
  'suppression.k': [],
  'suppression.complement': [],
  'suppression.teams': [],
};

/** The default of each text variant (what the indicators read when it is unset). */
export const TEXT_VARIANT_DEFAULTS: Readonly<Record<string, string>> = {
  'distance.laua': '',
  'careLeavers.ages': '19-21',
};
