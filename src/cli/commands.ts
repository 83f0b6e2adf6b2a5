import type { Command } from 'commander';

/**
 * The registry of `cspi` commands: one import and one call per command file, in help order.
 */
export function registerCommands(_program: Command): void {
  // Commands are added here as they land: synth, import, validate, indicators, report, publish, serve, users, worker.
}
