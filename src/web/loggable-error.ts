/** How many of a stack's frames the log keeps: enough to find the failing code, not a page of them. */
const FRAMES = 12;

/**
 * An unexpected error as the server's log may keep it: its kind (name, and code where it has one) and where it
 * was thrown (the stack's frames), never its message. A message can quote data: V8's JSON.parse error quotes
 * the text it failed on (a snapshot's rows), a database driver's can quote a row's values. So no
 * child-level data reaches the log (report.md §9). With `CSPI_DEBUG=1` the message is logged too, for a
 * developer reproducing a failure on test data.
 * @example loggableError(new SyntaxError('Unexpected token … "{"child":"C771…'), false) //=> 'SyntaxError at parse (…) …'
 */
export function loggableError(err: unknown, debug = process.env['CSPI_DEBUG'] === '1'): string {
  if (!(err instanceof Error)) return `a thrown ${err === null ? 'null' : typeof err} (not an Error)`;
  const code = (err as { code?: unknown }).code;
  const kind = `${err.name}${typeof code === 'string' || typeof code === 'number' ? ` (code ${code})` : ''}`;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, FRAMES)
    .map((line) => line.trim());
  const where = frames.length > 0 ? ` ${frames.join(' | ')}` : ' (no stack)';
  return debug
    ? `${kind}: ${err.message}${where}`
    : `${kind}${where} (message withheld: set CSPI_DEBUG=1 to log it)`;
}
