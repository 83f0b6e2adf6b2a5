import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { Command, Help } from 'commander';
import { COMMANDS, commandNamed, registerCommands } from './commands.js';

test('every command file is in the registry, and each entry lists its command as the module registers it', async () => {
  const files = readdirSync(new URL('./commands/', import.meta.url))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  assert.deepEqual(COMMANDS.map((c) => c.name).sort(), files);
  for (const entry of COMMANDS) {
    const program = new Command('cspi');
    (await entry.load()).register(program);
    assert.equal(program.commands.length, 1, entry.name);
    const cmd = program.commands[0]!;
    assert.equal(cmd.name(), entry.name);
    assert.equal(cmd.description(), entry.description, `${entry.name}: description`);
    assert.equal(new Help().subcommandTerm(cmd), entry.term, `${entry.name}: help term`);
  }
});

test('the command to load is the first operand, or the one help asks about', () => {
  assert.equal(commandNamed(['import', './x', '--la', '841'])?.name, 'import');
  assert.equal(commandNamed(['--json', 'datasets'])?.name, 'datasets');
  assert.equal(commandNamed(['help', 'report'])?.name, 'report');
  assert.equal(commandNamed(['help']), undefined);
  assert.equal(commandNamed(['--help']), undefined);
  assert.equal(commandNamed([]), undefined);
  assert.equal(commandNamed(['nosuch', 'import']), undefined);
});

test('help lists every command when none runs, and the running one is the real command', async () => {
  const lazy = new Command('cspi');
  await registerCommands(lazy, []);
  const eager = new Command('cspi');
  for (const c of COMMANDS) (await c.load()).register(eager);
  assert.equal(lazy.helpInformation(), eager.helpInformation());

  const running = new Command('cspi');
  await registerCommands(running, ['import', 'x']);
  assert.equal(running.helpInformation(), eager.helpInformation());
  const imp = running.commands.find((c) => c.name() === 'import')!;
  assert.ok(imp.options.some((o) => o.long === '--la'));
  const other = running.commands.find((c) => c.name() === 'report')!;
  assert.equal(other.options.length, 0, 'a command that does not run is not loaded');
});
