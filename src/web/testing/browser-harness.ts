import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser } from '../../report/render/browser.js';
import { testApp } from './harness.js';

/** Why the browser tests skip (no Chromium on this machine), or false. */
export const BROWSER_SKIP: string | false = existsSync(CHROMIUM_PATH)
  ? false
  : `no Chromium at ${CHROMIUM_PATH}`;

/** The test dashboard served on a free local port, and the Chromium the browser tests drive. */
export interface BrowserHarness {
  readonly browser: Browser;
  /** `http://127.0.0.1:<port>`. */
  readonly base: string;
  close(): Promise<void>;
}

/**
 * Serves the test app (`testApp`: fake services, the test users) and launches Chromium as the reports do
 * (`launchBrowser`), for the browser tests (browser.test.ts, a11y.audit.test.ts).
 * @example const h = await startBrowserHarness(); const page = await h.browser.newPage(); await page.goto(`${h.base}/sign-in`)
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const { app } = await testApp();
  const served = await serveApp(app);
  const browser = await launchBrowser();
  return {
    browser,
    base: served.base,
    close: async () => {
      await browser.close();
      await served.close();
    },
  };
}

/**
 * Serves an app on a free local port for a browser to visit.
 * @example const { base, close } = await serveApp((await testApp(services, db)).app)
 */
export async function serveApp(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<{ base: string; close: () => Promise<void> }> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
