import { fileURLToPath, pathToFileURL } from 'node:url';

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
  if (!(err instanceof Error)) return notAnError(err);
  const kind = kindOf(err);
  const frames = framesOf(err);
  const where = frames.length > 0 ? ` ${frames.join(' | ')}` : ' (no stack)';
  return debug
    ? `${kind}: ${err.message}${where}`
    : `${kind}${where} (message withheld: set CSPI_DEBUG=1 to log it)`;
}

const notAnError = (err: unknown): string => `a thrown ${err === null ? 'null' : typeof err} (not an Error)`;

/** An error's name, and its code where it has one: `Error (code 23505)`. */
function kindOf(err: Error): string {
  const code = (err as { code?: unknown }).code;
  return `${err.name}${typeof code === 'string' || typeof code === 'number' ? ` (code ${code})` : ''}`;
}

/** The first {@link FRAMES} frames of an error's stack, each `at fn (file:line:col)`. */
function framesOf(err: Error): string[] {
  return (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, FRAMES)
    .map((line) => line.trim());
}

/** cspi's own folder (this file is src/web/ or dist/web/ under it), as a path and as a file URL. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROOT_URL = pathToFileURL(ROOT).href;

/**
 * A stack frame of cspi's own code, without the `at ` and with its path from cspi's folder; null for a
 * frame of a dependency (`node_modules`), of Node itself (`node:internal/…`) or native (`<anonymous>`).
 * @example ownFrame(`at computeLa (${ROOT}src/hub/compute-la.ts:42:11)`) //=> 'computeLa (src/hub/compute-la.ts:42:11)'
 */
export function ownFrame(frame: string, root: string = ROOT): string | null {
  const rootUrl = root === ROOT ? ROOT_URL : pathToFileURL(root).href;
  const f = frame.replace(/^\s*at /, '');
  if (f.includes('/node_modules/') || !(f.includes(rootUrl) || f.includes(root))) return null;
  return f.split(rootUrl).join('').split(root).join('');
}

/**
 * An unexpected error in one short line, for a summary an operator reads (`cspi hub import`/`compute`, one
 * line per LA failed): its kind and code and the first frame of cspi's own code at most, never its message
 * (which can quote a child's data, as {@link loggableError} says). The worker's log keeps the frames.
 * @example briefError(new SyntaxError('… "C771…')) //=> 'SyntaxError at readSnapshot (src/store/snapshot.ts:88:20)'
 */
export function briefError(err: unknown): string {
  if (!(err instanceof Error)) return notAnError(err);
  const first = framesOf(err)
    .map((f) => ownFrame(f))
    .find((f) => f !== null);
  return first === undefined ? kindOf(err) : `${kindOf(err)} at ${first}`;
}
