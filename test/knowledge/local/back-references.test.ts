import { describe, expect, it } from 'vitest';
import { carryReferents } from '../../../src/knowledge/local/back-references.js';
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
