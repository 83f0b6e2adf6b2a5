import { test } from 'node:test';
import assert from 'node:assert/strict';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from '../model/build-render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { renderHtml } from '../render/html.js';
import { parseCommentary } from './parse-commentary.js';

const ids = FAKE_CATALOGUE.map((e) => e.id);

test('commentary: follow text, an action, outside-control flag, a move with a reason and an internal note', () => {
  const parsed = parseCommentary(
    JSON.stringify({
      author: 'Head of Service',
      indicators: {
        'assessments-45wd': {
          text: 'Two vacant posts were filled in January.',
          action: {
            what: 'Weekly tracking of open assessments',
            who: 'Service manager, assessment',
            byWhen: 'March 2022',
          },
          scorecard: 'Recovery plan',
        },
        'cic-dental-checks': {
          outsideControl: true,
          section: 'performing-well',
          reason: 'NHS dental capacity',
        },
        'icpc-15wd': { text: 'Internal: check two late conferences.', internal: true },
      },
    }),
    ids,
  );
  assert.ok(parsed.ok);
  if (!parsed.ok) return;
  const full = renderHtml(
    buildRenderModel(darlingtonReport(), FAKE_CATALOGUE, defaultReportOptions({ commentary: parsed.value })),
  );
  const pub = renderHtml(
    buildRenderModel(
      darlingtonReport(),
      FAKE_CATALOGUE,
      defaultReportOptions({ public: true, commentary: parsed.value }),
    ),
  );
  assert.ok(full.includes('Two vacant posts were filled in January.'));
  assert.ok(full.includes('<dt>Who</dt><dd>Service manager, assessment</dd>'));
  assert.ok(full.includes('Recovery plan'));
  assert.ok(full.includes('moved to where we are performing well; reason: NHS dental capacity'));
  assert.ok(full.includes('Internal: check two late conferences.'));
  assert.ok(!pub.includes('Internal: check two late conferences.'));
});

test('commentary errors name the indicator and field', () => {
  const r = parseCommentary(
    JSON.stringify({ indicators: { nope: {}, 'cic-missing': { section: 'omit' } } }),
    ids,
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.issues.map((i) => i.code),
    ['COM-ID', 'COM-FIELD'],
  );
  assert.match(r.issues[1]!.message, /cic-missing\.reason/);
});

test('a commentary file saved with a byte-order mark (Windows Notepad) is read, not refused as not JSON', () => {
  const r = parseCommentary('\uFEFF{ "indicators": { "icpc-15wd": { "text": "On track" } } }', ['icpc-15wd']);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.entries['icpc-15wd']?.text, 'On track');
});
