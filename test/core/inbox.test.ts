import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createInbox } from '../../src/core/inbox.js';
import type { DeliveredMessage, InboxDeps } from '../../src/core/inbox.js';
import type { ChatMessage } from '../../src/core/model.js';
import type { ChatOutcome, HandleOptions } from '../../src/core/responder.js';
import { AvitoAuthError } from '../../src/errors.js';
import { createMemoryStore } from '../../src/store/index.js';
import { writes } from '../helpers/store-writes.js';

const ACCOUNT = 42;
const OTHER_ACCOUNT = 43;
const BUYER = 7;
const DELAY = 100;
const RETRY = 1_000;
const T0 = 1_700_000_000_000;

let seq = 0;

function line(chatId: string, over: Partial<ChatMessage> = {}): ChatMessage {
  seq++;
  return { id: `m${seq}`, chatId, authorId: BUYER, created: 1_700_000_000 + seq, direction: 'in', type: 'text', text: `line ${seq}`, ...over };
}

function delivery(message: ChatMessage, over: Partial<DeliveredMessage> = {}): DeliveredMessage {
  return { accountId: ACCOUNT, chatType: 'u2i', message, ...over };
}

function answered(chatId: string): ChatOutcome {
  return { chatId, action: 'answered', status: 'FOUND', question: 'q', reply: 'r', sources: [], latencyMs: 1 };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

interface Call {
  chatId: string;
  options: HandleOptions | undefined;
  at: number;
}

type Behaviour = (chatId: string, options: HandleOptions | undefined, call: number) => ChatOutcome | Promise<ChatOutcome>;

/** Records every handleChat, how many run at once (overall and per chat), and does what `behaviour` says. */
class FakeResponder {
  readonly calls: Call[] = [];
  readonly active = new Map<string, number>();
  running = 0;
  maxRunning = 0;
  /** Times a chat was handled while a handleChat of the same chat was still running. */
  overlaps = 0;
  behaviour: Behaviour = (chatId) => answered(chatId);

  handleChat = async (chatId: string, options?: HandleOptions): Promise<ChatOutcome> => {
    this.calls.push({ chatId, options, at: Date.now() });
    const mine = (this.active.get(chatId) ?? 0) + 1;
    if (mine > 1) this.overlaps++;
    this.active.set(chatId, mine);
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      return await this.behaviour(chatId, options, this.calls.length);
    } finally {
      this.running--;
      this.active.set(chatId, (this.active.get(chatId) ?? 1) - 1);
    }
  };

  callsFor(chatId: string): Call[] {
    return this.calls.filter((call) => call.chatId === chatId);
  }

  /** Every call waits for its chat's gate; `release(chatId)` lets the oldest waiting one finish. */
  block(outcome: (chatId: string) => ChatOutcome = answered): { release: (chatId: string) => void; waiting: () => string[] } {
    const gates: Array<{ chatId: string; gate: Deferred<ChatOutcome> }> = [];
    this.behaviour = (chatId) => {
      const gate = deferred<ChatOutcome>();
      gates.push({ chatId, gate });
      return gate.promise;
    };
    return {
      release: (chatId) => {
        const index = gates.findIndex((entry) => entry.chatId === chatId);
        if (index === -1) throw new Error(`no handleChat of ${chatId} waits`);
        const [entry] = gates.splice(index, 1);
        entry!.gate.resolve(outcome(chatId));
      },
      waiting: () => gates.map((entry) => entry.chatId),
    };
  }
}

function setup(over: Partial<InboxDeps> = {}) {
  const store = createMemoryStore();
  const responder = new FakeResponder();
  const inbox = createInbox({
    responder,
    store,
    accountId: ACCOUNT,
    chatTypes: ['u2i'],
    replyDelayMs: DELAY,
    concurrency: 3,
    retryDelayMs: RETRY,
    ...over,
  });
  return { store, responder, inbox };
}

const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createInbox: the quiet period', () => {
  it('handles a buyer line once, after replyDelayMs of quiet and not before', async () => {
    const { inbox, responder } = setup();
    expect(inbox.receive(delivery(line('c1')))).toBe('queued');
    await tick(DELAY - 1);
    expect(responder.calls).toHaveLength(0);
    await tick(1);
    expect(responder.calls.map((call) => call.chatId)).toEqual(['c1']);
    expect(responder.calls[0]!.at).toBe(T0 + DELAY);
    await tick(DELAY * 20);
    expect(responder.calls).toHaveLength(1);
  });

  it('three lines within the delay make one handleChat, due a full delay after the last one', async () => {
    const { inbox, responder } = setup();
    inbox.receive(delivery(line('c1')));
    await tick(40);
    inbox.receive(delivery(line('c1')));
    await tick(40);
    inbox.receive(delivery(line('c1')));
    await tick(DELAY - 1);
    expect(responder.calls).toHaveLength(0);
    await tick(1);
    expect(responder.calls).toHaveLength(1);
    expect(responder.calls[0]!.at).toBe(T0 + 80 + DELAY);
    await tick(DELAY * 20);
    expect(responder.calls).toHaveLength(1);
  });

  it('a steady stream with gaps shorter than the delay is still handled 4× the delay after its first line', async () => {
    const { inbox, responder } = setup();
    // A line every 60 ms (< DELAY) from 0 to 780 ms: never a quiet period.
    for (let t = 0; t <= 780; t += 60) {
      inbox.receive(delivery(line('c1')));
      if (t < 780) await tick(60);
    }
    await tick(DELAY * 20);
    // First line at 0 → handled at 400; the lines after it open a new wait from 420 → handled at 820.
    expect(responder.calls.map((call) => call.at - T0)).toEqual([4 * DELAY, 420 + 4 * DELAY]);
  });

  it('chats wait independently', async () => {
    const { inbox, responder } = setup();
    inbox.receive(delivery(line('a')));
    await tick(50);
    inbox.receive(delivery(line('b')));
    await tick(DELAY * 5);
    expect(responder.calls.map((call) => [call.chatId, call.at - T0])).toEqual([
      ['a', DELAY],
      ['b', 50 + DELAY],
    ]);
  });
});

describe('createInbox: what it accepts', () => {
  it('the same message id twice is a duplicate and is handled once', async () => {
    const { inbox, responder } = setup();
    const message = line('c1');
    expect(inbox.receive(delivery(message))).toBe('queued');
    expect(inbox.receive(delivery(message))).toBe('duplicate');
    await tick(DELAY * 5);
    expect(inbox.receive(delivery(message))).toBe('duplicate');
    await tick(DELAY * 5);
    expect(responder.calls).toHaveLength(1);
    expect(inbox.figures(T0).webhook).toEqual({ received: 3, duplicates: 2, ignored: 0, rejected: 0 });
  });

  it('an id the store already processed is a duplicate', async () => {
    const { inbox, responder, store } = setup();
    const message = line('c1');
    await writes(store).markProcessed([message.id]);
    expect(inbox.receive(delivery(message))).toBe('duplicate');
    await tick(DELAY * 5);
    expect(responder.calls).toHaveLength(0);
    expect(inbox.snapshot().waiting).toEqual([]);
  });

  it('system messages and Avito bots (flowId) are "system"', async () => {
    const { inbox, responder } = setup();
    expect(inbox.receive(delivery(line('c1', { type: 'system', authorId: 0 })))).toBe('system');
    expect(inbox.receive(delivery(line('c2', { flowId: 'avito-bot-flow' })))).toBe('system');
    await tick(DELAY * 5);
    expect(responder.calls).toHaveLength(0);
  });

  it("the bot's own reply delivered back is an echo; the seller's own line from the app is queued", async () => {
    const { inbox, responder, store } = setup();
    const echo = line('c1', { authorId: ACCOUNT, direction: 'out' });
    await writes(store).updateChat('c1', (s) => {
      s.botMessageIds.push(echo.id);
    });
    expect(inbox.receive(delivery(echo))).toBe('echo');
    const seller = line('c2', { authorId: ACCOUNT, direction: 'out' });
    expect(inbox.receive(delivery(seller))).toBe('queued');
    await tick(DELAY * 5);
    // The responder decides whether the seller took over.
    expect(responder.calls.map((call) => call.chatId)).toEqual(['c2']);
  });

  it('a bot id in another chat does not make an echo', async () => {
    const { inbox, store } = setup();
    const message = line('c1', { authorId: ACCOUNT, direction: 'out' });
    await writes(store).updateChat('c2', (s) => {
      s.botMessageIds.push(message.id);
    });
    expect(inbox.receive(delivery(message))).toBe('queued');
  });

  it("another account's delivery and other chat types are not ours; an unknown chat type is accepted", async () => {
    const { inbox, responder } = setup();
    expect(inbox.receive(delivery(line('c1'), { accountId: OTHER_ACCOUNT }))).toBe('not-ours');
    expect(inbox.receive(delivery(line('c2'), { chatType: 'u2u' }))).toBe('not-ours');
    expect(inbox.receive({ accountId: ACCOUNT, message: line('c3') })).toBe('queued');
    expect(inbox.receive(delivery(line('c4'), { chatType: 'u2i' }))).toBe('queued');
    await tick(DELAY * 5);
    expect(responder.calls.map((call) => call.chatId).sort()).toEqual(['c3', 'c4']);
  });

  it('a message refused as not ours can still be accepted when delivered properly', async () => {
    const { inbox } = setup();
    const message = line('c1');
    expect(inbox.receive(delivery(message, { accountId: OTHER_ACCOUNT }))).toBe('not-ours');
    expect(inbox.receive(delivery(message))).toBe('queued');
  });

  it('does not call handleChat when every queued id was processed or became a bot id meanwhile', async () => {
    const { inbox, responder, store } = setup();
    const a = line('a');
    const b1 = line('b', { authorId: ACCOUNT, direction: 'out' });
    const b2 = line('b', { authorId: ACCOUNT, direction: 'out' });
    const c1 = line('c');
    const c2 = line('c');
    for (const message of [a, b1, b2, c1, c2]) expect(inbox.receive(delivery(message))).toBe('queued');
    // A safety pass answered `a`; the bot's record of its own replies caught up in `b`; only one of c's lines was answered.
    await writes(store).markProcessed([a.id, c1.id]);
    await writes(store).updateChat('b', (s) => {
      s.botMessageIds.push(b1.id);
    });
    await writes(store).markProcessed([b2.id]);
    await tick(DELAY * 5);
    expect(responder.calls.map((call) => call.chatId)).toEqual(['c']);
    expect(inbox.snapshot()).toEqual({ waiting: [], running: [] });
  });
});

describe('createInbox: concurrency', () => {
  it('runs at most `concurrency` chats at once and the rest in turn', async () => {
    const { inbox, responder } = setup({ concurrency: 2 });
    const gates = responder.block();
    const chats = ['c1', 'c2', 'c3', 'c4', 'c5'];
    for (const chatId of chats) inbox.receive(delivery(line(chatId)));
    await tick(DELAY);
    expect(responder.calls.map((call) => call.chatId)).toEqual(['c1', 'c2']);
    expect(inbox.snapshot().running).toEqual(['c1', 'c2']);
    expect(inbox.snapshot().waiting.map((entry) => entry.chatId)).toEqual(['c3', 'c4', 'c5']);
    await tick(DELAY * 10);
    expect(responder.calls).toHaveLength(2);
    gates.release('c2');
    await tick(0);
    expect(responder.calls.map((call) => call.chatId)).toEqual(['c1', 'c2', 'c3']);
    gates.release('c1');
    gates.release('c3');
    await tick(0);
    gates.release('c4');
    gates.release('c5');
    await tick(0);
    expect(responder.calls.map((call) => call.chatId)).toEqual(chats);
    expect(responder.maxRunning).toBe(2);
    expect(inbox.snapshot()).toEqual({ waiting: [], running: [] });
  });

  it('a line that arrives while its chat runs leads to exactly one more handleChat, after the first one ends', async () => {
    const { inbox, responder } = setup();
    const gates = responder.block();
    inbox.receive(delivery(line('c1')));
    await tick(DELAY);
    expect(responder.calls).toHaveLength(1);
    const late = line('c1');
    inbox.receive(delivery(late));
    inbox.receive(delivery(line('c1')));
    await tick(DELAY * 10);
    // Its quiet period is long over, but the chat is still in hand.
    expect(responder.calls).toHaveLength(1);
    expect(inbox.snapshot().running).toEqual(['c1']);
    expect(inbox.snapshot().waiting).toMatchObject([{ chatId: 'c1', messageIds: [late.id, `m${seq}`] }]);
    gates.release('c1');
    await tick(0);
    expect(responder.calls).toHaveLength(2);
    gates.release('c1');
    await tick(DELAY * 10);
    expect(responder.calls).toHaveLength(2);
    expect(responder.overlaps).toBe(0);
  });

  it('a line that arrives while its chat runs and is still quiet when the run ends waits for its own quiet period', async () => {
    const { inbox, responder } = setup();
    const gates = responder.block();
    inbox.receive(delivery(line('c1')));
    await tick(DELAY);
    await tick(10);
    inbox.receive(delivery(line('c1')));
    await tick(10);
    gates.release('c1');
    await tick(0);
    expect(responder.calls).toHaveLength(1);
    await tick(DELAY - 11);
    expect(responder.calls).toHaveLength(1);
    await tick(1);
    expect(responder.calls).toHaveLength(2);
    expect(responder.calls[1]!.at).toBe(T0 + DELAY + 10 + DELAY);
    gates.release('c1');
    await tick(DELAY * 10);
    expect(responder.calls).toHaveLength(2);
    expect(responder.overlaps).toBe(0);
  });
});

describe('createInbox: outcomes and retries', () => {
  const open: Array<[string, (chatId: string) => ChatOutcome]> = [
    ['deferred (engine failed)', (chatId) => ({ chatId, action: 'deferred', reason: 'engine-failed', attempt: 1, error: 'down' })],
    ['failed (send)', (chatId) => ({ chatId, action: 'failed', error: 'boom', ambiguous: false })],
    ['held: rate-limited', (chatId) => ({ chatId, action: 'held', reason: 'rate-limited' })],
  ];

  it.each(open)('%s is looked at again after retryDelayMs, then after twice that', async (_name, outcome) => {
    const outcomes: ChatOutcome[] = [];
    const { inbox, responder } = setup({ onOutcome: (o) => outcomes.push(o) });
    responder.behaviour = (chatId) => outcome(chatId);
    const message = line('c1');
    inbox.receive(delivery(message));
    await tick(DELAY);
    expect(responder.calls).toHaveLength(1);
    expect(inbox.snapshot().waiting).toEqual([{ chatId: 'c1', messageIds: [message.id], firstAt: T0 + DELAY, dueAt: T0 + DELAY + RETRY, retries: 1 }]);
    await tick(RETRY - 1);
    expect(responder.calls).toHaveLength(1);
    await tick(1);
    expect(responder.calls).toHaveLength(2);
    await tick(2 * RETRY - 1);
    expect(responder.calls).toHaveLength(2);
    await tick(1);
    expect(responder.calls).toHaveLength(3);
    expect(responder.calls.map((call) => call.at - T0)).toEqual([DELAY, DELAY + RETRY, DELAY + 3 * RETRY]);
    expect(outcomes).toHaveLength(3);
    expect(outcomes[0]).toEqual(outcome('c1'));
  });

  it('gives up after a few looks (the safety pass keeps trying)', async () => {
    const { inbox, responder } = setup();
    responder.behaviour = (chatId) => ({ chatId, action: 'deferred', reason: 'engine-failed', attempt: 1, error: 'down' });
    inbox.receive(delivery(line('c1')));
    await tick(DELAY + 100 * RETRY);
    // 1 + 4 retries, each wait doubling.
    expect(responder.calls.map((call) => call.at - T0)).toEqual([DELAY, DELAY + RETRY, DELAY + 3 * RETRY, DELAY + 7 * RETRY, DELAY + 15 * RETRY]);
    expect(inbox.snapshot().waiting).toEqual([]);
  });

  it('stops looking once an open chat is answered', async () => {
    const { inbox, responder } = setup();
    responder.behaviour = (chatId, _options, call) =>
      call === 1 ? { chatId, action: 'deferred', reason: 'engine-failed', attempt: 1, error: 'down' } : answered(chatId);
    inbox.receive(delivery(line('c1')));
    await tick(DELAY + 100 * RETRY);
    expect(responder.calls).toHaveLength(2);
  });

  it.each<[string, (chatId: string) => ChatOutcome]>([
    ['held: quiet-hours', (chatId) => ({ chatId, action: 'held', reason: 'quiet-hours' })],
    ['skipped: paused', (chatId) => ({ chatId, action: 'skipped', reason: 'paused' })],
    ['answered', answered],
  ])('%s is not retried', async (_name, outcome) => {
    const { inbox, responder } = setup();
    responder.behaviour = (chatId) => outcome(chatId);
    inbox.receive(delivery(line('c1')));
    await tick(DELAY + 100 * RETRY);
    expect(responder.calls).toHaveLength(1);
    expect(inbox.snapshot().waiting).toEqual([]);
  });

  it('a thrown error goes to onChatError and the chat is retried', async () => {
    const errors: Array<[string, unknown]> = [];
    const fatal: unknown[] = [];
    const { inbox, responder } = setup({ onChatError: (chatId, error) => errors.push([chatId, error]), onFatal: (e) => fatal.push(e) });
    const boom = new Error('listMessages failed');
    responder.behaviour = (_chatId, _options, call) => {
      if (call === 1) throw boom;
      return answered('c1');
    };
    inbox.receive(delivery(line('c1')));
    await tick(DELAY);
    expect(errors).toEqual([['c1', boom]]);
    await tick(RETRY);
    expect(responder.calls).toHaveLength(2);
    await tick(100 * RETRY);
    expect(responder.calls).toHaveLength(2);
    expect(fatal).toEqual([]);
  });

  it('bad credentials go to onFatal and are not retried', async () => {
    const errors: unknown[] = [];
    const fatal: unknown[] = [];
    const { inbox, responder } = setup({ onChatError: (_chatId, error) => errors.push(error), onFatal: (e) => fatal.push(e) });
    const auth = new AvitoAuthError('invalid client', 401, '/token', 'credentials');
    responder.behaviour = () => {
      throw auth;
    };
    inbox.receive(delivery(line('c1')));
    await tick(DELAY + 100 * RETRY);
    expect(fatal).toEqual([auth]);
    expect(errors).toEqual([]);
    expect(responder.calls).toHaveLength(1);
    expect(inbox.snapshot()).toEqual({ waiting: [], running: [] });
  });

  it('a scope-or-tariff auth error is one chat\'s problem: onChatError and a retry', async () => {
    const errors: unknown[] = [];
    const fatal: unknown[] = [];
    const { inbox, responder } = setup({ onChatError: (_chatId, error) => errors.push(error), onFatal: (e) => fatal.push(e) });
    responder.behaviour = (_chatId, _options, call) => {
      if (call === 1) throw new AvitoAuthError('forbidden', 403, '/messenger', 'scope-or-tariff');
      return answered('c1');
    };
    inbox.receive(delivery(line('c1')));
    await tick(DELAY + RETRY);
    expect(fatal).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(responder.calls).toHaveLength(2);
  });
  it('a burst in a chat that waits for a retry is still answered once, after its quiet period', async () => {
    const { inbox, responder } = setup();
    responder.behaviour = (chatId, _options, call) =>
      call === 1 ? { chatId, action: 'deferred', reason: 'engine-failed', attempt: 1, error: 'down' } : answered(chatId);
    inbox.receive(delivery(line('c1')));
    await tick(DELAY);
    expect(responder.calls).toHaveLength(1);
    // Half-way to the retry, the buyer writes three lines, 30 ms apart.
    await tick(RETRY / 2);
    inbox.receive(delivery(line('c1')));
    await tick(30);
    inbox.receive(delivery(line('c1')));
    await tick(30);
    inbox.receive(delivery(line('c1')));
    await tick(10 * RETRY);
    const burstEnd = DELAY + RETRY / 2 + 60;
    expect(responder.calls).toHaveLength(2);
    expect(responder.calls[1]!.at - T0).toBeGreaterThanOrEqual(burstEnd + DELAY);
  });
});

describe('createInbox: snapshot and figures', () => {
  it('shows waiting chats with their ids and due time, running chats, and the webhook counters', async () => {
    const { inbox, responder } = setup();
    const gates = responder.block();
    const a1 = line('a');
    const b1 = line('b');
    inbox.receive(delivery(a1));
    await tick(30);
    const a2 = line('a');
    inbox.receive(delivery(a2));
    inbox.receive(delivery(b1));
    inbox.receive(delivery(b1)); // duplicate
    inbox.receive(delivery(line('s', { type: 'system', authorId: 0 }))); // ignored
    inbox.receive(delivery(line('x'), { accountId: OTHER_ACCOUNT })); // ignored
    inbox.countIgnored();
    inbox.countRejected();
    inbox.countRejected();

    expect(inbox.snapshot()).toEqual({
      waiting: [
        { chatId: 'a', messageIds: [a1.id, a2.id], firstAt: T0, dueAt: T0 + 30 + DELAY, retries: 0 },
        { chatId: 'b', messageIds: [b1.id], firstAt: T0 + 30, dueAt: T0 + 30 + DELAY, retries: 0 },
      ],
      running: [],
    });
    expect(inbox.figures(T0 - 5_000)).toEqual({
      startedAt: T0 - 5_000,
      queued: 3,
      queuedChats: ['a', 'b'],
      running: [],
      processing: 0,
      webhook: { received: 7, duplicates: 1, ignored: 3, rejected: 2 },
    });

    await tick(DELAY);
    expect(inbox.snapshot()).toEqual({ waiting: [], running: ['a', 'b'] });
    expect(inbox.figures(T0)).toMatchObject({ queued: 0, processing: 2 });

    const a3 = line('a');
    inbox.receive(delivery(a3));
    expect(inbox.snapshot().waiting).toEqual([{ chatId: 'a', messageIds: [a3.id], firstAt: T0 + 30 + DELAY, dueAt: T0 + 30 + 2 * DELAY, retries: 0 }]);
    expect(inbox.figures(T0)).toMatchObject({ queued: 1, processing: 2 });

    gates.release('a');
    gates.release('b');
    await tick(DELAY);
    expect(inbox.snapshot().running).toEqual(['a']);
    gates.release('a');
    await tick(0);
    expect(inbox.figures(T0)).toMatchObject({ queued: 0, processing: 0, webhook: { received: 8, duplicates: 1, ignored: 3, rejected: 2 } });
  });

  it('a snapshot is a copy: changing it does not change the queue', () => {
    const { inbox } = setup();
    inbox.receive(delivery(line('a')));
    const snap = inbox.snapshot();
    snap.waiting[0]!.messageIds.push('forged');
    snap.running.push('forged');
    expect(inbox.snapshot().waiting[0]!.messageIds).toHaveLength(1);
    expect(inbox.snapshot().running).toEqual([]);
  });
});

describe('createInbox: drain', () => {
  it('answers queued chats at once, without waiting the rest of their quiet period, and resolves []', async () => {
    const { inbox, responder } = setup();
    inbox.receive(delivery(line('a')));
    inbox.receive(delivery(line('b')));
    await tick(10);
    const drained = inbox.drain(5_000);
    await tick(0);
    expect(responder.calls.map((call) => [call.chatId, call.at - T0])).toEqual([
      ['a', 10],
      ['b', 10],
    ]);
    await expect(drained).resolves.toEqual([]);
    expect(Date.now() - T0).toBe(10);
  });

  it('resolves at once with [] when nothing is queued', async () => {
    const { inbox, responder } = setup();
    await expect(inbox.drain(5_000)).resolves.toEqual([]);
    expect(responder.calls).toEqual([]);
  });

  it('takes no new message once it started: "closing"', async () => {
    const { inbox, responder } = setup();
    const drained = inbox.drain(5_000);
    expect(inbox.receive(delivery(line('a')))).toBe('closing');
    await expect(drained).resolves.toEqual([]);
    expect(inbox.receive(delivery(line('b')))).toBe('closing');
    await tick(DELAY * 10);
    expect(responder.calls).toEqual([]);
    expect(inbox.figures(T0).webhook).toMatchObject({ received: 2, ignored: 2 });
  });

  it('waits for chats in hand that finish within the grace', async () => {
    const { inbox, responder } = setup();
    const gates = responder.block();
    inbox.receive(delivery(line('a')));
    await tick(DELAY);
    const late = line('a');
    inbox.receive(delivery(late));
    let result: string[] | undefined;
    void inbox.drain(5_000).then((left) => (result = left));
    await tick(1_000);
    expect(result).toBeUndefined();
    gates.release('a');
    await tick(0);
    // The line that came while `a` ran is answered too, before the drain ends.
    expect(responder.calls).toHaveLength(2);
    expect(result).toBeUndefined();
    gates.release('a');
    await tick(0);
    expect(result).toEqual([]);
    expect(responder.calls.every((call) => call.options?.signal?.aborted === false)).toBe(true);
  });

  it('after the grace, aborts the signal of a hung handleChat and reports its chat (within grace + 5 s)', async () => {
    const { inbox, responder } = setup();
    // Ignores its signal entirely.
    responder.behaviour = () => new Promise<ChatOutcome>(() => undefined);
    inbox.receive(delivery(line('a')));
    await tick(DELAY);
    const signal = responder.calls[0]!.options?.signal;
    expect(signal?.aborted).toBe(false);
    let result: string[] | undefined;
    const started = Date.now();
    void inbox.drain(1_000).then((left) => (result = left));
    await tick(999);
    expect(signal?.aborted).toBe(false);
    await tick(1);
    expect(signal?.aborted).toBe(true);
    await tick(5_000);
    expect(result).toEqual(['a']);
    expect(Date.now() - started).toBeLessThanOrEqual(6_000);
  });

  it('a handleChat that stops at the abort (held: shutdown) leaves its chat unanswered: drain reports it', async () => {
    const { inbox, responder } = setup();
    // What the real responder does: the engine call is dropped and the chat is held.
    responder.behaviour = (chatId, options) =>
      new Promise<ChatOutcome>((resolve) => {
        options?.signal?.addEventListener('abort', () => resolve({ chatId, action: 'held', reason: 'shutdown' }), { once: true });
      });
    inbox.receive(delivery(line('a')));
    await tick(DELAY);
    let result: string[] | undefined;
    const started = Date.now();
    void inbox.drain(1_000).then((left) => (result = left));
    await tick(1_000);
    expect(responder.calls[0]!.options?.signal?.aborted).toBe(true);
    await tick(5_000);
    expect(Date.now() - started).toBeLessThanOrEqual(6_000);
    expect(result).toEqual(['a']);
  });

  it('resolves soon after the grace once the aborted handleChat returns, even with a line queued behind it', async () => {
    const { inbox, responder } = setup();
    responder.behaviour = (chatId, options) =>
      new Promise<ChatOutcome>((resolve) => {
        options?.signal?.addEventListener('abort', () => resolve({ chatId, action: 'held', reason: 'shutdown' }), { once: true });
      });
    inbox.receive(delivery(line('a')));
    await tick(DELAY);
    // A second line while `a` is in hand: waits for `a` to finish.
    inbox.receive(delivery(line('a')));
    let result: string[] | undefined;
    void inbox.drain(1_000).then((left) => (result = left));
    await tick(1_000 + 100);
    expect(responder.calls).toHaveLength(1);
    expect(result).toEqual(['a']);
  });

  it('chats not started by the end of the grace are not started, and are reported', async () => {
    const { inbox, responder } = setup({ concurrency: 1 });
    responder.behaviour = () => new Promise<ChatOutcome>(() => undefined);
    inbox.receive(delivery(line('a')));
    inbox.receive(delivery(line('b')));
    await tick(10);
    let result: string[] | undefined;
    void inbox.drain(1_000).then((left) => (result = left));
    await tick(6_000);
    expect(responder.calls.map((call) => call.chatId)).toEqual(['a']);
    expect(result?.slice().sort()).toEqual(['a', 'b']);
  });

  it('chats waiting for a retry are left for the next start and reported, without another look', async () => {
    const { inbox, responder } = setup();
    responder.behaviour = (chatId) => ({ chatId, action: 'deferred', reason: 'engine-failed', attempt: 1, error: 'down' });
    inbox.receive(delivery(line('a')));
    await tick(DELAY);
    expect(responder.calls).toHaveLength(1);
    await expect(inbox.drain(5_000)).resolves.toEqual(['a']);
    await tick(100 * RETRY);
    expect(responder.calls).toHaveLength(1);
  });

  it('an open outcome during the drain is not scheduled for a retry', async () => {
    const { inbox, responder } = setup();
    responder.behaviour = (chatId) => ({ chatId, action: 'failed', error: 'boom', ambiguous: false });
    inbox.receive(delivery(line('a')));
    await tick(10);
    await expect(inbox.drain(5_000)).resolves.toEqual([]);
    await tick(100 * RETRY);
    expect(responder.calls).toHaveLength(1);
  });
});

describe('createInbox: property', () => {
  const CHATS = ['a', 'b', 'c'];
  const SLOTS = 12;

  it('for any deliveries: every chat with a fresh buyer line is handled, never alongside itself, and at most once per fresh id', async () => {
    const slot = fc.record({ author: fc.constantFrom('buyer' as const, 'account' as const), bot: fc.boolean() });
    const step = fc.record({ slot: fc.nat({ max: SLOTS - 1 }), gap: fc.nat({ max: 2 * DELAY }) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(slot, { minLength: SLOTS, maxLength: SLOTS }),
        fc.array(step, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.nat({ max: 2 * DELAY }),
        fc.boolean(),
        async (slots, steps, concurrency, work, markProcessed) => {
          const { inbox, responder, store } = setup({ concurrency, chatTypes: ['u2i'] });
          const messages = slots.map((s, i) =>
            line(CHATS[i % CHATS.length]!, { id: `p${i}`, authorId: s.author === 'buyer' ? BUYER : ACCOUNT, direction: s.author === 'buyer' ? 'in' : 'out' }),
          );
          // The bot's own replies, known to the store before they are delivered back.
          for (const [i, s] of slots.entries()) {
            if (s.author === 'account' && s.bot) {
              await writes(store).updateChat(messages[i]!.chatId, (state) => {
                state.botMessageIds.push(messages[i]!.id);
              });
            }
          }
          const delivered = new Map<string, Set<string>>();
          responder.behaviour = async (chatId) => {
            const ids = [...(delivered.get(chatId) ?? [])];
            if (work > 0) await new Promise((resolve) => setTimeout(resolve, work));
            if (markProcessed) await writes(store).markProcessed(ids);
            return answered(chatId);
          };

          const freshBuyer = new Map<string, number>();
          const fresh = new Map<string, Set<string>>();
          const seenIds = new Set<string>();
          for (const { slot: i, gap } of steps) {
            const message = messages[i]!;
            const result = inbox.receive(delivery(message));
            const firstTime = !seenIds.has(message.id);
            seenIds.add(message.id);
            const echo = slots[i]!.author === 'account' && slots[i]!.bot;
            expect(result).toBe(!firstTime ? 'duplicate' : echo ? 'echo' : 'queued');
            if (result === 'queued') {
              if (!delivered.has(message.chatId)) delivered.set(message.chatId, new Set());
              delivered.get(message.chatId)!.add(message.id);
              if (!fresh.has(message.chatId)) fresh.set(message.chatId, new Set());
              fresh.get(message.chatId)!.add(message.id);
              if (slots[i]!.author === 'buyer') freshBuyer.set(message.chatId, (freshBuyer.get(message.chatId) ?? 0) + 1);
            }
            await tick(gap);
          }
          await tick(SLOTS * (4 * DELAY + 2 * DELAY));

          expect(inbox.snapshot()).toEqual({ waiting: [], running: [] });
          expect(responder.overlaps).toBe(0);
          expect(responder.maxRunning).toBeLessThanOrEqual(concurrency);
          for (const chatId of CHATS) {
            const calls = responder.callsFor(chatId).length;
            if ((freshBuyer.get(chatId) ?? 0) > 0) expect(calls).toBeGreaterThanOrEqual(1);
            expect(calls).toBeLessThanOrEqual(fresh.get(chatId)?.size ?? 0);
          }
          await expect(inbox.drain(1_000)).resolves.toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('createInbox: with other processes on a shared queue', () => {
  it('looks at a handed-over chat at once, with the listing the pass had, though no message of it was delivered here', async () => {
    const looked: string[] = [];
    const { inbox, responder } = setup({ onLooked: (chatId) => looked.push(chatId) });
    const summary = { id: 'c1', created: 1, updated: 2, listing: { id: 5, title: 'Кофемашина' } };
    expect(inbox.look('c1', summary)).toBe('queued');
    await tick(0);
    expect(responder.callsFor('c1')).toHaveLength(1);
    expect(responder.callsFor('c1')[0]!.options?.summary).toEqual(summary);
    expect(looked).toEqual(['c1']);
  });

  it("waits out another process's quiet period for the chat before looking, and says the look is done only then", async () => {
    let quietUntil = T0 + DELAY + 500;
    const looked: string[] = [];
    const { inbox, responder } = setup({ sharedQuietUntil: async () => quietUntil, onLooked: (chatId) => looked.push(chatId) });
    inbox.receive(delivery(line('c1')));
    await tick(DELAY);
    expect(responder.calls).toHaveLength(0);
    expect(looked).toEqual([]);
    quietUntil = 0;
    await tick(500);
    expect(responder.callsFor('c1')).toHaveLength(1);
    expect(looked).toEqual(['c1']);
  });

  it('a handed-over look that throws is looked at again, still handed over, and is done only when that look ends', async () => {
    const started: string[] = [];
    const looked: string[] = [];
    const errors: string[] = [];
    const { inbox, responder } = setup({ onLookStarted: (chatId) => started.push(chatId), onLooked: (chatId) => looked.push(chatId), onChatError: (chatId) => errors.push(chatId) });
    responder.behaviour = (chatId, _options, call) => {
      if (call === 1) throw new Error('listMessages: gave up after 5 attempts');
      return answered(chatId);
    };
    const summary = { id: 'c1', created: 1, updated: 2, listing: { id: 5, title: 'Кофемашина' } };
    inbox.look('c1', summary);
    await tick(0);
    expect(errors).toEqual(['c1']);
    // Its queue entry stays this process's while the retry waits: were the process to die now, another would take it.
    expect(looked).toEqual([]);
    await tick(RETRY);
    expect(responder.callsFor('c1')).toHaveLength(2);
    expect(responder.callsFor('c1')[1]!.options?.summary).toEqual(summary);
    expect(started).toEqual(['c1', 'c1']);
    expect(looked).toEqual(['c1']);
  });

  it('counts what it has in hand, so a process takes no more from the queue than it has room for', async () => {
    const { inbox, responder } = setup();
    const gates = responder.block();
    for (const chatId of ['a', 'b']) inbox.look(chatId);
    await tick(0);
    expect(inbox.load()).toBe(2);
    gates.release('a');
    await tick(0);
    expect(inbox.load()).toBe(1);
  });
});
