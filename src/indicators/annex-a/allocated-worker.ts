/** Allocated Worker cells that say no worker is allocated (compared lower case, punctuation dropped). */
const NO_WORKER = new Set(['na', 'n a', 'nil', 'tbc', 'tba', '0']);
/** …and their start, when more text may follow ("Unallocated - duty team", "Vacant post"). */
const NO_WORKER_START = [
  'none',
  'unallocated',
  'not allocated',
  'awaiting allocation',
  'no worker',
  'vacant',
];

/**
 * Whether an Annex A Allocated Worker cell names a worker (inputs.md §4 "TW"; the Ofsted template asks for
 * the allocated worker's name). The cell carries a name only, so "allocated" is read as: the cell is filled
 * and is not one of the usual ways of writing that there is none ("Unallocated", "None", "N/A", "TBC",
 * "Vacant", "-", …), including such a word followed by more text ("Unallocated - duty team"). The
 * Allocated Team alone does not count, as a team-only allocation does not in `allocations.csv`
 * (indicators.md §2 cp-allocated-sw). Whether the worker is a social worker cannot be told from Annex A.
 * @example namesWorker('Jo Smith') //=> true
 * @example namesWorker('Unallocated - duty team') //=> false
 */
export function namesWorker(cell: string | null): boolean {
  if (cell === null) return false;
  const text = cell
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (text === '') return false;
  if (NO_WORKER.has(text)) return false;
  return !NO_WORKER_START.some((none) => text === none || text.startsWith(`${none} `));
}
