import type { Sex } from '../model/child.js';

/**
 * The stored sex code for a value as given: `M/F/U`, SSDA903 `1/2` (to 2023-24) and CIN GenderCurrent
 * `1/2/0/9` (to 2023-24) are mapped (inputs.md §2.2, §3); anything else is null. Whether the value was valid
 * for the year is a rule's business (GEN-CODE / GEN-LEGACY / CIN-YEAR-ELEMENT).
 * @example sexCode('2') //=> 'F'
 */
export function sexCode(raw: string | null): Sex | null {
  if (raw === null) return null;
  switch (raw.toUpperCase()) {
    case 'M':
    case '1':
      return 'M';
    case 'F':
    case '2':
      return 'F';
    case 'U':
    case '0':
    case '9':
      return 'U';
    default:
      return null;
  }
}
