/**
 * A value as the report shows it: at most 200 characters (inputs.md §6), longer ones cut with an ellipsis.
 * @example clipValue('x'.repeat(300)).length //=> 200
 */
export function clipValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.length <= 200 ? value : `${value.slice(0, 199)}…`;
}
