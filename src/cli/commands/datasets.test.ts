import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetLines } from './datasets.js';
import type { ListedVersion } from './datasets.js';

const empty = { error: 0, warning: 0, query: 0, structural: 0, byCode: {} };

test('cspi datasets lists versions newest first, marks the current one and names who loaded it', () => {
  const v = (id: string, current: boolean): ListedVersion => ({
    id,
    la: '841',
    seq: 1,
    createdAt: '2024-05-01T10:02:03.000Z',
    importId: 'i',
    contentHash: 'h',
    extractDate: '2024-03-31' as never,
    asAt: {},
    rowCounts: {
      files: [],
      tables: { children: 1200, episodes: 3456, referrals: 10 },
      submissions: [{ id: 's', source: 'ssda903', collectionYear: '2023-24', asAt: null, rows: {} }],
    },
    validation: { ...empty, error: 2 },
    checks: { ...empty, warning: 3 },
    current,
    createdBy: 'command line (jsmith)',
  });
  const lines = datasetLines([v('841-v2', true), v('841-v1', false)]);
  assert.equal(lines.length, 3);
  assert.match(
    lines[1]!,
    /^\* {2}841-v2\s+2024-05-01 10:02\s+by command line \(jsmith\)\s+as at 2024-03-31\s+children 1,200, episodes 3,456, referrals 10\s+errors 2, warnings 0, checks 3\s+ssda903 2023-24$/,
  );
  assert.match(lines[2]!, /^ {3}841-v1/);
  assert.match(datasetLines([])[0]!, /No datasets yet/);
});
