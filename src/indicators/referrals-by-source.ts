import { inWindow } from '../calendar/period.js';
import { breakdownRow } from './lib/breakdown.js';
import { fromMembers } from './lib/members.js';
import { uniqueReferrals } from './lib/unique-referrals.js';
import { windowOf } from './lib/window.js';
import type { IndicatorDefinition, Member } from './types.js';

/** The CIN ReferralSource groups, in the order the report lists them (indicators.md §2). */
export const REFERRAL_SOURCE_GROUPS: readonly { key: string; label: string; codes: readonly string[] }[] = [
  { key: '1', label: 'Individual', codes: ['1A', '1B', '1C', '1D'] },
  { key: '2A', label: 'Schools', codes: ['2A'] },
  { key: '2B', label: 'Education services', codes: ['2B'] },
  { key: '3', label: 'Health services', codes: ['3A', '3B', '3C', '3D', '3E', '3F'] },
  { key: '4', label: 'Housing', codes: ['4'] },
  { key: '5', label: 'LA services', codes: ['5A', '5B', '5C', '5D'] },
  { key: '6', label: 'Police', codes: ['6'] },
  { key: '7', label: 'Other legal agency', codes: ['7'] },
  { key: '8', label: 'Other', codes: ['8'] },
  { key: '9', label: 'Anonymous', codes: ['9'] },
  { key: '10', label: 'Unknown', codes: ['10'] },
];
const NOT_RECORDED = { key: 'not-recorded', label: 'Not recorded' };

/**
 * The source group key of a ReferralSource code; blank or invalid codes are "Not recorded".
 * @example sourceGroup('2A') //=> '2A'
 * @example sourceGroup('3C') //=> '3'
 * @example sourceGroup('Z9') //=> 'not-recorded'
 */
export function sourceGroup(code: string | null): string {
  if (code === null) return NOT_RECORDED.key;
  const c = code.trim().toUpperCase();
  return REFERRAL_SOURCE_GROUPS.find((g) => g.codes.includes(c))?.key ?? NOT_RECORDED.key;
}

/**
 * The source group of an Ofsted Annex A List 3 "Referral Source" label that names a group rather than a
 * code (inputs.md §4: "a) Individual" = 1A–1D; also "Health services", "LA services"), after the Annex A
 * label normalisation (trim, collapse spaces, fold case, drop a leading `a)`); null for any other text.
 * @example annexAGroup('a) Individual') //=> '1'
 * @example annexAGroup('d) Health services') //=> '3'
 * @example annexAGroup('Martian') //=> null
 */
export function annexAGroup(label: string | null): string | null {
  if (label === null) return null;
  const n = label
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/^[a-z]\)\s*/, '');
  return REFERRAL_SOURCE_GROUPS.find((g) => g.label.toLowerCase() === n)?.key ?? null;
}

/**
 * referrals-by-source (indicators.md §2): referrals in the period by CIN source group; the headline is the
 * share from schools (2A). Every group, and "Not recorded", is a breakdown row with the shared denominator.
 */
export const referralsBySource: IndicatorDefinition = {
  id: 'referrals-by-source',
  title: 'Referrals by source',
  unit: 'percent',
  polarity: 'none',
  serviceArea: 'front-door',
  basis: 'in-period',
  bases: ['in-period', 'ytd'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 referrals-by-source',
  definitionVersion: '1.0',
  definition: {
    summary:
      'Where referrals came from, by CIN census source group. The headline figure is the percentage of referrals made by schools (2A), shown apart from other education services (2B).',
    numerator: 'Referrals in the period from each source group (headline: schools, source 2A).',
    denominator:
      'Referrals (CINdetails) with a referral date in the period; duplicate child and date records count once.',
    exclusions: 'None. A blank or invalid source is shown as its own row, "Not recorded".',
    why: 'Members asked which agencies refer children, and how schools’ referrals compare with other education services.',
    comparability:
      'As the DfE Children in need statistics (referrals by source), which are for a whole year.',
  },
  sources: ['cin-details'],
  target: null,
  england: {
    value: 19.9,
    text: 'Schools 19.9% (police 29.5%, health 14.8%)',
    year: '2021-22',
    publisher: 'DfE Children in need statistics',
    likeForLike: true,
  },
  // report.md §4: the previous quarter by default; the shipped catalogue compares only cic-count and
  // assessments-45wd with the same quarter last year (Appendix B still shows this one's same quarter last year).
  directionComparator: 'previous',
  narrative: {
    subject: 'of referrals {when} were made by schools',
    narrativeGroup: 'referrals',
  },
  compute(input, ctx) {
    const w = windowOf(ctx);
    // With no CIN census, Annex A List 3 supplies the referrals and its group labels count in their group.
    const fromAnnexA = input.data.annexASupplied.has('cin-details');
    const members: Member[] = [];
    const counts = new Map<string, number>();
    for (const r of uniqueReferrals(input.data)) {
      if (!inWindow(r.referralDate, w)) continue;
      const group =
        (r.referralSource === null && fromAnnexA ? annexAGroup(r.referralSourceRaw) : null) ??
        sourceGroup(r.referralSource);
      counts.set(group, (counts.get(group) ?? 0) + 1);
      members.push({
        childId: r.childId,
        recordIds: [r.id],
        dates: { referralDate: r.referralDate },
        inNumerator: group === '2A',
        reason: `source ${r.referralSource ?? (group !== NOT_RECORDED.key ? `group ${group}` : r.referralSourceRaw ? 'invalid' : 'blank')}`,
      });
    }
    const n = members.length;
    const rows = [...REFERRAL_SOURCE_GROUPS, NOT_RECORDED].map((g) =>
      breakdownRow(g.key, g.label, counts.get(g.key) ?? 0, n),
    );
    return fromMembers(members, { breakdowns: { source: rows } });
  },
};
