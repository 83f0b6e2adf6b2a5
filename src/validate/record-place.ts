import type { SourceRef } from '../model/source.js';
import type { AnyRecord } from './rule.js';

/** Where a staged record came from: its SourceRef (Child records keep a list; the first is theirs). */
export function sourceOf(record: AnyRecord): SourceRef | null {
  const r = record as { source?: SourceRef; sources?: readonly SourceRef[] };
  return r.source ?? r.sources?.[0] ?? null;
}

/** The XML path of a position (`/Message/…/CINdetails[2] line 881:14` → `/Message/…/CINdetails[2]`), or null for CSV. */
export function xmlPathOf(position: string): string | null {
  if (!position.startsWith('/')) return null;
  const i = position.indexOf(' line ');
  return i === -1 ? position : position.slice(0, i);
}

/**
 * The table label a record is counted under: the CSV file's table, the XML element type (last path step),
 * or the Annex A sheet (`List 3!B7` → `List 3`).
 * @example tableLabel('/Message/Children/Child[2]/CINdetails[1] line 9:3', undefined) //=> 'CINdetails'
 */
export function tableLabel(position: string, fileTable: string | undefined): string {
  const path = xmlPathOf(position);
  if (path !== null) return path.slice(path.lastIndexOf('/') + 1).replace(/\[\d+\]$/, '');
  const bang = position.indexOf('!');
  if (bang !== -1) return position.slice(0, bang);
  return fileTable ?? 'rows';
}

/** How a message names a position: `line 90`, `/Message/…/CINdetails[2] (line 881)`, `List 3!B7`. */
export function humanPosition(position: string): string {
  const path = xmlPathOf(position);
  if (path === null) return position;
  const m = / line (\d+)/.exec(position);
  return m ? `${path} (line ${m[1]})` : path;
}
