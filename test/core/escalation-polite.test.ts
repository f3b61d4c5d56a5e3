// A contact asked politely in the negative ("не могли бы…", "не дадите…?") or in the future ("дадите ваш номер?"): how
// Russian asks, not a refusal. Refusals and questions about the goods stay as they were.
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
