/**
 * A buyer's question the documents do not answer is never dropped silently, even beside one they do: the buyer is told a
 * person answers it, the chat stays unread, and the seller's Telegram notice names it. The responder over the built-in
 * engine and a real knowledge folder, its notice formatted by the Telegram notifier.
 */
import { describe, expect, it } from 'vitest';
import { composeReply } from '../../src/core/answer.js';
import { createEscalationMatcher, DEFAULT_ESCALATION_PHRASES } from '../../src/core/escalation.js';
import { createResponder } from '../../src/core/responder.js';
import { createLocalEngine } from '../../src/knowledge/engine.js';
import { createMonitor } from '../../src/server/monitor.js';
import { createMemoryStore } from '../../src/store/index.js';
import { ACCOUNT_ID, FakeMessenger } from '../helpers/fake-messenger.js';
import { useKnowledgeFolder } from '../helpers/knowledge-folder.js';
import { recordNotices } from '../helpers/recorded-notices.js';
import { responderSettings } from '../helpers/responder-settings.js';

const PARTIAL = '🤖: на остальное ответит менеджер.';
const LISTING = { id: 4012345678, title: 'iPhone 14 Pro 256 ГБ' };
const LEFT_OUT_LINE = '⚠️ <b>Без ответа: «сим физ есть». В документах этого нет — ответьте покупателю сами (чат оставлен непрочитанным).</b>';

describe('an answer that leaves one of the buyer\'s questions out', () => {
  const shop = useKnowledgeFolder({
    'item-4012345678-iphone.md': '# iPhone 14 Pro 256 ГБ\n\nЁмкость аккумулятора 91%, родной.\n',
  });
  const escalation = createEscalationMatcher(DEFAULT_ESCALATION_PHRASES);

  function setup(settings = responderSettings({ partialAnswerText: PARTIAL }), mode: 'all' | 'escalations' = 'all') {
    const messenger = new FakeMessenger();
    const store = createMemoryStore();
    const engine = createLocalEngine({ dir: shop.dir });
    const { notifier, told } = recordNotices(mode);
    const responder = createResponder({ messenger, store, engine, notifier, clock: { now: () => 1_700_000_500_000 }, settings, escalation });
    messenger.addChat('c1', LISTING);
    return { messenger, store, responder, told };
  }

  it('answers what the documents hold, says a person answers the rest, and leaves the chat unread', async () => {
    const { messenger, responder, told } = setup();
    messenger.buyer('c1', 'акб какая, сим физ есть?');
    expect(await responder.handleChat('c1')).toMatchObject({ action: 'answered', status: 'FOUND' });
    expect(messenger.sends).toHaveLength(1);
    expect(messenger.sends[0]?.text).toMatch(/91%, родной\.\n\n🤖: на остальное ответит менеджер\.$/u);
    expect(messenger.reads).toEqual([]);
    const [notice] = await told();
    expect(notice).toContain(LEFT_OUT_LINE);
  });

  it('keeps the question left out in the dialog log, and the monitor\'s dialogs name it for the dashboard', async () => {
    const { messenger, store, responder } = setup();
    messenger.buyer('c1', 'акб какая, сим физ есть?');
    await responder.handleChat('c1');
    expect(store.recentDialogs(1)[0]).toMatchObject({ status: 'FOUND', leftOut: ['сим физ есть'] });
    const monitor = createMonitor({ store, storePath: '', startedAt: 0, avito: {}, storeWrites: {}, engine: {}, telegram: {}, timeZone: 'Europe/Moscow', chatUrl: (chatId) => chatId, now: () => 1_700_000_600_000 });
    const { dialogs } = monitor.dialogs(10, 0) as { dialogs: Array<Record<string, unknown>> };
    expect(dialogs[0]).toMatchObject({ status: 'FOUND', left_out: ['сим физ есть'] });
    messenger.buyer('c1', 'акб какая?');
    await responder.handleChat('c1');
    expect(store.recentDialogs(1)[0]).not.toHaveProperty('leftOut');
    expect((monitor.dialogs(10, 0) as { dialogs: Array<Record<string, unknown>> }).dialogs[0]).not.toHaveProperty('left_out');
  });

  it('lists the chat among those waiting for the seller until the seller writes in it', async () => {
    const { messenger, store, responder } = setup();
    const at = 1_700_000_600_000;
    const monitor = createMonitor({ store, storePath: '', startedAt: 0, avito: {}, storeWrites: {}, engine: {}, telegram: {}, timeZone: 'Europe/Moscow', chatUrl: (chatId) => `https://avito.example/${chatId}`, now: () => at });
    messenger.addChat('c2', LISTING);
    messenger.buyer('c1', 'акб какая, сим физ есть?');
    messenger.buyer('c2', 'акб какая?');
    await responder.handleChat('c1');
    await responder.handleChat('c2');
    const waiting = monitor.chats() as { escalated: unknown[]; left_out: Array<Record<string, unknown>> };
    expect(waiting.escalated).toEqual([]);
    expect(waiting.left_out).toEqual([
      expect.objectContaining({ chat_id: 'c1', item_title: LISTING.title, last_question: 'акб какая, сим физ есть?', left_out: ['сим физ есть'], chat_url: 'https://avito.example/c1' }),
    ]);
    // The seller answers the SIM question in Avito: the next look at the chat sees it, and the chat waits no more.
    messenger.add('c1', { text: 'Да, физическая сим есть.', authorId: ACCOUNT_ID, created: 1_700_000_550 });
    await responder.handleChat('c1');
    expect(store.getChat('c1')?.pauseReason).toBe('takeover');
    expect((monitor.chats() as { left_out: unknown[] }).left_out).toEqual([]);
  });

  it('marks the chat read and adds nothing when every question is answered', async () => {
    const { messenger, responder, told } = setup();
    messenger.buyer('c1', 'акб какая?');
    expect(await responder.handleChat('c1')).toMatchObject({ action: 'answered', status: 'FOUND' });
    expect(messenger.sends[0]?.text).not.toContain(PARTIAL);
    expect(messenger.reads).toEqual(['c1']);
    const [notice] = await told();
    expect(notice).not.toContain('Без ответа');
  });

  it('adds no text when the seller set PARTIAL_ANSWER_TEXT empty, and still tells the seller', async () => {
    const { messenger, responder, told } = setup(responderSettings({ partialAnswerText: '' }));
    messenger.buyer('c1', 'акб какая, сим физ есть?');
    await responder.handleChat('c1');
    expect(messenger.sends[0]?.text).not.toContain('менеджер');
    expect(messenger.reads).toEqual([]);
    expect((await told())[0]).toContain(LEFT_OUT_LINE);
  });

  it('reaches a seller who asked Telegram only for what needs him (TELEGRAM_LOG=escalations)', async () => {
    const { messenger, responder, told } = setup(responderSettings({ partialAnswerText: PARTIAL }), 'escalations');
    messenger.buyer('c1', 'акб какая, сим физ есть?');
    messenger.addChat('c2', LISTING);
    messenger.buyer('c2', 'акб какая?');
    await responder.handleChat('c1');
    await responder.handleChat('c2');
    const notices = await told();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(LEFT_OUT_LINE);
  });

  it('is what `ask` shows too: composeReply appends the text', async () => {
    const engine = createLocalEngine({ dir: shop.dir });
    const reply = await composeReply({ question: 'акб какая, сим физ есть?', listing: LISTING }, { engine, escalation, settings: responderSettings({ partialAnswerText: PARTIAL }) });
    expect(reply.status).toBe('FOUND');
    expect(reply.reply.endsWith(`\n\n${PARTIAL}`)).toBe(true);
    expect(reply.answer?.leftOut).toEqual(['сим физ есть']);
  });
});
