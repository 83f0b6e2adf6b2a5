import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linePosition } from './line-position.js';

test('linePosition writes a row position as the report does, one shared string per line', () => {
  assert.equal(linePosition(2), 'line 2');
  assert.equal(linePosition(90), 'line 90');
  assert.equal(linePosition(1_000_000), 'line 1000000');
  // Asked again (another file's row on the same line), the same value comes back, past the kept lines too.
  assert.equal(linePosition(90), 'line 90');
  assert.equal(linePosition(1_000_000), 'line 1000000');
});
