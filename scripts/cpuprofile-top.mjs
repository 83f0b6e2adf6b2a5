#!/usr/bin/env node
// Lists the top self-time functions of a V8 .cpuprofile (from `node --cpu-prof`).
// Usage: node scripts/cpuprofile-top.mjs <file.cpuprofile> [count=30]
import { readFileSync } from 'node:fs';

const [file, countArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/cpuprofile-top.mjs <file.cpuprofile> [count]');
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const self = new Map();
let total = 0;
for (const [id, us] of dt) {
  const n = byId.get(id);
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`;
  self.set(key, (self.get(key) ?? 0) + us);
  total += us;
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 30));
console.log(`total sampled ${(total / 1e6).toFixed(2)} s`);
for (const [k, us] of top)
  console.log(
    `${(us / 1e3).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
  );

// With CPUPROF_LINES=<function name>: the hottest source lines of that function (from positionTicks).
const want = process.env['CPUPROF_LINES'];
if (want) {
  const lines = new Map();
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== want || !n.positionTicks) continue;
    for (const t of n.positionTicks) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
  }
  console.log(`hot lines of ${want}:`);
  for (const [line, ticks] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  line ${line}: ${ticks} ticks`);
}

// With CPUPROF_TOTAL=name1,name2: inclusive time of those functions (self + callees).
const totals = process.env['CPUPROF_TOTAL'];
if (totals) {
  const selfUs = new Map([...dt]);
  const incl = new Map();
  const visit = (n) => {
    let t = selfUs.get(n.id) ?? 0;
    for (const c of n.children ?? []) t += visit(byId.get(c));
    incl.set(n.id, t);
    return t;
  };
  visit(profile.nodes[0]);
  for (const name of totals.split(',')) {
    let t = 0;
    const walk = (n, inside) => {
      const match = n.callFrame.functionName === name;
      if (match && !inside) t += incl.get(n.id);
      for (const c of n.children ?? []) walk(byId.get(c), inside || match);
    };
    walk(profile.nodes[0], false);
    console.log(`inclusive ${name}: ${(t / 1e3).toFixed(0)} ms (${((100 * t) / total).toFixed(1)}%)`);
  }
}
