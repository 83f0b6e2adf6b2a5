import { escapeXml as esc } from '../chart/escape-xml.js';
import { sparklineSvg, trendChartSvg } from '../chart/trend-chart-svg.js';
import { longDate } from '../model/format.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { Block, Cell, NarrativeBlock, RenderModel, Section, Table } from '../model/render-model.js';
import { REPORT_CSS } from './html-css.js';

function cellHtml(c: Cell): string {
  const cls = [c.numeric ? 'num' : '', c.rag ? `rag-${c.rag}` : ''].filter(Boolean).join(' ');
  const attr = cls ? ` class="${cls}"` : '';
  const body = c.sparkline ? sparklineSvg(c.sparkline) : esc(c.text);
  return c.rowHeader ? `<th scope="row"${attr}>${body}</th>` : `<td${attr}>${body}</td>`;
}

/** A table with caption, `<th scope>` headers and a repeating `<thead>`. */
export function tableHtml(t: Table): string {
  const scorecard = t.id === 'scorecard';
  const widths = t.columns.some((c) => c.width)
    ? `<colgroup>${t.columns.map((c) => `<col style="width:${(((c.width ?? 5) / t.columns.reduce((a, x) => a + (x.width ?? 5), 0)) * 100).toFixed(1)}%">`).join('')}</colgroup>`
    : '';
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${esc(c.label)}</th>`).join('')}</tr></thead>`;
  const groups = t.groups ?? [];
  const body = groups.length
    ? groups
        .map((g, i) => {
          const end = groups[i + 1]?.start ?? t.rows.length;
          const rows = t.rows
            .slice(g.start, end)
            .map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`)
            .join('');
          return `<tbody><tr class="group"><th scope="rowgroup" colspan="${t.columns.length}">${esc(g.label)}</th></tr>${rows}</tbody>`;
        })
        .join('')
    : `<tbody>${t.rows.map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`).join('')}</tbody>`;
  const notes = t.footnotes.map((f) => `<p class="footnote">${esc(f)}</p>`).join('');
  return `<table id="${esc(t.id)}"${scorecard ? ' class="scorecard-table"' : ''}><caption>${esc(t.caption)}</caption>${widths}${head}${body}</table>${notes}`;
}

function narrativeHtml(b: NarrativeBlock): string {
  const out: string[] = [`<div class="narrative-item" data-indicators="${esc(b.ids.join(' '))}">`];
  if (b.text) out.push(`<p>${esc(b.text)}</p>`);
  if (b.commentary)
    out.push(`<p class="commentary"><strong>Officer commentary:</strong> ${esc(b.commentary)}</p>`);
  if (b.outsideControl) out.push(`<p class="outside-control">Largely outside the council's control</p>`);
  if (b.action) {
    out.push(
      `<dl class="action"><dt>Action</dt><dd>${esc(b.action.what)}</dd><dt>Who</dt><dd>${esc(b.action.who)}</dd><dt>By when</dt><dd>${esc(b.action.byWhen)}</dd></dl>`,
    );
  }
  if (b.chart) {
    out.push(
      `<figure>${trendChartSvg(b.chart)}<figcaption>${esc(b.chart.title)}. ${esc(b.chart.alt)}</figcaption></figure>`,
    );
  }
  out.push('</div>');
  return out.join('');
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'heading':
      return `<h3>${esc(b.text)}</h3>`;
    case 'list':
      return `<ul${b.key ? ' class="key"' : ''}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'definitions':
      return `<dl class="definitions">${b.items.map((i) => `<dt>${esc(i.term)}</dt><dd>${esc(i.text)}</dd>`).join('')}</dl>`;
    case 'table':
      return tableHtml(b.table);
    case 'narrative':
      return narrativeHtml(b);
  }
}

function sectionHtml(s: Section): string {
  const cls = [s.newPage ? 'new-page' : '', s.landscape ? 'landscape' : ''].filter(Boolean).join(' ');
  return `<section id="${esc(s.id)}" aria-labelledby="${esc(s.id)}-h"${cls ? ` class="${cls}"` : ''}><h2 id="${esc(s.id)}-h">${esc(s.heading)}</h2>${s.blocks.map(blockHtml).join('\n')}</section>`;
}

/**
 * Renders the report as one self-contained HTML file: inline CSS and SVG, no scripts and no external
 * requests, `lang="en-GB"`, semantic headings and accessible tables (report.md §7).
 * @example renderHtml(model).startsWith('<!DOCTYPE html>') //=> true
 */
export function renderHtml(model: RenderModel): string {
  const m = model.meta;
  const marking = m.exemptLine
    ? `<div class="marking" role="note">${esc(m.exemptLine)}</div>`
    : `<div class="marking public" role="note">PUBLIC</div>`;
  const meeting = m.meetingDate ? `<p>Meeting: ${esc(longDate(m.meetingDate as IsoDate))}</p>` : '';
  const contents = `<nav class="contents" aria-labelledby="contents-h"><h2 id="contents-h">Contents</h2><ol>${model.sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.heading)}</a></li>`).join('')}</ol></nav>`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(m.title)}${m.public ? '' : ' (EXEMPT)'}</title>
<meta name="description" content="${esc(`${m.title}: ${m.committee}`)}">
<meta name="generator" content="cspi ${esc(m.softwareVersion)}">
<style>${REPORT_CSS}</style>
</head>
<body>
${marking}
<main>
<div class="title-block"><p class="caption">${esc(m.committee)}</p><h1>${esc(m.title)}</h1>${meeting}<p>${esc(m.authorLine)}</p></div>
${contents}
${model.sections.map(sectionHtml).join('\n')}
</main>
</body>
</html>
`;
}
