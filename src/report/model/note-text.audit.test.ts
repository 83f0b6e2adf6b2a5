import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DARLINGTON_FIGURES, darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { renderCsv, renderJson } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { rescanPublic } from '../public/rescan.js';
import { DEFAULT_SUPPRESSION } from '../public/suppression.js';
import { buildRenderModel } from './build-render-model.js';
import { noteWords } from './note-text.js';
import { defaultReportOptions } from './report-options.js';

// Audit (report.md §6 "Counts from 1 to k show as 'fewer than 6'"; §2 item 7 data notes in the public
// version). The engine's care-leavers-suitable-accommodation note lists who left the cohort as
// "2 gone abroad (G); 1 residence not known (R)": a public synth Darlington report printed
// "fewer than 6 2 gone abroad (G); 1 residence not known (R)", and the publication check let it through
// (it looked only for numbers before "children" and similar words).

const note = {
  code: 'excludedAccommodation',
  count: 3,
  detail: '2 gone abroad (G); 1 residence not known (R)',
};

test('audit: a note listing counts of children shows none from 1 to k in the public version', () => {
  const pub = noteWords(note, { numerator: 99, denominator: 107 }, true, 5).text;
  assert.equal(
    pub,
    'fewer than 6 young people who had gone abroad, been deported or whose residence is not known are not in the cohort (fewer than 6 gone abroad (G); fewer than 6 residence not known (R))',
  );
  const full = noteWords(note, { numerator: 99, denominator: 107 }, false, 5).text;
  assert.match(full, /^3 young people .* \(2 gone abroad \(G\); 1 residence not known \(R\)\)$/);
  const uasc = noteWords(
    { code: 'someNewCode', count: 9, detail: 'excluding UASC (3 removed)' },
    null,
    true,
    5,
  );
  assert.equal(uasc.text, '9 excluding UASC (fewer than 6 removed)');
});

test('audit: the public report with that note passes the publication check; the unmasked list fails it', () => {
  const report = darlingtonReport({
    'care-leavers-suitable-accommodation': {
      ...DARLINGTON_FIGURES['care-leavers-suitable-accommodation']!,
      notes: [note],
    },
  });
  const m = buildRenderModel(report, FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  const html = renderHtml(m);
  assert.doesNotMatch(html, /2 gone abroad|1 residence/);
  assert.deepEqual(rescanPublic(m, [html, renderCsv(m), renderJson(m)], DEFAULT_SUPPRESSION), []);
  const leaked =
    '<li>24. Care Leavers in suitable accommodation: fewer than 6 2 gone abroad (G); 1 residence not known (R).</li>';
  assert.deepEqual(
    rescanPublic(m, [leaked], DEFAULT_SUPPRESSION).map((b) => b.detail),
    ['"; 1 "'],
  );
});
