/** V8 cuts a piece of text this long or longer as a view into the string it came from (a sliced string). */
const VIEW_LENGTH = 13;

/**
 * A value read from a file as a string of its own. V8 gives a piece of text 13 characters or longer (a UPN)
 * as a view into the string it was cut from: the decoded 64 KiB piece of the file being read. A staged
 * record keeping that view (a child's UPN until the import hashes it) keeps the whole piece alive, and the
 * garbage collector copies every piece of the file, twice, before the record dies. Shorter values are
 * copies already.
 * @example ownString('A123456789012') //=> 'A123456789012' (the same text, in a string of its own)
 */
export function ownString(text: string): string {
  return text.length < VIEW_LENGTH ? text : (' ' + text).slice(1);
}
