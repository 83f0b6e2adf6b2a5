import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeJsonSyntaxError, jsonSyntaxError } from './json-syntax-error.js';

test('the place and reason of the first error, by line and column, without quoting the text', () => {
  const cases: [string, number, number, RegExp][] = [
    ['{\n  "a": 1,\n}', 3, 1, /quoted name/],
    ['{\n  "text": Jo was seen alone\n}', 2, 11, /expected a value/],
    ['{ "a": 1 ', 1, 10, /ends before/],
    ['', 1, 1, /ends before/],
    ['{ "a": "two\nlines" }', 1, 12, /line break/],
    ['{ "a": 1 } x', 1, 12, /more text/],
    ['[1, 2 3]', 1, 7, /expected ',' or '\]'/],
    ['{ "a" 1 }', 1, 7, /expected ':'/],
    ['{ "a": "\\q" }', 1, 9, /backslash/],
    ['{ "a": "open', 1, 13, /not closed/],
    ['\r\n\r\n  ,', 3, 3, /expected a value/],
  ];
  for (const [text, line, column, reason] of cases) {
    const e = jsonSyntaxError(text);
    assert.ok(e, JSON.stringify(text));
    assert.deepEqual([e.line, e.column], [line, column], JSON.stringify(text));
    assert.match(e.reason, reason, JSON.stringify(text));
  }
  const said = describeJsonSyntaxError('{\n  "text": Jo was seen alone\n}');
  assert.equal(
    said,
    'not valid JSON at line 2, column 11: expected a value (a quoted string, number, true, false, null, { or [)',
  );
});

test('it agrees with JSON.parse on what is JSON (hand-picked and random texts), and a deep nest does not overflow', () => {
  const parses = (t: string): boolean => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };
  const hand = [
    '{}',
    '[]',
    ' { "a" : [ 1 , -2.5e+3 , true , false , null , "x\\u00e9\\n" ] } ',
    '0',
    '-0',
    '01',
    '1.',
    '.5',
    '1e',
    '"\\u12"',
    '[1,]',
    '{"a":1,}',
    'tru',
    'nul',
    '"\t"',
    '[[[]]]',
    '{"a":{"b":[{}]}}',
    '{,}',
    '[,1]',
    '"a" "b"',
    '\uFEFF{}',
    '{"a":1}}',
    '[1]]',
    '{]',
    '[}',
    '-',
    '+1',
    '1e+5',
    '1E-5',
    '"\\/"',
  ];
  for (const t of hand) assert.equal(jsonSyntaxError(t) === null, parses(t), JSON.stringify(t));
  // Random texts over JSON's own alphabet, so many are nearly JSON.
  const alphabet = [
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    ' ',
    '\n',
    '"a"',
    '1',
    '-',
    '.',
    'e',
    'true',
    'null',
    '"',
    '\\',
    '0',
  ];
  let seed = 12345;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  let valid = 0;
  for (let k = 0; k < 20000; k++) {
    let t = '';
    for (let m = next(9); m > 0; m--) t += alphabet[next(alphabet.length)];
    const ok = parses(t);
    if (ok) valid += 1;
    assert.equal(jsonSyntaxError(t) === null, ok, JSON.stringify(t));
  }
  assert.ok(valid > 100, `some random texts are JSON (${valid})`);
  const deep = '['.repeat(200000);
  assert.deepEqual(jsonSyntaxError(deep)?.reason, 'the file ends before the JSON does');
});
