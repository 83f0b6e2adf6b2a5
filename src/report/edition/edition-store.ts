import type { Database } from '../../store/database.js';
import type { IndicatorReport } from '../../indicators/types.js';
import type { Commentary } from '../commentary/commentary.js';
import type { CommentaryRecord } from '../commentary/commentary-store.js';
import type { SuppressionRule } from '../public/suppression.js';
import type { DatasetSource } from '../model/report-options.js';
import type { MembersQuestionsFigures } from '../model/members-questions-figures.js';
import type { NarrativeText } from '../model/render-model.js';
import type { HubBenchmarks } from '../model/hub-benchmarks.js';
import type { EarlierRestatement, PublishedPeriod } from './earlier-restatements.js';
import type { Restatement } from './restatement.js';
import type { FrozenMembers } from './frozen-members.js';
import { leadingMember } from './json-head.js';

/** What an edition freezes (report.md §8), stored as JSON in `editions.frozen_json`. */
export interface FrozenEdition {
  /** The IndicatorReport as published: every figure, RAG, direction, targets, tolerances and settings. */
  readonly report: IndicatorReport;
  /** Definition version per indicator id. */
  readonly definitionVersions: Readonly<Record<string, string>>;
  /** Report options that change figures or words: suppression, in-line band, committee details. */
  readonly options: {
    readonly public: boolean;
    readonly committee: string;
    readonly meetingDate: string | null;
    readonly authorLine: string;
    readonly laName: string;
    /** The small-number rule (k, complement, and team breakdowns when the setting was on). */
    readonly suppression: SuppressionRule;
    readonly inLineBand: number;
  };
  readonly commentary: Commentary;
  /**
   * The commentary's history (report.md §5 "Editing", §8): every stored edit of the period's commentary,
   * newest first, with who, when and the figure under it. Internal entries included: it is never rendered.
   * Absent when published from a commentary file or before it was frozen.
   */
  readonly commentaryHistory?: readonly CommentaryRecord[];
  readonly narrative: NarrativeText;
  /** Appendix B's figures beyond the report (absent in editions published before they were frozen). */
  readonly membersQuestions?: MembersQuestionsFigures;
  /** The comparator group shown as the statistical-neighbour average, when one was loaded. */
  readonly snKey?: string;
  /**
   * The children in each numerator and denominator (report.md §8), held internally for restatements:
   * never rendered in any output. Absent in editions published before they were frozen.
   */
  readonly members?: FrozenMembers;
  /**
   * This period's figures restated since its previous edition (report.md §8), as Appendix D listed them when
   * the period was published again on later data or definitions: counts of children only, never who.
   * Absent for a period's first edition (and in editions published before they were frozen).
   */
  readonly restatements?: readonly Restatement[];
  /** Figures for earlier periods restated since their editions, as marked "r" when published. */
  readonly earlierRestatements?: readonly EarlierRestatement[];
  /** Benchmarks between the LAs loaded on the hub when published (absent without other LAs' figures). */
  readonly hubBenchmarks?: HubBenchmarks;
  /** Import and extract date per source, as Appendix D gave them (absent in editions published before). */
  readonly datasetSources?: readonly DatasetSource[];
}

/** One row of `editions`. */
export interface EditionRecord {
  readonly id: string;
  readonly la: string;
  readonly period: string;
  readonly publishedAt: string;
  /** The dashboard's signed-in user, or `command line (OS user)`; null in editions `cspi publish` wrote before it said who. */
  readonly publishedBy: string | null;
  readonly datasetId: string;
  readonly datasetHash: string;
  readonly softwareVersion: string;
  readonly frozen: FrozenEdition;
  readonly outputHashes: Readonly<Record<string, string>>;
}

interface Row {
  id: string;
  la: string;
  period: string;
  published_at: string;
  published_by: string | null;
  dataset_id: string;
  dataset_hash: string;
  software_version: string;
  frozen_json: string;
  output_hashes_json: string;
}

const fromRow = (r: Row): EditionRecord => ({
  id: r.id,
  la: r.la,
  period: r.period,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  datasetId: r.dataset_id,
  datasetHash: r.dataset_hash,
  softwareVersion: r.software_version,
  frozen: JSON.parse(r.frozen_json) as FrozenEdition,
  outputHashes: JSON.parse(r.output_hashes_json) as Record<string, string>,
});

/** Writes a new edition (editions are never updated). */
export async function saveEdition(db: Database, e: EditionRecord): Promise<void> {
  await db.run(
    `INSERT INTO editions (id, la, period, published_at, published_by, dataset_id, dataset_hash, software_version, frozen_json, output_hashes_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.id,
      e.la,
      e.period,
      e.publishedAt,
      e.publishedBy,
      e.datasetId,
      e.datasetHash,
      e.softwareVersion,
      JSON.stringify(e.frozen),
      JSON.stringify(e.outputHashes),
    ],
  );
}

/** An edition by id, or undefined. */
export async function loadEdition(db: Database, id: string): Promise<EditionRecord | undefined> {
  const r = await db.get<Row>('SELECT * FROM editions WHERE id = ?', [id]);
  return r ? fromRow(r) : undefined;
}

/**
 * How much of an edition's frozen JSON {@link loadEditionReport} reads first, in characters: the report it
 * begins with is about 90,000 for the largest LA (Kent); the children frozen after it (`members`) run to
 * millions, which this read leaves in the database.
 */
export const FROZEN_REPORT_HEAD = 1 << 20;

/**
 * An edition's frozen report (its figures as published), or undefined: the beginning of the frozen JSON only
 * (`FROZEN_REPORT_HEAD`), where `saveEdition` writes the report first (`publishEdition` freezes it first),
 * so the children frozen with it are neither read nor parsed; the whole edition when the report does not
 * end within that beginning ({@link leadingMember}).
 * @example (await loadEditionReport(db, '841-2021-22-Q3-20220114093000'))?.frozen.report.indicators[0]?.value //=> 271
 */
export async function loadEditionReport(
  db: Database,
  id: string,
): Promise<{ readonly id: string; readonly frozen: { readonly report: IndicatorReport } } | undefined> {
  const r = await db.get<{ head: string }>(
    `SELECT substr(frozen_json, 1, ${FROZEN_REPORT_HEAD}) AS head FROM editions WHERE id = ?`,
    [id],
  );
  if (!r) return undefined;
  const report = leadingMember(r.head, 'report') as IndicatorReport | undefined;
  if (report) return { id, frozen: { report } };
  const e = await loadEdition(db, id);
  return e && { id, frozen: { report: e.frozen.report } };
}

/** The latest edition of an LA's period, or undefined when the period was never published. */
export async function latestEdition(
  db: Database,
  la: string,
  period: string,
): Promise<EditionRecord | undefined> {
  const r = await db.get<Row>(
    'SELECT * FROM editions WHERE la = ? AND period = ? ORDER BY published_at DESC, id DESC LIMIT 1',
    [la, period],
  );
  return r ? fromRow(r) : undefined;
}

/** A published edition as lists show it (the `editions` table, without its frozen figures). */
export interface EditionSummary {
  readonly id: string;
  readonly la: string;
  readonly period: string;
  readonly publishedAt: string;
  readonly publishedBy: string | null;
  readonly datasetId: string;
}

/**
 * The published editions of an LA, newest first, whether published from the dashboard or by `cspi publish`.
 * @example await listEditions(db, '841') //=> [{ id: '841-2021-22-Q3-20220114093000', period: '2021-22-Q3', … }]
 */
export async function listEditions(db: Database, la: string): Promise<EditionSummary[]> {
  const rows = await db.all<{
    id: string;
    la: string;
    period: string;
    published_at: string;
    published_by: string | null;
    dataset_id: string;
  }>(
    'SELECT id, la, period, published_at, published_by, dataset_id FROM editions WHERE la = ? ORDER BY published_at DESC, id DESC',
    [la],
  );
  return rows.map((r) => ({
    id: r.id,
    la: r.la,
    period: r.period,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    datasetId: r.dataset_id,
  }));
}

/**
 * For editions listed newest first, the edition that followed each one of the same LA and period, when the
 * period was published again (report.md §8 is silent on publishing a period twice; the reading taken, as a
 * committee clerk expects: each publication is a new edition, the earlier ones stay as published, and the
 * latest is the one later reports compare with and mark "r" against).
 * @example laterEditions([{ id: 'q3-b', la: '841', period: 'Q3' }, { id: 'q3-a', la: '841', period: 'Q3' }]) //=> Map { 'q3-a' => 'q3-b' }
 */
export function laterEditions(
  newestFirst: readonly Pick<EditionSummary, 'id' | 'la' | 'period'>[],
): Map<string, string> {
  const next = new Map<string, string>();
  const latest = new Map<string, string>();
  for (const e of newestFirst) {
    const key = `${e.la}|${e.period}`;
    const later = latest.get(key);
    if (later) next.set(e.id, later);
    latest.set(key, e.id);
  }
  return next;
}

/**
 * The headline figures of each of the given periods as their latest edition published them (periods never
 * published are absent): what a later report compares its earlier-period figures with (report.md §8).
 * @example (await publishedPeriods(db, '841', ['2021-22-Q2'])).get('2021-22-Q2')?.figures.get('cic-count')
 * //=> { value: 271, numerator: 271, denominator: null }
 */
export async function publishedPeriods(
  db: Database,
  la: string,
  periods: readonly string[],
): Promise<Map<string, PublishedPeriod>> {
  const out = new Map<string, PublishedPeriod>();
  const wanted = new Set(periods);
  // The light list first (newest first), then only the latest edition of a wanted period, and of it only its
  // frozen report (loadEditionReport), never the children frozen with it.
  const latest = new Map<string, EditionSummary>();
  for (const e of await listEditions(db, la)) {
    if (wanted.has(e.period) && !latest.has(e.period)) latest.set(e.period, e);
  }
  for (const [period, summary] of latest) {
    const e = await loadEditionReport(db, summary.id);
    if (!e) continue;
    out.set(period, {
      edition: e.id,
      publishedAt: summary.publishedAt,
      figures: new Map(
        e.frozen.report.indicators.map((r) => [
          r.id,
          { value: r.value, numerator: r.numerator, denominator: r.denominator },
        ]),
      ),
    });
  }
  return out;
}
