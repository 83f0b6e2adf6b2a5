import { Resvg } from '@resvg/resvg-js';

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
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return r.render().asPng();
}
