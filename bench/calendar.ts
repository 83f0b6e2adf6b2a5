import { heading, print, timed } from './measure.js';
import { fromDayNumber, isoDate, toDayNumber } from '../src/calendar/iso-date.js';
import { defaultWorkingDayCalendar } from '../src/calendar/bank-holidays.js';

/** Working-day differences: 10 million random date pairs in 1990–2027 (O(1) per call after set-up). */
export async function benchCalendar(): Promise<void> {
  heading('calendar: working-day differences, 10,000,000 random pairs (1990–2027)');
  const [cal, setup] = await timed(() => defaultWorkingDayCalendar());
  print({ name: 'calendar set-up', value: setup * 1000, unit: 'ms' });
  const lo = toDayNumber(isoDate('1990-01-01'));
  const span = toDayNumber(isoDate('2027-12-31')) - lo + 1;
  const n = 10_000_000;
  // Pre-build dates so the timing measures the calls, not string building.
  const pool = Array.from({ length: 4096 }, (_, i) => fromDayNumber(lo + ((i * 2654435761) % span)));
  let seed = 12345;
  const [sum, secs] = await timed(() => {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      acc += cal.elapsedWorkingDays(pool[seed & 4095]!, pool[(seed >> 12) & 4095]!);
    }
    return acc;
  });
  print({ name: 'elapsedWorkingDays calls', value: n / secs, unit: 'calls/s' });
  print({ name: 'elapsed for 10 M pairs', value: secs, unit: 's' });
  if (Number.isNaN(sum)) throw new Error('unreachable');
}
