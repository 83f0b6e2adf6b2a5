import type { Action } from '../model/render-model.js';

/** Officer commentary for one indicator (or a narrative group, keyed by any member id). */
export interface CommentaryEntry {
  readonly id: string;
  /** Officer text: replaces the generated sentence (`replace`) or follows it (`follow`, the default). */
  readonly text: string | null;
  readonly mode: 'replace' | 'follow';
  /** Move the indicator between narrative sections, or leave it out of the narrative (it stays in the scorecard). */
  readonly section: 'performing-well' | 'areas-for-focus' | 'omit' | null;
  /** Why the text or section was changed (required with `section` or `replace`). */
  readonly reason: string | null;
  readonly action: Action | null;
  /** "Largely outside the council's control". */
  readonly outsideControl: boolean;
  /** Short text for the scorecard's commentary column. */
  readonly scorecard: string | null;
  /** Internal commentary: never in the public version (report.md §6). */
  readonly internal: boolean;
}

/** A commentary file: who wrote it and the entries by indicator id. */
export interface Commentary {
  readonly author: string | null;
  readonly entries: Readonly<Record<string, CommentaryEntry>>;
}

export const NO_COMMENTARY: Commentary = { author: null, entries: {} };

/**
 * An indicator's commentary as a version shows it: the public version leaves internal commentary out
 * entirely (report.md §6), and never falls back to an earlier public entry (the entry in force is the
 * newest). The rule the report's indicator views and the dashboard's scorecard share.
 * @example commentaryInVersion({ …, internal: true }, true) //=> null
 */
export function commentaryInVersion(
  entry: CommentaryEntry | null | undefined,
  isPublic: boolean,
): CommentaryEntry | null {
  return !entry || (isPublic && entry.internal) ? null : entry;
}
