import type { Browser } from 'playwright-core';
import type { RenderModel } from '../model/render-model.js';
import { renderCsv, renderJson } from './csv.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderPdf } from './pdf.js';

export type OutputFormat = 'html' | 'pdf' | 'docx' | 'csv' | 'json';

/** The format named by a file's extension, or null. */
export function formatOf(file: string): OutputFormat | null {
  const m = /\.(html|pdf|docx|csv|json)$/i.exec(file);
  return m ? (m[1]!.toLowerCase() as OutputFormat) : null;
}

/** Renders the model in one format (all formats come from the same model, report.md §7). */
export async function renderOutput(
  model: RenderModel,
  format: OutputFormat,
  browser?: Browser,
): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(renderHtml(model));
    case 'csv':
      return Buffer.from(renderCsv(model));
    case 'json':
      return Buffer.from(renderJson(model));
    case 'pdf':
      return renderPdf(model, browser);
    case 'docx':
      return renderDocx(model);
  }
}
