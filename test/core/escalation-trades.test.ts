// Requests for a person as buyers of many trades make them (the sixth escalation set's forms, written apart from it):
// whom to agree with, a talk or consultation with the one who makes or knows the goods, a voice message, a call arranged.
// Each block holds the near misses of the same family that must stay questions.
import { describe, expect, it } from 'vitest';
import { createEscalationMatcher } from '../../src/core/escalation.js';

const matcher = createEscalationMatcher([]);

describe('agreeing or talking with a person of the shop', () => {
  it.each([
    'с кем можно договориться о скидке на две удочки?',
    'хочу договориться с хозяином о цене',
    'хочу посоветоваться с настройщиком',
    'позовите дизайнера, обсудим фасады',
    'я не местный, надо с кем-то из салона переговорить',
    'я в гитарах не разбираюсь, можно с хозяином гитары пообщаться?',
    'поговорить бы с бабушкой, которая продает',
    'дайте поговорить с ветеринаром перед покупкой',
  ])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each([
    'с курьером можно договориться о времени доставки?',
    'договориться о доставке на субботу можно?',
    'ветеринар у вас свой или приходящий?',
    'кто-то из магазина звонил мне вчера',
    'дизайнер делает проект бесплатно?',
    'у котят был один хозяин?',
    'мастер-класс по сборке удочек проводите?',
    'с хозяином квартиры договорились, привезете в субботу?',
  ])('not: %s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});
