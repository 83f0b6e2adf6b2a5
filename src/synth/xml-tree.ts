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

const SPECIAL = /[&<>]/;
const esc = (s: string): string =>
  SPECIAL.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
const PADS = Array.from({ length: 16 }, (_, i) => '  '.repeat(i));

/**
 * Serialises a document, one element per line, two-space indent, recording each element's line.
 * @example xmlText(el('Message', [leaf('A', '1')])) //=> '<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n  <A>1</A>\n</Message>\n'
 */
export function xmlText(root: XNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const walk = (n: XNode, depth: number): void => {
    const pad = PADS[depth] ?? '  '.repeat(depth);
    n.line = out.length + 1;
    if (n.children) {
      out.push(`${pad}<${n.name}>`);
      for (const c of n.children) walk(c, depth + 1);
      out.push(`${pad}</${n.name}>`);
    } else {
      out.push(`${pad}<${n.name}>${esc(n.text ?? '')}</${n.name}>`);
    }
  };
  walk(root, 0);
  return `${out.join('\n')}\n`;
}
