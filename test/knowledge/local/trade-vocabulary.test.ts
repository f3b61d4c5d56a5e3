import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

describe('everyday trade words', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      ['пшиков', 'распылений'],
      ['грязную', 'чистой'],
      ['сдам', 'при сдаче'],
      ['маломерит', 'садится'],
      ['воровайка', 'манипулятор'],
      ['дрова', 'драйвера'],
      ['штаны', 'джоггеры'],
      ['переноска', 'удлинитель'],
      ['паллет', 'поддон'],
      ['системник', 'системный'],
      ['гудит', 'шумит'],
      ['спф', 'солнцезащитная'],
      ['актуально', 'в наличии'],
      ['усядет', 'сесть'],
      ['екб', 'Екатеринбург'],
      ['после открытия', 'после вскрытия'],
      ['зачёт', 'трейдин'],
      ['зачтёте', 'трейд'],
    ];
    for (const [buyer, seller] of pairs) expect(extractTerms(buyer), buyer).toEqual(extractTerms(seller));
  });

  it('keep apart words that look alike but mean other things', () => {
    const pairs: Array<[string, string]> = [
      ['штанины', 'штаны'],
      ['крышка', 'крыша'],
      ['графика', 'график'],
      ['Кудрово', 'кудри'],
      ['простой', 'простоя'],
      ['рост', 'размер'],
      ['коробка', 'АКПП'],
      ['прокатиться', 'прокат'],
      ['открытая площадка', 'после вскрытия'],
      ['засчитывается', 'в зачёт'],
    ];
    for (const [one, other] of pairs) expect(extractTerms(one), one).not.toEqual(extractTerms(other));
  });

  it('answer a question asked in slang from the passage written in the trade\'s words', () => {
    const index = buildPassageIndex([
      passage(0, 'Сколько хватит: 5 мл — примерно 60–70 распылений, 10 мл — примерно 130–150 распылений.'),
      passage(1, 'Вернуть надо чистой, без застывшего бетона в барабане, иначе мойка 500 ₽.', { position: 1 }),
      passage(2, 'Сдача старого аккумулятора: скидка 700 ₽ при сдаче старого АКБ.', { position: 2 }),
    ]);
    expect(findAnswer(index, { question: 'на скока пшиков хватит 5 мл' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('60–70 распылений') });
    expect(findAnswer(index, { question: 'а если грязную верну?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('мойка 500') });
    expect(findAnswer(index, { question: 'старый аккум сдам, скидка будет?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('скидка 700') });
    const tradeIn = buildPassageIndex([passage(0, 'Трейд-ин: ваш старый телефон принимаем, оценка при осмотре.')]);
    expect(findAnswer(tradeIn, { question: 'зачёт есть?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('оценка при осмотре') });
  });
});

describe('what buyers say of an item', () => {
  it('read a buyer\'s verb or adjective as the seller\'s', () => {
    const pairs: Array<[string, string]> = [
      ['неисправен', 'поломка'],
      ['сгорел', 'сломался'],
      ['налезет', 'подойдёт'],
      ['чем отличается', 'разница'],
      ['выветривается', 'стойкость'],
      ['когда получу', 'при получении'],
      ['мазать', 'наносить'],
      ['разбавленный', 'разбавляю'],
      ['родная', 'оригинальная'],
      ['берите', 'брать'],
    ];
    for (const [buyer, seller] of pairs) expect(extractTerms(buyer), buyer).toEqual(extractTerms(seller));
  });

  it('keep apart the words of other meanings', () => {
    const pairs: Array<[string, string]> = [
      ['получается', 'получу'],
      ['отличное', 'отличается'],
      ['машинного нанесения', 'наносить'],
      ['включается', 'работает'],
      ['цены растут', 'на вырост'],
    ];
    for (const [one, other] of pairs) expect(extractTerms(one), one).not.toEqual(extractTerms(other));
  });

  it('answer "if it breaks" by the passage on a faulty part, not by every passage naming the part', () => {
    const index = buildPassageIndex([
      passage(0, 'Двигатель контрактный из Кореи, пробег 80 тыс. км, компрессия ровная.'),
      passage(1, 'Если двигатель неисправен (стук, течь из блока) — меняем на аналогичный или возвращаем деньги.', { position: 1 }),
      passage(2, 'Доставка по городу в день заказа, 500 ₽.', { position: 2 }),
    ]);
    for (const question of ['если мотор сломается?', 'мотор сгорит, что делаете?']) {
      const answer = findAnswer(index, { question });
      expect(answer, question).toMatchObject({ status: 'FOUND', text: expect.stringContaining('на аналогичный') });
      expect(answer.text, question).not.toContain('пробег');
    }
  });
});

describe('words read one way in a question only', () => {
  it('meet the documents\' words ("в зачёт примете?" / "принимаем в зачёт", "купите?" / "выкупаем")', () => {
    const index = buildPassageIndex([
      passage(0, 'Старые телефоны принимаем в зачёт при покупке нового.'),
      passage(1, 'Микроволновки не выкупаем.', { position: 1 }),
    ]);
    expect(findAnswer(index, { question: 'старый телефон в зачет примете?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('принимаем в зачёт') });
    expect(findAnswer(index, { question: 'микроволновку купите?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('не выкупаем') });
  });
});
