import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from './read-inputs.js';
import { TODAY, cinXml, csv, plainCinChildren, tempFolders } from './test-fixtures.js';

const temp = tempFolders();
after(temp.cleanup);

const CONTACTS = 'contact_id,child_id,received_at,decided_at,outcome,source';

describe('a dated local file with its header and no rows', () => {
  // inputs.md §1 gives each submission a collection year; §5 dates a local file by its rows. An empty file has
  // none, so it used to take today's year (2024-25 here), a year nobody imported. Reading taken: it belongs to
  // the import it came with, so it takes the latest collection year of the import's other dated submissions;
  // alone (nothing dated beside it) its year cannot be told, which is S-YEAR, as for an SSDA903 set without
  // dates: give --year (its example the collection year containing today).
  it('takes the collection year of the other files of its import', async () => {
    const f = temp.folder();
    f.write('contacts.csv', csv(CONTACTS, []));
    f.write('cin.xml', cinXml(plainCinChildren(2), { year: '2022' }));
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.equal(r.refused, false, JSON.stringify(r.issues));
    const local = r.submissions.find((s) => s.source === 'local');
    assert.equal(local?.collectionYear, '2021-22', "the CIN census's year, not today's (2024-25)");
    assert.equal(local?.asAt, null);
  });

  it('of several other years, the latest', async () => {
    const f = temp.folder();
    f.write('empty/contacts.csv', csv(CONTACTS, []));
    f.write('2021/cin.xml', cinXml(plainCinChildren(2), { year: '2021' }));
    f.write(
      '2022/contacts.csv',
      csv(CONTACTS, ['K1,C1,2021-06-01T09:00,2021-06-01T12:00,nfa,1A', 'K2,C2,2021-07-01T09:00,,,1A']),
    );
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.equal(r.refused, false, JSON.stringify(r.issues));
    const empty = r.submissions.find((s) => s.files[0]!.path.includes('/empty/'));
    assert.equal(empty?.collectionYear, '2021-22');
  });

  it('alone, is refused (S-YEAR) unless --year gives the year', async () => {
    const f = temp.folder();
    f.write('contacts.csv', csv(CONTACTS, []));
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.equal(r.refused, true);
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.file, i.message]),
      [
        [
          'S-YEAR',
          'contacts.csv',
          'contacts.csv has its header but no rows, and nothing else in this import is dated, so its collection year cannot be told: give it with --year 2024-25, or leave the file out.',
        ],
      ],
    );
    assert.deepEqual(r.submissions, []);
    const given = await readInputs([f.dir], { today: TODAY, la: '841', year: '2022-23' });
    assert.equal(given.refused, false, JSON.stringify(given.issues));
    assert.equal(given.submissions[0]?.collectionYear, '2022-23');
  });

  it('beside only an undated table, is refused too (an undated table has no year)', async () => {
    const f = temp.folder();
    f.write('contacts.csv', csv(CONTACTS, []));
    f.write('workers.csv', csv('worker_id,qualified_sw,swe_registration', ['W1,Y,SW123']));
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.deepEqual(
      r.issues.map((i) => i.code),
      ['S-YEAR'],
    );
  });

  it('whose dated rows are all typos in the year (after today, before 1990) is refused, saying so', async () => {
    // The rows are no events of the file (GEN-FUTURE, GEN-PAST), so it has no date; "no row that loads with a
    // date" alone left the analyst looking at rows that plainly have one.
    const f = temp.folder();
    f.write(
      'contacts.csv',
      csv(CONTACTS, ['K1,C1,1922-04-01T08:00,,,1A', 'K2,C2,2031-05-01,,,1A', 'K3,C3,,,,1A']),
    );
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.deepEqual(
      r.issues.filter((i) => i.code === 'S-YEAR').map((i) => i.message),
      [
        'contacts.csv has no row that loads with a date (2 of its 3 rows are dated after today or before 1990, which cspi takes for a typo in the year: GEN-FUTURE, GEN-PAST), and nothing else in this import is dated, so its collection year cannot be told: give it with --year 2024-25, or leave the file out.',
      ],
    );
  });
});
