import type { Command } from 'commander';
import { register as registerValidate } from './commands/validate.js';
import { register as registerImport } from './commands/import.js';
import { register as registerDatasets } from './commands/datasets.js';
import { register as registerIndicators } from './commands/indicators.js';
import { register as registerHub } from './commands/hub.js';
import { register as registerWorker } from './commands/worker.js';

/**
 * The registry of `cspi` commands: one import and one call per command file, in help order.
 */
export function registerCommands(program: Command): void {
  registerValidate(program);
  registerImport(program);
  registerDatasets(program);
  registerIndicators(program);
  registerHub(program);
  registerWorker(program);
}
