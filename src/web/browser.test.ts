import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './testing/harness.js';
import { BROWSER_SKIP, type BrowserHarness, startBrowserHarness } from './testing/browser-harness.js';

const skip = BROWSER_SKIP;
/** axe-core's source, read once and added to every page of a context by `addInitScript`. */
const AXE = BROWSER_SKIP
  ? ''
  : readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: BrowserHarness;
let browser: Browser;
let base = '';

before(async () => {
  if (skip) return;
  h = await startBrowserHarness();
  ({ browser, base } = h);
});

after(async () => {
  if (!skip) await h?.close();
});

/** A browser context whose pages all carry axe-core (injected before the page's own scripts). */
async function context(): Promise<BrowserContext> {
  const ctx = await browser.newContext({ bypassCSP: true });
  await ctx.addInitScript({ content: AXE });
  return ctx;
}

/** axe-core on the current page: no serious or critical WCAG 2.2 A/AA violations. */
async function axe(page: Page): Promise<void> {
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          o: object,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${page.url()}: ${JSON.stringify(bad)}`);
}

async function signIn(page: Page, username: string, check = false): Promise<void> {
  await page.goto(`${base}/sign-in`);
  if (check) await axe(page);
  await page.fill('#username', username);
  await page.fill('#password', TEST_PASSWORD);
  await page.click('button:has-text("Sign in")');
  await page.waitForURL(/\/scorecard/);
}

test(
  'a manager reads the scorecard, opens an indicator, drills down and uploads a bad file',
  { skip },
  async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') csp.push(m.text());
    });
    await signIn(page, 'manager', true);
    assert.match((await page.textContent('h1')) ?? '', /Performance scorecard: Quarter 3 2021\/22/);
    assert.match(
      (await page.textContent('main')) ?? '',
      /of \d+ rated indicators are on target or within tolerance/,
    );
    assert.ok((await page.locator('.app-scorecard tbody tr').count()) >= 24);
    await axe(page);
    // Sorting (progressive enhancement): the Current column ascending.
    await page.locator('.app-scorecard').first().locator('button:has-text("RAG")').click();
    assert.equal(
      await page.locator('.app-scorecard').first().locator('th[aria-sort]').getAttribute('aria-sort'),
      'ascending',
    );

    await page.click('a:has-text("C&F assessments completed within timescale")');
    await page.waitForURL(/\/indicators\/assessments-45wd/);
    assert.match((await page.textContent('h1')) ?? '', /C&F assessments/);
    assert.ok(await page.locator('svg.app-chart').isVisible());
    await axe(page);

    await page.click('a:has-text("View the children behind this figure")');
    await page.waitForURL(/\/children/);
    assert.match((await page.textContent('main')) ?? '', /This list identifies children/);
    assert.ok((await page.locator('.app-children tbody tr').count()) > 0);
    await axe(page);

    await page.goto(`${base}/data`);
    await axe(page);
    await page.setInputFiles('#files', {
      name: 'episodes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('garbage'),
    });
    await page.click('button:has-text("Upload and validate")');
    await page.locator('h1:has-text("The files were not imported")').waitFor();
    assert.match((await page.textContent('h1')) ?? '', /The files were not imported/);
    assert.match((await page.textContent('#issues')) ?? '', /S-FORMAT/);
    await axe(page);
    assert.deepEqual(
      csp.filter((e) => /Content Security Policy/.test(e)),
      [],
      'no CSP violations',
    );
    await ctx.close();
  },
);

test('a member is refused child-level data on the page and in the API', { skip }, async () => {
  const ctx = await context();
  const page = await ctx.newPage();
  await signIn(page, 'member');
  assert.match((await page.textContent('main')) ?? '', /Public version/);
  await axe(page);
  const r = await page.goto(`${base}/indicators/assessments-45wd/children`);
  assert.equal(r?.status(), 403);
  assert.match((await page.textContent('h1')) ?? '', /You do not have permission/);
  await axe(page);
  const api = await page.request.get(`${base}/api/indicators/assessments-45wd/members`);
  assert.equal(api.status(), 403);
  await ctx.close();
});

test(
  'an admin changes a target and sees the rating change; audit log and reports pages',
  { skip },
  async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await signIn(page, 'admin');
    const row = page.locator('tr', {
      has: page.locator('a:has-text("Statutory CP visits within 10 working days")'),
    });
    const before = await row.locator('.app-rag').textContent();
    await page.goto(`${base}/targets`);
    await axe(page);
    await page.click('a:has-text("Change"):has-text("Statutory CP visits")');
    await axe(page);
    const target = before?.includes('Green') ? '100' : '10';
    await page.fill('#target', target);
    await page.fill('#tolerance', '0');
    await page.fill('#rationale', 'Reset after the annual benchmark review');
    await page.click('button:has-text("Save target")');
    await page.waitForURL(/\/targets\?/);
    assert.match((await page.textContent('.govuk-notification-banner')) ?? '', /Target changed/);
    await page.goto(`${base}/scorecard`);
    const after = await row.locator('.app-rag').textContent();
    assert.match(after ?? '', target === '10' ? /Green/ : /Red/);
    assert.notEqual(after?.trim(), before?.trim());
    await page.goto(`${base}/audit`);
    assert.match((await page.textContent('main')) ?? '', /Changed a target/);
    await axe(page);
    await page.goto(`${base}/reports`);
    await axe(page);
    await page.click('button:has-text("Publish edition")');
    await page.waitForURL(/published=/);
    assert.match((await page.textContent('.govuk-notification-banner')) ?? '', /is published/);
    assert.ok(await page.locator('a:has-text("Public Word (DOCX)")').first().isVisible());
    await ctx.close();
  },
);

test(
  'an analyst writes commentary from the indicator page: the form and its errors, then the history and the scorecard column (axe)',
  { skip },
  async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await signIn(page, 'analyst');
    await page.goto(`${base}/indicators/icpc-15wd?la=841&period=2021-22-Q3`);
    await page.click('a:has-text("Write the commentary")');
    await page.waitForURL(/\/reports\/commentary\/icpc-15wd/);
    await axe(page);
    await page.check('input[name="section"][value="omit"]');
    await page.click('button:has-text("Save commentary")');
    await page.locator('.govuk-error-summary').waitFor();
    assert.match(
      (await page.textContent('.govuk-error-summary')) ?? '',
      /Enter why the drafted commentary is being moved, left out or replaced/,
    );
    await axe(page);
    await page.fill('#reason', 'Reported separately to this committee');
    await page.fill('#text', 'Conferences moved to a new venue in November.');
    await page.fill('#scorecard', 'New venue');
    await page.click('button:has-text("Save commentary")');
    await page.waitForURL(/\/indicators\/icpc-15wd\?.*#commentary$/);
    const history = (await page.textContent('main')) ?? '';
    assert.match(history, /Commentary history/);
    assert.match(history, /Written by analyst/);
    assert.match(history, /Conferences moved to a new venue in November\./);
    assert.match(history, /Reason: Reported separately to this committee/);
    await axe(page);
    // The scorecard's Commentary column (report.md §3): a header cell, the text in the indicator's row.
    await page.goto(`${base}/scorecard?la=841&period=2021-22-Q3`);
    const table = page.locator('table.app-scorecard', {
      has: page.locator('a[href^="/indicators/icpc-15wd?"]'),
    });
    assert.ok(await table.locator('thead th[scope="col"]:has-text("Commentary")').isVisible());
    const row = table.locator('tr', { has: page.locator('a[href^="/indicators/icpc-15wd?"]') });
    assert.equal((await row.locator('td.app-scorecard__commentary').textContent())?.trim(), 'New venue');
    await axe(page);
    await ctx.close();
  },
);
