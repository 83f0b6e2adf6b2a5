import type { Child } from '../../model/child.js';
import type { SourceKind, SourceRef } from '../../model/source.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { datasetIssue } from './dataset-issue.js';
import { keepRecords, type Reidentify, reidentifyCopy, reidentifyInPlace } from './keyed-merge.js';
import type { SubmissionRecords } from './submission-records.js';

/** Which source's child record is preferred for a field: SSDA903 Header first, else CIN, else Annex A. */
const PREFERENCE: readonly SourceKind[] = ['ssda903', 'cin', 'annex-a', 'local'];

type Field = 'dob' | 'sex' | 'ethnicity' | 'deathDate' | 'upnHash';

/** The sources that give a DOB, in the order the merged child takes it, with the name messages use. */
const DOB_SOURCES: readonly (readonly [SourceKind, string])[] = [
  ['ssda903', 'SSDA903'],
  ['cin', 'CIN'],
  ['annex-a', 'Annex A'],
];

/** A child record as held while merging, with the id of its submission. */
interface Held {
  readonly child: Child;
  readonly subId: string;
}

/** The latest non-blank value of a field from the most preferred source that has one. */
function pick<F extends Field>(m: ReadonlyMap<SourceKind, readonly Held[]>, f: F): Child[F] {
  for (const src of PREFERENCE) {
    const list = m.get(src);
    if (list)
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.child[f] !== null) return list[i]!.child[f];
  }
  return null as Child[F];
}

/** The latest non-blank value of a field from one source. */
function latestOf(m: ReadonlyMap<SourceKind, readonly Held[]>, src: SourceKind, f: Field): string | null {
  const list = m.get(src);
  if (list)
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.child[f] !== null) return list[i]!.child[f];
  return null;
}

/**
 * Merges child records across sources and years by child id (LAchildID = CHILD = child_id). Each field
 * takes the latest non-blank value of the most preferred source (DOB: SSDA903 Header first, else CIN
 * PersonBirthDate; indicators.md §1.8); disabilities come from CIN. Cross-source checks: `X-DOB` (DOB
 * differs between sources: SSDA903, CIN, Annex A) and `X-UPN` (one UPN, two child ids).
 * @example mergeChildren([ssda903_2022, cin_2022]).children[0].dob //=> the Header DOB
 */
export function mergeChildren(
  subs: readonly SubmissionRecords[],
  reidentify: Reidentify = reidentifyCopy,
): {
  children: Child[];
  issues: ValidationIssue[];
} {
  // Per child, per source, the records oldest first (with the submission they came from).
  const bySource = new Map<string, Map<SourceKind, Held[]>>();
  for (const s of subs) {
    for (const c of s.tables.children ?? []) {
      let m = bySource.get(c.childId);
      if (!m) bySource.set(c.childId, (m = new Map()));
      let list = m.get(s.source);
      if (!list) m.set(s.source, (list = []));
      list.push({ child: c, subId: s.id });
    }
  }
  const issues: ValidationIssue[] = [];
  const children: Child[] = [];
  // In place, a source that already names its submission (as every stored one does) is kept, not copied.
  const reuse = reidentify === reidentifyInPlace;
  for (const [childId, m] of bySource) {
    const cin = m.get('cin');
    let disabilities: readonly string[] = [];
    if (cin)
      for (let i = cin.length - 1; i >= 0; i--)
        if (cin[i]!.child.disabilities.length > 0) {
          disabilities = cin[i]!.child.disabilities;
          break;
        }
    // Without copies (checks and counts only) the merged child lists no sources.
    const sources: SourceRef[] = [];
    if (reidentify !== keepRecords)
      for (const list of m.values())
        for (const h of list)
          for (const r of h.child.sources)
            sources.push(
              reuse && r.submissionId !== undefined ? r : { ...r, submissionId: r.submissionId ?? h.subId },
            );
    children.push({
      childId,
      dob: pick(m, 'dob'),
      sex: pick(m, 'sex'),
      ethnicity: pick(m, 'ethnicity'),
      deathDate: pick(m, 'deathDate'),
      upnHash: pick(m, 'upnHash'),
      disabilities: disabilities as string[],
      sources,
    });
    // X-DOB: the latest DOB of each source that gives one (SSDA903 Header, CIN, Annex A) disagree. Most
    // children agree (or have one source): that is decided without building the list.
    const d903 = latestOf(m, 'ssda903', 'dob');
    const dCin = latestOf(m, 'cin', 'dob');
    const dAnnexA = latestOf(m, 'annex-a', 'dob');
    const first = d903 ?? dCin ?? dAnnexA;
    const differs = (d: string | null): boolean => d !== null && d !== first;
    if (differs(dCin) || differs(dAnnexA)) {
      const dobs = DOB_SOURCES.map(([src, name]) => [name, latestOf(m, src, 'dob')] as const).filter(
        (x): x is readonly [string, string] => x[1] !== null,
      );
      const used = dobs[0]!;
      issues.push(
        datasetIssue(
          'X-DOB',
          'warning',
          `Date of birth differs between ${listed(dobs.map(([name, d]) => `${name} (${d})`))}; the ${used[0] === 'SSDA903' ? 'SSDA903 Header' : used[0]} date is used.`,
          {
            table: 'header',
            childId,
            field: 'DOB',
            value: dobs.find(([, d]) => d !== used[1])![1],
          },
        ),
      );
    }
  }
  const byUpn = new Map<string, string[]>();
  for (const c of children) {
    if (c.upnHash === null) continue;
    const list = byUpn.get(c.upnHash);
    if (list) list.push(c.childId);
    else byUpn.set(c.upnHash, [c.childId]);
  }
  for (const ids of byUpn.values()) {
    if (ids.length < 2) continue;
    issues.push(
      datasetIssue(
        'X-UPN',
        'query',
        `One UPN is recorded for ${ids.length} different child ids (${ids.join(', ')}); check whether they are the same child.`,
        {
          table: 'header',
          childId: ids[0]!,
          field: 'UPN',
        },
      ),
    );
  }
  return { children, issues };
}

/** `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
