import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { CheckedDecoder, formatBytes, type TextEncoding } from '../checked-decoder.js';
import { refuse } from '../refusal.js';
import type { IngestLimits } from '../limits.js';
import type { XmlNode, XmlSchema } from './xml-schema.js';

export interface StreamXmlOptions {
  readonly path: string;
  readonly file: string;
  readonly encoding: TextEncoding;
  readonly limits: IngestLimits;
  readonly schema: XmlSchema;
  /** Root element name. */
  readonly root: string;
  /** Elements collected whole and handed to `onRecord` when they close (e.g. Header, Child). */
  readonly recordElements: ReadonlySet<string>;
  /** Called with each complete record element; the node is then dropped, so memory stays flat. */
  onRecord(node: XmlNode): void;
  onChunk?(chunk: Buffer): void;
  /** What the source is called in messages ("CIN census", "SSDA903"). */
  readonly sourceName: string;
}

interface Frame {
  readonly name: string;
  readonly path: string;
  readonly counts: Map<string, number>;
  /** The node being collected (inside a record element), else null. */
  readonly node: XmlNode | null;
  /** Leaf being read: its text so far. */
  text: string | null;
  readonly opaque: boolean;
}

/**
 * Streams an XML file with saxes, checking its structure against a schema (inputs.md §3, §2.1 XML form):
 * any DOCTYPE is refused (`S-XML-DTD`; entities are never expanded), an element the schema does not know is
 * `S-XML-UNKNOWN`, broken nesting `S-MALFORMED-XML` ("line 8812 col 14: </CINdetails> does not close
 * <Assessments>"), an unclosed root `S-TRUNCATED`; depth and text-node size are limited.
 * Record elements are collected into {@link XmlNode}s one at a time.
 */
export async function streamXml(o: StreamXmlOptions): Promise<void> {
  const { file, limits, schema } = o;
  const parser = new SaxesParser({ position: true });
  const stack: Frame[] = [];
  let lastClosed = '';
  let closingName = '';
  let rootSeen = false;
  // saxes reports a mismatched close tag after implicitly closing the open one; remember the name it read.
  const p = parser as unknown as { closeTag?: () => void; name: string };
  if (typeof p.closeTag === 'function') {
    const original = p.closeTag;
    p.closeTag = function (this: { name: string }) {
      closingName = this.name;
      return original.call(this);
    };
  }
  const at = (): string => `line ${parser.line} col ${parser.column}`;

  parser.on('doctype', () => {
    refuse(
      'S-XML-DTD',
      file,
      `line ${parser.line}`,
      `${file} line ${parser.line}: the file has a DOCTYPE declaration; cspi never reads DTDs or entities (they can be used to attack the server). Export the file without a DOCTYPE and re-import.`,
    );
  });
  parser.on('error', (err) => {
    const msg = err.message.replace(/^\d+:\d+: /, '');
    if (msg.startsWith('unclosed tag')) {
      refuse(
        'S-TRUNCATED',
        file,
        at(),
        `${file} ${at()}: the file ends before <${stack[0]?.name ?? o.root}> is closed; it was cut short (copy or export it again).`,
      );
    }
    if (msg.startsWith('unexpected close tag')) {
      refuse(
        'S-MALFORMED-XML',
        file,
        at(),
        `${file} ${at()}: </${closingName}> does not close <${lastClosed}>. The file is not well-formed XML: fix it or export it again.`,
      );
    }
    if (msg.includes('undefined entity')) {
      refuse(
        'S-MALFORMED-XML',
        file,
        at(),
        `${file} ${at()}: an entity reference that is not one of XML's five (&amp; &lt; &gt; &quot; &apos;); cspi never expands entities.`,
      );
    }
    refuse(
      'S-MALFORMED-XML',
      file,
      at(),
      `${file} ${at()}: the XML is not well-formed (${msg.replace(/\.$/, '')}).`,
    );
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const parent = stack[stack.length - 1];
    if (stack.length + 1 > limits.maxXmlDepth) {
      refuse(
        'S-MALFORMED-XML',
        file,
        at(),
        `${file} ${at()}: elements nested deeper than ${limits.maxXmlDepth} levels; this is not a ${o.sourceName} file.`,
      );
    }
    if (!parent) {
      if (rootSeen) return;
      rootSeen = true;
      stack.push({ name, path: `/${name}`, counts: new Map(), node: null, text: null, opaque: false });
      return;
    }
    if (parent.opaque) {
      stack.push({ name, path: parent.path, counts: parent.counts, node: null, text: null, opaque: true });
      return;
    }
    const spec = schema[parent.name];
    const isLeaf = !!spec && (spec.leaves?.includes(name) || spec.repeatLeaves?.includes(name));
    const isChild = !!spec && !!spec.children?.includes(name);
    if (!isLeaf && !isChild) {
      refuse(
        'S-XML-UNKNOWN',
        file,
        at(),
        `${file} ${at()}: <${name}> is not a ${o.sourceName} element inside <${parent.name}> in any supported year; check the file's format.`,
      );
    }
    const index = (parent.counts.get(name) ?? 0) + 1;
    parent.counts.set(name, index);
    const path = spec?.repeat?.includes(name) ? `${parent.path}/${name}[${index}]` : `${parent.path}/${name}`;
    if (isLeaf) {
      stack.push({ name, path, counts: new Map(), node: parent.node, text: '', opaque: false });
      return;
    }
    let node: XmlNode | null = null;
    if (parent.node || o.recordElements.has(name)) {
      node = {
        name,
        path,
        line: parser.line,
        column: parser.column,
        leaves: {},
        leafLists: {},
        children: {},
      };
      if (parent.node) (parent.node.children[name] ??= []).push(node);
    }
    stack.push({ name, path, counts: new Map(), node, text: null, opaque: !!schema[name]?.opaque });
  });
  const onText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (!top || top.text === null) return;
    top.text += t;
    if (top.text.length > limits.maxXmlText) {
      refuse(
        'S-MALFORMED-XML',
        file,
        at(),
        `${file} ${at()}: <${top.name}> holds more than ${formatBytes(limits.maxXmlText)} of text; this is not a ${o.sourceName} value.`,
      );
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const top = stack.pop();
    lastClosed = localName(tag.name);
    if (!top) return;
    const parent = stack[stack.length - 1];
    if (top.text !== null && !top.opaque) {
      const value = top.text.trim() === '' ? null : top.text.trim();
      const target = parent?.node;
      if (target) {
        const spec = schema[parent.name];
        if (spec?.repeatLeaves?.includes(top.name)) (target.leafLists[top.name] ??= []).push(value);
        else target.leaves[top.name] = value;
      }
      return;
    }
    if (top.node && o.recordElements.has(top.name) && !parent?.node) o.onRecord(top.node);
  });

  const decoder = new CheckedDecoder({ file, encoding: o.encoding, maxLineBytes: Infinity });
  const stream = createReadStream(o.path, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parser.write(decoder.write(chunk));
      o.onChunk?.(chunk);
    }
    parser.write(decoder.end());
    parser.close();
  } catch (e) {
    stream.destroy();
    throw e;
  }
  if (!rootSeen)
    refuse('S-MALFORMED-XML', file, null, `${file}: no root element; it is not an XML ${o.sourceName} file.`);
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}
