import { Hono } from 'hono';
import { parsePeriod, periodLabel } from '../../calendar/period.js';
import { appendAudit } from '../audit/audit-log.js';
import { accessOf, NO_LA_MESSAGE, userCan } from '../access.js';
import { deniedForNoLa } from '../auth/permissions.js';
import type { AppEnv } from '../env.js';
import { forbidden, notFound, requirePermission } from '../middleware/guards.js';
import { page } from '../pages.js';
import { staleCommentaryProblem, storedCommentary } from '../../report/commentary/commentary-store.js';
import { laterEditions, listEditions } from '../../report/edition/edition-store.js';
import { type PublishOutcome, publishEdition } from '../../report/edition/publish-edition.js';
import { storeComparisons } from '../../report/edition/store-comparisons.js';
import { editionsRestatedSince, restatedSinceLine } from '../../report/edition/restated-since.js';
import {
  FORMAT_LABELS,
  type ReportFile,
  type ReportFormat,
  draftModel,
  draftRestatements,
  draftSuppression,
  editionFile,
  editionNotices,
  publicDraftFile,
  reportFile,
} from '../reports/report-files.js';
import { EditionOutputCorrupted } from '../../report/edition/edition-outputs.js';
import { identifiersOfMembers } from '../../report/public/dataset-identifiers.js';
import { resolveLaOnly, scopedReport } from './scope.js';
import type { Context } from 'hono';

const VERSION_LABELS = { public: 'Public', full: 'Full (exempt)' } as const;

/**
 * Why a Publish wrote no edition, by code, as the audit log keeps it (`report-publish-refused`): no figures
 * for the period asked, commentary stale or changed while publishing, an unusable small-number rule, or the
 * publication check (report.md §6).
 */
type PublishRefusal = 'NO-FIGURES' | 'COMMENTARY-STALE' | Exclude<PublishOutcome, { ok: true }>['code'];

function formatOf(q: string | undefined): ReportFormat | null {
  return q === 'html' || q === 'pdf' || q === 'docx' ? q : null;
}

function download(c: Context<AppEnv>, f: ReportFile): Response {
  return c.body(new Uint8Array(f.body), 200, {
    'Content-Type': f.contentType,
    'Content-Disposition': `attachment; filename="${f.filename}"`,
  });
}

/**
 * Reports page (report.md §8, §9): preview the draft of any quarter (public or full, HTML, PDF or Word;
 * the public version only once it passes the publication check, report.md §6),
 * publish it as an immutable edition, and list and download editions (the documents kept when published,
 * `editionFile`; an older edition's re-render is flagged when it differs). Drafts, editions and files all come
 * from the report module, on its `editions` table; an edition whose figures the current dataset would now
 * give differently says which (`editionsRestatedSince`, before the next draft lists them). An edition published here re-renders with
 * `cspi report --edition ID`, and one published by `cspi publish` is listed and downloaded here.
 * Every Publish is audited: `report-publish` with the edition, or `report-publish-refused` with the reason's
 * code (and the publication check's rule codes), never a value or commentary text (report.md §9: each
 * attempt to publish is an action the council traces, and one refused is as much one as one that succeeded).
 */
export function reportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/reports', requirePermission('reports:view-public'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const { services, db, pdf } = c.var.deps;
    const officer = userCan(c, 'reports:draft');
    const versions = officer ? (['public', 'full'] as const) : (['public'] as const);
    const formats = pdf.formats();
    const editions = await listEditions(db, la.code);
    const later = laterEditions(editions);
    const reportable = await services.periods(la.code);
    const periods = officer ? reportable : [];
    // Each edition whose figures the current dataset would now give differently (report.md §8): the
    // scorecard's headline figures for its period (`headlineFigures`, computed once per dataset version and
    // kept: not the whole scorecard, its trend and members, for every period ever published), in the view
    // the user may see (members: public, a change of 1..k children never given).
    const current = (await services.datasets(la.code)).find((v) => v.current);
    const restated = await editionsRestatedSince(
      db,
      editions,
      current ? { id: current.id, importedAt: current.createdAt } : null,
      (period) =>
        !reportable.includes(period)
          ? Promise.resolve(null)
          : services.headlineFigures
            ? services.headlineFigures(la.code, period)
            : scopedReport(c, { la, las: [la], periods: reportable, period }),
      officer ? 'full' : 'public',
      (now) => draftSuppression(now),
    );
    return c.html(
      page(c, 'reports.njk', {
        title: 'Reports',
        laName: la.name,
        la,
        published: c.req.query('published'),
        // The edition just published follows an earlier one of its quarter: said, as cspi publish says it.
        follows: [...later].find(([, next]) => next === c.req.query('published'))?.[0] ?? null,
        periodItems: periods.map((p) => ({ value: p, text: periodLabel(parsePeriod(p)) })),
        versionItems: versions.map((v) => ({ value: v, text: VERSION_LABELS[v] })),
        formatItems: formats.map((f) => ({ value: f, text: FORMAT_LABELS[f] })),
        editions: await Promise.all(
          editions.map(async (e) => ({
            ...e,
            publishedAgainAs: later.get(e.id) ?? null,
            restated: ((x) => (x ? restatedSinceLine(x) : null))(restated.get(e.id)),
            notices: await editionNotices(db, la.code, e.id, versions),
            periodLabel: periodLabel(parsePeriod(e.period)),
            downloads: versions.flatMap((v) =>
              formats.map((f) => ({
                href: `/reports/${encodeURIComponent(e.id)}/download?${new URLSearchParams({ la: la.code, format: f, version: v })}`,
                text: `${VERSION_LABELS[v]} ${FORMAT_LABELS[f]}`,
              })),
            ),
          })),
        ),
      }),
    );
  });

  /** A draft of a quarter from the current figures, downloaded (never stored). */
  app.get('/reports/draft', requirePermission('reports:draft'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const { services, db, pdf, now, groups } = c.var.deps;
    const period = c.req.query('period') ?? '';
    const format = formatOf(c.req.query('format')) ?? 'html';
    if (!pdf.formats().includes(format))
      return notFound(c, `Drafts are not available as ${FORMAT_LABELS[format]} here.`);
    const version = c.req.query('version') === 'full' ? 'full' : 'public';
    const periods = await services.periods(la.code);
    if (!periods.includes(period)) return notFound(c, `There are no figures for ${period}.`);
    const report = await scopedReport(c, { la, las: [la], periods, period });
    if (!report) return notFound(c, `There are no figures for ${period}.`);
    const extras = (await services.reportExtras?.(la.code, period)) ?? null;
    const stored = await storedCommentary(db, report, c.var.user!.username);
    const model = await draftModel(db, report, {
      public: version === 'public',
      laName: la.name,
      now: now(),
      extras,
      groups,
      commentary: stored.commentary,
    });
    const name = `${la.code}-${period}-draft-${version}`;
    if (version === 'full') return download(c, await reportFile(model, format, name, pdf.browser));
    // report.md §6: the public version is checked before it is served, as cspi report --public does.
    const out = await publicDraftFile(
      model,
      format,
      name,
      {
        rule: draftSuppression(report),
        identifiers: extras?.identifiers ?? identifiersOfMembers(extras?.members),
      },
      pdf.browser,
    );
    if (out.ok) return download(c, out.file);
    const listed = out.breaches.slice(0, 10).map((b) => `${b.code} (${b.where}): ${b.detail}`);
    await appendAudit(db, {
      actor: c.var.user!.username,
      ip: c.var.ip,
      action: 'report-draft-refused',
      la: la.code,
      detail: {
        period,
        format,
        version,
        breaches: out.breaches.length,
        rules: [...new Set(out.breaches.map((b) => b.code))].join(' '),
        first: listed[0] ?? null,
      },
    });
    // 422: the request is sound and the server is working; the draft's content fails a rule (as a refused
    // publication does), and the officer can put it right, where a 500 would report a fault of ours.
    c.status(422);
    return c.html(
      page(c, 'error.njk', {
        title: 'The public draft failed the publication check',
        status: 422,
        message: `The public version of the ${FORMAT_LABELS[format]} draft for ${periodLabel(parsePeriod(period))} was not downloaded: ${out.breaches.length} ${out.breaches.length === 1 ? 'problem was' : 'problems were'} found (rule, output and position; the values are not shown):`,
        items: [
          ...listed,
          ...(out.breaches.length > listed.length ? [`and ${out.breaches.length - listed.length} more`] : []),
        ],
        after:
          'Change the commentary or figures at that position, or download the full (exempt) version for internal use.',
        laName: la.name,
      }),
    );
  });

  app.post('/reports/publish', requirePermission('reports:publish'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const { services, db, now, groups } = c.var.deps;
    const body = await c.req.parseBody();
    const period = String(body['period'] ?? '');
    const user = c.var.user!;
    /** Audits a refused attempt (report.md §9): who, the LA and period, and why by code only. */
    const refused = (reason: PublishRefusal, more: Readonly<Record<string, string | number>> = {}) =>
      appendAudit(db, {
        actor: user.username,
        ip: c.var.ip,
        action: 'report-publish-refused',
        la: la.code,
        detail: { period: period.slice(0, 40), reason, ...more },
      });
    const periods = await services.periods(la.code);
    const report = periods.includes(period)
      ? await scopedReport(c, { la, las: [la], periods, period })
      : null;
    if (!report) {
      await refused('NO-FIGURES');
      return notFound(c, `There are no figures for ${period}.`);
    }
    const stored = await storedCommentary(db, report, user.username);
    if (stored.stale.length > 0) {
      await refused('COMMENTARY-STALE', { indicators: stored.stale.join(' ') });
      c.status(422);
      return c.html(
        page(c, 'error.njk', {
          title: 'The report could not be published',
          status: 422,
          message: `${staleCommentaryProblem(stored.stale, report)} Confirm or change the commentary on the indicator's page, then publish. Nothing was published.`,
          laName: la.name,
        }),
      );
    }
    const extras = (await services.reportExtras?.(la.code, period)) ?? null;
    const compared = await storeComparisons(db, report, groups);
    const restated = await draftRestatements(db, report);
    const out = await publishEdition(db, {
      report,
      by: user.username,
      now: now(),
      commentary: stored.commentary,
      commentaryHistory: stored.history,
      details: { laName: la.name },
      membersQuestions: extras?.membersQuestions,
      members: extras?.members,
      restatements: restated,
      earlierRestatements: compared.earlierRestatements,
      hubBenchmarks: compared.hubBenchmarks,
      datasetSources: compared.datasetSources,
      identifiers: extras?.identifiers,
    });
    if (!out.ok)
      await refused(
        out.code,
        out.code === 'PUB-CHECK'
          ? { breaches: out.breaches.length, rules: [...new Set(out.breaches.map((b) => b.code))].join(' ') }
          : {},
      );
    if (!out.ok && out.code === 'COMMENTARY-CHANGED') {
      c.status(409);
      return c.html(
        page(c, 'error.njk', {
          title: 'The report could not be published',
          status: 409,
          message: `${out.message} Nothing was published; publish again to check and include it.`,
          laName: la.name,
        }),
      );
    }
    if (!out.ok && out.code === 'CFG-SUPPRESSION') {
      c.status(422);
      return c.html(
        page(c, 'error.njk', {
          title: 'The report could not be published',
          status: 422,
          message: `The indicator settings' small-number rule cannot be used: ${out.message}. Nothing was published.`,
          laName: la.name,
        }),
      );
    }
    if (!out.ok) {
      c.status(422);
      return c.html(
        page(c, 'error.njk', {
          title: 'The report could not be published',
          status: 422,
          message: `The public version failed the publication check (${out.breaches.length} ${out.breaches.length === 1 ? 'problem' : 'problems'}: ${out.breaches
            .slice(0, 3)
            .map((b) => `${b.code} ${b.detail}`)
            .join('; ')}). Nothing was published.`,
          laName: la.name,
        }),
      );
    }
    await appendAudit(db, {
      actor: user.username,
      ip: c.var.ip,
      action: 'report-publish',
      la: la.code,
      detail: { period, edition: out.edition.id, datasetVersion: out.edition.datasetId },
    });
    return c.redirect(`/reports?${new URLSearchParams({ la: la.code, published: out.edition.id })}`, 303);
  });

  app.get('/reports/:id/download', requirePermission('reports:view-public'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const { db, pdf } = c.var.deps;
    const version = c.req.query('version') === 'full' ? 'full' : 'public';
    const format = formatOf(c.req.query('format')) ?? 'html';
    if (version === 'full' && !userCan(c, 'reports:draft'))
      return forbidden(
        c,
        deniedForNoLa(accessOf(c)!, 'reports:draft')
          ? NO_LA_MESSAGE
          : 'Only officers can download the full (exempt) version.',
      );
    if (!pdf.formats().includes(format))
      return notFound(c, `This report is not available as ${FORMAT_LABELS[format]} here.`);
    const id = c.req.param('id');
    let out;
    try {
      out = await editionFile(db, la.code, id, version, format, pdf.browser);
    } catch (e) {
      if (!(e instanceof EditionOutputCorrupted)) throw e;
      await appendAudit(db, {
        actor: c.var.user!.username,
        ip: c.var.ip,
        action: 'report-edition-refused',
        la: la.code,
        detail: { edition: id, output: e.key },
      });
      c.status(500);
      return c.html(
        page(c, 'error.njk', {
          title: 'The published edition could not be served',
          status: 500,
          message: `${e.message}. Tell the system administrator: the published document must be restored from a backup.`,
          laName: la.name,
        }),
      );
    }
    if (!out) return notFound(c, `There is no edition ${id}.`);
    if ('breaches' in out) {
      await appendAudit(db, {
        actor: c.var.user!.username,
        ip: c.var.ip,
        action: 'report-edition-refused',
        la: la.code,
        detail: {
          edition: id,
          output: out.output,
          reason: 'PUB-CHECK',
          rules: [...new Set(out.breaches.map((b) => b.code))].join(' '),
        },
      });
      c.status(422);
      return c.html(
        page(c, 'error.njk', {
          title: 'The published edition could not be served',
          status: 422,
          message: `The public ${FORMAT_LABELS[format]} of edition ${id} was not kept when it was published, so it would be rendered again now, and that is not the published document: it failed the publication check (rule and position; the values are not shown):`,
          items: out.breaches.slice(0, 10).map((b) => `${b.code} (${b.where}): ${b.detail}`),
          after: 'Download the full (exempt) version for internal use, or publish the quarter again.',
          laName: la.name,
        }),
      );
    }
    const res = download(c, out.file);
    // Header values are Latin-1: the notice is ASCII (ids, version, format, hex hash).
    if (out.notices.length) res.headers.set('X-Cspi-Edition-Notice', out.notices.join(' | '));
    return res;
  });

  return app;
}
