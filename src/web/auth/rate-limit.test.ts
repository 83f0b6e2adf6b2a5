import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRateLimiter } from './rate-limit.js';

test('allows max failures, then refuses until the window passes', () => {
  const rl = createRateLimiter(3, 60_000);
  const t = 1_000_000;
  for (let i = 0; i < 3; i++) {
    assert.equal(rl.retryAfter('user:jo', t + i), 0);
    rl.fail('user:jo', t + i);
  }
  assert.equal(rl.retryAfter('user:jo', t + 10), 60);
  assert.equal(rl.retryAfter('user:other', t + 10), 0, 'keys are separate');
  assert.equal(rl.retryAfter('user:jo', t + 60_001), 0, 'the oldest failure has left the window');
});

test('reset forgets a key', () => {
  const rl = createRateLimiter(1, 60_000);
  rl.fail('ip:1.2.3.4', 0);
  assert.ok(rl.retryAfter('ip:1.2.3.4', 1) > 0);
  rl.reset('ip:1.2.3.4');
  assert.equal(rl.retryAfter('ip:1.2.3.4', 1), 0);
});

test('forgive takes back one failure recorded at a time', () => {
  const rl = createRateLimiter(2, 60_000);
  rl.fail('ip:a', 5);
  rl.fail('ip:a', 7);
  assert.ok(rl.retryAfter('ip:a', 8) > 0);
  rl.forgive('ip:a', 7);
  assert.equal(rl.retryAfter('ip:a', 8), 0);
  rl.forgive('ip:a', 99);
  rl.fail('ip:a', 9);
  assert.ok(rl.retryAfter('ip:a', 10) > 0, 'forgiving an unrecorded time changes nothing');
});
