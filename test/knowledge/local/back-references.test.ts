import { describe, expect, it } from 'vitest';
import { carryQuestions, carryReferents } from '../../../src/knowledge/local/back-references.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a question pointing back at what the message named', () => {
  const shop = useKnowledgeFolder({
    'vozvrat.md': [
      '# Возврат товара и поддоны',
      '',
      '## Если купили лишнее',
      '',
      'Остались лишние мешки — примем обратно в течение 14 дней.',
      '',
      'Не возвращаем: вскрытые и рассыпанные мешки.',
      '',
      '## Залог за поддоны',
      '',
      'За каждый поддон берём залог 300 ₽.',
      '',
      'Залог возвращаем полностью, если поддон целый. Сдать можно на склад — заберём бесплатно.',
      '',
    ].join('\n'),
  });

  it('is asked of those things', async () => {
    const answer = await shop.ask('поддоны заберете и скока за них вернете');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('300 ₽');
    expect(answer.text).not.toContain('Не возвращаем');
  });
});

describe('carryReferents', () => {
  it('gives a part naming nothing of its own the nouns of the part before it', () => {
    expect(carryReferents(['пустые поддоны заберете обратно', 'скока за них вернете'])).toEqual(['пустые поддоны заберете обратно', 'поддоны скока за них вернете']);
  });

  it('leaves a part naming a thing of its own, and a first part', () => {
    expect(carryReferents(['поддоны заберете', 'а доставка у них сколько'])).toEqual(['поддоны заберете', 'а доставка у них сколько']);
    expect(carryReferents(['скока за них вернете'])).toEqual(['скока за них вернете']);
  });
});

describe('a bare follow-up on the price', () => {
  const shop = useKnowledgeFolder({
    'uslugi.md': [
      '# Уборка',
      '',
      '## Что входит',
      '',
      'Духовку моем внутри и снаружи, решетки и противни тоже, если не прикипел нагар.',
      '',
      '## Дверь холодильника',
      '',
      'Дверь холодильника можно перевесить на другую сторону, если модель это позволяет.',
      '',
    ].join('\n'),
    'prais.md': ['# Прайс', '', '## Доплаты', '', 'Мойка духовки — 800 ₽.', '', 'Перевес двери холодильника — 700 ₽.', '', 'Стоимость генеральной уборки от 5 000 ₽.', ''].join('\n'),
  });

  it('asks what the thing named before costs ("скока" alone)', async () => {
    const answer = await shop.ask('духовку моете? скока');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('800 ₽');
  });

  it('asks the price of the thing named before ("скока стоит это сделать")', async () => {
    const answer = await shop.ask('дверь перевесите? скока стоит это сделать, у меня справа стена');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('700 ₽');
  });
});

describe('carryReferents on a price asked bare', () => {
  it('asks a bare "скока" as the price of the nouns before it', () => {
    expect(carryReferents(['и духовку тоже, это доплата?', 'скока'])).toEqual(['и духовку тоже, это доплата?', 'духовку скока почем']);
    expect(carryReferents(['двери перевешиваются?', 'скока стоит это сделать'])).toEqual(['двери перевешиваются?', 'двери скока стоит это сделать']);
  });

  it('leaves a "how much" of something else, and a price of a thing named', () => {
    expect(carryReferents(['ток пусковой какой', 'весит скока'])).toEqual(['ток пусковой какой', 'весит скока']);
    expect(carryReferents(['медовик можно заморозить?', 'на сколько'])).toEqual(['медовик можно заморозить?', 'на сколько']);
    expect(carryReferents(['окна моете?', 'скока стоит доставка'])).toEqual(['окна моете?', 'скока стоит доставка']);
  });
});

describe('a thing named alone after a question', () => {
  const shop = useKnowledgeFolder({
    'garantiya.md': ['# Гарантия', '', '## Самокаты', '', 'На новые самокаты гарантия 12 месяцев.', '', '## Запчасти', '', 'На аккумулятор — 6 месяцев, на зарядку — 3 месяца.', ''].join('\n'),
    'samokat.md': ['# Самокат', '', 'Аккумулятор: 446 Вт·ч, аккумулятор съемный, запасной аккумулятор можно докупить.', ''].join('\n'),
  });

  it('is asked the question before it ("гарантия сколько и на батарею")', async () => {
    const answer = await shop.ask('гарантия сколько и на батарею');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('6 месяцев');
    expect(answer.text).not.toContain('446');
  });
});

describe('carryQuestions', () => {
  it('asks a thing named alone, or "X тоже", what the part before asked', () => {
    expect(carryQuestions(['гарантия сколько', 'на батарею'])).toEqual(['гарантия сколько', 'гарантия сколько на батарею']);
    expect(carryQuestions(['холодильник внутри помоете?', 'и духовку тоже?'])).toEqual(['холодильник внутри помоете?', 'холодильник внутри помоете духовку тоже?']);
  });

  it('leaves a part asking a question of its own, a bare noun, and a part after a statement', () => {
    expect(carryQuestions(['гарантия сколько', 'на батарею какая'])).toEqual(['гарантия сколько', 'на батарею какая']);
    expect(carryQuestions(['скока стоит доставка', 'сборка'])).toEqual(['скока стоит доставка', 'сборка']);
    expect(carryQuestions(['беру самокат', 'на подарок'])).toEqual(['беру самокат', 'на подарок']);
    // The buyer's circumstances: about the buyer, or more than the thing alone.
    expect(carryQuestions(['в седан влезет?', 'у меня солярис.'])).toEqual(['в седан влезет?', 'у меня солярис.']);
    expect(carryQuestions(['можете отложить до выходных?', 'в пятницу зп'])).toEqual(['можете отложить до выходных?', 'в пятницу зп']);
  });
});
