import { spreadsheetCsv } from '../csv/spreadsheet-csv.js';
import type { Member } from './types.js';

/**
 * The child-level list behind one indicator as CSV (`cspi indicators --members ID`): child id, whether in
 * the numerator (Y/N), the deciding record ids (`;`-separated), one column per deciding date, and the
 * reason. One row per member, so the rows are the denominator and the Y rows the numerator. Child and record
 * ids come from the input files, so it is written by {@link spreadsheetCsv} (formula-safe).
 * @example membersCsv([{ childId: 'A', recordIds: ['r1'], dates: { referralDate: '2021-11-15' }, inNumerator: true, reason: 'x' }])
 * //=> 'child_id,in_numerator,record_ids,referralDate,reason\nA,Y,r1,2021-11-15,x\n'
 */
export function membersCsv(members: readonly Member[]): string {
  const dateKeys = [...new Set(members.flatMap((m) => Object.keys(m.dates)))].sort();
  const rows = members.map((m) => [
    m.childId,
    m.inNumerator ? 'Y' : 'N',
    m.recordIds.join(';'),
    ...dateKeys.map((k) => m.dates[k] ?? ''),
    m.reason,
  ]);
  return spreadsheetCsv(['child_id', 'in_numerator', 'record_ids', ...dateKeys, 'reason'], rows);
}
