import { Hono } from 'hono';
import type { Context } from 'hono';
import { appendAudit } from '../audit/audit-log.js';
import { dataUploadDetail } from '../audit/data-upload.js';
import { auditChildLevel } from '../audit/child-level.js';
import { userCan } from '../access.js';
import type { AppEnv } from '../env.js';
import { notFound, requirePermission } from '../middleware/guards.js';
import { page } from '../pages.js';
import type { ImportOutcome, UploadedFile } from '../services.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { structuralIssue } from '../../ingest/refusal.js';
import { resolveLaOnly } from './scope.js';
import { pseudonym } from './indicator.js';
import { redactIssueMessage } from '../issue-redaction.js';
import { compareVersions } from '../version-comparison.js';
import { affectedFigures } from '../affected-figures.js';
import { titleTextUnder } from '../../indicators/definition-under.js';
import type { IndicatorSettings } from '../../indicators/types.js';
import { loggableError } from '../loggable-error.js';
import { formatCount } from '../figures/format.js';

const SEVERITY_ORDER = { structural: 0, error: 1, warning: 2, query: 3 } as const;
const SKIPPED_FILE_ERROR = 'Error: in a file already loaded (skipped)';
const SEVERITY_LABEL = {
  structural: 'Import refused',
  error: 'Error: row not loaded',
  warning: 'Warning: loaded and flagged',
  query: 'Query: loaded unchanged',
} as const;

/** The line an issue's position names (`line 820`, `… line 881:14`); Infinity when none (a cell, a path). */
function lineOf(i: ValidationIssue): number {
  const m = /\bline (\d+)/.exec(i.position ?? '');
  return m ? Number(m[1]) : Infinity;
}

/**
 * The validation report's order, as an analyst works through it: by severity (refusals first), then by
 * file (issues across files last), then by line in the file, then by rule.
 * @example [warningLine147, errorLine900].sort(byReportOrder) //=> [errorLine900, warningLine147]
 */
export function byReportOrder(a: ValidationIssue, b: ValidationIssue): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.file === null ? 1 : 0) - (b.file === null ? 1 : 0) ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    lineOf(a) - lineOf(b) ||
    a.code.localeCompare(b.code)
  );
}

/**
 * Issues ready for the report table, first 1,000 in report order (`byReportOrder`), each with the figures it affects titled under
 * the LA's `settings` (CP visits every 15 working days say 15). Child ids, and the child-level parts of each
 * message, only for roles that see identifiable data: others get the child's pseudonym in the Child column and
 * the message with the pseudonym and personal values withheld (`redactIssueMessage`). `named` counts the rows shown about a child (an issue
 * with a child id: shown by id, or by pseudonym and the child's record's line), `identifiable` says which the
 * role saw; {@link auditIssueView} records both.
 */
function issueRows(
  c: Context<AppEnv>,
  la: string,
  issues: readonly ValidationIssue[],
  settings: IndicatorSettings,
  skippedFiles: ReadonlySet<string> = new Set(),
) {
  const showChild = userCan(c, 'child-level:identifiable');
  const key = c.var.deps.pseudonymKey;
  const catalogue = c.var.deps.services.catalogue();
  const rows = [...issues]
    .sort(byReportOrder)
    .slice(0, 1000)
    .map((i, n) => ({
      n: n + 1,
      severity: i.severity,
      // An error in a file skipped as already loaded is about the stored copy (its message says whether it
      // holds the row), not a row this upload left out.
      severityLabel:
        i.severity === 'error' && i.file !== null && skippedFiles.has(i.file)
          ? SKIPPED_FILE_ERROR
          : SEVERITY_LABEL[i.severity],
      code: i.code,
      dfeRule: i.dfeRule,
      where: [i.file, i.position].filter(Boolean).join(', '),
      field: i.field,
      // The child's pseudonym for other roles, the one their child lists show, on every row about a child
      // (the message names the child only sometimes).
      child: i.childId === null ? null : showChild ? i.childId : pseudonym(key, la, i.childId),
      message: showChild ? i.message : redactIssueMessage(i, (id) => pseudonym(key, la, id)),
      namesChild: i.childId !== null,
      affects: affectedFigures(i, catalogue)
        .map((x) => titleTextUnder(x, settings))
        .join('; '),
    }));
  return { rows, named: rows.filter((r) => r.namesChild).length, identifiable: showChild };
}

/**
 * A validation report whose rows name children is a child-level view (report.md §9: the child-level list "is
 * identifiable or pseudonymised by role … Every view and export goes to an append-only audit log"), for
 * every role that sees it, not only those shown child ids. Reading taken: a pseudonymised role's report
 * (an analyst's: `redactIssueMessage`) still lists children one row each, by the same pseudonym as its
 * audited child-level lists, beside the file and line of the child's record in the extract the LA loaded;
 * pseudonymised data about a child is still personal data, and the pseudonymised child list is audited, so
 * this view is too (`identifiable: false`), as the manager's is (`identifiable: true`). Audited as the
 * child list is: the signed-in user, the LA, the dataset version (null for a refused upload, which made
 * none), list `validation`, the rows shown about a child; never a child id, pseudonym or message. Nothing is
 * written when no row shown is about a child (nothing child-level was shown). There is no CSV or JSON download
 * of the report: the data page and the upload result are its only views.
 */
async function auditIssueView(
  c: Context<AppEnv>,
  la: string,
  datasetVersion: string | null,
  shown: { readonly named: number; readonly identifiable: boolean },
): Promise<void> {
  if (shown.named === 0) return;
  await auditChildLevel(c, 'child-level-view', la, {
    indicator: null,
    period: null,
    datasetVersion,
    rows: shown.named,
    list: 'validation',
    identifiable: shown.identifiable,
  });
}

function summarise(issues: readonly ValidationIssue[]) {
  const by = { structural: 0, error: 0, warning: 0, query: 0 };
  for (const i of issues) by[i.severity]++;
  return by;
}

const counted = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * A validation report's issues in words, each count with its own noun: "0 errors, 1 warning, 2 queries";
 * `upload` words an upload's result, refusals first ("1 problem refusing the import, 0 errors (rows not
 * loaded), 3 warnings and 0 queries").
 * @example issueSummaryText({ structural: 0, error: 1, warning: 29, query: 0 }, false) //=> '1 error, 29 warnings, 0 queries'
 */
export function issueSummaryText(by: ReturnType<typeof summarise>, upload: boolean): string {
  const warnings = counted(by.warning, 'warning', 'warnings');
  const queries = counted(by.query, 'query', 'queries');
  if (!upload) return `${counted(by.error, 'error', 'errors')}, ${warnings}, ${queries}`;
  const refusals = counted(by.structural, 'problem refusing the import', 'problems refusing the import');
  return `${refusals}, ${counted(by.error, 'error', 'errors')} (rows not loaded), ${warnings} and ${queries}.`;
}

/**
 * The warnings and queries of a version that its per-file row counts do not hold: the dataset checks
 * across files and tables (a child id in no return, a placement postcode not in postcodes.csv) run after
 * each file is read, so the table's Warnings and Queries columns leave them out. Null when there are none.
 * @example acrossFilesText({ warning: 29, query: 0 }, [{ warnings: 0, queries: 0 }]) //=> 'The checks across files and tables found 29 more warnings, …'
 */
export function acrossFilesText(
  by: { readonly warning: number; readonly query: number },
  counts: readonly { readonly warnings: number; readonly queries: number }[],
): string | null {
  const warnings = by.warning - counts.reduce((a, r) => a + r.warnings, 0);
  const queries = by.query - counts.reduce((a, r) => a + r.queries, 0);
  if (warnings <= 0 && queries <= 0) return null;
  const found = [
    warnings > 0 ? counted(warnings, 'warning', 'warnings') : null,
    queries > 0 ? counted(queries, 'query', 'queries') : null,
  ]
    .filter(Boolean)
    .join(' and ');
  return `The Warnings and Queries columns count what was found reading each file. The checks across files and tables, run once every file is read, found ${found} more: they are in the validation report below.`;
}

/** Data page: dataset versions, validation reports and uploads through the import path (report.md §9). */
export function dataRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/data', requirePermission('data:view'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const versions = await c.var.deps.services.datasets(la.code);
    return c.html(page(c, 'data.njk', { title: 'Data', laName: la.name, la, versions }));
  });

  app.get('/data/versions/:id', requirePermission('data:view'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const id = c.req.param('id');
    const versions = await c.var.deps.services.datasets(la.code);
    const version = versions.find((v) => v.id === id);
    const issues = await c.var.deps.services.validationIssues(la.code, id);
    if (!version || !issues) return notFound(c, `There is no dataset version "${id}".`);
    const compareId = c.req.query('compare');
    const other = compareId ? versions.find((v) => v.id === compareId && v.id !== id) : undefined;
    if (compareId && !other)
      return notFound(c, `There is no other dataset version "${compareId}" to compare.`);
    const shown = issueRows(c, la.code, issues, await c.var.deps.services.settings(la.code));
    const bySeverity = summarise(issues);
    await auditIssueView(c, la.code, id, shown);
    return c.html(
      page(c, 'dataset.njk', {
        title: `Dataset version ${id}`,
        laName: la.name,
        la,
        version,
        compareItems: versions
          .filter((v) => v.id !== id)
          .map((v) => ({
            value: v.id,
            text: `${v.id} (loaded ${v.createdAt.slice(0, 10)})`,
            selected: v === other,
          })),
        other: other ?? null,
        comparison: other ? compareVersions(version, other) : null,
        issues: shown.rows,
        issueTotal: issues.length,
        summaryText: issueSummaryText(bySeverity, false),
        acrossFiles: acrossFilesText(bySeverity, version.counts),
      }),
    );
  });

  app.post('/data/upload', requirePermission('data:upload'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const body = await c.req.parseBody({ all: true });
    const raw = body['files'];
    const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(
      (f): f is File => typeof f !== 'string' && f.size > 0,
    );
    const user = c.var.user!;
    if (list.length === 0) {
      const versions = await c.var.deps.services.datasets(la.code);
      c.status(400);
      return c.html(
        page(c, 'data.njk', {
          title: 'Data',
          errorTitlePrefix: true,
          laName: la.name,
          la,
          versions,
          uploadError: 'Select at least one file to upload',
        }),
      );
    }
    const files: UploadedFile[] = [];
    for (const f of list)
      files.push({ name: f.name.replace(/^.*[\\/]/, ''), bytes: new Uint8Array(await f.arrayBuffer()) });
    let outcome: ImportOutcome;
    try {
      outcome = await c.var.deps.services.importFiles(la.code, files, user.username);
    } catch (err) {
      console.error(`S-INTERNAL upload: ${loggableError(err)}`);
      outcome = {
        refused: true,
        datasetId: null,
        counts: [],
        issues: [
          structuralIssue(
            'S-INTERNAL',
            null,
            null,
            'An unexpected error stopped the import; nothing was loaded. Tell your administrator.',
          ),
        ],
      };
    }
    const summary = summarise(outcome.issues);
    await appendAudit(c.var.deps.db, {
      actor: user.username,
      ip: c.var.ip,
      action: 'data-upload',
      la: la.code,
      detail: dataUploadDetail({
        files: files.map((f) => ({ name: f.name, bytes: f.bytes.length })),
        refused: outcome.refused,
        datasetVersion: outcome.datasetId,
        issues: outcome.issues,
      }),
    });
    const shown = issueRows(
      c,
      la.code,
      outcome.issues,
      await c.var.deps.services.settings(la.code),
      new Set(outcome.skippedFiles ?? []),
    );
    await auditIssueView(c, la.code, outcome.datasetId, shown);
    c.status(outcome.refused ? 422 : 200);
    return c.html(
      page(c, 'upload-result.njk', {
        title: outcome.refused ? 'The files were not imported' : 'Files imported',
        errorTitlePrefix: outcome.refused,
        laName: la.name,
        la,
        outcome,
        fileNames: files.map((f) => f.name),
        issues: shown.rows,
        issueTotal: outcome.issues.length,
        summaryText: issueSummaryText(summary, true),
        errorList: outcome.refused
          ? outcome.issues
              .filter((i) => i.severity === 'structural')
              .slice(0, 10)
              .map((i) => ({ text: `${i.file ?? 'Upload'}: ${i.message}`, href: '#issues' }))
          : [],
      }),
    );
  });

  return app;
}
