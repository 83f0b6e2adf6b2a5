// Compiles src/ (TypeScript) into dist/ (JavaScript, the same folder layout), so the `cspi` command starts
// without loading tsx and its esbuild service: about 0.6 s less on every command (issue #3: one LA imported
// in under 5 s). `npm ci` runs it (the `prepare` script) and so does `npm start`; bin/cspi.js uses dist/
// only while dist/build-stamp.json names the sources' current fingerprint, else it runs the sources through
// tsx as before. A stale build never runs: edit any source and the next command runs the sources.
//
// dist/ sits at the same depth as src/, so the data files that modules find relative to themselves
// (`new URL('../../data/…', import.meta.url)`) resolve the same from either.
//
// Usage: node scripts/build.mjs [--force]   (without --force, a fresh build is left as it is)
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sourceFiles, sourceFingerprint } from './source-fingerprint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const stampFile = join(dist, 'build-stamp.json');

const fingerprint = sourceFingerprint(src);
const force = process.argv.includes('--force');
if (!force && existsSync(stampFile)) {
  try {
    if (JSON.parse(readFileSync(stampFile, 'utf8')).fingerprint === fingerprint) process.exit(0);
  } catch {
    // An unreadable stamp: build again.
  }
}

// The stamp goes first and comes back last: an interrupted build leaves no stamp, so it is never used.
rmSync(dist, { recursive: true, force: true });
const entryPoints = sourceFiles(src).map((f) => join(src, f));
await build({
  entryPoints,
  outdir: dist,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
// A source edited while the build ran makes its output suspect: leave no stamp (the sources run instead).
if (sourceFingerprint(src) !== fingerprint) {
  console.error('cspi build: the sources changed during the build; run it again.');
  process.exit(1);
}
writeFileSync(stampFile, `${JSON.stringify({ fingerprint, files: entryPoints.length }, null, 2)}\n`);
