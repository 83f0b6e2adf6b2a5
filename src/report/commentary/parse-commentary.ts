import { describeJsonSyntaxError } from '../../indicators/json-syntax-error.js';
import type { Commentary, CommentaryEntry } from './commentary.js';

/** A problem in a commentary file, naming the indicator and field. */
export interface CommentaryIssue {
  readonly code: 'COM-JSON' | 'COM-SHAPE' | 'COM-ID' | 'COM-FIELD';
  readonly message: string;
}

const SECTIONS = ['performing-well', 'areas-for-focus', 'omit'] as const;

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/**
 * Parses a commentary file (JSON):
 *
 * ```json
 * { "author": "Head of Service",
 *   "indicators": {
 *     "assessments-45wd": { "text": "Recruitment to two posts…", "mode": "follow",
 *       "action": { "what": "Weekly tracking of open assessments", "who": "Service manager", "byWhen": "March 2022" },
 *       "outsideControl": false, "scorecard": "Recovery plan in place" },
 *     "cic-missing": { "section": "omit", "reason": "Reported separately to this committee" } } }
 * ```
 * `mode` is `follow` (default: the text follows the generated sentence) or `replace`; `section` moves an
 * indicator (`performing-well`, `areas-for-focus`) or leaves it out of the narrative (`omit`) and needs a
 * `reason`; `internal: true` keeps an entry out of the public version.
 * @example parseCommentary('{"indicators":{}}', ['icpc-15wd']) //=> { ok: true, value: { author: null, entries: {} } }
 */
export function parseCommentary(
  text: string,
  knownIds: readonly string[],
): { ok: true; value: Commentary } | { ok: false; issues: CommentaryIssue[] } {
  let doc: unknown;
  const unmarked = text.replace(/^\uFEFF/, ''); // a byte-order mark (Windows Notepad) is not JSON
  try {
    doc = JSON.parse(unmarked);
  } catch {
    // Never JSON.parse's message: it quotes the text, which may be child-level commentary.
    return { ok: false, issues: [{ code: 'COM-JSON', message: describeJsonSyntaxError(unmarked) }] };
  }
  if (
    !doc ||
    typeof doc !== 'object' ||
    Array.isArray(doc) ||
    typeof (doc as { indicators?: unknown }).indicators !== 'object'
  ) {
    return {
      ok: false,
      issues: [{ code: 'COM-SHAPE', message: 'expected { "indicators": { "<indicator id>": { … } } }' }],
    };
  }
  const d = doc as { author?: unknown; indicators: Record<string, unknown> };
  const issues: CommentaryIssue[] = [];
  const entries: Record<string, CommentaryEntry> = {};
  for (const [id, raw] of Object.entries(d.indicators ?? {})) {
    if (!knownIds.includes(id)) {
      issues.push({ code: 'COM-ID', message: `"${id}" is not an indicator id` });
      continue;
    }
    if (!raw || typeof raw !== 'object') {
      issues.push({ code: 'COM-SHAPE', message: `${id}: expected an object` });
      continue;
    }
    const e = raw as Record<string, unknown>;
    const mode = e['mode'] === undefined ? 'follow' : e['mode'];
    if (mode !== 'follow' && mode !== 'replace')
      issues.push({ code: 'COM-FIELD', message: `${id}.mode: write "follow" or "replace"` });
    const section = e['section'] === undefined ? null : e['section'];
    if (section !== null && !SECTIONS.includes(section as (typeof SECTIONS)[number])) {
      issues.push({
        code: 'COM-FIELD',
        message: `${id}.section: write performing-well, areas-for-focus or omit`,
      });
    }
    const reason = str(e['reason']);
    if ((section !== null || mode === 'replace') && !reason) {
      issues.push({
        code: 'COM-FIELD',
        message: `${id}.reason: give a reason when moving, omitting or replacing text`,
      });
    }
    if (mode === 'replace' && !str(e['text']))
      issues.push({ code: 'COM-FIELD', message: `${id}.text: replace mode needs text` });
    let action: CommentaryEntry['action'] = null;
    if (e['action'] !== undefined) {
      const a = e['action'] as Record<string, unknown> | null;
      const what = str(a?.['what']);
      const who = str(a?.['who']);
      const byWhen = str(a?.['byWhen']);
      if (!what || !who || !byWhen)
        issues.push({ code: 'COM-FIELD', message: `${id}.action: give what, who and byWhen` });
      else action = { what, who, byWhen };
    }
    entries[id] = {
      id,
      text: str(e['text']),
      mode: mode === 'replace' ? 'replace' : 'follow',
      section: (section as CommentaryEntry['section']) ?? null,
      reason,
      action,
      outsideControl: e['outsideControl'] === true,
      scorecard: str(e['scorecard']),
      internal: e['internal'] === true,
    };
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { author: str(d.author), entries } };
}
