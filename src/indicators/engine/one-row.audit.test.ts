// One bad-but-loadable row must never stop an LA's figures. A contacts row with a typo year (1922) once loaded
// without a word and then made `cspi indicators` and `cspi report` fail for the whole LA; that row is now
// rejected at import (GEN-PAST). This audit looks for other such rows: it takes a small synthetic LA, applies
// ONE corruption per case to one row of one file (or one whole table), imports it as `cspi import` does
// (readInputs, then importDataset into a SQLite file), and then computes the figures as `cspi indicators`
// and `cspi report` do (draft and public, HTML, CSV and JSON). Whatever the import loads may be flagged, left
// out of a figure with a note, or rejected, but the computation must not throw, and no figure may be NaN or
// ±Infinity, nor a percentage outside 0–100. Cases: hand-picked extremes, a typo year in every date column,
// and seeded random ones (synth's PRNG; ONE_ROW_FUZZ=500 for a deeper run by hand). With GEN-PAST switched
// off, the typo-year cases of received_at, AssessmentActualStartDate, S47ActualStartDate and CPPstartDate
// fail here as the lead's contacts row did ("working days for 1922 are not known").
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { runSynth } from '../../synth/run-synth.js';
import { day } from '../../synth/day-calendar.js';
import { readInputs } from '../../ingest/read-inputs.js';
import { importDataset } from '../../store/import-dataset.js';
import { openDatabase } from '../../store/open.js';
import { computeFromStore, runReport } from '../../cli/commands/report.js';
import { runIndicators } from '../../cli/commands/indicators.js';
import { storeDatasetSource } from '../../cli/dataset-source.js';
import { loadCodeBook } from '../../validate/code-lists.js';
import { Rng } from '../../synth/prng.js';
import type { IndicatorResult } from '../types.js';
import type { IsoDate } from '../../calendar/iso-date.js';

const LA = '841';
const PERIOD = '2021-22-Q4';
/**
 * The periods computed for each case: the latest quarter (the report's), the latest year, the first quarter
 * of the data (its trend and last year run before any data). A period after the data is refused by design
 * (PERIOD-AFTER-DATA), whatever the rows.
 */
const PERIODS = [PERIOD, '2021-22', '2020-21-Q1'];
/**
 * The settings file of the further run of each case's latest quarter: every working-day measure inclusive,
 * UASC left out, and each variant that changes what a row counts for set to its alternative (indicators.md).
 */
const OTHER_SETTINGS = {
  'workingDays.count': 'inclusive',
  excludeUasc: true,
  variants: {
    'rereferral.window': '365days',
    'screening.cohortBy': 'received',
    'assessment.anchor': 'referral',
    'icpc.anchor': 'strategy',
    cpDuration: 'elapsed',
    'repeat.window': '730days',
    'distance.threshold': 'gte',
    'distance.outsideLaOnly': true,
    'health.cohort': 'oc2',
    'dental.cohort': 'oc2',
    'careLeavers.cohort': 'oc3',
  },
};
/** A fixed today, years after the data (as an analyst loading older returns): later rows load. */
const TODAY = '2026-11-30' as IsoDate;
const Y = '2021-22';

const base = mkdtempSync(join(tmpdir(), 'cspi-one-row-'));
after(() => rmSync(base, { recursive: true, force: true }));

/** The synthetic LA's files: path relative to the LA folder → text. */
type Files = Map<string, string>;

function readTree(dir: string): Files {
  const out: Files = new Map();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** A CSV file as header and rows of cells (the synthetic files quote nothing). */
interface Table {
  header: string[];
  rows: string[][];
}
function table(files: Files, path: string): Table {
  const text = files.get(path);
  assert.ok(text !== undefined, `no file ${path}`);
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  assert.ok(!text.includes('"'), `${path} quotes a cell`);
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}
function put(files: Files, path: string, t: Table): void {
  files.set(path, [t.header, ...t.rows].map((r) => r.join(',')).join('\n') + '\n');
}
/** Changes one table: `f` edits the table in place. */
function edit(files: Files, path: string, f: (t: Table, col: (name: string) => number) => void): void {
  const t = table(files, path);
  const col = (name: string): number => {
    const i = t.header.indexOf(name);
    assert.ok(i >= 0, `${path} has no column ${name}`);
    return i;
  };
  f(t, col);
  put(files, path, t);
}
/** Sets `field` of the first row matching `where` (the first row when none given). */
function setCell(
  files: Files,
  path: string,
  field: string,
  value: string,
  where: (row: string[], col: (name: string) => number) => boolean = () => true,
): void {
  edit(files, path, (t, col) => {
    const row = t.rows.find((r) => where(r, col));
    assert.ok(row, `${path}: no row to change`);
    row[col(field)] = value;
  });
}
const CIN = `${Y}/cin_census.xml`;
/**
 * The first <Child> block of the CIN census whose text matches `has` (and, with `onlyOneReferral`, that holds
 * one CINdetails), changed by `f`.
 */
function editCinChild(
  files: Files,
  has: RegExp,
  f: (block: string) => string,
  onlyOneReferral = false,
): void {
  const xml = files.get(CIN)!;
  let done = false;
  const next = xml.replace(/<Child>[\s\S]*?<\/Child>/g, (block) => {
    if (done || !has.test(block)) return block;
    if (onlyOneReferral && block.split('<CINdetails>').length !== 2) return block;
    done = true;
    const changed = f(block);
    assert.notEqual(changed, block, 'the CIN child was not changed');
    return changed;
  });
  assert.ok(done, `no CIN child matches ${has}`);
  files.set(CIN, next);
}
const EP = `${Y}/ssda903/episodes.csv`;
const HEADER = `${Y}/ssda903/header.csv`;
/** The first episode open at the year's end (a child looked after on 31 March). */
const openEpisode = (r: string[], col: (n: string) => number): boolean => r[col('DEC')] === '';
/** dd/mm/yyyy of an ISO date. */
const uk = (iso: string): string => iso.split('-').reverse().join('/');

interface Case {
  readonly name: string;
  readonly corrupt: (files: Files) => void;
  /** The import's today, when not {@link TODAY}. */
  readonly today?: IsoDate;
  /**
   * The structural issue that refuses the whole import, when it is refused (else the case must load). No case
   * is: one rejected row of a table of 2–5 rows (AD1, placed for adoption, population) is over S-ERROR-RATE's
   * 20% but under its 10 rejected rows (limits.ts `minRejectedRows`), so the rest loads and must compute.
   */
  readonly refused?: string;
}

/**
 * Every valid code of an episode field, each on a different episode (across both years' files), so the rare
 * ones (legal status V3/V4 short breaks, every PLACE and REC) are all met in one import.
 */
function episodeCodesCase(field: 'PLACE' | 'REC' | 'LS'): Case {
  const book = loadCodeBook('ssda903', Y);
  assert.ok(book);
  const codes = (book.lists.fields[field] ?? []).filter((e) => e.status === 'valid').map((e) => e.code);
  assert.ok(codes.length > 0, `no ${field} codes`);
  return {
    name: `every valid ${field} code, each on one episode (${codes.join(' ')})`,
    corrupt: (files) => {
      let i = 0;
      for (const path of [EP, EP.replace(Y, '2020-21')])
        edit(files, path, (t, col) => {
          for (const r of t.rows) {
            if (i >= codes.length) return;
            if (field === 'REC' && r[col('DEC')] === '') continue;
            r[col(field)] = codes[i++]!;
          }
        });
      assert.equal(i, codes.length, `only ${i} episodes to hold ${codes.length} codes`);
    },
  };
}

const CASES: Case[] = [
  { name: 'nothing changed (the clean LA)', corrupt: () => {} },
  // Extreme but valid dates.
  {
    name: 'a contact received 1990-01-01, decided 32 years later',
    corrupt: (f) => setCell(f, `${Y}/local/contacts.csv`, 'received_at', '1990-01-01T09:00:00'),
  },
  {
    name: 'a contact decided before it was received',
    corrupt: (f) => setCell(f, `${Y}/local/contacts.csv`, 'decided_at', '2021-03-01T09:00:00'),
  },
  {
    name: 'a contact received and decided at the same moment',
    corrupt: (f) =>
      edit(f, `${Y}/local/contacts.csv`, (t, col) => {
        t.rows[0]![col('decided_at')] = t.rows[0]![col('received_at')]!;
      }),
  },
  {
    name: 'an episode started 1990-01-01 and still open (DEC long after DECOM)',
    corrupt: (f) => setCell(f, EP, 'DECOM', '01/01/1990', openEpisode),
  },
  {
    name: 'an episode of 0 days (DEC = DECOM)',
    corrupt: (f) =>
      edit(f, EP, (t, col) => {
        const r = t.rows.find((x) => x[col('DEC')] !== '')!;
        r[col('DEC')] = r[col('DECOM')]!;
      }),
  },
  {
    name: 'an episode ending before it starts',
    corrupt: (f) =>
      edit(f, EP, (t, col) => {
        const r = t.rows.find((x) => x[col('DEC')] !== '')!;
        r[col('DEC')] = '01/01/1991';
      }),
  },
  {
    name: 'a child in care born after every event (DOB 30/03/2022)',
    corrupt: (f) => {
      const child = table(f, EP).rows[0]![0]!;
      setCell(f, HEADER, 'DOB', '30/03/2022', (r) => r[0] === child);
    },
  },
  {
    name: 'a child in care aged 30 (DOB 1992)',
    corrupt: (f) => {
      const child = table(f, EP).rows[0]![0]!;
      setCell(f, HEADER, 'DOB', '01/01/1992', (r) => r[0] === child);
    },
  },
  {
    name: 'a child with 300 one-day episodes',
    corrupt: (f) =>
      edit(f, EP, (t, col) => {
        const child = table(f, HEADER).rows.find((r) => !t.rows.some((e) => e[0] === r[0]))?.[0] ?? 'X1';
        const template = t.rows[0]!;
        const start = Date.UTC(2021, 3, 1);
        for (let i = 0; i < 300; i++) {
          const r = [...template];
          r[col('CHILD')] = child;
          r[col('DECOM')] = uk(new Date(start + i * 86400000).toISOString().slice(0, 10));
          r[col('DEC')] = uk(new Date(start + (i + 1) * 86400000).toISOString().slice(0, 10));
          r[col('RNE')] = i === 0 ? 'S' : 'P';
          r[col('REC')] = i === 299 ? 'E13' : 'X1';
          r[col('REASON_PLACE_CHANGE')] = '';
          t.rows.push(r);
        }
      }),
  },
  {
    name: 'a CIN child with every date (birth included) the same day',
    corrupt: (f) => editCinChild(f, /CPPstartDate/, (b) => b.replace(/\d{4}-\d\d-\d\d/g, '2022-01-10'), true),
  },
  {
    name: 'a CIN child with every date (birth included) on 1990-01-01',
    corrupt: (f) =>
      editCinChild(
        f,
        /AssessmentAuthorisationDate/,
        (b) => b.replace(/\d{4}-\d\d-\d\d/g, '1990-01-01'),
        true,
      ),
  },
  {
    name: 'a CP plan ending before it starts',
    corrupt: (f) =>
      editCinChild(f, /CPPendDate/, (b) => b.replace(/<CPPendDate>[^<]*</, '<CPPendDate>1991-01-01<')),
  },
  {
    name: 'an assessment authorised before it starts',
    corrupt: (f) =>
      editCinChild(f, /AssessmentAuthorisationDate>2022/, (b) =>
        b.replace(/<AssessmentAuthorisationDate>[^<]*</, '<AssessmentAuthorisationDate>1991-01-01<'),
      ),
  },
  {
    name: 'a referral before the child was born',
    corrupt: (f) =>
      editCinChild(f, /CINreferralDate>2021/, (b) =>
        b.replace(/<PersonBirthDate>[^<]*</, '<PersonBirthDate>2022-03-01<'),
      ),
  },
  {
    name: 'a CIN closure long before the referral',
    corrupt: (f) =>
      editCinChild(f, /CINclosureDate>2022/, (b) =>
        b.replace(/<CINclosureDate>[^<]*</, '<CINclosureDate>1991-01-01<'),
      ),
  },
  {
    name: 'a contact received on the day of import, years after the return',
    corrupt: (f) =>
      edit(f, `${Y}/local/contacts.csv`, (t, col) => {
        t.rows[0]![col('received_at')] = '2026-11-27T09:00:00';
        t.rows[0]![col('decided_at')] = '2026-11-30T09:00:00';
      }),
  },
  ...['contacts.csv received_at', 'cp_visits.csv cp_visit_date', 'cla_visits.csv cla_visit_date'].map(
    (fileField): Case => {
      const [file, field] = fileField.split(' ') as [string, string];
      return {
        name: `${file}: a ${field} on the bank-holiday table's last day (2027-12-31), imported in 2028`,
        today: '2028-02-01' as IsoDate,
        corrupt: (f) => setCell(f, `${Y}/local/${file}`, field, '2027-12-31T09:00'),
      };
    },
  ),
  {
    name: 'a team name of 5,000 characters with markup and non-ASCII letters',
    corrupt: (f) =>
      edit(f, 'reference/allocations.csv', (t, col) => {
        for (const r of t.rows)
          if (r[col('allocation_end')] === '') r[col('team')] = `<b>Équipe "Ω"</b> ${'x'.repeat(5000)}`;
      }),
  },
  {
    name: "a contact whose child_id has leading zeros and a space ('007 ')",
    corrupt: (f) => setCell(f, `${Y}/local/contacts.csv`, 'child_id', '007 '),
  },
  {
    name: 'a contact with a lower-case source and outcome',
    corrupt: (f) =>
      edit(f, `${Y}/local/contacts.csv`, (t, col) => {
        t.rows[0]![col('source')] = t.rows[0]![col('source')]!.toLowerCase();
        t.rows[0]![col('outcome')] = t.rows[0]![col('outcome')]!.toUpperCase();
      }),
  },
  {
    name: 'a child in care whose episodes carry no postcodes at all',
    corrupt: (f) =>
      edit(f, EP, (t, col) => {
        const child = t.rows.find((r) => openEpisode(r, col))![0];
        for (const r of t.rows) if (r[0] === child) r[col('HOME_POST')] = r[col('PL_POST')] = '';
      }),
  },
  {
    name: 'an open episode whose placement postcode is its home postcode (distance 0)',
    corrupt: (f) =>
      edit(f, EP, (t, col) => {
        const r = t.rows.find((x) => openEpisode(x, col))!;
        r[col('PL_POST')] = r[col('HOME_POST')]!;
      }),
  },
  {
    name: 'an open episode started on 29 February 2020',
    corrupt: (f) => setCell(f, EP, 'DECOM', '29/02/2020', openEpisode),
  },
  {
    name: 'a child in care born on 29 February 2004',
    corrupt: (f) => {
      const child = table(f, EP).rows.find((r) => r[7] === '')![0]!;
      setCell(f, HEADER, 'DOB', '29/02/2004', (r) => r[0] === child);
    },
  },
  {
    name: 'an open episode started years after the return (2026)',
    corrupt: (f) => setCell(f, EP, 'DECOM', '01/06/2026', openEpisode),
  },
  {
    name: 'a CP plan started after the return (2026) and still open',
    corrupt: (f) =>
      editCinChild(f, /CPPstartDate/, (b) => b.replace(/<CPPstartDate>[^<]*</, '<CPPstartDate>2026-06-01<')),
  },
  {
    name: 'a CLA visit before the child was born',
    corrupt: (f) => setCell(f, `${Y}/local/cla_visits.csv`, 'cla_visit_date', '1990-01-02T10:00'),
  },
  {
    name: 'a CP visit before the child was born',
    corrupt: (f) => setCell(f, `${Y}/local/cp_visits.csv`, 'cp_visit_date', '1990-01-02T10:00'),
  },
  {
    name: 'a review before the child was born',
    corrupt: (f) => setCell(f, `${Y}/ssda903/reviews.csv`, 'REVIEW', '02/01/1990'),
  },
  {
    name: 'a missing episode ending before it starts',
    corrupt: (f) => setCell(f, `${Y}/ssda903/missing.csv`, 'MIS_END', '01/01/1991'),
  },
  {
    name: 'a long-term placement decided before the placement started',
    corrupt: (f) => setCell(f, 'reference/placements_long_term.csv', 'long_term_from', '1990-01-01'),
  },
  {
    name: 'an allocation ending before it starts',
    corrupt: (f) =>
      edit(f, 'reference/allocations.csv', (t, col) => {
        t.rows[t.rows.length - 1]![col('allocation_end')] = '1991-01-01';
      }),
  },
  {
    name: 'an allocation to a worker not in workers.csv',
    corrupt: (f) =>
      edit(f, 'reference/allocations.csv', (t, col) => {
        for (const r of t.rows) if (r[col('allocation_end')] === '') r[col('worker_id')] = 'W9999999';
      }),
  },
  {
    name: 'a health check before the child was born',
    corrupt: (f) => setCell(f, `${Y}/local/cla_health.csv`, 'check_date', '1990-01-02'),
  },
  {
    name: 'a strategy discussion long after its s47',
    corrupt: (f) => setCell(f, `${Y}/local/strategy_discussions.csv`, 'strategy_date', '2022-03-31'),
  },
  {
    name: 'a care leaver status dated 1990',
    corrupt: (f) => setCell(f, `${Y}/local/care_leavers.csv`, 'status_date', '1990-01-02'),
  },
  {
    name: 'a placement postcode not in postcodes.csv',
    corrupt: (f) => setCell(f, EP, 'PL_POST', 'ZZ99 9ZZ', openEpisode),
  },
  ...['999.9', '0', '0.0'].map((d): Case => ({
    name: `PL_DISTANCE ${d} on one open episode`,
    corrupt: (f) =>
      edit(f, EP, (t, col) => {
        t.header.push('PL_DISTANCE');
        for (const r of t.rows) r.push('');
        t.rows.find((r) => openEpisode(r, col))![t.header.length - 1] = d;
      }),
  })),
  {
    name: "the LA's population 1 in every year",
    corrupt: (f) =>
      edit(f, 'reference/population.csv', (t, col) => {
        for (const r of t.rows) r[col('aged_0_17')] = '1';
      }),
  },
  {
    name: "the LA's population 0 in the latest year",
    corrupt: (f) => setCell(f, 'reference/population.csv', 'aged_0_17', '0', (r) => r[0] === Y),
  },
  {
    name: 'population.csv left out',
    corrupt: (f) => void f.delete('reference/population.csv'),
  },
  {
    name: 'postcodes.csv left out',
    corrupt: (f) => void f.delete('reference/postcodes.csv'),
  },
  {
    name: "the same contact in both years' files",
    corrupt: (f) =>
      edit(f, `2020-21/local/contacts.csv`, (t) => {
        t.rows.push(table(f, `${Y}/local/contacts.csv`).rows[0]!);
      }),
  },
  {
    name: "the LA's population 0 in every year",
    corrupt: (f) =>
      edit(f, 'reference/population.csv', (t, col) => {
        for (const r of t.rows) r[col('aged_0_17')] = '0';
      }),
  },
  ...[
    'reference/population.csv',
    'reference/postcodes.csv',
    'reference/workers.csv',
    'reference/allocations.csv',
    'reference/placements_long_term.csv',
    `${Y}/local/contacts.csv`,
    `${Y}/local/cla_health.csv`,
    `${Y}/local/cla_visits.csv`,
    `${Y}/local/cp_visits.csv`,
    `${Y}/local/care_leavers.csv`,
    `${Y}/local/strategy_discussions.csv`,
    `${Y}/ssda903/missing.csv`,
    `${Y}/ssda903/reviews.csv`,
    `${Y}/ssda903/uasc.csv`,
  ].map((path): Case => ({
    name: `${path} present with its header only`,
    corrupt: (f) => edit(f, path, (t) => void (t.rows = [])),
  })),
  // Every optional field of one row left empty (the import rejects the row when a required one is missing).
  ...[
    `${Y}/local/contacts.csv`,
    `${Y}/local/cla_visits.csv`,
    `${Y}/local/cp_visits.csv`,
    `${Y}/local/cla_health.csv`,
    `${Y}/local/care_leavers.csv`,
    `${Y}/local/strategy_discussions.csv`,
    EP,
    HEADER,
    `${Y}/ssda903/missing.csv`,
    `${Y}/ssda903/reviews.csv`,
    `${Y}/ssda903/oc3.csv`,
    'reference/allocations.csv',
    'reference/workers.csv',
  ].map((path): Case => ({
    name: `${path}: one row with every field but the first two empty`,
    corrupt: (f) =>
      edit(f, path, (t) => {
        const r = t.rows[0]!;
        for (let i = 2; i < r.length; i++) r[i] = '';
      }),
  })),
  episodeCodesCase('LS'),
  episodeCodesCase('PLACE'),
  episodeCodesCase('REC'),
];

/** Extreme but loadable dates (GEN-PAST stops before 1990, GEN-FUTURE after {@link TODAY}). */
const EXTREME_DATES = [
  '1990-01-01',
  '1990-01-02',
  '1999-12-31',
  '2000-02-29',
  '2020-03-31',
  '2021-03-31',
  '2021-04-01',
  '2021-12-25',
  '2022-01-01',
  '2022-03-31',
  '2022-04-01',
  '2024-02-29',
  TODAY,
];

/** `iso` written as `like` is (dd/mm/yyyy, or ISO with the same time of day). */
function asWritten(iso: string, like: string): string {
  if (/^\d\d\/\d\d\/\d{4}$/.test(like)) return uk(iso);
  return iso + like.slice(10);
}
const DATE_CELL = /^(\d{4}-\d\d-\d\d(T[\d:]+)?|\d\d\/\d\d\/\d{4})$/;

/**
 * A seeded random case: one date of one row of one file (a CSV cell, or one date element of the CIN census)
 * set to one of {@link EXTREME_DATES}. The same seed picks the same cell and date on every run.
 */
function fuzzCase(seed: string): Case {
  return {
    name: `seeded ${seed}`,
    corrupt: (files) => {
      const rng = new Rng(`one-row:${seed}`);
      const date = rng.pick(EXTREME_DATES);
      const paths = [...files.keys()].filter((p) => p.endsWith('.csv') || p.endsWith('.xml')).sort();
      const path = rng.pick(paths);
      if (path.endsWith('.xml')) {
        const xml = files.get(path)!;
        const at = [...xml.matchAll(/<(\w+Date)>(\d{4}-\d\d-\d\d)</g)].filter(
          (m) => m[1] !== 'ReferenceDate',
        );
        const m = rng.pick(at);
        const i = m.index + m[0].indexOf('>') + 1;
        files.set(path, xml.slice(0, i) + date + xml.slice(i + 10));
        return;
      }
      edit(files, path, (t) => {
        const cells = t.rows.flatMap((r, ri) =>
          r.flatMap((v, ci) => (DATE_CELL.test(v) ? [[ri, ci] as const] : [])),
        );
        if (cells.length === 0) return;
        const [ri, ci] = rng.pick(cells);
        t.rows[ri]![ci] = asWritten(date, t.rows[ri]![ci]!);
      });
    },
  };
}
/**
 * A seeded random case of another kind: one cell of one row (not its first column, the child or record id)
 * given the value the same column has in another row of the file, or one date element of the CIN census
 * given another element's date of the same name: every value is one the file already holds, but the row's
 * combination is odd (a code with the wrong kind of episode, a date out of its row's order).
 */
function shuffleCase(seed: string): Case {
  return {
    name: `seeded shuffle ${seed}`,
    corrupt: (files) => {
      const rng = new Rng(`one-row-shuffle:${seed}`);
      const paths = [...files.keys()].filter((p) => p.endsWith('.csv') || p.endsWith('.xml')).sort();
      for (;;) {
        const path = rng.pick(paths);
        if (path.endsWith('.xml')) {
          const xml = files.get(path)!;
          const at = [...xml.matchAll(/<(\w+Date)>(\d{4}-\d\d-\d\d)</g)].filter(
            (m) => m[1] !== 'ReferenceDate',
          );
          const m = rng.pick(at);
          const same = at.filter((x) => x[1] === m[1] && x[2] !== m[2]);
          if (same.length === 0) continue;
          const i = m.index + m[0].indexOf('>') + 1;
          files.set(path, xml.slice(0, i) + rng.pick(same)[2]! + xml.slice(i + 10));
          return;
        }
        const t = table(files, path);
        if (t.rows.length < 2 || t.header.length < 2) continue;
        const ri = rng.int(0, t.rows.length - 1);
        const ci = rng.int(1, t.header.length - 1);
        const others = t.rows.map((r) => r[ci]!).filter((v) => v !== t.rows[ri]![ci]);
        if (others.length === 0) continue;
        // One in four: the cell left empty instead (an optional field missing; a required one is rejected).
        t.rows[ri]![ci] = rng.chance(0.25) ? '' : rng.pick(others);
        put(files, path, t);
        return;
      }
    },
  };
}
/** Seeded cases of each kind: 20, or ONE_ROW_FUZZ for a deeper run by hand (ONE_ROW_FUZZ=500). */
const FUZZ = Number(process.env['ONE_ROW_FUZZ'] ?? 20);
const FUZZ_CASES = [
  ...Array.from({ length: FUZZ }, (_, i) => fuzzCase(String(i + 1))),
  ...Array.from({ length: FUZZ }, (_, i) => shuffleCase(String(i + 1))),
];

/**
 * A year typed wrong (1922 for 2022) in one date of one row, for every date column of every file and every
 * date element of the CIN census (birth dates included): the lead's contacts case, everywhere else.
 */
function typoYearCases(files: Files): Case[] {
  const out: Case[] = [];
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (path.endsWith('.xml')) {
      const tags = [...new Set([...text.matchAll(/<(\w+Date)>\d{4}-/g)].map((m) => m[1]!))];
      for (const tag of tags.filter((t) => t !== 'ReferenceDate'))
        out.push({
          name: `${path}: a typo year (1922) in the first ${tag}`,
          corrupt: (f) => f.set(path, f.get(path)!.replace(new RegExp(`<${tag}>\\d{4}`), `<${tag}>1922`)),
        });
      continue;
    }
    if (!path.endsWith('.csv')) continue;
    const t = table(files, path);
    t.header.forEach((name, ci) => {
      const ri = t.rows.findIndex((r) => DATE_CELL.test(r[ci] ?? ''));
      if (ri < 0) return;
      out.push({
        name: `${path}: a typo year (1922) in ${name}`,
        corrupt: (f) =>
          edit(f, path, (tt) => {
            const v = tt.rows[ri]![ci]!;
            tt.rows[ri]![ci] = v[2] === '/' ? v.replace(/\d{4}$/, '1922') : v.replace(/^\d{4}/, '1922');
          }),
      });
    });
  }
  return out;
}

/** Every number anywhere in `v` that is not finite, as `path: value`. */
function nonFinite(v: unknown, path: string, out: string[] = []): string[] {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) out.push(`${path}: ${v}`);
  } else if (Array.isArray(v)) v.forEach((x, i) => nonFinite(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) nonFinite(x, `${path}.${k}`, out);
  return out;
}

/** Each percentage of a result (headline, previous, last year, trend, breakdowns) outside 0–100. */
function percentOutOfRange(r: IndicatorResult): string[] {
  if (r.unit !== 'percent') return [];
  const values: [string, number | null | undefined][] = [
    ['value', r.value],
    ['previous', r.previous?.value],
    ['lastYear', r.lastYear?.value],
    ...r.trend.map((t, i): [string, number | null] => [`trend[${i}]`, t.value]),
    ...Object.entries(r.breakdowns).flatMap(([k, rows]) =>
      rows.map((b, i): [string, number | null | undefined] => [`breakdowns.${k}[${i}]`, b.value]),
    ),
  ];
  return values
    .filter(([, v]) => typeof v === 'number' && (v < 0 || v > 100))
    .map(([k, v]) => `${r.id}.${k}: ${v}`);
}

/** Runs `f` with stdout silenced (the report command prints what it wrote). */
async function silently<T>(f: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await f();
  } finally {
    process.stdout.write = write;
  }
}

let n = 0;
/**
 * Writes the files and imports them into a new SQLite file: its path, or when the import is refused, the
 * codes of the structural issues that refused it.
 */
async function importFiles(
  files: Files,
  today: IsoDate = TODAY,
): Promise<{ db: string } | { refused: string[] }> {
  const dir = join(base, `case-${++n}`);
  for (const [p, text] of files) {
    mkdirSync(dirname(join(dir, 'la', p)), { recursive: true });
    writeFileSync(join(dir, 'la', p), text);
  }
  const read = await readInputs([join(dir, 'la')], { la: LA, today });
  const structural = [...new Set(read.issues.filter((i) => i.code.startsWith('S-')).map((i) => i.code))];
  if (read.refused) return { refused: structural };
  const db = join(dir, 'cspi.db');
  const store = await openDatabase(db);
  try {
    const outcome = await importDataset(store, read, { la: LA });
    if (outcome.kind !== 'imported') return { refused: [outcome.kind] };
  } finally {
    await store.close();
  }
  return { db };
}

const synthOut = join(base, 'synth');
await runSynth({
  out: synthOut,
  las: 1,
  years: 2,
  extract: day('2022-03-31'),
  seed: 'one-row',
  faults: [],
  scale: 0.05,
  threads: 1,
});
const clean: Files = readTree(join(synthOut, LA));
const settingsFile = join(base, 'settings.json');
writeFileSync(settingsFile, JSON.stringify(OTHER_SETTINGS));

describe('one bad-but-loaded row never stops the figures (cspi indicators, cspi report)', () => {
  for (const c of [...CASES, ...typoYearCases(clean), ...FUZZ_CASES]) {
    test(c.name, async () => {
      const files = new Map(clean);
      c.corrupt(files);
      const changed = files.size !== clean.size || [...files].some(([p, text]) => clean.get(p) !== text);
      assert.equal(changed, !c.name.startsWith('nothing changed'), 'the case changes the files');
      const imported = await importFiles(files, c.today);
      if (!c.name.startsWith('seeded'))
        assert.deepEqual('refused' in imported ? imported.refused : [], c.refused ? [c.refused] : []);
      if (!('db' in imported)) return; // refused at import: allowed
      const { db } = imported;
      const runs = [...PERIODS.map((period) => ({ period })), { period: PERIOD, settings: settingsFile }];
      for (const { period, ...opts } of runs) {
        const computed = await computeFromStore({ period, db, ...opts });
        assert.deepEqual(nonFinite(computed.report, `${period} report`), []);
        assert.deepEqual(nonFinite(computed.membersQuestions, `${period} membersQuestions`), []);
        assert.deepEqual(computed.report.indicators.flatMap(percentOutOfRange), []);
      }
      const source = await storeDatasetSource(db, undefined, { readOnlyIfUnwritable: true });
      let text = '';
      try {
        await runIndicators({ period: PERIOD }, source, (s) => void (text += s));
      } finally {
        await source.close();
      }
      assert.ok(text.length > 0);
      const dir = dirname(db);
      await silently(() =>
        runReport({
          period: PERIOD,
          db,
          out: [join(dir, 'r.html'), join(dir, 'r.csv'), join(dir, 'r.json')],
        }),
      );
      await silently(() =>
        runReport({ period: PERIOD, db, public: true, out: [join(dir, 'p.html'), join(dir, 'p.csv')] }),
      );
    });
  }
});
