import { Command, CommanderError } from 'commander';
import { UserError } from './user-error.js';
import { CalendarRangeError } from '../calendar/working-day-calendar.js';
import { PeriodError } from '../calendar/period.js';
import { MigrationError } from '../store/migrate.js';
import { registerCommands } from './commands.js';

/**
 * The `cspi` command line. Every command lives in `cli/commands/<name>.ts` and is listed in
 * `cli/commands.ts`. Errors meant for users print as one message with exit code 2 (or their own code);
 * an unexpected failure prints a short S-INTERNAL message, never a stack trace (set CSPI_DEBUG=1 for one).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('cspi')
    .description("Children's Services Performance Indicators")
    .showHelpAfterError()
    .exitOverride();
  try {
    await registerCommands(program, argv);
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof UserError) {
    process.stderr.write(`cspi: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof CalendarRangeError || err instanceof PeriodError || err instanceof MigrationError) {
    process.stderr.write(`cspi: ${err.message}\n`);
    return 2;
  }
  process.stderr.write('cspi: S-INTERNAL: an unexpected error stopped this command; nothing was changed.\n');
  if (process.env['CSPI_DEBUG']) process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  else process.stderr.write('Run again with CSPI_DEBUG=1 to see the technical details.\n');
  return 70;
}
