import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { holdsAmountIn, isSameDimension, listSameDimension } from '../../../src/knowledge/local/unit-dimensions.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: `doc-${id}.md`, title: '', headings: [], text, position: id, ...extra };
}

function ask(passages: Passage[], question: string) {
  return findAnswer(buildPassageIndex(passages), { question });
}

const plaster = [
  passage(0, 'Штукатурка гипсовая. Фасовка: мешок 30 кг. Цена: 560 ₽/мешок.', { title: 'Штукатурка' }),
  passage(1, 'Расход штукатурки: около 8,5 кг на 1 м² при слое 10 мм.', { title: 'Штукатурка' }),
];
const tea = [passage(0, 'Чай зелёный, пачка 500 г — 450 ₽.'), passage(1, 'Доставка по городу 300 ₽.')];
const water = [passage(0, 'Вода в бутылках 1,5 л — 60 ₽ и 5 л — 150 ₽.'), passage(1, 'Доставка по городу 300 ₽.')];

describe('units of one dimension', () => {
  it('lists the other units of a dimension, none for other terms', () => {
    expect(listSameDimension('см')).toEqual(['мм', 'метр']);
    expect(listSameDimension('км')).toEqual([]);
    expect(listSameDimension('руб')).toEqual([]);
    expect(isSameDimension('гб', 'тб')).toBe(true);
    expect(isSameDimension('кг', 'литр')).toBe(false);
  });

  it('converts an amount into the unit a passage states it in', () => {
    expect(holdsAmountIn({ from: 10, to: 10, unit: 'мм' }, 1, 'см')).toBe(true);
    expect(holdsAmountIn({ from: 5, to: 50, unit: 'мм' }, 4, 'см')).toBe(true);
    expect(holdsAmountIn({ from: 1500, to: 1500, unit: 'мл' }, 1.5, 'литр')).toBe(true);
    expect(holdsAmountIn({ from: 0.5, to: 0.5, unit: 'тб' }, 512, 'гб')).toBe(true);
    expect(holdsAmountIn({ from: 1, to: 1, unit: 'квт' }, 1200, 'ватт')).toBe(false);
    expect(holdsAmountIn({ from: 10, to: 10, unit: 'мм' }, 1, 'кг')).toBe(false);
  });

  it('does not read a limit in another unit ("до 1,5 т") as holding the buyer\'s small amount', () => {
    expect(holdsAmountIn({ from: 0, to: 1.5, unit: 'тонн' }, 5, 'кг')).toBe(false);
  });
});

describe('a question in one unit, a passage in another', () => {
  it('answers "слой сантиметр" from a passage stating the layer in millimetres', () => {
    const answer = ask(plaster, 'слой сантиметр сколько уходит');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('при слое 10 мм');
  });

  it('answers an amount the passage states in a smaller unit', () => {
    expect(ask(tea, 'чай пачками по 0.5 кг есть?').text).toContain('пачка 500 г');
    expect(ask(water, 'вода 1500 мл почем').text).toContain('1,5 л');
  });

  it('does not answer an amount no stated one converts to', () => {
    expect(ask(tea, 'чай пачками по 0.7 кг есть?').status).toBe('NOT_FOUND');
    expect(ask(water, 'вода 1000 мл почем').status).toBe('NOT_FOUND');
    expect(ask(plaster, 'какой расход если слой 2 см').status).toBe('NOT_FOUND');
  });
});
