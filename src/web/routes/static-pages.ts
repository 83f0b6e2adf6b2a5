import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { page } from '../pages.js';

/** Pages without data: the accessibility statement. */
export function staticPageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/accessibility', (c) =>
    c.html(page(c, 'accessibility.njk', { title: 'Accessibility statement' })),
  );
  return app;
}
