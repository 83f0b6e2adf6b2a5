import type { Command } from 'commander';
import { register as registerValidate } from './commands/validate.js';
import { register as registerIndicators } from './commands/indicators.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerUsers } from './commands/users.js';

/**
 * The registry of `cspi` commands: one import and one call per command file, in help order.
 */
export function registerCommands(program: Command): void {
  registerValidate(program);
  registerIndicators(program);
  registerServe(program);
  registerUsers(program);
  // Commands are added here as they land: synth, import, validate, indicators, report, publish, serve, users, worker.
}
