import type { SimContext } from './sim-context.js';
import { addEvent, type SimChild } from './sim-types.js';
import type { Day } from './day-calendar.js';

/**
 * Short breaks for a disabled child on a CIN plan: usually a yearly agreement (LS V4, one episode per
 * agreement), sometimes single overnight stays recorded one by one (LS V3). They are 903 episodes but
 * not periods of care (indicators.md §1.5).
 */
export function simulateShortBreaks(ctx: SimContext, child: SimChild, start: Day, end: Day): void {
  const { rng } = ctx;
  if (!rng.chance(0.4)) return;
  if (child.homePost === '') child.homePost = ctx.book.local();
  const post = ctx.book.near(child.homePost, 6000);
  const urn = `SC${String(rng.int(100000, 999999))}`;
  if (rng.chance(0.8)) {
    let t = start + rng.int(10, 40);
    while (t + 60 < end) {
      const stop = Math.min(end, t + rng.int(300, 365));
      addEvent(child, 'shortBreaks', {
        decom: t,
        rne: 'S',
        ls: 'V4',
        cin: 'N2',
        place: 'K2',
        provider: 'PR1',
        dec: stop,
        rec: 'E8',
        reasonChange: null,
        plPost: post,
        urn,
        placementKey: -1,
      });
      t = stop + 1;
    }
  } else {
    let t = start + rng.int(10, 40);
    while (t + 5 < end) {
      addEvent(child, 'shortBreaks', {
        decom: t,
        rne: 'S',
        ls: 'V3',
        cin: 'N2',
        place: 'K2',
        provider: 'PR1',
        dec: t + rng.int(1, 3),
        rec: 'E4A',
        reasonChange: null,
        plPost: post,
        urn,
        placementKey: -1,
      });
      t += rng.int(20, 60);
    }
  }
}
