import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runPublish } from '../../cli/commands/publish.js';
import { runReport } from '../../cli/commands/report.js';
import { createHash } from 'node:crypto';
import { loadEdition, saveEdition } from '../../report/edition/edition-store.js';
import { rerenderedOutput } from '../../report/edition/edition-outputs.js';
import { CHANGED_WORDS, renderingChanged } from '../../report/edition/test-rendering-change.js';
import { loadDatasetVersion } from '../../store/load-dataset.js';
import { readAudit } from '../audit/audit-log.js';
import { importSmallLa } from '../../hub/hub-fixtures.js';
import { migrate } from '../../store/migrate.js';
import { MIGRATIONS } from '../../store/migrations.js';
import { openSqlite } from '../../store/sqlite.js';
import { createStoreServices } from '../real-services.js';
import { signIn, testApp } from '../testing/harness.js';

const PERIOD = '2021-22-Q3';

/** A store file with one small LA imported, the dashboard on it (real services), and a cleanup. */
async function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-web-reports-'));
  const file = join(dir, 'cspi.db');
  const db = openSqlite(file);
  await migrate(db, MIGRATIONS);
  await importSmallLa(db, '841', 40);
  const services = createStoreServices(db, { now: () => new Date('2022-01-14T10:00:00Z') });
  const { app } = await testApp(services, db);
  return {
    app,
    db,
    file,
    dir,
    out: (name: string) => join(dir, name),
    async cleanup() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The body XML of a Word file. */
async function docxBody(b: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(b);
  return (await zip.file('word/document.xml')!.async('string')).replace(/ id="\d+"/g, ' id=""');
}

const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

test('an edition published on the dashboard re-renders byte for byte with cspi report --edition', async () => {
  const f = await fixture();
  try {
    const admin = await signIn(f.app, 'admin');
    const r = await admin.post(`/reports/publish?la=841`, { period: PERIOD });
    assert.equal(r.status, 303);
    const id = new URL(r.headers.get('location')!, 'http://x').searchParams.get('published')!;
    assert.match(id, /^841-2021-22-Q3-\d{14}$/);
    const row = await f.db.get<{ published_by: string; dataset_id: string }>(
      'SELECT published_by, dataset_id FROM editions WHERE id = ?',
      [id],
    );
    assert.equal(row?.published_by, 'admin');
    const list = await (await admin.get('/reports?la=841')).text();
    assert.ok(list.includes(`Edition ${id}`));
    for (const [format, version] of [
      ['html', 'public'],
      ['html', 'full'],
      ['docx', 'full'],
    ] as const) {
      const d = await admin.get(`/reports/${id}/download?la=841&format=${format}&version=${version}`);
      assert.equal(d.status, 200, `${format} ${version}`);
      const web = await bytes(d);
      const file = f.out(`cli-${version}.${format}`);
      await runReport({ period: '', edition: id, out: file, db: f.file, public: version === 'public' });
      if (format === 'html') {
        assert.ok(web.equals(readFileSync(file)), `${format} ${version}: dashboard and CLI bytes differ`);
      } else {
        // The docx packer stamps the zip entries and core properties with the time of packing and numbers
        // drawings from a process-wide counter, so the Word file is compared by its document body.
        assert.equal(await docxBody(web), await docxBody(readFileSync(file)));
      }
    }
    // The same figures, Appendix B figures and frozen children as cspi publish freezes from the same store.
    const web = (await loadEdition(f.db, id))!;
    const cli = await runPublish({ period: PERIOD, la: '841', db: f.file });
    assert.deepEqual(web.frozen.report.indicators, cli.frozen.report.indicators);
    assert.deepEqual(web.frozen.membersQuestions, cli.frozen.membersQuestions);
    assert.deepEqual(web.frozen.members, cli.frozen.members);
    assert.ok(Object.keys(web.frozen.members ?? {}).length >= 24);
    const pub = (
      await bytes(await admin.get(`/reports/${id}/download?la=841&format=html&version=public`))
    ).toString();
    assert.match(pub, /Performance Indicators Quarter 3 2021\/22/);
    assert.doesNotMatch(pub, /NOT FOR PUBLICATION/);
  } finally {
    await f.cleanup();
  }
});

test('an edition published by cspi publish is listed and downloaded on the dashboard, as the CLI renders it', async () => {
  const f = await fixture();
  try {
    const e = await runPublish({ period: PERIOD, la: '841', db: f.file });
    const member = await signIn(f.app, 'member');
    const page = await (await member.get('/reports?la=841')).text();
    assert.ok(page.includes(`Edition ${e.id}`));
    // Who published it: the command line and the OS user, as its audit entry says (it named nobody).
    assert.ok(page.includes(`Edition ${e.id} · published by command line (${userInfo().username}), `), page);
    assert.ok(!page.includes('version=full'), 'members are offered the public version only');
    const full = await member.get(`/reports/${e.id}/download?la=841&format=html&version=full`);
    assert.equal(full.status, 403);
    const d = await member.get(`/reports/${e.id}/download?la=841&format=html&version=public`);
    assert.equal(d.status, 200);
    const file = f.out('cli.html');
    await runReport({ period: '', edition: e.id, out: file, db: f.file, public: true });
    assert.ok((await bytes(d)).equals(readFileSync(file)));
    assert.equal((await member.get(`/reports/${e.id}x/download?la=841`)).status, 404);
  } finally {
    await f.cleanup();
  }
});

test('drafts download as HTML and Word, public and full, for officers only; members cannot publish', async () => {
  const f = await fixture();
  try {
    const analyst = await signIn(f.app, 'analyst');
    const html = await analyst.get(`/reports/draft?la=841&period=${PERIOD}&format=html&version=full`);
    assert.equal(html.status, 200);
    const text = (await bytes(html)).toString();
    assert.match(text, /NOT FOR PUBLICATION/);
    assert.match(text, /draft/i);
    const docx = await analyst.get(`/reports/draft?la=841&period=${PERIOD}&format=docx&version=public`);
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get('content-type')!, /wordprocessingml/);
    assert.equal((await bytes(docx)).subarray(0, 2).toString(), 'PK');
    assert.equal((await analyst.post('/reports/publish?la=841', { period: PERIOD })).status, 403);
    const member = await signIn(f.app, 'member');
    assert.equal((await member.get(`/reports/draft?la=841&period=${PERIOD}`)).status, 403);
    assert.equal((await member.post('/reports/publish?la=841', { period: PERIOD })).status, 403);
    assert.equal((await f.db.all('SELECT id FROM editions')).length, 0);
  } finally {
    await f.cleanup();
  }
});

// report.md §6 "every public output … is rescanned before publication. Any breach fails it": a public draft
// downloaded from the dashboard is as published as a file cspi report --public writes, and is checked the
// same way, for small numbers and for the dataset's child-level identifiers.
test('a public draft that prints a child id of the dataset is refused (422, rule and position, never the value) and audited', async () => {
  const f = await fixture();
  try {
    const v = await loadDatasetVersion(f.db, '841');
    const childId = v!.dataset.children.find((c) => c.childId.length >= 4)!.childId;
    const analyst = await signIn(f.app, 'analyst');
    const saved = await analyst.post('/reports/commentary/assessments-45wd?la=841', {
      period: PERIOD,
      scorecard: `Child ${childId} was assessed late; a review is under way.`,
    });
    assert.ok(saved.status < 400, `commentary saved (${saved.status})`);
    for (const format of ['html', 'docx'] as const) {
      const r = await analyst.get(`/reports/draft?la=841&period=${PERIOD}&format=${format}&version=public`);
      assert.equal(r.status, 422, format);
      assert.match(r.headers.get('content-type')!, /text\/html/);
      const page = await r.text();
      assert.match(page, /The public draft failed the publication check/);
      assert.match(
        page,
        new RegExp(`PUB-CHILD-ID \\(${format}\\): a child identifier of the dataset at line \\d+`),
      );
      assert.ok(!page.includes(childId), `${format}: the page never shows the identifier`);
    }
    const audit = await readAudit(f.db, { action: 'report-draft-refused' });
    assert.equal(audit.total, 2);
    for (const e of audit.entries) {
      assert.equal(e.actor, 'analyst');
      assert.equal(e.la, '841');
      assert.match(String(e.detail['rules']), /PUB-CHILD-ID/);
      assert.ok(!JSON.stringify(e.detail).includes(childId), 'the audit never holds the identifier');
    }
    // The full (exempt) version is not the public one: it downloads.
    const full = await analyst.get(`/reports/draft?la=841&period=${PERIOD}&format=html&version=full`);
    assert.equal(full.status, 200);
    assert.ok((await bytes(full)).toString().includes(childId));
  } finally {
    await f.cleanup();
  }
});

/** The edition id the dashboard's Publish button redirects to. */
async function publishOnDashboard(admin: Awaited<ReturnType<typeof signIn>>): Promise<string> {
  const r = await admin.post(`/reports/publish?la=841`, { period: PERIOD });
  assert.equal(r.status, 303);
  return new URL(r.headers.get('location')!, 'http://x').searchParams.get('published')!;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('§8 the dashboard serves an edition as published after the rendering changed; a changed stored document is refused', async () => {
  const f = await fixture();
  try {
    const admin = await signIn(f.app, 'admin');
    const id = await publishOnDashboard(admin);
    const e = (await loadEdition(f.db, id))!;
    const later = renderingChanged();
    try {
      for (const version of ['public', 'full'] as const) {
        assert.notEqual(
          sha(Buffer.from(rerenderedOutput(e, version, 'html'))),
          e.outputHashes[`${version}.html`],
        );
        const d = await admin.get(`/reports/${id}/download?la=841&format=html&version=${version}`);
        assert.equal(d.status, 200);
        assert.equal(d.headers.get('x-cspi-edition-notice'), null);
        const body = await bytes(d);
        assert.equal(sha(body), e.outputHashes[`${version}.html`], `${version}: the published HTML`);
        assert.doesNotMatch(body.toString(), new RegExp(CHANGED_WORDS));
        // The Word document too: the bytes published, which a render now could never give (a new timestamp).
        const w = await admin.get(`/reports/${id}/download?la=841&format=docx&version=${version}`);
        assert.equal(w.status, 200);
        assert.equal(
          sha(await bytes(w)),
          e.outputHashes[`${version}.docx`],
          `${version}: the published DOCX`,
        );
      }
      assert.doesNotMatch(await (await admin.get('/reports?la=841')).text(), /Not the published document/);
    } finally {
      later.restore();
    }
    await f.db.exec('DROP TRIGGER edition_outputs_no_update');
    await f.db.run(
      "UPDATE edition_outputs SET body = body || ' ' WHERE edition_id = ? AND version = 'public' AND format = 'html'",
      [id],
    );
    const refused = await admin.get(`/reports/${id}/download?la=841&format=html&version=public`);
    assert.equal(refused.status, 500);
    const page = await refused.text();
    assert.match(page, /The published edition could not be served/);
    assert.ok(
      page.includes(
        `edition ${id}: the stored public HTML does not match the hash frozen when it was published (sha256 ${e.outputHashes['public.html']}, stored bytes `,
      ),
    );
    const audit = await readAudit(f.db, { action: 'report-edition-refused' });
    assert.deepEqual(
      audit.entries.map((a) => a.detail),
      [{ edition: id, output: 'public.html' }],
    );
    // The full version's kept HTML is intact and still served.
    assert.equal((await admin.get(`/reports/${id}/download?la=841&format=html&version=full`)).status, 200);
    // A changed Word document is refused in the same way.
    await f.db.exec('DROP TRIGGER edition_documents_no_update');
    await f.db.run("UPDATE edition_documents SET body = X'00' WHERE edition_id = ? AND version = 'full'", [
      id,
    ]);
    const word = await admin.get(`/reports/${id}/download?la=841&format=docx&version=full`);
    assert.equal(word.status, 500);
    assert.ok(
      (await word.text()).includes(
        `edition ${id}: the stored full Word document does not match the hash frozen when it was published (sha256 ${e.outputHashes['full.docx']}, stored bytes `,
      ),
    );
    assert.deepEqual(
      (await readAudit(f.db, { action: 'report-edition-refused' })).entries.map((a) => a.detail),
      [
        { edition: id, output: 'full.docx' },
        { edition: id, output: 'public.html' },
      ],
    );
  } finally {
    await f.cleanup();
  }
});

test('§8 an edition published before its documents were kept: the reports page and the download say when the re-render differs from the published one', async () => {
  const f = await fixture();
  const g = await fixture();
  try {
    const id = await publishOnDashboard(await signIn(f.app, 'admin'));
    const e = (await loadEdition(f.db, id))!;
    await saveEdition(g.db, e); // as an older cspi wrote it: the row and hashes, no documents
    const admin = await signIn(g.app, 'admin');
    const same = await admin.get(`/reports/${id}/download?la=841&format=html&version=full`);
    assert.equal(same.headers.get('x-cspi-edition-notice'), null);
    assert.equal(sha(await bytes(same)), e.outputHashes['full.html']);
    // No Word document was kept: it is rendered from the frozen figures, as before.
    const word = await admin.get(`/reports/${id}/download?la=841&format=docx&version=full`);
    assert.equal(word.status, 200);
    assert.equal((await bytes(word)).subarray(0, 2).toString(), 'PK');
    assert.doesNotMatch(await (await admin.get('/reports?la=841')).text(), /Not the published document/);
    const later = renderingChanged();
    try {
      const notice = (v: string) =>
        `edition ${id}: ${v} HTML re-rendered by cspi 0.1.0 differs from the published one (sha256 ${e.outputHashes[`${v}.html`]}); the published bytes were not kept`;
      const d = await admin.get(`/reports/${id}/download?la=841&format=html&version=full`);
      assert.equal(d.status, 200);
      assert.equal(d.headers.get('x-cspi-edition-notice'), notice('full'));
      const page = await (await admin.get('/reports?la=841')).text();
      assert.ok(page.includes(`Not the published document: ${notice('public')}.`));
      assert.ok(page.includes(`Not the published document: ${notice('full')}.`));
    } finally {
      later.restore();
    }
  } finally {
    await g.cleanup();
    await f.cleanup();
  }
});
