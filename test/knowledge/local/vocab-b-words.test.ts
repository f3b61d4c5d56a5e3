import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

describe('buyers\' words for what the documents say otherwise', () => {
  it('read each form of a family as the word the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      // Which side.
      ['слева', 'левый'],
      ['справа', 'правый'],
      ['направо', 'правая'],
      ['левосторонний', 'левый'],
      // Sold singly.
      ['одиночные', 'отдельно'],
      ['по отдельности', 'отдельно'],
      // Help.
      ['поможете', 'помощь'],
      ['помочь', 'поможем'],
      // A used item's flaws.
      ['косяки', 'дефекты'],
      ['недостатки', 'поломка'],
      ['все нюансы', 'дефект'],
      // What the seller recommends is what fits.
      ['рекомендуемый', 'подойдёт'],
      ['порекомендуете', 'подходит'],
      // A legal entity clipped.
      ['юр', 'юрлицо'],
    ];
    for (const [buyer, seller] of pairs) expect(extractTerms(buyer), buyer).toEqual(extractTerms(seller));
  });

  it('keep apart words that only look like the family', () => {
    const pairs: Array<[string, string]> = [
      ['справка', 'справа'],
      ['помощнее', 'помощь'],
      ['юрист', 'юр'],
    ];
    for (const [one, other] of pairs) expect(extractTerms(one), one).not.toEqual(extractTerms(other));
  });

  it('answer a question asked in the buyer\'s words from the passage written in the seller\'s', () => {
    const index = buildPassageIndex([
      passage(0, 'Угол универсальный, оттоманку можно поставить и слева и справа, переставляется при сборке.'),
      passage(1, 'Одиночные наушники (только левый или только правый) не продаём.', { position: 1 }),
      passage(2, 'Можем помочь перенести номер на eSIM прямо в магазине, это бесплатно.', { position: 2 }),
      passage(3, 'Доставка по городу 500 ₽, за МКАД по договорённости.', { position: 3 }),
      passage(4, 'Состояние хорошее, но гитара не новая, честно пишу все нюансы: потертости на задней деке, скол лака около 2 мм.', { position: 4 }),
      passage(5, 'Рекомендуемый рост — 155-178 см, рама женская, заниженная.', { position: 5 }),
    ]);
    expect(findAnswer(index, { question: 'по росту подойдет?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('155-178') });
    expect(findAnswer(index, { question: 'угол левый? мне правый нужен' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('и слева и справа') });
    expect(findAnswer(index, { question: 'левый наушник отдельно есть?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('не продаём') });
    expect(findAnswer(index, { question: 'какие косяки есть, сколы?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('скол лака') });
    expect(findAnswer(index, { question: 'с переносом номера поможете?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('бесплатно') });
  });
});
