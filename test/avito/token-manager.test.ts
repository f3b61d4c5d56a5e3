import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequester } from '../../src/avito/http.js';
import { createTokenManager } from '../../src/avito/token-manager.js';
import { AvitoApiError, AvitoAuthError } from '../../src/errors.js';
import { startSandbox } from '../../src/avito/sandbox/index.js';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { requestsTo, smallScenario } from './helpers.js';

const DAY_MS = 86_400_000;
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ scenario: smallScenario() });
});
afterAll(async () => {
  await sb.close();
});

function tokenRequests(): number {
  return requestsTo(sb, /^\/token$/, 'POST').length;
}

function createManager(options: { now?: () => number; clientSecret?: string } = {}) {
  const sleeps: number[] = [];
  const request = createRequester({ baseUrl: sb.url, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 });
  const manager = createTokenManager({
    request,
    clientId: sb.credentials.clientId,
    clientSecret: options.clientSecret ?? sb.credentials.clientSecret,
    now: options.now,
  });
  return { manager, sleeps };
}

describe('token manager', () => {
  it('sends client_credentials as a form to /token', async () => {
    const before = sb.requests.length;
    const { manager } = createManager();
    const token = await manager.getToken();
    const request = sb.requests.slice(before).find((r) => r.path === '/token');
    expect(request?.body).toEqual({ grant_type: 'client_credentials', client_id: 'sandbox-client', client_secret: 'sandbox-secret' });
    expect(request?.status).toBe(200);
    expect(token).toMatch(/\S{10,}/);
  });

  it('property: any number of calls within the validity make one /token request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3_600_000 }), { minLength: 1, maxLength: 20 }), async (steps) => {
        let clock = 1_000_000;
        const { manager } = createManager({ now: () => clock });
        const before = tokenRequests();
        const first = await manager.getToken();
        for (const step of steps) {
          // Stay inside the 24 h lifetime minus the 60 s margin.
          clock = Math.min(clock + step, 1_000_000 + DAY_MS - 60_001);
          expect(await manager.getToken()).toBe(first);
        }
        expect(tokenRequests() - before).toBe(1);
      }),
      { numRuns: 25 },
    );
  });

  it('property: concurrent callers share one refresh', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (callers) => {
        const { manager } = createManager();
        const before = tokenRequests();
        const tokens = await Promise.all(Array.from({ length: callers }, () => manager.getToken()));
        expect(new Set(tokens).size).toBe(1);
        expect(tokenRequests() - before).toBe(1);
      }),
      { numRuns: 20 },
    );
  });

  it('refreshes 60 s before expiry, not earlier', async () => {
    let clock = 0;
    const { manager } = createManager({ now: () => clock });
    const before = tokenRequests();
    const first = await manager.getToken();
    clock = DAY_MS - 60_001;
    expect(await manager.getToken()).toBe(first);
    expect(tokenRequests() - before).toBe(1);
    clock = DAY_MS - 60_000;
    const second = await manager.getToken();
    expect(second).not.toBe(first);
    expect(tokenRequests() - before).toBe(2);
  });

  it('invalidate(stale) drops only the token that failed', async () => {
    const { manager } = createManager();
    const before = tokenRequests();
    const first = await manager.getToken();
    manager.invalidate(first);
    const second = await manager.getToken();
    expect(second).not.toBe(first);
    // A second caller that saw the same 403 with the old token must not discard the fresh one.
    manager.invalidate(first);
    expect(await manager.getToken()).toBe(second);
    manager.invalidate();
    expect(await manager.getToken()).not.toBe(second);
    expect(tokenRequests() - before).toBe(3);
  });

  it('bad credentials: AvitoAuthError{credentials} with a hint, after exactly one /token request', async () => {
    const { manager, sleeps } = createManager({ clientSecret: 'wrong' });
    const before = tokenRequests();
    const error = await manager.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvitoAuthError);
    expect(error).toMatchObject({ reason: 'credentials', status: 401, endpoint: 'POST /token' });
    expect((error as AvitoAuthError).hint).toMatch(/AVITO_CLIENT_ID.*AVITO_CLIENT_SECRET/);
    expect((error as AvitoAuthError).message).toMatch(/invalid_client: Client authentication failed/);
    expect(tokenRequests() - before).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('retries /token on a 503 (asking twice for a token is harmless)', async () => {
    sb.faults.inject({ match: { path: /^\/token$/ }, kind: 'status', status: 503 });
    const { manager, sleeps } = createManager();
    const before = tokenRequests();
    await expect(manager.getToken()).resolves.toMatch(/\S+/);
    expect(tokenRequests() - before).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it('a failed refresh is not cached: the next caller asks again', async () => {
    sb.faults.inject({ match: { path: /^\/token$/ }, kind: 'status', status: 500, times: 5 });
    const request = createRequester({ baseUrl: sb.url, retry: { limit: 0 } });
    const manager = createTokenManager({ request, clientId: sb.credentials.clientId, clientSecret: sb.credentials.clientSecret });
    await expect(manager.getToken()).rejects.toBeInstanceOf(AvitoApiError);
    sb.faults.clear();
    await expect(manager.getToken()).resolves.toMatch(/\S+/);
  });
});
