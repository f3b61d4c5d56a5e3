import { randomBytes } from 'node:crypto';
import type { SandboxContext } from './context.js';
import { errorReply } from './reply.js';
import type { Reply } from './reply.js';
import { isObject } from './request.js';

export function issueToken(context: SandboxContext, body: unknown): Reply {
  const form = isObject(body) ? body : {};
  if (form.grant_type !== 'client_credentials') {
    return {
      status: 400,
      body: { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' },
    };
  }
  if (form.client_id !== context.credentials.clientId || form.client_secret !== context.credentials.clientSecret) {
    return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
  }
  const token = randomBytes(16).toString('base64url');
  context.tokens.set(token, Date.now() + context.tokenTtlSeconds * 1000);
  return { status: 200, body: { access_token: token, expires_in: context.tokenTtlSeconds, token_type: 'Bearer' } };
}

/** The refusal for a missing, unknown or expired token; undefined for a valid one. */
export function checkToken(context: SandboxContext, token: string | undefined): Reply | undefined {
  if (token === undefined) return errorReply(401, 'Unauthorized: no Bearer token');
  const expiresAt = context.tokens.get(token);
  if (expiresAt === undefined) return errorReply(401, 'Unauthorized: unknown token');
  if (expiresAt <= Date.now()) return errorReply(403, 'Forbidden: the access token has expired');
  return undefined;
}

export function expireTokens(context: SandboxContext): void {
  for (const token of context.tokens.keys()) context.tokens.set(token, 0);
}
