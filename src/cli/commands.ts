import type { Command } from 'commander';
import { register as registerSynth } from './commands/synth.js';
import { register as registerValidate } from './commands/validate.js';

/**
 * The registry of `cspi` commands: one import and one call per command file, in help order.
 */
export function registerCommands(program: Command): void {
  registerSynth(program);
  registerValidate(program);
  // Commands are added here as they land: synth, import, validate, indicators, report, publish, serve, users, worker.
}
