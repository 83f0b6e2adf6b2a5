import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIsoDate } from '../src/calendar/iso-date.js';
import { runImport } from '../src/cli/commands/import.js';
import { computeFromStore, runReport } from '../src/cli/commands/report.js';
import type { Output } from '../src/cli/output.js';
import { INDICATORS } from '../src/indicators/registry.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { day } from '../src/synth/day-calendar.js';
import { runSynth } from '../src/synth/run-synth.js';

const quiet: Output = {
  json: true,
  info: () => {},
  result: () => {},
  progress: () => ({ update: () => {}, stop: () => {} }),
};

/** The words of an HTML document, without markup, styles or SVG. */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The HTML of the table with the given id. */
function table(html: string, id: string): string {
  const m = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html);
  assert.ok(m, `table ${id} is in the report`);
  return m[0];
}

test('synth → import → cspi report: every indicator, the narrative, Appendix B from the engine, no child ids', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-report-e2e-'));
  const silence = console.log;
  try {
    await runSynth({
      out: join(dir, 'data'),
      las: 1,
      years: 3,
      extract: day(parseIsoDate('2022-03-31')!),
      seed: '1',
      faults: [],
      scale: 0.15,
      threads: 1,
    });
    const db = join(dir, 'cspi.db');
    const code = await runImport(
      [join(dir, 'data', '841')],
      { db, la: '841', reportDir: dir, env: {} },
      async () => readInputs,
      quiet,
    );
    assert.notEqual(code, 2, 'the synthetic data load');

    const base = { period: '2021-22-Q4', la: '841', db, json: true };
    const full = join(dir, 'full.html');
    const pub = join(dir, 'public.html');
    console.log = () => {};
    await runReport({ ...base, out: [full, join(dir, 'full.json')] });
    await runReport({ ...base, out: pub, public: true });
    console.log = silence;

    const computed = await computeFromStore(base);
    const ids = new Set(computed.data.children.map((c) => c.childId));
    assert.ok(ids.size > 50, 'the dataset has children');

    for (const file of [full, pub]) {
      const html = readFileSync(file, 'utf8');
      const text = textOf(html);
      // All 24 indicators in the scorecard, by ref and title.
      const scorecard = textOf(table(html, 'scorecard'));
      assert.equal(INDICATORS.length, 24);
      INDICATORS.forEach((d, i) => {
        assert.ok(scorecard.includes(d.title), `${d.id} is in the scorecard`);
        assert.match(scorecard, new RegExp(`\\b${i + 1}\\b`));
      });
      // The narrative and every part of the report.
      for (const heading of [
        'Purpose of the report',
        'Summary',
        'Recommendation',
        'Background',
        'Where we are performing well',
        'Areas for focus',
        'Appendix A: Scorecard',
        "Appendix B: Members' questions",
        'Appendix C: Definitions',
        'Appendix D: Data notes',
      ]) {
        assert.ok(text.includes(` ${heading} `), `the report has the section ${heading}`);
      }
      assert.match(text, /per cent of/);
      assert.doesNotMatch(text, /\bundefined\b|\bNaN\b|\bnull\b|\[\[|\{[a-zA-Z:]+\}/);
      // Appendix B reads the engine's figures: nothing "Not available" where the data exist.
      for (const id of ['referrals-by-source', 'missing-episodes', 'decision-timeliness']) {
        assert.doesNotMatch(textOf(table(html, id)), /Not available/, `${id} has figures`);
      }
      // No child identifiers in either version (report.md §6: neither version lists children).
      for (const token of html.match(/[A-Za-z0-9]+/g) ?? []) {
        assert.ok(!ids.has(token), `the report shows no child id`);
      }
    }
    const pubText = textOf(readFileSync(pub, 'utf8'));
    assert.match(pubText, /This is the public version/);
    assert.doesNotMatch(pubText, /NOT FOR PUBLICATION/);
    const json = JSON.parse(readFileSync(join(dir, 'full.json'), 'utf8')) as { rows: unknown[] };
    assert.ok(json.rows.length >= 24);

    // --targets and --settings reach the report exactly as cspi indicators reads them.
    const targets = join(dir, 'targets.json');
    writeFileSync(
      targets,
      JSON.stringify({
        la: '841',
        year: '2021-22',
        targets: [
          { indicator: 'assessments-45wd', target: 77, tolerance: 2, toleranceUnit: 'points', kind: 'local' },
          // report.md §4's thresholds scheme: explicit bounds instead of a tolerance.
          { indicator: 'icpc-15wd', target: 95, scheme: 'thresholds', amber: 90, red: 80 },
        ],
      }),
    );
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ 'workingDays.count': 'inclusive' }));
    const configured = join(dir, 'configured.html');
    console.log = () => {};
    await runReport({ ...base, out: configured, targets, settings });
    console.log = silence;
    const ctext = textOf(table(readFileSync(configured, 'utf8'), 'scorecard'));
    assert.match(ctext, /77% \(±2\), local/);
    assert.match(ctext, /95% \(Amber below 90%, Red below 80%\), local/);
    // The figure is rated against the bounds (the engine's result, as the report shows it).
    const icpc = (await computeFromStore({ ...base, targets })).report.indicators.find(
      (r) => r.id === 'icpc-15wd',
    )!;
    assert.deepEqual([icpc.target, icpc.tolerance, icpc.bounds], [95, null, { amber: 90, red: 80 }]);
    assert.ok(icpc.value !== null);
    assert.equal(icpc.rag, icpc.value >= 90 ? 'green' : icpc.value >= 80 ? 'amber' : 'red');
    assert.match(textOf(readFileSync(configured, 'utf8')), /counted inclusively/);
    const other = join(dir, 'other-year.json');
    writeFileSync(
      other,
      JSON.stringify({ la: '841', year: '2020-21', targets: [{ indicator: 'icpc-15wd', target: 90 }] }),
    );
    await assert.rejects(
      runReport({ ...base, out: configured, targets: other }),
      /not the period's financial year/,
    );
  } finally {
    console.log = silence;
    rmSync(dir, { recursive: true, force: true });
  }
});
