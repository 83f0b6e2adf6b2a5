import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { assembleDataset } from '../assemble/assemble-dataset.js';
import { reidentifyInPlace } from '../assemble/keyed-merge.js';
import type { SubmissionRecords } from '../assemble/submission-records.js';
import { RECORD_TABLES } from '../records/record-tables.js';
import { ASSEMBLY_VERSION } from './assembly-version.js';
import { encodeSnapshot } from './snapshot-codec.js';

// Stored snapshots are trusted only while the merge and the record tables are what wrote them. This test
// pins both: the fixture's submissions (write-assembly-fixture.ts) assembled and encoded, and the record
// tables' descriptions, hashed together. Change either and the hash moves: bump ASSEMBLY_VERSION (every
// snapshot stored before is then ignored and its version assembled again) and rewrite the fingerprint with
// `CSPI_WRITE_ASSEMBLY_FINGERPRINT=1 node scripts/run-tests.mjs assembly-fingerprint`.

const FINGERPRINT = new URL('fixture/assembly-fingerprint.json', import.meta.url);

function fixture(): SubmissionRecords[] {
  return JSON.parse(
    gunzipSync(readFileSync(new URL('fixture/synth-841.submissions.json.gz', import.meta.url))).toString(),
  ) as SubmissionRecords[];
}

/** The assembled records themselves (Sets as lists), not their encoding (the snapshot's layout has its own version). */
function canonical(a: ReturnType<typeof assembleDataset>): string {
  return JSON.stringify({ dataset: a.dataset, issues: a.issues }, (_, v: unknown) =>
    v instanceof Set ? [...v] : v,
  );
}

function fingerprint(): string {
  const { dataset, issues } = assembleDataset('841', fixture());
  assert.ok(encodeSnapshot({ dataset, checks: issues }), 'the fixture dataset has a snapshot');
  return createHash('sha256')
    .update(JSON.stringify(RECORD_TABLES))
    .update(canonical({ dataset, issues }))
    .digest('hex');
}

test('re-identifying the records in place assembles exactly what copying them does', () => {
  const copied = canonical(assembleDataset('841', fixture()));
  const submissions = fixture();
  const inPlace = canonical(assembleDataset('841', submissions, reidentifyInPlace));
  // Byte for byte: the same records, ids (each re-identified once), sources, and key order.
  assert.equal(inPlace, copied);
  // And in place it is: the submissions' own referrals now carry their loaded ids.
  const cin = submissions.find((s) => s.source === 'cin' && (s.tables.referrals?.length ?? 0) > 0)!;
  assert.ok(cin.tables.referrals!.some((r) => r.id.startsWith(`${cin.id}:`)));
});

test('the assembled fixture and the record tables are what this ASSEMBLY_VERSION wrote', () => {
  const now = { assembly: ASSEMBLY_VERSION, sha256: fingerprint() };
  if (process.env['CSPI_WRITE_ASSEMBLY_FINGERPRINT'] === '1')
    writeFileSync(FINGERPRINT, `${JSON.stringify(now, null, 2)}\n`);
  const pinned = JSON.parse(readFileSync(FINGERPRINT, 'utf8')) as typeof now;
  if (pinned.sha256 !== now.sha256) {
    assert.notEqual(
      pinned.assembly,
      ASSEMBLY_VERSION,
      'assembled datasets changed (src/store/assemble or records/record-tables.ts): bump ASSEMBLY_VERSION in ' +
        'src/store/snapshot/assembly-version.ts, then rewrite the fingerprint (see the top of this test)',
    );
    assert.fail(
      'ASSEMBLY_VERSION was bumped: rewrite the fingerprint with CSPI_WRITE_ASSEMBLY_FINGERPRINT=1 (see the top of this test)',
    );
  }
  assert.equal(pinned.assembly, ASSEMBLY_VERSION, 'ASSEMBLY_VERSION changed: rewrite the fingerprint');
});
