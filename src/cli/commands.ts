import type { Command } from 'commander';
import { register as registerIndicators } from './commands/indicators.js';

/**
 * The registry of `cspi` commands: one import and one call per command file, in help order.
 */
export function registerCommands(program: Command): void {
  registerIndicators(program);
  // Commands are added here as they land: synth, import, validate, indicators, report, publish, serve, users, worker.
}
