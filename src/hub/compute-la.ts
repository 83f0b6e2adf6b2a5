import type { Period } from '../calendar/period.js';
import { computeReport } from '../indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../indicators/input.js';
import { INDICATORS } from '../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';
import type { IndicatorReport, IndicatorSettings } from '../indicators/types.js';
import type { LaDataset } from '../model/la-dataset.js';
import type { Database } from '../store/database.js';
import type { DatasetVersion } from '../store/dataset-versions.js';
import { loadFiguresDataset } from '../store/load-dataset.js';
import { saveIndicatorReport } from './indicator-results.js';
import type { AuditEntry } from '../web/audit/audit-log.js';

/** What computing one LA's period produced (counts only: jobs log no child-level data). */
export interface LaComputeOutcome {
  readonly la: string;
  readonly period: string;
  readonly datasetId: string;
  readonly indicators: number;
  /** Of them, those with a value (none when the period is outside the LA's data: all not available). */
  readonly withAValue: number;
}

/**
 * Who a hub job computed an LA's figures for, for its audit entry ({@link laComputedEntry}): the job's actor
 * (`hub compute (jsmith)`, or `hub import (jsmith)` for an import job's `--compute`) and whether the
 * computation came with an import.
 */
export interface LaComputeAudit {
  readonly actor: string;
  readonly withImport: boolean;
}

/**
 * The audit entry of one LA's figures computed and stored on the hub (`hub-compute-la`), so that someone
 * reading the log for the LA (its own admin reads only its LA's entries) sees when its figures were computed,
 * on which dataset version and by whom: the actor, the LA, the period, the dataset version, how many
 * indicators and how many of them with a value. Counts only: never a figure or a child. `cspi hub compute`
 * also writes one entry for the run (`hub-compute`: the period, how many LAs queued and skipped), which
 * stays: it records what was asked for, even of LAs whose job never ran.
 * @example laComputedEntry(outcome, { actor: 'hub compute (jsmith)', withImport: false }).detail //=> { period: '2021-22-Q3', datasetVersion: '841-v2', indicators: 24, withAValue: 22, withImport: false }
 */
export function laComputedEntry(
  outcome: LaComputeOutcome,
  audit: LaComputeAudit,
): Omit<AuditEntry, 'id' | 'at'> {
  return {
    actor: audit.actor,
    ip: null,
    action: 'hub-compute-la',
    la: outcome.la,
    detail: {
      period: outcome.period,
      datasetVersion: outcome.datasetId,
      indicators: outcome.indicators,
      withAValue: outcome.withAValue,
      withImport: audit.withImport,
    },
  };
}

/**
 * Computes every indicator for one LA and period from the LA's current dataset version and stores the
 * headline figures (`indicator_results`: value, numerator, denominator, interval, RAG and direction; no
 * trend, breakdowns or members), replacing any earlier figures of that version: the unit of work a hub
 * worker takes from the queue. With `audit` (a hub job's), the figures' audit entry ({@link laComputedEntry})
 * is written in the transaction that stores them. Returns null when the LA has no dataset.
 */
export async function computeAndStoreLa(
  db: Database,
  la: string,
  period: Period,
  settings: IndicatorSettings = DEFAULT_SETTINGS,
  now: () => string = () => new Date().toISOString(),
  audit?: LaComputeAudit,
): Promise<LaComputeOutcome | null> {
  // The headline figures need no record's source reference, nor the checks: the lighter load.
  // Imported before an upgrade that changed the merge, the version is assembled once and kept so again.
  const loaded = await loadFiguresDataset(db, la, { keepAssembled: true });
  if (!loaded) return null;
  return storeLaFigures(db, loaded.version, loaded.dataset, period, settings, now, audit);
}

/**
 * {@link computeAndStoreLa} for a version whose dataset is already in memory (a hub import job that has just
 * assembled it): the same figures, and the same audit entry, without loading the version again.
 */
export async function storeLaFigures(
  db: Database,
  version: DatasetVersion,
  dataset: LaDataset,
  period: Period,
  settings: IndicatorSettings = DEFAULT_SETTINGS,
  now: () => string = () => new Date().toISOString(),
  audit?: LaComputeAudit,
): Promise<LaComputeOutcome> {
  const report: IndicatorReport = computeReport(
    {
      input: buildIndicatorInput(dataset),
      period,
      settings,
      targets: null,
      dataset: { id: version.id, hash: version.contentHash, asAt: version.extractDate },
      // Benchmarks between LAs read the headline figures only (each LA's report computes its own trend
      // and breakdowns): a third of the work of a full report.
      figuresOnly: true,
    },
    INDICATORS,
  );
  const outcome: LaComputeOutcome = {
    la: version.la,
    period: period.id,
    datasetId: version.id,
    indicators: report.indicators.length,
    withAValue: report.indicators.filter((r) => r.value !== null).length,
  };
  await saveIndicatorReport(db, report, now(), audit && laComputedEntry(outcome, audit));
  return outcome;
}
