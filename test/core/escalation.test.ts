import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEscalationMatcher, DEFAULT_ESCALATION_PHRASES } from '../../src/core/escalation.js';

const matcher = createEscalationMatcher(DEFAULT_ESCALATION_PHRASES);

describe('escalation matcher', () => {
  it.each([
    'позовите менеджера',
    'Позовите, пожалуйста, менеджера!',
    'вызови оператора',
    'можно живого человека?',
    'соедините с продавцом',
    'Соедините меня с менеджером',
    'хочу поговорить с человеком',
    'Нужен менеджер',
    'дайте связаться с продавцом',
    'ПОЗОВИТЕ МЕНЕДЖЕРА',
    'Позовите менеджеру', // misspelt inflection still a request
  ])('matches %s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each(['Какое давление у кофемашины?', 'менеджер сказал, что скидка есть', 'человек-паук в комплекте?', 'сколько стоит доставка', ''])(
    'does not match %s',
    (text) => {
      expect(matcher.match(text)).toBeUndefined();
    },
  );

  it('uses the configured list only', () => {
    const custom = createEscalationMatcher(['позовите директора']);
    expect(custom.match('позовите директора!')).toBe('позовите директора');
    expect(custom.match('позовите менеджера')).toBeUndefined();
  });

  it('property: a default phrase inside any surrounding text is found', () => {
    const word = fc.constantFrom('здравствуйте', 'товар', 'сегодня', 'вечером', 'спасибо', 'ок', '!', '?', '😀');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), fc.constantFrom(...DEFAULT_ESCALATION_PHRASES), fc.array(word, { maxLength: 5 }), (before, phrase, after) => {
        expect(matcher.match([...before, phrase, ...after].join(' '))).toBeDefined();
      }),
    );
  });

  it('property: text built from words that are not a person request never matches', () => {
    const word = fc.constantFrom('доставка', 'цена', 'гарантия', 'кофемашина', 'пылесос', 'давление', 'можно', 'забрать', 'сегодня', 'менеджер');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        expect(matcher.match(words.join(' '))).toBeUndefined();
      }),
    );
  });
});
