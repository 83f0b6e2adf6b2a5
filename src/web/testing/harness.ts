import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { ScryptParams } from '../auth/password.js';
import { addUser } from '../auth/users.js';
import type { AppEnv } from '../env.js';
import type { Database } from '../../store/database.js';
import type { WebServices } from '../services.js';
import { createFakeServices } from './fake-services.js';
import { memoryDatabase } from './sqlite-memory.js';

/** Cheap scrypt parameters for tests only (the hash records them; production uses STRONG_SCRYPT). */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery';

/** A test app over a store (default: in-memory) with one user per role (la 841) and the fake services. */
export async function testApp(
  services: WebServices = createFakeServices(),
  store?: Database,
): Promise<{
  app: Hono<AppEnv>;
  db: Database;
  services: WebServices;
}> {
  const db = store ?? (await memoryDatabase());
  for (const role of ['member', 'analyst', 'manager', 'admin']) {
    await addUser(db, { username: role, role, la: '841', password: TEST_PASSWORD }, new Date(), TEST_SCRYPT);
  }
  const app = createApp({ db, services, scryptParams: TEST_SCRYPT, pseudonymKey: Buffer.alloc(32, 7) });
  return { app, db, services };
}

/** A signed-in browser: its cookie and CSRF token, with get/post helpers. */
export interface Browser {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, form: Record<string, string>): Promise<Response>;
}

const cookieOf = (r: Response): string | null => r.headers.get('set-cookie')?.split(';')[0] ?? null;
const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Signs in through the real form (GET for the token, POST with it). */
export async function signIn(
  app: Hono<AppEnv>,
  username: string,
  password = TEST_PASSWORD,
): Promise<Browser> {
  const first = await app.request('/sign-in');
  let cookie = cookieOf(first)!;
  const csrf0 = csrfOf(await first.text());
  const r = await app.request('/sign-in', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf0, username, password, next: '/scorecard' }),
  });
  if (r.status !== 303) throw new Error(`sign-in as ${username} failed: ${r.status}`);
  cookie = cookieOf(r)!;
  const page = await app.request('/scorecard', { headers: { cookie } });
  const b: Browser = {
    cookie,
    csrf: csrfOf(await page.text()),
    get: async (path) => app.request(path, { headers: { cookie: b.cookie } }),
    post: async (path, form) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: b.csrf, ...form }),
      }),
  };
  return b;
}
