import cliProgress from 'cli-progress';

/** How a command talks to the user: a readable terminal, or quiet machine-readable JSON (`--json`). */
export interface Output {
  readonly json: boolean;
  /** A line for people (suppressed with --json). */
  info(line: string): void;
  /** The JSON result (only with --json). */
  result(value: unknown): void;
  /** A progress bar on an interactive terminal; a no-op otherwise. */
  progress(label: string, total: number, unit?: string): Progress;
}

export interface Progress {
  update(done: number, extra?: string): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { update: () => {}, stop: () => {} };

/** The Output for a command, given its `--json` flag. Progress bars draw on stderr only when it is a TTY. */
export function createOutput(json: boolean): Output {
  return {
    json,
    info: (line) => {
      if (!json) process.stdout.write(`${line}\n`);
    },
    result: (value) => {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    progress: (label, total, unit = 'rows') => {
      if (json || !process.stderr.isTTY) return NO_PROGRESS;
      const bar = new cliProgress.SingleBar(
        {
          format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} {extra}`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { extra: '' });
      return {
        update: (done, extra = '') => bar.update(done, { extra }),
        stop: () => bar.stop(),
      };
    },
  };
}
