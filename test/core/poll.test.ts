import { describe, expect, it } from 'vitest';
import { createEscalationMatcher, DEFAULT_ESCALATION_PHRASES } from '../../src/core/escalation.js';
import { runBounded } from '../../src/core/async.js';
import { applyControl } from '../../src/core/chat-control.js';
import { runPollLoop, runPollPass } from '../../src/core/poll.js';
import { createResponder } from '../../src/core/responder.js';
import { AvitoApiError, AvitoAuthError } from '../../src/errors.js';
import { createMemoryStore } from '../../src/store/index.js';
import { FakeEngine } from '../helpers/fake-engine.js';
import { FakeMessenger } from '../helpers/fake-messenger.js';

function setup() {
  const messenger = new FakeMessenger();
  const store = createMemoryStore();
  const engine = new FakeEngine({ давление: { text: 'Давление 15 бар.', sources: ['a.md'] } });
  const clock = { now: () => 1_700_000_500_000 };
  const responder = createResponder({
    messenger,
    store,
    engine,
    notifier: { notify: () => undefined },
    clock,
    settings: {
      contextLimit: 20,
      humanPauseHours: 12,
      fallbackText: 'FALLBACK',
      escalationText: 'ESC',
      nonTextReplyText: 'TEXT',
      nonTextReplyTypes: ['voice'],
      activeHours: undefined,
      timeZone: undefined,
      maxRepliesPerHour: 10,
      engineFailureLimit: 3,
    },
    escalation: createEscalationMatcher(DEFAULT_ESCALATION_PHRASES),
  });
  return { messenger, store, engine, responder, deps: { messenger, store, responder, clock, concurrency: 3 } };
}

describe('runPollPass', () => {
  it('answers every chat with a new buyer message once, and fetches nothing on a pass with no news', async () => {
    const { messenger, deps } = setup();
    for (let i = 0; i < 5; i++) messenger.buyer(`c${i}`, `Какое давление ${i}?`);
    const first = await runPollPass(deps);
    expect(first).toMatchObject({ chats: 5, handled: 5, answered: 5, errors: 0 });
    expect(messenger.sends).toHaveLength(5);
    // The pass after a reply looks at each answered chat once more, for a line typed while it was on its way.
    const recheck = await runPollPass(deps);
    expect(recheck).toMatchObject({ handled: 5, answered: 0 });
    const calls = messenger.listMessagesCalls;
    const second = await runPollPass(deps);
    expect(second.handled).toBe(0);
    expect(messenger.listMessagesCalls).toBe(calls);
    expect(messenger.sends).toHaveLength(5);
  });

  it('a question typed while the reply to the one before was on its way is answered on the next pass', async () => {
    const { messenger, deps } = setup();
    // A question, not a bare greeting: a greeting alone gets no reply at all.
    messenger.buyer('c1', 'Есть в наличии?');
    // Avito now shows the first question, the second, then the bot's reply: the newest message is the bot's own.
    messenger.beforeSend = (chatId) => void messenger.buyer(chatId, 'Какое давление?');
    await runPollPass(deps);
    messenger.beforeSend = undefined;
    expect((await messenger.listMessages('c1')).at(0)?.direction).toBe('out');
    await runPollPass(deps);
    expect(messenger.sentTo('c1')).toHaveLength(2);
    expect(messenger.sentTo('c1').at(-1)).toBe('Давление 15 бар.');
  });

  it('leaves a chat the webhook queue holds to it, and comes back to it on the next pass', async () => {
    const { messenger, deps } = setup();
    messenger.buyer('c1', 'Какое давление?');
    messenger.buyer('c2', 'Какое давление?');
    let busy = true;
    await runPollPass({ ...deps, isBusy: (chatId) => busy && chatId === 'c1' });
    expect(messenger.sentTo('c1')).toHaveLength(0);
    expect(messenger.sentTo('c2')).toHaveLength(1);
    busy = false;
    await runPollPass({ ...deps, isBusy: () => busy });
    expect(messenger.sentTo('c1')).toHaveLength(1);
  });

  it('takes the listing from the chat list: no getChat for chats without one (u2u)', async () => {
    const { messenger, deps } = setup();
    messenger.buyer('u2u-1', 'Какое давление?');
    await runPollPass(deps);
    messenger.buyer('u2u-1', 'А ещё?');
    await runPollPass(deps);
    expect(messenger.sentTo('u2u-1')).toHaveLength(2);
    expect(messenger.getChatCalls).toBe(0);
  });

  it('a failing chat does not stop the pass and is retried next pass', async () => {
    const { messenger, deps } = setup();
    messenger.buyer('ok', 'Какое давление?');
    messenger.buyer('bad', 'Какое давление?');
    const original = messenger.listMessages.bind(messenger);
    let fail = true;
    messenger.listMessages = async (chatId, options) => {
      if (chatId === 'bad' && fail) throw new AvitoApiError('boom', 500, 'listMessages');
      return original(chatId, options);
    };
    const errors: string[] = [];
    const first = await runPollPass({ ...deps, onChatError: (id) => errors.push(id) });
    expect(first.errors).toBe(1);
    expect(errors).toEqual(['bad']);
    expect(messenger.sentTo('ok')).toHaveLength(1);
    fail = false;
    await runPollPass(deps);
    expect(messenger.sentTo('bad')).toHaveLength(1);
  });

  it('a deferred inquiry (engine outage) is picked up again on later passes though the chat did not change', async () => {
    const { messenger, engine, deps } = setup();
    engine.failures = 1;
    messenger.buyer('c1', 'Какое давление?');
    const first = await runPollPass(deps);
    expect(first.deferred).toBe(1);
    await runPollPass(deps);
    expect(messenger.sentTo('c1')).toEqual(['Давление 15 бар.']);
  });

  it('bad credentials stop the pass with the auth error', async () => {
    const { messenger, deps } = setup();
    messenger.buyer('c1', 'Какое давление?');
    messenger.listMessages = async () => {
      throw new AvitoAuthError('bad client', 401, 'token', 'credentials');
    };
    await expect(runPollPass(deps)).rejects.toBeInstanceOf(AvitoAuthError);
  });

  it("a 403 on one chat is that chat's error; the others are answered and the pass goes on", async () => {
    const { messenger, deps } = setup();
    messenger.buyer('ok', 'Какое давление?');
    messenger.buyer('forbidden', 'Какое давление?');
    const original = messenger.listMessages.bind(messenger);
    messenger.listMessages = async (chatId, options) => {
      if (chatId === 'forbidden') throw new AvitoAuthError('forbidden', 403, 'listMessages', 'scope-or-tariff');
      return original(chatId, options);
    };
    const summary = await runPollPass(deps);
    expect(summary.errors).toBe(1);
    expect(messenger.sentTo('ok')).toHaveLength(1);
  });

  it('a 403 on the chat listing (no scope or tariff for the account) stops the pass', async () => {
    const { messenger, deps } = setup();
    messenger.listChats = async () => {
      throw new AvitoAuthError('forbidden', 403, 'listChats', 'scope-or-tariff');
    };
    await expect(runPollPass(deps)).rejects.toBeInstanceOf(AvitoAuthError);
  });

  it('a dry run sends nothing and leaves the store untouched', async () => {
    const { messenger, store, deps } = setup();
    messenger.buyer('c1', 'Какое давление?');
    const outcomes: string[] = [];
    await runPollPass({ ...deps, dryRun: true, onOutcome: (o) => outcomes.push(o.action) });
    expect(outcomes).toEqual(['would-answer']);
    expect(messenger.sends).toEqual([]);
    expect(store.getMeta('poll.updatedSince')).toBeUndefined();
  });
});

describe('quiet hours', () => {
  it('fetches nothing outside ACTIVE_HOURS and answers when they begin', async () => {
    const { messenger, deps } = setup();
    messenger.buyer('c1', 'Какое давление?');
    // Active 00:00–01:00 UTC only; the test clock reads 22:21 UTC.
    const night = await runPollPass({ ...deps, activeHours: { activeHours: { start: 0, end: 60 }, timeZone: 'UTC' } });
    expect(night.held).toBe(1);
    expect(messenger.listMessagesCalls).toBe(0);
    await runPollPass({ ...deps, activeHours: { activeHours: undefined, timeZone: 'UTC' } });
    expect(messenger.sentTo('c1')).toEqual(['Давление 15 бар.']);
  });
});

describe('pause --all', () => {
  it('fetches nothing while the account is paused, keeps the chats open, and answers them after resume --all', async () => {
    const { messenger, store, deps } = setup();
    messenger.buyer('c1', 'Какое давление?');
    messenger.buyer('c2', 'Какое давление?');
    await store.transact((tx) => applyControl(tx, { op: 'pause-account', at: deps.clock.now() }));
    const paused = await runPollPass(deps);
    expect(paused).toMatchObject({ held: 2, answered: 0 });
    expect(messenger.listMessagesCalls).toBe(0);
    expect(messenger.reads).toEqual([]);
    // Nothing new in Avito since: the chats come back from the open list alone.
    await store.transact((tx) => applyControl(tx, { op: 'resume-account', at: deps.clock.now() }));
    expect(await runPollPass(deps)).toMatchObject({ answered: 2 });
    expect(messenger.sends).toHaveLength(2);
  });
});

describe('runPollLoop', () => {
  it('keeps going through an Avito outage and stops when the signal aborts', async () => {
    const { messenger, deps } = setup();
    const controller = new AbortController();
    let passes = 0;
    const failures: unknown[] = [];
    const original = messenger.listChats.bind(messenger);
    messenger.listChats = async (o) => {
      passes++;
      if (passes === 1) throw new AvitoApiError('503', 503, 'listChats');
      if (passes === 3) controller.abort();
      return original(o);
    };
    await runPollLoop({
      ...deps,
      intervalMs: 1,
      signal: controller.signal,
      onPassError: (e) => failures.push(e),
      sleep: async () => undefined,
    });
    expect(passes).toBe(3);
    expect(failures).toHaveLength(1);
  });

  it('ends with the auth error when credentials are bad', async () => {
    const { messenger, deps } = setup();
    messenger.listChats = async () => {
      throw new AvitoAuthError('bad', 400, 'token', 'credentials');
    };
    await expect(runPollLoop({ ...deps, intervalMs: 1, signal: new AbortController().signal, sleep: async () => undefined })).rejects.toBeInstanceOf(
      AvitoAuthError,
    );
  });
});

describe('runBounded', () => {
  it('never runs more than the limit at once and runs everything', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 2));
      done.push(n);
      running--;
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('runPollPass with several processes (hand-off)', () => {
  it('hands each chat that needs a look to the shared queue with its listing, and sends nothing itself', async () => {
    const { messenger, deps } = setup();
    for (let i = 0; i < 3; i++) messenger.buyer(`c${i}`, `Какое давление ${i}?`);
    const dispatched: Array<[string, string | undefined]> = [];
    const handOff = { dispatch: async (chatId: string, summary?: { id: string }) => void dispatched.push([chatId, summary?.id]), openChats: async () => ['left-open'] };
    const summary = await runPollPass({ ...deps, handOff });
    expect(summary).toMatchObject({ handled: 4, answered: 0, errors: 0 });
    expect(dispatched.sort()).toEqual([['c0', 'c0'], ['c1', 'c1'], ['c2', 'c2'], ['left-open', undefined]]);
    expect(messenger.sends).toEqual([]);
  });

  it("clears a chat's look-again mark when it hands the look out, under the chat's lock", async () => {
    const { messenger, store, deps } = setup();
    messenger.buyer('c1', 'Какое давление?');
    await runPollPass(deps);
    expect(store.getChat('c1')?.recheckAfter).toBeDefined();
    const locked: string[] = [];
    const responder = { ...deps.responder, exclusive: <T>(chatId: string, work: () => Promise<T>) => (locked.push(chatId), deps.responder.exclusive(chatId, work)) };
    const dispatched: string[] = [];
    await runPollPass({ ...deps, responder, handOff: { dispatch: async (chatId) => void dispatched.push(chatId), openChats: async () => [] } });
    expect(dispatched).toEqual(['c1']);
    expect(locked).toEqual(['c1']);
    expect(store.getChat('c1')?.recheckAfter).toBeUndefined();
  });

  // Before, the mark went first: a process killed while queuing the look lost both, and a line that came while the reply was made (the
  // listing then shows the reply last) was never looked at.
  it('keeps the look-again mark until the look is queued', async () => {
    const { messenger, store, deps } = setup();
    messenger.buyer('c1', 'Какое давление?');
    await runPollPass(deps);
    const mark = store.getChat('c1')?.recheckAfter;
    expect(mark).toBeDefined();
    let queued!: () => void;
    const dispatching = new Promise<void>((resolve) => (queued = resolve));
    const pass = runPollPass({ ...deps, handOff: { dispatch: () => dispatching, openChats: async () => [] } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Were the process to die now, the next pass would still see the mark.
    expect(store.getChat('c1')?.recheckAfter).toBe(mark);
    queued();
    await pass;
    expect(store.getChat('c1')?.recheckAfter).toBeUndefined();
  });
});

describe('runPollLoop with several processes', () => {
  it('runs a pass only when it is its turn, and tries again after turnRetryMs', async () => {
    const { messenger, deps } = setup();
    messenger.buyer('c1', 'Какое давление?');
    const turns = [false, false, true];
    const sleeps: number[] = [];
    const stop = new AbortController();
    await runPollLoop({
      ...deps,
      intervalMs: 60_000,
      turnRetryMs: 7,
      signal: stop.signal,
      takeTurn: async () => turns.shift() ?? false,
      sleep: async (ms) => {
        sleeps.push(ms);
        if (sleeps.length >= 3) stop.abort();
      },
    });
    expect(sleeps).toEqual([7, 7, 60_000]);
    expect(messenger.sends).toHaveLength(1);
  });
});
