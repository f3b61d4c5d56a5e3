/**
 * The dashboard in a real browser: Debian's Chromium, driven by playwright-core, loads the page
 * from `avito-ai serve` and shows the store's real figures and dialogs, then refreshes itself
 * when a new question is answered. `.ci/run` installs Chromium and sets AVITO_AI_REQUIRE_CHROMIUM,
 * so in CI a missing browser fails instead of skipping.
 */
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { runInProcess } from '../helpers/cli.js';
import { startServe, WEBHOOK_SECRET, type RunningServe } from '../helpers/serve.js';
import { waitFor } from '../helpers/spawn-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REQUIRED = process.env.AVITO_AI_REQUIRE_CHROMIUM === '1';
const available = existsSync(CHROMIUM);

if (REQUIRED && !available) throw new Error(`AVITO_AI_REQUIRE_CHROMIUM=1 but there is no browser at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!available)('dashboard in Chromium', () => {
  let sandbox: Sandbox;
  let serve: RunningServe;
  let browser: Browser;
  let env: Record<string, string>;
  let cwd: string;

  beforeAll(async () => {
    sandbox = await startDemoSandbox();
    cwd = mkdtempSync(join(tmpdir(), 'avito-ai-dashboard-'));
    env = {
      ...sandboxEnv(sandbox, join(cwd, 'store.json')),
      REPLY_DELAY: '0',
      SAFETY_POLL_MINUTES: '60',
      LOG_LEVEL: 'info',
    };
    serve = await startServe({ cwd, env });
    await waitFor(() => sandbox.sent().length >= 5, 'the pass at start to answer the demo chats');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // The flags that keep Chromium off the network this machine does not have.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await sandbox?.close();
  });

  it('shows the counters, the answer rate and a dialog from the store on a phone, and refreshes itself', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    // The token serve made: the link it logs at start, which the last test checks.
    await page.goto(`${serve.monitorUrl}/dashboard?token=${serve.token}`);
    await page.waitForSelector('body[data-loaded="1"]', { timeout: 15_000 });

    expect(await page.textContent('[data-counter="total_messages"]')).toBe('6');
    expect(await page.textContent('[data-counter="completed_messages"]')).toBe('5');
    expect(await page.textContent('[data-counter="escalated_chats"]')).toBe('1');
    expect(await page.textContent('#answer-rate')).toMatch(/40\s?%/);
    expect(await page.textContent('#latency')).toMatch(/Медиана/);
    const dialogs = await page.textContent('#dialogs');
    expect(dialogs).toContain('Добрый день, на пылесос есть гарантия?');
    expect(dialogs).toContain('item-4012345679-robot-pylesos.md');
    expect(await page.locator('#dialogs .dialog').count()).toBe(5);
    expect(await page.textContent('#chats')).toContain('u2i-demo-manager');
    expect(await page.isVisible('#error')).toBe(false);
    // Readable on a phone: nothing wider than the screen.
    const widths = await page.evaluate(() => {
      // Runs in the page; the test itself is typed for Node, without the DOM's types.
      const page = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return { content: page.document.documentElement.scrollWidth, screen: page.innerWidth };
    });
    expect(widths.content).toBeLessThanOrEqual(widths.screen);

    mkdirSync(join(ROOT, '.artifacts'), { recursive: true });
    const shot = join(ROOT, '.artifacts/dashboard.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);

    // A new question, delivered and answered, shows up without reloading the page.
    const subscribed = await runInProcess(['register-webhook'], { cwd, env: { ...env, AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET, APP_BASE_URL: serve.url } });
    expect(subscribed.code, subscribed.stderr).toBe(ExitCode.Ok);
    sandbox.addMessage('u2i-demo-coffee', { text: 'Что входит в комплектацию кофемашины?' });
    await page.locator('#dialogs .dialog', { hasText: 'Что входит в комплектацию кофемашины?' }).waitFor({ timeout: 15_000 });
    expect(await page.textContent('[data-counter="total_messages"]')).toBe('7');
    expect(problems).toEqual([]);
  }, 60_000);

  it('asks for the token instead of showing data without it', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${serve.monitorUrl}/dashboard?token=wrong-token-000000`);
    expect(response?.status()).toBe(401);
    expect(await page.textContent('body')).toContain('MONITOR_TOKEN');
    // Nor on the listener Avito and the reverse proxy reach.
    expect((await page.goto(`${serve.url}/dashboard?token=${serve.token}`))?.status()).toBe(404);
  }, 30_000);

  it('is the page behind the link serve logged at start', async () => {
    const result = await serve.stop();
    expect(result.stderr).toContain(`панель: ${serve.monitorUrl}/dashboard?token=${serve.token} `);
  }, 30_000);
});
