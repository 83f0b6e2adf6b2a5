import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enableLaIsolation, withLaScope } from '../../hub/la-isolation.js';
import { NO_COMMENTARY } from '../../report/commentary/commentary.js';
import { editionModel } from '../../report/edition/edition-model.js';
import { rerenderedOutput } from '../../report/edition/edition-outputs.js';
import { type EditionRecord, saveEdition } from '../../report/edition/edition-store.js';
import { publishEdition } from '../../report/edition/publish-edition.js';
import { CHANGED_WORDS, renderingChanged } from '../../report/edition/test-rendering-change.js';
import { darlingtonReport } from '../../report/fixtures/darlington-q3-2021-22.js';
import { CHROMIUM_PATH } from '../../report/render/browser.js';
import { renderCsv, renderJson } from '../../report/render/csv.js';
import { renderHtml } from '../../report/render/html.js';
import type { Database } from '../../store/database.js';
import { testStores } from '../../store/test-stores.js';
import { runReport } from './report.js';

const NOW = new Date('2022-01-20T09:30:00Z');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const FORMATS = ['html', 'csv', 'json'] as const;
const VERSIONS = ['public', 'full'] as const;

/** Runs fn with stdout silenced and stderr captured; gives fn's result and what went to stderr. */
async function captured<T>(fn: () => Promise<T>): Promise<{ value: T; stderr: string }> {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { value: await fn(), stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** The published documents of an edition, as publishing rendered them (before any change). */
function publishedDocuments(e: EditionRecord): Map<string, string> {
  const docs = new Map<string, string>();
  for (const v of VERSIONS) {
    const m = editionModel(e, v === 'public');
    docs.set(`${v}.html`, renderHtml(m));
    docs.set(`${v}.csv`, renderCsv(m));
    docs.set(`${v}.json`, renderJson(m));
  }
  return docs;
}

async function publish(db: Database): Promise<EditionRecord> {
  const out = await publishEdition(db, {
    report: darlingtonReport(),
    by: 'officer',
    now: NOW,
    commentary: NO_COMMENTARY,
    details: { laName: 'Darlington' },
  });
  assert.ok(out.ok);
  return out.edition;
}

/** Lets the test rewrite a kept document, as corruption or tampering in the database would. */
async function corrupt(db: Database, id: string): Promise<void> {
  if (db.kind === 'postgres') await db.exec('ALTER TABLE edition_outputs DISABLE TRIGGER USER');
  else await db.exec('DROP TRIGGER edition_outputs_no_update');
  await db.run(
    "UPDATE edition_outputs SET body = replace(body, 'Darlington', 'Darlingtom') WHERE edition_id = ? AND version = 'full' AND format = 'html'",
    [id],
  );
  if (db.kind === 'postgres') await db.exec('ALTER TABLE edition_documents DISABLE TRIGGER USER');
  else await db.exec('DROP TRIGGER edition_documents_no_update');
  await db.run("UPDATE edition_documents SET body = ? WHERE edition_id = ? AND version = 'full'", [
    Buffer.from('PK not the published document'),
    id,
  ]);
}

for (const store of testStores()) {
  test(
    `§8 cspi report --edition gives the published HTML, CSV, JSON and DOCX byte for byte after the rendering changed (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const dir = mkdtempSync(join(tmpdir(), 'cspi-edition-bytes-'));
      try {
        const e = await publish(db);
        const published = publishedDocuments(e);
        for (const [key, body] of published) assert.equal(sha(body), e.outputHashes[key], key);
        const later = renderingChanged();
        try {
          // The change is real: a re-render now differs from every published HTML, CSV and JSON.
          for (const v of VERSIONS)
            for (const f of FORMATS)
              assert.notEqual(sha(rerenderedOutput(e, v, f)), e.outputHashes[`${v}.${f}`], `${v}.${f}`);
          for (const v of VERSIONS) {
            const files = FORMATS.map((f) => join(dir, `${v}.${f}`));
            const { stderr } = await captured(() =>
              runReport({ period: '', edition: e.id, db: url, out: files, public: v === 'public' }),
            );
            assert.equal(stderr, '', 'no warning: these are the published bytes');
            FORMATS.forEach((f, i) => {
              const bytes = readFileSync(files[i]!);
              assert.equal(bytes.toString(), published.get(`${v}.${f}`), `${v} ${f}`);
              assert.equal(sha(bytes), e.outputHashes[`${v}.${f}`]);
            });
            assert.doesNotMatch(readFileSync(files[0]!, 'utf8'), new RegExp(CHANGED_WORDS));
            // The Word document is the one published: a render now would carry a new timestamp and words.
            const word = join(dir, `${v}.docx`);
            const w = await captured(() =>
              runReport({ period: '', edition: e.id, db: url, out: word, public: v === 'public' }),
            );
            assert.equal(w.stderr, '');
            assert.equal(sha(readFileSync(word)), e.outputHashes[`${v}.docx`], `${v} docx`);
          }
        } finally {
          later.restore();
        }
        await assert.rejects(
          db.run("UPDATE edition_outputs SET body = 'x' WHERE edition_id = ?", [e.id]),
          /append-only/,
        );
        await assert.rejects(db.run('DELETE FROM edition_outputs'), /append-only/);
        await assert.rejects(
          db.run('UPDATE edition_documents SET body = body WHERE edition_id = ?', [e.id]),
          /append-only/,
        );
        await assert.rejects(db.run('DELETE FROM edition_documents'), /append-only/);
        if (db.kind === 'postgres') {
          // On a hub the documents are closed to LA-scoped reads, as the editions are (src/hub/la-isolation.ts).
          await enableLaIsolation(db);
          for (const table of ['edition_outputs', 'edition_documents'])
            await assert.rejects(
              withLaScope(db, e.la, (tx) => tx.all(`SELECT edition_id FROM ${table}`)),
              /permission denied/,
            );
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await cleanup();
      }
    },
  );

  test(
    `§8 a kept document that no longer matches its published hash is refused, not served (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const dir = mkdtempSync(join(tmpdir(), 'cspi-edition-bytes-'));
      try {
        const e = await publish(db);
        await corrupt(db, e.id);
        /** Asks for one output (`full.html`) of the edition: refused as changed, and nothing written. */
        const refused = async (key: string, what: string): Promise<void> => {
          const file = join(dir, key);
          await assert.rejects(
            captured(() => runReport({ period: '', edition: e.id, db: url, out: file })),
            (err: Error) => {
              assert.equal(err.name, 'UserError');
              assert.match(
                err.message,
                new RegExp(
                  `^edition ${e.id}: the stored ${what} does not match the hash frozen when it was published \\(sha256 ${e.outputHashes[key]}, stored bytes [0-9a-f]{64}\\): it was changed or corrupted in the database, so it is not served$`,
                ),
              );
              return true;
            },
          );
          assert.equal(existsSync(file), false, 'nothing written');
        };
        await refused('full.html', 'full HTML');
        // The other documents are intact and still served.
        const csv = join(dir, 'full.csv');
        await captured(() => runReport({ period: '', edition: e.id, db: url, out: csv }));
        assert.equal(sha(readFileSync(csv)), e.outputHashes['full.csv']);
        // A changed Word document is refused in the same way.
        await refused('full.docx', 'full Word document');
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await cleanup();
      }
    },
  );

  test(
    `§8 an edition published before its documents were kept is re-rendered, with a warning naming the edition and output when it differs from the published one (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, url, cleanup } = await store.open();
      const scratch = testStores().find((s) => s.name === 'sqlite')!;
      const before = await scratch.open();
      const dir = mkdtempSync(join(tmpdir(), 'cspi-edition-bytes-'));
      try {
        // An older cspi wrote the edition's row and hashes only.
        const e = await publish(before.db);
        await saveEdition(db, e);
        assert.deepEqual(await db.all('SELECT * FROM edition_outputs'), []);
        const files = FORMATS.map((f) => join(dir, `full.${f}`));
        const same = await captured(() => runReport({ period: '', edition: e.id, db: url, out: files }));
        assert.equal(same.stderr, '', 'the re-render is the published one: nothing to say');
        FORMATS.forEach((f, i) => assert.equal(sha(readFileSync(files[i]!)), e.outputHashes[`full.${f}`]));
        // It kept no Word document either: one is rendered from the frozen figures, as before.
        const word = join(dir, 'full.docx');
        assert.equal(
          (await captured(() => runReport({ period: '', edition: e.id, db: url, out: word }))).stderr,
          '',
        );
        assert.equal(readFileSync(word).subarray(0, 2).toString(), 'PK');

        const later = renderingChanged();
        try {
          const changed = await captured(() =>
            runReport({ period: '', edition: e.id, db: url, out: files, json: true }),
          );
          assert.deepEqual(
            changed.stderr.trimEnd().split('\n'),
            FORMATS.map(
              (f) =>
                `warning: edition ${e.id}: full ${f.toUpperCase()} re-rendered by cspi 0.1.0 differs from the published one (sha256 ${e.outputHashes[`full.${f}`]}); the published bytes were not kept`,
            ),
          );
          // The re-render is what was written (nothing else is to be had), flagged, never silently.
          assert.match(readFileSync(files[0]!, 'utf8'), new RegExp(CHANGED_WORDS));
          const pub = await captured(() =>
            runReport({ period: '', edition: e.id, db: url, out: join(dir, 'p.json'), public: true }),
          );
          assert.match(pub.stderr, new RegExp(`^warning: edition ${e.id}: public JSON re-rendered`, 'm'));
          assert.match(pub.stderr, /public HTML re-rendered/, 'the rescanned HTML is checked too');
        } finally {
          later.restore();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await before.cleanup();
        await cleanup();
      }
    },
  );
}

const hasChromium = existsSync(CHROMIUM_PATH);
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

test(
  "§8 an edition's PDF is printed from its published HTML, not from a re-render",
  {
    skip: !hasChromium ? `no chromium at ${CHROMIUM_PATH}` : !hasPdftotext ? 'no pdftotext' : false,
    timeout: 120_000,
  },
  async () => {
    const [store] = testStores().filter((s) => s.name === 'sqlite');
    const { db, url, cleanup } = await store!.open();
    const dir = mkdtempSync(join(tmpdir(), 'cspi-edition-bytes-'));
    try {
      const e = await publish(db);
      const later = renderingChanged();
      try {
        const file = join(dir, 'r.pdf');
        await captured(() => runReport({ period: '', edition: e.id, db: url, out: file }));
        const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
        assert.match(text, /271 by the end of December 2021/);
        assert.doesNotMatch(text, new RegExp(CHANGED_WORDS));
      } finally {
        later.restore();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await cleanup();
    }
  },
);
