import type { Command } from 'commander';
import { openDatabase, resolveDatabaseUrl, isPostgresUrl } from '../../store/open.js';
import { openQueue, queueErrorReporter, queueTiming } from '../../hub/queue.js';
import { startWorker } from '../../hub/worker.js';
import { hubIsSetUp, notAHub } from '../../hub/la-isolation.js';
import { UserError } from '../user-error.js';

/**
 * `cspi worker [--db postgres://…]`: a hub worker. Takes import and compute jobs from the queue held in the
 * hub's PostgreSQL database until stopped (Ctrl-C / SIGTERM finish the job in hand first). Run any number,
 * on any machines that reach the database.
 */
export function register(program: Command): void {
  program
    .command('worker')
    .description('run a hub worker: take import and compute jobs from the PostgreSQL queue')
    .option('--db <url>', 'hub database (postgres://…; default DATABASE_URL)')
    .option('--json', 'log one JSON line per job')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const url = resolveDatabaseUrl(opts.db);
      if (!isPostgresUrl(url)) {
        throw new UserError(
          'cspi worker needs the hub PostgreSQL database: pass --db postgres://… or set DATABASE_URL',
        );
      }
      const db = await openDatabase(url);
      if (!(await hubIsSetUp(db))) {
        const location = db.location;
        await db.close();
        throw new UserError(notAHub(location));
      }
      const timing = queueTiming();
      const report = queueErrorReporter((line) =>
        process.stderr.write(`cspi worker ${process.pid}: ${line}\n`),
      );
      const boss = await openQueue(url, timing, report);
      await startWorker(
        boss,
        db,
        (e) => {
          if (opts.json) process.stdout.write(`${JSON.stringify(e)}\n`);
          else process.stdout.write(`${e.queue} ${e.la}: ${e.outcome} (${e.seconds.toFixed(1)} s)\n`);
        },
        timing,
      );
      if (!opts.json) process.stdout.write(`cspi worker ${process.pid} waiting for jobs on ${db.location}\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await db.close();
    });
}
