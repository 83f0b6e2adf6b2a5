import { test } from 'node:test';
import assert from 'node:assert/strict';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { renderCsv, renderJson } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { maskSmallCounts, rescanPublic } from './rescan.js';
import { DEFAULT_SUPPRESSION } from './suppression.js';

test('the public Darlington report passes the publication check in HTML, CSV and JSON', () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  assert.deepEqual(rescanPublic(m, [renderHtml(m), renderCsv(m), renderJson(m)], DEFAULT_SUPPRESSION), []);
  const icpc = m.rows.find(
    (r) => r.indicator === 'icpc-15wd' && r.period === '2021-22-Q3' && r.breakdown === '',
  )!;
  assert.equal(icpc.suppressed, true);
  assert.equal(icpc.numerator, null);
  assert.equal(icpc.rating, null);
});

test('the full version fails the check: it shows 92.1% (35/38)', () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions());
  const codes = new Set(rescanPublic(m, [renderHtml(m)], DEFAULT_SUPPRESSION).map((b) => b.code));
  assert.ok(codes.has('PUB-NOT-PUBLIC'));
  assert.ok(codes.has('PUB-SMALL-FRACTION'));
  assert.ok(codes.has('PUB-ROW'));
});

test('an officer sentence naming 3 children is caught', () => {
  const m = buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true }));
  const b = rescanPublic(m, ['<p>Only 3 children were seen late.</p>'], DEFAULT_SUPPRESSION);
  assert.deepEqual(
    b.map((x) => x.code),
    ['PUB-SMALL-COUNT'],
  );
});

test('free text masks counts from 1 to k next to child words, at the threshold given', () => {
  assert.equal(
    maskSmallCounts('7 assessments lacking an authorisation date; 12 referrals', 10),
    'fewer than 11 assessments lacking an authorisation date; 12 referrals',
  );
  assert.equal(maskSmallCounts('7 assessments', 5), '7 assessments');
  assert.equal(maskSmallCounts('0 children', 5), '0 children');
});

test('a section number or decimal before a child word is not a count', () => {
  assert.equal(
    maskSmallCounts('§1.5, §1.8 care leavers; 2.7 children', 10),
    '§1.5, §1.8 care leavers; 2.7 children',
  );
  assert.equal(maskSmallCounts('In Q3. 8 care leavers', 10), 'In Q3. fewer than 11 care leavers');
});
