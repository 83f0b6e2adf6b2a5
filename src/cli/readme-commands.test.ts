// The README against the command line, as a newcomer reads it: every command `cspi --help` lists has a row of
// its own in the README's Commands table (publish and users were only mentioned inside the report and serve
// rows), and every `cspi …` the README shows, in its text or its examples, names a command, subcommand and
// options that exist (`cspi COMMAND --help`), so a renamed option cannot leave the README behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { COMMANDS } from './commands.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Each `cspi …` the README shows: its inline code spans and its `sh` examples' lines (comments cut). */
function cspiInvocations(markdown: string): string[] {
  const found: string[] = [];
  const fenced = /```sh\n([\s\S]*?)```/g;
  for (const m of markdown.matchAll(fenced))
    for (const line of m[1]!.split('\n')) {
      const code = line.replace(/#.*$/, '').trim();
      if (code.startsWith('cspi ')) found.push(code);
    }
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  for (const m of prose.matchAll(/`(cspi [^`]+)`/g)) found.push(m[1]!);
  return found.map((s) => s.replace(/\\\|/g, '|').replace(/\s*&$/, ''));
}

/** The first cell of each row of the README's Commands table. */
function commandsTableFirstCells(markdown: string): string[] {
  const section = markdown.split('\n## Commands\n')[1]!.trim().split('\n\n')[0]!;
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split(/(?<!\\)\|/)[1]!.trim());
}

async function fullProgram(): Promise<Command> {
  const program = new Command('cspi');
  for (const c of COMMANDS) (await c.load()).register(program);
  return program;
}

/** The command(s) an invocation runs and the options it names; a problem when one does not exist. */
function invocationProblems(program: Command, invocation: string): string[] {
  const tokens = invocation.split(/\s+/);
  const name = tokens[1]!;
  if (/^[A-Z-]/.test(name)) return []; // `cspi COMMAND --help`: a placeholder; `cspi --help`
  const cmd = program.commands.find((c) => c.name() === name);
  if (!cmd) return [`${invocation}: no command "${name}"`];
  const subNames = (tokens[2] ?? '').split('|');
  const subs = subNames.map((s) => cmd.commands.find((c) => c.name() === s));
  let targets = [cmd];
  if (cmd.commands.length > 0 && subs.every((s) => s !== undefined)) targets = subs as Command[];
  else if (cmd.commands.length > 0 && !cmd.options.length && tokens.length > 2)
    return [`${invocation}: "${name}" has no subcommand "${tokens[2]}"`];
  const problems: string[] = [];
  for (const flag of tokens.flatMap((t) => /^\[?(--[a-z][a-z0-9-]*)/.exec(t)?.[1] ?? [])) {
    for (const target of targets) {
      const known = flag === '--help' || target.options.some((o) => o.long === flag);
      if (!known)
        problems.push(`${invocation}: cspi ${name} ${target === cmd ? '' : target.name()} has no ${flag}`);
    }
  }
  return problems;
}

test('every command cspi --help lists has its own row in the README Commands table', () => {
  const named = new Set(
    commandsTableFirstCells(README).flatMap((cell) => [...cell.matchAll(/`cspi (\w+)/g)].map((m) => m[1])),
  );
  const missing = COMMANDS.map((c) => c.name).filter((n) => !named.has(n));
  assert.deepEqual(missing, [], 'commands with no row of their own in the README Commands table');
});

test('every cspi command, subcommand and option the README shows exists', async () => {
  const program = await fullProgram();
  const invocations = cspiInvocations(README);
  assert.ok(invocations.length > 50, `the README's invocations are found (${invocations.length})`);
  assert.deepEqual(
    invocations.flatMap((i) => invocationProblems(program, i)),
    [],
  );
});

test('the check finds a renamed option, an unknown subcommand and a missing command', async () => {
  const program = await fullProgram();
  assert.deepEqual(invocationProblems(program, 'cspi synth --out DIR --lass 3'), [
    'cspi synth --out DIR --lass 3: cspi synth  has no --lass',
  ]);
  assert.equal(invocationProblems(program, 'cspi hub imprt ROOT').length, 1);
  assert.equal(invocationProblems(program, 'cspi frobnicate').length, 1);
  assert.deepEqual(invocationProblems(program, 'cspi hub init|import --db URL'), []);
  assert.deepEqual(invocationProblems(program, 'cspi COMMAND --help'), []);
});
