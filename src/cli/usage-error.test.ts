// A usage error (a mistyped option, a missing argument or required option, an unknown command) is worded as
// every other cspi error is: a line `cspi: …` on stderr (README, "Output and exit codes"), then the help hint;
// exit 2. Commander words them `error: …` unless told otherwise, on every command and subcommand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main, usageErrorLine } from './main.js';

async function stderrOf(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string | Uint8Array) => (
    (stderr += String(s)),
    true
  )) as typeof process.stderr.write;
  try {
    return { code: await main(argv), stderr };
  } finally {
    process.stderr.write = write;
    process.exitCode = undefined;
  }
}

test('usageErrorLine rewords commander\'s "error:" prefix as "cspi:", and only a leading one', () => {
  assert.equal(usageErrorLine("error: unknown option '--bogus'\n"), "cspi: unknown option '--bogus'\n");
  assert.equal(usageErrorLine('cspi: already worded\n'), 'cspi: already worded\n');
  assert.equal(usageErrorLine("a value 'error: x'\n"), "a value 'error: x'\n");
});

test('usage errors of the program, a command and a subcommand begin "cspi:", exit 2, followed by the help hint', async () => {
  for (const [argv, says] of [
    [['no-such-command'], "cspi: unknown command 'no-such-command'"],
    [['datasets', '--bogus'], "cspi: unknown option '--bogus'"],
    [['validate'], "cspi: missing required argument 'paths'"],
    [['synth', '--out'], "cspi: option '--out <dir>' argument missing"],
    [['users', 'add', 'x'], "cspi: required option '--role <role>' not specified"],
    [['hub', 'import'], "cspi: missing required argument 'root'"],
  ] as const) {
    const r = await stderrOf([...argv]);
    assert.equal(r.code, 2, argv.join(' '));
    const [first, second] = r.stderr.split('\n');
    assert.equal(first, says, `cspi ${argv.join(' ')}: ${r.stderr}`);
    assert.match(
      second ?? '',
      /^\(cspi --help lists the commands/,
      `cspi ${argv.join(' ')}: the hint follows`,
    );
  }
});
