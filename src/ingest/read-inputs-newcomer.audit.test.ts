/**
 * Audit of issue #3's acceptance point: a newcomer who imports a folder with one broken file understands from
 * the message alone what to fix (inputs.md §6: the message names the file and position, and blames the right
 * thing). Each case is a realistic breakage of an otherwise clean folder.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from './read-inputs.js';
import type { IngestResult } from './staged.js';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  TODAY,
  csv,
  episodeRows,
  headerRows,
  tempFolders,
} from './test-fixtures.js';

const temp = tempFolders();
after(temp.cleanup);

function structural(r: IngestResult): [string, string][] {
  return r.issues.filter((i) => i.severity === 'structural').map((i) => [i.code, i.message]);
}

describe('a folder with one broken file', () => {
  it('an SSDA903 table refused for its own fault is not then reported as absent ("add it to the folder")', async () => {
    // episodes.csv is there, refused for a misspelt column: the S-INCOMPLETE-SET that follows must not send
    // the analyst looking for a missing file.
    const f = temp.folder();
    f.write('903/header.csv', csv(HEADER_COLUMNS, headerRows(3)));
    f.write(
      '903/episodes.csv',
      csv(EPISODE_COLUMNS.replace('REASON_PLACE_CHANGE', 'REASON_PLACE_CHNAGE'), episodeRows(3)),
    );
    const r = await readInputs([f.dir], { today: TODAY });
    assert.deepEqual(structural(r), [
      [
        'S-UNRECOGNISED',
        'episodes.csv line 1: the header row is close to the SSDA903 Episodes table but column REASON_PLACE_CHANGE is missing and column REASON_PLACE_CHNAGE is not a column of that table; fix the header and re-import.',
      ],
      [
        'S-INCOMPLETE-SET',
        "the SSDA903 set with header.csv has no Episodes table; each year's set needs Header and Episodes: episodes.csv in the same folder was refused (see above); if it is the Episodes table, fix it and re-import.",
      ],
    ]);
  });

  it('a set truly without Episodes still says to add it', async () => {
    const f = temp.folder();
    f.write('903/header.csv', csv(HEADER_COLUMNS, headerRows(3)));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.deepEqual(structural(r), [
      [
        'S-INCOMPLETE-SET',
        "the SSDA903 set with header.csv has no Episodes table; each year's set needs Header and Episodes (add it to the same folder).",
      ],
    ]);
  });

  it('a table file with a header and no rows is listed in the counts (read 0), so the analyst sees it was read', async () => {
    // inputs.md §6: per file and table the report counts read = loaded + rejected. A header-only file used to
    // leave no line at all, as if it had not been read.
    const f = temp.folder();
    f.write('903/header.csv', csv(HEADER_COLUMNS, headerRows(3)));
    f.write('903/episodes.csv', csv(EPISODE_COLUMNS, episodeRows(3)));
    f.write('903/reviews.csv', csv('CHILD,DOB,REVIEW,REVIEW_CODE', []));
    f.write('local/cp_visits.csv', csv('child_id,cp_visit_date,child_seen,seen_alone,visit_id', []));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.equal(r.refused, false);
    assert.deepEqual(
      r.counts.filter((c) => c.read === 0),
      [
        {
          file: 'local/cp_visits.csv',
          table: 'cp_visits',
          read: 0,
          loaded: 0,
          rejected: 0,
          warnings: 0,
          queries: 0,
        },
        {
          file: '903/reviews.csv',
          table: 'Reviews',
          read: 0,
          loaded: 0,
          rejected: 0,
          warnings: 0,
          queries: 0,
        },
      ].sort((a, b) => a.file.localeCompare(b.file)),
    );
  });

  it('an Episodes (or Header) file with its header row and no rows is refused, not loaded as a year with no episodes', async () => {
    // Reading of inputs.md §2.1 ("Header and Episodes are required per year (S-INCOMPLETE-SET)"): a required
    // table with no rows does not supply what is required (every LA's year has looked-after children, open
    // episodes included). Loading it would replace that year's SSDA903 submission whole (§1.1) with one
    // holding no episode: an empty export silently emptying the year.
    const f = temp.folder();
    f.write('903/header.csv', csv(HEADER_COLUMNS, headerRows(3)));
    f.write('903/episodes.csv', csv(EPISODE_COLUMNS, []));
    f.write('903/reviews.csv', csv('CHILD,DOB,REVIEW,REVIEW_CODE', ['1001,01/02/2010,01/07/2021,PN1']));
    const r = await readInputs([f.dir], { today: TODAY, year: '2021-22' });
    assert.deepEqual(structural(r), [
      [
        'S-INCOMPLETE-SET',
        "episodes.csv has its header row but no rows: each year's SSDA903 set needs Header and Episodes rows (was the export empty?); export it again and re-import.",
      ],
    ]);
    // An optional table may be empty (no adoptions this year).
    const g = temp.folder();
    g.write('903/header.csv', csv(HEADER_COLUMNS, headerRows(3)));
    g.write('903/episodes.csv', csv(EPISODE_COLUMNS, episodeRows(3)));
    g.write('903/reviews.csv', csv('CHILD,DOB,REVIEW,REVIEW_CODE', []));
    assert.deepEqual(structural(await readInputs([g.dir], { today: TODAY })), []);
  });

  it('Excel trailing empty columns: the message says they are empty and to delete them', async () => {
    // Excel's CSV export writes the sheet's used range: columns cleared of their content come out as empty
    // cells at the end of every line, header included ("URN,,,").
    const f = temp.folder();
    const comma = (l: string): string => `${l},,,`;
    f.write('903/header.csv', csv(HEADER_COLUMNS, headerRows(3)));
    f.write('903/episodes.csv', csv(comma(EPISODE_COLUMNS), episodeRows(3).map(comma)));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.deepEqual(structural(r)[0], [
      'S-UNRECOGNISED',
      "episodes.csv line 1: the header row ends with 3 columns with no name (14 to 16, after URN), as Excel leaves when columns were cleared: delete those columns in the sheet, save it again as 'CSV UTF-8' and re-import.",
    ]);
    // A column with no name among named ones.
    const g = temp.folder();
    g.write('903/header.csv', csv(HEADER_COLUMNS.replace('ETHNIC', ''), headerRows(3)));
    g.write('903/episodes.csv', csv(EPISODE_COLUMNS, episodeRows(3)));
    assert.deepEqual(structural(await readInputs([g.dir], { today: TODAY }))[0], [
      'S-UNRECOGNISED',
      'header.csv line 1: column 4 (between DOB and UPN) has no name; every column needs its name in the header row: name it, or delete the column if it is not needed, and re-import.',
    ]);
  });

  it('rows with empty fields after the last column (trailing commas): the message says they are empty', async () => {
    const f = temp.folder();
    f.write('903/header.csv', csv(HEADER_COLUMNS, headerRows(10)));
    f.write('903/episodes.csv', csv(EPISODE_COLUMNS, [...episodeRows(9), `${episodeRows(1, 1010)[0]!},,`]));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.deepEqual(
      r.issues.filter((i) => i.code === 'GEN-FIELDS').map((i) => i.message),
      [
        'episodes.csv line 11: the row has 15 fields but the header has 13; the 2 after the last column are empty (delete the empty columns at the end of the sheet and save it again); this row was not loaded.',
      ],
    );
  });

  it('names a misspelt column as the file writes it, and an Annex A list saved as CSV as such', async () => {
    const f = temp.folder();
    f.write('local/contacts.csv', csv('contact_id,child_id,recieved_at,decided_at,outcome,source', []));
    f.write(
      'List 3.csv',
      csv(
        'Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker',
        ['A1,Male,WBRI,05/01/2014,7,01/06/2021,Police,No,1,T1,W1'],
      ),
    );
    const r = await readInputs([f.dir], { today: TODAY });
    assert.deepEqual(structural(r), [
      [
        'S-UNRECOGNISED',
        "List 3.csv line 1: the header row is Ofsted Annex A List 3 (Referrals) saved as CSV; cspi reads Annex A only from the .xlsx workbook (sheets 'List 1' to 'List 11'): import the workbook instead.",
      ],
      [
        'S-UNRECOGNISED',
        'local/contacts.csv line 1: the header row is close to the local contacts table but column received_at is missing and column recieved_at is not a column of that table; fix the header and re-import.',
      ],
    ]);
  });

  it('two local files with a header and no rows (no CP and no CLA visits yet) are two tables, not one file twice', async () => {
    // Each used to stage no table at all, so both looked like "the local extract file" of one identity:
    // S-MIXED "cla_visits.csv and cp_visits.csv are both the local extract file: one would replace the other".
    const f = temp.folder();
    f.write('903/header.csv', csv(HEADER_COLUMNS, headerRows(3)));
    f.write('903/episodes.csv', csv(EPISODE_COLUMNS, episodeRows(3)));
    f.write('local/cp_visits.csv', csv('child_id,cp_visit_date,child_seen,seen_alone,visit_id', []));
    f.write('local/cla_visits.csv', csv('child_id,cla_visit_date,child_seen,seen_alone,visit_id', []));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.deepEqual(structural(r), []);
    assert.deepEqual(
      r.submissions
        .filter((s) => s.source === 'local')
        .map((s) => Object.entries(s.tables).map(([k, v]) => [k, v.length]))
        .sort(),
      [[['claVisits', 0]], [['cpVisits', 0]]],
    );
  });

  it('a text file that is no table (notes left in the folder) is told to be moved out, or its header fixed', async () => {
    const f = temp.folder();
    f.write('notes.txt', 'These are my notes about the return\r\n');
    const r = await readInputs([f.dir], { today: TODAY });
    assert.deepEqual(structural(r), [
      [
        'S-UNRECOGNISED',
        "notes.txt line 1: the first row matches no SSDA903 table and no local extract table (inputs.md §2.1, §5): if the file is one, its first row must hold the table's column names; if it is not data (notes, a readme), move it out of the folder and re-import.",
      ],
    ]);
  });
});
