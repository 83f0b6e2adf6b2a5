import { Command, CommanderError } from 'commander';
import { UserError } from './user-error.js';
import { CalendarRangeError } from '../calendar/working-day-calendar.js';
import { PeriodError } from '../calendar/period.js';
import { MigrationError } from '../store/migrate.js';
import { StoreBusyError, StoreUnavailableError } from '../store/store-error.js';
import { registerCommands } from './commands.js';

/**
 * The `cspi` command line. Every command lives in `cli/commands/<name>.ts` and is listed in
 * `cli/commands.ts`. Errors meant for users print as one message with exit code 2 (or their own code);
 * a database that cannot be opened or is locked, and a file that cannot be read or written, are user errors
 * (exit 2); an unexpected failure prints a short S-INTERNAL message, never a stack trace (set CSPI_DEBUG=1 for one).
 */
export async function main(argv: readonly string[]): Promise<number> {
  ignoreClosedOutput();
  const program = new Command('cspi')
    .description("Children's Services Performance Indicators")
    .showHelpAfterError("(cspi --help lists the commands; cspi COMMAND --help, a command's options)")
    .configureOutput({ outputError: (message, write) => write(usageErrorLine(message)) })
    .exitOverride();
  try {
    await registerCommands(program, argv);
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}

/**
 * A usage error as commander words it (`error: unknown option '--bogus'`), as every other cspi error is worded:
 * `cspi: …` (README, "Output and exit codes"), so a script or a reader can tell cspi's errors by one prefix.
 * Subcommands inherit this from the program (commander copies the output settings to each `.command()`).
 * @example usageErrorLine("error: unknown option '--bogus'\n") //=> "cspi: unknown option '--bogus'\n"
 */
export function usageErrorLine(message: string): string {
  return message.replace(/^error: /, 'cspi: ');
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof UserError) {
    process.stderr.write(`cspi: ${err.message}\n`);
    return err.exitCode;
  }
  if (
    err instanceof CalendarRangeError ||
    err instanceof PeriodError ||
    err instanceof MigrationError ||
    err instanceof StoreBusyError ||
    err instanceof StoreUnavailableError
  ) {
    process.stderr.write(`cspi: ${err.message}\n`);
    return 2;
  }
  const file = fileProblem(err);
  if (file) {
    process.stderr.write(`cspi: ${file}\n`);
    return 2;
  }
  process.stderr.write('cspi: S-INTERNAL: an unexpected error stopped this command; nothing was changed.\n');
  if (process.env['CSPI_DEBUG']) process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  else process.stderr.write('Run again with CSPI_DEBUG=1 to see the technical details.\n');
  return 70;
}

const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a folder on the path is a file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * A file the user named (an --out, --report-dir, …) that cannot be read or written, in one line naming the
 * path; undefined for any other error.
 * @example fileProblem(Object.assign(new Error(), { code: 'ENOENT', path: 'x/r.html' })) //=> 'cannot use x/r.html: no such file or folder; check the path and run again'
 */
export function fileProblem(err: unknown): string | undefined {
  const e = err as { code?: unknown; path?: unknown } | null;
  const reason = typeof e?.code === 'string' ? FILE_PROBLEMS[e.code] : undefined;
  if (reason === undefined || typeof e?.path !== 'string') return undefined;
  return `cannot use ${e.path}: ${reason}; check the path and run again`;
}

/**
 * Why a file the user named could not be read, as a clause to follow its name ("no such file or folder; check
 * the path and run again"); a bare "" for any other error.
 * @example readProblem(Object.assign(new Error(), { code: 'ENOENT' })) //=> ': no such file or folder; check the path and run again'
 */
export function readProblem(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? FILE_PROBLEMS[code] : undefined;
  return reason === undefined ? '' : `: ${reason}; check the path and run again`;
}

let closedOutputIgnored = false;

/**
 * A reader that stops early (`cspi indicators --members … | head`) closes the pipe; the next write then fails
 * with EPIPE, which Node raises as an unhandled 'error' event: a stack trace and exit 1. Output nobody reads is
 * dropped instead, and the command finishes as it would have (an import still commits or rolls back whole),
 * with its own exit code. Any other output error still stops the process.
 */
function ignoreClosedOutput(): void {
  if (closedOutputIgnored) return;
  closedOutputIgnored = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
}
