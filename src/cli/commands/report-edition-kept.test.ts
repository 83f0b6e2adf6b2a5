import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_COMMENTARY } from '../../report/commentary/commentary.js';
import { editionModel } from '../../report/edition/edition-model.js';
import type { EditionRecord } from '../../report/edition/edition-store.js';
import { olderEdition } from '../../report/edition/test-older-edition.js';
import { publishEdition } from '../../report/edition/publish-edition.js';
import { renderingChanged } from '../../report/edition/test-rendering-change.js';
import { darlingtonReport } from '../../report/fixtures/darlington-q3-2021-22.js';
import { rescanPublicOutputs } from '../../report/public/rescan.js';
import type { Database } from '../../store/database.js';
import { testStores } from '../../store/test-stores.js';
import { editionFile } from '../../web/reports/report-files.js';
import { runReport } from './report.js';

// report.md §8: an edition is the record of what was published, re-served byte for byte (`cspi report
// --edition`, the dashboard's downloads); §6: the publication check applies when publishing. A check added
// since (small numbers written as words, src/report/public/rescan-words*) refused an older edition's kept
// public documents when `cspi report --edition ID --public` served them again: the paper the committee had
// could no longer be given out as it was. A kept document (or a re-render shown by its hash to be the
// published one) is served as published, never re-checked; only a re-render that is not the published
// document (its hash differs, or none was frozen) is a new document, and is checked as a draft is.

const NOW = new Date('2022-01-20T09:30:00Z');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const WORDS = 'Three children waited longer than 15 days for their assessment.';

/** An edition as a cspi before the number-words check published it (`olderEdition`), which the check flags. */
async function publishedBeforeTheCheck(db: Database, keep: boolean): Promise<EditionRecord> {
  const out = await publishEdition(db, {
    report: darlingtonReport(),
    by: 'officer',
    now: NOW,
    commentary: NO_COMMENTARY,
    details: { laName: 'Darlington' },
  });
  assert.ok(out.ok);
  const { edition: e, documents } = await olderEdition(db, out.edition, WORDS, keep);
  // The check now refuses these documents: what this test is about.
  const breaches = await rescanPublicOutputs(
    editionModel(e, true),
    new Map([['html', documents.get('public.html')!]]),
    e.frozen.options.suppression,
  );
  assert.ok(
    breaches.some((b) => b.code === 'PUB-SMALL-COUNT' && b.detail.includes('Three children')),
    'the number-words check flags the published document',
  );
  return e;
}

/** Runs fn with stdout and stderr silenced; gives what went to stderr. */
async function quiet(fn: () => Promise<unknown>): Promise<string> {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  }) as typeof process.stderr.write;
  try {
    await fn();
    return stderr;
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

const [sqlite] = testStores().filter((s) => s.name === 'sqlite');

test('§8 an edition kept before a check was added is served as published by cspi report --edition --public and the dashboard', async () => {
  const { db, url, cleanup } = await sqlite!.open();
  const dir = mkdtempSync(join(tmpdir(), 'cspi-edition-kept-'));
  try {
    const e = await publishedBeforeTheCheck(db, true);
    const files = ['html', 'csv', 'json', 'docx'].map((f) => join(dir, `public.${f}`));
    const stderr = await quiet(() =>
      runReport({ period: '', edition: e.id, db: url, out: files, public: true }),
    );
    assert.equal(stderr, '');
    ['html', 'csv', 'json', 'docx'].forEach((f, i) =>
      assert.equal(sha(readFileSync(files[i]!)), e.outputHashes[`public.${f}`], `public ${f} as published`),
    );
    assert.ok(readFileSync(files[0]!, 'utf8').includes(WORDS));
    // The dashboard's download serves the same kept bytes.
    for (const format of ['html', 'docx'] as const) {
      const d = await editionFile(db, e.la, e.id, 'public', format);
      assert.ok(d && 'file' in d, `dashboard ${format} served`);
      assert.equal(sha(d.file.body), e.outputHashes[`public.${format}`], `dashboard ${format}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  }
});

test('§8 an edition from before documents were kept: its re-render, shown by its hash to be the published one, is served; one that differs is checked', async () => {
  const { db, url, cleanup } = await sqlite!.open();
  const dir = mkdtempSync(join(tmpdir(), 'cspi-edition-kept-'));
  try {
    const e = await publishedBeforeTheCheck(db, false);
    const files = ['html', 'csv', 'json'].map((f) => join(dir, `public.${f}`));
    assert.equal(
      await quiet(() => runReport({ period: '', edition: e.id, db: url, out: files, public: true })),
      '',
    );
    ['html', 'csv', 'json'].forEach((f, i) =>
      assert.equal(sha(readFileSync(files[i]!)), e.outputHashes[`public.${f}`], `public ${f} as published`),
    );
    const later = renderingChanged();
    try {
      // Not the published document (the rendering changed): a new public document, checked as a draft is.
      await assert.rejects(
        quiet(() => runReport({ period: '', edition: e.id, db: url, out: files[0]!, public: true })),
        (err: Error) =>
          err.name === 'UserError' &&
          err.message.startsWith(`PUB-CHECK: edition ${e.id}: the public output re-rendered by cspi `) &&
          /PUB-SMALL-COUNT/.test(err.message),
      );
      const refused = await editionFile(db, e.la, e.id, 'public', 'html');
      assert.ok(refused && 'breaches' in refused, 'the dashboard refuses it too');
      assert.equal(refused.output, 'public.html');
      assert.deepEqual([...new Set(refused.breaches.map((b) => b.code))], ['PUB-SMALL-COUNT']);
      // The full (exempt) version is not checked: it is never published.
      const full = await editionFile(db, e.la, e.id, 'full', 'html');
      assert.ok(full && 'file' in full);
    } finally {
      later.restore();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  }
});
