import type { CsvOpener, CsvOut } from './csv-table.js';
import type { CollectionYear } from './collection-years.js';
import type { SimChild, SimEpisode, SimLa, SimWorker } from './sim-types.js';
import { type Day, ageOn, birthdayOf, ddmmyyyy, plusMonths } from './day-calendar.js';
import { sex903 } from './codes.js';
import { Rng } from './prng.js';
import { SSDA903_COLUMNS } from '../ingest/ssda903/tables.js';

/**
 * The SSDA903 CSV tables the synthesiser writes, by file name in file-name order, each with the column set
 * the import reads it by (ingest/ssda903/tables.ts, inputs.md §2.1): one list of columns, so a column
 * added there is written here.
 */
export const SSDA903_TABLES = {
  header: SSDA903_COLUMNS.Header,
  episodes: SSDA903_COLUMNS.Episodes,
  reviews: SSDA903_COLUMNS.Reviews,
  uasc: SSDA903_COLUMNS.UASC,
  oc2: SSDA903_COLUMNS.OC2,
  oc3: SSDA903_COLUMNS.OC3,
  missing: SSDA903_COLUMNS.Missing,
  ad1: SSDA903_COLUMNS.AD1,
  placed_adoption: SSDA903_COLUMNS.PlacedAdoption,
  prev_perm: SSDA903_COLUMNS.PrevPerm,
  sw_episodes: SSDA903_COLUMNS.SWEpisodes,
} as const;

/** The file name of an SSDA903 table the synthesiser writes (`header`, `sw_episodes`, …). */
export type Ssda903File = keyof typeof SSDA903_TABLES;

const SW_REASONS = ['MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'OTHERS'];

const d903 = (d: Day | null): string => (d === null ? '' : ddmmyyyy(d));

/**
 * The SSDA903 return of one collection year as the LA would export it: every table of inputs.md §2.1
 * (SWEpisodes from 2023-24), each episode open at any point of the year, anything after the year's
 * reference date left blank (an episode open on 31 March is open here and reappears next year).
 * Rows go to the outputs `open` gives, one per table, opened in file-name order.
 */
export function ssda903Tables(sim: SimLa, year: CollectionYear, seed: string, open: CsvOpener): void {
  const ref = year.refDate;
  const t = (name: Ssda903File): CsvOut => open(name, SSDA903_TABLES[name]);
  const tables = {
    header: t('header'),
    episodes: t('episodes'),
    reviews: t('reviews'),
    uasc: t('uasc'),
    oc2: t('oc2'),
    oc3: t('oc3'),
    missing: t('missing'),
    ad1: t('ad1'),
    placed_adoption: t('placed_adoption'),
    prev_perm: t('prev_perm'),
    sw_episodes: year.endYear >= 2024 ? t('sw_episodes') : null,
  };
  const workers = new Map<string, SimWorker>(sim.workers.map((w) => [w.id, w]));
  const inHeader = new Set<string>();
  const row = (table: CsvOut, child: SimChild, cells: string[]): void => {
    if (table === tables.header) inHeader.add(child.id);
    table.add(child.id, cells);
  };
  for (const c of sim.children) {
    const eps: SimEpisode[] = [];
    for (const p of c.periods)
      for (const e of p.episodes) if (e.decom <= ref && (e.dec === null || e.dec >= year.start)) eps.push(e);
    for (const e of c.shortBreaks) if (e.decom <= ref && (e.dec === null || e.dec >= year.start)) eps.push(e);
    if (eps.length === 0) continue;
    eps.sort((a, b) => a.decom - b.decom);
    const dob = d903(c.dob);
    const ageEnd = ageOn(c.dob, ref);
    const mother =
      c.sex === 'F' && ageEnd >= 12 ? (c.motherOf !== null && c.motherOf <= ref ? '1' : '0') : '';
    row(tables.header, c, [
      c.id,
      sex903(c.sex, year.endYear),
      dob,
      c.ethnicity,
      c.upn ?? (c.uasc ? 'UN4' : 'UN2'),
      mother,
      mother === '1' ? d903(c.motherOf) : '',
    ]);
    for (const e of eps) {
      const closed = e.dec !== null && e.dec <= ref;
      row(tables.episodes, c, [
        c.id,
        d903(e.decom),
        e.rne,
        e.ls,
        e.cin,
        e.place,
        e.provider,
        closed ? d903(e.dec) : '',
        closed ? (e.rec ?? '') : '',
        closed ? (e.reasonChange ?? '') : '',
        c.homePost,
        e.plPost,
        e.urn,
      ]);
    }
    for (const r of c.reviews)
      if (r.date >= year.start && r.date <= ref) row(tables.reviews, c, [c.id, dob, d903(r.date), r.code]);
    if (c.uasc)
      row(tables.uasc, c, [
        c.id,
        sex903(c.sex, year.endYear),
        dob,
        c.uasc.duc <= ref ? d903(c.uasc.duc) : '',
      ]);
    for (const m of c.missing) {
      if (m.start < year.start || m.start > ref) continue;
      row(tables.missing, c, [
        c.id,
        dob,
        m.kind,
        d903(m.start),
        m.end !== null && m.end <= ref ? d903(m.end) : '',
      ]);
    }
    // PrevPerm is one row per child and year (its key, inputs.md §1.1): the year's first period of care.
    let prevPermWritten = false;
    for (const p of c.periods) {
      if (!prevPermWritten && p.start >= year.start && p.start <= ref) {
        row(tables.prev_perm, c, [c.id, dob, p.prevPerm.code, p.prevPerm.la ?? '', d903(p.prevPerm.date)]);
        prevPermWritten = true;
      }
      const a = p.adoption;
      if (a && a.decision <= ref && (a.placedCeased === null || a.placedCeased >= year.start)) {
        const ceased = a.placedCeased !== null && a.placedCeased <= ref;
        row(tables.placed_adoption, c, [
          c.id,
          dob,
          d903(a.decision),
          ceased ? d903(a.placedCeased) : '',
          ceased ? (a.placedCeasedReason ?? '') : '',
        ]);
      }
      const last = p.episodes[p.episodes.length - 1]!;
      if (
        a &&
        p.end !== null &&
        p.end >= year.start &&
        p.end <= ref &&
        (last.rec === 'E11' || last.rec === 'E12')
      ) {
        row(tables.ad1, c, [
          c.id,
          dob,
          d903(a.decision),
          d903(a.match),
          a.fosterCare ? '1' : '0',
          String(a.adopters.nb),
          a.adopters.sex,
          a.adopters.ls,
        ]);
      }
    }
    if (year.refDate === year.end) oc2Row(c, year, seed, (cells) => row(tables.oc2, c, cells));
    if (tables.sw_episodes) {
      for (const al of c.allocations) {
        if (al.team !== 'Children in Care' || al.start > ref || (al.end !== null && al.end < year.start))
          continue;
        const w = workers.get(al.workerId)!;
        const ended = al.end !== null && al.end <= ref;
        row(tables.sw_episodes, c, [
          c.id,
          dob,
          w.swe ?? `XX${w.id.slice(-5)}`,
          d903(al.start),
          ended ? d903(al.end) : '',
          ended ? SW_REASONS[(al.start + al.workerId.length) % SW_REASONS.length]! : '',
        ]);
      }
    }
  }
  // OC3: care leavers whose 17th–21st birthday falls in the year; they are in Header too (INT03).
  for (const c of sim.children) {
    if (c.leaver.length === 0) continue;
    for (let n = 17; n <= 21; n++) {
      const bd = birthdayOf(c.dob, n);
      if (bd < year.start || bd > ref) continue;
      let st = null;
      for (const s of c.leaver) if (s.date <= bd + 30) st = s;
      if (!st) continue;
      row(tables.oc3, c, [c.id, d903(c.dob), st.inTouch, st.activity, st.accommodation]);
      if (!inHeader.has(c.id)) {
        inHeader.add(c.id);
        const mother = c.sex === 'F' ? (c.motherOf !== null && c.motherOf <= ref ? '1' : '0') : '';
        const upn = c.upn ?? (c.uasc ? 'UN4' : 'UN1');
        row(tables.header, c, [
          c.id,
          sex903(c.sex, year.endYear),
          d903(c.dob),
          c.ethnicity,
          upn,
          mother,
          mother === '1' ? d903(c.motherOf) : '',
        ]);
      }
    }
  }
}

/** OC2 for a child looked after continuously for 12 months at 31 March. */
function oc2Row(c: SimChild, year: CollectionYear, seed: string, add: (cells: string[]) => void): void {
  const cut = plusMonths(year.end, -12);
  const p = c.periods.find((x) => x.start <= cut && (x.end === null || x.end > year.end));
  if (!p) return;
  const rng = new Rng(`${seed}:oc2:${c.id}:${year.label}`);
  const age = ageOn(c.dob, year.end);
  const inYear = (type: string): boolean =>
    c.health.some(
      (h) =>
        h.completed &&
        h.date >= year.start &&
        h.date <= year.end &&
        (type === 'DENTAL' ? h.type === 'DENTAL' : h.type !== 'DENTAL'),
    );
  const sdq =
    age >= 4 && age <= 16
      ? rng.chance(0.85)
        ? String(Math.min(40, Math.max(0, Math.round(rng.normal(14, 7)))))
        : ''
      : '';
  const sdqReason =
    age >= 4 && age <= 16 ? (sdq === '' ? rng.pick(['SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']) : '') : 'SDQ1';
  const substance = age >= 10 && rng.chance(0.04);
  add([
    c.id,
    d903(c.dob),
    sdq,
    sdqReason,
    age >= 10 ? (rng.chance(0.03) ? '1' : '0') : '',
    inYear('HEALTH') ? '1' : '0',
    rng.chance(0.88) ? '1' : '0',
    inYear('DENTAL') ? '1' : '0',
    age < 5 ? (rng.chance(0.9) ? '1' : '0') : '',
    substance ? '1' : '0',
    substance ? (rng.chance(0.6) ? '1' : '0') : '',
    substance ? (rng.chance(0.3) ? '1' : '0') : '',
  ]);
}
