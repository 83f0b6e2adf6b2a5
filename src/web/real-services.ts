import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Period,
  parsePeriod,
  previousPeriod,
  quarterContaining,
  trailingQuarters,
} from '../calendar/period.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { headlineBasis, runIndicator } from '../indicators/engine/run-indicator.js';
import { headlineFigures } from '../indicators/engine/compute-report.js';
import { buildIndicatorInput } from '../indicators/input.js';
import { INDICATORS, indicatorById } from '../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { FileInfo } from '../ingest/staged.js';
import type { LaDataset } from '../model/la-dataset.js';
import type { Database } from '../store/database.js';
import { getDatasetVersion, listDatasetVersions } from '../store/dataset-versions.js';
import { importDataset } from '../store/import-dataset.js';
import { withSkippedFilesNoted } from '../store/stored-row-errors.js';
import { loadDatasetVersion } from '../store/load-dataset.js';
import { laIsolationEnabled, withLaScope } from '../hub/la-isolation.js';
import type { RowCount, ValidationIssue } from '../validate/issue.js';
import { laName } from './la-names.js';
import { CURRENT_FRESH_MS, currentVersionsCache } from './current-versions.js';
import { type FrozenMember, freezeMembers } from '../report/edition/frozen-members.js';
import { membersQuestionsFigures } from '../report/model/members-questions-figures.js';
import { datasetIdentifiers } from '../report/public/dataset-identifiers.js';
import { type RatedReports, ratedReports } from './rated-report.js';
import { LOADER_NOT_RECORDED, datasetLoaders } from './audit/data-upload.js';
import { createLru } from './lru.js';
import type { IndicatorInput, IndicatorSettings } from '../indicators/types.js';
import type {
  DatasetVersion,
  HeadlineFigures,
  ImportOutcome,
  IndicatorInfo,
  LaInfo,
  MemberList,
  UploadedFile,
  WebServices,
} from './services.js';

/**
 * LAs whose datasets the dashboard keeps in memory at once (most recently used). A hub holds ~153 LAs and a
 * large LA's dataset takes hundreds of MB: hub staff moving between LAs must not grow the server without
 * bound. Results already computed stay in the view cache.
 */
const HELD_LAS = 4;

/** Quarters offered on the dashboard, back from the latest complete one. */
const QUARTERS_OFFERED = 8;

interface Loaded {
  readonly id: string;
  readonly hash: string;
  readonly asAt: IsoDate | null;
  readonly data: LaDataset;
  readonly input: IndicatorInput;
}

interface IssueRow {
  code: string;
  severity: ValidationIssue['severity'];
  file: string | null;
  table_name: string | null;
  position: string | null;
  child_id: string | null;
  field: string | null;
  value: string | null;
  dfe_rule: string | null;
  message: string;
}

const toIssue = (r: IssueRow): ValidationIssue => ({
  code: r.code,
  severity: r.severity,
  file: r.file,
  table: r.table_name,
  position: r.position,
  childId: r.child_id,
  field: r.field,
  value: r.value,
  dfeRule: r.dfe_rule,
  message: r.message,
});

/** The latest quarter wholly covered by an extract dated `asAt` (a quarter-end extract counts). */
export function latestQuarter(asAt: IsoDate): Period {
  const q = quarterContaining(asAt);
  return asAt === q.end ? q : previousPeriod(q);
}

/**
 * The real WebServices: datasets and imports from the store, figures and members from the indicator
 * engine (one IndicatorInput per LA's current dataset version, rebuilt when a new version appears), rated
 * by the engine against the LA's stored targets.
 * @example const services = createStoreServices(await openDatabase(url))
 */
export function createStoreServices(
  db: Database,
  opts: { now?: () => Date; freshMs?: number; heldLas?: number; settings?: IndicatorSettings } = {},
): WebServices {
  const now = opts.now ?? (() => new Date());
  // The LA's indicator settings (`cspi serve --settings`): figures, drafts, editions and the public view's
  // small-number rule (`suppression.k`) all follow them.
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const loaded = new Map<string, Promise<Loaded | null>>();
  const memos = new Map<string, RatedReports>();
  const headlines = createLru<HeadlineFigures>(64);
  const current = currentVersionsCache(db, opts.freshMs ?? CURRENT_FRESH_MS);
  const currentId = async (la: string): Promise<string | null> => (await current.get()).get(la)?.id ?? null;

  // On a hub (`cspi hub init`), child-level reads run in the LA's row-level-security scope: a query that
  // forgot its LA, or an id that pointed at another LA's rows, still sees only this LA's (src/hub/la-isolation.ts).
  // Fail closed: on a hub where the LA's login role may not be created or logged in as, the read is refused
  // (LaIsolationUnavailable, naming the roles and the fix), never run unscoped; the check is made again at
  // the next read, so the dashboard reads again once it is fixed.
  let isolation: Promise<boolean> | null = null;
  const asLa = async <T>(la: string, fn: (tx: Database) => Promise<T>): Promise<T> => {
    const scoped = (isolation ??= laIsolationEnabled(db));
    scoped.catch(() => {
      if (isolation === scoped) isolation = null;
    });
    return (await scoped) ? withLaScope(db, la, fn) : fn(db);
  };

  async function load(la: string): Promise<Loaded | null> {
    const id = await currentId(la);
    if (!id) return null;
    const key = `${la}\u0000${id}`;
    let p = loaded.get(key);
    if (p) {
      // Most recently used last: the LA held longest unused is the one let go below.
      loaded.delete(key);
      loaded.set(key, p);
    } else {
      p = (async () => {
        const v = await asLa(la, (tx) => loadDatasetVersion(tx, la, id));
        if (!v) return null;
        return {
          id: v.version.id,
          hash: v.version.contentHash,
          asAt: v.version.extractDate,
          data: v.dataset,
          input: buildIndicatorInput(v.dataset),
        };
      })();
      for (const k of loaded.keys()) if (k.startsWith(`${la}\u0000`)) loaded.delete(k);
      loaded.set(key, p);
      p.catch(() => loaded.delete(key));
      while (loaded.size > (opts.heldLas ?? HELD_LAS)) loaded.delete(loaded.keys().next().value as string);
    }
    return p;
  }

  const services: WebServices = {
    async las(): Promise<LaInfo[]> {
      return [...(await current.get()).values()].map((v) => ({
        code: v.la,
        name: v.name ?? laName(v.la) ?? `Local authority ${v.la}`,
      }));
    },

    async periods(la) {
      const v = (await current.get()).get(la);
      if (!v) return [];
      const asAt = (
        v.extractDate ? String(v.extractDate).slice(0, 10) : now().toISOString().slice(0, 10)
      ) as IsoDate;
      return trailingQuarters(latestQuarter(asAt), QUARTERS_OFFERED)
        .map((p) => p.id)
        .reverse();
    },

    catalogue(): readonly IndicatorInfo[] {
      return INDICATORS;
    },

    async settings() {
      return settings;
    },

    async scorecard(la, periodId, targets) {
      const d = await load(la);
      if (!d) return null;
      const key = `${la}\u0000${periodId}\u0000${d.id}`;
      let memo = memos.get(key);
      if (!memo) {
        memo = ratedReports(INDICATORS);
        memos.set(key, memo);
        while (memos.size > 64) memos.delete(memos.keys().next().value as string);
      }
      return memo.report({
        input: d.input,
        period: parsePeriod(periodId),
        settings,
        targets,
        dataset: { id: d.id, hash: d.hash, asAt: d.asAt },
      });
    },

    async headlineFigures(la, periodId) {
      const d = await load(la);
      if (!d) return null;
      const key = `${la}\u0000${periodId}\u0000${d.id}`;
      let h = headlines.get(key);
      if (!h) {
        h = {
          indicators: headlineFigures(
            { input: d.input, period: parsePeriod(periodId), settings },
            INDICATORS,
          ),
          settings,
        };
        headlines.set(key, h);
      }
      return h;
    },

    async members(la, periodId, id): Promise<MemberList | null> {
      const def = indicatorById(id);
      const d = await load(la);
      if (!def || !d) return null;
      const c = runIndicator(def, d.input, parsePeriod(periodId), headlineBasis(def, settings), settings);
      const ids = new Set(c.members.map((m) => m.childId));
      const children = new Map<string, { dob: IsoDate | null; sex: string | null }>();
      for (const ch of d.data.children)
        if (ids.has(ch.childId)) children.set(ch.childId, { dob: ch.dob, sex: ch.sex });
      return {
        la,
        period: periodId,
        indicatorId: id,
        title: def.titleUnder?.(settings) ?? def.title,
        datasetId: d.id,
        members: c.members,
        children,
      };
    },

    async reportExtras(la, periodId) {
      const d = await load(la);
      if (!d) return null;
      const period = parsePeriod(periodId);
      const members: Record<string, FrozenMember[]> = {};
      for (const def of INDICATORS) {
        members[def.id] = freezeMembers(
          runIndicator(def, d.input, period, headlineBasis(def, settings), settings).members,
        );
      }
      return {
        membersQuestions: membersQuestionsFigures(d.input, period, settings, INDICATORS),
        members,
        identifiers: datasetIdentifiers(d.data),
      };
    },

    currentDatasetId: currentId,

    async datasets(la): Promise<DatasetVersion[]> {
      const versions = await listDatasetVersions(db, la);
      const imports = await db.all<{ id: string; files_json: string; counts_json: string }>(
        'SELECT id, files_json, counts_json FROM imports WHERE la = ?',
        [la],
      );
      const byImport = new Map(imports.map((i) => [i.id, i]));
      const loaders = await datasetLoaders(db, la);
      return versions.map((v) => {
        const imp = v.importId ? byImport.get(v.importId) : undefined;
        return {
          id: v.id,
          la: v.la,
          createdAt: v.createdAt,
          createdBy: loaders.get(v.id) ?? LOADER_NOT_RECORDED,
          asAt: v.extractDate,
          current: v.current,
          files: imp ? (JSON.parse(imp.files_json) as FileInfo[]) : [],
          counts: imp ? (JSON.parse(imp.counts_json) as RowCount[]) : [],
          issueCounts: {
            error: v.validation.error + v.checks.error,
            warning: v.validation.warning + v.checks.warning,
            query: v.validation.query + v.checks.query,
          },
        };
      });
    },

    async validationIssues(la, datasetId) {
      return asLa(la, async (tx) => {
        const v = await getDatasetVersion(tx, la, datasetId);
        if (!v) return null;
        const cols = 'code, severity, file, table_name, position, child_id, field, value, dfe_rule, message';
        const imported = v.importId
          ? await tx.all<IssueRow>(`SELECT ${cols} FROM validation_issues WHERE import_id = ? ORDER BY seq`, [
              v.importId,
            ])
          : [];
        const checks = await tx.all<IssueRow>(
          `SELECT ${cols} FROM dataset_checks WHERE dataset_id = ? ORDER BY seq`,
          [datasetId],
        );
        return [...imported, ...checks].map(toIssue);
      });
    },

    async importFiles(la, files: readonly UploadedFile[]): Promise<ImportOutcome> {
      const dir = await mkdtemp(join(tmpdir(), 'cspi-upload-'));
      try {
        const used = new Set<string>();
        for (const f of files) {
          let name = f.name.replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^\.+/, '') || 'upload';
          while (used.has(name)) name = `1-${name}`;
          used.add(name);
          await writeFile(join(dir, name), f.bytes);
        }
        const ingest = await readInputs([dir], { la, laGivenBy: "this Data page's LA" });
        const out = await importDataset(db, ingest, { la, now });
        current.clear();
        if (out.kind === 'refused') {
          return {
            refused: true,
            datasetId: null,
            issues: ingest.refused ? ingest.issues : out.issues,
            counts: ingest.counts,
          };
        }
        // A row error in a file skipped as already loaded says whether the stored copy holds the row.
        const issues = await withSkippedFilesNoted(db, ingest.issues, out);
        return {
          refused: false,
          datasetId: out.datasetId,
          issues: out.kind === 'imported' ? [...issues, ...out.checks] : issues,
          counts: ingest.counts,
          skippedFiles: out.skippedSubmissions.flatMap((s) => s.files.map((f) => f.name)),
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
  return services;
}
