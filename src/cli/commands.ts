import type { Command } from 'commander';
import { register as registerDemo } from './commands/demo.js';
import { register as registerSynth } from './commands/synth.js';
import { register as registerValidate } from './commands/validate.js';
import { register as registerImport } from './commands/import.js';
import { register as registerDatasets } from './commands/datasets.js';
import { register as registerIndicators } from './commands/indicators.js';
import { register as registerReport } from './commands/report.js';
import { register as registerPublish } from './commands/publish.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerUsers } from './commands/users.js';
import { register as registerHub } from './commands/hub.js';
import { register as registerWorker } from './commands/worker.js';

/**
 * The registry of `cspi` commands: one import and one call per command file, in help order.
 */
export function registerCommands(program: Command): void {
  registerDemo(program);
  registerSynth(program);
  registerValidate(program);
  registerImport(program);
  registerDatasets(program);
  registerIndicators(program);
  registerReport(program);
  registerPublish(program);
  registerServe(program);
  registerUsers(program);
  registerHub(program);
  registerWorker(program);
}
