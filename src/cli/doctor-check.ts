/** What one `doctor` check says, shared by doctor.ts and the checks it calls from their own files (MCP, Redis). */
import { AvitoAiError, describeError } from '../errors.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable, for `--json` and scripts. */
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
}

/** A failed check from an error: our typed errors carry the fix as their hint. */
export function failure(error: unknown): Pick<CheckResult, 'status' | 'detail' | 'fix'> {
  const fix = error instanceof AvitoAiError ? error.hint : undefined;
  return { status: 'fail', detail: describeError(error), ...(fix ? { fix } : {}) };
}
