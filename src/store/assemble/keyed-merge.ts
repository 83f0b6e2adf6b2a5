import type { SubmissionRecords } from './submission-records.js';

/** A record that won its natural key, with the submission it came from. */
export interface Winner<T> {
  readonly record: T;
  readonly sub: SubmissionRecords;
}

/**
 * Merges records on a natural key across submissions given oldest first: a later submission's record
 * replaces an earlier one with the same key; within one submission the first in file order counts
 * (later duplicates were already rejected as GEN-DUP-KEY). The map keeps first-seen key order.
 * @example mergeByKey([{ sub: y1, records: [a] }, { sub: y2, records: [a2] }], (r) => r.childId + '|' + r.decom)
 */
export function mergeByKey<T>(
  batches: readonly { readonly sub: SubmissionRecords; readonly records: readonly T[] }[],
  key: (r: T, sub: SubmissionRecords) => string,
): Map<string, Winner<T>> {
  const out = new Map<string, Winner<T>>();
  for (const { sub, records } of batches) {
    for (const record of records) {
      const k = key(record, sub);
      // A key this submission already holds keeps its first record.
      if (out.get(k)?.sub === sub) continue;
      out.set(k, { record, sub });
    }
  }
  return out;
}

/** The loaded id of a record: submission id + the id it had in its submission, unique across submissions. */
export function loadedId(sub: SubmissionRecords, id: string): string {
  return `${sub.id}:${id}`;
}

/** A record re-identified for the dataset, its source naming its submission. */
export function withProvenance<
  T extends { readonly id: string; readonly source: { readonly file: string; readonly position: string } },
>(r: T, sub: SubmissionRecords): T {
  return { ...r, id: loadedId(sub, r.id), source: { ...r.source, submissionId: sub.id } };
}

/**
 * How the merge hands on the records that win: as re-identified copies ({@link withProvenance}: a dataset to
 * compute on), or as the submission's own records, uncopied and unchanged (only the dataset checks and
 * counts are wanted, as when importing: no copy of every record).
 */
export type Reidentify = <T>(r: T, sub: SubmissionRecords) => T;

/** {@link Reidentify} by copy: `id` (when a string) becomes the loaded id, `source` names the submission. */
export const reidentifyCopy: Reidentify = <T>(r: T, sub: SubmissionRecords): T => {
  const o = r as Record<string, unknown>;
  const out: Record<string, unknown> = { ...o };
  if (typeof o['id'] === 'string') out['id'] = loadedId(sub, o['id']);
  if (o['source'] && typeof o['source'] === 'object')
    out['source'] = { ...(o['source'] as object), submissionId: sub.id };
  return out as T;
};

/**
 * {@link Reidentify} in place: `id` (when a string) becomes the loaded id, and `source` names the submission
 * (kept as it is when it already does, as every record read back from the database or built by
 * `storedForm` does). The same result as {@link reidentifyCopy} without a copy of every record: for records
 * the caller alone holds, fresh from the database or `storedForm`, which nothing reads again as they were
 * once merged. The merge re-identifies each record at most once.
 */
export const reidentifyInPlace: Reidentify = <T>(r: T, sub: SubmissionRecords): T => {
  const o = r as Record<string, unknown>;
  if (typeof o['id'] === 'string') o['id'] = loadedId(sub, o['id']);
  const s = o['source'];
  if (s && typeof s === 'object' && (s as { submissionId?: unknown }).submissionId !== sub.id)
    o['source'] = { ...(s as object), submissionId: sub.id };
  return r;
};

/** {@link Reidentify} that keeps the records as they are (for checks and counts only; never mutate them). */
export const keepRecords: Reidentify = <T>(r: T): T => r;
