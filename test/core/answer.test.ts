import { describe, expect, it } from 'vitest';
import { composeReply, type ReplySettings } from '../../src/core/answer.js';
import { createEscalationMatcher } from '../../src/core/escalation.js';
import type { ContextMessage } from '../../src/core/ports.js';
import { DEFAULT_ESCALATION_TEXT, DEFAULT_FALLBACK_TEXT } from '../../src/config/config.js';
import { FakeEngine } from '../helpers/fake-engine.js';

const SETTINGS: ReplySettings = { fallbackText: DEFAULT_FALLBACK_TEXT, escalationText: DEFAULT_ESCALATION_TEXT };

function setup(settings: Partial<ReplySettings> = {}) {
  const engine = new FakeEngine({ доставк: { text: 'Доставляем Авито Доставкой.', sources: ['dostavka.md'] } });
  const deps = { engine, escalation: createEscalationMatcher([]), settings: { ...SETTINGS, ...settings } };
  const ask = (question: string, context?: readonly ContextMessage[]) => composeReply({ question, ...(context ? { context } : {}) }, deps);
  return { engine, ask };
}

/** A chat where the bot's last message is `botText`, then the buyer's `question`. */
function after(botText: string, question: string, role: ContextMessage['role'] = 'bot'): ContextMessage[] {
  return [
    { role: 'buyer', text: 'Какой вес?', at: 1 },
    { role, text: botText, at: 2 },
    { role: 'buyer', text: question, at: 3 },
  ];
}

describe('the default texts', () => {
  it('address the buyer as "вы" and offer a manager for "да"', () => {
    for (const text of [DEFAULT_FALLBACK_TEXT, DEFAULT_ESCALATION_TEXT]) {
      expect(text.startsWith('🤖: ')).toBe(true);
      expect(text).not.toMatch(/(?<!\p{L})(ты|твой|твоему|можешь|тебе)(?!\p{L})/iu);
    }
    expect(DEFAULT_FALLBACK_TEXT).toMatch(/напишите «да», и я позову менеджера/);
  });
});

describe('"да" to the fallback’s offer', () => {
  it.each(['да', 'Да!', 'давайте', 'зовите', 'ок зовите', 'можно', 'конечно', 'ага', 'хочу', 'да, позовите'])('%s after the fallback is an escalation, without asking the engine', async (yes) => {
    const { engine, ask } = setup();
    expect(await ask(yes, after(DEFAULT_FALLBACK_TEXT, yes))).toEqual({ status: 'ESCALATION', reply: DEFAULT_ESCALATION_TEXT, sources: [] });
    expect(engine.queries).toEqual([]);
  });

  it.each(['нет', 'не надо', 'нет, спасибо'])('%s after the fallback gets nothing: no escalation, no second fallback', async (no) => {
    const { ask } = setup();
    expect(await ask(no, after(DEFAULT_FALLBACK_TEXT, no))).toMatchObject({ status: 'SMALL_TALK', reply: '' });
  });

  it('a new question after the fallback is answered as a question', async () => {
    const { ask } = setup();
    expect(await ask('да, а доставка есть?', after(DEFAULT_FALLBACK_TEXT, 'да, а доставка есть?'))).toMatchObject({ status: 'FOUND' });
  });

  it('"да" is no escalation after anything else: an answer, the seller, no chat at all', async () => {
    const { ask } = setup();
    expect(await ask('да', after('Доставляем Авито Доставкой.', 'да'))).toMatchObject({ status: 'SMALL_TALK', reply: '' });
    expect(await ask('да', after(DEFAULT_FALLBACK_TEXT, 'да', 'seller'))).toMatchObject({ status: 'SMALL_TALK' });
    expect(await ask('да')).toMatchObject({ status: 'SMALL_TALK' });
  });

  it('is an offer only when FALLBACK_TEXT names a person', async () => {
    const plain = '🤖: в документах нет ответа на этот вопрос.';
    const { ask } = setup({ fallbackText: plain });
    expect(await ask('да', after(plain, 'да'))).toMatchObject({ status: 'SMALL_TALK' });
    const offering = '🤖: не знаю. Позвать продавца?';
    const other = setup({ fallbackText: offering });
    expect(await other.ask('давайте', after(offering, 'давайте'))).toMatchObject({ status: 'ESCALATION' });
  });

  it('a fallback the bot sent after an engine outage is the same offer (same text, whatever the spacing)', async () => {
    const { ask } = setup();
    expect(await ask('да', after(`${DEFAULT_FALLBACK_TEXT.replace('. ', '.\n')}  `, 'да'))).toMatchObject({ status: 'ESCALATION' });
  });
});

describe('small talk', () => {
  it('is silent by default and never asks the engine', async () => {
    const { engine, ask } = setup();
    for (const text of ['Спасибо!', '👍', 'Ок, понял', 'Хорошо']) expect(await ask(text)).toEqual({ status: 'SMALL_TALK', reply: '', sources: [], smallTalk: 'thanks' });
    for (const text of ['Здравствуйте', 'Алло?']) expect(await ask(text)).toEqual({ status: 'SMALL_TALK', reply: '', sources: [], smallTalk: 'greeting' });
    expect(engine.queries).toEqual([]);
  });

  it('gets THANKS_REPLY_TEXT or GREETING_REPLY_TEXT when the seller set them', async () => {
    const { ask } = setup({ thanksReplyText: '🤖: пожалуйста!', greetingReplyText: '🤖: здравствуйте! Чем помочь?' });
    expect(await ask('спасибо')).toMatchObject({ status: 'SMALL_TALK', reply: '🤖: пожалуйста!' });
    expect(await ask('Добрый день!')).toMatchObject({ status: 'SMALL_TALK', reply: '🤖: здравствуйте! Чем помочь?' });
  });

  it('a greeting with a question, or thanks with a question, is answered as the question', async () => {
    const { ask, engine } = setup();
    expect(await ask('Здравствуйте! А доставка есть?')).toMatchObject({ status: 'FOUND', reply: 'Доставляем Авито Доставкой.' });
    expect(await ask('спасибо, а гарантия есть?')).toMatchObject({ status: 'NOT_FOUND', reply: DEFAULT_FALLBACK_TEXT });
    expect(engine.queries.map((query) => query.question)).toEqual(['Здравствуйте! А доставка есть?', 'спасибо, а гарантия есть?']);
  });

  it('a request for a person beside thanks is still a request', async () => {
    const { ask } = setup();
    expect(await ask('Спасибо, позовите менеджера')).toMatchObject({ status: 'ESCALATION' });
  });

  it('a negated request is answered as the question it asks', async () => {
    const { ask } = setup();
    expect(await ask('менеджера не надо, просто скажите, доставка есть?')).toMatchObject({ status: 'FOUND' });
  });
});
