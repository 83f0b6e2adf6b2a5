import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { Database } from '../store/database.js';
import { createRateLimiter } from './auth/rate-limit.js';
import type { ScryptParams } from './auth/password.js';
import type { AppDeps, AppEnv } from './env.js';
import { notFound } from './middleware/guards.js';
import { securityHeaders } from './middleware/security-headers.js';
import { csrfProtection, loadSession } from './middleware/session.js';
import { countStoreLas } from './access.js';
import { errorPage } from './pages.js';
import { apiRoutes } from './routes/api.js';
import { auditRoutes } from './routes/audit.js';
import { dataRoutes } from './routes/data.js';
import { indicatorRoutes } from './routes/indicator.js';
import { reportRoutes } from './routes/reports.js';
import { commentaryRoutes } from './routes/commentary.js';
import { scorecardRoutes } from './routes/scorecard.js';
import { signInRoutes } from './routes/sign-in.js';
import { staticPageRoutes } from './routes/static-pages.js';
import { targetRoutes } from './routes/targets.js';
import { createLru } from './lru.js';
import { type PdfBrowser, pdfBrowser } from './reports/pdf-browser.js';
import { type LaGroups, loadLaGroups } from '../hub/la-groups.js';
import type { WebServices } from './services.js';
import { mountStatic } from './static-files.js';
import { loggableError } from './loggable-error.js';
import { CalendarRangeError } from '../calendar/working-day-calendar.js';

export interface AppOptions {
  readonly db: Database;
  readonly services: WebServices;
  readonly secureCookies?: boolean;
  readonly now?: () => Date;
  readonly pseudonymKey?: Buffer;
  readonly trustProxy?: boolean;
  readonly scryptParams?: ScryptParams;
  /** LA groups for benchmarks between LAs (default: the regions of the shipped LA table). */
  readonly groups?: LaGroups;
  /** The Chromium for report PDFs (default: launched at the first PDF; the caller closes it). */
  readonly pdf?: PdfBrowser;
}

/**
 * The dashboard as a Hono app: static assets, security headers, sessions and CSRF, then one sub-app per
 * area. Tests call `app.request()`; `cspi serve` hands it to @hono/node-server.
 * @example const app = createApp({ db, services: createFakeServices() }); await app.request('/sign-in')
 */
export function createApp(opts: AppOptions): Hono<AppEnv> {
  const deps: AppDeps = {
    db: opts.db,
    services: opts.services,
    secureCookies: opts.secureCookies ?? false,
    now: opts.now ?? (() => new Date()),
    pseudonymKey: opts.pseudonymKey ?? randomBytes(32),
    userLimiter: createRateLimiter(5, 15 * 60 * 1000),
    ipLimiter: createRateLimiter(30, 15 * 60 * 1000),
    views: createLru<unknown>(256),
    trustProxy: opts.trustProxy ?? false,
    pdf: opts.pdf ?? pdfBrowser(),
    groups: opts.groups ?? loadLaGroups(),
    ...(opts.scryptParams ? { scryptParams: opts.scryptParams } : {}),
  };
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders(deps.secureCookies));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  mountStatic(app);
  app.use('*', loadSession());
  app.use('*', countStoreLas());
  app.use('*', csrfProtection());
  for (const sub of [
    signInRoutes(),
    staticPageRoutes(),
    scorecardRoutes(),
    indicatorRoutes(),
    dataRoutes(),
    targetRoutes(),
    reportRoutes(),
    commentaryRoutes(),
    auditRoutes(),
  ]) {
    app.route('/', sub);
  }
  app.route('/api', apiRoutes());
  app.notFound((c) => notFound(c));
  app.onError((err, c) => {
    // No personal data in logs: the route (no child ids in any path) and the error's kind and frames.
    console.error(`S-INTERNAL ${c.req.method} ${c.req.path}: ${loggableError(err)}`);
    if (err instanceof CalendarRangeError) {
      // Figures touching a year outside the bank-holiday table: its message says which year and what to do
      // (a loaded record's typo year: its table and field, never a child or a value), as `cspi indicators` does.
      if (c.req.path.startsWith('/api/'))
        return c.json({ error: 'calendar-range', message: err.message }, 500);
      return c.html(errorPage(c, 500, 'These figures cannot be computed', err.message), 500);
    }
    if (c.req.path.startsWith('/api/')) {
      return c.json({ error: 'internal', message: 'Something went wrong. Nothing was changed.' }, 500);
    }
    return c.html(
      errorPage(
        c,
        500,
        'Sorry, there is a problem with the service',
        'Try again later. Nothing was changed.',
      ),
      500,
    );
  });
  return app;
}
