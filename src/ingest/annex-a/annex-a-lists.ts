/**
 * The Ofsted Annex A lists (inputs.md §4) and how their columns are recognised: a header cell matches a column
 * when, after dropping case, spacing, punctuation and quotes, it holds every token of the column.
 */
export interface AnnexAColumn {
  readonly key: string;
  readonly label: string;
  /** Tokens that must all appear in the normalised header (e.g. ['child', 'id']); `=la` = the whole word. */
  readonly tokens: readonly string[];
  readonly type: 'id' | 'date' | 'text' | 'label';
  /** Mapping table in data/annex-a for label columns. */
  readonly map?: string;
  /**
   * For a date that is an event of its own beside the row's record (List 7's latest review conference, one of
   * the CP plan's reviews, as a CIN CPPreviewDate is: inputs.md §3; List 7's last statutory visit; List 8's
   * latest statutory review): what loads when the date is after today (GEN-FUTURE) or before the bank-holiday
   * table (GEN-PAST) and so is left out, alone (read as blank), with a warning ("the CP plan loads without this
   * review"). Any other event date out of range rejects its row.
   */
  readonly without?: string;
}

export interface AnnexAList {
  readonly number: number;
  readonly title: string;
  readonly columns: readonly AnnexAColumn[];
  /** The key date column (AA-DATE when unreadable). */
  readonly keyDate: string | null;
  /** True when every column of the Ofsted template is listed, so others are AA-EXTRA-COLUMN. */
  readonly complete: boolean;
  /**
   * Stored as raw rows (every cell under its header; lists 10 and 11). A raw list with no columns takes
   * the first of its top 10 rows with at least 3 filled cells as the header.
   */
  readonly raw?: boolean;
}

/**
 * The extra (a raw value a record does not keep, for rules) that holds an Annex A record's key cell, `List 3!F7`:
 * the key date's cell, or the Child Unique ID cell for a list keyed by the child alone. A repeated key
 * (GEN-DUP-KEY) is reported at that cell (inputs.md §6, `Sheet!Cell`); the record keeps its row's position.
 */
export const ANNEX_A_KEY_CELL = 'annexAKeyCell';

const c = (
  key: string,
  label: string,
  tokens: string[],
  type: AnnexAColumn['type'] = 'text',
  map?: string,
): AnnexAColumn => ({ key, label, tokens, type, map });

const COMMON = [
  c('childId', 'Child Unique ID', ['child', 'id'], 'id'),
  c('gender', 'Gender', ['gender'], 'label', 'gender'),
  c('ethnicity', 'Ethnicity', ['ethnic'], 'label', 'ethnicity'),
  c('dob', 'Date of Birth', ['birth'], 'date'),
  c('age', 'Age of Child (Years)', ['age'], 'text'),
];
const DISABILITY = c('disability', 'Disability', ['disab'], 'text');
const TW = [c('team', 'Allocated Team', ['team']), c('worker', 'Allocated Worker', ['worker'])];

export const ANNEX_A_LISTS: readonly AnnexAList[] = [
  {
    number: 1,
    title: 'Contacts',
    columns: [
      ...COMMON,
      c('contactDate', 'Date of Contact', ['date', 'contact'], 'date'),
      c('contactSource', 'Contact Source', ['source']),
    ],
    keyDate: 'contactDate',
    complete: true,
  },
  {
    number: 2,
    title: 'Early help',
    columns: [
      ...COMMON,
      c('start', 'Assessment start date', ['start'], 'date'),
      c('end', 'Assessment completion date', ['completion'], 'date'),
      c('organisation', 'Organisation completing assessment', ['organisation']),
    ],
    keyDate: 'start',
    complete: true,
  },
  {
    number: 3,
    title: 'Referrals',
    columns: [
      ...COMMON,
      c('referralDate', 'Date of referral', ['date', 'referral'], 'date'),
      c('referralSource', 'Referral Source', ['source'], 'label', 'referral-source'),
      c('nfa', 'Referral NFA?', ['nfa'], 'label', 'yes-no'),
      c('count12', 'Number of Referrals in Last 12 Months', ['number', 'referrals']),
      ...TW,
    ],
    keyDate: 'referralDate',
    complete: true,
  },
  {
    number: 4,
    title: 'Assessments',
    columns: [
      ...COMMON,
      DISABILITY,
      c('start', 'Continuous Assessment Start Date', ['assessment', 'start'], 'date'),
      c('seen', 'Child Seen', ['seen']),
      c('authorised', 'Date of Authorisation', ['authorisation'], 'date'),
      c('support', 'Requiring support?', ['support']),
      ...TW,
    ],
    keyDate: 'start',
    complete: true,
  },
  {
    number: 5,
    title: 'Section 47 enquiries and ICPCs',
    columns: [
      ...COMMON,
      DISABILITY,
      c('strategy', 'Strategy discussion initiating Section 47 Enquiry Start Date', ['strategy'], 'date'),
      c('unnecessary', 'ICPC deemed unnecessary?', ['unnecessary'], 'label', 'yes-no'),
      c('icpc', 'Date of ICPC', ['date', 'icpc'], 'date'),
      c('plan', 'ICPC resulted in plan?', ['resulted']),
      c('count12', 'S47s / ICPCs in last 12 months', ['12', 'months']),
      ...TW,
    ],
    keyDate: 'strategy',
    complete: true,
  },
  {
    number: 6,
    title: 'Children in need',
    columns: [
      ...COMMON,
      DISABILITY,
      c('start', 'CIN Start Date', ['cin', 'start'], 'date'),
      c('need', 'Primary Need Code', ['need']),
      c('lastSeen', 'Date Child Was Last Seen', ['last', 'seen'], 'date'),
      c('closure', 'CIN Closure Date', ['closure', 'date'], 'date'),
      c('reason', 'Reason for Closure', ['reason']),
      c('status', 'Case Status', ['status']),
      ...TW,
    ],
    keyDate: 'start',
    complete: true,
  },
  {
    number: 7,
    title: 'Child protection',
    columns: [
      ...COMMON,
      DISABILITY,
      c('start', 'Plan Start Date', ['plan', 'start'], 'date'),
      c('initial', 'Initial Category of Abuse', ['initial', 'category'], 'label', 'category-of-abuse'),
      c('latest', 'Latest Category of Abuse', ['latest', 'category'], 'label', 'category-of-abuse'),
      {
        ...c('visit', 'Date of the Last Statutory Visit', ['statutory', 'visit'], 'date'),
        without: 'the CP plan loads without this visit',
      },
      c('alone', 'Seen Alone?', ['alone']),
      {
        ...c('review', 'Date of latest review conference', ['review'], 'date'),
        without: 'the CP plan loads without this review',
      },
      c('end', 'Plan End Date', ['plan', 'end'], 'date'),
      c('epo', 'Subject to EPO or police powers in the last 6 months', ['epo']),
      c('previous', 'Number of Previous Child Protection Plans', ['previous']),
      ...TW,
    ],
    keyDate: 'start',
    complete: true,
  },
  {
    number: 8,
    title: 'Children in care',
    columns: [
      ...COMMON,
      DISABILITY,
      c('uasc', 'UASC', ['uasc'], 'label', 'yes-no'),
      c('start', 'Date Started to be Looked After', ['started', 'looked'], 'date'),
      c('need', "Child's Category of Need", ['category', 'need'], 'label', 'category-of-need'),
      c(
        'repeat',
        'Is this the second or subsequent period of being looked after within the last 12 months',
        ['subsequent'],
        'label',
        'yes-no',
      ),
      c('legalStart', 'Date of Start of Legal Status', ['legal', 'status', 'start'], 'date'),
      c('legal', 'Legal Status', ['legal', 'status'], 'label', 'legal-status'),
      {
        ...c('review', 'Date of Latest Statutory Review', ['review'], 'date'),
        without: 'the period of care loads without this review',
      },
      c('swVisit', 'Date of Last Social Work Visit', ['social', 'visit'], 'date'),
      c('permanence', 'Permanence Plan', ['permanence']),
      c('iroVisit', 'Date of Last IRO Visit', ['iro'], 'date'),
      c('health', 'Date of Last Health Assessment', ['health'], 'date'),
      c('dental', 'Date of Last Dental Check', ['dental'], 'date'),
      c('placements12', 'Number of Placements in the Last 12 Months', ['number', 'placements']),
      c('ceased', 'Date Ceased to be Looked After', ['ceas', 'date'], 'date'),
      c('reasonCeased', 'Reason Ceased to be Looked After', ['reason', 'ceas'], 'label', 'reason-ceased'),
      c('placementStart', 'Date of Start of Current Placement', ['placement', 'start'], 'date'),
      c('placementType', 'Placement Type', ['placement', 'type'], 'label', 'placement-type'),
      c('provider', 'Placement Provider', ['provider'], 'label', 'placement-provider'),
      c('postcode', 'Placement Postcode', ['postcode']),
      c('urn', 'Placement URN', ['urn']),
      c('location', 'Placement Location', ['location'], 'label', 'placement-location'),
      c('placementLa', 'Placement LA', ['placement', '=la']),
      c('missing', 'Number of Missing Episodes', ['missing']),
      c('absent', 'Number of Absences', ['absen']),
      c('returnInterviews', 'Number of Return Interviews', ['return', 'interview']),
      ...TW,
    ],
    keyDate: 'start',
    complete: true,
  },
  {
    number: 9,
    title: 'Care leavers',
    columns: [
      ...COMMON,
      c('uasc', 'UASC / Former UASC', ['uasc'], 'label', 'yes-no'),
      ...TW,
      c('advisor', 'Personal Advisor', ['advis']),
      c('eligibility', 'Eligibility Category', ['eligib'], 'label', 'care-leaver-eligibility'),
      c('pathway', 'Latest Pathway Plan Review Date', ['pathway'], 'date'),
      c('inTouch', 'LA in Touch', ['touch'], 'label', 'in-touch'),
      c('contact', 'Latest Date of Contact', ['latest', 'contact'], 'date'),
      c('accommodation', 'Type of Accommodation', ['type', 'accommodation'], 'label', 'accommodation-type'),
      c('suitability', 'Suitability of Accommodation', ['suitab'], 'label', 'accommodation-suitability'),
      c('activity', 'Activity Status', ['activity'], 'label', 'activity'),
    ],
    keyDate: null,
    complete: true,
  },
  // Stored, unused: every cell kept under its header.
  {
    number: 10,
    title: 'Adoption',
    columns: [...COMMON, DISABILITY],
    keyDate: null,
    complete: false,
    raw: true,
  },
  { number: 11, title: 'Adopters', columns: [], keyDate: null, complete: false, raw: true },
];

/**
 * Header text normalised for matching: lower case, only letters and digits, words separated by one space.
 * @example normaliseHeader('"Child Unique ID"') //=> 'child unique id'
 */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * True when a normalised header holds every token of the column (as words or word starts; a token
 * `=word` only as the whole word, so `=la` is not taken by "last").
 * @example headerMatches('placement la', { tokens: ['placement', '=la'] }) //=> true
 */
export function headerMatches(header: string, col: Pick<AnnexAColumn, 'tokens'>): boolean {
  const words = header.split(' ');
  return col.tokens.every((t) =>
    t.startsWith('=') ? words.includes(t.slice(1)) : words.some((w) => w.startsWith(t)),
  );
}

/** The list a sheet name is (`List 3`, `list_3`, `LIST3`), or null. */
export function listNumberOf(sheetName: string): number | null {
  const m = /^list(\d{1,2})$/.exec(sheetName.toLowerCase().replace(/[\s_]+/g, ''));
  return m ? Number(m[1]) : null;
}

/**
 * The Annex A list a row of header texts is (its Child Unique ID and at least half its columns found, as a
 * sheet's header row is recognised), the best match first; null when none. For naming a list saved as CSV.
 * @example annexAListOfHeader(['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Date of referral'])?.number //=> 3
 */
export function annexAListOfHeader(texts: readonly string[]): AnnexAList | null {
  const headers = texts.map(normaliseHeader).filter((t) => t !== '');
  let best: AnnexAList | null = null;
  let bestFound = 0;
  for (const list of ANNEX_A_LISTS) {
    if (list.columns.length === 0) continue;
    const used = new Set<number>();
    let found = 0;
    for (const col of [...list.columns].sort((a, b) => b.tokens.length - a.tokens.length)) {
      const i = headers.findIndex((h, idx) => !used.has(idx) && headerMatches(h, col));
      if (i === -1) {
        if (col.key === 'childId') found = -Infinity;
        continue;
      }
      used.add(i);
      found++;
    }
    if (found >= Math.ceil(list.columns.length / 2) && found > bestFound) {
      best = list;
      bestFound = found;
    }
  }
  return best;
}
