import type { FileSink } from '../file-sink.js';
import type { RowFields } from '../row-fields.js';
import type { LocalTable } from './tables.js';
import {
  CONTACT_OUTCOME_CODES,
  SSD_OUTCOME_COLUMN,
  readSsdContactOutcome,
  type ContactOutcome,
} from './ssd-contact-outcome.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { CareLeaverEligibility } from '../../model/local.js';

type Get = (column: string) => string | null;

const ELIGIBILITY: readonly CareLeaverEligibility[] = [
  'relevant',
  'former-relevant',
  'eligible',
  'qualifying',
];
const PCD = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;

/** lower-case, spaces and underscores → hyphens: `Early Help` → `early-help`. */
function slug(v: string): string {
  return v
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** The dates of a loaded row of a local event file: its key date, and the row's other dates (blank = null). */
export interface LocalRowDates {
  /** The key date (`received_at`, `allocation_start`, …): the file's date range is made of these (§5). */
  readonly key: IsoDate;
  /** Every other date of the row (`decided_at`, `allocation_end`, `s47_start`): with the key, the file's as-at. */
  readonly others: readonly (IsoDate | null)[];
}

const NO_OTHER_DATES: readonly (IsoDate | null)[] = [];

/**
 * Maps one local extract row (inputs.md §5) to its record, checking types (`date` YYYY-MM-DD, `datetime` →
 * Europe/London date, `bool`) and the LOC- rules that need the raw text (LOC-OUTCOME, LOC-PCD, LOC-POP).
 * Returns the row's dates (for the file's date range and as-at date), or null for a row not loaded or of a
 * reference table (workers, placements_long_term, postcodes, population: no as-at date, indicators.md §1.8).
 * @example mapLocalRow('contacts', get, fields, sink) //=> { key: '2021-06-01', others: ['2021-06-02'] }
 */
export function mapLocalRow(table: LocalTable, get: Get, f: RowFields, sink: FileSink): LocalRowDates | null {
  const source = { file: sink.file, position: f.position };
  switch (table) {
    case 'contacts': {
      const contactId = f.required('contact_id', get('contact_id'));
      const child = (f.childId = f.required('child_id', get('child_id')));
      const receivedAt = get('received_at');
      const received = f.datetime('received_at', receivedAt, true);
      const decidedAt = get('decided_at');
      const decided = f.datetime('decided_at', decidedAt, false);
      const outcome = contactOutcome(get, decidedAt !== null, f);
      if (f.rejected || contactId === null || child === null || received === null || receivedAt === null)
        return null;
      sink.add('contacts', {
        id: sink.id(table, contactId, f.position),
        childId: child,
        receivedDate: received,
        receivedAt,
        decidedDate: decided,
        decidedAt,
        outcome,
        referralSource: get('source')?.toUpperCase() ?? null,
        source,
      });
      return { key: received, others: [decided] };
    }
    case 'cp_visits':
    case 'cla_visits': {
      const dateCol = table === 'cp_visits' ? 'cp_visit_date' : 'cla_visit_date';
      const child = (f.childId = f.required('child_id', get('child_id')));
      const date = f.datetime(dateCol, get(dateCol), true);
      const seen = f.bool('child_seen', get('child_seen'), true);
      const alone = f.bool('seen_alone', get('seen_alone'));
      const visitId = get('visit_id');
      if (f.rejected || child === null || date === null || seen === null) return null;
      sink.add(table === 'cp_visits' ? 'cpVisits' : 'claVisits', {
        id: sink.id(table, [child, date, visitId ?? ''].join('/'), f.position),
        childId: child,
        visitDate: date,
        childSeen: seen,
        seenAlone: alone,
        visitId,
        source,
      });
      return { key: date, others: NO_OTHER_DATES };
    }
    case 'allocations': {
      const child = (f.childId = f.required('child_id', get('child_id')));
      const worker = f.required('worker_id', get('worker_id'));
      const start = f.date('allocation_start', get('allocation_start'), 'iso', { required: true });
      const end = f.date('allocation_end', get('allocation_end'), 'iso');
      const roleRaw = get('role');
      let role: 'social-worker' | 'other' = 'social-worker';
      if (roleRaw !== null) {
        const r = slug(roleRaw);
        if (r === 'other') role = 'other';
        else if (r !== 'social-worker' && r !== 'sw') {
          f.issue(
            'GEN-CODE',
            'warning',
            'role',
            roleRaw,
            `role '${roleRaw}' is not social-worker or other; read as other`,
          );
          role = 'other';
        }
      }
      if (f.rejected || child === null || worker === null || start === null) return null;
      sink.add('allocations', {
        id: sink.id(table, [child, worker, start].join('/'), f.position),
        childId: child,
        workerId: worker,
        start,
        end,
        role,
        team: get('team'),
        source,
      });
      return { key: start, others: [end] };
    }
    case 'workers': {
      const worker = f.required('worker_id', get('worker_id'));
      const qualified = f.bool('qualified_sw', get('qualified_sw'), true);
      if (f.rejected || worker === null || qualified === null) return null;
      sink.add('workers', {
        workerId: worker,
        qualifiedSw: qualified,
        sweRegistration: get('swe_registration')?.toUpperCase() ?? null,
        source,
      });
      return null;
    }
    case 'cla_health': {
      const child = (f.childId = f.required('child_id', get('child_id')));
      const typeRaw = f.required('check_type', get('check_type'));
      const type = typeRaw?.toUpperCase() ?? null;
      if (type !== null && type !== 'IHA' && type !== 'RHA' && type !== 'DENTAL') {
        f.issue(
          'GEN-CODE',
          'error',
          'check_type',
          typeRaw,
          `check_type '${typeRaw}' is not IHA, RHA or DENTAL`,
        );
      }
      const date = f.date('check_date', get('check_date'), 'iso', { required: true });
      const outRaw = f.required('check_outcome', get('check_outcome'));
      const out = outRaw === null ? null : slug(outRaw);
      const outcome =
        out === 'completed' ? 'completed' : out === 'declined' || out === 'refused' ? 'declined' : null;
      if (outRaw !== null && outcome === null) {
        f.issue(
          'GEN-CODE',
          'error',
          'check_outcome',
          outRaw,
          `check_outcome '${outRaw}' is not completed or declined`,
        );
      }
      if (f.rejected || child === null || date === null || outcome === null) return null;
      sink.add('healthChecks', {
        id: sink.id(table, [child, String(type), date].join('/'), f.position),
        childId: child,
        checkType: type as 'IHA' | 'RHA' | 'DENTAL',
        checkDate: date,
        outcome,
        source,
      });
      return { key: date, others: NO_OTHER_DATES };
    }
    case 'care_leavers': {
      const child = (f.childId = f.required('child_id', get('child_id')));
      const date = f.date('status_date', get('status_date'), 'iso', { required: true });
      const inTouch = f.required('in_touch', get('in_touch'));
      const activity = f.required('activity', get('activity'));
      const accommodation = f.required('accommodation', get('accommodation'));
      const eligRaw = get('eligibility');
      let eligibility: CareLeaverEligibility | null = null;
      if (eligRaw !== null) {
        const e = slug(eligRaw) as CareLeaverEligibility;
        if (ELIGIBILITY.includes(e)) eligibility = e;
        else
          f.issue(
            'GEN-CODE',
            'warning',
            'eligibility',
            eligRaw,
            `eligibility '${eligRaw}' is not relevant, former-relevant, eligible or qualifying; read as blank`,
          );
      }
      if (f.rejected || child === null || date === null || !inTouch || !activity || !accommodation)
        return null;
      sink.add('careLeavers', {
        id: sink.id(table, [child, date].join('/'), f.position),
        childId: child,
        statusDate: date,
        inTouch: inTouch.toUpperCase(),
        activity: activity.toUpperCase(),
        accommodation: accommodation.toUpperCase(),
        eligibility,
        source,
      });
      return { key: date, others: NO_OTHER_DATES };
    }
    case 'placements_long_term': {
      const child = (f.childId = f.required('child_id', get('child_id')));
      const start = f.date('placement_start', get('placement_start'), 'iso', { required: true });
      const from = f.date('long_term_from', get('long_term_from'), 'iso');
      if (f.rejected || child === null || start === null) return null;
      sink.add('placementsLongTerm', {
        id: sink.id(table, [child, start].join('/'), f.position),
        childId: child,
        placementStart: start,
        longTermFrom: from ?? start,
        source,
      });
      return null;
    }
    case 'postcodes': {
      const raw = f.required('pcd', get('pcd'));
      const pcd = raw === null ? null : raw.toUpperCase().replace(/\s+/g, '');
      if (pcd !== null && !PCD.test(pcd))
        f.issue('LOC-PCD', 'error', 'pcd', raw, `pcd '${raw}' is not a full unit postcode`);
      const easting = gridRef('easting', get('easting'), 0, 700000, f);
      const northing = gridRef('northing', get('northing'), 0, 1300000, f);
      if (f.rejected || pcd === null) return null;
      sink.add('postcodes', { pcd, easting, northing, laua: get('laua')?.toUpperCase() ?? null, source });
      return null;
    }
    case 'strategy_discussions': {
      const child = (f.childId = f.required('child_id', get('child_id')));
      const date = f.date('strategy_date', get('strategy_date'), 'iso', { required: true });
      const s47 = f.date('s47_start', get('s47_start'), 'iso');
      if (f.rejected || child === null || date === null) return null;
      sink.add('strategyDiscussions', {
        id: sink.id(table, [child, date].join('/'), f.position),
        childId: child,
        strategyDate: date,
        s47Start: s47,
        source,
      });
      return { key: date, others: [s47] };
    }
    case 'population': {
      const year = f.required('year', get('year'), 'LOC-POP');
      const la = f.required('la_code', get('la_code'), 'LOC-POP');
      const nRaw = f.required('aged_0_17', get('aged_0_17'), 'LOC-POP');
      const m = year === null ? null : /^(\d{4})-(\d{2})$/.exec(year);
      if (year !== null && (!m || (Number(m[1]) + 1) % 100 !== Number(m[2]))) {
        f.issue(
          'LOC-POP',
          'error',
          'year',
          year,
          `year '${year}' is not a financial year written like 2021-22`,
        );
      }
      if (nRaw !== null && (!/^\d+$/.test(nRaw) || Number(nRaw) === 0)) {
        f.issue('LOC-POP', 'error', 'aged_0_17', nRaw, `aged_0_17 '${nRaw}' is not a positive whole number`);
      }
      if (f.rejected || year === null || la === null || nRaw === null) return null;
      sink.add('population', { year, laCode: la.toUpperCase(), aged0to17: Number(nRaw), source });
      return null;
    }
  }
}

/**
 * A contact's outcome (inputs.md §5): cspi's own `outcome` column (`referral`, `nfa`, `early-help`, `other`)
 * where the row fills it, else the SSD's `cont_contact_outcome_json` read by `readSsdContactOutcome`
 * (flags or a label). A value neither reads is LOC-OUTCOME, as is a decided contact with no outcome.
 */
function contactOutcome(get: Get, decided: boolean, f: RowFields): ContactOutcome | null {
  const own = get('outcome');
  if (own !== null) {
    const outcome = CONTACT_OUTCOME_CODES.get(slug(own)) ?? null;
    if (outcome === null) {
      f.issue(
        'LOC-OUTCOME',
        'error',
        'outcome',
        own,
        `outcome '${own}' is not referral, nfa, early-help or other`,
      );
    }
    return outcome;
  }
  const ssd = get(SSD_OUTCOME_COLUMN);
  if (ssd === null) {
    if (decided)
      f.issue('LOC-OUTCOME', 'error', 'outcome', null, 'the contact has a decided_at but no outcome');
    return null;
  }
  const read = readSsdContactOutcome(ssd);
  if (!read.ok) {
    f.issue(
      'LOC-OUTCOME',
      'error',
      'outcome',
      read.shown,
      `the outcome in ${SSD_OUTCOME_COLUMN} could not be read: ${read.problem}`,
    );
    return null;
  }
  if (read.outcome === null && decided) {
    f.issue(
      'LOC-OUTCOME',
      'error',
      'outcome',
      read.shown,
      `the contact has a decided_at but ${SSD_OUTCOME_COLUMN} sets no outcome flag to Y (expected one of NEW_REFERRAL_FLAG, EXISTING_REFERRAL_FLAG, CP_ENQUIRY_FLAG, NFA_FLAG, ADVICE_FLAG or another outcome flag)`,
    );
  }
  return read.outcome;
}

function gridRef(field: string, raw: string | null, min: number, max: number, f: RowFields): number | null {
  if (raw === null) return null;
  const v = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || v < min || v > max) {
    f.issue(
      'LOC-PCD',
      'error',
      field,
      raw,
      `${field} '${raw}' is not a grid reference in metres (${min}–${max})`,
    );
    return null;
  }
  return v;
}
