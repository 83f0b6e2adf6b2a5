import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loggableError } from './loggable-error.js';

test('loggableError: the kind, code and frames; the message only when debugging', () => {
  const err = Object.assign(new Error('duplicate key (child_id)=(C77123)'), { code: '23505' });
  const line = loggableError(err, false);
  assert.match(line, /^Error \(code 23505\) at /);
  assert.ok(!line.includes('C77123'), line);
  assert.ok(!line.includes('\n'), 'one line');
  assert.match(loggableError(err, true), /^Error \(code 23505\): duplicate key \(child_id\)=\(C77123\) at /);
  assert.equal(loggableError('C77123', false), 'a thrown string (not an Error)');
  assert.equal(loggableError(null, false), 'a thrown null (not an Error)');
});
