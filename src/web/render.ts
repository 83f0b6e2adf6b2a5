import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { formatCount, shortPeriod } from './figures/format.js';

/**
 * src/web, where the templates and the browser files are kept. Found through the project root rather than
 * beside this module, so that the compiled build (dist/web, at the same depth as src/web; scripts/build.mjs
 * compiles only the TypeScript) reads the same files.
 */
const webSources = fileURLToPath(new URL('../../src/web/', import.meta.url));
const require = createRequire(import.meta.url);

/** node_modules/govuk-frontend/dist: its `govuk/` folder holds the Nunjucks macros, CSS, JS and assets. */
export const GOVUK_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
export const TEMPLATES_DIR = join(webSources, 'templates');
export const PUBLIC_DIR = join(webSources, 'public');

let env: nunjucks.Environment | null = null;

const DATETIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The Nunjucks environment: our templates first, then GOV.UK Frontend's; autoescaping on. */
export function templates(): nunjucks.Environment {
  if (env) return env;
  env = new nunjucks.Environment(new nunjucks.FileSystemLoader([TEMPLATES_DIR, GOVUK_DIST]), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('count', (n: number) => (typeof n === 'number' ? formatCount(n) : n));
  env.addFilter('datetime', (iso: string) => {
    if (!iso) return '';
    return DATETIME.format(new Date(iso));
  });
  env.addFilter('date', (iso: string) => {
    if (!iso) return '';
    return DATE.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
  });
  env.addFilter('shortPeriod', (id: string) => shortPeriod(id));
  env.addFilter('bytes', (n: number) =>
    n >= 1024 * 1024
      ? `${(n / 1024 / 1024).toFixed(1)} MB`
      : n >= 1024
        ? `${Math.round(n / 1024)} KB`
        : `${n} bytes`,
  );
  return env;
}

/** Renders a page template with its context. */
export function render(name: string, ctx: Record<string, unknown>): string {
  return templates().render(name, ctx);
}
