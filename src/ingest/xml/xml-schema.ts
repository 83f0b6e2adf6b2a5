/**
 * The element structure a streaming XML reader accepts: for each element, its single-valued leaves, its
 * repeatable leaves and its child containers. `opaque` elements are skipped whole (kept for later returns).
 */
export interface XmlElementSpec {
  readonly leaves?: readonly string[];
  readonly repeatLeaves?: readonly string[];
  readonly children?: readonly string[];
  /** Child containers that may repeat: numbered in paths (`Child[37]`); single ones are not (`Children`). */
  readonly repeat?: readonly string[];
  readonly opaque?: boolean;
}

export type XmlSchema = Readonly<Record<string, XmlElementSpec>>;

/** One collected element: its leaf values and child containers, with its path and place in the file. */
export interface XmlNode {
  readonly name: string;
  /** `/Message/Children/Child[37]/CINdetails[2]`: repeatable elements numbered from 1 in document order. */
  readonly path: string;
  /** The element's number in its path (`37` for `Child[37]`); 0 for an element that is not numbered. */
  readonly index: number;
  readonly line: number;
  readonly column: number;
  /** Leaf text, trimmed; a self-closed or empty leaf is null. */
  readonly leaves: Record<string, string | null>;
  readonly leafLists: Record<string, (string | null)[]>;
  readonly children: Record<string, XmlNode[]>;
}

/**
 * `path line L:C`, the position a report shows for an element. Built by `join`, which gives one flat string:
 * a template literal would keep a chain of string pieces alive for as long as the record that holds it.
 * @example xmlPosition(node) //=> '/Message/Children/Child[37]/CINdetails[2] line 881:14'
 */
export function xmlPosition(node: XmlNode): string {
  return [node.path, ' line ', node.line, ':', node.column].join('');
}
