import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import { findUnknownOptions } from '../../../src/knowledge/local/named-options.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'dostavka.md', title: 'Доставка', headings: [], text, position: id, ...extra };
}

const delivery = [
  passage(0, 'Отправляем СДЭК и Авито Доставкой. Если доставкой СДЭК — можно оформить с примеркой в пункте выдачи.'),
  passage(1, 'Оплачиваете через Авито, пункт выдачи выбираете сами при оформлении.', { headings: ['Авито Доставка'] }),
  passage(2, 'Доставка СДЭК до пункта выдачи стоит 350 ₽.', { headings: ['Цены'] }),
];
const index = buildPassageIndex(delivery);
const ask = (question: string) => findAnswer(index, { question });
const isCircumstance = () => false;

describe('an option the buyer names after "в" or "через"', () => {
  it('is read from the question only where no passage holds its word', () => {
    expect([...findUnknownOptions('через боксберри отправите до пункта выдачи', index, isCircumstance)]).toEqual(['boxberry']);
    expect([...findUnknownOptions('в постамат сдэка можно отправить?', index, isCircumstance)]).toEqual(['постамат']);
    expect([...findUnknownOptions('в пункт выдачи сдэка можно отправить?', index, isCircumstance)]).toEqual([]);
    expect([...findUnknownOptions('через авито оплатить можно?', index, isCircumstance)]).toEqual([]);
  });

  it('is also the word after a pick-up point ("на пвз озона"): whose point it is', () => {
    expect([...findUnknownOptions('на пвз озона отправите?', index, isCircumstance)]).toEqual(['озон']);
    expect(ask('на пвз озона отправите?').status).toBe('NOT_FOUND');
    expect(ask('до пункта выдачи сдэка сколько стоит?').status).toBe('FOUND');
  });

  it('is not answered by a passage about the options the documents name, however well the other words match', () => {
    expect(ask('в постамат сдэка можно отправить?').status).toBe('NOT_FOUND');
    expect(ask('через боксберри отправите до пункта выдачи').status).toBe('NOT_FOUND');
  });

  it('leaves questions about the documents own options answered', () => {
    expect(ask('в пункт выдачи сдэка можно отправить?').status).toBe('FOUND');
    expect(ask('через авито можно оплатить?').status).toBe('FOUND');
  });

  it('is no option where another preposition stands before the word ("до", "на")', () => {
    expect([...findUnknownOptions('сдэком до подъезда отправите?', index, isCircumstance)]).toEqual([]);
    expect([...findUnknownOptions('на море беру, отправите сдэком?', index, isCircumstance)]).toEqual([]);
  });
});

describe('a time after "в"', () => {
  it('is no option: "в выходные", "в субботу" say when', () => {
    expect([...findUnknownOptions('сколько стоит доставка в выходные?', index, isCircumstance)]).toEqual([]);
    expect([...findUnknownOptions('в субботу отправите сдэком?', index, isCircumstance)]).toEqual([]);
  });

  it('leaves the question answered', () => {
    expect(ask('а сколько стоит доставка сдэком в выходные?').status).toBe('FOUND');
  });
});
