import { INDICATORS } from '../../indicators/registry.js';
import { buildRenderModel } from '../model/build-render-model.js';
import type { RenderModel } from '../model/render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import type { EditionRecord } from './edition-store.js';

/**
 * The render model of a published edition from its frozen figures, options, commentary, the period's own
 * restatements against its previous edition, earlier-period restatements and hub benchmarks, timestamped at publication: the one function behind publishing (the
 * output hashes and the documents kept, `edition_outputs`), and behind the DOCX (and the PDF's page header
 * and footer) of `cspi report --edition ID` and the dashboard's downloads. Their HTML, CSV and JSON are the
 * documents kept at publication (`editionOutput`), not a re-render of this model, which follows the
 * software installed now.
 * @example editionModel(await loadEdition(db, id), true).meta.marking //=> 'PUBLIC'
 */
export function editionModel(e: EditionRecord, publicVersion: boolean): RenderModel {
  const f = e.frozen;
  return buildRenderModel(
    f.report,
    INDICATORS,
    defaultReportOptions({
      ...f.options,
      public: publicVersion,
      commentary: f.commentary,
      edition: e.id,
      generatedAt: e.publishedAt,
      softwareVersion: e.softwareVersion,
      ...(f.membersQuestions ? { membersQuestions: f.membersQuestions } : {}),
      ...(f.snKey ? { snKey: f.snKey } : {}),
      ...(f.restatements ? { restatements: f.restatements } : {}),
      ...(f.earlierRestatements ? { earlierRestatements: f.earlierRestatements } : {}),
      ...(f.hubBenchmarks ? { hubBenchmarks: f.hubBenchmarks } : {}),
      ...(f.datasetSources ? { datasetSources: f.datasetSources } : {}),
    }),
  );
}
