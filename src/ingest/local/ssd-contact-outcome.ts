/** A contact's screening outcome as contacts.csv carries it (inputs.md §5). */
export type ContactOutcome = 'referral' | 'nfa' | 'early-help' | 'other';

/** The SSD column that may carry contacts.csv's outcome (inputs.md §5 "from cont_contact_outcome_json"). */
export const SSD_OUTCOME_COLUMN = 'cont_contact_outcome_json';

/** What an SSD `cont_contact_outcome_json` cell says. */
export type SsdOutcomeRead =
  /** The outcome, or null when the cell records none (no flag set to Y); `shown` as below. */
  | { readonly ok: true; readonly outcome: ContactOutcome | null; readonly shown: string }
  /**
   * Not readable. `shown` is the value for the validation report with any comment text left out (see
   * `readSsdContactOutcome`); `problem` says what was wrong without quoting the cell.
   */
  | { readonly ok: false; readonly problem: string; readonly shown: string };

/**
 * The outcomes as cspi's own `outcome` column spells them (lower-case, spaces and underscores as hyphens),
 * and its accepted variant.
 */
export const CONTACT_OUTCOME_CODES: ReadonlyMap<string, ContactOutcome> = new Map([
  ['referral', 'referral'],
  ['nfa', 'nfa'],
  ['no-further-action', 'nfa'],
  ['early-help', 'early-help'],
  ['other', 'other'],
]);

/** Flags (OUTCOME_ and _FLAG taken off) that make the contact a referral to children's social care. */
const REFERRAL_FLAGS: ReadonlySet<string> = new Set(['NEW_REFERRAL', 'EXISTING_REFERRAL', 'CP_ENQUIRY']);
/** Flags that close the contact with no further action by children's social care. */
const NFA_FLAGS: ReadonlySet<string> = new Set(['NFA', 'ADVICE']);
/** An early-help flag, in the variants that have one (the SSD standard has none). */
const EARLY_HELP_FLAG = /(^|_)(EARLY_HELP|EH)(_|$)/;
/** A key that carries free text about the child (`COMMENTS`, `OUTCOME_COMMENTS`): never shown. */
const COMMENT_KEY = /"[^"]*COMMENT[^"]*"\s*:/i;

/** Y/N as the SSD writes its flags (SQL Server 'Y'/'N', '' or null when not recorded; JSON booleans too). */
function flagValue(v: unknown): 'yes' | 'no' | 'blank' | 'invalid' {
  if (v === null || v === undefined) return 'blank';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return v === 1 ? 'yes' : v === 0 ? 'no' : 'invalid';
  if (typeof v !== 'string') return 'invalid';
  const s = v.trim().toUpperCase();
  if (s === '') return 'blank';
  if (s === 'Y' || s === 'YES' || s === 'TRUE' || s === '1') return 'yes';
  if (s === 'N' || s === 'NO' || s === 'FALSE' || s === '0') return 'no';
  return 'invalid';
}

/** `OUTCOME_NEW_REFERRAL_FLAG` and `NEW_REFERRAL_FLAG` → `NEW_REFERRAL`; null for a key that is no flag. */
function flagName(key: string): string | null {
  const k = key.trim().toUpperCase();
  if (!k.endsWith('_FLAG')) return null;
  return k.slice(0, -'_FLAG'.length).replace(/^OUTCOME_/, '');
}

/**
 * The object's flags only (`{"NEW_REFERRAL_FLAG":"Y",…}`), as the report may show them: every other key
 * (COMMENTS, OUTCOME_COMMENTS, counts, anything unknown) is dropped.
 */
function flagsOnly(o: Record<string, unknown>): string {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (flagName(k) !== null) kept[k] = v;
  return JSON.stringify(kept);
}

/**
 * The outcome of a JSON object of SSD outcome flags, by precedence: referral, then early-help, then nfa,
 * then other; null when no flag is Y.
 */
function outcomeOfFlags(o: Record<string, unknown>): SsdOutcomeRead {
  const yes: string[] = [];
  let flags = 0;
  for (const [key, v] of Object.entries(o)) {
    const name = flagName(key);
    if (name === null) continue;
    flags++;
    const f = flagValue(v);
    if (f === 'invalid') {
      return {
        ok: false,
        problem: `its flag ${key.trim().toUpperCase()} is not Y, N or blank`,
        shown: flagsOnly(o),
      };
    }
    if (f === 'yes') yes.push(name);
  }
  if (flags === 0) {
    return {
      ok: false,
      problem: 'it is a JSON object with no outcome flags (keys such as NEW_REFERRAL_FLAG or NFA_FLAG)',
      shown: flagsOnly(o),
    };
  }
  const shown = flagsOnly(o);
  if (yes.some((n) => REFERRAL_FLAGS.has(n))) return { ok: true, outcome: 'referral', shown };
  if (yes.some((n) => EARLY_HELP_FLAG.test(n))) return { ok: true, outcome: 'early-help', shown };
  if (yes.some((n) => NFA_FLAGS.has(n))) return { ok: true, outcome: 'nfa', shown };
  return { ok: true, outcome: yes.length > 0 ? 'other' : null, shown };
}

function asObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The flags of an object whose comment text broke the JSON (SSD scripts for SQL Server before 2016 build the
 * text by concatenation, so a quote or line break in OUTCOME_COMMENTS is not escaped; older versions cut the
 * column at 500 characters, inside the comments): the text before the first comment key, closed, when that
 * parses. The flags come before the comments in every SSD version.
 */
function flagsBeforeComments(text: string): {
  readonly object: Record<string, unknown> | null;
  readonly before: string;
} {
  const at = text.search(COMMENT_KEY);
  if (at === -1) return { object: null, before: text };
  const before = text.slice(0, at);
  return { object: asObject(`${before.replace(/,\s*$/, '')}}`), before };
}

/** Free text in the column (some LAs' SSD scripts): what it names, or null when unclear. */
function outcomeOfText(text: string): ContactOutcome | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
  const own = CONTACT_OUTCOME_CODES.get(t.replace(/ /g, '-'));
  if (own !== undefined) return own;
  if (/\b(no|not|non) (a )?referr/.test(t)) return null;
  const named: ContactOutcome[] = [];
  if (/\b(cin|csc|social care|s47|section 47|cp enquiry|child protection|strategy)\b/.test(t))
    named.push('referral');
  if (/\b(early help|eh)\b/.test(t)) named.push('early-help');
  if (/\b(nfa|no further action|advice)\b/.test(t)) named.push('nfa');
  if (named.length === 1) return named[0]!;
  if (named.length === 0 && /\breferr(al|ed)\b/.test(t)) return 'referral';
  return null;
}

/**
 * Reads contacts.csv's outcome from the Standard Safeguarding Dataset's `cont_contact_outcome_json`
 * (inputs.md §5: `outcome` … "from cont_contact_outcome_json"), used only when the file's header names that
 * column and the row has no cspi `outcome` (tables.ts).
 *
 * **A JSON object** of Y/N flags, as data-to-insight's ssd-data-model writes it: keys with or without the
 * `OUTCOME_` prefix (`OUTCOME_NEW_REFERRAL_FLAG` in early versions, `NEW_REFERRAL_FLAG` since), case ignored;
 * values `Y`/`N` (also yes/no, true/false, 1/0), blank or null = not recorded. The outcome is, first match wins:
 * - **referral**: NEW_REFERRAL, EXISTING_REFERRAL or CP_ENQUIRY is Y — the contact became (or joined) a
 *   referral to children's social care, which is what the screening measures time;
 * - **early-help**: an early-help flag (a key naming EARLY_HELP or EH) is Y, in variants that have one;
 * - **nfa**: NFA or ADVICE is Y — closed with no further action, or with advice and information only (no
 *   service from social care: DfE counts neither as a referral);
 * - **other**: any other flag is Y (NON_AGENCY_ADOPTION, PRIVATE_FOSTERING, MISSING, OLA_CP,
 *   OTHER_OUTCOMES_EXIST, or a flag this list does not know);
 * - **none** (null) when no flag is Y: a contact whose flags are all N or blank has no outcome recorded (the
 *   SSD writes every key, blank, whether or not an outcome exists), exactly as a blank cspi `outcome`.
 * Referral wins when several are Y because the screening measures ask when a contact became a referral.
 * NUMBER_OF_OUTCOMES / TOTAL_NO_OF_OUTCOMES and COMMENTS / OUTCOME_COMMENTS are not read. When comment text
 * has broken the JSON (see `flagsBeforeComments`), the flags before it are read.
 *
 * **Free text** (some LAs' scripts write a label, e.g. 'CIN Referral' / 'EH Referral'), case ignored: cspi's
 * own codes (`referral`, `nfa`, `no further action`, `early help`, `other`); else social-care words (CIN,
 * CSC, social care, S47, section 47, CP enquiry, child protection, strategy) → referral; early help / EH →
 * early-help; NFA / no further action / advice → nfa; text naming none of these but 'referral' / 'referred' →
 * referral. Text naming two of them, or 'no referral' / 'not referred', is unclear and not read.
 *
 * **Anything else** (malformed JSON, an object with no flags, a flag neither Y nor N, unknown text) is not
 * read: `ok: false` with what was wrong. Comments are never shown: `shown`, the report's value, is for an
 * object its flag keys alone (every other key dropped), for malformed JSON the text before its first comment
 * key (the report then clips to 200 characters, inputs.md §6), for text the text; `problem` quotes nothing.
 * @example readSsdContactOutcome('{"NEW_REFERRAL_FLAG":"Y","COMMENTS":"…"}').outcome //=> 'referral'
 * @example readSsdContactOutcome('EH Referral').outcome //=> 'early-help'
 */
export function readSsdContactOutcome(raw: string): SsdOutcomeRead {
  const text = raw.trim();
  if (text.startsWith('{')) {
    const object = asObject(text);
    if (object !== null) return outcomeOfFlags(object);
    const repaired = flagsBeforeComments(text);
    if (repaired.object !== null) return outcomeOfFlags(repaired.object);
    return {
      ok: false,
      problem: 'it is not a valid JSON object of outcome flags',
      shown: repaired.before,
    };
  }
  const outcome = outcomeOfText(text);
  if (outcome !== null) return { ok: true, outcome, shown: text };
  return {
    ok: false,
    problem:
      'its text names no single outcome (a JSON object of SSD outcome flags, referral, nfa, early-help, other, or a label such as CIN Referral, EH Referral or No further action)',
    shown: text,
  };
}
