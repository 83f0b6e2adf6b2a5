import { createHmac } from 'node:crypto';
import type { IsoDate } from '../calendar/iso-date.js';
import type { StagedTables } from '../ingest/staged.js';
import { EpisodeTable } from '../ingest/episode-table.js';
import { isRowTable, type RowTable } from '../ingest/row-table.js';
import type { Episode } from '../model/episode.js';
import type { Postcode } from '../model/local.js';
import type { ValidationIssue } from '../validate/issue.js';

/** The LA's pseudonymisation key (inputs.md §7): from `CSPI_LA_SECRET`, never stored, logged or sent. */
export interface PseudonymKey {
  readonly la: string;
  readonly secret: string;
}

/**
 * A child or worker id as HMAC-SHA-256(secret, LA + ":" + id), first 20 hex characters: the same id gives
 * the same pseudonym in every source and year, so linkage survives.
 * @example pseudonymId({ la: '841', secret: 's' }, 'C1') //=> '5c0f…' (20 hex characters)
 */
export function pseudonymId(key: PseudonymKey, id: string): string {
  return createHmac('sha256', key.secret).update(`${key.la}:${id}`).digest('hex').slice(0, 20);
}

/**
 * A date of birth or death reduced to the first of its month.
 * @example firstOfMonth('2010-01-15') //=> '2010-01-01'
 */
export function firstOfMonth(d: IsoDate | null): IsoDate | null {
  return d === null ? null : (`${d.slice(0, 8)}01` as IsoDate);
}

/**
 * A postcode reduced to its sector (outward code + first digit of the inward code).
 * @example postcodeSector('DL1 5AB') //=> 'DL1 5'
 * @example postcodeSector('dl15ab') //=> 'DL1 5'
 */
export function postcodeSector(pc: string | null): string | null {
  if (pc === null) return null;
  const compact = pc.replace(/\s+/g, '').toUpperCase();
  if (compact.length < 5) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3, -2)}`;
}

const WORKER = (key: PseudonymKey, id: string | null): string | null => {
  if (id === null) return null;
  // Keep the SWE "SW" marker: a registered social worker stays recognisable as one.
  return /^SW/i.test(id) ? `SW${pseudonymId(key, id)}` : pseudonymId(key, id);
};

/**
 * Pseudonymises one submission's records for regional-hub use (inputs.md §7): child and worker ids keyed
 * hashes; dates of birth and death to the first of the month; UPNs dropped; postcodes to sectors after
 * PL_DISTANCE is derived from the full postcodes (when the import holds the postcode directory); event
 * dates unchanged.
 * @example pseudonymiseTables(tables, { la: '841', secret }, postcodes).episodes[0].homePost //=> 'DL1 5'
 */
export function pseudonymiseTables(
  t: StagedTables,
  key: PseudonymKey,
  postcodes: readonly Postcode[] = [],
): StagedTables {
  const cid = (id: string): string => pseudonymId(key, id);
  const out: StagedTables = {};
  const lookup = new Map(postcodes.map((p) => [p.pcd.replace(/\s+/g, '').toUpperCase(), p]));
  for (const [k, table] of Object.entries(t) as [keyof StagedTables, unknown[] | RowTable<object>][]) {
    // Episodes (and a census's CIN tables) are held by column; pseudonymised as records (the CIN tables then
    // kept as records), the episodes then held by column again.
    const original = isRowTable(table) ? table.records() : table;
    // Record ids are built from natural keys, which hold child ids: key them too (links such as referralId survive).
    const rows: unknown = original.map((r) => rekey(r as Record<string, unknown>, key));
    switch (k) {
      case 'children':
        out.children = (rows as NonNullable<StagedTables['children']>).map((c) => ({
          ...c,
          childId: cid(c.childId),
          dob: firstOfMonth(c.dob),
          deathDate: firstOfMonth(c.deathDate),
          upnHash: null,
        }));
        break;
      case 'uasc':
        out.uasc = (rows as NonNullable<StagedTables['uasc']>).map((r) => ({
          ...r,
          childId: cid(r.childId),
          dob: firstOfMonth(r.dob),
        }));
        break;
      case 'oc3':
        out.oc3 = (rows as NonNullable<StagedTables['oc3']>).map((r) => ({
          ...r,
          childId: cid(r.childId),
          dob: firstOfMonth(r.dob),
        }));
        break;
      case 'episodes':
        out.episodes = EpisodeTable.fromRecords(
          (rows as Episode[]).map((e) => ({
            ...e,
            childId: cid(e.childId),
            plDistance: e.plDistance ?? derivedDistance(e, lookup),
            homePost: postcodeSector(e.homePost),
            plPost: postcodeSector(e.plPost),
          })),
        );
        break;
      case 'swEpisodes':
        out.swEpisodes = (rows as NonNullable<StagedTables['swEpisodes']>).map((r) => ({
          ...r,
          childId: cid(r.childId),
          swId: WORKER(key, r.swId) ?? r.swId,
        }));
        break;
      case 'allocations':
        out.allocations = (rows as NonNullable<StagedTables['allocations']>).map((r) => ({
          ...r,
          childId: cid(r.childId),
          workerId: WORKER(key, r.workerId) ?? r.workerId,
        }));
        break;
      case 'workers':
        out.workers = (rows as NonNullable<StagedTables['workers']>).map((r) => ({
          ...r,
          workerId: WORKER(key, r.workerId) ?? r.workerId,
          sweRegistration: WORKER(key, r.sweRegistration),
        }));
        break;
      case 'ad1':
      case 'placedAdoption':
      case 'prevPerm':
      case 'dolo':
        (out as Record<string, unknown>)[k] = (rows as { childId: string; dob: IsoDate | null }[]).map(
          (r) => ({ ...r, childId: cid(r.childId), dob: firstOfMonth(r.dob) }),
        );
        break;
      case 'annexACic':
        out.annexACic = (rows as NonNullable<StagedTables['annexACic']>).map((r) => ({
          ...r,
          childId: cid(r.childId),
          placementPostcode: postcodeSector(r.placementPostcode),
          worker: WORKER(key, r.worker),
        }));
        break;
      case 'annexACp':
        out.annexACp = (rows as NonNullable<StagedTables['annexACp']>).map((r) => ({
          ...r,
          childId: cid(r.childId),
          worker: WORKER(key, r.worker),
        }));
        break;
      case 'annexARows':
        out.annexARows = (rows as NonNullable<StagedTables['annexARows']>).map((r) => ({
          ...r,
          childId: r.childId === null ? null : cid(r.childId),
          cells: pseudonymousCells(r.cells, key),
        }));
        break;
      case 'postcodes':
      case 'population':
        (out as Record<string, unknown>)[k] = rows;
        break;
      default:
        (out as Record<string, unknown>)[k] = (rows as { childId: string }[]).map((r) => ({
          ...r,
          childId: cid(r.childId),
        }));
    }
  }
  return out;
}

/**
 * Raw Annex A cells (lists 10, 11) under pseudonymisation: ids (child, adopter, worker) keyed, dates of
 * birth to the first of the month, postcodes to sectors; other cells as given.
 */
function pseudonymousCells(
  cells: Readonly<Record<string, string>>,
  key: PseudonymKey,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [h, v] of Object.entries(cells)) {
    const n = h.toLowerCase();
    if (/\bid\b|identifier|unique/.test(n) || /worker|name/.test(n)) out[h] = pseudonymId(key, v);
    else if (/birth/.test(n)) out[h] = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(0, 8)}01` : '';
    else if (/postcode/.test(n)) out[h] = postcodeSector(v) ?? '';
    else out[h] = v;
  }
  return out;
}

function rekey(r: Record<string, unknown>, key: PseudonymKey): Record<string, unknown> {
  if (typeof r['id'] !== 'string' && typeof r['referralId'] !== 'string') return r;
  const out = { ...r };
  if (typeof r['id'] === 'string') out['id'] = pseudonymId(key, `record:${r['id']}`);
  if (typeof r['referralId'] === 'string') out['referralId'] = pseudonymId(key, `record:${r['referralId']}`);
  return out;
}

/** Personal fields whose values a stored issue must not keep when pseudonymising. */
const PERSONAL_FIELDS =
  /^(CHILD|CHILDID|LACHILDID|CHILD_ID|CHILD UNIQUE ID|DOB|MC_DOB|PERSONBIRTHDATE|PERSONDEATHDATE|UPN|FORMERUPN|HOME_POST|PL_POST|SW_ID|WORKER_ID|SWE_REGISTRATION|MOTHER)$/i;

/** A date as an issue message writes it: ISO `2010-01-15` or UK `15/01/2010`. */
const ISO_DATE = /^(\d{4})-(\d{2})-\d{2}$/;
const UK_DATE = /^\d{2}\/(\d{2})\/(\d{4})$/;

/**
 * What a personal field's value becomes in a pseudonymised issue message (inputs.md §7): a date of birth
 * or death the first of its month (in the message's own writing), a postcode its sector, a child or worker
 * id its pseudonym; anything else (UPNs, MOTHER, an unreadable date) is withheld.
 * @example pseudonymousValue('DOB', '15/01/2010', key) //=> '01/01/2010'
 */
function pseudonymousValue(field: string, value: string, key: PseudonymKey): string {
  const f = field.toUpperCase();
  if (/DOB|BIRTHDATE|DEATHDATE/.test(f)) {
    const iso = ISO_DATE.exec(value);
    if (iso) return `${iso[1]}-${iso[2]}-01`;
    const uk = UK_DATE.exec(value);
    return uk ? `01/${uk[1]}/${uk[2]}` : '[withheld]';
  }
  if (/POST/.test(f)) return postcodeSector(value) ?? '[withheld]';
  if (/SW_ID|WORKER|SWE/.test(f)) return WORKER(key, value) ?? '[withheld]';
  if (/CHILD/.test(f)) return pseudonymId(key, value);
  return '[withheld]';
}

/**
 * Each child's personal values as a message may quote them (raw → pseudonymised): dates of birth and death
 * (ISO and UK writing) → the first of the month, placement and home postcodes → sectors. Read from the
 * import's records before they are pseudonymised.
 */
export type PersonalValues = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** {@link PersonalValues} of an import's staged tables (raw, before {@link pseudonymiseTables}). */
export function personalValuesOf(tables: readonly StagedTables[]): PersonalValues {
  const out = new Map<string, Map<string, string>>();
  const add = (childId: string, raw: string | null, replacement: string | null): void => {
    if (raw === null || replacement === null || raw === replacement) return;
    let own = out.get(childId);
    if (!own) out.set(childId, (own = new Map()));
    own.set(raw, replacement);
  };
  const date = (childId: string, d: IsoDate | null): void => {
    if (d === null) return;
    const first = firstOfMonth(d)!;
    add(childId, d, first);
    add(
      childId,
      `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`,
      `01/${d.slice(5, 7)}/${d.slice(0, 4)}`,
    );
  };
  const postcode = (childId: string, pc: string | null): void => {
    if (pc === null) return;
    const sector = postcodeSector(pc) ?? '[withheld]';
    add(childId, pc, sector);
    add(childId, pc.replace(/\s+/g, ''), sector);
  };
  for (const t of tables) {
    for (const c of t.children ?? []) {
      date(c.childId, c.dob);
      date(c.childId, c.deathDate);
    }
    for (const r of [
      ...(t.uasc ?? []),
      ...(t.oc3 ?? []),
      ...(t.ad1 ?? []),
      ...(t.placedAdoption ?? []),
      ...(t.prevPerm ?? []),
      ...(t.dolo ?? []),
    ])
      date(r.childId, r.dob);
    const episodes = t.episodes;
    for (let i = 0; i < (episodes?.length ?? 0); i++) {
      postcode(episodes!.childId(i), episodes!.codes.homePost.at(i));
      postcode(episodes!.childId(i), episodes!.codes.plPost.at(i));
    }
    for (const r of t.annexACic ?? []) postcode(r.childId, r.placementPostcode);
  }
  return out;
}

/** Every occurrence of `raw` in `text` replaced (case-insensitively for letters, e.g. a postcode). */
function replaceAll(text: string, raw: string, replacement: string): string {
  const pattern = raw.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return text.replace(new RegExp(pattern, 'gi'), () => replacement);
}

/**
 * A validation issue with its child id pseudonymised and personal values removed (inputs.md §7: a
 * pseudonymised import stores no raw child id, day of birth, full postcode or worker id, and validation
 * issues are stored). The value of a personal field is dropped, and wherever the message quotes it, it
 * becomes its pseudonymised form; the message's quotes of the child's id, dates of birth or death and
 * postcodes (`personal`, e.g. 903-EP-BIRTH's "before child 1001's date of birth 15/01/2010") likewise.
 * An event date that happens to equal the child's date of birth is then written as the first of the month
 * in the message too (the record keeps it exact).
 */
export function pseudonymiseIssue(
  i: ValidationIssue,
  key: PseudonymKey,
  personal: PersonalValues = new Map(),
): ValidationIssue {
  const personalField = i.field !== null && PERSONAL_FIELDS.test(i.field);
  let message = i.message;
  if (i.childId !== null) {
    for (const [raw, replacement] of personal.get(i.childId) ?? [])
      message = replaceAll(message, raw, replacement);
    // Messages may quote a child id (e.g. "child 123456 already has …"): replace that id.
    message = message.split(i.childId).join(pseudonymId(key, i.childId));
  }
  if (personalField && i.value !== null && i.value !== '') {
    message = message.split(i.value).join(pseudonymousValue(i.field!, i.value, key));
  }
  return {
    ...i,
    childId: i.childId === null ? null : pseudonymId(key, i.childId),
    value: personalField ? null : i.value,
    message,
  };
}

/** PL_DISTANCE from full unit postcodes (inputs.md §2.4): miles to 0.1, 999.9 when unknown; null for short breaks. */
function derivedDistance(e: Episode, lookup: ReadonlyMap<string, Postcode>): number | null {
  if (lookup.size === 0) return null;
  if (e.ls === 'V3' || e.ls === 'V4') return null;
  const norm = (p: string | null): Postcode | undefined =>
    p === null ? undefined : lookup.get(p.replace(/\s+/g, '').toUpperCase());
  const home = norm(e.homePost);
  const pl = norm(e.plPost);
  if (
    !home ||
    !pl ||
    home.easting === null ||
    home.northing === null ||
    pl.easting === null ||
    pl.northing === null
  )
    return 999.9;
  if (!home.laua || !home.laua.startsWith('E')) return 999.9;
  const miles = Math.hypot(home.easting - pl.easting, home.northing - pl.northing) / 1000 / 1.6093;
  return Math.floor(miles * 10 + 0.5) / 10;
}
