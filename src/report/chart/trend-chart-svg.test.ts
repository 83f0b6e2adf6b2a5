/**
 * The report's trend chart (HTML, PDF, and DOCX as PNG) labels its target, the England benchmark and the
 * latest quarter at the right of the plot, nudged apart. Measured in real Chromium: the labels never overlap,
 * even when the three figures are equal, and stay inside the chart. The longest, a not like-for-like England
 * benchmark ("England 2021-22 † 88.8%"), ends at the chart's right edge: its box, which runs to the last
 * glyph's advance, may pass it by a fraction of a pixel (the "%" itself is inside), hence the half pixel.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, launchBrowser } from '../render/browser.js';
import type { ChartSpec } from '../model/render-model.js';
import { trendChartSvg } from './trend-chart-svg.js';
import { svgToPng } from './svg-to-png.js';

const skip = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH}`;

const spec = (value: number, target: number, england: number): ChartSpec => ({
  id: 'chart-x',
  title: 'Assessments: last 8 quarters',
  unit: 'percent',
  points: [
    'Q4 2019/20',
    'Q1 2020/21',
    'Q2 2020/21',
    'Q3 2020/21',
    'Q4 2020/21',
    'Q1 2021/22',
    'Q2 2021/22',
  ].map((label, i) => ({ label, value: i === 6 ? value : 80 + i })),
  target,
  england: { value: england, label: 'England 2021-22 †' },
  alt: 'Assessments.',
});

test(
  'the target, England and latest-quarter labels never overlap and stay inside the chart',
  { skip },
  async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      // Equal figures, one a tenth apart, and all three at the bottom of the scale (labels pushed down).
      for (const [value, target, england] of [
        [90, 90, 90],
        [89.9, 90, 89.8],
        [88.8, 100, 88.8],
        [0, 0, 0],
      ] as const) {
        const s = spec(value, target, england);
        await page.setContent(`<body style="margin:0">${trendChartSvg(s)}</body>`);
        const boxes = await page.evaluate(() =>
          Array.from(document.querySelectorAll('text[font-weight="bold"]')).map((t) => {
            const r = t.getBoundingClientRect();
            return { text: t.textContent ?? '', x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
          }),
        );
        assert.equal(boxes.length, 3, `three labels: ${JSON.stringify(boxes)}`);
        for (const [i, a] of boxes.entries()) {
          if (a.x0 < 0 || a.x1 > 600 + 0.5 || a.y0 < 0 || a.y1 > 210)
            problems.push(
              `${a.text} is outside the chart: ${Math.round(a.x0)}–${Math.round(a.x1)}, ${Math.round(a.y0)}–${Math.round(a.y1)}`,
            );
          for (const b of boxes.slice(i + 1)) {
            if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
              problems.push(`${value}/${target}/${england}: ${a.text} overlaps ${b.text}`);
          }
        }
        assert.equal(svgToPng(trendChartSvg(s)).subarray(1, 4).toString(), 'PNG');
      }
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  },
);

test("a count's chart starts its axis at zero; a percentage's stays near its values, as the dashboard's", () => {
  const axis = (unit: 'percent' | 'count', values: number[]) =>
    [
      ...trendChartSvg({
        ...spec(0, 0, 0),
        unit,
        target: null,
        england: null,
        points: values.map((value, i) => ({ label: `Q${i + 1} 2021/22`, value })),
      }).matchAll(/text-anchor="end" fill="#0b0c0c">([^<]+)</g),
    ].map((m) => m[1]);
  assert.equal(axis('count', [285, 291, 298, 305])[0], '0');
  assert.equal(axis('percent', [72.9, 80, 90])[0], '60%');
});
