import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dateHint } from './parse-date.js';

// A date a spreadsheet rewrote is the commonest broken cell a newcomer meets: the message says what it looks
// like and how to write it, with the date it most likely is.
describe('dateHint', () => {
  it('names a year-first, dashed or Excel-number date in a day-first (SSDA903 CSV) column, with the date to write', () => {
    assert.equal(dateHint('2010-10-20', 'dmy', 'form'), ' (it is year first: write 20/10/2010)');
    assert.equal(dateHint('20-10-2010', 'dmy', 'form'), ' (write it with slashes: 20/10/2010)');
    assert.equal(
      dateHint('40471', 'dmy', 'form'),
      ' (it is an Excel date number, 20/10/2010: format the column as a date before saving the CSV)',
    );
    assert.equal(
      dateHint('06/22/2020', 'dmy', 'unreal'),
      ' (there is no month 22: dates are day first, so it may be 22/06/2020)',
    );
  });

  it('names a date with a time of day (Excel writes one for a date-time cell)', () => {
    assert.equal(
      dateHint('20/10/2010 00:00', 'dmy', 'form'),
      ' (it has a time of day: write the date alone, 20/10/2010)',
    );
    assert.equal(
      dateHint('2016-09-29T00:00:00', 'iso', 'form'),
      ' (it has a time of day: write the date alone, 2016-09-29)',
    );
  });

  it('names a day-first date in a year-first (CIN, local) column', () => {
    assert.equal(dateHint('29/09/2016', 'iso', 'form'), ' (it is day first: write 2016-09-29)');
  });

  it('names a two-digit year, without guessing its century', () => {
    assert.equal(dateHint('01/04/21', 'dmy', 'form'), ' (write the year in full: dd/mm/yyyy)');
    assert.equal(dateHint('1-4-21', 'dmy-or-iso', 'form'), ' (write the year in full: dd/mm/yyyy)');
    assert.equal(dateHint('01/04/21', 'iso', 'form'), ' (write the year in full: YYYY-MM-DD)');
  });

  it('names an Excel date number kept as text in a workbook, where no CSV is saved', () => {
    assert.equal(
      dateHint('44287', 'dmy-or-iso', 'form', 'workbook'),
      ' (it is an Excel date number, 01/04/2021, kept as text: format the cell as a date and enter the date again)',
    );
  });

  it('says nothing it cannot say for sure', () => {
    assert.equal(dateHint('31/02/2021', 'dmy', 'unreal'), '');
    assert.equal(dateHint('next week', 'dmy', 'form'), '');
    assert.equal(dateHint('2021-02-31', 'dmy', 'form'), '', 'not a real date in any order');
    assert.equal(dateHint('123', 'dmy', 'form'), '');
  });
});
