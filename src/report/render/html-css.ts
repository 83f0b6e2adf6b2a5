/**
 * The report's stylesheet: GOV.UK Design System conventions (Arial, 19px body on screen, 12pt in print,
 * nothing under 10pt, RAG tints with at least 4.5:1 contrast), print CSS for A4 with each appendix on a
 * new page and the scorecard on landscape pages (report.md §7). In print the scorecard's key to symbols is
 * kept in one piece with its heading (a key split across two pages is read without half its symbols), and
 * every scorecard cell has 4px each side, so neighbouring cells (a right-aligned "Current" figure beside
 * "– Not rated") are at least 8px apart however full the fixed-width columns are.
 */
export const REPORT_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:Arial,"Liberation Sans",Helvetica,sans-serif;color:#0b0c0c;background:#fff}
body{margin:0;font-size:19px;line-height:1.4}
main{max-width:1100px;margin:0 auto;padding:20px 30px 60px}
.marking{background:#0b0c0c;color:#fff;padding:8px 30px;font-weight:bold;font-size:16px}
.marking.public{background:#fff;color:#0b0c0c;border-bottom:4px solid #1d70b8}
.title-block{border-bottom:1px solid #b1b4b6;margin-bottom:24px;padding-bottom:12px}
.title-block .caption{color:#505a5f;font-size:19px;margin:0 0 6px}
h1{font-size:36px;line-height:1.15;margin:0 0 16px}
h2{font-size:27px;line-height:1.2;margin:36px 0 16px}
h3{font-size:21px;line-height:1.25;margin:28px 0 12px}
p{margin:0 0 16px}
ul{margin:0 0 16px;padding-left:24px}
li{margin-bottom:6px}
nav.contents ol{padding-left:24px}
a{color:#1d70b8}
table{border-collapse:collapse;width:100%;margin:0 0 12px;font-size:16px}
caption{text-align:left;font-weight:bold;font-size:19px;padding-bottom:8px}
th,td{border-bottom:1px solid #b1b4b6;padding:8px 10px 8px 0;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #0b0c0c}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tbody th{font-weight:normal}
tr.group th{font-weight:bold;background:#f3f2f1;border-bottom:2px solid #0b0c0c;padding-left:6px}
.rag-green{background:#cce2d8;color:#005a30;font-weight:bold}
.rag-amber{background:#fff7bf;color:#594d00;font-weight:bold}
.rag-red{background:#f6d7d2;color:#942514;font-weight:bold}
td.rag-green,td.rag-amber,td.rag-red{padding-left:6px}
.footnote{font-size:16px;color:#505a5f}
.narrative-item{margin-bottom:18px}
.narrative-item .commentary{border-left:4px solid #b1b4b6;padding-left:12px}
.outside-control{display:inline-block;background:#f3f2f1;border:1px solid #b1b4b6;padding:2px 8px;font-size:16px;font-weight:bold;margin:0 0 12px}
dl.action{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 12px;font-size:16px}
dl.action dt{font-weight:bold}
dl.action dd{margin:0}
dl.definitions{display:grid;grid-template-columns:14em 1fr;gap:6px 16px;margin:0 0 16px;font-size:16px}
dl.definitions dt{font-weight:bold}
dl.definitions dd{margin:0}
figure{margin:0 0 20px}
figcaption{font-size:16px;color:#505a5f}
.scorecard-table{font-size:14px}
.scorecard-table th,.scorecard-table td{padding:5px 6px 5px 0}
.key li{list-style:none;margin-left:-24px}
svg{max-width:100%;height:auto}
@page{size:A4;margin:20mm 15mm 20mm 15mm}
@page landscape{size:A4 landscape;margin:15mm 10mm 18mm 10mm}
@media print{
  body{font-size:12pt}
  main{max-width:none;padding:0}
  .marking{display:none}
  nav.contents{display:none}
  h1{font-size:22pt}
  h2{font-size:17pt;margin-top:18pt;break-after:avoid}
  h3{font-size:13pt;break-after:avoid}
  table{font-size:10pt}
  caption{font-size:11pt}
  thead{display:table-header-group}
  tr,figure,.narrative-item{break-inside:avoid}
  tr.group{break-after:avoid}
  .footnote,figcaption,dl.action,dl.definitions,.outside-control{font-size:10pt}
  section.new-page{break-before:page}
  section.landscape{page:landscape}
  .scorecard-table{font-size:10pt;table-layout:fixed}
  .scorecard-table th,.scorecard-table td{padding:3px 4px;overflow-wrap:anywhere;hyphens:auto}
  ul.key{break-inside:avoid}
  a{color:#0b0c0c;text-decoration:none}
}
`;
