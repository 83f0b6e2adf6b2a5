/** Child ids rising as text. */
const BY_TEXT = 1;
/** Child ids rising as numbers written without leading zeros (shorter first, then as text). */
const BY_NUMBER = 2;

/**
 * Child ids given indexes in first-seen order (a table held by column keeps each row's child as one). An id met
 * again (a reader hands one string to a child's consecutive rows) is found by identity with the last one first.
 * One index may serve several tables (a census file's five CIN tables): a child is then looked up once.
 */
export class ChildIndex {
  /** The ids, by index. */
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private last: string | null = null;
  private lastIndex = -1;
  /** How the ids met so far rise ({@link of}): BY_TEXT, BY_NUMBER, both or neither (0). */
  private rising = BY_TEXT | BY_NUMBER;

  /**
   * The child's index, its id met again found by identity with the last one first. While the ids met so far rise
   * (as text, or as numbers written without leading zeros: a return sorted by child id either way), an id above
   * the last is new without a look-up; the map of ids is made only once an id breaks the order.
   */
  of(id: string): number {
    if (id === this.last) return this.lastIndex;
    let k: number | undefined;
    const last = this.last;
    if (this.rising !== 0 && last !== null) {
      if (!(last < id)) this.rising &= ~BY_TEXT;
      if (!(last.length < id.length || (last.length === id.length && last < id))) this.rising &= ~BY_NUMBER;
      if (this.rising === 0) for (let j = 0; j < this.ids.length; j++) this.index.set(this.ids[j]!, j);
    }
    if (this.rising === 0) k = this.index.get(id);
    if (k === undefined) {
      k = this.ids.length;
      this.ids.push(id);
      if (this.rising === 0) this.index.set(id, k);
    }
    this.last = id;
    this.lastIndex = k;
    return k;
  }
}
