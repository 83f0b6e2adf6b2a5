import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryDatabase } from '../testing/sqlite-memory.js';
import {
  createSession,
  findSession,
  hashSessionId,
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
} from './sessions.js';

test('stores only the hash of the session id', async () => {
  const db = await memoryDatabase();
  const t = new Date('2022-01-10T09:00:00Z');
  const { cookieValue } = await createSession(db, 'jo', t);
  assert.ok(cookieValue.length >= 43);
  const rows = await db.all<{ id_hash: string }>('SELECT id_hash FROM web_sessions');
  assert.deepEqual(rows, [{ id_hash: hashSessionId(cookieValue) }]);
  assert.notEqual(rows[0].id_hash, cookieValue);
  assert.equal((await findSession(db, cookieValue, t))?.username, 'jo');
  assert.equal(await findSession(db, `${cookieValue}x`, t), null);
});

test('a session expires after its lifetime even when active', async () => {
  const db = await memoryDatabase();
  const t0 = Date.parse('2022-01-10T09:00:00Z');
  const { cookieValue } = await createSession(db, 'jo', new Date(t0));
  for (let t = t0; t < t0 + SESSION_LIFETIME_MS; t += 30 * 60_000) {
    assert.ok(await findSession(db, cookieValue, new Date(t)), `alive at ${(t - t0) / 60_000} min`);
  }
  assert.equal(await findSession(db, cookieValue, new Date(t0 + SESSION_LIFETIME_MS)), null);
});

test('an idle session ends', async () => {
  const db = await memoryDatabase();
  const t0 = Date.parse('2022-01-10T09:00:00Z');
  const { cookieValue } = await createSession(db, 'jo', new Date(t0));
  assert.equal(await findSession(db, cookieValue, new Date(t0 + SESSION_IDLE_MS + 1)), null);
  assert.equal((await db.all('SELECT * FROM web_sessions')).length, 0, 'deleted');
});
