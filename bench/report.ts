import { heading, print, timed } from './measure.js';
import { darlingtonReport } from '../src/report/fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../src/report/fixtures/fake-catalogue.js';
import { buildRenderModel } from '../src/report/model/build-render-model.js';
import { defaultReportOptions } from '../src/report/model/report-options.js';
import { renderHtml } from '../src/report/render/html.js';
import { renderPdf } from '../src/report/render/pdf.js';
import { renderDocx } from '../src/report/render/docx.js';
import { launchBrowser } from '../src/report/render/browser.js';

/** One LA's committee report (24 indicators, Darlington Q3 2021/22 figures) in HTML, PDF and DOCX. */
export async function benchReport(): Promise<void> {
  heading('report: one LA, 24 indicators, HTML + PDF + DOCX');
  const [, total] = await timed(async () => {
    const [model, tModel] = await timed(() =>
      buildRenderModel(
        darlingtonReport(),
        FAKE_CATALOGUE,
        defaultReportOptions({ meetingDate: '2022-03-07' }),
      ),
    );
    print({ name: 'render model', value: tModel * 1000, unit: 'ms' });
    const [, tHtml] = await timed(() => renderHtml(model));
    print({ name: 'HTML', value: tHtml * 1000, unit: 'ms' });
    const [browser, tLaunch] = await timed(() => launchBrowser());
    print({ name: 'chromium launch', value: tLaunch, unit: 's' });
    try {
      const [, tPdf] = await timed(() => renderPdf(model, browser));
      print({ name: 'PDF', value: tPdf, unit: 's' });
    } finally {
      await browser.close();
    }
    const [, tDocx] = await timed(() => renderDocx(model));
    print({ name: 'DOCX (with PNG charts)', value: tDocx, unit: 's' });
  });
  print({ name: 'all three formats, one LA', value: total, unit: 's', goal: '< 10 s' });
}
