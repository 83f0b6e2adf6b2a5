import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { parsePeriod } from '../../calendar/period.js';
import { type LaDataset, emptyDataset } from '../../model/la-dataset.js';
import type { SourceRef, TableName } from '../../model/source.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import type { ComparisonFigure, IndicatorDefinition, IndicatorInput, IndicatorSettings } from '../types.js';
import { computeReport } from './compute-report.js';
import { computeIndicatorResult, type ReportRequest } from './indicator-result.js';

/** One computation the snapshot pins: a period under some settings. */
export interface SnapshotCase {
  readonly name: string;
  readonly period: string;
  readonly settings: IndicatorSettings;
}

/** What a snapshot holds for one indicator in one case. */
export interface IndicatorFigures {
  /** `period status numerator/denominator value` of the headline, previous, last year and each trend quarter. */
  readonly figures: readonly string[];
  /** sha256 of the rest of the result (interval, RAG, direction, notes, breakdowns, extra figures, …). */
  readonly detail: string;
  /** sha256 of the headline members (child ids, records, dates, reasons). */
  readonly members: string;
}

/** A case's figures by indicator id. */
export type CaseFigures = Readonly<Record<string, IndicatorFigures>>;

/** A stored snapshot: the dataset it was computed from (its fingerprint) and every case's figures. */
export interface FiguresSnapshot {
  readonly dataset: string;
  readonly cases: Readonly<Record<string, CaseFigures>>;
}

const VARIANTS: IndicatorSettings = {
  workingDays: 'inclusive',
  excludeUasc: true,
  basis: {
    'cp-visits-10wd': 'ytd',
    'cic-visits-in-time': 'ytd',
    'cic-reviews-in-time': 'ytd',
  },
  variants: {
    'cpVisits.interval': 15,
    'cpVisits.seenAlone': true,
    'cicVisits.seenAlone': true,
    'health.completion': 'byPeriodEnd',
    'dental.completion': 'onTime',
    'assessment.anchor': 'referral',
    'icpc.anchor': 'strategy',
    'repeat.window': '730days',
    'rereferral.window': '365days',
    'screening.cohortBy': 'received',
    'distance.threshold': 'gte',
  },
};

const COHORTS: IndicatorSettings = {
  ...DEFAULT_SETTINGS,
  variants: {
    'health.cohort': 'oc2',
    'dental.cohort': 'oc2',
    'careLeavers.cohort': 'oc3',
    cpDuration: 'elapsed',
  },
};

/**
 * The cases pinned for a dataset whose data run to `lastQuarter`: that quarter and the year end before it
 * under the default settings, the quarter before under every variant setting, the year end under the
 * cohort variants.
 * @example snapshotCases('2022-23-Q3', '2021-22-Q4').map((c) => c.name) //=> ['2022-23-Q3', '2021-22-Q4', '2022-23-Q2 variants', '2021-22-Q4 cohorts']
 */
export function snapshotCases(lastQuarter: string, yearEnd: string, variantQuarter: string): SnapshotCase[] {
  return [
    { name: lastQuarter, period: lastQuarter, settings: DEFAULT_SETTINGS },
    { name: yearEnd, period: yearEnd, settings: DEFAULT_SETTINGS },
    { name: `${variantQuarter} variants`, period: variantQuarter, settings: VARIANTS },
    { name: `${yearEnd} cohorts`, period: yearEnd, settings: COHORTS },
  ];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A dataset's fingerprint: sha256 of its records as JSON (sets as sorted lists), so a snapshot can tell
 * a changed fixture from changed figures.
 */
export function datasetFingerprint(data: LaDataset): string {
  // Empty tables and sets are left out, so a table the model gains later (empty here) does not move it.
  const json = JSON.stringify(data, (_k, v: unknown) => {
    const w = v instanceof Set ? [...v].sort() : v;
    return Array.isArray(w) && w.length === 0 ? undefined : w;
  });
  return sha256(json);
}

/**
 * Every figure of every case: each indicator's headline, previous, last-year and trend figures from
 * `computeReport` as text, a digest of the rest of its result, and a digest of its headline members.
 */
export function figuresSnapshot(
  input: IndicatorInput,
  cases: readonly SnapshotCase[],
  definitions: readonly IndicatorDefinition[],
): FiguresSnapshot {
  const out: Record<string, CaseFigures> = {};
  for (const c of cases) {
    const req: ReportRequest = {
      input,
      period: parsePeriod(c.period),
      settings: c.settings,
      targets: null,
      dataset: { id: 'snapshot', hash: 'snapshot', asAt: input.data.asAt.cin },
    };
    const report = computeReport(req, definitions);
    const byId: Record<string, IndicatorFigures> = {};
    for (const [i, def] of definitions.entries()) {
      const r = report.indicators[i]!;
      const line = (f: ComparisonFigure): string =>
        `${f.period} ${f.status} ${f.numerator}/${f.denominator} ${f.value}`;
      const { previous, lastYear, trend, ...rest } = r;
      byId[def.id] = {
        figures: [
          line({ ...r, period: report.period.id }),
          ...(previous ? [line(previous)] : []),
          ...(lastYear ? [line(lastYear)] : []),
          ...trend.map(line),
        ],
        detail: sha256(JSON.stringify(rest)),
        members: sha256(JSON.stringify(computeIndicatorResult(def, req).current.members)),
      };
    }
    out[c.name] = byId;
  }
  return { dataset: datasetFingerprint(input.data), cases: out };
}

const FIXTURE_SOURCE: SourceRef = { file: 'fixture', position: '' };

/**
 * A dataset stored as gzipped JSON (records without their source references, `tables` as a list) back
 * to an `LaDataset`, every record's source set to `fixture`.
 */
export function datasetFromFixture(gz: Buffer): LaDataset {
  const raw = JSON.parse(gunzipSync(gz).toString('utf8')) as Record<string, unknown>;
  // Tables the model gained after the fixture was written start empty (the fixture predates them).
  const out: Record<string, unknown> = {
    ...emptyDataset(String(raw['la'])),
    ...raw,
    tables: new Set(raw['tables'] as TableName[]),
  };
  for (const [k, v] of Object.entries(raw)) {
    if (!Array.isArray(v) || k === 'tables') continue;
    out[k] = v.map((r: Record<string, unknown>) =>
      k === 'children'
        ? { ...r, sources: [FIXTURE_SOURCE] }
        : k === 'postcodes' || k === 'population'
          ? r
          : { ...r, source: FIXTURE_SOURCE },
    );
  }
  return out as unknown as LaDataset;
}

/** An `LaDataset` as fixture text (gzip it to store): records without sources, `tables` as a sorted list. */
export function datasetToFixture(data: LaDataset): string {
  return JSON.stringify(data, (k, v: unknown) =>
    k === 'source' || k === 'sources' ? undefined : v instanceof Set ? [...v].sort() : v,
  );
}

/** A snapshot as stored: one line per indicator and case, so a changed figure shows as a one-line diff. */
export function snapshotText(s: FiguresSnapshot): string {
  const cases = Object.entries(s.cases).map(
    ([name, byId]) =>
      `  ${JSON.stringify(name)}: {\n${Object.entries(byId)
        .map(([id, f]) => `   ${JSON.stringify(id)}: ${JSON.stringify(f)}`)
        .join(',\n')}\n  }`,
  );
  return `{\n "dataset": ${JSON.stringify(s.dataset)},\n "cases": {\n${cases.join(',\n')}\n }\n}\n`;
}
