import type { CsvOpener, CsvOut } from './csv-table.js';
import type { CollectionYear } from './collection-years.js';
import type { SimLa } from './sim-types.js';
import { type Day, iso } from './day-calendar.js';
import type { LaProfile } from './la-profile.js';

/** Local extract tables (inputs.md §5) and their columns. */
export const LOCAL_TABLES = {
  contacts: ['contact_id', 'child_id', 'received_at', 'decided_at', 'outcome', 'source'],
  cp_visits: ['child_id', 'cp_visit_date', 'child_seen', 'seen_alone', 'visit_id'],
  cla_visits: ['child_id', 'cla_visit_date', 'child_seen', 'seen_alone', 'visit_id'],
  cla_health: ['child_id', 'check_type', 'check_date', 'check_outcome'],
  care_leavers: ['child_id', 'status_date', 'in_touch', 'activity', 'accommodation', 'eligibility'],
  strategy_discussions: ['child_id', 'strategy_date', 's47_start'],
  allocations: ['child_id', 'worker_id', 'allocation_start', 'allocation_end', 'role', 'team'],
  workers: ['worker_id', 'qualified_sw', 'swe_registration'],
  placements_long_term: ['child_id', 'placement_start', 'long_term_from'],
  postcodes: ['pcd', 'easting', 'northing', 'laua'],
  population: ['year', 'la_code', 'aged_0_17'],
} as const;

/** `YYYY-MM-DDThh:mm:ss` (Europe/London local time, no offset) from minutes since day 0. */
export function localDateTime(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const m = minutes - d * 1440;
  return `${iso(d)}T${HHMM[m]!}:00`;
}

const contactId = (n: number): string => `CT${String(n).padStart(7, '0')}`;
const visitId = (n: number): string => `V${String(n).padStart(8, '0')}`;
/** `hh:mm` of each minute of the day. */
const HHMM = Array.from(
  { length: 1440 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
);

const yn = (b: boolean | null): string => (b === null ? '' : b ? 'Y' : 'N');

/**
 * The local extract's event tables for one collection year: events dated in the year, as extracted on
 * the extract date (a decision or a Section 47 start after it is blank). Contacts are in order of receipt.
 */
export function localYearTables(sim: SimLa, year: CollectionYear, extract: Day, open: CsvOpener): void {
  const from = year.start;
  const to = Math.min(year.end, extract);
  const t = (name: keyof typeof LOCAL_TABLES): CsvOut => open(name, LOCAL_TABLES[name]);
  const contacts = t('contacts');
  const cpVisits = t('cp_visits');
  const claVisits = t('cla_visits');
  const health = t('cla_health');
  const leavers = t('care_leavers');
  const strategy = t('strategy_discussions');
  const inYear = (d: Day): boolean => d >= from && d <= to;
  const contactRows: { key: number; cells: string[]; child: string }[] = [];
  for (const c of sim.children) {
    for (const ct of c.contacts) {
      const rd = Math.floor(ct.received / 1440);
      if (!inYear(rd)) continue;
      const decided = Math.floor(ct.decided / 1440) <= extract;
      contactRows.push({
        key: ct.received,
        child: c.id,
        cells: [
          contactId(ct.id),
          c.id,
          localDateTime(ct.received),
          decided ? localDateTime(ct.decided) : '',
          decided ? ct.outcome : '',
          ct.source,
        ],
      });
    }
    for (const v of c.cpVisits) {
      if (inYear(v.date))
        cpVisits.add(c.id, [
          c.id,
          `${iso(v.date)}T${HHMM[v.minute]!}`,
          yn(v.seen),
          yn(v.seenAlone),
          visitId(v.id),
        ]);
    }
    for (const v of c.claVisits) {
      if (inYear(v.date))
        claVisits.add(c.id, [
          c.id,
          `${iso(v.date)}T${HHMM[v.minute]!}`,
          yn(v.seen),
          yn(v.seenAlone),
          visitId(v.id),
        ]);
    }
    for (const h of c.health) {
      if (inYear(h.date))
        health.add(c.id, [c.id, h.type, iso(h.date), h.completed ? 'completed' : 'declined']);
    }
    for (const s of c.leaver) {
      if (inYear(s.date))
        leavers.add(c.id, [c.id, iso(s.date), s.inTouch, s.activity, s.accommodation, s.eligibility]);
    }
    for (const s of c.strategies) {
      // An enquiry starting after the extract date is not yet in the case system: blank, as a decision is.
      const s47 = s.s47Start === null || s.s47Start > extract ? '' : iso(s.s47Start);
      if (inYear(s.date)) strategy.add(c.id, [c.id, iso(s.date), s47]);
    }
  }
  contactRows.sort((a, b) => a.key - b.key || (a.cells[0]! < b.cells[0]! ? -1 : 1));
  for (const r of contactRows) contacts.add(r.child, r.cells);
}

/** Reference tables as at the extract date: allocations, workers, long-term placements, postcodes, population. */
export function referenceTables(
  sim: SimLa,
  extract: Day,
  windowStart: Day,
  profile: LaProfile,
  yearLabels: readonly string[],
  open: CsvOpener,
): void {
  const t = (name: keyof typeof LOCAL_TABLES): CsvOut => open(name, LOCAL_TABLES[name]);
  const allocations = t('allocations');
  const workers = t('workers');
  const longTerm = t('placements_long_term');
  const postcodes = t('postcodes');
  const population = t('population');
  for (const c of sim.children) {
    for (const a of c.allocations) {
      if (a.start > extract) continue;
      allocations.add(c.id, [
        c.id,
        a.workerId,
        iso(a.start),
        a.end !== null && a.end <= extract ? iso(a.end) : '',
        a.role,
        a.team,
      ]);
    }
    for (const p of c.periods) {
      for (const lt of p.longTerm) {
        if (lt.from <= extract) longTerm.add(c.id, [c.id, iso(lt.placementStart), iso(lt.from)]);
      }
    }
  }
  const ws = [...sim.workers].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const w of ws) workers.add('', [w.id, w.qualified ? 'Y' : 'N', w.swe ?? '']);
  // Every postcode an episode in the written years uses (home and placement), as an ONSPD subset would.
  const used = new Set<string>();
  for (const c of sim.children) {
    for (const e of [...c.periods.flatMap((p) => p.episodes), ...c.shortBreaks]) {
      if (e.decom > extract || (e.dec !== null && e.dec < windowStart)) continue;
      used.add(c.homePost);
      if (e.plPost !== '') used.add(e.plPost);
    }
  }
  const pcs = [...sim.postcodes.values()]
    .filter((p) => p.listed && used.has(p.pcd))
    .sort((a, b) => (a.pcd < b.pcd ? -1 : 1));
  for (const p of pcs) postcodes.add('', [p.pcd, String(p.easting ?? ''), String(p.northing ?? ''), p.laua]);
  yearLabels.forEach((label, i) => {
    const n = Math.round(profile.children * (1 + 0.004 * (i - yearLabels.length + 1)));
    population.add('', [label, profile.la.code, String(n)]);
  });
}
