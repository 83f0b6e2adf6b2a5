import { importSmallLa } from '../../hub/hub-fixtures.js';
import { saveIndicatorReport } from '../../hub/indicator-results.js';
import type { Database } from '../../store/database.js';
import { createFakeServices } from './fake-services.js';

/**
 * Test helper: other LAs' hub figures for 2021-22-Q3 in a store, as `cspi hub compute` leaves them: each LA
 * imported small (`importSmallLa`), its fake scorecard saved as its stored figures, and assessments-45wd set
 * to the given value.
 * @example await storeOtherLas(db, { '840': 70, '805': 90, '352': 60 })
 */
export async function storeOtherLas(db: Database, values: Readonly<Record<string, number>>): Promise<void> {
  const fake = createFakeServices({ las: Object.keys(values).map((code) => ({ code, name: code })) });
  for (const [la, value] of Object.entries(values)) {
    await importSmallLa(db, la, 3);
    const id = (await db.get<{ id: string }>('SELECT id FROM dataset_versions WHERE la = ?', [la]))!.id;
    const r = (await fake.scorecard(la, '2021-22-Q3', null))!;
    await saveIndicatorReport(db, { ...r, dataset: { ...r.dataset, id } }, '2022-02-01T00:00:00Z');
    await db.run(
      "UPDATE indicator_results SET value = ? WHERE la = ? AND indicator_id = 'assessments-45wd'",
      [value, la],
    );
  }
}
