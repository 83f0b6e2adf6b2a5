import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser } from '../../report/render/browser.js';
import type { ReportFormat } from './report-files.js';

/** The headless Chromium that prints report PDFs: launched at the first PDF, kept for the next ones. */
export interface PdfBrowser {
  /** Formats this deployment renders: PDF only where Chromium is installed. */
  formats(): readonly ReportFormat[];
  browser(): Promise<Browser>;
  close(): Promise<void>;
}

/**
 * One shared browser for the dashboard's PDFs (≈0.5 s a PDF once warm), relaunched if it died.
 * @example const pdf = pdfBrowser(); await reportFile(model, 'pdf', name, pdf.browser); await pdf.close()
 */
export function pdfBrowser(chromium: string = CHROMIUM_PATH): PdfBrowser {
  let launched: Promise<Browser> | null = null;
  return {
    formats: () => (existsSync(chromium) ? ['html', 'pdf', 'docx'] : ['html', 'docx']),
    async browser() {
      if (launched) {
        const b = await launched.catch(() => null);
        if (b?.isConnected()) return b;
      }
      launched = launchBrowser();
      return launched;
    },
    async close() {
      const b = await launched?.catch(() => null);
      launched = null;
      await b?.close();
    },
  };
}
