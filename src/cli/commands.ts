import { Help, type Command } from 'commander';

/** A command module: `cli/commands/<name>.ts` exporting `register(program)`. */
export interface CommandModule {
  register(program: Command): void;
}

/**
 * One `cspi` command: its name, how `cspi --help` lists it (`term`, `description`) and how to load its
 * module. Only the module of the command that runs is loaded, so `cspi import` does not pay for the report
 * renderers, the web server or the hub queue. `commands.test.ts` checks each entry against its module.
 */
export interface CommandEntry {
  readonly name: string;
  /** The listing's left column, as commander prints it (`import [options] <paths...>`). */
  readonly term: string;
  readonly description: string;
  readonly load: () => Promise<CommandModule>;
}

/** The registry of `cspi` commands, in help order: one entry per command file. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'demo',
    term: 'demo [options]',
    description: 'the whole pipeline on synthetic data: synth → import → indicators → report → dashboard',
    load: () => import('./commands/demo.js'),
  },
  {
    name: 'synth',
    term: 'synth [options]',
    description:
      'write synthetic data for English LAs: CIN census XML, SSDA903 CSVs and the local extract, per LA and year',
    load: () => import('./commands/synth.js'),
  },
  {
    name: 'validate',
    term: 'validate [options] <paths...>',
    description:
      'Check input files (SSDA903, CIN census, Annex A, local extract) and write a validation report; nothing is stored',
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'import',
    term: 'import [options] <paths...>',
    description: 'Validate input files and load them as a new dataset version (all or nothing)',
    load: () => import('./commands/import.js'),
  },
  {
    name: 'datasets',
    term: 'datasets [options]',
    description: 'List dataset versions (newest first; * marks the current one)',
    load: () => import('./commands/datasets.js'),
  },
  {
    name: 'indicators',
    term: 'indicators [options]',
    description: 'Compute the performance indicators for one LA and period',
    load: () => import('./commands/indicators.js'),
  },
  {
    name: 'report',
    term: 'report [options]',
    description: 'Render the committee report (HTML, PDF, DOCX, CSV or JSON) for one LA and period',
    load: () => import('./commands/report.js'),
  },
  {
    name: 'publish',
    term: 'publish [options]',
    description: 'Publish a period: freeze its figures, commentary and settings as an immutable edition',
    load: () => import('./commands/publish.js'),
  },
  {
    name: 'serve',
    term: 'serve [options]',
    description: 'Serve the web dashboard (scorecard, indicators, data, targets, reports, audit log)',
    load: () => import('./commands/serve.js'),
  },
  {
    name: 'users',
    term: 'users',
    description: 'Manage dashboard accounts',
    load: () => import('./commands/users.js'),
  },
  {
    name: 'hub',
    term: 'hub',
    description: 'regional/national hub on PostgreSQL: many LAs, workers, benchmarks',
    load: () => import('./commands/hub.js'),
  },
  {
    name: 'worker',
    term: 'worker [options]',
    description: 'run a hub worker: take import and compute jobs from the PostgreSQL queue',
    load: () => import('./commands/worker.js'),
  },
];

/**
 * The command that argv runs: its first operand (`cspi import …`), or the one `cspi help NAME` asks about;
 * undefined for `cspi`, `cspi --help` or an unknown name.
 * @example commandNamed(['import', 'x', '--la', '841'])?.name //=> 'import'
 * @example commandNamed(['help', 'report'])?.name //=> 'report'
 */
export function commandNamed(argv: readonly string[]): CommandEntry | undefined {
  // Commander takes the first operand as the command name (the program's only option is --help).
  const operands = argv.filter((a) => !a.startsWith('-'));
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  return COMMANDS.find((c) => c.name === name);
}

/**
 * Registers the `cspi` commands: the module of the command argv runs, and for every other command a light
 * entry with its name and description, so `cspi --help` and "unknown command" still list them all.
 * @example await registerCommands(program, ['import', './returns', '--la', '841'])
 */
export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const running = commandNamed(argv);
  const loaded = running ? await running.load() : undefined;
  const terms = new Map<string, string>();
  for (const c of COMMANDS) {
    if (c === running) {
      loaded!.register(program);
      continue;
    }
    program.command(c.name).description(c.description);
    terms.set(c.name, c.term);
  }
  program.configureHelp({
    subcommandTerm: (cmd) => terms.get(cmd.name()) ?? new Help().subcommandTerm(cmd),
  });
}
