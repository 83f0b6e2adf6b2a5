import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../store/database.js';
import { memoryDatabase } from '../testing/sqlite-memory.js';
import { signIn, testApp, TEST_SCRYPT, TEST_PASSWORD } from '../testing/harness.js';
import { createSessionCache, type SessionLookup } from './session-cache.js';
import {
  createSession,
  deleteSession,
  findSessionAndUser,
  hashSessionId,
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
} from './sessions.js';
import { addUser, disableUser } from './users.js';

/** The store with a count of the statements sent to it (a query is a round trip on PostgreSQL). */
function counting(db: Database): { db: Database; queries: () => number } {
  let n = 0;
  const wrapped: Database = {
    kind: db.kind,
    location: db.location,
    all: (sql, p) => (n++, db.all(sql, p)),
    allRows: (sql, p) => (n++, db.allRows(sql, p)),
    get: (sql, p) => (n++, db.get(sql, p)),
    run: (sql, p) => (n++, db.run(sql, p)),
    exec: (sql) => (n++, db.exec(sql)),
    insertMany: (t, c, r) => (n++, db.insertMany(t, c, r)),
    transaction: (fn) => (n++, db.transaction(fn)),
    close: () => db.close(),
  } as Database;
  return { db: wrapped, queries: () => n };
}

async function store(): Promise<{ db: Database; queries: () => number }> {
  const base = await memoryDatabase();
  await addUser(
    base,
    { username: 'jo', role: 'analyst', la: '841', password: TEST_PASSWORD },
    new Date(),
    TEST_SCRYPT,
  );
  return counting(base);
}

const T0 = Date.parse('2022-01-10T09:00:00Z');

test('a second lookup within the second is served from the cache: no query', async () => {
  const { db, queries } = await store();
  const { cookieValue } = await createSession(db, 'jo', new Date(T0));
  const before = queries();
  const first = await findSessionAndUser(db, cookieValue, new Date(T0 + 10));
  assert.equal(first?.user?.role, 'analyst');
  assert.equal(queries() - before, 1, 'the first lookup reads the store once');
  const second = await findSessionAndUser(db, cookieValue, new Date(T0 + 20));
  assert.equal(queries() - before, 1, 'the second does not');
  assert.deepEqual(second, first);
  assert.equal(
    await findSessionAndUser(db, `${cookieValue}x`, new Date(T0 + 30)),
    null,
    'unknown ids are not cached',
  );
  assert.equal(queries() - before, 2);
});

test('a signed-out session is refused at once, though it was cached', async () => {
  const { db } = await store();
  const { cookieValue } = await createSession(db, 'jo', new Date(T0));
  assert.ok(await findSessionAndUser(db, cookieValue, new Date(T0)));
  await deleteSession(db, hashSessionId(cookieValue));
  assert.equal(await findSessionAndUser(db, cookieValue, new Date(T0 + 1)), null);
});

test('a disabled account is refused at once, though its session was cached', async () => {
  const { db } = await store();
  const { cookieValue } = await createSession(db, 'jo', new Date(T0));
  assert.ok(await findSessionAndUser(db, cookieValue, new Date(T0)));
  assert.equal(await disableUser(db, 'Jo'), true);
  assert.equal(await findSessionAndUser(db, cookieValue, new Date(T0 + 1)), null);
});

test('an expired or idle session is refused though cached: the expiry is checked on every hit', async () => {
  const { db, queries } = await store();
  const { cookieValue } = await createSession(db, 'jo', new Date(T0));
  const late = T0 + SESSION_LIFETIME_MS - 30_000;
  // Kept active to near the end of its lifetime (a look every 30 minutes), then cached.
  for (let t = T0; t < late; t += 30 * 60_000)
    assert.ok(await findSessionAndUser(db, cookieValue, new Date(t)));
  assert.ok(await findSessionAndUser(db, cookieValue, new Date(late)));
  assert.ok(await findSessionAndUser(db, cookieValue, new Date(late + 1)));
  const n = queries();
  assert.ok(await findSessionAndUser(db, cookieValue, new Date(T0 + SESSION_LIFETIME_MS - 1)));
  assert.equal(queries(), n, 'still live: from the cache');
  assert.equal(await findSessionAndUser(db, cookieValue, new Date(T0 + SESSION_LIFETIME_MS)), null);
  assert.equal((await db.all('SELECT * FROM web_sessions')).length, 0, 'and deleted');

  const idle = await createSession(db, 'jo', new Date(T0));
  assert.ok(await findSessionAndUser(db, idle.cookieValue, new Date(T0)));
  assert.equal(await findSessionAndUser(db, idle.cookieValue, new Date(T0 + SESSION_IDLE_MS)), null);
});

test('entries last less than the time to live, by the real clock; a read older than a forget is not kept', () => {
  let now = 0;
  const cache = createSessionCache(1000, () => now);
  const found = {
    session: { idHash: 'h', username: 'jo', csrfToken: 't', expiresAt: '', lastSeenAt: '' },
    user: null,
  } satisfies SessionLookup;
  cache.set('h', found, cache.generation());
  now = 999;
  assert.equal(cache.get('h'), found);
  now = 1000;
  assert.equal(cache.get('h'), undefined);
  const g = cache.generation();
  cache.forgetUser('someone-else');
  cache.set('h', found, g);
  assert.equal(cache.get('h'), undefined, 'read before a forget: not kept');
  cache.set('h', found, cache.generation());
  cache.forgetUser('jo');
  assert.equal(cache.get('h'), undefined);
});

test('the dashboard refuses a signed-out cookie on the very next request', async () => {
  const { app } = await testApp();
  const b = await signIn(app, 'analyst');
  assert.equal((await b.get('/api/scorecard?la=841&period=2021-22-Q3')).status, 200);
  const out = await b.post('/sign-out', {});
  assert.equal(out.status, 303);
  assert.equal((await b.get('/api/scorecard?la=841&period=2021-22-Q3')).status, 401);
});
