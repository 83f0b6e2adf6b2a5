/**
 * Test helper: two small LAs imported into a hub database (made-up ids; no personal data).
 */
import type { Database } from '../store/database.js';
import { importDataset } from '../store/import-dataset.js';
import { child, episode, ingestResult, referral, staged } from '../store/test-records.js';

/** Imports LA `la` with `n` children in care and referrals; child ids are prefixed by the LA code. */
export async function importSmallLa(db: Database, la: string, n: number): Promise<void> {
  const children = Array.from({ length: n }, (_, i) => child(`${la}-C${i + 1}`));
  const episodes = children.map((c, i) => episode(c.childId, `2021-0${(i % 8) + 1}-10`));
  const referrals = children.map((c, i) => referral(c.childId, `2021-1${i % 3}-0${(i % 9) + 1}`));
  const outcome = await importDataset(
    db,
    ingestResult(la, [
      staged('ssda903', '2021-22', { children, episodes }, { fileTag: la }),
      staged('cin', '2021-22', { referrals }, { fileTag: la }),
    ]),
    { la },
  );
  if (outcome.kind !== 'imported') throw new Error(`fixture import for ${la} was ${outcome.kind}`);
}
