const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The value of the first member of the JSON object that `head` begins, parsed, when that member is `key` and
 * its value ends within `head`; `head` may be only the beginning of a longer document (an edition's frozen
 * JSON read up to a length), whose later members are then never read. Undefined when the object does not
 * begin with `key` as `JSON.stringify` writes it (no white space), or its value runs past `head`: the caller
 * then reads the whole document. Only the value's own text is parsed.
 * @example leadingMember('{"report":{"a":[1,"}"]},"members":{"C1', 'report') //=> { a: [1, '}'] }
 */
export function leadingMember(head: string, key: string): unknown {
  const opening = `{${JSON.stringify(key)}:`;
  if (!head.startsWith(opening)) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = opening.length; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      // The object's own closing brace: the value was its only member.
      if (depth === 0) return JSON.parse(head.slice(opening.length, i)) as unknown;
      depth--;
    } else if (c === COMMA && depth === 0) return JSON.parse(head.slice(opening.length, i)) as unknown;
  }
  return undefined;
}
