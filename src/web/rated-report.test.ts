import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod } from '../calendar/period.js';
import { importSmallLa } from '../hub/hub-fixtures.js';
import { computeReport } from '../indicators/engine/compute-report.js';
import type { ReportRequest } from '../indicators/engine/indicator-result.js';
import { buildIndicatorInput } from '../indicators/input.js';
import { INDICATORS } from '../indicators/registry.js';
import { DEFAULT_SETTINGS } from '../indicators/settings.js';
import type { TargetSet } from '../indicators/targets.js';
import { loadDatasetVersion } from '../store/load-dataset.js';
import { ratedReports } from './rated-report.js';
import { memoryDatabase } from './testing/sqlite-memory.js';

test('memoised reports under changing targets equal the engine report computed afresh', async () => {
  const db = await memoryDatabase();
  await importSmallLa(db, '841', 30);
  const v = (await loadDatasetVersion(db, '841'))!;
  const req: ReportRequest = {
    input: buildIndicatorInput(v.dataset),
    period: parsePeriod('2021-22-Q3'),
    settings: DEFAULT_SETTINGS,
    targets: null,
    dataset: { id: v.version.id, hash: v.version.contentHash, asAt: v.version.extractDate },
  };
  const memo = ratedReports(INDICATORS);
  const sets: (TargetSet | null)[] = [
    null,
    {
      la: '841',
      year: '2021-22',
      overrides: [
        {
          indicator: 'cic-count',
          target: 10,
          tolerance: 2,
          toleranceUnit: 'points',
          kind: 'local',
          scheme: 'target-tolerance',
        },
      ],
    },
    {
      la: '841',
      year: '2021-22',
      overrides: [
        { indicator: 'cic-count', target: null, tolerance: null, toleranceUnit: 'percent', kind: null },
      ],
    },
    null,
  ];
  for (const targets of sets) {
    const got = memo.report({ ...req, targets });
    assert.equal(
      JSON.stringify(got),
      JSON.stringify(computeReport({ ...req, targets }, INDICATORS)),
      JSON.stringify(targets),
    );
  }
  const rated = memo.report({ ...req, targets: sets[1]! }).indicators.find((r) => r.id === 'cic-count')!;
  assert.equal(rated.target, 10);
  assert.equal(rated.tolerance, 2);
  assert.equal(
    memo.report({ ...req, targets: sets[2]! }).indicators.find((r) => r.id === 'cic-count')!.rag,
    null,
  );
});
