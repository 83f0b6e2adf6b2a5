import { Hono } from 'hono';
import type { Context } from 'hono';
import { parsePeriod, periodLabel } from '../../calendar/period.js';
import type { IndicatorReport, IndicatorResult } from '../../indicators/types.js';
import type { CommentaryEntry } from '../../report/commentary/commentary.js';
import {
  addCommentary,
  commentaryHistory,
  figureUnder,
  staleCommentary,
} from '../../report/commentary/commentary-store.js';
import { parseCommentary } from '../../report/commentary/parse-commentary.js';
import { smallChildCounts } from '../../report/public/rescan.js';
import { DEFAULT_SUPPRESSION } from '../../report/public/suppression.js';
import { suppressionRuleOf } from '../../report/public/suppression-rule.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AppEnv } from '../env.js';
import { notFound, requirePermission } from '../middleware/guards.js';
import { page } from '../pages.js';
import type { IndicatorInfo, LaInfo } from '../services.js';
import { forgetFresh } from '../fresh-read.js';
import { commentaryKey, resolveLaOnly, scopedReport } from './scope.js';

/** The edit form's fields, as typed. */
export interface CommentaryForm {
  text: string;
  mode: string;
  section: string;
  reason: string;
  actionWhat: string;
  actionWho: string;
  actionByWhen: string;
  outsideControl: boolean;
  scorecard: string;
  internal: boolean;
}

/** The commentary form with nothing filled in. */
export const EMPTY_FORM: CommentaryForm = {
  text: '',
  mode: 'follow',
  section: '',
  reason: '',
  actionWhat: '',
  actionWho: '',
  actionByWhen: '',
  outsideControl: false,
  scorecard: '',
  internal: false,
};

const formOf = (e: CommentaryEntry): CommentaryForm => ({
  text: e.text ?? '',
  mode: e.mode,
  section: e.section ?? '',
  reason: e.reason ?? '',
  actionWhat: e.action?.what ?? '',
  actionWho: e.action?.who ?? '',
  actionByWhen: e.action?.byWhen ?? '',
  outsideControl: e.outsideControl,
  scorecard: e.scorecard ?? '',
  internal: e.internal,
});

/** The form field a commentary-file issue names (`<id>.reason: …` → `reason`). */
const FIELD_OF: Readonly<Record<string, string>> = {
  text: 'text',
  mode: 'mode',
  section: 'section',
  reason: 'reason',
  action: 'actionWhat',
};

const MAX_LENGTH = 4000;

/** The form's fields, top to bottom (commentary-edit.njk). */
const FORM_ORDER = [
  'text',
  'mode',
  'section',
  'reason',
  'actionWhat',
  'actionWho',
  'actionByWhen',
  'scorecard',
];

/**
 * The file format's messages as the form words them: what to enter, not the file's field names (GOV.UK
 * error messages; WCAG 3.3.3).
 */
const FORM_WORDING: Readonly<Record<string, string>> = {
  'replace mode needs text': 'Enter the text to print in place of the drafted commentary',
  'give a reason when moving, omitting or replacing text':
    'Enter why the drafted commentary is being moved, left out or replaced',
};

/**
 * Checks the form as a commentary file's entry is checked (`parseCommentary`: a reason when moving,
 * omitting or replacing text; replace needs text; an action needs what, who and by when), and flags a
 * count from 1 to k next to "children" or a similar word, in digits or words (`smallChildCounts`; report.md §5 "Editing", §6) in any text that
 * would reach the public version (everything but an internal entry): the publication check would refuse
 * that paper, so the officer is told here, by the field. Reading of "flagged": the save is refused with
 * the error by the field (GOV.UK error summary); the officer can reword ("fewer than 6 children") or mark
 * the entry internal.
 */
export function checkCommentaryForm(
  id: string,
  f: CommentaryForm,
  k: number,
): {
  entry: CommentaryEntry | null;
  errors: { text: string; href: string }[];
  fields: Record<string, string>;
} {
  const errors: { text: string; href: string }[] = [];
  const fields: Record<string, string> = {};
  const add = (field: string, text: string) => {
    if (fields[field]) return;
    errors.push({ text, href: `#${field}` });
    fields[field] = text;
  };
  const raw: Record<string, unknown> = {
    text: f.text,
    mode: f.mode,
    reason: f.reason,
    outsideControl: f.outsideControl,
    scorecard: f.scorecard,
    internal: f.internal,
  };
  if (f.section) raw['section'] = f.section;
  if (f.actionWhat.trim() || f.actionWho.trim() || f.actionByWhen.trim())
    raw['action'] = { what: f.actionWhat, who: f.actionWho, byWhen: f.actionByWhen };
  for (const k2 of ['text', 'reason', 'actionWhat', 'actionWho', 'actionByWhen', 'scorecard'] as const)
    if (f[k2].length > MAX_LENGTH)
      add(k2, `Keep this to ${MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`);
  // A part-filled action: each missing part named on its own field, in words (WCAG 3.3.1, 3.3.3), in
  // place of the file format's one message ("give what, who and byWhen", on the first field).
  const actionParts = [
    ['actionWhat', 'Enter what will be done'],
    ['actionWho', 'Enter who will do it'],
    ['actionByWhen', 'Enter by when it will be done'],
  ] as const;
  const partAction = raw['action'] !== undefined;
  if (partAction) for (const [k2, text] of actionParts) if (!f[k2].trim()) add(k2, text);
  const parsed = parseCommentary(JSON.stringify({ indicators: { [id]: raw } }), [id]);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      const m = /^[^.]+\.(\w+): (.*)$/.exec(issue.message);
      if (partAction && m?.[1] === 'action' && /give what, who and byWhen/.test(m[2]!)) continue;
      const field = (m && FIELD_OF[m[1]!]) ?? 'text';
      const text = m ? m[2]! : issue.message;
      add(field, FORM_WORDING[text] ?? text.charAt(0).toUpperCase() + text.slice(1));
    }
  }
  if (!f.internal) {
    for (const k2 of ['text', 'scorecard', 'reason', 'actionWhat', 'actionWho', 'actionByWhen'] as const) {
      for (const c of smallChildCounts(f[k2], k))
        add(
          k2,
          `"${c.text}" would disclose a small number in the public version: write "fewer than ${k + 1} ${c.word}", or mark this commentary internal`,
        );
    }
  }
  // The summary lists the errors in the order of the fields on the page (GOV.UK error summary).
  errors.sort((a, b) => FORM_ORDER.indexOf(a.href.slice(1)) - FORM_ORDER.indexOf(b.href.slice(1)));
  if (errors.length || !parsed.ok) return { entry: null, errors, fields };
  return { entry: parsed.value.entries[id]!, errors, fields };
}

function formValues(body: Record<string, unknown>): CommentaryForm {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  return {
    text: s('text'),
    mode: s('mode') || 'follow',
    section: s('section'),
    reason: s('reason'),
    actionWhat: s('actionWhat'),
    actionWho: s('actionWho'),
    actionByWhen: s('actionByWhen'),
    outsideControl: s('outsideControl') === 'yes',
    scorecard: s('scorecard'),
    internal: s('internal') === 'yes',
  };
}

interface Loaded {
  la: LaInfo;
  period: string;
  info: IndicatorInfo;
  report: IndicatorReport;
  result: IndicatorResult;
  /** The LA's small-number threshold (report.md §6). */
  k: number;
}

async function load(c: Context<AppEnv>, period: string): Promise<Loaded | Response> {
  const la = await resolveLaOnly(c);
  if (la instanceof Response) return la;
  const { services } = c.var.deps;
  const info = services.catalogue().find((i) => i.id === c.req.param('id'));
  if (!info) return notFound(c, `There is no indicator "${c.req.param('id')}".`);
  const periods = await services.periods(la.code);
  if (!periods.includes(period)) return notFound(c, `There are no figures for ${period}.`);
  const report = await scopedReport(c, { la, las: [la], periods, period });
  const result = report?.indicators.find((r) => r.id === info.id);
  if (!report || !result) return notFound(c, `There are no figures for ${period}.`);
  const rule = suppressionRuleOf(report.settings);
  return { la, period, info, report, result, k: (rule.ok ? rule.rule : DEFAULT_SUPPRESSION).k };
}

const indicatorHref = (l: Loaded) =>
  `/indicators/${encodeURIComponent(l.info.id)}?${new URLSearchParams({ la: l.la.code, period: l.period })}`;

/**
 * Commentary editing on the dashboard (report.md §5 "Editing", §9 reports page "draft, edit"): officers
 * who may draft reports (`reports:draft`: analysts, managers, admins; never members) write an indicator's
 * commentary for a quarter with the fields of a commentary file. Each save appends a row to the
 * append-only `commentary` table with who, when and the figure it was written against, and an audit
 * entry, in one transaction; the newest row is what drafts and editions carry, and the indicator page
 * lists the history. When the figure changes the commentary is stale until an officer confirms it
 * (`confirm`), and an edition is not published over stale commentary.
 */
export function commentaryRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const form = (
    c: Context<AppEnv>,
    l: Loaded,
    values: CommentaryForm,
    stale: boolean,
    checked?: ReturnType<typeof checkCommentaryForm>,
  ) =>
    page(c, 'commentary-edit.njk', {
      title: `Commentary: ${l.result.title}`,
      indicatorTitle: l.result.title,
      errorTitlePrefix: Boolean(checked?.errors.length),
      laName: l.la.name,
      la: l.la,
      info: l.info,
      period: l.period,
      periodLabel: periodLabel(parsePeriod(l.period)),
      values,
      stale,
      k: l.k,
      errors: checked?.errors ?? [],
      fieldErrors: checked?.fields ?? {},
      backHref: indicatorHref(l),
      action: `/reports/commentary/${encodeURIComponent(l.info.id)}?${new URLSearchParams({ la: l.la.code })}`,
    });

  app.get('/reports/commentary/:id', requirePermission('reports:draft'), async (c) => {
    const l = await load(c, c.req.query('period') ?? '');
    if (l instanceof Response) return l;
    const history = await commentaryHistory(c.var.deps.db, l.la.code, l.period, l.info.id);
    const values = history[0] ? formOf(history[0].entry) : EMPTY_FORM;
    return c.html(form(c, l, values, staleCommentary(history, l.report).length > 0));
  });

  app.post('/reports/commentary/:id', requirePermission('reports:draft'), async (c) => {
    const body = await c.req.parseBody();
    const l = await load(c, String(body['period'] ?? ''));
    if (l instanceof Response) return l;
    const { db, now } = c.var.deps;
    const user = c.var.user!;
    const history = await commentaryHistory(db, l.la.code, l.period, l.info.id);
    let kind: 'edit' | 'confirm' = 'edit';
    let entry: CommentaryEntry;
    if (body['confirm'] === 'yes') {
      // Confirms the commentary in force against the figure as it is now (report.md §5 "Editing").
      if (!history[0]) return notFound(c, 'There is no commentary to confirm.');
      kind = 'confirm';
      entry = history[0].entry;
    } else {
      const values = formValues(body);
      const checked = checkCommentaryForm(l.info.id, values, l.k);
      if (!checked.entry) {
        c.status(400);
        return c.html(form(c, l, values, staleCommentary(history, l.report).length > 0, checked));
      }
      entry = checked.entry;
    }
    const at = now();
    await db.transaction(async (tx) => {
      const rec = await addCommentary(
        tx,
        {
          la: l.la.code,
          period: l.period,
          indicatorId: l.info.id,
          kind,
          writtenBy: user.username,
          entry,
          figure: figureUnder(l.result),
        },
        at,
      );
      await appendAudit(
        tx,
        {
          actor: user.username,
          ip: c.var.ip,
          action: kind === 'confirm' ? 'commentary-confirm' : 'commentary-edit',
          la: l.la.code,
          detail: {
            indicator: l.info.id,
            period: l.period,
            commentary: rec.id,
            datasetVersion: l.report.dataset.id,
            internal: entry.internal,
            reason: entry.reason,
          },
        },
        at,
      );
    });
    forgetFresh(c.var.deps.views, commentaryKey(l.la.code, l.period));
    return c.redirect(`${indicatorHref(l)}#commentary`, 303);
  });

  return app;
}
