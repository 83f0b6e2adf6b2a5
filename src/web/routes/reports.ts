import { Hono } from 'hono';
import { parsePeriod, periodLabel } from '../../calendar/period.js';
import { appendAudit } from '../audit/audit-log.js';
import { can } from '../auth/permissions.js';
import type { AppEnv } from '../env.js';
import { forbidden, notFound, requirePermission } from '../middleware/guards.js';
import { page } from '../pages.js';
import type { ReportFormat } from '../services.js';
import { resolveLaOnly, scopedReport } from './scope.js';

const FORMAT_LABELS: Record<ReportFormat, string> = { html: 'HTML', pdf: 'PDF', docx: 'Word (DOCX)' };

/** Reports page: draft, publish, list editions and download them (report.md §8, §9). */
export function reportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/reports', requirePermission('reports:view-public'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const { services } = c.var.deps;
    const role = c.var.user!.role;
    const drafts = can(role, 'reports:draft');
    const all = await services.reports.list(la.code);
    const editions = all.filter((e) => drafts || e.status === 'published');
    const periods = await services.periods(la.code);
    const formats = services.reports.formats();
    return c.html(
      page(c, 'reports.njk', {
        title: 'Reports',
        laName: la.name,
        la,
        published: c.req.query('published'),
        generated: c.req.query('generated'),
        error:
          c.req.query('error') === 'publish'
            ? 'The report could not be published. Check the publication check below.'
            : null,
        periodItems: periods.map((p) => ({ value: p, text: periodLabel(parsePeriod(p)) })),
        editions: editions.map((e) => ({
          ...e,
          periodLabel: periodLabel(parsePeriod(e.period)),
          downloads: formats.flatMap((f) =>
            (drafts ? (['public', 'full'] as const) : (['public'] as const)).map((v) => ({
              href: `/reports/${encodeURIComponent(e.id)}/download?${new URLSearchParams({ la: la.code, format: f, version: v })}`,
              text: `${v === 'public' ? 'Public' : 'Full (exempt)'} ${FORMAT_LABELS[f]}`,
            })),
          ),
        })),
      }),
    );
  });

  app.post('/reports/generate', requirePermission('reports:draft'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const body = await c.req.parseBody();
    const period = String(body['period'] ?? '');
    const periods = await c.var.deps.services.periods(la.code);
    if (!periods.includes(period)) return notFound(c, `There are no figures for ${period}.`);
    const user = c.var.user!;
    const report = await scopedReport(c, { la, las: [la], periods, period });
    if (!report) return notFound(c, `There are no figures for ${period}.`);
    const e = await c.var.deps.services.reports.generate(la.code, period, user.username, report);
    await appendAudit(c.var.deps.db, {
      actor: user.username,
      ip: c.var.ip,
      action: 'report-generate',
      la: la.code,
      detail: { period, edition: e.id, datasetVersion: e.datasetId },
    });
    return c.redirect(`/reports?${new URLSearchParams({ la: la.code, generated: e.id })}`, 303);
  });

  app.post('/reports/:id/publish', requirePermission('reports:publish'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const user = c.var.user!;
    const id = c.req.param('id');
    const r = await c.var.deps.services.reports.publish(la.code, id, user.username);
    if (!r.ok) {
      c.status(422);
      return c.html(
        page(c, 'error.njk', {
          title: 'The report could not be published',
          status: 422,
          message: r.message,
          laName: la.name,
        }),
      );
    }
    await appendAudit(c.var.deps.db, {
      actor: user.username,
      ip: c.var.ip,
      action: 'report-publish',
      la: la.code,
      detail: { period: r.edition.period, edition: r.edition.id, datasetVersion: r.edition.datasetId },
    });
    return c.redirect(`/reports?${new URLSearchParams({ la: la.code, published: r.edition.id })}`, 303);
  });

  app.get('/reports/:id/download', requirePermission('reports:view-public'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const role = c.var.user!.role;
    const version = c.req.query('version') === 'full' ? 'full' : 'public';
    const format = (['html', 'pdf', 'docx'] as const).find((f) => f === c.req.query('format')) ?? 'html';
    if (version === 'full' && !can(role, 'reports:draft'))
      return forbidden(c, 'Only officers can download the full (exempt) version.');
    const id = c.req.param('id');
    const edition = (await c.var.deps.services.reports.list(la.code)).find((e) => e.id === id);
    if (!edition || (edition.status !== 'published' && !can(role, 'reports:draft'))) return notFound(c);
    const out = await c.var.deps.services.reports.render(la.code, id, format, version);
    if (!out) return notFound(c, `This report is not available as ${FORMAT_LABELS[format]}.`);
    return c.body(out.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': out.contentType,
      'Content-Disposition': `attachment; filename="${out.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    });
  });

  return app;
}
