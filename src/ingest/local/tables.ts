/**
 * The cspi local extract tables (inputs.md §5): columns, types, required flags and the Standard
 * Safeguarding Dataset (SSD) alias each column also accepts.
 */
import { SSD_OUTCOME_COLUMN } from './ssd-contact-outcome.js';

export type LocalTable =
  | 'contacts'
  | 'cp_visits'
  | 'cla_visits'
  | 'allocations'
  | 'workers'
  | 'cla_health'
  | 'care_leavers'
  | 'placements_long_term'
  | 'postcodes'
  | 'strategy_discussions'
  | 'population';

export type LocalType = 'text' | 'date' | 'datetime' | 'bool' | 'number';

export interface LocalColumn {
  readonly name: string;
  readonly type: LocalType;
  readonly required: boolean;
  /** SSD (or ONS) names accepted for this column. */
  readonly aliases: readonly string[];
}

function col(name: string, type: LocalType, required: boolean, ...aliases: string[]): LocalColumn {
  return { name, type, required, aliases };
}

export const LOCAL_COLUMNS: Readonly<Record<LocalTable, readonly LocalColumn[]>> = {
  contacts: [
    col('contact_id', 'text', true, 'cont_contact_id'),
    col('child_id', 'text', true, 'cont_person_id'),
    col('received_at', 'datetime', true, 'cont_contact_date'),
    col('decided_at', 'datetime', false),
    col('outcome', 'text', false),
    // Not an alias of outcome: the SSD column holds a JSON object of outcome flags (or, in some LAs' scripts,
    // a label), which `readSsdContactOutcome` reads into an outcome. A row's own `outcome`, where filled, wins.
    col(SSD_OUTCOME_COLUMN, 'text', false),
    col('source', 'text', false, 'cont_contact_source_code'),
    // The SSD's source label beside its code: known, so that an ssd_contacts extract is recognised as it
    // stands; not read (the code is the source).
    col('cont_contact_source_desc', 'text', false),
  ],
  cp_visits: [
    col('child_id', 'text', true, 'cppv_person_id'),
    col('cp_visit_date', 'datetime', true, 'cppv_cp_visit_date'),
    col('child_seen', 'bool', true, 'cppv_cp_visit_seen'),
    col('seen_alone', 'bool', false, 'cppv_cp_visit_seen_alone'),
    col('visit_id', 'text', false, 'cppv_cp_visit_id'),
  ],
  cla_visits: [
    col('child_id', 'text', true, 'clav_person_id'),
    col('cla_visit_date', 'datetime', true, 'clav_cla_visit_date'),
    col('child_seen', 'bool', true, 'clav_cla_visit_seen'),
    col('seen_alone', 'bool', false, 'clav_cla_visit_seen_alone'),
    col('visit_id', 'text', false, 'clav_cla_visit_id'),
  ],
  allocations: [
    col('child_id', 'text', true, 'invo_person_id'),
    col('worker_id', 'text', true, 'invo_professional_id'),
    col('allocation_start', 'date', true, 'invo_involvement_start_date'),
    col('allocation_end', 'date', false, 'invo_involvement_end_date'),
    col('role', 'text', false, 'invo_professional_role_id'),
    col('team', 'text', false, 'invo_professional_team'),
  ],
  workers: [
    col('worker_id', 'text', true, 'prof_professional_id'),
    col('qualified_sw', 'bool', true),
    col('swe_registration', 'text', false, 'prof_social_worker_registration_no'),
  ],
  cla_health: [
    col('child_id', 'text', true, 'clah_person_id'),
    col('check_type', 'text', true, 'clah_health_check_type'),
    col('check_date', 'date', true, 'clah_health_check_date'),
    col('check_outcome', 'text', true, 'clah_health_check_status'),
  ],
  care_leavers: [
    col('child_id', 'text', true, 'clea_person_id'),
    col('status_date', 'date', true, 'clea_care_leaver_latest_contact'),
    col('in_touch', 'text', true, 'clea_care_leaver_in_touch'),
    col('activity', 'text', true, 'clea_care_leaver_activity'),
    col('accommodation', 'text', true, 'clea_care_leaver_accommodation'),
    col('eligibility', 'text', false, 'clea_care_leaver_eligibility'),
  ],
  placements_long_term: [
    col('child_id', 'text', true),
    col('placement_start', 'date', true),
    col('long_term_from', 'date', false),
  ],
  postcodes: [
    col('pcd', 'text', true),
    col('easting', 'number', false, 'oseast1m'),
    col('northing', 'number', false, 'osnrth1m'),
    col('laua', 'text', false),
  ],
  strategy_discussions: [
    col('child_id', 'text', true),
    col('strategy_date', 'date', true),
    col('s47_start', 'date', false),
  ],
  population: [col('year', 'text', true), col('la_code', 'text', true), col('aged_0_17', 'number', true)],
};

/** Local tables without dates: reference data, upserted on key (collection year null). */
export const UNDATED_LOCAL_TABLES: readonly LocalTable[] = [
  'workers',
  'postcodes',
  'population',
  'placements_long_term',
];

/**
 * The staged table each local table's rows go to (`map-local-row`), so a file with no rows still stages its
 * table, empty: a cp_visits.csv and a cla_visits.csv with only their headers are two tables, not one file
 * twice (`S-MIXED`).
 */
export const LOCAL_STAGED_TABLE = {
  contacts: 'contacts',
  cp_visits: 'cpVisits',
  cla_visits: 'claVisits',
  allocations: 'allocations',
  workers: 'workers',
  cla_health: 'healthChecks',
  care_leavers: 'careLeavers',
  placements_long_term: 'placementsLongTerm',
  postcodes: 'postcodes',
  strategy_discussions: 'strategyDiscussions',
  population: 'population',
} as const satisfies Record<LocalTable, string>;
