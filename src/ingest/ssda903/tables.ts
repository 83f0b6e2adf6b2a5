/**
 * The SSDA903 CSV tables and their column sets (inputs.md §2.1). A CSV is a 903 table when its header
 * (trimmed; case and order ignored) equals one of these sets; Episodes may add the derived columns.
 */
export type Ssda903Table =
  | 'Header'
  | 'Episodes'
  | 'Reviews'
  | 'UASC'
  | 'OC2'
  | 'OC3'
  | 'AD1'
  | 'PlacedAdoption'
  | 'PrevPerm'
  | 'Missing'
  | 'SWEpisodes'
  | 'DoLo';

export const SSDA903_COLUMNS = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD',
    'DOB',
    'SDQ_SCORE',
    'SDQ_REASON',
    'CONVICTED',
    'HEALTH_CHECK',
    'IMMUNISATIONS',
    'TEETH_CHECK',
    'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE',
    'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  DoLo: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
} as const satisfies Readonly<Record<Ssda903Table, readonly string[]>>;

/** Derived columns Episodes may carry (inputs.md §2.1, §2.4). */
export const EPISODE_DERIVED_COLUMNS = ['PL_DISTANCE', 'PL_LA', 'PL_LOCATION'] as const;

/** An SSDA903 column (CSV header name; the XML form names its elements the same, but for CHILD and PL). */
export type Ssda903Column =
  (typeof SSDA903_COLUMNS)[Ssda903Table][number] | (typeof EPISODE_DERIVED_COLUMNS)[number];

/** Every SSDA903 column once, in a fixed order: a column's number is its place here. */
export const SSDA903_COLUMN_NAMES: readonly Ssda903Column[] = [
  ...new Set<Ssda903Column>([...Object.values(SSDA903_COLUMNS).flat(), ...EPISODE_DERIVED_COLUMNS]),
];

/**
 * Each SSDA903 column's number (`COLUMN.DECOM`). A mapper asks a row for its cells by number: a CSV file's
 * reader then finds each one in an array of the file's column positions, where a look-up by name, a dozen
 * names from one call site, would cost a hash table probe each.
 */
export const COLUMN = Object.fromEntries(SSDA903_COLUMN_NAMES.map((name, i) => [name, i])) as {
  readonly [K in Ssda903Column]: number;
};

/** Tables every SSDA903 set must hold (`S-INCOMPLETE-SET`). */
export const REQUIRED_903_TABLES: readonly Ssda903Table[] = ['Header', 'Episodes'];
