import { test } from 'node:test';
import assert from 'node:assert/strict';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { EXEMPT_LINE } from '../model/render-model.js';
import { renderHtml } from './html.js';

const full = renderHtml(buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions()));
const pub = renderHtml(
  buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ public: true })),
);

test('the HTML is one self-contained en-GB document with no external requests or scripts', () => {
  assert.match(full, /^<!DOCTYPE html>\n<html lang="en-GB">/);
  assert.doesNotMatch(full, /<script|<link|<img|<iframe|@import|url\(/i);
  assert.doesNotMatch(
    full.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, ''),
    /(src|href)="(https?:)?\/\//i,
  );
  assert.match(full, /<title>Performance Indicators Quarter 3 2021\/22 \(EXEMPT\)<\/title>/);
});

test('every table has a caption, a thead of th scope="col" and row headers with scope', () => {
  const tables = full.match(/<table[\s\S]*?<\/table>/g) ?? [];
  assert.ok(tables.length >= 5, `${tables.length} tables`);
  for (const t of tables) {
    assert.match(t, /^<table[^>]*><caption>[^<]+<\/caption>/);
    assert.match(t, /<thead><tr>(<th scope="col"[^>]*>[^<]*<\/th>)+<\/tr><\/thead>/);
    assert.doesNotMatch(t, /<th(?![a-z])(?! scope=)/);
  }
});

test('headings: one h1, sections with h2, appendices on new pages, the scorecard landscape', () => {
  assert.equal(full.match(/<h1[ >]/g)?.length, 1);
  for (const h of [
    'Where we are performing well',
    'Areas for focus',
    'Appendix A: Scorecard',
    'Appendix B: Members&#39; questions',
    'Appendix C: Definitions',
    'Appendix D: Data notes',
  ]) {
    assert.ok(full.includes(`>${h}</h2>`), h);
  }
  assert.match(full, /<section id="appendix-a" aria-labelledby="appendix-a-h" class="new-page landscape">/);
  assert.match(full, /@page landscape\{size:A4 landscape/);
});

test('the scorecard shows symbols and words, thousands separators and sparkline alt text', () => {
  assert.match(full, /<td class="rag-green">● Green<\/td>/);
  assert.match(full, /<td class="rag-red">■ Red<\/td>/);
  assert.ok(full.includes('80.0% (160/200)'));
  assert.ok(full.includes('82,170 (70 per 10,000) †'));
  assert.ok(full.includes('aria-label="Rose from 71.2% in Q4 2019/20 to 80.0% in Q3 2021/22"'));
  assert.ok(
    full.includes('12 of 20') === false &&
      full.includes('16 of 20 rated indicators are on target or within tolerance'),
  );
});

test('the full version carries the exempt line; the public one does not, and hides small numbers', () => {
  assert.ok(full.includes(EXEMPT_LINE));
  assert.ok(!pub.includes('NOT FOR PUBLICATION'));
  assert.ok(!pub.includes('92.1% (35/38)'));
  assert.ok(full.includes('92.1% (35/38)'));
  assert.ok(pub.includes('The figure for Initial Child Protection Conferences'));
  assert.match(pub, /<td class="num">Small numbers<\/td>/);
  assert.match(pub, /<td class="num">&lt;6<\/td>/);
});
