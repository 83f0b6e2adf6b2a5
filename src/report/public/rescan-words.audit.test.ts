import { test } from 'node:test';
import assert from 'node:assert/strict';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { renderHtml } from '../render/html.js';
import { rescanPublic } from './rescan.js';
import { DEFAULT_SUPPRESSION } from './suppression.js';
import { checkCommentaryForm, EMPTY_FORM } from '../../web/routes/commentary.js';

// Audit (report.md §5 "In public text, numbers from 1 to k next to 'children' or similar words are flagged";
// §6 "Publication check"). An officer writes numbers as words as often as digits ("Three children waited"):
// a number written as a word is a number, so from one to k it fails the check as "3 children" does. Above k
// ("six children" with k = 5) and words that are no count ("one of", "at least one missing episode") pass.

const model = () =>
  buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));

test('audit: a small number written as a word next to "children" fails the publication check', () => {
  const text = [
    '<p>Three children waited longer than 15 days.</p>',
    '<p>Only one child was placed out of area, and two young people left care.</p>',
    '<p>Six children and twelve referrals were reviewed; one of the plans ended.</p>',
  ].join('\n');
  assert.deepEqual(
    rescanPublic(model(), [text], DEFAULT_SUPPRESSION, ['html']).map((b) => [b.code, b.detail]),
    [
      ['PUB-SMALL-COUNT', '"Three children"'],
      ['PUB-SMALL-COUNT', '"one child"'],
      ['PUB-SMALL-COUNT', '"two young people"'],
    ],
  );
  // k from the settings: with k = 10, "Six children" is small too (the model, built at k = 5, shows rows
  // k = 10 would hide: those breaches are another rule's).
  assert.deepEqual(
    rescanPublic(model(), [text], { ...DEFAULT_SUPPRESSION, k: 10 }, ['html'])
      .filter((b) => b.code === 'PUB-SMALL-COUNT')
      .map((b) => b.detail),
    ['"Three children"', '"one child"', '"two young people"', '"Six children"'],
  );
});

test('audit: the generated public report, at k = 20, has no number word the check would flag', () => {
  const rule = { ...DEFAULT_SUPPRESSION, k: 20 };
  const m = buildRenderModel(
    darlingtonReport(),
    FAKE_CATALOGUE,
    defaultReportOptions({ public: true, suppression: rule }),
  );
  assert.deepEqual(rescanPublic(m, [renderHtml(m)], rule), []);
});

test('audit: the dashboard flags a small number in words when commentary is saved, as the check would refuse it', () => {
  const form = { ...EMPTY_FORM, text: 'Three children waited longer.', scorecard: 'Six children delayed' };
  const checked = checkCommentaryForm('assessments-45wd', form, 5);
  assert.equal(checked.entry, null);
  assert.deepEqual(checked.fields, {
    text: '"Three children" would disclose a small number in the public version: write "fewer than 6 children", or mark this commentary internal',
  });
  // Internal commentary never reaches the public version.
  assert.deepEqual(checkCommentaryForm('assessments-45wd', { ...form, internal: true }, 5).errors, []);
});
