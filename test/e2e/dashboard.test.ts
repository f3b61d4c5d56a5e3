/**
 * The dashboard in a real browser: Debian's Chromium, driven by playwright-core, loads the page from `avito-ai serve` at a desktop width and a phone's,
 * and the states a seller must tell apart are read from the page: chats waiting for a person (listed first, by buyer and listing), everything working,
 * an Avito outage (the red banner), and an empty store. Screenshots of each state at both widths are kept in test-artifacts/dashboard/.
 * `.ci/run` installs Chromium and sets AVITO_AI_REQUIRE_CHROMIUM, so in CI a missing browser fails instead of skipping.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { DEMO_SCENARIO } from '../../src/cli/commands/demo.js';
import { parseScenario, startSandbox, type Sandbox } from '../../src/avito/sandbox/index.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { runInProcess } from '../helpers/cli.js';
import { startServe, WEBHOOK_SECRET, type RunningServe } from '../helpers/serve.js';
import { waitFor } from '../helpers/spawn-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts/dashboard');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REQUIRED = process.env.AVITO_AI_REQUIRE_CHROMIUM === '1';
const available = existsSync(CHROMIUM);
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

if (REQUIRED && !available) throw new Error(`AVITO_AI_REQUIRE_CHROMIUM=1 but there is no browser at ${CHROMIUM} (apt-get install chromium)`);

/** The page in Chromium at one width, collecting the script's errors. */
interface OpenPage {
  page: Page;
  problems: string[];
}

describe.skipIf(!available)('dashboard in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // The flags that keep Chromium off the network this machine does not have.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function openDashboard(serve: RunningServe, viewport: { width: number; height: number }): Promise<OpenPage> {
    const page = await browser.newPage({ viewport, deviceScaleFactor: viewport.width < 500 ? 2 : 1 });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${serve.monitorUrl}/dashboard?token=${serve.token}`);
    await page.waitForSelector('body[data-loaded="1"]', { timeout: 15_000 });
    return { page, problems };
  }

  /** Keeps a full-page screenshot and checks nothing is wider than the screen (a phone must not scroll sideways). */
  async function shoot(page: Page, state: string): Promise<void> {
    const widths = await page.evaluate(() => {
      // Runs in the page; the test itself is typed for Node, without the DOM's types.
      const page = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return { content: page.document.documentElement.scrollWidth, screen: page.innerWidth };
    });
    expect(widths.content, `${state}: page wider than the screen`).toBeLessThanOrEqual(widths.screen);
    const shot = join(ARTIFACTS, `${state}-${page.viewportSize()?.width}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  }

  async function readToday(page: Page): Promise<Record<string, string | null>> {
    const today: Record<string, string | null> = {};
    for (const key of ['answered', 'found', 'partly_answered', 'not_found', 'escalations', 'errors']) today[key] = await page.textContent(`[data-today="${key}"] b`);
    return today;
  }

  describe('with the demo chats', () => {
    let sandbox: Sandbox;
    let serve: RunningServe;
    let env: Record<string, string>;
    let cwd: string;
    const pages: OpenPage[] = [];

    beforeAll(async () => {
      sandbox = await startDemoSandbox();
      cwd = mkdtempSync(join(tmpdir(), 'avito-ai-dashboard-'));
      env = {
        ...sandboxEnv(sandbox, join(cwd, 'store.json')),
        REPLY_DELAY: '0',
        // A pass every 6 s: the outage shows within a test's time.
        SAFETY_POLL_MINUTES: '0.1',
        LOG_LEVEL: 'info',
      };
      serve = await startServe({ cwd, env });
      await waitFor(() => sandbox.sent().length >= 5, 'the pass at start to answer the demo chats');
      for (const viewport of WIDTHS) pages.push(await openDashboard(serve, viewport));
    }, 60_000);

    afterAll(async () => {
      await serve?.stop();
      await sandbox?.close();
    });

    it('lists the chat waiting for a person first, by buyer and listing, then today’s figures and the dialogs', async () => {
      for (const { page, problems } of pages) {
        expect(await page.isVisible('#outage')).toBe(false);
        expect(await page.isVisible('#error')).toBe(false);
        // The first section of the page, above today's figures, on a phone too.
        expect(await page.getAttribute('main > section:first-child', 'id')).toBe('waiting-card');
        const waiting = page.locator('#waiting li.waiting-chat');
        expect(await waiting.count()).toBe(1);
        expect(await waiting.locator('.buyer').textContent()).toBe('Олег');
        expect(await waiting.locator('.item').textContent()).toBe("Кофемашина De'Longhi Magnifica S ECAM 22.110.B");
        expect(await waiting.textContent()).toContain('Открыть чат в Avito');
        expect(await waiting.textContent()).not.toContain('u2i-demo-manager');
        expect(await page.textContent('#waiting-count')).toBe('1');
        const box = await page.locator('#waiting-card').boundingBox();
        expect(box && box.y + 40).toBeLessThan(page.viewportSize()!.height);
        // The demo: coffee and vacuum from the documents, bike not in them, manager passed on, voice asked for text.
        expect(await readToday(page)).toEqual({ answered: '5', found: '2', partly_answered: '0', not_found: '1', escalations: '1', errors: '0' });
        const dialogs = page.locator('#dialogs .dialog');
        expect(await dialogs.count()).toBe(5);
        const vacuum = page.locator('#dialogs .dialog', { hasText: 'Добрый день, на пылесос есть гарантия?' });
        expect(await vacuum.locator('.buyer').textContent()).toBe('Игорь');
        expect(await vacuum.textContent()).toContain('Робот-пылесос Xiaomi Mi Robot Vacuum-Mop 2');
        expect(await vacuum.textContent()).toContain('item-4012345679-robot-pylesos.md');
        expect(await page.textContent('#paused')).toContain('Светлана');
        const text = (await page.textContent('body')) ?? '';
        expect(text).not.toMatch(/p95|cascaded|u2i-demo/);
        await shoot(page, 'waiting');
        expect(problems).toEqual([]);
      }
    }, 30_000);

    it('shows nobody waiting once the seller resumes the chat, and a new answer without reloading', async () => {
      const resumed = await runInProcess(['resume', 'u2i-demo-manager'], { cwd, env });
      expect(resumed.code, resumed.stderr).toBe(ExitCode.Ok);
      for (const { page } of pages) {
        await page.locator('#waiting li.empty').waitFor({ timeout: 15_000 });
        expect(await page.textContent('#waiting')).toContain('Никто не ждёт');
        expect(await page.textContent('#status')).toBe('Всё работает');
        await shoot(page, 'normal');
      }
      const subscribed = await runInProcess(['register-webhook'], { cwd, env: { ...env, AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET, APP_BASE_URL: serve.url } });
      expect(subscribed.code, subscribed.stderr).toBe(ExitCode.Ok);
      // Two questions, one the documents answer: the card says which one the seller must answer.
      sandbox.addMessage('u2i-demo-coffee', { text: 'Что входит в комплектацию кофемашины? И зёрна в подарок положите?' });
      for (const { page, problems } of pages) {
        const card = page.locator('#dialogs .dialog', { hasText: 'Что входит в комплектацию кофемашины?' });
        await card.waitFor({ timeout: 15_000 });
        expect(await page.textContent('[data-today="answered"] b')).toBe('6');
        // Today's figures count it as answered in part.
        await page.locator('[data-today="partly_answered"] b', { hasText: '1' }).waitFor({ timeout: 15_000 });
        expect(await card.locator('.left-out').textContent()).toBe('Без ответа — ответьте покупателю сами: «И зёрна в подарок положите»');
        expect(await page.locator('#dialogs .left-out').count()).toBe(1);
        // And the chat waits for the seller, who answers the rest.
        const waiting = page.locator('#waiting li.waiting-chat');
        await waiting.first().waitFor({ timeout: 15_000 });
        expect(await waiting.count()).toBe(1);
        expect(await waiting.locator('.buyer').textContent()).toBe('Анна');
        expect(await waiting.locator('.left-out').textContent()).toBe('Без ответа — ответьте покупателю сами: «И зёрна в подарок положите»');
        expect(await waiting.textContent()).toContain('Бот ответил не на всё');
        expect(await page.textContent('#waiting-count')).toBe('1');
        await shoot(page, 'left-out');
        expect(problems).toEqual([]);
      }
    }, 45_000);

    it('leads with a red banner saying what to do while Avito is unreachable', async () => {
      sandbox.faults.inject({ kind: 'status', status: 500, times: 100_000 });
      try {
        for (const { page } of pages) {
          await page.locator('#outage').waitFor({ state: 'visible', timeout: 30_000 });
          const banner = (await page.textContent('#outage')) ?? '';
          expect(banner).toContain('Avito не отвечает');
          expect(banner).toContain('Проверьте интернет на сервере');
          expect(await page.getAttribute('#problems li', 'data-system')).toBe('avito');
          expect(await page.textContent('#status')).toBe('Есть сбой');
          // Today's errors count the failed looks at Avito: never "0" beside an outage.
          await page.locator('[data-today="errors"].alarm').waitFor({ timeout: 15_000 });
          expect(Number(await page.textContent('[data-today="errors"] b'))).toBeGreaterThan(0);
          // Above everything else on the page.
          const outage = await page.locator('#outage').boundingBox();
          const waiting = await page.locator('#waiting-card').boundingBox();
          expect(outage!.y).toBeLessThan(waiting!.y);
          await shoot(page, 'outage');
        }
      } finally {
        sandbox.faults.clear();
      }
      // And it goes once Avito answers again.
      for (const { page } of pages) await page.locator('#outage').waitFor({ state: 'hidden', timeout: 30_000 });
    }, 90_000);

    it('tells a browser without the right token how to open the page, in Russian; API clients keep JSON', async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const response = await page.goto(`${serve.monitorUrl}/dashboard?token=wrong-token-000000`);
      expect(response?.status()).toBe(401);
      expect(await page.textContent('h1')).toBe('Ключ доступа в ссылке не подходит');
      expect(await page.textContent('body')).toContain('MONITOR_TOKEN');
      expect(await page.textContent('body')).toContain('/dashboard?token=');
      expect(await page.textContent('body')).not.toContain('{');
      await page.goto(`${serve.monitorUrl}/dashboard`);
      expect(await page.textContent('h1')).toBe('Монитор открывается только с ключом доступа');
      await page.screenshot({ path: join(ARTIFACTS, 'token-390.png'), fullPage: true });
      const api = await fetch(`${serve.monitorUrl}/stats`, { headers: { accept: 'application/json' } });
      expect(api.status).toBe(401);
      expect(await api.json()).toMatchObject({ error: expect.stringContaining('token') });
      // Nor on the listener Avito and the reverse proxy reach.
      expect((await page.goto(`${serve.url}/dashboard?token=${serve.token}`))?.status()).toBe(404);
      await page.close();
    }, 30_000);

    it('is the page behind the link serve logged at start', async () => {
      for (const { page } of pages) await page.close();
      const result = await serve.stop();
      expect(result.stderr).toContain(`панель: ${serve.monitorUrl}/dashboard?token=${serve.token} `);
    }, 30_000);
  });

  describe('with nothing yet', () => {
    let sandbox: Sandbox;
    let serve: RunningServe;

    beforeAll(async () => {
      const demo = JSON.parse(readFileSync(DEMO_SCENARIO, 'utf8')) as Record<string, unknown>;
      sandbox = await startSandbox({ scenario: parseScenario({ ...demo, chats: [] }) });
      const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-dashboard-empty-'));
      serve = await startServe({ cwd, env: { ...sandboxEnv(sandbox, join(cwd, 'store.json')), REPLY_DELAY: '0', SAFETY_POLL_MINUTES: '60', LOG_LEVEL: 'warn' } });
      // The pass at start has looked at the (no) chats.
      for (let tries = 0; ((await (await serve.monitor('/stats')).json()) as { last_poll_time: string | null }).last_poll_time === null; tries++) {
        if (tries > 150) throw new Error('no pass at start within 15 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, 60_000);

    afterAll(async () => {
      await serve?.stop();
      await sandbox?.close();
    });

    it('says nobody waits, shows zeros for today and no dialogs, with no banner', async () => {
      for (const viewport of WIDTHS) {
        const { page, problems } = await openDashboard(serve, viewport);
        expect(await page.isVisible('#outage')).toBe(false);
        expect(await page.textContent('#status')).toBe('Всё работает');
        expect(await page.textContent('#waiting')).toContain('Никто не ждёт');
        expect(await readToday(page)).toEqual({ answered: '0', found: '0', partly_answered: '0', not_found: '0', escalations: '0', errors: '0' });
        expect(await page.textContent('#dialogs')).toContain('Пока нет диалогов');
        await shoot(page, 'empty');
        expect(problems).toEqual([]);
        await page.close();
      }
    }, 30_000);
  });
});
