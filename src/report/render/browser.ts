import type { Browser } from 'playwright-core';

/** Where Debian's chromium lives (never a downloaded browser: the machine is offline). */
export const CHROMIUM_PATH = process.env['CSPI_CHROMIUM'] ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Debian chromium through playwright-core. Callers close it; reuse one browser for
 * several PDFs (≈0.5 s each once warm).
 */
export async function launchBrowser(): Promise<Browser> {
  // Loaded here, when a PDF is made: playwright-core costs every command that reaches this module about
  // 0.3 s of start-up (cspi publish --list, report --out x.html), and most make no PDF.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
