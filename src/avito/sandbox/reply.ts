import type { ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is instead of JSON. */
  raw?: { contentType: string; data: string };
}

/** Messages of Avito's error bodies, by status (from the OpenAPI error schemas). */
const ERROR_MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Error while processing request. Please, contact support',
  503: 'Service temporarily unavailable. Please, contact support',
};

export function errorReply(status: number, message = ERROR_MESSAGES[status] ?? 'Error', fields?: Record<string, string>): Reply {
  return { status, body: { error: { code: status, message, ...(fields === undefined ? {} : { fields }) } } };
}

export function validationError(fields: Record<string, string>): Reply {
  return errorReply(400, 'Validation error', fields);
}

export function writeReply(response: ServerResponse, reply: Reply): void {
  if (response.destroyed || response.writableEnded) return;
  const data = reply.raw?.data ?? JSON.stringify(reply.body ?? {});
  response.writeHead(reply.status, {
    'content-type': reply.raw?.contentType ?? 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(data),
    ...reply.headers,
  });
  response.end(data);
}

export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
