/**
 * Small builders of model records and submissions for tests and benches (no personal data: made-up ids).
 * @example episode('C1', '2021-05-01', { dec: '2021-06-01', rec: 'E4A' })
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { FileInfo, IngestResult, RecordTables, StagedSubmission } from '../ingest/staged.js';
import { stagedTablesOf } from '../ingest/episode-table.js';
import type { Child } from '../model/child.js';
import type { Assessment, CpPlan, Referral } from '../model/cin.js';
import type { Episode } from '../model/episode.js';
import type { Visit } from '../model/local.js';
import type { SourceKind } from '../model/source.js';
import type { RowCount } from '../validate/issue.js';
import type { SubmissionRecords } from './assemble/submission-records.js';

const d = (s: string): IsoDate => s as IsoDate;
let n = 0;
const nextId = (p: string): string => `${p}${++n}`;

export function episode(
  childId: string,
  decom: string,
  extra: Partial<Omit<Episode, 'decom' | 'dec'>> & { dec?: string | null } = {},
): Episode {
  const { dec = null, ...rest } = extra;
  return {
    id: nextId('e'),
    childId,
    decom: d(decom),
    rne: 'S',
    ls: 'C2',
    cin: 'N1',
    place: 'U4',
    placeProvider: 'PR1',
    dec: dec === null ? null : d(dec),
    rec: dec === null ? null : 'E4A',
    reasonPlaceChange: null,
    homePost: null,
    plPost: null,
    urn: null,
    plDistance: null,
    source: { file: 'episodes.csv', position: `line ${n + 1}` },
    ...rest,
  };
}

export function child(
  childId: string,
  extra: Partial<Omit<Child, 'dob'>> & { dob?: string | null } = {},
  file = 'header.csv',
): Child {
  const { dob = '2010-01-15', ...rest } = extra;
  return {
    childId,
    dob: dob === null ? null : d(dob),
    sex: 'M',
    ethnicity: 'WBRI',
    deathDate: null,
    upnHash: null,
    disabilities: [],
    sources: [{ file, position: `line ${++n}` }],
    ...rest,
  };
}

export function referral(
  childId: string,
  referralDate: string,
  extra: Partial<Omit<Referral, 'referralDate' | 'closureDate'>> & { closureDate?: string | null } = {},
): Referral {
  const { closureDate = null, ...rest } = extra;
  return {
    id: nextId('r'),
    childId,
    referralDate: d(referralDate),
    referralSource: '1A',
    referralSourceRaw: null,
    primaryNeedCode: 'N1',
    closureDate: closureDate === null ? null : d(closureDate),
    reasonForClosure: closureDate === null ? null : 'RC8',
    dateOfInitialCpc: null,
    referralNfa: false,
    source: { file: 'cin.xml', position: `/Message/Children/Child[${++n}]/CINdetails[1]` },
    ...rest,
  };
}

export function assessment(
  parent: Referral,
  startDate: string,
  authorisationDate: string | null,
): Assessment {
  return {
    id: nextId('a'),
    referralId: parent.id,
    childId: parent.childId,
    startDate: d(startDate),
    internalReviewDate: null,
    authorisationDate: authorisationDate === null ? null : d(authorisationDate),
    factors: ['1A'],
    source: { file: 'cin.xml', position: `${parent.source.position}/Assessments[1]` },
  };
}

export function cpPlan(
  parent: Referral,
  startDate: string,
  endDate: string | null,
  reviewDates: string[] = [],
): CpPlan {
  return {
    id: nextId('p'),
    referralId: parent.id,
    childId: parent.childId,
    startDate: d(startDate),
    endDate: endDate === null ? null : d(endDate),
    initialCategoryOfAbuse: 'NEG',
    latestCategoryOfAbuse: 'NEG',
    numberOfPreviousCpp: 0,
    reviewDates: reviewDates.map(d),
    source: { file: 'cin.xml', position: `${parent.source.position}/ChildProtectionPlans[1]` },
  };
}

export function visit(childId: string, visitDate: string, file = 'cp_visits.csv'): Visit {
  return {
    id: nextId('v'),
    childId,
    visitDate: d(visitDate),
    childSeen: true,
    seenAlone: null,
    visitId: null,
    source: { file, position: `line ${++n}` },
  };
}

/** A submission for the pure merge. */
export function submission(
  id: string,
  source: SourceKind,
  collectionYear: string | null,
  tables: RecordTables,
  extra: Partial<SubmissionRecords> = {},
): SubmissionRecords {
  return {
    id,
    source,
    collectionYear,
    asAt: null,
    dateRange: null,
    seq: Number(id.replace(/\D/g, '')) || 0,
    tables,
    ...extra,
  };
}

/** A staged submission as the ingest produces it (episodes held by column), with one made-up file per table. */
export function staged(
  source: SourceKind,
  collectionYear: string | null,
  tables: RecordTables,
  extra: Partial<StagedSubmission> & { fileTag?: string } = {},
): StagedSubmission {
  const { fileTag = '', ...rest } = extra;
  const files: FileInfo[] = Object.keys(tables).map((t) => ({
    name: `${t}.csv`,
    path: `/in/${collectionYear ?? 'ref'}/${t}.csv`,
    size: 100,
    sha256: sha(
      `${source}|${collectionYear}|${t}|${fileTag}|${JSON.stringify((tables as Record<string, unknown>)[t])}`,
    ),
    format: source === 'cin' ? 'cin-xml' : source === 'ssda903' ? 'ssda903-csv' : 'local-csv',
    tables: [t],
  }));
  return {
    source,
    collectionYear,
    asAt: null,
    dateRange: null,
    files,
    tables: stagedTablesOf(tables),
    ...rest,
  };
}

/** An accepted ingest result for the given submissions. */
export function ingestResult(
  la: string | null,
  submissions: StagedSubmission[],
  extra: Partial<IngestResult> = {},
): IngestResult {
  const counts: RowCount[] = [];
  for (const s of submissions) {
    for (const [t, rows] of Object.entries(s.tables)) {
      const k = (rows as unknown[]).length;
      counts.push({ file: `${t}.csv`, table: t, read: k, loaded: k, rejected: 0, warnings: 0, queries: 0 });
    }
  }
  return {
    la,
    files: submissions.flatMap((s) => s.files),
    submissions,
    issues: [],
    counts,
    refused: false,
    ...extra,
  };
}

/** A deterministic fake SHA-256-length hex string for test files (not a real digest). */
function sha(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1234567;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 2246822519) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(4);
}
