import { Resvg, renderAsync } from '@resvg/resvg-js';

/** Fonts for PNG charts: Liberation Sans is metric-compatible with Arial and ships with Debian. */
const FONT_FILES = [
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
];

/**
 * Rasterises an SVG string to PNG with resvg (for the DOCX), at `scale` times its size for sharp print.
 * @example svgToPng(trendChartSvg(spec)).subarray(1, 4).toString() //=> 'PNG'
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, optionsFor(scale)).render().asPng();
}

function optionsFor(scale: number) {
  return {
    fitTo: { mode: 'zoom' as const, value: scale },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Liberation Sans' },
    background: '#ffffff',
  };
}

/**
 * Rasterises many SVGs at once on libuv's thread pool (resvg `renderAsync`), so the DOCX charts use both
 * cores and overlap with Chromium printing the PDF. Identical SVGs are rendered once.
 * @example (await svgsToPng([svg])).get(svg)?.subarray(1, 4).toString() //=> 'PNG'
 */
export async function svgsToPng(svgs: readonly string[], scale = 2): Promise<Map<string, Buffer>> {
  const unique = [...new Set(svgs)];
  const images = await Promise.all(unique.map((svg) => renderAsync(svg, optionsFor(scale))));
  return new Map(unique.map((svg, i) => [svg, images[i]!.asPng()]));
}
