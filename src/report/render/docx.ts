import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ISectionOptions } from 'docx';
import { svgToPng, svgsToPng } from '../chart/svg-to-png.js';
import { sparklineSvg, trendChartSvg } from '../chart/trend-chart-svg.js';
import { longDate } from '../model/format.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { Block, Cell, ChartSpec, RenderModel, Section, Table } from '../model/render-model.js';

const FONT = 'Arial';
const RAG_FILL = { green: 'CCE2D8', amber: 'FFF7BF', red: 'F6D7D2' } as const;
const RAG_TEXT = { green: '005A30', amber: '594D00', red: '942514' } as const;
/** Usable widths in twentieths of a point: A4 portrait and landscape with 2 cm margins. */
const PORTRAIT_WIDTH = 9638;
const LANDSCAPE_WIDTH = 14570;
const MARGIN = 1134;

function para(text: string, opts: { bold?: boolean; size?: number; colour?: string } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size, color: opts.colour, font: FONT })],
  });
}

/** PNG of an SVG: pre-rendered in parallel by {@link renderDocx}, else rendered now. */
type PngOf = (svg: string) => Buffer;

function chartImage(spec: ChartSpec, png_: PngOf, width = 600, height = 210): Paragraph {
  const png = png_(trendChartSvg(spec, width, height));
  return new Paragraph({
    spacing: { after: 60 },
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width, height },
        altText: { name: spec.id, title: spec.title, description: spec.alt },
      }),
    ],
  });
}

function cellOf(c: Cell, widthTwips: number, png_: PngOf, header = false): TableCell {
  const size = 20; // 10pt
  let children: Paragraph[];
  if (c.sparkline) {
    const png = png_(sparklineSvg(c.sparkline));
    children = [
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: png,
            transformation: { width: 84, height: 24 },
            altText: { name: 'sparkline', title: 'Trend', description: c.sparkline.alt },
          }),
        ],
      }),
    ];
  } else {
    children = [
      new Paragraph({
        alignment: c.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({
            text: c.text,
            font: FONT,
            size,
            bold: header || c.rag !== undefined,
            color: c.rag ? RAG_TEXT[c.rag] : undefined,
          }),
        ],
      }),
    ];
  }
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    shading: c.rag ? { type: ShadingType.CLEAR, fill: RAG_FILL[c.rag], color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children,
  });
}

function tableOf(t: Table, pageWidth: number, png: PngOf, captionLevel: 3 | 4): (Paragraph | DocxTable)[] {
  const total = t.columns.reduce((a, c) => a + (c.width ?? 5), 0);
  const widths = t.columns.map((c) => Math.floor(((c.width ?? 5) / total) * pageWidth));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cellOf({ text: c.label, numeric: c.numeric }, widths[i]!, png, true)),
  });
  const rows: TableRow[] = [header];
  const groups = new Map((t.groups ?? []).map((g) => [g.start, g.label]));
  t.rows.forEach((r, i) => {
    const g = groups.get(i);
    if (g !== undefined) {
      // A group label row: the label in the first cell, the others empty (no merged cells).
      rows.push(
        new TableRow({
          cantSplit: true,
          children: t.columns.map(
            (_, j) =>
              new TableCell({
                width: { size: widths[j]!, type: WidthType.DXA },
                shading: { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' },
                children: [
                  new Paragraph({
                    children: [new TextRun({ text: j === 1 ? g : '', bold: true, font: FONT, size: 20 })],
                  }),
                ],
              }),
          ),
        }),
      );
    }
    rows.push(new TableRow({ cantSplit: true, children: r.map((c, j) => cellOf(c, widths[j]!, png)) }));
  });
  return [
    new Paragraph({
      heading: captionLevel === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4,
      keepNext: true,
      children: [new TextRun({ text: t.caption, font: FONT })],
    }),
    new DocxTable({
      width: { size: pageWidth, type: WidthType.DXA },
      columnWidths: widths,
      rows,
      borders: {
        top: { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' },
        bottom: { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' },
        left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' },
        insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      },
    }),
    ...t.footnotes.map((f) => para(f, { size: 20, colour: '505A5F' })),
  ];
}

/**
 * One block as Word paragraphs and tables. `underHeading`: a heading block came before it in its section, so
 * a table's caption is Heading 4 under that Heading 3; otherwise Heading 3 under the section's Heading 2 (no
 * level skipped, report.md §7 built-in heading styles).
 */
function blockOf(b: Block, pageWidth: number, png: PngOf, underHeading: boolean): (Paragraph | DocxTable)[] {
  switch (b.kind) {
    case 'paragraph':
      return [para(b.text)];
    case 'heading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          keepNext: true,
          children: [new TextRun({ text: b.text, font: FONT })],
        }),
      ];
    case 'list':
      // The key to symbols is kept on one page: each item but the last is kept with the next.
      return b.items.map(
        (i, n) =>
          new Paragraph({
            bullet: { level: 0 },
            spacing: { after: 60 },
            keepNext: b.key === true && n < b.items.length - 1,
            children: [new TextRun({ text: i, font: FONT })],
          }),
      );
    case 'definitions':
      return b.items.map(
        (i) =>
          new Paragraph({
            spacing: { after: 60 },
            children: [
              new TextRun({ text: `${i.term}: `, bold: true, font: FONT }),
              new TextRun({ text: i.text, font: FONT }),
            ],
          }),
      );
    case 'table':
      return tableOf(b.table, pageWidth, png, underHeading ? 4 : 3);
    case 'narrative': {
      const out: (Paragraph | DocxTable)[] = [];
      if (b.text)
        out.push(
          new Paragraph({
            spacing: { after: 120 },
            keepNext: b.chart !== null,
            children: [new TextRun({ text: b.text, font: FONT })],
          }),
        );
      if (b.commentary)
        out.push(
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({ text: 'Officer commentary: ', bold: true, font: FONT }),
              new TextRun({ text: b.commentary, font: FONT }),
            ],
          }),
        );
      if (b.outsideControl) out.push(para("Largely outside the council's control", { bold: true }));
      if (b.action) {
        out.push(
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({ text: 'Action: ', bold: true, font: FONT }),
              new TextRun({ text: `${b.action.what} `, font: FONT }),
              new TextRun({ text: 'Who: ', bold: true, font: FONT }),
              new TextRun({ text: `${b.action.who} `, font: FONT }),
              new TextRun({ text: 'By when: ', bold: true, font: FONT }),
              new TextRun({ text: b.action.byWhen, font: FONT }),
            ],
          }),
        );
      }
      if (b.chart)
        out.push(
          chartImage(b.chart, png),
          para(`${b.chart.title}. ${b.chart.alt}`, { size: 20, colour: '505A5F' }),
        );
      return out;
    }
  }
}

function sectionChildren(s: Section, pageWidth: number, png: PngOf): (Paragraph | DocxTable)[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      keepNext: true,
      children: [new TextRun({ text: s.heading, font: FONT })],
    }),
    ...s.blocks.flatMap((b, i) =>
      blockOf(
        b,
        pageWidth,
        png,
        s.blocks.slice(0, i).some((x) => x.kind === 'heading'),
      ),
    ),
  ];
}

/**
 * Renders the report as a Word document (report.md §7): built-in heading styles, real tables with a
 * repeating header row and no merged cells, RAG cells shaded and labelled, charts as PNG with alt text,
 * the scorecard in a landscape section, and on every page the exempt line (full version) and a footer
 * with title, PUBLIC/EXEMPT and "Page X of Y".
 */
export async function renderDocx(model: RenderModel): Promise<Buffer> {
  const m = model.meta;
  const svgs: string[] = [];
  for (const s of model.sections)
    for (const b of s.blocks) {
      if (b.kind === 'narrative' && b.chart) svgs.push(trendChartSvg(b.chart, 600, 210));
      if (b.kind === 'table')
        for (const r of b.table.rows)
          for (const c of r) if (c.sparkline) svgs.push(sparklineSvg(c.sparkline));
    }
  const pngs = await svgsToPng(svgs);
  const png: PngOf = (svg) => pngs.get(svg) ?? svgToPng(svg);
  const header = () =>
    new Header({
      children: m.exemptLine
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: m.exemptLine, bold: true, font: FONT, size: 20 })],
            }),
          ]
        : [],
    });
  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          children: [
            new TextRun({ text: `${m.title}   ${m.marking}   Page `, font: FONT, size: 20 }),
            new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 20 }),
            new TextRun({ text: ' of ', font: FONT, size: 20 }),
            new TextRun({ children: [PageNumber.TOTAL_PAGES], font: FONT, size: 20 }),
          ],
        }),
      ],
    });
  const page = (landscape: boolean) => ({
    size: landscape
      ? { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 }
      : { width: 11906, height: 16838 },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  });
  const titleBlock: Paragraph[] = [
    para(m.committee, { colour: '505A5F' }),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun({ text: m.title, font: FONT })],
    }),
    ...(m.meetingDate ? [para(`Meeting: ${longDate(m.meetingDate as IsoDate)}`)] : []),
    para(m.authorLine),
  ];
  // Consecutive sections that share orientation and do not start a new page go into one Word section.
  const sections: ISectionOptions[] = [];
  let current: { landscape: boolean; children: (Paragraph | DocxTable)[] } = {
    landscape: false,
    children: [...titleBlock],
  };
  for (const s of model.sections) {
    if (s.newPage || s.landscape !== current.landscape) {
      sections.push({
        properties: { page: page(current.landscape) },
        headers: { default: header() },
        footers: { default: footer() },
        children: current.children,
      });
      current = { landscape: s.landscape, children: [] };
    }
    current.children.push(...sectionChildren(s, s.landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH, png));
  }
  sections.push({
    properties: { page: page(current.landscape) },
    headers: { default: header() },
    footers: { default: footer() },
    children: current.children,
  });
  const doc = new Document({
    creator: `cspi ${m.softwareVersion}`,
    lastModifiedBy: `cspi ${m.softwareVersion}`,
    title: m.title,
    description: `${m.title}: ${m.committee} (${m.marking})`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 24 } },
        heading1: { run: { font: FONT, size: 44, bold: true, color: '0B0C0C' } },
        heading2: {
          run: { font: FONT, size: 34, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 360, after: 160 } },
        },
        heading3: {
          run: { font: FONT, size: 26, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading4: {
          run: { font: FONT, size: 22, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 120, after: 80 } },
        },
      },
    },
    sections,
  });
  return Packer.toBuffer(doc);
}
