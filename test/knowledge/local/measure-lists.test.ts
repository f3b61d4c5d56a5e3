// A measure asked by name is stated by an amount: in an item of a labelled list ("комплектация: …, нагреватель 100 Вт"),
// and in a paragraph whose topic opens it ("Ремонт лодок ПВХ — … Срок обычно 2-5 дней.").
import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

const TANK = 4;
const TITLE = 'Аквариум 100 литров, комплект';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'item-4-tank.json', title: TITLE, headings: [], text, position: id, itemId: TANK, ...extra };
}

describe('an amount in an item of a labelled list', () => {
  const index = buildPassageIndex([
    passage(0, 'комплектация: аквариум 100 л, крышка со светильником 12 Вт, белый свет, фильтр 600 л/ч с губкой, нагреватель 100 Вт с терморегулятором, грунт кварцевый 5 кг'),
    passage(1, 'цена: 12 500 руб. за комплект'),
  ]);
  const listing = { id: TANK, title: TITLE };

  it('measures what the item names: the heater\'s 100 Вт answers "нагреватель какой мощности"', () => {
    const answer = findAnswer(index, { question: 'нагреватель какой мощности', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('нагреватель 100 Вт');
  });

  it('measures nothing else: "грунт 5 кг" does not say what the tank weighs, nor the filter\'s "600 л/ч" its power', () => {
    expect(findAnswer(index, { question: 'сколько весит аквариум', listing }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'фильтр какой мощности', listing }).status).toBe('NOT_FOUND');
  });
});

describe('a paragraph opening with its topic and a dash', () => {
  const shop = (id: number, text: string): Passage => ({ id, document: 'o-magazine.md', title: 'Рыболовный магазин', headings: ['Что еще делаем'], text, position: id });
  const index = buildPassageIndex([
    shop(0, 'Ремонт лодок ПВХ — вклейка заплаток от 800 р., замена клапана от 1 200 р., ремонт швов. Срок обычно 2-5 дней. Лодку привозите сухую.'),
    shop(1, 'Доставка — СДЭК и Почта, отправляем удилища и катушки, лодки не отправляем.'),
  ]);

  it('states its time in a later sentence: "лодку заклеить по времени скока займет"', () => {
    const answer = findAnswer(index, { question: 'лодку заклеить по времени скока займет?' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('2-5 дней');
  });
});
