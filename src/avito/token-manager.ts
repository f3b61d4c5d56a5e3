/** One refresh however many callers are waiting. */
import { AvitoApiError, AvitoAuthError, AvitoResponseError } from '../errors.js';
import type { AvitoEvent, Requester } from './http.js';
import { parseTokenGrant } from './parse.js';
import { adaptersText } from '../messages/adapters.js';

const TOKEN_ENDPOINT = 'POST /token';
/** Refresh this long before Avito's expiry, so a call never leaves with a token about to die. */
const REFRESH_MARGIN_MS = 60_000;
/** When Avito does not say how long a token lives; an early expiry is caught by the 403 retry anyway. */
const FALLBACK_LIFETIME_S = 3600;

export interface TokenManagerOptions {
  request: Requester;
  clientId: string;
  clientSecret: string;
  now?: () => number;
  onEvent?: (event: AvitoEvent) => void;
}

export interface TokenManager {
  getToken(): Promise<string>;
  /** With `staleToken`, only if it is still cached: callers that saw the same 403 keep the fresh token another one just fetched. */
  invalidate(staleToken?: string): void;
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const now = options.now ?? Date.now;
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    let body: unknown;
    try {
      body = await options.request({
        method: 'POST',
        path: '/token',
        endpoint: TOKEN_ENDPOINT,
        form: { grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret },
        // Asking for a token twice is harmless, so network failures and 5xx are retried.
        idempotent: true,
      });
    } catch (error) {
      if (error instanceof AvitoApiError && (error.status === 400 || error.status === 401)) throw credentialsError(error.status, error.message, error);
      throw error;
    }
    const grant = parseTokenGrant(body);
    if (!grant) {
      // Some OAuth servers report bad credentials as 200 {"error": "invalid_client"}.
      const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : undefined;
      if (typeof error === 'string') throw credentialsError(200, adaptersText().avitoRefusedCredentials(TOKEN_ENDPOINT, error));
      throw new AvitoResponseError(adaptersText().avitoNoToken(TOKEN_ENDPOINT), 200, TOKEN_ENDPOINT);
    }
    const lifetimeMs = (grant.expiresIn ?? FALLBACK_LIFETIME_S) * 1000;
    // A token living under two minutes would be "about to expire" at once; keep half of it instead.
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    cached = { token: grant.accessToken, refreshAt: now() + lifetimeMs - margin };
    options.onEvent?.({ type: 'token', expiresInSeconds: lifetimeMs / 1000 });
    return grant.accessToken;
  }

  return {
    getToken() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate(staleToken) {
      if (staleToken === undefined || cached?.token === staleToken) cached = undefined;
    },
  };
}

function credentialsError(status: number, message: string, cause?: unknown): AvitoAuthError {
  return new AvitoAuthError(message, status, TOKEN_ENDPOINT, 'credentials', {
    cause,
    hint: adaptersText().avitoCredentialsHint,
  });
}
