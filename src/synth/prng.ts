/**
 * A small seeded pseudo-random generator (sfc32, seeded through a string hash), so that `cspi synth`
 * output depends only on its seed: no `Math.random`, no clock.
 */

/** 32-bit FNV-1a hash of a string, used to derive independent streams from a seed and a label. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A deterministic random stream. Streams made from the same seed text give the same sequence.
 * @example new Rng('1:841').int(1, 6) //=> the same die roll on every run
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    this.a = hashString(`a:${seed}`);
    this.b = hashString(`b:${seed}`);
    this.c = hashString(`c:${seed}`);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A uniform number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An element chosen with the given weights (pairs of [item, weight], or a prepared {@link Weights}). */
  weighted<T>(pairs: Weights<T> | readonly (readonly [T, number])[]): T {
    if (pairs instanceof Weights) {
      const x = this.next() * pairs.total;
      const cum = pairs.cumulative;
      const last = cum.length - 1;
      for (let i = 0; i < last; i++) if (x < cum[i]!) return pairs.items[i]!;
      return pairs.items[last]!;
    }
    let total = 0;
    for (const [, w] of pairs) total += w;
    let x = this.next() * total;
    for (const [item, w] of pairs) {
      x -= w;
      if (x < 0) return item;
    }
    return pairs[pairs.length - 1]![0];
  }

  /** A standard normal deviate (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An exponential deviate with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A Poisson count with the given mean (Knuth for small means, normal approximation above 50). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 50) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
}

/**
 * A weighted choice prepared once (cumulative weights), for the hot draws: one shape for every list,
 * so {@link Rng.weighted} stays fast whatever the items are.
 * @example new Rng('1').weighted(new Weights([['a', 3], ['b', 1]])) //=> 'a' three times in four
 */
export class Weights<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;

  constructor(pairs: readonly (readonly [T, number])[]) {
    this.items = pairs.map(([item]) => item);
    this.cumulative = new Float64Array(pairs.length);
    let sum = 0;
    pairs.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }
}
