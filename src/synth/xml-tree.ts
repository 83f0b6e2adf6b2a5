/** A small XML element tree for the CIN census writer (text-only leaves, no attributes). */
export interface XNode {
  readonly name: string;
  text?: string;
  readonly children?: XNode[];
  /** Set by {@link xmlText}: the 1-based line the element starts on. */
  line?: number;
}

/** An element with children. */
export const el = (name: string, children: XNode[]): XNode => ({ name, children });

/** A leaf element holding text. */
export const leaf = (name: string, text: string): XNode => ({ name, text });

/** The XML declaration every document starts with. */
export const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>';

const SPECIAL = /[&<>]/;
const esc = (s: string): string =>
  SPECIAL.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
const PADS = Array.from({ length: 16 }, (_, i) => '  '.repeat(i));
const pad = (depth: number): string => PADS[depth] ?? '  '.repeat(depth);

/**
 * Serialises a document, one element per line, two-space indent, recording each element's line.
 * @example xmlText(el('Message', [leaf('A', '1')])) //=> '<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n  <A>1</A>\n</Message>\n'
 */
export function xmlText(root: XNode): string {
  const out: string[] = [XML_PROLOG];
  const walk = (n: XNode, depth: number): void => {
    n.line = out.length + 1;
    if (n.children) {
      out.push(`${pad(depth)}<${n.name}>`);
      for (const c of n.children) walk(c, depth + 1);
      out.push(`${pad(depth)}</${n.name}>`);
    } else {
      out.push(`${pad(depth)}<${n.name}>${esc(n.text ?? '')}</${n.name}>`);
    }
  };
  walk(root, 0);
  return `${out.join('\n')}\n`;
}

/**
 * One element and its content as {@link xmlText} lays it out at that depth (each line ending `\n`),
 * without recording lines: for writing a document piece by piece.
 * @example xmlLines(leaf('A', '1'), 1) //=> '  <A>1</A>\n'
 */
export function xmlLines(n: XNode, depth: number): string {
  if (!n.children) return `${pad(depth)}<${n.name}>${esc(n.text ?? '')}</${n.name}>\n`;
  let s = `${pad(depth)}<${n.name}>\n`;
  for (const c of n.children) s += xmlLines(c, depth + 1);
  return `${s}${pad(depth)}</${n.name}>\n`;
}
