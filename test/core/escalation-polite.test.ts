// A contact asked politely in the negative ("не могли бы…", "не дадите…?") or in the future ("дадите ваш номер?"), and leave
// asked to reach the one read ("можно с вами связаться?"): how Russian asks, not a refusal or a question.
// Refusals and questions about the goods stay as they were.
import { describe, expect, it } from 'vitest';
import { createEscalationMatcher } from '../../src/core/escalation.js';

const matcher = createEscalationMatcher([]);

describe('a contact asked politely', () => {
  it.each(['не могли бы дать ваш телефон?', 'не дадите номер телефона?', 'номер продавца не подскажете?', 'дадите ваш номер?', 'не скинете ваш ватсап?'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['номер не дам, давайте в чате', 'менеджера не надо', 'скидку не дадите?', 'не подскажете, доставка есть?', 'не могли бы скинуть фото', 'не могли бы вы ответить по доставке'])('leaves %j as it was', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('leave asked to reach the one read, in either order', () => {
  it.each(['можно с вами связаться?', 'связаться с вами можно как-то?', 'с вами как связаться'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['можно с вами связаться по поводу доставки?', 'связаться с курьером можно?', 'с вами можно договориться о цене?'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});
