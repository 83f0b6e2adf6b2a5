import type { Command } from 'commander';
import { parseIsoDate } from '../../calendar/iso-date.js';
import { createOutput } from '../output.js';
import { UserError } from '../user-error.js';
import { makeFolder } from '../make-folder.js';
import { runSynth } from '../../synth/run-synth.js';
import { FAULT_KINDS, type FaultKind } from '../../synth/faults.js';
import { day } from '../../synth/day-calendar.js';
import { loadLaTable } from '../../synth/la-table.js';

/** Parses `--faults all` or a comma list of fault kinds. */
export function parseFaultKinds(text: string | undefined): FaultKind[] {
  if (text === undefined) return [];
  if (text.trim() === 'all') return [...FAULT_KINDS];
  const kinds = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const k of kinds) {
    if (!(FAULT_KINDS as string[]).includes(k)) {
      throw new UserError(
        `--faults: unknown fault kind "${k}"; use all or a comma list of ${FAULT_KINDS.join(', ')}`,
      );
    }
  }
  return kinds as FaultKind[];
}

const positiveInt = (name: string, v: string, max: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UserError(`${name} must be a whole number from 1 to ${max} (got "${v}")`);
  return n;
};

/** `cspi synth`: writes synthetic LA data in the real export formats (README "Synthetic data"). */
export function register(program: Command): void {
  program
    .command('synth')
    .description(
      'write synthetic data for English LAs: CIN census XML, SSDA903 CSVs and the local extract, per LA and year',
    )
    .requiredOption('--out <dir>', 'output folder')
    .option('--las <n>', 'number of LAs, in the fixed order of data/las.csv (1 = Darlington)', '1')
    .option('--years <n>', 'collection years, ending with the one containing --end', '5')
    .option('--end <date>', 'extract date (YYYY-MM-DD)', '2022-03-31')
    .option('--seed <s>', 'random seed (same seed, same output)', '1')
    .option('--faults <kinds>', `inject row-level faults: all, or a comma list of ${FAULT_KINDS.join(', ')}`)
    .option('--scale <f>', 'population multiplier (1 = real size)', '1')
    .option('--json', 'print the summary as JSON')
    .action(
      async (o: {
        out: string;
        las: string;
        years: string;
        end: string;
        seed: string;
        faults?: string;
        scale: string;
        json?: boolean;
      }) => {
        const out = createOutput(o.json === true);
        const total = loadLaTable().length;
        const las = positiveInt('--las', o.las, total);
        const years = positiveInt('--years', o.years, 20);
        const end = parseIsoDate(o.end);
        if (!end) throw new UserError(`--end must be a date written YYYY-MM-DD (got "${o.end}")`);
        if (end < '2012-04-01' || end > '2027-12-31')
          throw new UserError(
            '--end must lie between 2012-04-01 and 2027-12-31 (the bank-holiday table covers 1990–2027)',
          );
        const scale = Number(o.scale);
        if (!(scale > 0 && scale <= 10))
          throw new UserError(`--scale must be a number above 0 and at most 10 (got "${o.scale}")`);
        const faults = parseFaultKinds(o.faults);
        makeFolder(o.out);
        const bar = out.progress('synth', las, 'LAs');
        // Stopped whatever happens: a bar left running keeps the process alive (its redraw timer) after an error.
        const summary = await runSynth({
          out: o.out,
          las,
          years,
          extract: day(end),
          seed: o.seed,
          faults,
          scale,
          onLa: (done, _total, la) => bar.update(done, la),
        }).finally(() => bar.stop());
        out.info(
          `Wrote ${summary.files} files (${summary.rows.toLocaleString('en-GB')} rows, ${(summary.bytes / 1e6).toFixed(1)} MB) ` +
            `for ${summary.las.length} LA${summary.las.length === 1 ? '' : 's'}, years ${summary.years[0]} to ${summary.years[summary.years.length - 1]}, to ${o.out}` +
            (faults.length > 0 ? `; ${summary.faults} faults listed in faults.json` : ''),
        );
        out.result({ out: o.out, ...summary });
      },
    );
}
