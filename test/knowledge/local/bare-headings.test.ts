import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a plain-text heading read as a paragraph of its own', () => {
  const shop = useKnowledgeFolder({
    'dostavka-i-oplata.txt': [
      'ДОСТАВКА',
      '',
      'В другие города отправляем СДЭК. Стоимость доставки по тарифу СДЭК, платит покупатель.',
      '',
      'ОПЛАТА',
      '',
      'наличными на точке',
      'картой (терминал) на точке',
      'Предоплата для отправки в регионы 100%. Наложенный платеж не делаем.',
      '',
    ].join('\n'),
  });

  it('answers nothing: one word states nothing', async () => {
    const answer = await shop.ask('кто оплатит?');
    expect(answer.text).not.toMatch(/^ОПЛАТА$/mu);
  });
});
