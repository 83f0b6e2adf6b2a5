import type { Rng } from './prng.js';
import type { LaProfile } from './la-profile.js';
import type { PostcodeBook } from './postcodes.js';
import { addEvent, type SimChild, type SimWorker } from './sim-types.js';
import type { Day } from './day-calendar.js';

/** Everything a journey needs while one LA is simulated. */
export interface SimContext {
  readonly rng: Rng;
  readonly profile: LaProfile;
  readonly book: PostcodeBook;
  readonly workers: WorkerPool;
  /** The extract date: nothing after it is ever written. */
  readonly horizon: Day;
  /** Visits, checks and other frequent events before this day are not generated (never written). */
  readonly eventsFrom: Day;
  /** 1 April of the first collection year written. */
  readonly windowStart: Day;
  /** The LA fostering service URN (in-house foster placements). */
  readonly laUrn: string;
  /** The next serial number of a contact or a visit (written as `CT0000001`, `V00000001`). */
  nextId(kind: 'contact' | 'visit'): number;
}

/** Teams of the LA and the workers in them. */
export class WorkerPool {
  readonly workers: SimWorker[] = [];
  private readonly teams = new Map<string, SimWorker[]>();
  private serial = 0;

  constructor(
    private readonly rng: Rng,
    private readonly la: string,
    private readonly perTeam: number,
  ) {}

  /** A worker of the team (the team grows until it has `perTeam` workers, then work is shared). */
  pick(team: string): SimWorker {
    let list = this.teams.get(team);
    if (!list) {
      list = [];
      this.teams.set(team, list);
    }
    if (list.length < this.perTeam && (list.length === 0 || this.rng.chance(0.3))) {
      const n = this.serial++;
      const qualified = team === 'Leaving Care' ? this.rng.chance(0.2) : this.rng.chance(0.94);
      const w: SimWorker = {
        id: `W${this.la}${String(n).padStart(4, '0')}`,
        qualified,
        swe: qualified
          ? `SW${String(10000 + ((n * 7127 + Number(this.la) * 31) % 89999)).padStart(5, '0')}`
          : null,
        team,
      };
      list.push(w);
      this.workers.push(w);
      return w;
    }
    return this.rng.pick(list);
  }
}

/**
 * Allocates social workers to a child over [start, end) (end null = still open): spells with one
 * worker each, changing now and then, with the occasional short unallocated gap.
 */
export function allocate(
  ctx: SimContext,
  child: SimChild,
  team: string,
  start: Day,
  end: Day | null,
  role: 'social-worker' | 'other' = 'social-worker',
): void {
  const { rng } = ctx;
  const stop = end ?? ctx.horizon + 400;
  let t = start;
  while (t < stop && t <= ctx.horizon) {
    const w = ctx.workers.pick(team);
    let spellEnd = t + Math.max(20, Math.round(rng.exponential(role === 'other' ? 500 : 280)));
    if (spellEnd >= stop) spellEnd = stop;
    const open = spellEnd >= stop && end === null;
    addEvent(child, 'allocations', { workerId: w.id, start: t, end: open ? null : spellEnd, role, team });
    if (spellEnd >= stop) break;
    t = spellEnd + (rng.chance(0.12) ? rng.int(2, 15) : 0);
  }
}
