import { stringify } from 'csv-stringify/sync';
import type { DataRow, RenderModel } from '../model/render-model.js';

export const CSV_COLUMNS: readonly (keyof DataRow)[] = [
  'la',
  'indicator',
  'title',
  'period',
  'basis',
  'breakdown',
  'cell',
  'numerator',
  'denominator',
  'value',
  'unit',
  'target',
  'tolerance',
  'rating',
  'direction',
  'previous',
  'lastYear',
  'england',
  'snAverage',
  'suppressed',
  'status',
  'datasetVersion',
  'definitionVersion',
  'restated',
  'lasLoadedMean',
  'rankAmongLas',
  'lasRanked',
  'quartileAmongLas',
  'lasFromEarlierVersion',
];

/**
 * The CSV output (report.md §7): one row per indicator × period × breakdown cell, blank for null.
 * @example renderCsv(model).split('\n')[0] //=> 'la,indicator,title,period,…'
 */
export function renderCsv(model: RenderModel): string {
  return stringify(
    model.rows.map((r) => CSV_COLUMNS.map((c) => (r[c] === null ? '' : String(r[c])))),
    { header: true, columns: CSV_COLUMNS as string[], record_delimiter: '\n' },
  );
}

/** The JSON output: the meta, the rows and the narrative (report.md §7). */
export function renderJson(model: RenderModel): string {
  return `${JSON.stringify({ meta: model.meta, narrative: model.narrative, rows: model.rows }, null, 2)}\n`;
}
