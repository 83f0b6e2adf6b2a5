import type { Database } from '../store/database.js';
import type { Session } from './auth/sessions.js';
import type { User } from './auth/users.js';
import type { RateLimiter } from './auth/rate-limit.js';
import type { ScryptParams } from './auth/password.js';
import type { WebServices } from './services.js';
import type { Lru } from './lru.js';
import type { PdfBrowser } from './reports/pdf-browser.js';
import type { LaGroups } from '../hub/la-groups.js';

/** Everything the app is built from (tests pass fakes; `cspi serve` the real ones). */
export interface AppDeps {
  readonly db: Database;
  readonly services: WebServices;
  /** Mark cookies Secure and use the `__Host-` prefix (behind https). */
  readonly secureCookies: boolean;
  readonly now: () => Date;
  /** Key for pseudonymous child ids (HMAC-SHA256). */
  readonly pseudonymKey: Buffer;
  readonly userLimiter: RateLimiter;
  readonly ipLimiter: RateLimiter;
  /** Engine reports, rendered scorecard fragments and API bodies, keyed by figures version. */
  readonly views: Lru<unknown>;
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). */
  readonly trustProxy: boolean;
  /** LA groups for hub benchmarks: regions, and statistical neighbours when a groups file is loaded. */
  readonly groups: LaGroups;
  /** The Chromium that prints report PDFs. */
  readonly pdf: PdfBrowser;
  /** scrypt parameters for the dummy hash compared when a user does not exist. */
  readonly scryptParams?: ScryptParams;
}

/** Hono's per-request variables. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    session: Session | null;
    user: User | null;
    /** How many LAs the store holds (LAs with data), counted for signed-in requests (`access.ts`). */
    storeLas: number;
    /** The raw cookie value of a session created during this request, to set on the response. */
    newSessionCookie: string | null;
    ip: string;
  };
}
