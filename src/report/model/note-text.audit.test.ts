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

// Audit (report.md §6; §2 item 7 "the largest possible effect"): with the figure shown as 79.6% (39/49), "fewer
// than 6 conferences … were excluded; at most 3.1 points" gives the count back: 1 excluded is at most 1.6
// points, 2 is 3.1, 3 is 4.5. Decided: in the public version a masked count's effect is the largest any count
// from 1 to k could have (k excluded: 7.4 points for k = 5), a true upper bound that names no count.
test('audit: the largest possible effect does not give back a masked count', () => {
  const icpc = { code: 'icpcWithoutS47', count: 2 };
  const fig = { numerator: 39, denominator: 49 };
  assert.equal(
    noteWords(icpc, fig, false, 5).text,
    '2 conferences recorded without a Section 47 enquiry were excluded; at most 3.1 points',
  );
  assert.equal(
    noteWords(icpc, fig, true, 5).text,
    'fewer than 6 conferences recorded without a Section 47 enquiry were excluded; at most 7.4 points',
  );
  assert.equal(
    noteWords({ ...icpc, count: 4 }, fig, true, 5).text,
    noteWords(icpc, fig, true, 5).text,
    'the same words for any count from 1 to k',
  );
  assert.equal(
    noteWords({ ...icpc, count: 9 }, fig, true, 5).text,
    '9 conferences recorded without a Section 47 enquiry were excluded; at most 12.4 points',
  );
});

// Audit (report.md §6 "Counts from 1 to k show as 'fewer than 6'"), read as the public paper: a masked count
// of 1 kept the singular the true count chose, so the public Darlington Q4 notes read "fewer than 6 child has
// a placement distance that cannot be worked out … and stays in the denominator" and "fewer than 6 young
// person … was excluded". "Fewer than 6" is plural whatever the count under it (and the singular would give
// the 1 back).
test('audit: a masked count reads in the plural, whatever the true count', () => {
  const distance = noteWords({ code: 'distanceUnknown', count: 1 }, null, true, 5).text;
  assert.equal(
    distance,
    'fewer than 6 children have a placement distance that cannot be worked out (postcode not in postcodes.csv) and stay in the denominator',
  );
  const dob = noteWords({ code: 'noDob', count: 1 }, { numerator: 57, denominator: 116 }, true, 5);
  assert.match(dob.text, /^fewer than 6 young people without a date of birth were excluded; at most/);
  assert.equal(
    noteWords({ code: 'noDob', count: 3 }, { numerator: 57, denominator: 116 }, true, 5).text,
    dob.text,
    'the same words for 1 as for any count from 1 to k',
  );
  assert.equal(
    noteWords({ code: 'distanceUnknown', count: 1 }, null, false, 5).text,
    '1 child has a placement distance that cannot be worked out (postcode not in postcodes.csv) and stays in the denominator',
    'the full version keeps the singular for 1',
  );
});

// Audit (report.md §2 item 7 data notes; §5 Formats "December 2021"), read as the analyst sending the Q4 paper:
// Appendix D said "Dataset … extracted on 31 March 2022" and then, of health assessments, "provisional: the
// period ends after the data were extracted (data to 2022-03-30; dues after it are not counted)". The data
// were not extracted before the period ended; the SSDA903 records run only to 30 March. And a committee paper
// writes dates as "30 March 2022", not ISO. Decided: the note says the data end before the period does, and
// its dates read as the rest of the paper's.
test('audit: a provisional note says the data end before the period does, with a long date', () => {
  assert.equal(
    noteWords(
      { code: 'provisional', detail: 'data to 2022-03-30; dues after it are not counted' },
      null,
      false,
      5,
    ).text,
    'provisional: the data end before the period does (data to 30 March 2022; dues after it are not counted)',
  );
  assert.equal(
    noteWords(
      { code: 'provisional', detail: "period ends after the data's as-at date 2022-03-26" },
      null,
      true,
      5,
    ).text,
    "provisional: the data end before the period does (period ends after the data's as-at date 26 March 2022)",
  );
});
