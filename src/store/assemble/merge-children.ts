import type { Child } from '../../model/child.js';
import type { SourceKind } from '../../model/source.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { datasetIssue } from './dataset-issue.js';
import type { SubmissionRecords } from './submission-records.js';

/** Which source's child record is preferred for a field: SSDA903 Header first, else CIN, else Annex A. */
const PREFERENCE: readonly SourceKind[] = ['ssda903', 'cin', 'annex-a', 'local'];

type Field = 'dob' | 'sex' | 'ethnicity' | 'deathDate' | 'upnHash';

/**
 * Merges child records across sources and years by child id (LAchildID = CHILD = child_id). Each field
 * takes the latest non-blank value of the most preferred source (DOB: SSDA903 Header first, else CIN
 * PersonBirthDate; indicators.md §1.8); disabilities come from CIN. Cross-source checks: `X-DOB` (DOB
 * differs between sources) and `X-UPN` (one UPN, two child ids).
 * @example mergeChildren([ssda903_2022, cin_2022]).children[0].dob //=> the Header DOB
 */
export function mergeChildren(subs: readonly SubmissionRecords[]): {
  children: Child[];
  issues: ValidationIssue[];
} {
  // Per child, per source, the records oldest first.
  const bySource = new Map<string, Map<SourceKind, Child[]>>();
  for (const s of subs) {
    for (const c of s.tables.children ?? []) {
      let m = bySource.get(c.childId);
      if (!m) bySource.set(c.childId, (m = new Map()));
      let list = m.get(s.source);
      if (!list) m.set(s.source, (list = []));
      list.push({ ...c, sources: c.sources.map((r) => ({ ...r, submissionId: r.submissionId ?? s.id })) });
    }
  }
  const issues: ValidationIssue[] = [];
  const children: Child[] = [];
  for (const [childId, m] of bySource) {
    const pick = <F extends Field>(f: F): Child[F] => {
      for (const src of PREFERENCE) {
        const list = m.get(src) ?? [];
        for (let i = list.length - 1; i >= 0; i--) if (list[i]![f] !== null) return list[i]![f];
      }
      return null as Child[F];
    };
    const latestOf = (src: SourceKind, f: Field): string | null => {
      const list = m.get(src) ?? [];
      for (let i = list.length - 1; i >= 0; i--) if (list[i]![f] !== null) return list[i]![f];
      return null;
    };
    const cin = m.get('cin') ?? [];
    const disabilities = [...cin].reverse().find((c) => c.disabilities.length > 0)?.disabilities ?? [];
    const all = [...m.values()].flat();
    children.push({
      childId,
      dob: pick('dob'),
      sex: pick('sex'),
      ethnicity: pick('ethnicity'),
      deathDate: pick('deathDate'),
      upnHash: pick('upnHash'),
      disabilities,
      sources: all.flatMap((c) => c.sources),
    });
    const dob903 = latestOf('ssda903', 'dob');
    const dobCin = latestOf('cin', 'dob');
    if (dob903 !== null && dobCin !== null && dob903 !== dobCin) {
      issues.push(
        datasetIssue(
          'X-DOB',
          'warning',
          `Date of birth differs between SSDA903 (${dob903}) and CIN (${dobCin}); the SSDA903 Header date is used.`,
          {
            table: 'header',
            childId,
            field: 'DOB',
            value: dobCin,
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
