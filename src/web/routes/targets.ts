import { Hono } from 'hono';
import type { Context } from 'hono';
import { financialYearId, parsePeriod } from '../../calendar/period.js';
import { boundsText } from '../../indicators/targets.js';
import type { AppEnv } from '../env.js';
import { formatTargetNumber, SERVICE_AREA_LABELS } from '../figures/format.js';
import { notFound, requirePermission } from '../middleware/guards.js';
import { page } from '../pages.js';
import type { IndicatorInfo, LaInfo } from '../services.js';
import { setTarget, type TargetSetting, targetsFor } from '../targets/target-store.js';
import { forgetFresh } from '../fresh-read.js';
import { resolveLaOnly, targetsKey } from './scope.js';
import { titleTextUnder } from '../../indicators/definition-under.js';

/**
 * The financial years whose targets may be set, newest first: each year with figures, and the year after
 * the newest, so a committee can agree next year's targets at the year end, before its first quarter's data
 * (report.md §9 targets "for each indicator and financial year"). `shown` is the year the page opens on: the
 * newest with figures.
 * @example // figures for 2020-21 and 2021-22 => { years: ['2022-23', '2021-22', '2020-21'], shown: '2021-22' }
 */
async function yearsFor(c: Context<AppEnv>, la: string): Promise<{ years: string[]; shown: string | null }> {
  const periods = await c.var.deps.services.periods(la);
  const withFigures = [...new Set(periods.map((p) => parsePeriod(p).financialYear))];
  const newest = withFigures[0];
  if (newest === undefined) return { years: [], shown: null };
  return { years: [financialYearId(Number(newest.slice(0, 4)) + 1), ...withFigures], shown: newest };
}

/** How each rating scheme reads on the targets page. */
export const SCHEME_LABELS: Readonly<Record<TargetSetting['scheme'], string>> = {
  'target-tolerance': 'Target and tolerance',
  thresholds: 'Amber and red bounds',
  'improvement-aware': 'Target and tolerance, improvement-aware',
  none: 'Not rated',
};

function describe(info: IndicatorInfo, t: TargetSetting | undefined) {
  const unit = info.unit;
  if (t) {
    if (t.scheme === 'none' || t.target === null)
      return { target: 'Not rated', tolerance: '–', kind: '–', scheme: SCHEME_LABELS.none };
    const inLine = t.inLineBand === null ? '' : `; in line within ${t.inLineBand} points`;
    return {
      scheme: SCHEME_LABELS[t.scheme],
      target: formatTargetNumber(unit, t.target),
      tolerance:
        (t.bounds
          ? boundsText(t.bounds, info.polarity, (n) => formatTargetNumber(unit, n))
          : t.tolerance === null
            ? '10% of target'
            : t.toleranceUnit === 'points'
              ? `${t.tolerance} points`
              : `${t.tolerance}% of target`) + inLine,
      kind: t.kind === 'local' ? 'Local' : 'National',
    };
  }
  if (!info.target || info.polarity === 'none')
    return { target: 'No target', tolerance: '–', kind: '–', scheme: SCHEME_LABELS.none };
  return {
    scheme: SCHEME_LABELS['target-tolerance'],
    target: formatTargetNumber(unit, info.target.value),
    tolerance: '10% of target',
    kind: info.target.kind === 'local' ? 'Local' : 'National',
  };
}

interface FormValues {
  target: string;
  tolerance: string;
  toleranceUnit: string;
  kind: string;
  scheme: string;
  amber: string;
  red: string;
  inLine: string;
  rationale: string;
}

function validate(
  info: IndicatorInfo,
  v: FormValues,
): { errors: { text: string; href: string }[]; fields: Record<string, string> } {
  const errors: { text: string; href: string }[] = [];
  const fields: Record<string, string> = {};
  const add = (field: string, text: string) => {
    errors.push({ text, href: `#${field}` });
    fields[field] = text;
  };
  if (v.scheme !== 'none') {
    const t = Number(v.target);
    if (v.target.trim() === '') add('target', 'Enter a target');
    else if (!Number.isFinite(t)) add('target', 'Target must be a number, like 90 or 17.5');
    else if (info.unit === 'percent' && (t < 0 || t > 100)) add('target', 'Target must be between 0 and 100');
    else if (t < 0) add('target', 'Target must be 0 or more');
    if (v.scheme === 'thresholds') {
      if (v.tolerance.trim() !== '')
        add('tolerance', 'Leave the tolerance empty: the amber and red bounds replace it');
      const amber = bound(info, v.amber, 'amber', add);
      const red = bound(info, v.red, 'red', add);
      if (amber !== null && red !== null) {
        if (info.polarity === 'higher' && red > amber)
          add('red', 'The red bound must be at or below the amber bound, as good is higher');
        if (info.polarity === 'lower' && red < amber)
          add('red', 'The red bound must be at or above the amber bound, as good is lower');
      }
    } else {
      if (v.tolerance.trim() !== '') {
        const tol = Number(v.tolerance);
        if (!Number.isFinite(tol) || tol < 0)
          add('tolerance', 'Tolerance must be a number, 0 or more, like 5');
      }
      if (v.amber.trim() !== '' || v.red.trim() !== '')
        add('amber', 'Leave the amber and red bounds empty, or choose to rate against them');
    }
    if (v.inLine.trim() !== '') {
      const band = Number(v.inLine);
      if (info.unit === 'count')
        add('inLine', 'Leave this empty: a count is in line with its target only when it equals it');
      else if (!Number.isFinite(band) || band < 0)
        add('inLine', 'The in-line band must be a number of points, 0 or more, like 1');
    }
  }
  if (v.rationale.trim().length < 5) add('rationale', 'Enter why this target was chosen');
  else if (v.rationale.length > 2000) add('rationale', 'Rationale must be 2,000 characters or fewer');
  return { errors, fields };
}

/** A bound of the thresholds scheme from the form, or null (with the error added). */
function bound(
  info: IndicatorInfo,
  text: string,
  field: 'amber' | 'red',
  add: (field: string, text: string) => void,
): number | null {
  const name = field === 'amber' ? 'Amber bound' : 'Red bound';
  const n = Number(text);
  if (text.trim() === '') add(field, `Enter the ${name.toLowerCase()}`);
  else if (!Number.isFinite(n) || n < 0) add(field, `${name} must be a number, 0 or more, like 80`);
  else if (info.unit === 'percent' && n > 100) add(field, `${name} must be between 0 and 100`);
  else return n;
  return null;
}

/** Targets page: set target, tolerance, scheme, national/local status and rationale per year (audited). */
export function targetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/targets', requirePermission('targets:view'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const { years, shown } = await yearsFor(c, la.code);
    const year = c.req.query('year') && years.includes(c.req.query('year')!) ? c.req.query('year')! : shown;
    if (!year) return notFound(c, 'No figures have been computed yet.');
    const set = await targetsFor(c.var.deps.db, la.code, year);
    const catalogue = c.var.deps.services.catalogue();
    // Titles under the LA's settings, as its scorecard names them (CP visits every 15 working days say 15).
    const settings = await c.var.deps.services.settings(la.code);
    const updated = c.req.query('updated');
    const updatedInfo = updated ? catalogue.find((i) => i.id === updated) : undefined;
    return c.html(
      page(c, 'targets.njk', {
        title: 'Targets',
        laName: la.name,
        la,
        year,
        yearItems: years.map((y) => ({ value: y, text: y.replace('-', '/'), selected: y === year })),
        updated: updatedInfo ? titleTextUnder(updatedInfo, settings) : null,
        rows: catalogue.map((info) => {
          const t = set.find((s) => s.indicatorId === info.id);
          return {
            id: info.id,
            title: titleTextUnder(info, settings),
            area: SERVICE_AREA_LABELS[info.serviceArea],
            polarity: info.polarity,
            ...describe(info, t),
            rationale: t?.rationale ?? (info.target ? 'Catalogue default' : ''),
            setBy: t?.setBy ?? null,
            setAt: t?.setAt ?? null,
          };
        }),
      }),
    );
  });

  const form = async (
    c: Context<AppEnv>,
    la: LaInfo,
    info: IndicatorInfo,
    year: string,
    values: FormValues,
    errors?: ReturnType<typeof validate>,
  ) => {
    const indicatorTitle = titleTextUnder(info, await c.var.deps.services.settings(la.code));
    return page(c, 'target-edit.njk', {
      title: `Change target: ${indicatorTitle}`,
      indicatorTitle,
      errorTitlePrefix: Boolean(errors?.errors.length),
      laName: la.name,
      la,
      info,
      year,
      yearLabel: year.replace('-', '/'),
      values,
      errors: errors?.errors ?? [],
      fieldErrors: errors?.fields ?? {},
      unitLabel: info.unit === 'percent' ? '%' : '',
    });
  };

  app.get('/targets/:id', requirePermission('targets:edit'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const info = c.var.deps.services.catalogue().find((i) => i.id === c.req.param('id'));
    const { years, shown } = await yearsFor(c, la.code);
    const year = c.req.query('year') ?? shown;
    if (!info || !year || !years.includes(year)) return notFound(c);
    const t = (await targetsFor(c.var.deps.db, la.code, year)).find((s) => s.indicatorId === info.id);
    const values: FormValues = {
      target: t ? (t.target === null ? '' : String(t.target)) : info.target ? String(info.target.value) : '',
      tolerance: t?.tolerance === null || t?.tolerance === undefined ? '' : String(t.tolerance),
      toleranceUnit: t?.toleranceUnit ?? 'points',
      kind: t?.kind ?? info.target?.kind ?? 'local',
      scheme: t?.scheme ?? (info.target && info.polarity !== 'none' ? 'target-tolerance' : 'none'),
      amber: t?.bounds ? String(t.bounds.amber) : '',
      red: t?.bounds ? String(t.bounds.red) : '',
      inLine: t?.inLineBand === null || t?.inLineBand === undefined ? '' : String(t.inLineBand),
      rationale: '',
    };
    return c.html(await form(c, la, info, year, values));
  });

  app.post('/targets/:id', requirePermission('targets:edit'), async (c) => {
    const la = await resolveLaOnly(c);
    if (la instanceof Response) return la;
    const info = c.var.deps.services.catalogue().find((i) => i.id === c.req.param('id'));
    const body = await c.req.parseBody();
    const year = String(body['year'] ?? '');
    const { years } = await yearsFor(c, la.code);
    if (!info || !years.includes(year)) return notFound(c);
    const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const values: FormValues = {
      target: s('target'),
      tolerance: s('tolerance'),
      toleranceUnit: s('toleranceUnit') === 'percent-of-target' ? 'percent-of-target' : 'points',
      kind: s('kind') === 'national' ? 'national' : 'local',
      scheme:
        info.polarity === 'none' || s('scheme') === 'none'
          ? 'none'
          : s('scheme') === 'improvement-aware' || s('scheme') === 'thresholds'
            ? s('scheme')
            : 'target-tolerance',
      amber: s('amber'),
      red: s('red'),
      inLine: s('inLine'),
      rationale: s('rationale'),
    };
    const checked = validate(info, values);
    if (checked.errors.length > 0) {
      c.status(400);
      return c.html(await form(c, la, info, year, values, checked));
    }
    const user = c.var.user!;
    await setTarget(
      c.var.deps.db,
      {
        la: la.code,
        indicatorId: info.id,
        financialYear: year,
        target: values.scheme === 'none' ? null : Number(values.target),
        tolerance:
          values.scheme === 'none' || values.scheme === 'thresholds' || values.tolerance.trim() === ''
            ? null
            : Number(values.tolerance),
        toleranceUnit: values.toleranceUnit as TargetSetting['toleranceUnit'],
        kind: values.kind as TargetSetting['kind'],
        scheme: values.scheme as TargetSetting['scheme'],
        bounds:
          values.scheme === 'thresholds' ? { amber: Number(values.amber), red: Number(values.red) } : null,
        inLineBand: values.scheme === 'none' || values.inLine.trim() === '' ? null : Number(values.inLine),
        rationale: values.rationale.trim(),
        setBy: user.username,
        setAt: c.var.deps.now().toISOString(),
      },
      c.var.ip,
    );
    forgetFresh(c.var.deps.views, targetsKey(la.code, year));
    return c.redirect(`/targets?${new URLSearchParams({ la: la.code, year, updated: info.id })}`, 303);
  });

  return app;
}
