import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSynth } from './run-synth.js';
import { FAULT_KINDS, FAULT_RULES, type FaultRecord } from './faults.js';
import { day } from './day-calendar.js';
import { readAsImport } from './read-as-import.js';
import type { ValidationIssue } from '../validate/issue.js';

// The generator's output read, validated and merged exactly as `cspi import` does (readInputs, then the
// dataset checks of assembleDataset), at a fraction of Darlington's size.

const base = mkdtempSync(join(tmpdir(), 'cspi-synth-import-'));
process.on('exit', () => rmSync(base, { recursive: true, force: true }));

/** Every issue of an import of one LA folder: row-level (readInputs) and dataset checks. */
async function importIssues(laDir: string, la: string): Promise<ValidationIssue[]> {
  const { read, assembled } = await readAsImport(laDir, la, '2022-04-01' as never);
  assert.equal(read.refused, false, `refused: ${read.issues.map((i) => i.code).join(', ')}`);
  return [...read.issues, ...assembled.issues];
}

const tally = (issues: readonly ValidationIssue[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of issues) out[`${i.code} ${i.severity}`] = (out[`${i.code} ${i.severity}`] ?? 0) + 1;
  return out;
};

/**
 * Codes a real LA's clean data has too (README "Known departures"): contact-only children; placement
 * postcodes left out of postcodes.csv on purpose (distance unknown).
 */
const EXPECTED_CODES = new Set(['X-CHILD-UNKNOWN', '903-POSTCODE']);

describe('synthetic output imports cleanly', () => {
  for (const seed of ['1', '2']) {
    test(`seed ${seed}: no error, and no warning or query beyond the documented ones`, async () => {
      const out = join(base, `clean-${seed}`);
      await runSynth({
        out,
        las: 1,
        years: 5,
        extract: day('2022-03-31'),
        seed,
        faults: [],
        scale: 0.3,
        threads: 1,
      });
      const issues = await importIssues(join(out, '841'), '841');
      const unexpected = issues.filter((i) => !EXPECTED_CODES.has(i.code));
      assert.deepEqual(tally(unexpected), {});
    });
  }
});

describe('--faults all: the validation report holds exactly the injected faults', () => {
  let faults: FaultRecord[] = [];
  let issues: ValidationIssue[] = [];
  before(async () => {
    const out = join(base, 'faults');
    await runSynth({
      out,
      las: 1,
      years: 5,
      extract: day('2022-03-31'),
      seed: '3',
      faults: FAULT_KINDS,
      scale: 0.3,
      threads: 1,
    });
    faults = JSON.parse(readFileSync(join(out, 'faults.json'), 'utf8')) as FaultRecord[];
    issues = await importIssues(join(out, '841'), '841');
  });

  test('every kind is injected at least once', () => {
    assert.deepEqual([...new Set(faults.map((f) => f.kind))].sort(), [...FAULT_KINDS].sort());
  });

  test('issues of the fault rule codes = faults.json (rule, file, line or XML record, child)', () => {
    const codes = new Set<string>(Object.values(FAULT_RULES));
    // A position is `line 12` (CSV) or `/Message/…/CINdetails[2] line 881:14` (XML: the record holding the
    // faulty element, whose own path faults.json gives); dataset checks (X-DOB) have none.
    const where = (p: string | null): string =>
      p === null ? '' : p.startsWith('/') ? p.split(' ')[0]! : /line (\d+)/.exec(p)![1]!;
    const got = issues
      .filter((i) => codes.has(i.code))
      .map((i) => `${i.code} ${i.file ?? ''} ${where(i.position)} ${i.childId ?? ''}`)
      .sort();
    const want = faults
      .map((f) =>
        f.rule === 'X-DOB'
          ? `${f.rule}   ${f.child}`
          : // The report names a file by its path from the imported LA folder (`2019-20/ssda903/episodes.csv`).
            `${f.rule} ${f.file.slice(`${f.la}/`.length)} ${f.path === null ? f.line : f.path.replace(/\/[^/]+$/, '')} ${f.child}`,
      )
      .sort();
    assert.deepEqual(got, want);
  });

  test('no issue of another code, except the documented ones and what the faults imply', () => {
    const codes = new Set<string>([...Object.values(FAULT_RULES), ...EXPECTED_CODES]);
    assert.deepEqual(tally(issues.filter((i) => !codes.has(i.code))), {});
  });
});
