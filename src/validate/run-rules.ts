import type { StagedTables } from '../ingest/staged.js';
import type { ValidationIssue } from './issue.js';
import type { AnyRecord, Rule, RuleContext, StagedTableKey } from './rule.js';
import { childIdOf } from './rule.js';
import { humanPosition, sourceOf, tableLabel, xmlPathOf } from './record-place.js';
import { clipValue } from '../ingest/clip-value.js';

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
 * reported as skipped (a bug), never stops the others.
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
        reason: `internal error: ${e instanceof Error ? e.message : String(e)}`,
      });
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
    for (const hit of outcome.hits) {
      const severity = hit.severity ?? rule.severity;
      const src = sourceOf(hit.record);
      const file = src?.file ?? null;
      const position = src?.position ?? null;
      const label = position ? tableLabel(position, file ? fileTables.get(file) : undefined) : null;
      const unit =
        position && xmlPathOf(position)
          ? `this ${label}${label === 'Child' || label === 'CINdetails' ? ' and everything in it' : ''}`
          : 'this row';
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
        dfeRule: rule.dfeRule ?? null,
        message: `${file ?? ''}${position ? ` ${humanPosition(position)}` : ''}: ${hit.message}${tail}`,
      });
      if (severity === 'error') {
        let set = rejected.get(hit.table);
        if (!set) rejected.set(hit.table, (set = new Set()));
        set.add(hit.record);
        const path = position ? xmlPathOf(position) : null;
        if (path && file) {
          let paths = rejectedPaths.get(file);
          if (!paths) rejectedPaths.set(file, (paths = new Set()));
          paths.add(path);
        }
      } else if (hit.repair) {
        repairs.set(hit.record, hit.repair);
        const x = extras.get(hit.record);
        if (x) extras.set(hit.repair, x);
      }
    }
    for (const key of Object.keys(tables) as StagedTableKey[]) {
      const list = tables[key] as AnyRecord[] | undefined;
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
          const label = tableLabel(src.position, undefined);
          issues.push({
            code: 'PARENT-REJECTED',
            severity: 'error',
            file: src.file,
            table: label,
            position: src.position,
            childId: childIdOf(r),
            field: null,
            value: null,
            dfeRule: null,
            message: `${src.file} ${humanPosition(src.position)}: not loaded because the element it sits in was rejected.`,
          });
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
