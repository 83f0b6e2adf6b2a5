/**
 * Test helper: an edition as a cspi from before a publication check was added (small numbers written as
 * words) published it, made from a published edition `e`: its scorecard commentary on `assessments-45wd`
 * says `scorecard` ("Three children …"), its hashes are those of its documents, and (with `keep`) its HTML, CSV,
 * JSON and Word documents are stored as publishing stores them; without `keep`, as a cspi from before
 * documents were kept stored it (the row and hashes only).
 * @example const old = await olderEdition(db, e, 'Three children waited.', true)
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../store/database.js';
import type { CommentaryEntry } from '../commentary/commentary.js';
import { renderCsv, renderJson } from '../render/csv.js';
import { renderDocx } from '../render/docx.js';
import { renderHtml } from '../render/html.js';
import { editionModel } from './edition-model.js';
import { saveEditionDocuments, saveEditionOutputs } from './edition-outputs.js';
import { type EditionRecord, saveEdition } from './edition-store.js';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export async function olderEdition(
  db: Database,
  e: EditionRecord,
  scorecard: string,
  keep: boolean,
): Promise<{ edition: EditionRecord; documents: ReadonlyMap<string, string> }> {
  const entry: CommentaryEntry = {
    id: 'assessments-45wd',
    text: null,
    mode: 'follow',
    section: null,
    reason: null,
    action: null,
    outsideControl: false,
    scorecard,
    internal: false,
  };
  const old: EditionRecord = {
    ...e,
    id: `${e.id}-old`,
    frozen: { ...e.frozen, commentary: { author: 'officer', entries: { [entry.id]: entry } } },
  };
  const hashes: Record<string, string> = {};
  const documents = new Map<string, string>();
  const words = new Map<'public' | 'full', Buffer>();
  for (const v of ['public', 'full'] as const) {
    const m = editionModel(old, v === 'public');
    for (const [f, body] of [
      ['html', renderHtml(m)],
      ['csv', renderCsv(m)],
      ['json', renderJson(m)],
    ] as const) {
      hashes[`${v}.${f}`] = sha(body);
      documents.set(`${v}.${f}`, body);
    }
    const docx = await renderDocx(m);
    hashes[`${v}.docx`] = sha(docx);
    words.set(v, docx);
  }
  const edition = { ...old, outputHashes: hashes };
  await saveEdition(db, edition);
  if (keep) {
    await saveEditionOutputs(db, edition.id, documents);
    await saveEditionDocuments(db, edition.id, words);
  }
  return { edition, documents };
}
