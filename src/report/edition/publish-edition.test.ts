import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { testStores } from '../../store/test-stores.js';
import { NO_COMMENTARY } from '../commentary/commentary.js';
import { commentaryEntry } from '../commentary/test-entries.js';
import { addCommentary, figureUnder, storedCommentary } from '../commentary/commentary-store.js';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { renderCsv, renderJson } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { editionModel } from './edition-model.js';
import { listEditions, loadEdition } from './edition-store.js';
import { publishEdition } from './publish-edition.js';
import type { AnnexACp } from '../../model/annex-a.js';
import type { Child } from '../../model/child.js';
import { emptyDataset } from '../../model/la-dataset.js';
import { datasetIdentifiers } from '../public/dataset-identifiers.js';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const NOW = new Date('2022-01-20T09:30:00Z');

for (const store of testStores()) {
  test(
    `an edition is published once, re-renders to its hashes, and can never be changed (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const report = darlingtonReport();
        const out = await publishEdition(db, {
          report,
          by: 'officer',
          now: NOW,
          commentary: NO_COMMENTARY,
          details: { laName: 'Darlington' },
        });
        assert.ok(out.ok);
        const id = out.edition.id;
        assert.equal(id, 'E06000005-2021-22-Q3-20220120093000');
        const again = await publishEdition(db, {
          report,
          by: 'officer',
          now: NOW,
          commentary: NO_COMMENTARY,
        });
        assert.ok(again.ok);
        assert.equal(again.edition.id, `${id}-2`, 'a second edition in the same second gets its own id');
        const back = (await loadEdition(db, id))!;
        for (const pub of [true, false]) {
          const m = editionModel(back, pub);
          const tag = pub ? 'public' : 'full';
          assert.equal(sha(renderHtml(m)), back.outputHashes[`${tag}.html`]);
          assert.equal(sha(renderCsv(m)), back.outputHashes[`${tag}.csv`]);
          assert.equal(sha(renderJson(m)), back.outputHashes[`${tag}.json`]);
          // The Word document is kept as published, under its frozen hash: a Word file is a zip of XML.
          const word: { body: Buffer } | undefined = await db.get<{ body: Buffer }>(
            "SELECT body FROM edition_documents WHERE edition_id = ? AND version = ? AND format = 'docx'",
            [id, tag],
          );
          assert.equal(Buffer.from(word!.body).subarray(0, 2).toString(), 'PK');
          assert.equal(sha(Buffer.from(word!.body)), back.outputHashes[`${tag}.docx`]);
        }
        assert.deepEqual(
          (await listEditions(db, 'E06000005')).map((e) => e.id),
          [`${id}-2`, id],
        );
        await assert.rejects(
          db.run("UPDATE editions SET frozen_json = '{}' WHERE id = ?", [id]),
          /append-only/,
        );
        await assert.rejects(db.run('DELETE FROM editions'), /append-only/);
        assert.equal((await listEditions(db, 'E06000005')).length, 2);
      } finally {
        await cleanup();
      }
    },
  );
}

for (const store of testStores()) {
  test(
    `two publishes of one period in the same second, at once, each get an edition with its own id (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const report = darlingtonReport();
        const publish = () =>
          publishEdition(db, { report, by: 'officer', now: NOW, commentary: NO_COMMENTARY });
        const outs = await Promise.all([publish(), publish(), publish()]);
        assert.ok(outs.every((o) => o.ok));
        const ids = outs.map((o) => (o.ok ? o.edition.id : '')).sort();
        const stem = 'E06000005-2021-22-Q3-20220120093000';
        assert.deepEqual(ids, [stem, `${stem}-2`, `${stem}-3`]);
        for (const id of ids) {
          const e = (await loadEdition(db, id))!;
          assert.equal(sha(renderHtml(editionModel(e, false))), e.outputHashes['full.html'], id);
        }
      } finally {
        await cleanup();
      }
    },
  );
}

test('the small-number threshold comes from the settings and is frozen with the edition', async () => {
  const [store] = testStores().filter((s) => s.name === 'sqlite');
  const { db, cleanup } = await store!.open();
  try {
    const base = darlingtonReport();
    const report = { ...base, settings: { ...base.settings, variants: { 'suppression.k': 10 } } };
    const out = await publishEdition(db, { report, by: null, now: NOW, commentary: NO_COMMENTARY });
    assert.ok(out.ok);
    assert.deepEqual(out.edition.frozen.options.suppression, { k: 10, complement: true });
    const html = renderHtml(editionModel(out.edition, true));
    assert.match(html, /&lt;11/, 'counts from 1 to 10 show as <11');
    assert.match(html, /Counts from 1 to 10 are shown as/);

    const bad = { ...base, settings: { ...base.settings, variants: { 'suppression.k': 0 } } };
    const refused = await publishEdition(db, { report: bad, by: null, now: NOW, commentary: NO_COMMENTARY });
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.code, 'CFG-SUPPRESSION');
    assert.equal((await listEditions(db, 'E06000005')).length, 1, 'nothing written');
  } finally {
    await cleanup();
  }
});

// report.md §6 "Never in the public version: … identifiers, names, dates of birth, postcodes, worker
// names": a public output that prints a child-level identifier of the dataset is refused, nothing written.
test('publishing is refused when a public output prints a child id or worker of the dataset, by rule, never by value', async () => {
  const [store] = testStores().filter((s) => s.name === 'sqlite');
  const { db, cleanup } = await store!.open();
  try {
    const report = darlingtonReport();
    const id = report.indicators[0]!.id;
    const commentary = {
      author: 'officer',
      entries: {
        [id]: {
          id,
          text: null,
          mode: 'follow' as const,
          section: null,
          reason: null,
          action: null,
          outsideControl: false,
          scorecard: 'Child 1000547 was seen by Jane Smith.',
          internal: false,
        },
      },
    };
    const identifiers = datasetIdentifiers({
      ...emptyDataset('841'),
      children: [{ childId: '1000547' } as Child],
      annexACp: [{ worker: 'Jane Smith', asAt: '2022-01-14' } as unknown as AnnexACp],
    });
    const out = await publishEdition(db, { report, by: 'officer', now: NOW, commentary, identifiers });
    assert.equal(out.ok, false);
    const breaches = !out.ok && out.code === 'PUB-CHECK' ? out.breaches : [];
    assert.deepEqual([...new Set(breaches.map((b) => `${b.code} ${b.where}`))].sort(), [
      'PUB-CHILD-ID docx',
      'PUB-CHILD-ID html',
      'PUB-WORKER docx',
      'PUB-WORKER html',
    ]);
    assert.ok(breaches.every((b) => !/1000547|Jane|Smith/.test(b.detail)));
    // Without the dataset's identifiers, the children frozen behind the figures are looked for.
    const members = { [id]: [{ childId: '1000547', inNumerator: true, recordIds: [], dates: '' }] };
    const byMembers = await publishEdition(db, { report, by: 'officer', now: NOW, commentary, members });
    assert.equal(byMembers.ok, false);
    assert.ok(
      !byMembers.ok &&
        byMembers.code === 'PUB-CHECK' &&
        byMembers.breaches.some((b) => b.code === 'PUB-CHILD-ID'),
    );
    assert.equal((await listEditions(db, 'E06000005')).length, 0, 'nothing written');
  } finally {
    await cleanup();
  }
});

for (const store of testStores()) {
  test(
    `§5 §8 a commentary save landing between the stale check and the edition's write refuses publication: the edition never holds unchecked or outdated text (${store.name})`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const report = darlingtonReport();
        const la = report.la;
        const period = report.period.id;
        const cic = report.indicators.find((r) => r.id === 'cic-count')!;
        const save = (text: string, by: string, at: string) =>
          addCommentary(
            db,
            {
              la,
              period,
              indicatorId: 'cic-count',
              kind: 'edit',
              writtenBy: by,
              entry: commentaryEntry('cic-count', { text }),
              figure: figureUnder(cic),
            },
            new Date(at),
          );
        await save('Checked text.', 'jo', '2022-01-20T09:00:00Z');
        // The publisher reads and checks the commentary (nothing stale)…
        const checked = await storedCommentary(db, report, 'admin');
        assert.deepEqual(checked.stale, []);
        // …then, before the edition is written, an officer saves new text.
        await save('Saved while publishing.', 'sam', '2022-01-20T09:29:00Z');
        const out = await publishEdition(db, {
          report,
          by: 'admin',
          now: NOW,
          commentary: checked.commentary,
          commentaryHistory: checked.history,
        });
        assert.deepEqual(out, {
          ok: false,
          code: 'COMMENTARY-CHANGED',
          message:
            'The commentary on Number of Children in Care was changed (by sam) while the report was being published, so it was not checked.',
        });
        assert.deepEqual(await listEditions(db, la), [], 'nothing was written');

        // Publishing again reads, checks and freezes the new text with its whole history.
        const again = await storedCommentary(db, report, 'admin');
        const ok = await publishEdition(db, {
          report,
          by: 'admin',
          now: NOW,
          commentary: again.commentary,
          commentaryHistory: again.history,
        });
        assert.ok(ok.ok);
        const frozen = (await loadEdition(db, ok.edition.id))!.frozen;
        assert.equal(frozen.commentary.entries['cic-count']?.text, 'Saved while publishing.');
        assert.deepEqual(
          frozen.commentaryHistory?.map((r) => r.entry.text),
          ['Saved while publishing.', 'Checked text.'],
        );
      } finally {
        await cleanup();
      }
    },
  );
}

test('commentary given from a file (no stored history passed) is published whatever the store holds', async () => {
  const [store] = testStores().filter((s) => s.name === 'sqlite');
  const { db, cleanup } = await store!.open();
  try {
    const report = darlingtonReport();
    await addCommentary(
      db,
      {
        la: report.la,
        period: report.period.id,
        indicatorId: 'cic-count',
        kind: 'edit',
        writtenBy: 'jo',
        entry: commentaryEntry('cic-count', { text: 'Stored text.' }),
        figure: figureUnder(report.indicators.find((r) => r.id === 'cic-count')!),
      },
      NOW,
    );
    const out = await publishEdition(db, { report, by: null, now: NOW, commentary: NO_COMMENTARY });
    assert.ok(out.ok);
  } finally {
    await cleanup();
  }
});
