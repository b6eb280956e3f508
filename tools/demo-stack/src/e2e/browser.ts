import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (scripts/install-system-deps.sh installs it); playwright's own download cannot work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen since the last call, then forgotten. */
  takeErrors(): string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(artifactsDir: string): Promise<BrowserSession> {
  mkdirSync(artifactsDir, { recursive: true });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // The machine running the tests is often busy with other suites; waiting longer is cheap, flaking is not.
  page.setDefaultTimeout(90_000);
  let errors: string[] = [];
  page.on('console', msg => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', err => errors.push(`page error: ${err.message}`));
  return {
    page,
    context,
    takeErrors() {
      const seen = errors;
      errors = [];
      return seen;
    },
    async screenshot(name: string) {
      await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
    },
    async close() {
      // playwright gives every launch a fresh profile and removes it on close.
      await browser.close();
    },
  };
}

/**
 * Signs in as the guest and waits until the app shell shows: navigating before the sign-in has finished
 * (slow on a busy machine) would leave the page signed out for the rest of the session.
 */
export async function signInAsGuest(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /enter/i }).click();
  await page.getByRole('link', { name: 'Create' }).first().waitFor();
}
