/** The seller's own stop switch for the whole account (`pause --all`, `/pause all`): questions wait unread until `resume --all` or the set hours pass. */
import type { StoreReader } from './ports.js';

/** JSON `{since, until?}` while the seller holds the bot; empty once lifted. */
export const META_ACCOUNT_PAUSE = 'responder.accountPause';

export interface AccountPause {
  /** Epoch ms of the request. */
  since: number;
  /** Epoch ms; undefined: until `resume --all`. */
  until?: number;
}

/** The pause in force at `now`; one whose hours have passed is none. */
export function readAccountPause(store: Pick<StoreReader, 'getMeta'>, now: number): AccountPause | undefined {
  const raw = store.getMeta(META_ACCOUNT_PAUSE);
  if (!raw) return undefined;
  let value: Partial<AccountPause>;
  try {
    value = JSON.parse(raw) as Partial<AccountPause>;
  } catch {
    // Unreadable is still set: holding is the safe reading, until the seller resumes.
    return { since: 0 };
  }
  const until = typeof value.until === 'number' ? value.until : undefined;
  if (until !== undefined && until <= now) return undefined;
  return { since: Number(value.since) || 0, ...(until === undefined ? {} : { until }) };
}
