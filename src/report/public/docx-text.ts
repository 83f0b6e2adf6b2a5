import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** The parts of a Word document that hold its text: the body, headers, footers, notes and comments. */
const TEXT_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;

/** The document properties a reader sees in File > Info: title, subject, description, keywords, author. */
const PROPERTIES_PART = 'docProps/core.xml';

/**
 * Attributes holding text Word does not show on the page: a drawing's alt text (`descr`) and title
 * (`wp:docPr`, `pic:cNvPr`), a table's alt text (`w:tblCaption`, `w:tblDescription`).
 */
const HIDDEN_TEXT: Readonly<Record<string, readonly string[]>> = {
  'wp:docPr': ['descr', 'title'],
  'pic:cNvPr': ['descr', 'title'],
  'w:tblCaption': ['w:val'],
  'w:tblDescription': ['w:val'],
};

const escapeAngles = (s: string): string => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The text of one WordprocessingML part, for the publication check: each paragraph (a table cell holds its
 * own) on a line of its own, its runs joined as Word shows them, so "3" and " children" in two runs read as
 * one phrase while adjacent cells never do; a tab reads as a space, a line break as a new line. "<" and ">"
 * are escaped again, as in HTML, so the check's tag separator reads the text as it reads the HTML's. The
 * non-visible text of drawings and tables (`HIDDEN_TEXT`: alt text and titles) is read too, each on a line.
 * @example partText('<w:p><w:r><w:t>Only 3</w:t></w:r><w:r><w:t xml:space="preserve"> children</w:t></w:r></w:p>') //=> 'Only 3 children\n'
 */
export function partText(xml: string): string {
  const out: string[] = [];
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    for (const a of HIDDEN_TEXT[t.name] ?? []) {
      const v = t.attributes[a];
      if (typeof v === 'string' && v.trim() !== '') out.push(`\n${escapeAngles(v)}\n`);
    }
    if (t.name === 'w:t') inText = true;
    else if (t.name === 'w:tab') out.push(' ');
    else if (t.name === 'w:br' || t.name === 'w:cr') out.push('\n');
  });
  parser.on('closetag', (t) => {
    if (t.name === 'w:t') inText = false;
    else if (t.name === 'w:p') out.push('\n');
  });
  parser.on('text', (s) => {
    if (inText) out.push(escapeAngles(s));
  });
  parser.write(xml).close();
  return out.join('');
}

/**
 * Every text node of an XML part, each on a line of its own (the document properties).
 * @example propertiesText('<cp:coreProperties><dc:title>Q3</dc:title></cp:coreProperties>') //=> 'Q3\n'
 */
export function propertiesText(xml: string): string {
  const out: string[] = [];
  const parser = new SaxesParser();
  parser.on('text', (s) => {
    if (s.trim() !== '') out.push(`${escapeAngles(s)}\n`);
  });
  parser.write(xml).close();
  return out.join('');
}

/**
 * The text of a DOCX for the publication check (report.md §6): `word/document.xml`, then the headers,
 * footers, notes and comments, each read by {@link partText} (with the alt text of drawings and tables),
 * then the document properties (`docProps/core.xml`). The package is opened with JSZip (which exceljs also
 * uses to read workbooks).
 * @example await docxText(await renderDocx(model)) //=> 'Performance Indicators Quarter 3 2021/22\n…'
 */
export async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const parts = Object.keys(zip.files)
    .filter((name) => TEXT_PART.test(name))
    .sort(
      (a, b) => Number(b === 'word/document.xml') - Number(a === 'word/document.xml') || a.localeCompare(b),
    );
  const texts: string[] = [];
  for (const name of parts) texts.push(partText(await zip.file(name)!.async('string')));
  const props = zip.file(PROPERTIES_PART);
  if (props) texts.push(propertiesText(await props.async('string')));
  return texts.join('\n');
}
