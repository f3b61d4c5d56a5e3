/**
 * The seller learns from Telegram which of a buyer's words no document uses: the responder over the
 * built-in engine and a real knowledge folder, its notice formatted by the Telegram notifier.
 */
import { describe, expect, it } from 'vitest';
import { createEscalationMatcher, DEFAULT_ESCALATION_PHRASES } from '../../src/core/escalation.js';
import { createResponder } from '../../src/core/responder.js';
import { createLocalEngine } from '../../src/knowledge/engine.js';
import { createMemoryStore } from '../../src/store/index.js';
import { FakeMessenger } from '../helpers/fake-messenger.js';
import { useKnowledgeFolder } from '../helpers/knowledge-folder.js';
import { recordNotices } from '../helpers/recorded-notices.js';
import { responderSettings } from '../helpers/responder-settings.js';

const FALLBACK = '🤖: в моей базе нет нужной информации по вашему вопросу.';
const LISTING = { id: 4012345678, title: 'Кухня «Мария»' };
const WORDS_LINE = '🔎 Слов из вопроса нет ни в одном документе: «шпона». Если ответ есть — допишите его в документ этими словами.';

const SETTINGS = responderSettings({ fallbackText: FALLBACK, escalationText: '🤖: передал менеджеру', nonTextReplyText: '🤖: напишите текстом' });

describe('the Telegram notice of a question the documents do not answer', () => {
  const shop = useKnowledgeFolder({
    'kuhni.md': '# Кухни на заказ\n\nДелаем кухни из МДФ и ЛДСП. Фасады покрываем эмалью или плёнкой.\n\n## Гарантия\n\nГарантия на кухню 2 года.\n',
  });

  function setup() {
    const messenger = new FakeMessenger();
    const store = createMemoryStore();
    const engine = createLocalEngine({ dir: shop.dir });
    const { notifier, told } = recordNotices();
    const start = () =>
      createResponder({
        messenger,
        store,
        engine,
        notifier,
        clock: { now: () => 1_700_000_500_000 },
        settings: SETTINGS,
        escalation: createEscalationMatcher(DEFAULT_ESCALATION_PHRASES),
      });
    messenger.addChat('c1', LISTING);
    return { messenger, store, start, told };
  }

  it('names the buyer\'s word no document uses, below the fallback the buyer got', async () => {
    const { messenger, start, told } = setup();
    messenger.buyer('c1', 'Здравствуйте! Фасады из шпона делаете?');
    expect(await start().handleChat('c1')).toMatchObject({ action: 'answered', status: 'NOT_FOUND' });
    const [notice] = await told();
    expect(notice).toContain('NOT_FOUND');
    expect(notice).toContain(WORDS_LINE);
  });

  it('says nothing of the kind for an answer', async () => {
    const { messenger, start, told } = setup();
    messenger.buyer('c1', 'Какая гарантия?');
    expect(await start().handleChat('c1')).toMatchObject({ action: 'answered', status: 'FOUND' });
    const [notice] = await told();
    expect(notice).not.toContain('Слов из вопроса');
  });

  it('still names them when the reply is finished after a lost send, from the stored record', async () => {
    const { messenger, store, start, told } = setup();
    messenger.buyer('c1', 'Фасады из шпона делаете?');
    messenger.nextSendFailure = 'ambiguous-after';
    expect(await start().handleChat('c1')).toMatchObject({ action: 'failed', ambiguous: true });
    expect(store.getPending('c1')?.unknownWords).toEqual(['шпона']);
    // A process started afresh finds the reply went out and tells the seller about it.
    expect(await start().handleChat('c1')).toMatchObject({ action: 'answered', recovered: true });
    expect(await told()).toEqual([expect.stringContaining(WORDS_LINE)]);
  });
});
