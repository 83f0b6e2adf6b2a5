import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { GOVUK_DIST } from '../render.js';

/**
 * The CSP source of the GOV.UK template's one inline script (it marks the body `js-enabled`), as its
 * SHA-256 hash read from the installed template: static, so pages need no per-request nonce and can be
 * cached whole.
 * @example inlineScriptHash("<script>document.body.className += ' js-enabled'</script>") //=> "'sha256-…'"
 */
export function inlineScriptHash(template: string): string {
  const m = /<script[^>]*>([^<]+)<\/script>/.exec(template);
  if (!m) throw new Error('the GOV.UK template has no inline script to hash');
  return `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`;
}

const CSP = [
  "default-src 'self'",
  `script-src 'self' ${inlineScriptHash(readFileSync(join(GOVUK_DIST, 'govuk', 'template.njk'), 'utf8'))}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every response: a CSP without 'unsafe-inline' (the one inline script of the
 * GOV.UK template is allowed by its hash), no framing, no MIME sniffing, a strict referrer policy.
 */
export function securityHeaders(secure: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Set before the handler runs, so they go out with the response as it is built: touching
    // `c.res.headers` afterwards would turn the server's light-weight response into a full one.
    c.header('Content-Security-Policy', CSP);
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (secure) c.header('Strict-Transport-Security', 'max-age=31536000');
    c.header('Cache-Control', 'no-store');
    await next();
  };
}
