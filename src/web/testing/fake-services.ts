import { createHash } from 'node:crypto';
import { type IsoDate, addDays } from '../../calendar/iso-date.js';
import { parsePeriod, previousPeriod, samePeriodLastYear, trailingQuarters } from '../../calendar/period.js';
import type {
  ComparisonFigure,
  IndicatorDefinition,
  IndicatorReport,
  IndicatorResult,
  IndicatorSettings,
  Member,
} from '../../indicators/types.js';
import { DEFAULT_SETTINGS } from '../../indicators/settings.js';
import type { ValidationIssue } from '../../validate/issue.js';
import { percentTenths } from '../figures/rating.js';
import { rateFigure } from '../../indicators/engine/rate-figure.js';
import { directionOfTravel } from '../../indicators/engine/direction.js';
import { percentPoints, wilson } from '../../indicators/engine/wilson.js';
import { resolveTarget, type TargetSet } from '../../indicators/targets.js';
import type {
  DatasetVersion,
  ImportOutcome,
  IndicatorInfo,
  MemberList,
  UploadedFile,
  WebServices,
} from '../services.js';
import { FAKE_CATALOGUE } from './fake-catalogue.js';

/** A deterministic pseudo-random number in [0, 1) from a string. */
function rand(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** A figure's 95% Wilson interval in percentage points to one decimal place, as the engine gives it. */
function ci95(f: ComparisonFigure): [number, number] | null {
  const ci = f.denominator && f.numerator !== null ? wilson(f.numerator, f.denominator) : null;
  return ci ? percentPoints(ci) : null;
}

interface Raw {
  x: number;
  n: number | null;
  status: IndicatorResult['status'];
}

/** Headline figures a test fixes for the latest quarter, by indicator id (numerator, denominator). */
type FixedFigures = Readonly<Record<string, { readonly x: number; readonly n: number | null }>>;

/** Figures the fake invents for one indicator and quarter (or a test fixed). */
function raw(la: string, info: IndicatorInfo, period: string, fixed: FixedFigures = {}, latest = ''): Raw {
  const f = period === latest ? fixed[info.id] : undefined;
  if (f) return { x: f.x, n: f.n, status: 'ok' };
  if (info.id === 'cic-placed-20-miles') return { x: 0, n: null, status: 'not-available' };
  if (info.unit === 'count') {
    const base = info.id === 'cic-count' ? 270 : 14;
    return { x: Math.round(base * (0.9 + 0.2 * rand(`${la}|${info.id}|${period}`))), n: null, status: 'ok' };
  }
  const n =
    info.id === 'referrals-decided-1wd'
      ? 500 + Math.round(40 * rand(`${la}|n|${period}`))
      : info.id === 'icpc-15wd'
        ? 4
        : 40 + Math.round(160 * rand(`${la}|${info.id}|n|${period}`));
  const aim = info.target?.value ?? info.england?.value ?? 50;
  const wobble = (rand(`${la}|${info.id}|${period}`) - 0.5) * (info.polarity === 'lower' ? 10 : 24);
  const p = Math.min(100, Math.max(0, aim + wobble)) / 100;
  return { x: Math.round(p * n), n, status: 'ok' };
}

function figure(
  la: string,
  info: IndicatorInfo,
  period: string,
  fixed?: FixedFigures,
  latest?: string,
): ComparisonFigure {
  const r = raw(la, info, period, fixed, latest);
  const value = r.status !== 'ok' ? null : r.n === null ? r.x : percentTenths(r.x, r.n);
  return { period, value, numerator: r.status === 'ok' ? r.x : null, denominator: r.n, status: r.status };
}

/** One indicator's fake figures, rated by the engine's own rules against the LA's targets. */
function result(
  la: string,
  info: IndicatorInfo,
  periodId: string,
  targets: TargetSet | null,
  fixed: FixedFigures,
): IndicatorResult {
  const period = parsePeriod(periodId);
  const now = figure(la, info, periodId, fixed, periodId);
  const previous = figure(la, info, previousPeriod(period).id);
  const lastYear = figure(la, info, samePeriodLastYear(period).id);
  const trend = trailingQuarters(period, 8).map((q) => figure(la, info, q.id));
  const resolved = resolveTarget({ id: info.id, target: info.target } as IndicatorDefinition, targets);
  const comparator = info.directionComparator === 'last-year' ? lastYear : previous;
  const status: IndicatorResult['status'] =
    now.status === 'ok' && now.denominator === 0 ? 'no-eligible-cases' : now.status;
  return {
    id: info.id,
    title: info.title,
    unit: info.unit,
    polarity: info.polarity,
    basis: info.basis,
    serviceArea: info.serviceArea,
    value: now.value,
    numerator: now.numerator,
    denominator: now.denominator,
    ci95: ci95(now),
    target: resolved.target,
    targetKind: resolved.kind,
    tolerance: resolved.tolerance,
    rag:
      status === 'ok'
        ? rateFigure(
            {
              unit: info.unit,
              polarity: info.polarity,
              value: now.value,
              numerator: now.numerator,
              denominator: now.denominator,
              lastYear: lastYear.status === 'ok' ? lastYear : null,
            },
            resolved,
          )
        : null,
    direction:
      status === 'ok' && comparator.status === 'ok'
        ? directionOfTravel(info.unit, info.polarity, comparator, now)
        : null,
    previous,
    lastYear,
    trend,
    england: info.england,
    ...(resolved.bounds ? { bounds: resolved.bounds } : {}),
    ...(resolved.inLineBand !== null ? { inLineBand: resolved.inLineBand } : {}),
    comparators: {},
    status,
    notes: status === 'not-available' ? [{ code: 'missingTable', detail: 'postcodes' }] : [],
    breakdowns:
      info.unit === 'percent' && now.denominator
        ? {
            sex: [
              { key: 'F', label: 'Female', numerator: 0, denominator: 0, value: null },
              { key: 'M', label: 'Male', numerator: 0, denominator: 0, value: null },
            ].map((b, i) => {
              const den =
                i === 0 ? Math.floor((now.denominator ?? 0) / 2) : Math.ceil((now.denominator ?? 0) / 2);
              const num =
                i === 0 ? Math.floor((now.numerator ?? 0) / 2) : Math.ceil((now.numerator ?? 0) / 2);
              return { ...b, numerator: num, denominator: den, value: percentTenths(num, den) };
            }),
          }
        : {},
    extra: {},
    ...(status === 'not-available' ? {} : {}),
  };
}

/** Options for the fake (tests change the data they need). */
export interface FakeOptions {
  readonly las?: readonly { code: string; name: string }[];
  readonly latest?: string;
  /** Headline figures of the latest quarter fixed by a test, by indicator id. */
  readonly figures?: FixedFigures;
  /** The LA's indicator settings the reports carry (default: the defaults), e.g. `suppression.k`. */
  readonly settings?: IndicatorSettings;
}

/**
 * In-memory WebServices with invented but consistent figures for tests and the browser suite: an LA
 * `841` (Darlington) with eight quarters, child-level members behind every figure, one dataset version,
 * uploads that accept `*.csv` files with a header and refuse anything else. Ratings follow the engine's
 * `resolveTarget` and `rateFigure`.
 */
export function createFakeServices(opts: FakeOptions = {}): WebServices & { importCount: number } {
  const las = opts.las ?? [{ code: '841', name: 'Darlington' }];
  const latest = opts.latest ?? '2021-22-Q3';
  const periods = trailingQuarters(parsePeriod(latest), 8)
    .map((p) => p.id)
    .reverse();
  const datasets = new Map<string, DatasetVersion[]>(
    las.map((l) => [
      l.code,
      [
        {
          id: `${l.code}-v1`,
          la: l.code,
          createdAt: '2022-01-14T09:30:00.000Z',
          createdBy: 'analyst',
          asAt: '2021-12-31' as IsoDate,
          current: true,
          files: [
            {
              name: 'cin-2021-22.xml',
              path: 'cin-2021-22.xml',
              size: 1_204_311,
              sha256: 'a'.repeat(64),
              format: 'cin-xml',
              tables: ['cin-details'],
            },
            {
              name: 'episodes.csv',
              path: 'episodes.csv',
              size: 88_120,
              sha256: 'b'.repeat(64),
              format: 'ssda903-csv',
              tables: ['episodes'],
            },
          ],
          counts: [
            {
              file: 'cin-2021-22.xml',
              table: 'referrals',
              read: 1480,
              loaded: 1473,
              rejected: 7,
              warnings: 12,
              queries: 3,
            },
            {
              file: 'episodes.csv',
              table: 'episodes',
              read: 904,
              loaded: 904,
              rejected: 0,
              warnings: 2,
              queries: 0,
            },
          ],
          issueCounts: { error: 7, warning: 14, query: 3 },
        },
      ],
    ]),
  );
  const issues: ValidationIssue[] = [
    {
      code: 'CIN-ASMT-AUTH',
      severity: 'error',
      file: 'cin-2021-22.xml',
      table: 'assessments',
      position: '/Message/Children/Child[37]/CINdetails[2]/Assessments[1] line 881',
      childId: null,
      field: 'AssessmentAuthorisationDate',
      value: '2021-13-01',
      dfeRule: '8869',
      message: 'AssessmentAuthorisationDate "2021-13-01" is not a date: write it as YYYY-MM-DD',
    },
  ];
  const fake = {
    importCount: 0,
    async las() {
      return las;
    },
    async periods(la: string) {
      return las.some((l) => l.code === la) ? periods : [];
    },
    catalogue() {
      return FAKE_CATALOGUE;
    },
    async settings() {
      return opts.settings ?? DEFAULT_SETTINGS;
    },
    async scorecard(
      la: string,
      period: string,
      targets: TargetSet | null = null,
    ): Promise<IndicatorReport | null> {
      if (!las.some((l) => l.code === la) || !periods.includes(period)) return null;
      const p = parsePeriod(period);
      return {
        la,
        period: { id: p.id, start: p.start, end: p.end },
        dataset: { id: datasets.get(la)![0].id, hash: 'f'.repeat(64), asAt: '2021-12-31' as IsoDate },
        settings: opts.settings ?? DEFAULT_SETTINGS,
        indicators: FAKE_CATALOGUE.map((info) =>
          result(la, info, period, targets, period === latest ? (opts.figures ?? {}) : {}),
        ),
      };
    },
    async members(la: string, period: string, id: string): Promise<MemberList | null> {
      const info = FAKE_CATALOGUE.find((i) => i.id === id);
      if (!info || !las.some((l) => l.code === la) || !periods.includes(period)) return null;
      const r = raw(la, info, period, opts.figures, latest);
      if (r.status !== 'ok') return null;
      const p = parsePeriod(period);
      const total = r.n ?? r.x;
      const members: Member[] = [];
      const children = new Map<string, { dob: IsoDate | null; sex: string | null }>();
      for (let i = 0; i < total; i++) {
        const childId = `C${String(1000 + ((i * 7919) % 9000)).padStart(5, '0')}`;
        const start = addDays(p.start, Math.floor(rand(`${id}|${period}|${i}`) * 80));
        const inNumerator = r.n === null || i < r.x;
        const days = inNumerator ? 1 + (i % 10) : 20 + (i % 15);
        members.push({
          childId,
          recordIds: [`R${i + 1}`],
          dates: { start, decided: addDays(start, days) },
          inNumerator,
          reason: inNumerator ? `Met: ${days} days` : `Not met: ${days} days`,
        });
        children.set(childId, { dob: addDays('2010-01-01' as IsoDate, i * 13), sex: i % 2 ? 'F' : 'M' });
      }
      return {
        la,
        period,
        indicatorId: id,
        title: info.title,
        datasetId: datasets.get(la)![0].id,
        members,
        children,
      };
    },
    async currentDatasetId(la: string) {
      return datasets.get(la)?.find((d) => d.current)?.id ?? null;
    },
    async datasets(la: string) {
      return datasets.get(la) ?? [];
    },
    async validationIssues(la: string, datasetId: string) {
      return (datasets.get(la) ?? []).some((d) => d.id === datasetId) ? issues : null;
    },
    async importFiles(la: string, files: readonly UploadedFile[], by: string): Promise<ImportOutcome> {
      const bad = files.filter(
        (f) => !f.name.endsWith('.csv') || !new TextDecoder().decode(f.bytes).includes(','),
      );
      if (bad.length > 0) {
        return {
          refused: true,
          datasetId: null,
          counts: [],
          issues: bad.map((f) => ({
            code: 'S-FORMAT',
            severity: 'structural',
            file: f.name,
            table: null,
            position: 'line 1',
            childId: null,
            field: null,
            value: null,
            dfeRule: null,
            message: `${f.name} is not a file cspi can read: expected an SSDA903 or local extract CSV with a header row`,
          })),
        };
      }
      fake.importCount++;
      const list = datasets.get(la) ?? [];
      const id = `${la}-v${list.length + 1}`;
      const version: DatasetVersion = {
        ...list[0],
        id,
        createdAt: new Date().toISOString(),
        createdBy: by,
        current: true,
      };
      datasets.set(la, [version, ...list.map((d) => ({ ...d, current: false }))]);
      return { refused: false, datasetId: id, issues: [], counts: version.counts };
    },
  };
  return fake;
}
