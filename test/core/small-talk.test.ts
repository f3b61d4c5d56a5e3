import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifySmallTalk, readsAsYes } from '../../src/core/small-talk.js';

describe('classifySmallTalk', () => {
  it.each([
    'Спасибо!',
    'спс',
    'благодарю',
    'Спасибооо!!!',
    'спасибо за ответ',
    'Большое спасибо за консультацию',
    'Ок, понял',
    'Хорошо',
    'ясно',
    'понятно',
    'ладно',
    'нет, спасибо',
    'да',
    'нет',
    'не надо',
    'ок 👍',
    'до свидания',
    'всего доброго',
    'Хорошо, подумаю',
    '👍',
    '❤️',
    '🙏',
    '🙂👍🏽👨‍👩‍👧‍👦🏳️‍🌈🇷🇺🇺🇦1️⃣❤️',
    '+',
    ')))',
  ])('%s is thanks', (text) => {
    expect(classifySmallTalk(text)).toBe('thanks');
  });

  it.each(['Здравствуйте', 'Добрый день!', 'привет', 'Доброе утро', 'Алло?', 'ау', 'ауууу', '??', '?', 'вы тут?', 'есть кто-нибудь?', 'Здравствуйте, вы на связи?'])(
    '%s is a greeting',
    (text) => {
      expect(classifySmallTalk(text)).toBe('greeting');
    },
  );

  it('thanks and a greeting together are thanks', () => {
    expect(classifySmallTalk('Добрый день, спасибо!')).toBe('thanks');
  });

  it.each([
    'Здравствуйте! А доставка есть?',
    'спасибо, а гарантия есть?',
    'Хорошо, а когда можно забрать?',
    'Добрый день, на пылесос есть гарантия?',
    'Здравствуйте, Анна!',
    'Есть?',
    'ок, беру',
    'за ответ',
    'А ещё?',
    'и всё?',
    '5',
    'Какое давление?',
    '',
  ])('%s is not small talk', (text) => {
    expect(classifySmallTalk(text)).toBeUndefined();
  });

  it('property: small talk with any word it does not know is not small talk', () => {
    const talk = fc.constantFrom('спасибо', 'ок', 'здравствуйте', 'добрый день', 'понятно', '👍', '!', '?');
    const word = fc.constantFrom('доставка', 'цена', 'гарантия', 'забрать', 'скидка', 'размер', 'самовывоз');
    fc.assert(
      fc.property(fc.array(talk, { maxLength: 4 }), word, fc.array(talk, { maxLength: 4 }), (before, asked, after) => {
        expect(classifySmallTalk([...before, asked, ...after].join(' '))).toBeUndefined();
      }),
    );
  });
});

describe('readsAsYes', () => {
  it.each(['да', 'Да!', 'дааа', 'давайте', 'зовите', 'ок зовите', 'ок, зовите', 'можно', 'конечно', 'ага', 'хочу', 'да, позовите', 'да, позовите менеджера', 'да пожалуйста', 'Да, пусть менеджер напишет', '👍'])(
    '%s takes the offer',
    (text) => {
      expect(readsAsYes(text)).toBe(true);
    },
  );

  it.each(['нет', 'не надо', 'нет, спасибо', 'да нет', 'ок', 'хорошо', 'спасибо', 'да, а доставка есть?', 'можно без менеджера', ''])('%s does not', (text) => {
    expect(readsAsYes(text)).toBe(false);
  });

  // Kazakh and Belarusian: a yes, a yes with a fetching word read as Russian, a no
  it.each(['иә', 'Иә, шақырыңыз', 'әрине', 'вядома', 'керек'])('%s takes the offer', (text) => {
    expect(readsAsYes(text)).toBe(true);
  });

  // a yes as a wait, a thanks ahead, put politely, in English slang, or doubled
  it.each(['буду ждать', 'да, буду ждать', 'буду благодарна', 'было бы здорово', 'было бы неплохо', 'yep', 'sure', 'дада'])('%s takes the offer', (text) => {
    expect(readsAsYes(text)).toBe(true);
  });

  it.each(['буду', 'было бы хорошо, а цена?', 'не буду ждать', 'буду ждать ответа про цену', 'sure, what is the price?'])('%s does not', (text) => {
    expect(readsAsYes(text)).toBe(false);
  });

  it.each(['жоқ', 'жоқ, керек емес', 'иә, бағасы қанша?'])('%s does not', (text) => {
    expect(readsAsYes(text)).toBe(false);
  });
});
