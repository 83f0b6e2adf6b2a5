import type { StagedTables } from '../ingest/staged.js';
import type { ValidationIssue } from './issue.js';
import type { AnyRecord, Rule, RuleContext, StagedTableKey } from './rule.js';
import { childIdOf, rowOf } from './rule.js';
import { isRowTable, type RowTable } from '../ingest/row-table.js';
import { humanPosition, sourceOf, tableLabel, xmlPathOf } from './record-place.js';
import { clipValue } from '../ingest/clip-value.js';

/** How a skip's reason begins when the rule threw (a bug), not when it had nothing to check. */
export const RULE_FAILED = 'internal error:';

export interface RunRulesResult {
  readonly tables: StagedTables;
  readonly issues: ValidationIssue[];
  /** Rules that did not run, with why. */
  readonly skipped: readonly { readonly code: string; readonly reason: string }[];
}

/**
 * Runs a year's rules over one submission's staged tables, in registry order: each rule sees the tables as
 * the previous rules left them. Errors remove the record (and, for XML, every element inside it:
 * `PARENT-REJECTED`); warnings with a repair replace it; queries change nothing. A rule that throws is
 * reported as skipped with a reason beginning {@link RULE_FAILED} (a bug: readInputs then refuses the import,
 * S-INTERNAL), never stops the others.
 * @example runRules(rulesFor('ssda903', '2021-22'), ctx, new Map([['episodes.csv', 'Episodes']]))
 */
export function runRules(
  rules: readonly Rule[],
  ctx: Omit<RuleContext, 'tables'> & { readonly tables: StagedTables },
  fileTables: ReadonlyMap<string, string>,
  extras: WeakMap<object, Readonly<Record<string, string | null>>>,
): RunRulesResult {
  const tables: StagedTables = { ...ctx.tables };
  const issues: ValidationIssue[] = [];
  const skippedRules: { code: string; reason: string }[] = [];
  for (const rule of rules) {
    let outcome;
    try {
      outcome = rule.check({ ...ctx, tables });
    } catch (e) {
      skippedRules.push({
        code: rule.code,
        reason: `${RULE_FAILED} ${e instanceof Error ? e.message : String(e)}`,
      });
      if (process.env['CSPI_DEBUG'])
        process.stderr.write(`${rule.code} failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      continue;
    }
    if (outcome.kind === 'skipped') {
      skippedRules.push({ code: rule.code, reason: outcome.reason });
      continue;
    }
    if (outcome.hits.length === 0) continue;
    const rejected = new Map<StagedTableKey, Set<AnyRecord>>();
    const repairs = new Map<AnyRecord, AnyRecord>();
    const rejectedPaths = new Map<string, Set<string>>();
    // Tables held by column (episodes, a census's CIN tables): their hits are rows of the table the rule saw.
    const rejectedRows = new Map<StagedTableKey, Set<number>>();
    const repairedRows = new Map<StagedTableKey, Map<number, object>>();
    for (const hit of outcome.hits) {
      const severity = hit.severity ?? rule.severity;
      const byRow = tables[hit.table];
      if (isRowTable(byRow)) {
        const row = rowOf(hit);
        if (severity === 'error') {
          let rows = rejectedRows.get(hit.table);
          if (!rows) rejectedRows.set(hit.table, (rows = new Set()));
          rows.add(row);
        } else if (hit.repair) {
          let rows = repairedRows.get(hit.table);
          if (!rows) repairedRows.set(hit.table, (rows = new Map()));
          rows.set(row, hit.repair);
        }
      }
      if (severity === 'error') {
        for (const { table, record } of [
          { table: hit.table, record: hit.record },
          ...(hit.alsoRejects ?? []),
        ]) {
          let set = rejected.get(table);
          if (!set) rejected.set(table, (set = new Set()));
          set.add(record);
        }
        const src = sourceOf(hit.record);
        const path = src ? xmlPathOf(src.position) : null;
        if (path && src) {
          let paths = rejectedPaths.get(src.file);
          if (!paths) rejectedPaths.set(src.file, (paths = new Set()));
          paths.add(path);
        }
      } else if (hit.repair) {
        repairs.set(hit.record, hit.repair);
        const x = extras.get(hit.record);
        if (x) extras.set(hit.repair, x);
      }
    }
    // An XML element that still holds a loaded record of another table (an SSDA903 HEADER gives the Header row
    // and may give UASC, OC3 and AD1 rows) is not rejected: only the failing record goes, not what sits inside.
    const held = rejectedPaths.size > 0 ? heldPaths(tables, rejected, rejectedRows, rejectedPaths) : null;
    for (const [file, paths] of held ?? []) for (const p of paths) rejectedPaths.get(file)?.delete(p);
    for (const hit of outcome.hits) {
      const severity = hit.severity ?? rule.severity;
      const src = sourceOf(hit.record);
      const file = src?.file ?? null;
      const position = hit.position ?? src?.position ?? null;
      const label = position
        ? recordLabel(hit.table, position, file ? fileTables.get(file) : undefined)
        : null;
      const path = position ? xmlPathOf(position) : null;
      const shared = SHARED_ELEMENT_TABLES[hit.table];
      const unit = !path
        ? 'this row'
        : shared !== undefined || (file && held?.get(file)?.has(path))
          ? `its ${shared ?? (hit.table === 'children' ? 'Header' : hit.table)} record`
          : `this ${ELEMENT_WORDS[label!] ?? label}${label === 'Child' || label === 'CINdetails' ? ' and everything in it' : ''}`;
      const tail = severity === 'error' ? `; ${unit} was not loaded.` : '.';
      issues.push({
        code: rule.code,
        severity,
        file,
        table: label,
        position,
        childId: childIdOf(hit.record),
        field: hit.field,
        value: clipValue(hit.value),
        dfeRule: hit.dfeRule !== undefined ? hit.dfeRule : (rule.dfeRule ?? null),
        message: `${file ?? ''}${position ? ` ${humanPosition(position)}` : ''}: ${hit.message}${tail}`,
      });
    }
    for (const key of Object.keys(tables) as StagedTableKey[]) {
      const t = tables[key];
      if (!isRowTable(t)) continue;
      const next = keptRows(key, t, rejectedRows.get(key), repairedRows.get(key), rejectedPaths, issues);
      if (next !== t) (tables as Record<string, unknown>)[key] = next;
    }
    for (const key of Object.keys(tables) as StagedTableKey[]) {
      const list = tables[key] as AnyRecord[] | undefined;
      if (isRowTable(list)) continue;
      if (!list) continue;
      const gone = rejected.get(key);
      let changed = false;
      const next: AnyRecord[] = [];
      for (const r of list) {
        if (gone?.has(r)) {
          changed = true;
          continue;
        }
        const src = sourceOf(r);
        if (rejectedPaths.size > 0 && src && insideRejected(src.file, src.position, rejectedPaths)) {
          changed = true;
          issues.push(parentRejected(key, src.file, src.position, childIdOf(r)));
          continue;
        }
        const repaired = repairs.get(r);
        if (repaired) changed = true;
        next.push(repaired ?? r);
      }
      if (changed) (tables as Record<string, AnyRecord[]>)[key] = next;
    }
  }
  return { tables, issues, skipped: skippedRules };
}

/** The issue of a record not loaded because the XML element it sits in was rejected. */
function parentRejected(
  key: StagedTableKey,
  file: string,
  position: string,
  childId: string | null,
): ValidationIssue {
  return {
    code: 'PARENT-REJECTED',
    severity: 'error',
    file,
    table: recordLabel(key, position, undefined),
    position,
    childId,
    field: null,
    value: null,
    dfeRule: null,
    message: `${file} ${humanPosition(position)}: not loaded because the element it sits in was rejected.`,
  };
}

/**
 * The rows of a table held by column left once a rule's hits are applied: rows an error rejected, or sitting in a
 * rejected XML element (`PARENT-REJECTED`), left out; rows a warning repaired replaced. The same table when
 * nothing changed.
 */
function keptRows(
  key: StagedTableKey,
  table: RowTable<object>,
  rejected: ReadonlySet<number> | undefined,
  repairs: ReadonlyMap<number, object> | undefined,
  rejectedPaths: ReadonlyMap<string, ReadonlySet<string>>,
  issues: ValidationIssue[],
): RowTable<object> {
  let drop: Uint8Array | null = null;
  for (const row of rejected ?? []) (drop ??= new Uint8Array(table.length))[row] = 1;
  if (rejectedPaths.size > 0) {
    for (let i = 0; i < table.length; i++) {
      if (drop?.[i] === 1) continue;
      const file = table.sourceFile(i);
      if (!rejectedPaths.has(file)) continue;
      const position = table.sourcePosition(i);
      if (!insideRejected(file, position, rejectedPaths)) continue;
      (drop ??= new Uint8Array(table.length))[i] = 1;
      issues.push(parentRejected(key, file, position, table.childId(i)));
    }
  }
  const repaired = repairs === undefined ? table : table.withRepairs(repairs);
  return drop === null ? repaired : repaired.without(drop);
}

/**
 * Tables whose XML records share their element with another table's (an SSDA903 HEADER gives the Header row and
 * may give UASC, OC3 and AD1 rows), by the name their counts and messages use (inputs.md §2.1, §6).
 */
const SHARED_ELEMENT_TABLES: Partial<Record<StagedTableKey, string>> = {
  uasc: 'UASC',
  oc3: 'OC3',
  ad1: 'AD1',
};

/**
 * CIN elements named in an error's outcome as the reader names them ("this assessment was not loaded", not
 * "this Assessments"): a message is plain English (inputs.md §6).
 */
const ELEMENT_WORDS: Readonly<Record<string, string>> = {
  Assessments: 'assessment',
  CINPlanDates: 'CIN plan',
  Section47: 'Section 47',
  ChildProtectionPlans: 'CP plan',
};

/**
 * The table label an issue about a record is counted under (inputs.md §6): the XML element type, except for a
 * record that shares its element (SSDA903 UASC, OC3, AD1: their own table, as the reader counts them); the
 * CSV file's table.
 */
function recordLabel(table: StagedTableKey, position: string, fileTable: string | undefined): string {
  const shared = SHARED_ELEMENT_TABLES[table];
  return shared !== undefined && xmlPathOf(position) !== null ? shared : tableLabel(position, fileTable);
}

/** Of the rejected XML paths, those where a record that is not rejected also sits (by file). */
function heldPaths(
  tables: StagedTables,
  rejected: ReadonlyMap<StagedTableKey, ReadonlySet<AnyRecord>>,
  rejectedRows: ReadonlyMap<StagedTableKey, ReadonlySet<number>>,
  rejectedPaths: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, Set<string>> {
  const held = new Map<string, Set<string>>();
  const hold = (file: string, position: string): void => {
    const paths = rejectedPaths.get(file);
    if (!paths) return;
    const path = xmlPathOf(position);
    if (path === null || !paths.has(path)) return;
    let h = held.get(file);
    if (!h) held.set(file, (h = new Set()));
    h.add(path);
  };
  for (const key of Object.keys(tables) as StagedTableKey[]) {
    const t = tables[key];
    if (isRowTable(t)) {
      const gone = rejectedRows.get(key);
      for (let i = 0; i < t.length; i++) {
        if (gone?.has(i)) continue;
        const file = t.sourceFile(i);
        if (rejectedPaths.has(file)) hold(file, t.sourcePosition(i));
      }
      continue;
    }
    const gone = rejected.get(key);
    for (const r of (t as AnyRecord[] | undefined) ?? []) {
      if (gone?.has(r)) continue;
      const src = sourceOf(r);
      if (src) hold(src.file, src.position);
    }
  }
  return held;
}

function insideRejected(
  file: string,
  position: string,
  rejected: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  const paths = rejected.get(file);
  if (!paths) return false;
  let path = xmlPathOf(position);
  if (path === null) return false;
  for (;;) {
    const cut = path.lastIndexOf('/');
    if (cut <= 0) return false;
    path = path.slice(0, cut);
    if (paths.has(path)) return true;
  }
}
