import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';
import { findCountedAmounts } from '../../../src/knowledge/local/counted-amounts.js';
import { extractTerms, termOf } from '../../../src/knowledge/local/terms.js';

const resolve = (text: string): string[] => extractTerms(text);

describe('a count of a noun in "-ка" asked with "сколько"', () => {
  const SUIT = 4110000004;
  const shop = useKnowledgeFolder({
    [`item-${SUIT}-kombinezon.md`]: [
      '# Комбинезон детский зимний',
      '',
      'Ткань верха: 100% полиэстер с водоотталкивающей пропиткой, грязь отстирывается легко.',
      '',
      'Уход: стирка 30 °C, деликатный режим, не отжимать.',
      '',
    ].join('\n'),
    'faq.md': '# Вопросы\n\nЕсть ли скидки? Постоянным покупателям скидка 5% на новое (по номеру телефона).\n\nБонусы: после 3 покупок дарим сертификат на 500 ₽.\n',
  });

  it('reads the genitive plural, not a nominative asked of its price or ending the clause', () => {
    expect(findCountedAmounts('скока стирок выдержит', resolve).nouns.map((noun) => noun.term)).toEqual([termOf('стирок')]);
    expect(findCountedAmounts('скока замок стоит', resolve).nouns).toEqual([]);
    expect(findCountedAmounts('скока подарок?', resolve).nouns).toEqual([]);
  });

  it('is not answered by a passage naming the thing counted and no number of it', async () => {
    expect((await shop.ask('пропитка после стирок не смывается? скока стирок выдержит', { id: SUIT, title: 'Комбинезон детский' })).status).toBe('NOT_FOUND');
    expect((await shop.ask('постоянным скидку со скольки покупок даете')).text).not.toContain('номеру телефона');
  });

  it('is answered where a number of it is stated', async () => {
    expect(await shop.ask('бонус со скольки покупок дают?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('3 покупок') });
  });
});

describe('an amount in a unit asked with "сколько"', () => {
  const GENERATOR = 4280000003;
  const shop = useKnowledgeFolder({
    [`item-${GENERATOR}-generator.md`]: [
      '# Генератор бензиновый Huter',
      '',
      'Наработка около 120 моточасов. Масло меняли каждые 50 м/ч, свечу поменяли.',
      '',
      'Бак: 15 литров, расход около 1,2 л/ч.',
      '',
    ].join('\n'),
    'remont.md': '# Ремонт\n\n• ТО генератора (масло, свеча, фильтр) — 1 300 р с расходниками\n\n# Доставка\n\nОтправляем СДЭК по всей России.\n',
  });
  const listing = { id: GENERATOR, title: 'Генератор Huter DY4000L' };

  it('is not answered by a passage sharing the clause\'s words and stating no amount in that unit', async () => {
    expect((await shop.ask('сколько литров масла в него заливается', listing)).status).toBe('NOT_FOUND');
  });

  it('is answered where an amount in that unit is stated, and a passage of another thing answers another question', async () => {
    expect(await shop.ask('скока литров бак и доставка?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('СДЭК') });
    expect(await shop.ask('бак сколько литров?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('15 литров') });
  });
});
