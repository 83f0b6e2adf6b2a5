import { SaxesParser } from 'saxes';
import { distance } from 'fastest-levenshtein';
import { CheckedDecoder, decodePieces, formatBytes, type TextEncoding } from '../checked-decoder.js';
import { refuse } from '../refusal.js';
import { fileChunks } from '../file-chunks.js';
import type { IngestLimits } from '../limits.js';
import type { XmlNode, XmlSchema } from './xml-schema.js';
import { ownString } from '../own-string.js';

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
  /** The element's name: the schema's own string when the schema knows it (see {@link ChildKind.name}). */
  name: string;
  /** The element's path; '' for leaves (never needed: a leaf holds no elements). */
  path: string;
  /** How often each repeatable child has been seen so far, by its {@link ChildKind.slot} (reused per depth). */
  counts: number[];
  /** What the element's own children may be (null for leaves and opaque elements). */
  kinds: ChildKinds | null;
  /** Where in `kinds` the last child opened was found: the next child is looked for from there. */
  hint: number;
  /** A record element (handed to `onRecord` when it closes). */
  record: boolean;
  /** The node being collected (inside a record element), else null. */
  node: CollectedNode | null;
  /** Leaf being read: its text so far. */
  text: string | null;
  /** A repeatable leaf (collected into `leafLists`). */
  repeatLeaf: boolean;
  opaque: boolean;
  /** The line the element opened on (for a message about a close tag it lacks). */
  line: number;
}

/** What a child element may be inside its parent (bits). */
const LEAF = 1;
const REPEAT_LEAF = 2;
const CHILD = 4;
const NUMBERED = 8;
/** The child is also an element the schema describes (a container as well as a leaf). */
const CONTAINER = 16;

/** Everything opening one child element inside one parent needs to know, found by one look-up. */
interface ChildKind {
  /**
   * The child's name as the schema spells it. Frames and nodes use this string, not the one saxes read: it is
   * the same string every time, so storing a leaf under it (`leaves[name]`) and the mapper's reads hit V8's
   * caches, where each fresh name from the parser would first be looked up in the string table.
   */
  readonly name: string;
  readonly bits: number;
  /** The child's counter in its parent's {@link Frame.counts}, when it is numbered (else -1). */
  readonly slot: number;
  /** The child's own children's kinds, when the schema describes it. */
  kinds: ChildKinds | null;
  /** The schema skips the child whole. */
  readonly opaque: boolean;
  /** The child is a record element (collected and handed to `onRecord`). */
  readonly record: boolean;
}

/** A parent's children, in the schema's order. */
type ChildKinds = readonly ChildKind[];

/** The schema as one list per element: parent → what each of its children is. */
function compileSchema(schema: XmlSchema, recordElements: ReadonlySet<string>): Map<string, ChildKind[]> {
  const bitsOf = new Map<string, Map<string, number>>();
  for (const [parent, spec] of Object.entries(schema)) {
    const kinds = new Map<string, number>();
    const mark = (names: readonly string[] | undefined, bit: number): void => {
      for (const n of names ?? []) kinds.set(n, (kinds.get(n) ?? 0) | bit);
    };
    mark(spec.leaves, LEAF);
    mark(spec.repeatLeaves, LEAF | REPEAT_LEAF);
    mark(spec.children, CHILD);
    mark(spec.repeat, NUMBERED);
    bitsOf.set(parent, kinds);
  }
  const out = new Map<string, ChildKind[]>();
  for (const parent of bitsOf.keys()) out.set(parent, []);
  for (const [parent, kinds] of bitsOf) {
    const target = out.get(parent)!;
    let slots = 0;
    for (const [name, bits] of kinds) {
      target.push({
        name,
        bits: bitsOf.has(name) ? bits | CONTAINER : bits,
        slot: bits & NUMBERED ? slots++ : -1,
        kinds: out.get(name) ?? null,
        opaque: !!schema[name]?.opaque,
        record: recordElements.has(name),
      });
    }
  }
  return out;
}

/**
 * Where child `name` is among a parent's kinds, or -1. A scan comparing names with `===`, not a Map
 * look-up: each name saxes reads is a fresh string, which a Map must first hash (a pass over its
 * characters; that look-up was a tenth of the CIN reader's own time), while `===` against the schema's
 * strings stops at the first differing length or character. The scan starts at the parent's last match,
 * since siblings come in the schema's order: a repeated element is found at once, the next a step on.
 */
function findKind(kinds: ChildKinds, name: string, from: number): number {
  const n = kinds.length;
  for (let i = from; i < n; i++) if (kinds[i]!.name === name) return i;
  for (let i = 0; i < from; i++) if (kinds[i]!.name === name) return i;
  return -1;
}

/**
 * Streams an XML file with saxes, checking its structure against a schema (inputs.md §3, §2.1 XML form):
 * any DOCTYPE is refused (`S-XML-DTD`; entities are never expanded), an element the schema does not know is
 * `S-XML-UNKNOWN`, broken nesting `S-MALFORMED-XML` ("line 8812 col 14: </CINdetails> does not close
 * <Assessments>"), an unclosed root `S-TRUNCATED`; depth and text-node size are limited.
 * Record elements are collected into {@link XmlNode}s one at a time.
 */
export async function streamXml(o: StreamXmlOptions): Promise<void> {
  const reading = new XmlReading(o);
  const parser = new ReadingParser(reading);
  const decoder = new CheckedDecoder({
    file: o.file,
    encoding: o.encoding,
    maxLineBytes: Infinity,
    form: 'xml',
  });
  const write = (text: string): void => {
    current = reading;
    parser.write(text);
    reading.checkEntity();
  };
  try {
    for await (const chunk of fileChunks(o.path)) {
      decodePieces(decoder, chunk, write);
      o.onChunk?.(chunk);
    }
    write(decoder.end());
    current = reading;
    parser.close();
  } finally {
    // The reading holds the file's sink (through onRecord) and so every record read: let them go with it.
    current = null;
  }
  if (!reading.rootSeen)
    refuse(
      'S-MALFORMED-XML',
      o.file,
      null,
      `${o.file}: no root element; it is not an XML ${o.sourceName} file.`,
    );
}

/**
 * The reading the parser being written to belongs to. saxes calls its handlers synchronously inside `write`
 * and `close`, and {@link streamXml} sets this just before each call, so concurrent reads never mix.
 */
let current: XmlReading | null = null;

/**
 * A saxes parser that carries its file's reading state. Its event handlers are module functions reaching the
 * state through {@link current}, not closures made per file: every file's parser then calls the same
 * functions, so code V8 optimised while reading one file still fits the next.
 */
class ReadingParser extends SaxesParser {
  constructor(readonly reading: XmlReading) {
    super({ position: true });
    reading.parser = this;
    this.on('doctype', onDoctype);
    this.on('error', onError);
    this.on('opentag', onOpenTag);
    this.on('text', onText);
    this.on('cdata', onText);
    this.on('closetag', onCloseTag);
  }
}

// saxes reports a mismatched close tag after implicitly closing the open one; remember the name it read.
const saxesCloseTag = (SaxesParser.prototype as unknown as { closeTag?: () => void }).closeTag;
if (typeof saxesCloseTag === 'function') {
  (ReadingParser.prototype as unknown as { closeTag: () => void }).closeTag = function (this: ReadingParser) {
    this.reading.closingName = (this as unknown as { name: string }).name;
    return saxesCloseTag.call(this);
  };
}

function onDoctype(): void {
  const { o, parser } = current!;
  const { file } = o;
  refuse(
    'S-XML-DTD',
    file,
    `line ${parser.line}`,
    `${file} line ${parser.line}: the file has a DOCTYPE declaration; cspi never reads DTDs or entities (they can be used to attack the server). Export the file without a DOCTYPE and re-import.`,
  );
}

function onError(err: Error): void {
  const r = current!;
  const { file } = r.o;
  const at = `line ${r.parser.line} col ${r.parser.column}`;
  const msg = err.message.replace(/^\d+:\d+: /, '');
  if (r.pendingEntity() !== '' || msg.includes('entity name')) r.badAmpersand();
  if (msg.includes('undefined entity')) r.badAmpersand();
  if (msg.startsWith('unclosed tag')) {
    refuse(
      'S-TRUNCATED',
      file,
      at,
      `${file} ${at}: the file ends before <${r.depth > 0 ? r.frames[0]!.name : r.o.root}> is closed; it was cut short (copy or export it again).`,
    );
  }
  if (msg.startsWith('unexpected close tag')) {
    refuse(
      'S-MALFORMED-XML',
      file,
      at,
      `${file} ${at}: </${r.closingName}> does not close <${localName(r.lastClosedTag)}>. The file is not well-formed XML: fix it or export it again.`,
    );
  }
  refuse(
    'S-MALFORMED-XML',
    file,
    at,
    `${file} ${at}: the XML is not well-formed (${msg.replace(/\.$/, '')}).`,
  );
}

function onOpenTag(tag: { name: string }): void {
  current!.open(localName(tag.name));
}

function onText(t: string): void {
  current!.text(t);
}

function onCloseTag(tag: { name: string }): void {
  current!.close(tag.name);
}

/** An {@link XmlNode} while it is being collected: its leaf lists and children are filled in as they close. */
type CollectedNode = { -readonly [K in keyof XmlNode]: XmlNode[K] };

/**
 * The leaf lists or children of a node that has none yet: one shared empty object, replaced by the node's own
 * on the first write, so the many elements with none (ChildIdentifiers, Section47, …) allocate nothing for them.
 */
const NONE: Readonly<Record<string, never>> = Object.freeze({});

/** One file's reading state: the open elements, checked against the schema, and the record being collected. */
class XmlReading {
  readonly compiled: Map<string, ChildKind[]>;
  /** The open elements; frames are reused by depth, so reading allocates no frame per element. */
  readonly frames: Frame[] = [];
  depth = 0;
  lastClosedTag = '';
  closingName = '';
  rootSeen = false;
  /** The parser reading the file (set by {@link ReadingParser}). */
  parser!: SaxesParser;

  constructor(readonly o: StreamXmlOptions) {
    this.compiled = compileSchema(o.schema, o.recordElements);
  }

  private push(
    name: string,
    path: string,
    kinds: ChildKinds | null,
    node: CollectedNode | null,
    text: string | null,
    repeatLeaf: boolean,
    opaque: boolean,
    record: boolean,
  ): void {
    let f = this.frames[this.depth];
    if (f === undefined) {
      f = { name, path, counts: [], kinds, hint: 0, record, node, text, repeatLeaf, opaque, line: 0 };
      this.frames[this.depth] = f;
    } else {
      f.name = name;
      f.path = path;
      if (f.counts.length > 0) f.counts.length = 0;
      f.kinds = kinds;
      f.hint = 0;
      f.record = record;
      f.node = node;
      f.text = text;
      f.repeatLeaf = repeatLeaf;
      f.opaque = opaque;
    }
    f.line = this.parser.line;
    this.depth++;
  }

  open(name: string): void {
    const { o, depth, parser } = this;
    const { file, limits } = o;
    if (depth + 1 > limits.maxXmlDepth) {
      const at = `line ${parser.line} col ${parser.column}`;
      refuse(
        'S-MALFORMED-XML',
        file,
        at,
        `${file} ${at}: elements nested deeper than ${limits.maxXmlDepth} levels; this is not ${aSource(o.sourceName)} file.`,
      );
    }
    if (depth === 0) {
      if (this.rootSeen) return;
      this.rootSeen = true;
      this.push(name, `/${name}`, this.compiled.get(name) ?? null, null, null, false, false, false);
      return;
    }
    const parent = this.frames[depth - 1]!;
    if (parent.opaque) {
      this.push(name, parent.path, null, null, null, false, true, false);
      return;
    }
    const childKinds = parent.kinds;
    const kindAt = childKinds === null ? -1 : findKind(childKinds, name, parent.hint);
    if (kindAt !== -1) parent.hint = kindAt;
    const child = kindAt === -1 ? undefined : childKinds![kindAt]!;
    const kind = child === undefined ? 0 : child.bits;
    if ((kind & (LEAF | CHILD)) === 0) {
      const at = `line ${parser.line} col ${parser.column}`;
      if (this.belongsAbove(name))
        refuse(
          'S-MALFORMED-XML',
          file,
          at,
          `${file} ${at}: <${name}> opens inside <${parent.name}> (line ${parent.line}), ${
            parent.text !== null ? 'which holds only a value' : 'where it does not belong'
          }: is </${parent.name}> missing? The file is not well-formed ${o.sourceName} XML: fix it or export it again.`,
        );
      refuse(
        'S-XML-UNKNOWN',
        file,
        at,
        `${file} ${at}: <${name}> is not ${aSource(o.sourceName)} element inside <${parent.name}> in any supported year${misspeltOf(name, childKinds)}; check the file's format.`,
      );
    }
    const known = child!;
    let index = 0;
    if (kind & NUMBERED) {
      const counts = parent.counts;
      // The frame's counters start empty (see push): slots are added as the children are first met.
      while (counts.length <= known.slot) counts.push(0);
      index = ++counts[known.slot]!;
    }
    if (kind & LEAF) {
      // A leaf's own path is never used unless the schema also lists it as a container.
      const kinds = kind & CONTAINER ? known.kinds : null;
      const path =
        kinds === null
          ? ''
          : kind & NUMBERED
            ? `${parent.path}/${known.name}[${index}]`
            : `${parent.path}/${known.name}`;
      this.push(known.name, path, kinds, parent.node, '', (kind & REPEAT_LEAF) !== 0, false, false);
      return;
    }
    const path = kind & NUMBERED ? `${parent.path}/${known.name}[${index}]` : `${parent.path}/${known.name}`;
    let node: CollectedNode | null = null;
    if (parent.node || known.record) {
      node = {
        name: known.name,
        path,
        index,
        line: parser.line,
        column: parser.column,
        leaves: {},
        leafLists: NONE,
        children: NONE,
      };
      const into = parent.node;
      if (into) {
        if (into.children === NONE) into.children = {};
        // A first child starts an exact one-slot list: `[]` then `push` would reserve 17 slots for it.
        const list = into.children[known.name];
        if (list === undefined) into.children[known.name] = [node];
        else list.push(node);
      }
    }
    this.push(known.name, path, known.kinds, node, null, false, known.opaque, known.record);
  }

  /**
   * True when an element the open element does not have is a child of an element further out: the open element
   * was most likely never closed (`<CINreferralDate>2021-05-01` then `<ReferralSource>`), so the message names
   * the missing close tag, not the next element as unknown.
   */
  private belongsAbove(name: string): boolean {
    for (let d = this.depth - 2; d >= 0; d--) {
      const kinds = this.frames[d]!.kinds;
      if (kinds !== null && findKind(kinds, name, 0) !== -1) return true;
    }
    return false;
  }

  /** The text saxes has read after a '&' while looking for its ';' ('' when it is not in a reference). */
  pendingEntity(): string {
    return (this.parser as unknown as { entity?: string }).entity ?? '';
  }

  /**
   * After each piece written: a reference still open this long after its '&' is no reference (the longest XML
   * knows, `&#x10FFFF;`, is 10 characters; 32 leaves room for leading zeros). saxes would read on to the next
   * ';', the rest of the file if there is none, and then call the file cut short at its end: refused here,
   * naming the '&'.
   */
  checkEntity(): void {
    if (this.pendingEntity().length > 32) this.badAmpersand();
  }

  /**
   * Refuses a '&' that begins no reference XML knows (or an entity it does not define), at the '&': the first
   * '&' after the last ';' before where saxes is (a '&' before it would have begun a reference taking the
   * text up to here), else where saxes is, when the '&' was in an earlier piece.
   */
  badAmpersand(): never {
    const p = this.parser as unknown as { chunk?: string; i?: number; line: number; column: number };
    const chunk = p.chunk ?? '';
    const end = Math.min(p.i ?? chunk.length, chunk.length);
    const amp = chunk.indexOf('&', chunk.lastIndexOf(';', end - 2) + 1);
    const { file } = this.o;
    let at = `line ${p.line} col ${p.column}`;
    if (amp !== -1 && amp < end) {
      let line = p.line;
      for (let k = chunk.indexOf('\n', amp); k !== -1 && k < end; k = chunk.indexOf('\n', k + 1)) line--;
      at = `line ${line}`;
    }
    const ref = amp !== -1 && amp < end ? chunk.slice(amp, end) : '';
    refuse(
      'S-MALFORMED-XML',
      file,
      at,
      /^&[A-Za-z_][\w.-]{0,30};$/.test(ref)
        ? `${file} ${at}: an entity reference (${ref}) that is not one of XML's five (&amp; &lt; &gt; &quot; &apos;); cspi never expands entities: write the character itself.`
        : `${file} ${at}: a '&' that begins none of XML's references (&amp; &lt; &gt; &quot; &apos;): write it as &amp;. The file is not well-formed XML: fix it or export it again.`,
    );
  }

  text(t: string): void {
    if (this.depth === 0) return;
    const top = this.frames[this.depth - 1]!;
    if (top.text === null) return;
    top.text += t;
    const { o } = this;
    if (top.text.length > o.limits.maxXmlText) {
      const at = `line ${this.parser.line} col ${this.parser.column}`;
      refuse(
        'S-MALFORMED-XML',
        o.file,
        at,
        `${o.file} ${at}: <${top.name}> holds more than ${formatBytes(o.limits.maxXmlText)} of text; this is not ${aSource(o.sourceName)} value.`,
      );
    }
  }

  close(tagName: string): void {
    this.lastClosedTag = tagName;
    if (this.depth === 0) return;
    const top = this.frames[--this.depth]!;
    const parent = this.depth > 0 ? this.frames[this.depth - 1]! : undefined;
    if (top.text !== null && !top.opaque) {
      const trimmed = top.text.trim();
      const value = trimmed === '' ? null : ownString(trimmed);
      const target = parent?.node;
      if (target) {
        if (top.repeatLeaf) {
          if (target.leafLists === NONE) target.leafLists = {};
          const list = target.leafLists[top.name];
          if (list === undefined) target.leafLists[top.name] = [value];
          else list.push(value);
        } else target.leaves[top.name] = value;
      }
      top.text = null;
      return;
    }
    const node = top.node;
    top.node = null;
    if (node && top.record && !parent?.node) this.o.onRecord(node);
  }
}

/**
 * For an unknown element, the known child of its parent it most likely misspells (at most 2 edits, Levenshtein
 * distance by `fastest-levenshtein`, case ignored; of two as close, the first): " (is it <ReferralSource>
 * misspelt?)"; '' when none is that close.
 */
function misspeltOf(name: string, kinds: ChildKinds | null): string {
  const a = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of kinds ?? []) {
    const b = k.name.toLowerCase();
    // Names whose lengths differ by the best distance or more cannot be closer: not measured.
    if (Math.abs(a.length - b.length) >= bestDistance) continue;
    const d = distance(a, b);
    if (d < bestDistance) {
      best = k.name;
      bestDistance = d;
    }
  }
  return best === null ? '' : ` (is it <${best}> misspelt?)`;
}

/**
 * The source's name with its article, as it is said: "an SSDA903", "a CIN census".
 * @example aSource('SSDA903') //=> 'an SSDA903'
 */
function aSource(name: string): string {
  return `${/^(S[A-Z]|[AEIOU])/.test(name) ? 'an' : 'a'} ${name}`;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}
