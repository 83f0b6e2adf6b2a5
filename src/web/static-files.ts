import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { GOVUK_DIST, PUBLIC_DIR } from './render.js';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Serves files under `root` for a URL prefix, refusing any path that leaves it; cached in memory. */
function mount(app: Hono<AppEnv>, prefix: string, root: string, maxAge: number): void {
  const cache = new Map<string, Uint8Array>();
  app.get(`${prefix}/*`, async (c) => {
    const rel = decodeURIComponent(c.req.path.slice(prefix.length + 1));
    const full = normalize(join(root, rel));
    const type = TYPES[extname(full)];
    if (!full.startsWith(root + sep) || !type || rel.includes('\0')) return c.notFound();
    let body = cache.get(full);
    if (!body) {
      try {
        body = new Uint8Array(await readFile(full));
      } catch {
        return c.notFound();
      }
      cache.set(full, body);
    }
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': type,
      'Cache-Control': `public, max-age=${maxAge}`,
    });
  });
}

/**
 * Static assets, all served by the app itself (no CDN): GOV.UK Frontend's compiled CSS, JS, fonts and
 * images from node_modules/govuk-frontend/dist, and the dashboard's own CSS and scripts.
 */
export function mountStatic(app: Hono<AppEnv>): void {
  mount(app, '/assets', join(GOVUK_DIST, 'govuk', 'assets'), 86400);
  mount(app, '/govuk', join(GOVUK_DIST, 'govuk'), 3600);
  mount(app, '/app', PUBLIC_DIR, 300);
}
