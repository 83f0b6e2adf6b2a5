import type { IndicatorReport, IndicatorResult } from '../../indicators/types.js';
import { sortableId } from '../../store/sortable-id.js';
import type { Database } from '../../store/database.js';
import type { Commentary, CommentaryEntry } from './commentary.js';

/**
 * The figure an officer's text was written (or confirmed) against: what "a figure under it" means in
 * report.md §5 "Editing". When the indicator's status, value, numerator or denominator for the period
 * changes (a new dataset version, a definition change), the text goes stale until an officer confirms it.
 * A change of target or rating alone does not make it stale: the figure is the same.
 */
export interface FigureUnder {
  readonly status: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** One row of the append-only `commentary` table (migration 120): an edit, or a confirmation of one. */
export interface CommentaryRecord {
  readonly id: string;
  readonly la: string;
  readonly period: string;
  readonly indicatorId: string;
  /** `edit`: new text; `confirm`: the text in force still holds under a changed figure. */
  readonly kind: 'edit' | 'confirm';
  readonly writtenBy: string;
  readonly writtenAt: string;
  readonly entry: CommentaryEntry;
  readonly figure: FigureUnder;
}

interface Row {
  id: string;
  la: string;
  period: string;
  indicator_id: string;
  kind: 'edit' | 'confirm';
  written_by: string;
  written_at: string;
  text: string | null;
  mode: 'follow' | 'replace';
  section: CommentaryEntry['section'];
  reason: string | null;
  action_what: string | null;
  action_who: string | null;
  action_by_when: string | null;
  outside_control: number | string;
  scorecard: string | null;
  internal: number | string;
  figure: string;
}

const fromRow = (r: Row): CommentaryRecord => ({
  id: r.id,
  la: r.la,
  period: r.period,
  indicatorId: r.indicator_id,
  kind: r.kind,
  writtenBy: r.written_by,
  writtenAt: r.written_at,
  entry: {
    id: r.indicator_id,
    text: r.text,
    mode: r.mode,
    section: r.section ?? null,
    reason: r.reason,
    action:
      r.action_what && r.action_who && r.action_by_when
        ? { what: r.action_what, who: r.action_who, byWhen: r.action_by_when }
        : null,
    outsideControl: Number(r.outside_control) === 1,
    scorecard: r.scorecard,
    internal: Number(r.internal) === 1,
  },
  figure: JSON.parse(r.figure) as FigureUnder,
});

/**
 * The figure under an indicator's text in a report.
 * @example figureUnder(result) //=> { status: 'ok', value: 80, numerator: 160, denominator: 200 }
 */
export function figureUnder(r: IndicatorResult): FigureUnder {
  return { status: r.status, value: r.value, numerator: r.numerator, denominator: r.denominator };
}

/**
 * Appends an edit (or a confirmation) of one indicator's commentary; earlier rows never change (the table
 * refuses UPDATE and DELETE). Pass a transaction to write it with its audit entry.
 * @example await addCommentary(db, { la: '841', period: '2021-22-Q3', indicatorId: 'assessments-45wd', kind: 'edit', writtenBy: 'jo', entry, figure }, new Date())
 */
export async function addCommentary(
  db: Database,
  c: Omit<CommentaryRecord, 'id' | 'writtenAt'>,
  at: Date,
): Promise<CommentaryRecord> {
  const rec: CommentaryRecord = { ...c, id: sortableId(at), writtenAt: at.toISOString() };
  const e = rec.entry;
  await db.run(
    `INSERT INTO commentary (id, la, period, indicator_id, kind, written_by, written_at, text, mode, section,
       reason, action_what, action_who, action_by_when, outside_control, scorecard, internal, figure)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      rec.id,
      rec.la,
      rec.period,
      rec.indicatorId,
      rec.kind,
      rec.writtenBy,
      rec.writtenAt,
      e.text,
      e.mode,
      e.section,
      e.reason,
      e.action?.what ?? null,
      e.action?.who ?? null,
      e.action?.byWhen ?? null,
      e.outsideControl ? 1 : 0,
      e.scorecard,
      e.internal ? 1 : 0,
      JSON.stringify(rec.figure),
    ],
  );
  return rec;
}

/**
 * Every edit of an LA's commentary for a period, newest first (by written time, then id), for one
 * indicator or all of them.
 */
export async function commentaryHistory(
  db: Database,
  la: string,
  period: string,
  indicatorId?: string,
): Promise<CommentaryRecord[]> {
  const rows = await db.all<Row>(
    `SELECT * FROM commentary WHERE la = ? AND period = ?${indicatorId === undefined ? '' : ' AND indicator_id = ?'}
     ORDER BY written_at DESC, id DESC`,
    indicatorId === undefined ? [la, period] : [la, period, indicatorId],
  );
  return rows.map(fromRow);
}

/**
 * The commentary in force: the newest record of each indicator in a history (newest first, as
 * {@link commentaryHistory} gives it), as the report model takes a commentary file. An indicator whose
 * newest edit cleared every field is left out.
 * @example latestCommentary(history, 'jo').entries['assessments-45wd']?.text //=> 'Two posts recruited…'
 */
export function latestCommentary(history: readonly CommentaryRecord[], author: string | null): Commentary {
  const entries: Record<string, CommentaryEntry> = {};
  for (const r of history) {
    if (r.indicatorId in entries) continue;
    entries[r.indicatorId] = r.entry;
  }
  for (const [id, e] of Object.entries(entries)) if (isEmptyEntry(e)) delete entries[id];
  return { author, entries };
}

/** True when an entry says nothing: no text, section, action, flag or scorecard text. */
export function isEmptyEntry(e: CommentaryEntry): boolean {
  return !e.text && !e.section && !e.action && !e.outsideControl && !e.scorecard;
}

/**
 * The indicators whose commentary in force is stale (report.md §5 "Editing"): the figure it was written
 * or last confirmed against differs from the report's figure, or the indicator is no longer in the report.
 * @example staleCommentary(history, report) //=> ['assessments-45wd']
 */
export function staleCommentary(history: readonly CommentaryRecord[], report: IndicatorReport): string[] {
  const seen = new Set<string>();
  const stale: string[] = [];
  for (const r of history) {
    if (seen.has(r.indicatorId)) continue;
    seen.add(r.indicatorId);
    if (isEmptyEntry(r.entry)) continue;
    const now = report.indicators.find((i) => i.id === r.indicatorId);
    if (!now || !sameFigure(r.figure, figureUnder(now))) stale.push(r.indicatorId);
  }
  return stale.sort();
}

/** The commentary officers stored for a report's LA and period, as a draft or an edition takes it. */
export interface StoredCommentary {
  /** The commentary in force: the newest entry per indicator ({@link latestCommentary}). */
  readonly commentary: Commentary;
  /** Every stored edit, newest first (an edition freezes it). */
  readonly history: readonly CommentaryRecord[];
  /** The indicators whose commentary in force is stale against the report ({@link staleCommentary}). */
  readonly stale: readonly string[];
}

/**
 * The commentary written on the dashboard for a report's LA and period, in one query: the entries in
 * force, the history and what is stale. The one reading behind the dashboard's drafts and Publish button
 * and `cspi report` / `cspi publish` without `--commentary`.
 * @example (await storedCommentary(db, report, 'jo')).stale //=> ['assessments-45wd']
 */
export async function storedCommentary(
  db: Database,
  report: IndicatorReport,
  author: string | null,
): Promise<StoredCommentary> {
  const history = await commentaryHistory(db, report.la, report.period.id);
  return {
    commentary: latestCommentary(history, author),
    history,
    stale: staleCommentary(history, report),
  };
}

/**
 * Why a period with stale commentary is not published (report.md §5 "Editing"), naming the indicators by
 * title; the dashboard and `cspi publish` each add what to do where they are.
 * @example staleCommentaryProblem(['cic-count'], report) //=> 'The figure under the commentary on Number of Children in Care has changed since it was written.'
 */
export function staleCommentaryProblem(stale: readonly string[], report: IndicatorReport): string {
  const titles = stale.map((id) => report.indicators.find((r) => r.id === id)?.title ?? id);
  return `The figure under the commentary on ${titles.join('; ')} has changed since it was written.`;
}

function sameFigure(a: FigureUnder, b: FigureUnder): boolean {
  return (
    a.status === b.status &&
    a.value === b.value &&
    a.numerator === b.numerator &&
    a.denominator === b.denominator
  );
}
