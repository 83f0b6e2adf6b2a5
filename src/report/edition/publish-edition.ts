import { createHash } from 'node:crypto';
import { INDICATORS } from '../../indicators/registry.js';
import type { IndicatorReport } from '../../indicators/types.js';
import type { Database } from '../../store/database.js';
import { isDuplicateKey } from '../../store/store-error.js';
import type { Commentary } from '../commentary/commentary.js';
import { type CommentaryRecord, commentaryHistory } from '../commentary/commentary-store.js';
import type { HubBenchmarks } from '../model/hub-benchmarks.js';
import type { MembersQuestionsFigures } from '../model/members-questions-figures.js';
import type { NarrativeText } from '../model/render-model.js';
import { defaultReportOptions } from '../model/report-options.js';
import { type Breach, rescanPublicOutputs } from '../public/rescan.js';
import { type DatasetIdentifiers, identifiersOfMembers } from '../public/dataset-identifiers.js';
import { suppressionRuleOf } from '../public/suppression-rule.js';
import type { DatasetSource } from '../model/report-options.js';
import { renderCsv, renderJson } from '../render/csv.js';
import { renderDocx } from '../render/docx.js';
import { renderHtml } from '../render/html.js';
import type { OutputFormat } from '../render/render-output.js';
import type { EarlierRestatement } from './earlier-restatements.js';
import type { Restatement } from './restatement.js';
import { editionModel } from './edition-model.js';
import { documentKey, outputKey, saveEditionDocuments, saveEditionOutputs } from './edition-outputs.js';
import { type EditionRecord, loadEdition, saveEdition } from './edition-store.js';
import type { FrozenMembers } from './frozen-members.js';
import { SOFTWARE_VERSION } from './software-version.js';

/** What to freeze: the figures and everything else an edition holds beyond them (report.md §8). */
export interface PublishRequest {
  /** The IndicatorReport: every figure, RAG, direction, targets, tolerances, settings, dataset version. */
  readonly report: IndicatorReport;
  /**
   * Who published: the signed-in user on the dashboard, `command line (OS user)` from `cspi publish` (the
   * actor each names in its `report-publish` audit entry); null only in editions published before the CLI
   * said who.
   */
  readonly by: string | null;
  readonly now: Date;
  readonly commentary: Commentary;
  /**
   * Every stored edit of the period's commentary, newest first, as read and checked for staleness before
   * publishing (the dashboard's, and `cspi publish` without `--commentary`); absent when the commentary
   * comes from a file. When given, the edition is written only if the store still holds exactly these
   * edits (report.md §5 "Editing", §8): see {@link publishEdition}.
   */
  readonly commentaryHistory?: readonly CommentaryRecord[] | undefined;
  /** Committee details; defaults as a draft's. */
  readonly details?: {
    readonly laName?: string;
    readonly committee?: string;
    readonly meetingDate?: string | null;
    readonly authorLine?: string;
  };
  readonly membersQuestions?: MembersQuestionsFigures | undefined;
  /** The children in each numerator and denominator: frozen, never rendered. */
  readonly members?: FrozenMembers | undefined;
  readonly snKey?: string | null | undefined;
  /**
   * The period's figures restated since its latest edition, when it is published again (as the draft showed
   * them: `restatementsFor`, or the dashboard draft's `restatements`); without them a second edition of a
   * period would say no figure of it had been published before.
   */
  readonly restatements?: readonly Restatement[] | undefined;
  readonly earlierRestatements?: readonly EarlierRestatement[] | undefined;
  readonly hubBenchmarks?: HubBenchmarks | null | undefined;
  /** Appendix D's import and extract date per source (`storeComparisons`). */
  readonly datasetSources?: readonly DatasetSource[] | undefined;
  /**
   * The child-level identifiers of the dataset computed from (`datasetIdentifiers`), which the public
   * outputs must not print; without them, the child ids of `members`.
   */
  readonly identifiers?: DatasetIdentifiers | undefined;
}

/** What publishing gave: the new edition, or why nothing was written. */
export type PublishOutcome =
  | { readonly ok: true; readonly edition: EditionRecord }
  | { readonly ok: false; readonly code: 'PUB-CHECK'; readonly breaches: readonly Breach[] }
  | { readonly ok: false; readonly code: 'CFG-SUPPRESSION'; readonly message: string }
  | { readonly ok: false; readonly code: 'COMMENTARY-CHANGED'; readonly message: string };

const sha256 = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

/**
 * Publishes a period as an immutable edition in `editions` (report.md §8), the one function behind
 * `cspi publish` and the dashboard's Publish button. It freezes the IndicatorReport, definition versions,
 * committee details, the suppression rule (from the settings' `suppression.k` and `suppression.complement`)
 * and in-line band, commentary and its history (report.md §8), the final narrative, Appendix B's figures, the children behind each figure,
 * the period's own restatements against its previous edition (when published again), the earlier-period restatements and hub benchmarks shown, the software version and the SHA-256 of the
 * public and full HTML, CSV, JSON and DOCX, rendered by {@link editionModel}; those eight documents
 * themselves are kept (`edition_outputs`, and `edition_documents` for the DOCX), in the same transaction as
 * the edition's row, so `cspi report --edition` and the dashboard serve them byte for byte whatever the
 * software installed later (`editionOutput`, `editionDocument`).
 * The public outputs are rescanned first (report.md §6, `rescanPublicOutputs`): the HTML, CSV, JSON and
 * DOCX, and so the PDF, which is printed from that HTML, for small figures and for the dataset's child-level
 * identifiers (`req.identifiers`, else the members' child ids); any breach refuses publication, nothing written.
 *
 * The commentary frozen is `req.commentary`, which the caller read and checked for staleness; a save made
 * after that read would be left out of an edition that claims to hold the final text and its history
 * (report.md §5 "Editing", §8), unchecked for staleness and unseen by whoever published. So when
 * `req.commentaryHistory` is given, the store's commentary for the LA and period is read again in the same
 * transaction that writes the edition, and if it holds any edit not in `req.commentaryHistory` nothing is
 * written (`COMMENTARY-CHANGED`, naming the indicators and who saved): the caller publishes again, checking
 * the new text. A save committed after that re-read is simply later than the edition.
 * @example const out = await publishEdition(db, { report, by: 'admin', now: new Date(), commentary: NO_COMMENTARY })
 */
export async function publishEdition(db: Database, req: PublishRequest): Promise<PublishOutcome> {
  // The id is chosen before the edition is rendered (the documents print it) and written at the end: two
  // publishes of one period in the same second can both choose it. The second is then refused by the key
  // and published again, under the next free id.
  for (let attempt = 1; ; attempt++) {
    try {
      return await publishOnce(db, req);
    } catch (e) {
      if (attempt >= PUBLISH_ATTEMPTS || !isDuplicateKey(e)) throw e;
    }
  }
}

/** How many times a publish is tried when another took its edition id meanwhile. */
const PUBLISH_ATTEMPTS = 3;

/** {@link publishEdition}, once, under the first id free when it starts. */
async function publishOnce(db: Database, req: PublishRequest): Promise<PublishOutcome> {
  const { report } = req;
  const rule = suppressionRuleOf(report.settings);
  if (!rule.ok) return { ok: false, code: 'CFG-SUPPRESSION', message: rule.issue.message };
  const publishedAt = req.now.toISOString();
  const stem = `${report.la}-${report.period.id}-${publishedAt.replace(/[-:.TZ]/g, '').slice(0, 14)}`;
  let id = stem;
  for (let n = 2; await loadEdition(db, id); n++) id = `${stem}-${n}`;
  const base = defaultReportOptions({ ...req.details, suppression: rule.rule });
  const record: EditionRecord = {
    id,
    la: report.la,
    period: report.period.id,
    publishedAt,
    publishedBy: req.by,
    datasetId: report.dataset.id,
    datasetHash: report.dataset.hash,
    softwareVersion: SOFTWARE_VERSION,
    frozen: {
      report,
      definitionVersions: Object.fromEntries(INDICATORS.map((d) => [d.id, d.definitionVersion])),
      options: {
        public: false,
        committee: base.committee,
        meetingDate: base.meetingDate,
        authorLine: base.authorLine,
        laName: base.laName,
        suppression: base.suppression,
        inLineBand: base.inLineBand,
      },
      commentary: req.commentary,
      ...(req.commentaryHistory?.length ? { commentaryHistory: req.commentaryHistory } : {}),
      // Filled from the full version's model below.
      narrative: { performingWell: [], areasForFocus: [], unpublished: [], annual: null },
      ...(req.membersQuestions ? { membersQuestions: req.membersQuestions } : {}),
      ...(req.snKey ? { snKey: req.snKey } : {}),
      ...(req.members ? { members: req.members } : {}),
      ...(req.restatements?.length ? { restatements: req.restatements } : {}),
      ...(req.earlierRestatements?.length ? { earlierRestatements: req.earlierRestatements } : {}),
      ...(req.hubBenchmarks ? { hubBenchmarks: req.hubBenchmarks } : {}),
      ...(req.datasetSources?.length ? { datasetSources: req.datasetSources } : {}),
    },
    outputHashes: {},
  };
  const hashes: Record<string, string> = {};
  const documents = new Map<string, string>();
  const wordDocuments = new Map<'public' | 'full', Buffer>();
  let narrative: NarrativeText | null = null;
  for (const pub of [true, false]) {
    const model = editionModel(record, pub);
    const html = renderHtml(model);
    const csv = renderCsv(model);
    const json = renderJson(model);
    const docx = await renderDocx(model);
    if (pub) {
      const outputs = new Map<OutputFormat, Buffer | string>([
        ['html', html],
        ['csv', csv],
        ['json', json],
        ['docx', docx],
      ]);
      const breaches = await rescanPublicOutputs(
        model,
        outputs,
        rule.rule,
        req.identifiers ?? identifiersOfMembers(req.members),
      );
      if (breaches.length > 0) return { ok: false, code: 'PUB-CHECK', breaches };
    }
    const tag = pub ? 'public' : 'full';
    hashes[`${tag}.html`] = sha256(html);
    hashes[`${tag}.csv`] = sha256(csv);
    hashes[`${tag}.json`] = sha256(json);
    documents.set(outputKey(tag, 'html'), html);
    documents.set(outputKey(tag, 'csv'), csv);
    documents.set(outputKey(tag, 'json'), json);
    hashes[documentKey(tag)] = sha256(docx);
    wordDocuments.set(tag, docx);
    if (!pub) narrative = model.narrative;
  }
  const edition: EditionRecord = {
    ...record,
    frozen: { ...record.frozen, narrative: narrative! },
    outputHashes: hashes,
  };
  return db.transaction(async (tx): Promise<PublishOutcome> => {
    if (req.commentaryHistory) {
      const now = await commentaryHistory(tx, report.la, report.period.id);
      const unseen = commentarySavedSince(req.commentaryHistory, now);
      if (unseen.length > 0)
        return { ok: false, code: 'COMMENTARY-CHANGED', message: commentaryChangedProblem(unseen, report) };
    }
    await saveEdition(tx, edition);
    await saveEditionOutputs(tx, edition.id, documents);
    await saveEditionDocuments(tx, edition.id, wordDocuments);
    return { ok: true, edition };
  });
}

/**
 * The commentary edits in the store now that were not among those read and checked, newest first.
 * @example commentarySavedSince(checked, [...newer, ...checked]) //=> newer
 */
export function commentarySavedSince(
  checked: readonly CommentaryRecord[],
  now: readonly CommentaryRecord[],
): CommentaryRecord[] {
  const seen = new Set(checked.map((r) => r.id));
  return now.filter((r) => !seen.has(r.id));
}

/**
 * Why an edition was not written when commentary was saved while publishing, naming the indicators by
 * title and who saved; the dashboard and `cspi publish` add what to do.
 * @example commentaryChangedProblem(saves, report) //=> 'The commentary on Number of Children in Care was changed (by jo) while the report was being published, so it was not checked.'
 */
export function commentaryChangedProblem(
  saves: readonly CommentaryRecord[],
  report: IndicatorReport,
): string {
  const ids = [...new Set(saves.map((r) => r.indicatorId))];
  const titles = ids.map((id) => report.indicators.find((r) => r.id === id)?.title ?? id);
  const who = [...new Set(saves.map((r) => r.writtenBy))];
  return `The commentary on ${titles.join('; ')} was changed (by ${who.join(', ')}) while the report was being published, so it was not checked.`;
}
