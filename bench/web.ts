import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { heading, print, timed } from './measure.js';
import { generate } from './indicators.js';
import { parsePeriod, trailingQuarters } from '../src/calendar/period.js';
import { computeReport } from '../src/indicators/engine/compute-report.js';
import { headlineBasis, runIndicator } from '../src/indicators/engine/run-indicator.js';
import { buildIndicatorInput } from '../src/indicators/input.js';
import { INDICATORS, indicatorById } from '../src/indicators/registry.js';
import { DEFAULT_SETTINGS } from '../src/indicators/settings.js';
import type { IsoDate } from '../src/calendar/iso-date.js';
import type { IndicatorReport } from '../src/indicators/types.js';
import { createApp } from '../src/web/app.js';
import { addUser } from '../src/web/auth/users.js';
import type { WebServices } from '../src/web/services.js';
import { createFakeServices } from '../src/web/testing/fake-services.js';
import { createStoreServices } from '../src/web/real-services.js';
import type { Database } from '../src/store/database.js';
import { memoryDatabase } from '../src/web/testing/sqlite-memory.js';

const CHILDREN = 8000;
const PERIOD = '2021-22-Q3';
const CLIENTS = 50;
const SECONDS = 4;

/**
 * WebServices over a large generated LA computed by the real indicator engine (datasets, uploads and
 * reports from the fake: they are not what this section measures).
 */
function engineServices(): { services: WebServices; children: number } {
  const data = { ...generate(CHILDREN), la: '841' };
  const input = buildIndicatorInput(data);
  const fake = createFakeServices();
  const services: WebServices = {
    ...fake,
    catalogue: () => INDICATORS,
    periods: async () =>
      trailingQuarters(parsePeriod(PERIOD), 8)
        .map((p) => p.id)
        .reverse(),
    currentDatasetId: async () => 'bench-v1',
    scorecard: async (la, period): Promise<IndicatorReport> =>
      computeReport(
        {
          input,
          period: parsePeriod(period),
          settings: DEFAULT_SETTINGS,
          targets: null,
          dataset: { id: 'bench-v1', hash: 'bench', asAt: '2022-03-31' as IsoDate },
        },
        INDICATORS,
      ),
    members: async (la, period, id) => {
      const def = indicatorById(id)!;
      const c = runIndicator(
        def,
        input,
        parsePeriod(period),
        headlineBasis(def, DEFAULT_SETTINGS),
        DEFAULT_SETTINGS,
      );
      return {
        la,
        period,
        indicatorId: id,
        title: def.title,
        datasetId: 'bench-v1',
        members: c.members,
        children: new Map(),
      };
    },
  };
  return { services, children: data.children.length };
}

/** The load generator, run as a second process: `CLIENTS` keep-alive clients for `SECONDS` on one URL. */
const LOADER = `
import http from 'node:http';
const [url, cookie, clients, seconds] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(clients) });
const lat = [];
const end = Date.now() + Number(seconds) * 1000;
let errors = 0;
const get = () => new Promise((resolve) => {
  const req = http.get(url, { agent, headers: { cookie } }, (res) => {
    res.on('data', () => {});
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', () => resolve(0));
});
async function client() {
  while (Date.now() < end) {
    const t0 = performance.now();
    if ((await get()) !== 200) errors++;
    lat.push(performance.now() - t0);
  }
}
const t0 = performance.now();
const cpu0 = process.cpuUsage();
await Promise.all(Array.from({ length: Number(clients) }, client));
const cpu = process.cpuUsage(cpu0);
const secs = (performance.now() - t0) / 1000;
lat.sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
agent.destroy();
process.stdout.write(JSON.stringify({ n: lat.length, rps: lat.length / secs, p50: q(0.5), p95: q(0.95), p99: q(0.99), errors, loaderCpuMs: (cpu.user + cpu.system) / 1000 / lat.length }));
`;

function load(
  url: string,
  cookie: string,
): Promise<{
  n: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  loaderCpuMs: number;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', LOADER, url, cookie, String(CLIENTS), String(SECONDS)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`loader exited ${code}`)),
    );
  });
}

/** `npm run bench -- web`: dashboard latency and throughput on loopback with a large LA loaded. */
export async function benchWeb(): Promise<void> {
  heading(
    `web: dashboard on loopback, ${CLIENTS} concurrent clients from a second process, ${SECONDS} s per URL`,
  );
  const [{ services, children }, genSecs] = await timed(() => engineServices());
  print({
    name: `generate and index a large LA (${children} children; not part of the goal)`,
    value: genSecs,
    unit: 's',
  });
  const db = await memoryDatabase();
  try {
    await measureDashboard(db, services, '841', PERIOD);
  } finally {
    await db.close();
  }
}

/**
 * The dashboard on a real store (the real services: datasets loaded from the store, results computed by the
 * engine and kept per LA), e.g. a hub database holding every LA of the national set: the scorecard of `la` for
 * its latest quarter, as a manager of that LA sees it. Adds a bench user to the store's web_users.
 */
export async function benchWebOnStore(db: Database, la: string, what: string): Promise<void> {
  heading(
    `web on the store (${what}): LA ${la}, ${CLIENTS} concurrent clients from a second process, ${SECONDS} s per URL`,
  );
  const services = createStoreServices(db);
  const period = (await services.periods(la))[0];
  if (!period) throw new Error(`bench: LA ${la} has no dataset in the store`);
  await measureDashboard(db, services, la, period);
}

/**
 * Signs a manager of `la` in, then measures the scorecard page and API under load and the indicator page whose
 * child-level list is nearest 500 rows.
 */
async function measureDashboard(
  db: Database,
  services: WebServices,
  la: string,
  period: string,
): Promise<void> {
  const username = `bench-${la}`;
  await addUser(db, { username, role: 'manager', la, password: 'bench-password-123' }, new Date(), {
    N: 1024,
    r: 8,
    p: 1,
  });
  const app = createApp({ db, services });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const first = await fetch(`${base}/sign-in`);
    let cookie = first.headers.get('set-cookie')!.split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1];
    const signed = await fetch(`${base}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username, password: 'bench-password-123' }),
    });
    cookie = signed.headers.get('set-cookie')!.split(';')[0];
    const get = (path: string) =>
      fetch(`${base}${path}`, { headers: { cookie } }).then(async (r) => [r.status, await r.text()] as const);

    const [[coldStatus], cold] = await timed(() => get(`/scorecard?period=${period}`));
    if (coldStatus !== 200) throw new Error(`scorecard page answered ${coldStatus}`);
    print({
      name: `scorecard page, first request (loads the LA, computes 24 indicators × 8 quarters)`,
      value: cold * 1000,
      unit: 'ms',
    });
    for (const [label, path] of [
      ['scorecard page', `/scorecard?period=${period}`],
      ['scorecard API', `/api/scorecard?period=${period}`],
    ] as const) {
      // This process only serves while the loader (a second process) runs: its CPU time is the server's.
      const cpu0 = process.cpuUsage();
      const r = await load(`${base}${path}`, cookie);
      const cpu = process.cpuUsage(cpu0);
      print({ name: `${label}: p50`, value: r.p50, unit: 'ms' });
      print({ name: `${label}: p95`, value: r.p95, unit: 'ms', goal: '< 100 ms' });
      print({ name: `${label}: p99`, value: r.p99, unit: 'ms' });
      print({ name: `${label}: requests/s (${r.errors} errors)`, value: r.rps, unit: 'req/s' });
      print({
        name: `${label}: server CPU per request (user + system)`,
        value: (cpu.user + cpu.system) / 1000 / r.n,
        unit: 'ms',
      });
      print({ name: `${label}: load generator CPU per request`, value: r.loaderCpuMs, unit: 'ms' });
    }

    // The indicator whose child-level list is closest to 500 rows.
    const report = (await services.scorecard(la, period, null))!;
    const pick = report.indicators
      .filter((r) => r.denominator !== null)
      .sort((a, b) => Math.abs((a.denominator ?? 0) - 500) - Math.abs((b.denominator ?? 0) - 500))[0]!;
    const rows = (await services.members(la, period, pick.id))!.members.length;
    const times: number[] = [];
    const listCpu = process.cpuUsage();
    for (let i = 0; i < 20; i++) {
      const [[status], secs] = await timed(() => get(`/indicators/${pick.id}/children?period=${period}`));
      if (status !== 200) throw new Error(`children page answered ${status}`);
      times.push(secs * 1000);
    }
    const listCpuMs = (() => {
      const u = process.cpuUsage(listCpu);
      return (u.user + u.system) / 1000 / 20;
    })();
    times.sort((a, b) => a - b);
    print({ name: `indicator child list (${pick.id}, ${rows} rows): p50`, value: times[10]!, unit: 'ms' });
    print({
      name: `indicator child list (${rows} rows): p95`,
      value: times[18]!,
      unit: 'ms',
      goal: '< 300 ms',
    });
    print({ name: `indicator child list (${rows} rows): CPU per request`, value: listCpuMs, unit: 'ms' });
    const [[, page], indSecs] = await timed(() => get(`/indicators/${pick.id}?period=${period}`));
    print({
      name: `indicator page (${Math.round(page.length / 1024)} KB)`,
      value: indSecs * 1000,
      unit: 'ms',
    });
  } finally {
    await new Promise((r) => server.close(r));
  }
}
