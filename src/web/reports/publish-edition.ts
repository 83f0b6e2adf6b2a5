import { createHash } from 'node:crypto';
import { SOFTWARE_VERSION } from '../../cli/commands/report.js';
import { INDICATORS } from '../../indicators/registry.js';
import type { IndicatorReport } from '../../indicators/types.js';
import { NO_COMMENTARY } from '../../report/commentary/commentary.js';
import type { EditionRecord } from '../../report/edition/edition-store.js';
import { loadEdition, saveEdition } from '../../report/edition/edition-store.js';
import { buildRenderModel } from '../../report/model/build-render-model.js';
import type { NarrativeText } from '../../report/model/render-model.js';
import { defaultReportOptions } from '../../report/model/report-options.js';
import { type Breach, rescanPublic } from '../../report/public/rescan.js';
import { renderCsv, renderJson } from '../../report/render/csv.js';
import { renderHtml } from '../../report/render/html.js';
import type { Database } from '../../store/database.js';

/** What publishing gave: the new edition, or the publication check's breaches (nothing written). */
export type PublishOutcome =
  | { readonly ok: true; readonly edition: EditionRecord }
  | { readonly ok: false; readonly breaches: readonly Breach[] };

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Publishes the dashboard's figures for a period as an immutable edition in the report module's `editions`
 * table, frozen as `cspi publish` freezes one (report.md §8): the IndicatorReport (figures, RAG and direction
 * from the engine with the stored targets), definition versions, report options, commentary, final narrative,
 * software version and the hashes of the public and full HTML, CSV and JSON. The public outputs are rescanned
 * first (report.md §6); any breach refuses publication. `cspi report --edition ID` re-renders the result.
 * @example const out = await publishEdition(db, report, { by: 'admin', laName: 'Darlington', now: new Date() })
 */
export async function publishEdition(
  db: Database,
  report: IndicatorReport,
  opts: { readonly by: string; readonly laName: string; readonly now: Date },
): Promise<PublishOutcome> {
  const publishedAt = opts.now.toISOString();
  const stem = `${report.la}-${report.period.id}-${publishedAt.replace(/[-:.TZ]/g, '').slice(0, 14)}`;
  let id = stem;
  for (let n = 2; await loadEdition(db, id); n++) id = `${stem}-${n}`;
  const commentary = { ...NO_COMMENTARY, author: opts.by };
  const base = defaultReportOptions({
    laName: opts.laName,
    commentary,
    generatedAt: publishedAt,
    softwareVersion: SOFTWARE_VERSION,
    edition: id,
  });
  const hashes: Record<string, string> = {};
  let narrative: NarrativeText | null = null;
  for (const pub of [true, false]) {
    const model = buildRenderModel(report, INDICATORS, { ...base, public: pub });
    const html = renderHtml(model);
    const csv = renderCsv(model);
    const json = renderJson(model);
    if (pub) {
      const breaches = rescanPublic(model, [html, csv, json], base.suppression);
      if (breaches.length > 0) return { ok: false, breaches };
    }
    const tag = pub ? 'public' : 'full';
    hashes[`${tag}.html`] = sha256(html);
    hashes[`${tag}.csv`] = sha256(csv);
    hashes[`${tag}.json`] = sha256(json);
    if (!pub) narrative = model.narrative;
  }
  const edition: EditionRecord = {
    id,
    la: report.la,
    period: report.period.id,
    publishedAt,
    publishedBy: opts.by,
    datasetId: report.dataset.id,
    datasetHash: report.dataset.hash,
    softwareVersion: SOFTWARE_VERSION,
    frozen: {
      report,
      definitionVersions: Object.fromEntries(INDICATORS.map((d) => [d.id, d.definitionVersion])),
      options: {
        public: false,
        committee: base.committee,
        meetingDate: base.meetingDate,
        authorLine: base.authorLine,
        laName: base.laName,
        suppression: base.suppression,
        inLineBand: base.inLineBand,
      },
      commentary,
      narrative: narrative!,
    },
    outputHashes: hashes,
  };
  await saveEdition(db, edition);
  return { ok: true, edition };
}
