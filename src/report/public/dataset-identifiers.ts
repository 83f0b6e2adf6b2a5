import type { IsoDate } from '../../calendar/iso-date.js';
import type { LaDataset } from '../../model/la-dataset.js';
import type { FrozenMembers } from '../edition/frozen-members.js';

/**
 * The child-level identifiers of the dataset a report was computed from, which no public output may print
 * (report.md §6 "Never in the public version: child rows, identifiers, names, dates of birth, postcodes,
 * worker names"), as the publication check looks them up: one Set lookup per token of the output.
 * Identifiers and words are upper-cased; nothing here is ever logged.
 */
export interface DatasetIdentifiers {
  /** Child ids and UPN hashes (raw UPNs are never stored, inputs.md §7). */
  readonly children: ReadonlySet<string>;
  /** Children's dates of birth (the child record's and the SSDA903 UASC rows'). */
  readonly dobs: ReadonlySet<IsoDate>;
  /** Children's full postcodes (home, placement), without the space: "DL11AA". */
  readonly postcodes: ReadonlySet<string>;
  /** The sectors of those postcodes, outward code, one space and the inward digit: "DL1 1". */
  readonly sectors: ReadonlySet<string>;
  /** Worker ids, registration numbers and names, each as its words joined by one space: "W8410001", "JANE SMITH". */
  readonly workers: ReadonlySet<string>;
  /** The numbers of words of the entries in `workers`, for the lookup of names of several words. */
  readonly workerWords: ReadonlySet<number>;
  /** The dataset's own dates, which the report prints as its extract dates: the sources' as-at dates. */
  readonly datasetDates: ReadonlySet<IsoDate>;
}

/** No identifiers: the publication check's rules on figures only. */
export const NO_IDENTIFIERS: DatasetIdentifiers = {
  children: new Set(),
  dobs: new Set(),
  postcodes: new Set(),
  sectors: new Set(),
  workers: new Set(),
  workerWords: new Set(),
  datasetDates: new Set(),
};

/**
 * The words of a text as the publication check reads them: runs of letters and digits, joined through a
 * single "-", "_", "/" or "." ("DAR-000123", "2021-22-Q3", "31/12/2021", "92.1"), so an identifier is found
 * only as a whole token: "1000547" is not in "1,000,547" or "c1000547x", "1000" is not in "1,000".
 */
export const TOKEN = /[A-Za-z0-9]+(?:[-_/.][A-Za-z0-9]+)*/g;

/** The words of a value, upper-cased, joined by one space ("o'brien" → "O BRIEN"). */
export function wordsOf(s: string): string {
  return (s.toUpperCase().match(TOKEN) ?? []).join(' ');
}

/**
 * Identifiers shorter than this are not looked for: they cannot be told from the report's own codes and
 * numbers ("C2", "N1", "E11", "8 quarters"). Real LA child and worker ids are longer.
 */
export const MIN_IDENTIFIER_LENGTH = 4;

/**
 * Worker cells that are not a worker (Annex A "Allocated Worker" as written): "Unallocated", "Not
 * allocated", "Awaiting allocation", "Vacant", "Agency worker", "N/A", "TBC", "Unknown", and a team or
 * service ("Duty team", "Assessment Team 1", "Front Door Hub"), which a team breakdown may print.
 */
const NOT_A_WORKER =
  /^(?:UNALLOCATED|UNASSIGNED|UNKNOWN|NOT|NO|NONE|N\/?A|NIL|VACANT|AWAITING|PENDING|TBC|TBA|AGENCY|SOCIAL|WORKER|CLOSED)\b|\b(?:TEAM|DUTY|SERVICE|HUB|UNIT)\b/;

/**
 * A worker entry worth looking for, as words (`wordsOf`), or null: a single word only when it holds a digit
 * (an id, "W8410001", "SW12345"; a lone surname cannot be told from prose) and is long enough; a name of
 * two to four words unless it is a placeholder (`NOT_A_WORKER`).
 */
export function workerEntry(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const w = wordsOf(raw);
  const n = w === '' ? 0 : w.split(' ').length;
  if (n === 1) return /\d/.test(w) && w.length >= MIN_IDENTIFIER_LENGTH ? w : null;
  if (n < 2 || n > 4 || NOT_A_WORKER.test(w)) return null;
  return w;
}

const OUTWARD = '[A-Z]{1,2}\\d[A-Z\\d]?';
const FULL_POSTCODE = new RegExp(`^(${OUTWARD}) ?(\\d)([A-Z]{2})$`);
const SECTOR = new RegExp(`^(${OUTWARD}) (\\d)$`);

/** Adds a stored postcode (full or sector, any case and spacing) to the sets it belongs in. */
function addPostcode(raw: string | null | undefined, full: Set<string>, sectors: Set<string>): void {
  if (!raw) return;
  const p = raw.toUpperCase().trim().replace(/\s+/g, ' ');
  const f = FULL_POSTCODE.exec(p);
  if (f) {
    full.add(`${f[1]}${f[2]}${f[3]}`);
    sectors.add(`${f[1]} ${f[2]}`);
    return;
  }
  const s = SECTOR.exec(p);
  if (s) sectors.add(`${s[1]} ${s[2]}`);
}

/** Adds a child identifier long enough to be told from the report's own codes. */
function addChild(raw: string | null | undefined, to: Set<string>): void {
  if (!raw) return;
  const id = raw.trim().toUpperCase();
  if (id.length >= MIN_IDENTIFIER_LENGTH) to.add(id);
}

/**
 * The identifiers a public output must not print, from the dataset the report was computed from: every
 * child id (the child records' and any table row's) and UPN hash; dates of birth; the children's home and
 * placement postcodes (SSDA903 HOME_POST, PL_POST, Annex A placement postcode), full and sector; the
 * workers' ids, Social Work England registrations, SSDA903 SW_IDs and Annex A allocated workers as
 * written, less any team's name. The ONS postcode reference table is not the children's and is not read.
 * @example datasetIdentifiers(data).children.has('1000547') //=> true
 */
export function datasetIdentifiers(data: LaDataset): DatasetIdentifiers {
  const children = new Set<string>();
  const dobs = new Set<IsoDate>();
  const postcodes = new Set<string>();
  const sectors = new Set<string>();
  const workers = new Set<string>();
  const datasetDates = new Set<IsoDate>();
  for (const c of data.children) {
    addChild(c.childId, children);
    addChild(c.upnHash, children);
    if (c.dob) dobs.add(c.dob);
  }
  for (const u of data.uasc) if (u.dob) dobs.add(u.dob);
  for (const value of Object.values(data)) {
    if (!Array.isArray(value)) continue;
    for (const row of value as unknown[]) {
      const id = (row as { childId?: unknown } | null)?.childId;
      if (typeof id === 'string') addChild(id, children);
    }
  }
  for (const e of data.episodes) {
    addPostcode(e.homePost, postcodes, sectors);
    addPostcode(e.plPost, postcodes, sectors);
  }
  for (const a of data.annexACic) addPostcode(a.placementPostcode, postcodes, sectors);
  const worker = (raw: string | null | undefined): void => {
    const w = workerEntry(raw);
    if (w) workers.add(w);
  };
  for (const a of data.allocations) worker(a.workerId);
  for (const w of data.workers) {
    worker(w.workerId);
    worker(w.sweRegistration);
  }
  for (const s of data.swEpisodes) worker(s.swId);
  for (const a of data.annexACic) worker(a.worker);
  for (const a of data.annexACp) worker(a.worker);
  // A team's name is no worker's, even where a worker cell holds one (team breakdowns may print it).
  for (const t of [...data.allocations, ...data.annexACic, ...data.annexACp]) {
    if (t.team) workers.delete(wordsOf(t.team));
  }
  for (const d of [data.asAt.cin, data.asAt.ssda903, ...Object.values(data.asAt.local)]) {
    if (d) datasetDates.add(d);
  }
  for (const a of [...data.annexACic, ...data.annexACp]) datasetDates.add(a.asAt);
  return {
    children,
    dobs,
    postcodes,
    sectors,
    workers,
    workerWords: new Set([...workers].map((w) => w.split(' ').length)),
    datasetDates,
  };
}

/**
 * The child ids of an edition's frozen members, when the dataset itself is not at hand (the dashboard's
 * fakes, an edition whose dataset version is gone): the children behind every figure.
 * @example identifiersOfMembers({ 'cp-repeat': [{ childId: '1000547', inNumerator: true, recordIds: [], dates: '' }] }).children //=> Set { '1000547' }
 */
export function identifiersOfMembers(members: FrozenMembers | undefined): DatasetIdentifiers {
  const children = new Set<string>();
  for (const list of Object.values(members ?? {})) for (const m of list) addChild(m.childId, children);
  return { ...NO_IDENTIFIERS, children };
}
