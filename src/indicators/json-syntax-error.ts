/** Where a text stops being JSON, and why, in words that never quote the text. */
export interface JsonSyntaxError {
  /** 1-based line of the first character that is not valid JSON (or of the end of the text). */
  readonly line: number;
  /** 1-based column on that line. */
  readonly column: number;
  readonly reason: string;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = '"\\/bfnrt';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** The end of the string starting at `start` (its opening quote), or where and why it is not a string. */
function scanString(text: string, start: number): number | { at: number; reason: string } {
  let j = start + 1;
  for (;;) {
    if (j >= text.length) return { at: j, reason: 'a string is not closed' };
    const c = text[j]!;
    if (c === '"') return j + 1;
    if (c === '\\') {
      const e = text[j + 1] ?? '';
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 6;
      else if (e !== '' && ESCAPES.includes(e)) j += 2;
      else return { at: j, reason: 'a backslash in a string starts no JSON escape' };
    } else if (c.charCodeAt(0) < 0x20) {
      return { at: j, reason: 'a line break or control character inside a string' };
    } else j += 1;
  }
}

function place(text: string, at: number, reason: string): JsonSyntaxError {
  const before = text.slice(0, at);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: at - lastBreak, reason };
}

/**
 * Where `text` stops being JSON (RFC 8259), or null when it is JSON. JSON.parse's own message quotes the text
 * around the error (over several lines when it holds a line break) and gives no line; a settings or
 * commentary file may hold child-level text, so the CLI says where and why with this instead. Iterative, so
 * a deeply nested file cannot exhaust the stack.
 * @example jsonSyntaxError('{\n  "a": 1,\n}') //=> { line: 3, column: 1, reason: 'expected a quoted name' }
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  const open: ('[' | '{')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (open.length > 0 ? 'comma-or-close' : 'end');
  for (;;) {
    while (i < text.length && isSpace(text[i]!)) i += 1;
    if (i >= text.length)
      return expect === 'end' ? null : place(text, i, 'the file ends before the JSON does');
    const c = text[i]!;
    if (expect === 'end') return place(text, i, 'more text after the JSON value');
    if (expect === 'colon') {
      if (c !== ':') return place(text, i, "expected ':' after a name");
      i += 1;
      expect = 'value';
    } else if (expect === 'comma-or-close') {
      const top = open[open.length - 1];
      if (c === ',') {
        i += 1;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === ']' && top === '[') || (c === '}' && top === '{')) {
        open.pop();
        i += 1;
        expect = afterValue();
      } else return place(text, i, `expected ',' or '${top === '{' ? '}' : ']'}'`);
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (expect === 'key-or-close' && c === '}') {
        open.pop();
        i += 1;
        expect = afterValue();
      } else if (c === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number') return place(text, end.at, end.reason);
        i = end;
        expect = 'colon';
      } else return place(text, i, 'expected a quoted name');
    } else if (expect === 'value-or-close' && c === ']') {
      open.pop();
      i += 1;
      expect = afterValue();
    } else if (c === '{' || c === '[') {
      open.push(c);
      i += 1;
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
    } else if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return place(text, end.at, end.reason);
      i = end;
      expect = afterValue();
    } else {
      NUMBER.lastIndex = i;
      const literal = LITERALS.find((l) => text.startsWith(l, i));
      const length = literal?.length ?? (NUMBER.test(text) ? NUMBER.lastIndex - i : 0);
      if (length === 0)
        return place(text, i, 'expected a value (a quoted string, number, true, false, null, { or [)');
      i += length;
      expect = afterValue();
    }
  }
}

/**
 * "not valid JSON at line 3, column 1: expected a quoted name": one line, naming the place, never quoting
 * the text (unlike JSON.parse's message). For a text JSON.parse refused.
 */
export function describeJsonSyntaxError(text: string): string {
  const e = jsonSyntaxError(text);
  return e ? `not valid JSON at line ${e.line}, column ${e.column}: ${e.reason}` : 'not valid JSON';
}
