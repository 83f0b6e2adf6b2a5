/**
 * Audit of how an import's files become submissions (inputs.md §1.1, §5, §6): collection years, as-at dates
 * and date ranges come from the rows that load, not from rows the rules reject.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from './read-inputs.js';
import { upnHash } from './upn-hash.js';
import {
  EPISODE_COLUMNS,
  HEADER_COLUMNS,
  TODAY,
  cinDetails,
  cinXml,
  csv,
  episodeRows,
  headerRows,
  tempFolders,
} from './test-fixtures.js';

const temp = tempFolders();
after(temp.cleanup);
const folder = temp.folder;

describe('audit: collection year and as-at date of an SSDA903 set', () => {
  it('a typo DEC in the future (rejected, GEN-FUTURE) does not move a 2021-22 set to a later year', async () => {
    // inputs.md §1.1: "Collection year of an SSDA903 set: … the financial year containing the latest DECOM,
    // DEC or REVIEW date in the set"; §6: GEN-FUTURE is an error ("record rejected, the rest loads"). The
    // rejected row is not in the loaded set, so its typo date (2025 for 2021) must not decide the year.
    const f = folder();
    f.write('header.csv', csv(HEADER_COLUMNS, headerRows(10)));
    const eps = episodeRows(10);
    eps[9] = '1010,01/05/2021,S,C2,N1,U4,PR1,01/12/2025,E4A,,,,';
    f.write('episodes.csv', csv(EPISODE_COLUMNS, eps));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.ok(
      r.issues.some((i) => i.code === 'GEN-FUTURE'),
      'the typo row is rejected',
    );
    assert.equal(r.refused, false);
    const s = r.submissions[0]!;
    assert.equal(s.collectionYear, '2021-22');
    assert.equal(s.asAt, '2021-12-01');
  });

  it('a typo DEC beyond the supported years does not refuse the whole import (S-YEAR)', async () => {
    const f = folder();
    f.write('header.csv', csv(HEADER_COLUMNS, headerRows(10)));
    const eps = episodeRows(10);
    eps[9] = '1010,01/05/2021,S,C2,N1,U4,PR1,01/12/2031,E4A,,,,';
    f.write('episodes.csv', csv(EPISODE_COLUMNS, eps));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.deepEqual(
      r.issues.filter((i) => i.severity === 'structural').map((i) => i.code),
      [],
    );
    assert.equal(r.submissions[0]?.collectionYear, '2021-22');
  });
});

describe('audit: one late date in an SSDA903 set', () => {
  it('a 2021-22 set with one DEC after 31 March 2022 stays 2021-22 and warns 903-YEAR-END (§1.1, §6)', async () => {
    // Ambiguous: §1.1 takes "the financial year containing the latest DECOM, DEC or REVIEW date", so one late
    // or typo DEC would move the whole set to 2022-23 (replacing a stored 2022-23 return whole), and
    // 903-YEAR-END (§6, "after collection year end") could only fire with --year. Reading taken
    // (ssda903CollectionYear): the year the set's dates fit best, its DEC and REVIEW dates inside it less
    // the dates after its end; here nine DECs in 2021-22 against one in 2022-23. The late DEC loads flagged,
    // and does not extend what the set covers (its as-at date).
    const f = folder();
    f.write('header.csv', csv(HEADER_COLUMNS, headerRows(10)));
    const eps = episodeRows(10);
    eps[9] = '1010,01/05/2021,S,C2,N1,U4,PR1,01/05/2022,E4A,,,,';
    f.write('episodes.csv', csv(EPISODE_COLUMNS, eps));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.equal(r.submissions[0]?.collectionYear, '2021-22');
    assert.deepEqual(
      r.issues.filter((i) => i.code === '903-YEAR-END').map((i) => [i.position, i.field, i.severity]),
      [['line 11', 'DEC', 'warning']],
    );
    assert.equal(r.submissions[0]?.asAt, '2021-12-01');
    assert.equal(r.counts.find((c) => c.table === 'Episodes')?.loaded, 10);
  });
});

describe('audit: date range of a local file', () => {
  it('leaves out a typo date in the future (rejected as GEN-FUTURE): the extract does not cover it (§5, §6)', async () => {
    // inputs.md §5: "A newer file replaces earlier rows whose key date lies in its date range".
    const f = folder();
    f.write(
      'contacts.csv',
      csv('contact_id,child_id,received_at,decided_at,outcome,source', [
        'A1,1001,2022-05-01,,,',
        'A2,1002,2022-08-01,,,',
        'A3,1003,2022-11-01,,,',
        'A4,1004,2023-01-01,,,',
        'A5,1005,2023-03-01,,,',
        'TYPO,1006,2031-01-05,,,',
      ]),
    );
    const r = await readInputs([f.dir], { today: TODAY });
    assert.equal(r.refused, false);
    const s = r.submissions[0]!;
    assert.deepEqual(s.dateRange, { start: '2022-05-01', end: '2023-03-01' });
    assert.equal(s.asAt, '2023-03-01');
    assert.equal(s.collectionYear, '2022-23');
  });
});

describe('audit: as-at date of a local event file', () => {
  it('is its latest date in any date column, up to today; its date range is of key dates (§5; indicators.md §1.8)', async () => {
    const f = folder();
    f.write(
      'contacts.csv',
      csv('contact_id,child_id,received_at,decided_at,outcome,source', [
        'A1,1001,2022-03-01,2022-03-02,nfa,',
        'A2,1002,2022-03-30T16:00,2022-04-01T09:00,referral,',
        // A typo decided_at after today (GEN-FUTURE): not a date the extract covers.
        'A3,1003,2022-03-15,2031-01-05,nfa,',
      ]),
    );
    f.write(
      'allocations.csv',
      csv('child_id,worker_id,allocation_start,allocation_end', [
        '1001,W1,2021-06-01,2022-02-10',
        '1002,W1,2021-07-01,',
      ]),
    );
    const r = await readInputs([f.dir], { today: TODAY });
    const contacts = r.submissions.find((s) => s.tables.contacts)!;
    assert.deepEqual(contacts.dateRange, { start: '2022-03-01', end: '2022-03-30' });
    assert.equal(contacts.asAt, '2022-04-01');
    assert.equal(contacts.collectionYear, '2021-22');
    const allocations = r.submissions.find((s) => s.tables.allocations)!;
    assert.deepEqual(allocations.dateRange, { start: '2021-06-01', end: '2021-07-01' });
    assert.equal(allocations.asAt, '2022-02-10');
  });
});

describe('audit: UPN hashes link one child across imports of one LA', () => {
  it('the same UPN hashes the same whether the LA came from --la or from the CIN LEA (§7, X-UPN)', async () => {
    // inputs.md §7: "UPNs serve validation and linking and are stored as keyed hashes"; §6 X-UPN "one UPN,
    // two child ids". The key depends on the LA, settled only once every file is read (the CIN LEA may come
    // after the SSDA903 files), so UPNs are hashed then: an import given --la 841 keeps the hashes it always
    // had, and one whose LA comes from the CIN LEA now hashes alike.
    const f = folder();
    f.write('header.csv', csv(HEADER_COLUMNS, ['1001,1,01/02/2010,WBRI,A123456789012,,']));
    f.write('episodes.csv', csv(EPISODE_COLUMNS, episodeRows(1)));
    f.write('cin.xml', cinXml([{ id: 'C1' }], { lea: '841' }));
    const given = await readInputs([f.dir], { today: TODAY, la: '841' });
    const fromLea = await readInputs([f.dir], { today: TODAY });
    assert.equal(fromLea.la, '841');
    const hash = (r: typeof given) =>
      r.submissions.flatMap((s) => s.tables.children ?? []).find((c) => c.childId === '1001')?.upnHash;
    assert.ok(hash(given));
    assert.equal(hash(fromLea), hash(given));
    // The key --la 841 always gave: hashes stored by earlier imports still match.
    assert.equal(hash(given), upnHash('A123456789012', 'cspi-upn:841'));
  });
});

describe('audit: the LA given by its ONS code', () => {
  it('a CIN census of another LA is refused (S-LA-MISMATCH) under --la E06000005 as under --la 841 (§1)', async () => {
    // inputs.md §1: "LA: from configuration or --la CODE (DfE three-digit number, e.g. 841, or ONS code). A CIN
    // LEA that differs is refused."
    const f = folder();
    f.write('cin.xml', cinXml([{ id: 'C1' }], { lea: '999' }));
    const byDfe = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.ok(byDfe.issues.some((i) => i.code === 'S-LA-MISMATCH'));
    const byOns = await readInputs([f.dir], { today: TODAY, la: 'E06000005' });
    assert.equal(byOns.refused, true);
    assert.ok(byOns.issues.some((i) => i.code === 'S-LA-MISMATCH'));
  });

  it("the LA's own CIN census loads under its ONS code", async () => {
    const f = folder();
    f.write('cin.xml', cinXml([{ id: 'C1' }], { lea: '841' }));
    const r = await readInputs([f.dir], { today: TODAY, la: 'E06000005' });
    assert.equal(r.refused, false, JSON.stringify(r.issues));
  });
});

describe('audit: one local extract twice in one import', () => {
  const rows = ['A1,1001,2021-05-01,,,', 'A2,1002,2022-03-31,,,'];
  const header = 'contact_id,child_id,received_at,decided_at,outcome,source';

  it('two different contacts files of one extract date are S-MIXED, naming both (§1.1, §6)', async () => {
    const f = folder();
    f.write('a/contacts.csv', csv(header, rows));
    f.write('b/contacts.csv', csv(header, ['B1,1003,2021-06-01,,,', 'B2,1004,2022-03-31,,,']));
    const r = await readInputs([f.dir], { today: TODAY });
    const mixed = r.issues.find((i) => i.code === 'S-MIXED');
    assert.match(
      mixed?.message ?? '',
      /^a\/contacts\.csv and b\/contacts\.csv are both the local contacts file as at 2022-03-31/,
    );
  });

  it('two different files of an undated table are S-MIXED: of one import, neither is the later (§5)', async () => {
    const f = folder();
    f.write('a/population.csv', csv('year,la_code,aged_0_17', ['2021-22,841,22000']));
    f.write('b/population.csv', csv('year,la_code,aged_0_17', ['2021-22,841,22100']));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.equal(r.refused, true);
    assert.match(
      r.issues.find((i) => i.code === 'S-MIXED')?.message ?? '',
      /^a\/population\.csv and b\/population\.csv are both the local population file: where both hold a key, nothing in one import says which row is the newer, so put their rows in one file/,
    );
  });

  it('the message names the table by its file name, as the user knows it (cp_visits, not cpVisits)', async () => {
    // It said "both the local cpVisits file", "the local placementsLongTerm file": cspi's own names.
    const f = folder();
    const head = 'child_id,cp_visit_date,child_seen';
    f.write('a/cp_visits.csv', csv(head, ['1001,2021-05-01,1', '1002,2022-03-31,1']));
    f.write('b/cp_visits.csv', csv(head, ['1003,2021-06-01,1', '1004,2022-03-31,1']));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.match(
      r.issues.find((i) => i.code === 'S-MIXED')?.message ?? '',
      /^a\/cp_visits\.csv and b\/cp_visits\.csv are both the local cp_visits file as at 2022-03-31: /,
    );
  });

  it('byte-identical copies (one extract kept in two folders) load as one', async () => {
    const f = folder();
    f.write('2020-21/allocations.csv', csv('child_id,worker_id,allocation_start', ['1001,W1,2021-01-01']));
    f.write('2021-22/allocations.csv', csv('child_id,worker_id,allocation_start', ['1001,W1,2021-01-01']));
    const r = await readInputs([f.dir], { today: TODAY });
    assert.equal(r.refused, false, JSON.stringify(r.issues));
  });
});

describe('audit: a CIN census without a header', () => {
  it('a typo referral date in the future (rejected) decides neither its year nor its as-at date (§1)', async () => {
    // inputs.md §1: CIN collection year "from CollectionDetails/Year … or ReferenceDate"; as-at date the
    // "latest event date (CIN: Source/DateTime if present)". A rejected row is not an event of the census.
    const details = (date: string): string =>
      cinDetails(
        `<CINreferralDate>${date}</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>0</ReferralNFA>`,
      );
    const kids = Array.from({ length: 9 }, (_, i) => ({ id: `C${i + 1}`, details: [details('2021-06-01')] }));
    kids.push({ id: 'C10', details: [details('2031-01-01')] });
    const xml = cinXml(kids).replace(/<Header>[\s\S]*<\/Header>\n/, '');
    const f = folder();
    f.write('cin.xml', xml);
    const r = await readInputs([f.dir], { today: TODAY, la: '841' });
    assert.ok(r.issues.some((i) => i.code === 'GEN-FUTURE'));
    assert.equal(r.refused, false, JSON.stringify(r.issues.filter((i) => i.severity === 'structural')));
    assert.equal(r.submissions[0]!.collectionYear, '2021-22');
    assert.equal(r.submissions[0]!.asAt, '2021-06-01');
  });
});

describe('audit: the LA given by its ONS code keys UPNs as its DfE number', () => {
  it('--la E06000005 and --la 841 hash one UPN alike (§1, §7)', async () => {
    const f = folder();
    f.write('header.csv', csv(HEADER_COLUMNS, ['1001,1,01/02/2010,WBRI,A123456789012,,']));
    f.write('episodes.csv', csv(EPISODE_COLUMNS, episodeRows(1)));
    const hash = async (la: string) =>
      (await readInputs([f.dir], { today: TODAY, la })).submissions
        .flatMap((s) => s.tables.children ?? [])
        .find((c) => c.childId === '1001')?.upnHash;
    const dfe = await hash('841');
    assert.ok(dfe);
    assert.equal(await hash('E06000005'), dfe);
  });
});
