import type { CommentaryEntry } from './commentary.js';

/**
 * Test helper: an officer's commentary entry for one indicator, blank (follows the drafted text, no section,
 * reason or action) but for the fields given.
 * @example commentaryEntry('cic-count', { text: 'Stable.' }).mode //=> 'follow'
 */
export function commentaryEntry(id: string, over: Partial<CommentaryEntry> = {}): CommentaryEntry {
  return {
    id,
    text: null,
    mode: 'follow',
    section: null,
    reason: null,
    action: null,
    outsideControl: false,
    scorecard: null,
    internal: false,
    ...over,
  };
}
