import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIsoDate } from '../src/calendar/iso-date.js';
import { runImport } from '../src/cli/commands/import.js';
import { computeFromStore, draftModel, renderAll } from '../src/cli/commands/report.js';
import type { Output } from '../src/cli/output.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { NO_COMMENTARY } from '../src/report/commentary/commentary.js';
import { launchBrowser } from '../src/report/render/browser.js';
import { day } from '../src/synth/day-calendar.js';
import { runSynth } from '../src/synth/run-synth.js';
import { heading, print } from './measure.js';

const quiet: Output = {
  json: true,
  info: () => {},
  result: () => {},
  progress: () => ({ update: () => {}, stop: () => {} }),
};

/** Wall and CPU seconds of this process (CPU: process.cpuUsage, user + system; Chromium's own CPU is not in it). */
async function clocked<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const r = await fn();
  const c = process.cpuUsage(c0);
  return [r, Number(process.hrtime.bigint() - t0) / 1e9, (c.user + c.system) / 1e6];
}

/**
 * `npm run bench -- report`: one LA's committee report in HTML, PDF and DOCX from the store, as
 * `cspi report --out a.html a.pdf a.docx` does it: Chromium launched while the figures are computed (once),
 * the IndicatorReport computed once and rendered three times, PDF printed while the DOCX is built.
 * Store: `CSPI_BENCH_REPORT_DB` (an imported store holding LA 841), else synthetic Darlington (5 years, real
 * size) synthesised and imported first (not timed). Wall time is noisy on a shared machine; CPU seconds less so.
 */
export async function benchReport(): Promise<void> {
  heading('report (one LA, Q4 2021-22: HTML + PDF + DOCX)');
  let db = process.env['CSPI_BENCH_REPORT_DB'];
  let dir: string | null = null;
  try {
    if (!db || !existsSync(db)) {
      dir = mkdtempSync(join(tmpdir(), 'cspi-bench-report-'));
      db = join(dir, 'cspi.db');
      await runSynth({
        out: join(dir, 'data'),
        las: 1,
        years: 5,
        extract: day(parseIsoDate('2022-03-31')!),
        seed: '1',
        faults: [],
        scale: 1,
        threads: 1,
      });
      const code = await runImport(
        [join(dir, 'data', '841')],
        { db, la: '841', reportDir: dir, env: {} },
        async () => readInputs,
        quiet,
      );
      if (code === 2) throw new Error('bench report: the synthetic data did not load');
    }
    const opts = { period: '2021-22-Q4', la: '841', db };
    const [, wall, cpu] = await clocked(async () => {
      const browser = launchBrowser();
      try {
        const computed = await computeFromStore(opts);
        const model = draftModel(computed, opts, NO_COMMENTARY, new Date().toISOString(), []);
        return await renderAll(model, ['html', 'pdf', 'docx'], computed.suppression, browser);
      } finally {
        await (await browser).close();
      }
    });
    print({
      name: 'report: load + compute + HTML, PDF, DOCX (wall)',
      value: wall,
      unit: 's',
      goal: '< 10 s',
    });
    print({ name: 'report: the same, CPU of this process (user + system)', value: cpu, unit: 's' });
    // The parts, warm.
    const [computed, cWall, cCpu] = await clocked(() => computeFromStore(opts));
    print({ name: '  load the dataset and compute (incl. Appendix B runs)', value: cWall, unit: 's' });
    print({ name: '  … CPU', value: cCpu, unit: 's' });
    const model = draftModel(computed, opts, NO_COMMENTARY, new Date().toISOString(), []);
    for (const f of ['html', 'docx', 'pdf'] as const) {
      const [, w, c] = await clocked(() => renderAll(model, [f], computed.suppression));
      print({
        name: `  render ${f.toUpperCase()}${f === 'pdf' ? ' (with Chromium launch)' : ''}`,
        value: w,
        unit: 's',
      });
      print({ name: '  … CPU', value: c, unit: 's' });
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
