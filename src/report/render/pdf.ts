import type { Browser } from 'playwright-core';
import { escapeXml as esc } from '../chart/escape-xml.js';
import type { RenderModel } from '../model/render-model.js';
import { launchBrowser } from './browser.js';
import { renderHtml } from './html.js';

/** Header and footer templates Chromium prints on every page (10pt Arial, report.md §6 and §7). */
function templates(model: RenderModel): { header: string; footer: string } {
  const m = model.meta;
  const style =
    "font-family:Arial,'Liberation Sans',sans-serif;font-size:10pt;color:#0b0c0c;width:100%;padding:0 10mm;";
  const header = m.exemptLine
    ? `<div style="${style}font-weight:bold;text-align:center;">${esc(m.exemptLine)}</div>`
    : `<div style="${style}"></div>`;
  const footer = `<div style="${style}display:flex;justify-content:space-between;"><span>${esc(m.title)}</span><span style="font-weight:bold;">${m.marking}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
  return { header, footer };
}

/**
 * Prints the report's HTML to an A4 PDF with Chromium: footer "Page X of Y" with title, period and
 * PUBLIC/EXEMPT, the exempt line heading every page of the full version, a document outline, and a tagged
 * PDF where Chromium allows. Pass a browser to reuse it; otherwise one is launched and closed. `html` is
 * the document printed: the model's HTML, or a published edition's kept HTML (report.md §8), so its PDF
 * prints the published words; the page header and footer come from the model's title and marking.
 */
export async function renderPdf(
  model: RenderModel,
  browser?: Browser,
  html: string = renderHtml(model),
): Promise<Buffer> {
  const own = browser ?? (await launchBrowser());
  try {
    const context = await own.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      // Nothing may load from outside: the HTML is self-contained and every request is refused.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const t = templates(model);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: t.header,
        footerTemplate: t.footer,
        margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
        outline: true,
        tagged: true,
      });
      return pdf;
    } finally {
      await context.close();
    }
  } finally {
    if (!browser) await own.close();
  }
}
