import { Rng } from './prng.js';
import type { LaInfo } from './la-table.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import type { CollectionYear } from './collection-years.js';
import type { CinCensus } from './cin-xml.js';
import type { SimChild, SimLa } from './sim-types.js';
import type { XNode } from './xml-tree.js';
import { addWd, day, ddmmyyyy } from './day-calendar.js';

/** The row-level faults `--faults` can inject, each with the rule code inputs.md §6 expects. */
export const FAULT_RULES = {
  'date-format': 'GEN-DATE',
  'impossible-date': 'GEN-DATE',
  'dup-key': 'GEN-DUP-KEY',
  'dob-diff': '903-DOB-DIFF',
  'x-dob': 'X-DOB',
  code: 'GEN-CODE',
  'ep-chain': '903-EP-CHAIN',
  'ep-order': '903-EP-ORDER',
  's47-icpc': 'CIN-S47-ICPC',
  'loc-order': 'LOC-ORDER',
} as const;

export type FaultKind = keyof typeof FAULT_RULES;

export const FAULT_KINDS = Object.keys(FAULT_RULES) as FaultKind[];

/** One injected fault, as listed in faults.json. */
export interface FaultRecord {
  readonly la: string;
  readonly kind: FaultKind;
  /** Path relative to the output folder. */
  readonly file: string;
  /** CSV line (header = 1) or XML line of the element. */
  readonly line: number;
  /** XML path of the element (CIN census only). */
  readonly path: string | null;
  readonly child: string;
  readonly field: string;
  readonly value: string;
  /** Expected rule code (inputs.md §6). */
  readonly rule: string;
}

/** What faults are injected into: one LA's tables and censuses before they are written. */
export interface FaultInput {
  readonly la: LaInfo;
  readonly seed: string;
  /** The faults to inject here (a kind may repeat); see {@link planFaults}. */
  readonly kinds: readonly FaultKind[];
  /** Distinguishes the random stream of each call (e.g. the collection year). */
  readonly label: string;
  readonly csvTables: CsvTable[];
  readonly censuses: { path: string; census: CinCensus; year: CollectionYear }[];
  /** The collection year of the tables. */
  readonly year: CollectionYear;
  /** The collection years written after this one (a child's latest census gives its CIN DOB). */
  readonly laterYears: readonly CollectionYear[];
  readonly sim: SimLa;
}

interface Pending {
  readonly kind: FaultKind;
  readonly file: string;
  readonly child: string;
  readonly field: string;
  readonly value: string;
  readonly row?: { table: CsvTable; row: CsvRow };
  readonly xml?: { node: XNode; path: string };
}

/**
 * Spreads a handful of faults over an LA's collection years: each requested kind once or twice, each in
 * a year drawn from the seed. Returns the kinds to inject per year index.
 */
export function planFaults(
  seed: string,
  la: string,
  kinds: readonly FaultKind[],
  years: number,
): FaultKind[][] {
  const rng = new Rng(`${seed}:${la}:fault-plan`);
  const plan: FaultKind[][] = Array.from({ length: years }, () => []);
  for (const kind of kinds) {
    const n = 1 + (rng.chance(0.5) ? 1 : 0);
    for (let i = 0; i < n; i++) plan[rng.int(0, years - 1)]!.push(kind);
  }
  return plan;
}

/** Parses a 903 `dd/mm/YYYY` cell back to a day number. */
const from903 = (s: string): number => day(`${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`);

/**
 * Injects a handful of realistic row-level faults per LA (deterministic from the seed) into tables not
 * yet written; `resolve()` after writing gives their final lines (XML lines are known once serialised).
 */
export function injectFaults(input: FaultInput): { resolve(): FaultRecord[] } {
  const rng = new Rng(`${input.seed}:${input.la.code}:faults:${input.label}`);
  const used = new Set<CsvRow | XNode>();
  const pending: Pending[] = [];
  const tables = (suffix: string): CsvTable[] =>
    input.csvTables.filter((t) => t.path.endsWith(suffix) && t.rows.length > 0);
  const pickRow = (
    suffix: string,
    ok: (t: CsvTable, r: CsvRow) => boolean,
  ): { table: CsvTable; row: CsvRow } | null => {
    const ts = tables(suffix);
    for (let attempt = 0; attempt < 200 && ts.length > 0; attempt++) {
      const table = rng.pick(ts);
      const row = rng.pick(table.rows);
      if (!used.has(row) && ok(table, row)) {
        used.add(row);
        return { table, row };
      }
    }
    return null;
  };
  const col = (t: CsvTable, name: string): number => t.columns.indexOf(name);
  const setCell = (
    kind: FaultKind,
    hit: { table: CsvTable; row: CsvRow } | null,
    field: string,
    value: (old: string) => string,
  ): void => {
    if (!hit) return;
    const i = col(hit.table, field);
    const v = value(hit.row.cells[i]!);
    hit.row.cells[i] = v;
    pending.push({ kind, file: hit.table.path, child: hit.row.child, field, value: v, row: hit });
  };
  /**
   * A duplicate key: a copy of the row inserted just after it, with `field` changed by `change` so that the
   * two rows differ, the fault recorded on the copy by its `key` column's value.
   */
  const duplicateRow = (
    kind: FaultKind,
    hit: { table: CsvTable; row: CsvRow } | null,
    field: string,
    change: (old: string) => string,
    key: string,
  ): void => {
    if (!hit) return;
    const copy: CsvRow = { child: hit.row.child, cells: [...hit.row.cells] };
    const i = col(hit.table, field);
    copy.cells[i] = change(copy.cells[i]!);
    hit.table.rows.splice(hit.table.rows.indexOf(hit.row) + 1, 0, copy);
    used.add(copy);
    pending.push({
      kind,
      file: hit.table.path,
      child: copy.child,
      field: key,
      value: copy.cells[col(hit.table, key)]!,
      row: { table: hit.table, row: copy },
    });
  };
  const yearOf = (t: CsvTable): number => Number(t.path.split('/')[1]!.slice(0, 4)) + 1;

  for (const kind of input.kinds) {
    {
      switch (kind) {
        case 'date-format': {
          if (rng.chance(0.5)) {
            setCell(
              kind,
              pickRow('/ssda903/reviews.csv', () => true),
              'REVIEW',
              (s) => `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`,
            );
          } else {
            setCell(
              kind,
              pickRow('/local/cla_health.csv', () => true),
              'check_date',
              (s) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`,
            );
          }
          break;
        }
        case 'impossible-date': {
          if (rng.chance(0.5)) {
            setCell(
              kind,
              pickRow('/ssda903/reviews.csv', () => true),
              'REVIEW',
              (s) => `${rng.chance(0.5) ? '30/02' : '31/04'}/${s.slice(6, 10)}`,
            );
          } else {
            setCell(
              kind,
              pickRow('/local/cla_health.csv', () => true),
              'check_date',
              (s) => `${s.slice(0, 4)}-${rng.chance(0.5) ? '02-30' : '06-31'}`,
            );
          }
          break;
        }
        case 'dup-key': {
          if (rng.chance(0.5)) {
            duplicateRow(
              kind,
              pickRow('/ssda903/episodes.csv', (t, r) => r.cells[col(t, 'PLACE')]!.startsWith('U')),
              'PLACE',
              (place) => (place === 'U6' ? 'U4' : 'U6'),
              'DECOM',
            );
          } else {
            duplicateRow(
              kind,
              pickRow('/local/contacts.csv', (t, r) => r.cells[col(t, 'decided_at')] !== ''),
              'outcome',
              (outcome) => (outcome === 'nfa' ? 'early-help' : 'nfa'),
              'contact_id',
            );
          }
          break;
        }
        case 'dob-diff': {
          const suffix = rng.chance(0.5) ? '/ssda903/reviews.csv' : '/ssda903/missing.csv';
          setCell(
            kind,
            pickRow(suffix, () => true),
            'DOB',
            (s) => ddmmyyyy(from903(s) + rng.pick([-31, -1, 1, 30, 365])),
          );
          break;
        }
        case 'x-dob': {
          const choices = input.censuses.filter((c) => c.census.children.length > 0);
          if (choices.length === 0) break;
          const c = rng.pick(choices);
          const header = input.csvTables.find(
            (t) => t.path === c.path.replace('cin_census.xml', 'ssda903/header.csv'),
          );
          const inHeader = new Set(header?.rows.map((r) => r.child) ?? []);
          // Only a child's latest census counts (the import takes the latest CIN DOB): not one shown later.
          const inLaterCensus = (x: SimChild): boolean =>
            x.referrals.some((r) =>
              input.laterYears.some(
                (y) => r.date <= y.refDate && (r.closure === null || r.closure >= y.start),
              ),
            );
          const candidates = c.census.children.filter(
            (x) => inHeader.has(x.child.id) && !inLaterCensus(x.child),
          );
          if (candidates.length === 0) break;
          const idx = c.census.children.indexOf(rng.pick(candidates));
          const childNode = c.census.children[idx]!;
          const ids = childNode.node.children![0]!;
          const dobNode = ids.children!.find((x) => x.name === 'PersonBirthDate');
          if (!dobNode || used.has(dobNode)) break;
          used.add(dobNode);
          const d = day(dobNode.text!) + rng.pick([-40, -2, 3, 28]);
          dobNode.text = ddIso(d);
          pending.push({
            kind,
            file: c.path,
            child: childNode.child.id,
            field: 'PersonBirthDate',
            value: dobNode.text,
            xml: {
              node: dobNode,
              path: `/Message/Children/Child[${idx + 1}]/ChildIdentifiers/PersonBirthDate`,
            },
          });
          break;
        }
        case 'code': {
          if (rng.chance(0.5)) {
            const hit = pickRow('/ssda903/episodes.csv', (t, r) =>
              ['U4', 'U6', 'K2'].includes(r.cells[col(t, 'PLACE')]!),
            );
            if (!hit) break;
            const y = yearOf(hit.table);
            setCell(kind, hit, 'PLACE', () => (y <= 2024 ? 'K3' : y === 2025 ? 'Z11' : 'H5'));
          } else {
            const c = rng.pick(input.censuses);
            const options: { node: XNode; path: string; child: string }[] = [];
            c.census.children.forEach((ch, ci) => {
              let di = 0;
              for (const d of ch.node.children!) {
                if (d.name !== 'CINdetails') continue;
                di++;
                const src = d.children!.find((x) => x.name === 'ReferralSource')!;
                options.push({
                  node: src,
                  path: `/Message/Children/Child[${ci + 1}]/CINdetails[${di}]/ReferralSource`,
                  child: ch.child.id,
                });
              }
            });
            if (options.length === 0) break;
            const o = rng.pick(options);
            if (used.has(o.node)) break;
            used.add(o.node);
            o.node.text = c.year.endYear < 2023 ? '5D' : '2C';
            pending.push({
              kind,
              file: c.path,
              child: o.child,
              field: 'ReferralSource',
              value: o.node.text,
              xml: { node: o.node, path: o.path },
            });
          }
          break;
        }
        case 'ep-chain': {
          // DEC a day or two early: the chain breaks there, and no CLA visit may fall in the days it
          // leaves uncovered (that would add an X-CLAV-NOTLAC).
          const shift = rng.int(1, 2);
          const childOf = new Map(input.sim.children.map((c) => [c.id, c]));
          const hit = pickRow('/ssda903/episodes.csv', (t, r) => {
            if (r.cells[col(t, 'REC')] !== 'X1') return false;
            const dec = from903(r.cells[col(t, 'DEC')]!);
            if (dec - from903(r.cells[col(t, 'DECOM')]!) < 3) return false;
            const c = childOf.get(r.child);
            return c !== undefined && !c.claVisits.some((v) => v.date >= dec - shift && v.date < dec);
          });
          setCell(kind, hit, 'DEC', (s) => ddmmyyyy(from903(s) - shift));
          break;
        }
        case 'ep-order': {
          // The rejected row must leave no trace elsewhere: a period's only episode (no X1 chain broken),
          // begun this year (no open version last year to go stale), and no CLA visit in it (X-CLAV-NOTLAC):
          // one without visits if there is one, else its visits go too (all in this year's cla_visits.csv).
          const childOf = new Map(input.sim.children.map((c) => [c.id, c]));
          const span = (t: CsvTable, r: CsvRow): [number, number] => [
            from903(r.cells[col(t, 'DECOM')]!),
            from903(r.cells[col(t, 'DEC')]!),
          ];
          const single = (t: CsvTable, r: CsvRow): boolean =>
            r.cells[col(t, 'REC')]!.startsWith('E') &&
            r.cells[col(t, 'RNE')] === 'S' &&
            !['V3', 'V4'].includes(r.cells[col(t, 'LS')]!) &&
            span(t, r)[0] >= input.year.start;
          const visitsIn = (t: CsvTable, r: CsvRow): boolean => {
            const [from, to] = span(t, r);
            return childOf.get(r.child)!.claVisits.some((v) => v.date >= from && v.date <= to);
          };
          const hit =
            pickRow('/ssda903/episodes.csv', (t, r) => single(t, r) && !visitsIn(t, r)) ??
            pickRow('/ssda903/episodes.csv', single);
          if (!hit) break;
          const [decom, dec] = span(hit.table, hit.row);
          for (const visits of tables('/local/cla_visits.csv')) {
            const at = col(visits, 'cla_visit_date');
            const keep = visits.rows.filter((v) => {
              if (v.child !== hit.row.child) return true;
              const d = day(v.cells[at]!.slice(0, 10));
              return d < decom || d > dec;
            });
            visits.rows.length = 0;
            for (const v of keep) visits.rows.push(v);
          }
          setCell(kind, hit, 'DEC', () => ddmmyyyy(decom - rng.int(3, 40)));
          break;
        }
        case 's47-icpc': {
          const options: { node: XNode; start: string; path: string; child: string; file: string }[] = [];
          for (const c of input.censuses) {
            c.census.children.forEach((ch, ci) => {
              let di = 0;
              for (const d of ch.node.children!) {
                if (d.name !== 'CINdetails') continue;
                di++;
                let si = 0;
                for (const s of d.children!) {
                  if (s.name !== 'Section47') continue;
                  si++;
                  const icpc = s.children!.find((x) => x.name === 'DateOfInitialCPC');
                  if (icpc)
                    options.push({
                      node: icpc,
                      start: s.children![0]!.text!,
                      path: `/Message/Children/Child[${ci + 1}]/CINdetails[${di}]/Section47[${si}]/DateOfInitialCPC`,
                      child: ch.child.id,
                      file: c.path,
                    });
                }
              }
            });
          }
          if (options.length === 0) break;
          const o = rng.pick(options);
          if (used.has(o.node)) break;
          used.add(o.node);
          o.node.text = ddIso(addWd(day(o.start), -rng.int(1, 5)));
          pending.push({
            kind,
            file: o.file,
            child: o.child,
            field: 'DateOfInitialCPC',
            value: o.node.text,
            xml: { node: o.node, path: o.path },
          });
          break;
        }
        case 'loc-order': {
          const hit = pickRow('/local/contacts.csv', (t, r) => r.cells[col(t, 'decided_at')] !== '');
          if (!hit) break;
          const received = hit.row.cells[col(hit.table, 'received_at')]!;
          const back = rng.int(1, 3);
          setCell(
            kind,
            hit,
            'decided_at',
            () => `${ddIso(day(received.slice(0, 10)) - back)}${received.slice(10)}`,
          );
          break;
        }
      }
    }
  }
  return {
    resolve(): FaultRecord[] {
      const out = pending.map((p): FaultRecord => ({
        la: input.la.code,
        kind: p.kind,
        file: p.file,
        line: p.row ? p.row.table.rows.indexOf(p.row.row) + 2 : (p.xml!.node.line ?? 0),
        path: p.xml ? p.xml.path : null,
        child: p.child,
        field: p.field,
        value: p.value,
        rule: FAULT_RULES[p.kind],
      }));
      return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    },
  };
}

function ddIso(d: number): string {
  const s = ddmmyyyy(d);
  return `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
}
