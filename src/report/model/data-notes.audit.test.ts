import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Restatement } from '../edition/restatement.js';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from './build-render-model.js';
import type { Table } from './render-model.js';
import { defaultReportOptions } from './report-options.js';

// Audit (report.md §6 "The check also covers differences a reader could work out: … restatement deltas";
// "A percentage shows as 'Small numbers' … when either is between 1 and k"; §8 restatements). Re-running a
// published period lists each restated figure as published and now, with the change. Hand-worked: ICPC
// published 92.1% (35/38) — shown as "Small numbers" in that edition's scorecard — and the CiC count
// restated from 271 to 274 (3 children: a small difference). 274 is this period's published headline, so
// the public table leaves out 271 as well as the change (a reader would subtract them), as the scorecard's
// "r" footnotes leave out such a published value (`restatedPublishedSuppressed`).

const restatement = (
  indicator: string,
  published: [number, number | null, number | null],
  now: [number, number | null, number | null],
): Restatement => ({
  indicator,
  period: '2021-22-Q3',
  edition: 'ed-1',
  published: { value: published[0], numerator: published[1], denominator: published[2] },
  now: { value: now[0], numerator: now[1], denominator: now[2] },
  change: Math.round((now[0] - published[0]) * 10) / 10,
  numeratorIn: 1,
  numeratorOut: 0,
  denominatorIn: 1,
  denominatorOut: 0,
  reasons: { 'added-after-extract': 1 },
});

const restatements = [
  restatement('icpc-15wd', [92.1, 35, 38], [92.3, 36, 39]),
  restatement('cic-count', [271, 271, null], [274, 274, null]),
  restatement('referrals-rereferral-12m', [10.8, 31, 287], [11.1, 32, 288]),
];

function table(pub: boolean): Table {
  const m = buildRenderModel(
    darlingtonReport(),
    FAKE_CATALOGUE,
    defaultReportOptions({ public: pub, restatements }),
  );
  const d = m.sections.find((s) => s.id === 'appendix-d')!;
  const b = d.blocks.find((x) => x.kind === 'table' && x.table.id === 'restatements');
  assert.ok(b && b.kind === 'table');
  return b.table;
}

const cells = (t: Table, i: number) => t.rows[i]!.map((c) => c.text);

test('audit: the public restatements table hides a small figure and a small count difference', () => {
  const t = table(true);
  // Indicator, period, edition, as published, now, change, numerator in/out, denominator in/out.
  assert.deepEqual(cells(t, 0).slice(3, 6), ['Small numbers', 'Small numbers', 'Not shown (small numbers)']);
  assert.deepEqual(cells(t, 1).slice(3, 6), [
    'Not shown (small numbers)',
    '274',
    'Not shown (small numbers)',
  ]);
  // 31/287 → 32/288: one child more in the numerator and the denominator; 10.8% beside the scorecard's
  // "11.1% (32/288)" gives the published 31, so the published percentage and the change are left out too.
  assert.deepEqual(cells(t, 2).slice(3, 6), [
    'Not shown (small numbers)',
    '11.1%',
    'Not shown (small numbers)',
  ]);
});

test('audit: the full restatements table gives every figure, counts as whole numbers', () => {
  const t = table(false);
  assert.deepEqual(cells(t, 0).slice(3, 6), ['92.1% (35/38)', '92.3% (36/39)', '+0.2']);
  assert.deepEqual(cells(t, 1).slice(3, 6), ['271', '274', '+3']);
});

// Audit (report.md §2 item 7, "definition, target and benchmark versions"; indicators.md §1.7). A result that
// carries no target kind reads as the engine reads a targets row without one (resolveTarget): the catalogue's
// kind, or local where the catalogue sets no target. England sets no national target for these indicators,
// so a missing kind is never "national".
function versionsTargetCell(
  targetKind: 'national' | 'local' | null,
  catalogueKind: 'national' | 'local' | null,
): string {
  const report = darlingtonReport();
  const id = 'referrals-rereferral-12m';
  const indicators = report.indicators.map((r) => (r.id === id ? { ...r, targetKind } : r));
  const catalogue = FAKE_CATALOGUE.map((e) =>
    e.id === id
      ? {
          ...e,
          target: catalogueKind === null ? null : { value: e.target?.value ?? 18, kind: catalogueKind },
        }
      : e,
  );
  const m = buildRenderModel({ ...report, indicators }, catalogue, defaultReportOptions());
  const d = m.sections.find((s) => s.id === 'appendix-d')!;
  const b = d.blocks.find((x) => x.kind === 'table' && x.table.id === 'versions');
  assert.ok(b && b.kind === 'table');
  const row = b.table.rows.find((r) => r[1]!.text === report.indicators.find((x) => x.id === id)!.title);
  assert.ok(row, 'the re-referrals row');
  return row[3]!.text;
}

test('audit: a target with no kind is described by the catalogue default or as local, never as national', () => {
  assert.match(versionsTargetCell(null, 'local'), /, local$/);
  assert.match(versionsTargetCell(null, null), /, local$/);
  assert.match(versionsTargetCell(null, 'national'), /, national$/);
  // The result's own kind wins over the catalogue's.
  assert.match(versionsTargetCell('national', 'local'), /, national$/);
  assert.match(versionsTargetCell('local', 'national'), /, local$/);
});

// Audit (report.md §8). Appendix D's restatements paragraph when this period shows no restated figure but
// earlier periods do: the period may have been published before (and published again unchanged), so the
// text says only what is known, that none of its figures is restated, never "has been published before".
test('audit: no restatement of this period reads "No figure for this period has been restated", whether or not it was published', () => {
  const report = darlingtonReport();
  const cic = report.indicators.find((r) => r.id === 'cic-count')!;
  const m = buildRenderModel(
    report,
    FAKE_CATALOGUE,
    defaultReportOptions({
      earlierRestatements: [
        {
          indicator: 'cic-count',
          period: cic.previous!.period,
          edition: 'ed-q2',
          publishedAt: '2021-10-20T09:00:00.000Z',
          published: cic.previous!.value! - 10,
          publishedNumerator: cic.previous!.value! - 10,
          publishedDenominator: null,
          now: cic.previous!.value,
          nowNumerator: cic.previous!.numerator,
          nowDenominator: cic.previous!.denominator,
        },
      ],
    }),
  );
  const d = m.sections.find((s) => s.id === 'appendix-d')!;
  const texts = d.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  assert.ok(
    texts.includes(
      'No figure for this period has been restated. Figures for earlier periods restated since their editions:',
    ),
    texts.join('\n'),
  );
  assert.ok(!texts.some((t) => /published before/.test(t)));
});

// Audit (report.md §6 "restatement deltas"). A percentage restated by a small number of children:
// published 80.0% (80/100), now 82.0% (82/100). The public scorecard shows "82.0% (82/100)"; with "80.0%" as
// published beside it, a reader who takes the denominator as unchanged works out that 2 children moved. So
// the published percentage is left out, as a count's is (`restatedPublishedSuppressed`, the same rule for the
// "r" footnotes and the dashboard's). A change of more than k children in each part (80/100 → 90/110) shows.
test('audit: a percentage restated by 1..k children shows no published value beside the fraction now (public)', () => {
  const m = buildRenderModel(
    darlingtonReport(),
    FAKE_CATALOGUE,
    defaultReportOptions({
      public: true,
      restatements: [
        restatement('referrals-rereferral-12m', [80, 80, 100], [82, 82, 100]),
        restatement('assessments-45wd', [80, 80, 100], [81.8, 90, 110]),
      ],
    }),
  );
  const d = m.sections.find((s) => s.id === 'appendix-d')!;
  const b = d.blocks.find((x) => x.kind === 'table' && x.table.id === 'restatements');
  assert.ok(b && b.kind === 'table');
  assert.deepEqual(
    b.table.rows.map((r) => r.slice(3, 6).map((c) => c.text)),
    [
      ['Not shown (small numbers)', '82.0%', 'Not shown (small numbers)'],
      ['80.0%', '81.8%', '+1.8'],
    ],
  );
});
