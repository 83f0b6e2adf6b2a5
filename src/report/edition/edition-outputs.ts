import { createHash } from 'node:crypto';
import type { Database } from '../../store/database.js';
import { renderCsv, renderJson } from '../render/csv.js';
import { renderDocx } from '../render/docx.js';
import { renderHtml } from '../render/html.js';
import { editionModel } from './edition-model.js';
import type { EditionRecord } from './edition-store.js';
import { SOFTWARE_VERSION } from './software-version.js';

/** The outputs whose bytes an edition keeps, as their SHA-256 is frozen (report.md §8). */
export type KeptFormat = 'html' | 'csv' | 'json';
export type EditionVersion = 'public' | 'full';

export const KEPT_FORMATS: readonly KeptFormat[] = ['html', 'csv', 'json'];

const LABELS: Readonly<Record<KeptFormat, string>> = { html: 'HTML', csv: 'CSV', json: 'JSON' };

/** The key of an output in `outputHashes` and in the kept bytes. @example outputKey('public', 'html') //=> 'public.html' */
export const outputKey = (version: EditionVersion, format: KeptFormat): string => `${version}.${format}`;

const sha256 = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

/** The published documents of an edition, by {@link outputKey}: the text hashed into `outputHashes`. */
export type EditionOutputs = ReadonlyMap<string, string>;

/** Writes the published documents of an edition (call in the transaction that writes the edition). */
export async function saveEditionOutputs(
  db: Database,
  editionId: string,
  outputs: EditionOutputs,
): Promise<void> {
  for (const [key, body] of outputs) {
    const [version, format] = key.split('.');
    await db.run('INSERT INTO edition_outputs (edition_id, version, format, body) VALUES (?, ?, ?, ?)', [
      editionId,
      version,
      format,
      body,
    ]);
  }
}

/** The kept document of one output of an edition, or undefined when it was not kept (an older edition). */
export async function loadEditionOutput(
  db: Database,
  editionId: string,
  version: EditionVersion,
  format: KeptFormat,
): Promise<string | undefined> {
  const r = await db.get<{ body: string }>(
    'SELECT body FROM edition_outputs WHERE edition_id = ? AND version = ? AND format = ?',
    [editionId, version, format],
  );
  return r?.body;
}

/** Writes the Word documents of an edition, by version (call in the transaction that writes it). */
export async function saveEditionDocuments(
  db: Database,
  editionId: string,
  documents: ReadonlyMap<EditionVersion, Buffer>,
): Promise<void> {
  for (const [version, body] of documents)
    await db.run('INSERT INTO edition_documents (edition_id, version, format, body) VALUES (?, ?, ?, ?)', [
      editionId,
      version,
      'docx',
      body,
    ]);
}

/** The key of an edition's Word document in `outputHashes`. @example documentKey('full') //=> 'full.docx' */
export const documentKey = (version: EditionVersion): string => `${version}.docx`;

/** The kept Word document of an edition, or undefined when it was not kept (an older edition). */
async function loadEditionDocument(
  db: Database,
  editionId: string,
  version: EditionVersion,
): Promise<Buffer | undefined> {
  const r = await db.get<{ body: Buffer | Uint8Array }>(
    "SELECT body FROM edition_documents WHERE edition_id = ? AND version = ? AND format = 'docx'",
    [editionId, version],
  );
  return r === undefined ? undefined : Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength);
}

/**
 * The Word document of a published edition (report.md §8, the reading in docs/spec-readings.md): the bytes
 * kept when it was published (`edition_documents`, migration 123), checked against the SHA-256 frozen with
 * the edition; a mismatch throws {@link EditionOutputCorrupted} and nothing is served. An edition published
 * before Word documents were kept has no hash of one to check against, so its frozen model is rendered by
 * the software installed now, as it always was.
 */
export async function editionDocument(
  db: Database,
  e: EditionRecord,
  version: EditionVersion,
): Promise<Buffer> {
  return (await servedDocument(db, e, version)).body;
}

/**
 * {@link editionDocument}, saying whether it is the Word document kept when the edition was published (`kept`)
 * or one rendered now, which is no published document (its bytes carry the time they were packed).
 */
export async function servedDocument(
  db: Database,
  e: EditionRecord,
  version: EditionVersion,
): Promise<{ readonly body: Buffer; readonly kept: boolean }> {
  const kept = await loadEditionDocument(db, e.id, version);
  if (kept === undefined)
    return { body: await renderDocx(editionModel(e, version === 'public')), kept: false };
  checkPublished(e, documentKey(version), `${version} Word document`, kept);
  return { body: kept, kept: true };
}

/**
 * Whether a served output of an edition is to be put through the publication check again (report.md §6, §8;
 * the reading in docs/spec-readings.md "An edition is served as published"): never when it is the published
 * document (the bytes kept, or a re-render whose SHA-256 is the one frozen), which was checked when it was
 * published and is the record of what was published, whatever checks were added since; only a re-render
 * that cannot be shown to be the published one (its hash differs, or none was frozen) is a new public
 * document, checked as a draft is.
 * @example needsCheck({ body, kept: true, notice: null }) //=> false
 */
export function needsCheck(served: Pick<ServedOutput, 'kept' | 'notice'>): boolean {
  return !served.kept && served.notice !== null;
}

/**
 * Throws {@link EditionOutputCorrupted} unless a kept document has the SHA-256 frozen under `key` when its
 * edition was published; `what` names it in the message (`full HTML`, `public Word document`).
 */
function checkPublished(e: EditionRecord, key: string, what: string, kept: string | Buffer): void {
  const published = e.outputHashes[key];
  const actual = sha256(kept);
  if (actual !== published)
    throw new EditionOutputCorrupted(
      e.id,
      key,
      `edition ${e.id}: the stored ${what} does not match the hash frozen when it was published (sha256 ${published ?? 'none'}, stored bytes ${actual}): it was changed or corrupted in the database, so it is not served`,
    );
}

/** A kept document whose bytes no longer match the hash frozen with its edition: never served. */
export class EditionOutputCorrupted extends Error {
  constructor(
    readonly editionId: string,
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'EditionOutputCorrupted';
  }
}

/** One output of an edition as served, and a notice when it cannot be shown to be the published one. */
export interface ServedOutput {
  readonly body: string;
  /** True when the published bytes were kept (and matched their hash); false when re-rendered. */
  readonly kept: boolean;
  /** Set when re-rendered and its SHA-256 differs from the published one (or none was frozen). */
  readonly notice: string | null;
}

/** Renders one kept format of an edition from its frozen model with the software installed now. */
export function rerenderedOutput(e: EditionRecord, version: EditionVersion, format: KeptFormat): string {
  const model = editionModel(e, version === 'public');
  return format === 'html' ? renderHtml(model) : format === 'csv' ? renderCsv(model) : renderJson(model);
}

/**
 * Why a re-rendered output is not shown to be the published one, or null when its SHA-256 is the frozen one.
 * @example rerenderNotice(e, 'full', 'html', body) //=> 'edition E: full HTML re-rendered by cspi 0.1.0 differs from the published one (sha256 ab12…); the published bytes were not kept'
 */
export function rerenderNotice(
  e: EditionRecord,
  version: EditionVersion,
  format: KeptFormat,
  body: string,
): string | null {
  const published = e.outputHashes[outputKey(version, format)];
  const what = `edition ${e.id}: ${version} ${LABELS[format]} re-rendered by cspi ${SOFTWARE_VERSION}`;
  if (published === undefined)
    return `${what} cannot be checked: no hash of the published one was frozen, and the published bytes were not kept`;
  if (sha256(body) === published) return null;
  return `${what} differs from the published one (sha256 ${published}); the published bytes were not kept`;
}

/**
 * One HTML, CSV or JSON output of a published edition, byte for byte as published (report.md §8
 * "`--edition ID` re-renders an edition byte for byte"). Reading taken (docs/spec-readings.md): a committee
 * paper must never change, so the bytes rendered at publication are kept (`edition_outputs`, migration 122)
 * and served, checked against the SHA-256 frozen with the edition; a later cspi whose wording, layout or
 * columns differ cannot alter them. A kept document whose hash differs was changed or corrupted in the
 * store: {@link EditionOutputCorrupted} is thrown and nothing is served. An edition published before the
 * bytes were kept is re-rendered from its frozen model, as it always was, with a notice when the result's
 * hash differs from the published one ({@link rerenderNotice}), never silently.
 */
export async function editionOutput(
  db: Database,
  e: EditionRecord,
  version: EditionVersion,
  format: KeptFormat,
): Promise<ServedOutput> {
  const kept = await loadEditionOutput(db, e.id, version, format);
  if (kept === undefined) {
    const body = rerenderedOutput(e, version, format);
    return { body, kept: false, notice: rerenderNotice(e, version, format, body) };
  }
  checkPublished(e, outputKey(version, format), `${version} ${LABELS[format]}`, kept);
  return { body: kept, kept: true, notice: null };
}
