import { spreadsheetCsv, type SpreadsheetCell } from '../../csv/spreadsheet-csv.js';
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
  'englandUnit',
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
 * The CSV output (report.md §7): one row per indicator × period × breakdown cell, blank for null. `unit` is
 * the unit of `value`, `target`, `previous`, `lastYear` and the means; `englandUnit` that of `england`, which
 * may differ (cic-missing: a count of children beside England's 11%). Written by
 * {@link spreadsheetCsv}: figures stay numbers (a negative change stays `-3`), and a text cell that a
 * spreadsheet would run as a formula (a breakdown label or title beginning `=`, `+`, `-`, `@`) gets a `'`.
 * @example renderCsv(model).split('\n')[0] //=> 'la,indicator,title,period,…'
 */
export function renderCsv(model: RenderModel): string {
  return spreadsheetCsv(
    CSV_COLUMNS,
    model.rows.map((r) => CSV_COLUMNS.map((c) => dataCell(r[c]))),
  );
}

function dataCell(v: DataRow[keyof DataRow]): SpreadsheetCell {
  return typeof v === 'boolean' ? String(v) : v;
}

/** The JSON output: the meta, the rows and the narrative (report.md §7). */
export function renderJson(model: RenderModel): string {
  return `${JSON.stringify({ meta: model.meta, narrative: model.narrative, rows: model.rows }, null, 2)}\n`;
}
