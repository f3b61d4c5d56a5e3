import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import { createClippedFinder } from '../../../src/knowledge/local/clipped-words.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string): Passage {
  return { id, document: `doc-${id}.md`, title: '', headings: [], text, position: id };
}

function ask(passages: Passage[], question: string) {
  return findAnswer(buildPassageIndex(passages), { question });
}

describe('a clipped word the documents never use', () => {
  const laptop = [
    passage(0, 'Характеристики ноутбука. Клавиатура с подсветкой, сканер отпечатка пальца в кнопке питания.'),
    passage(1, 'Доставка по городу курьером, 300 ₽.'),
  ];

  it('is found in a sentence that states everything else asked', () => {
    const answer = ask(laptop, 'клава с подсветкой?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Клавиатура с подсветкой');
  });

  it('is not found where the word it clips stands apart from the rest', () => {
    const apart = [passage(0, 'Клавиатура русская, без гравировки. Корпус алюминиевый, с подсветкой логотипа.')];
    expect(ask(apart, 'клава с подсветкой?').status).toBe('NOT_FOUND');
  });
});

describe('createClippedFinder', () => {
  const reading = { knows: (term: string) => term === 'размер', weak: () => false, termsOf: extractTerms };
  const growth = passage(0, 'Совет по размеру: если ребёнок быстро растёт, берите по росту, не больше чем на размер.');

  it('reads a word under a prefix by what is left of it', () => {
    expect(createClippedFinder(['вырост', 'размер'], reading)?.(['размер'], growth)).toEqual(['вырост']);
  });

  it('needs a start of at least four letters and a matched word beside it', () => {
    expect(createClippedFinder(['рас', 'размер'], reading)?.(['размер'], growth) ?? []).toEqual([]);
    expect(createClippedFinder(['вырост'], reading)?.([], growth)).toEqual([]);
    expect(createClippedFinder(['рас'], reading)).toBeUndefined();
  });
});

describe('a word the seller shortened with a dot', () => {
  const wheels = [passage(0, 'Вылет ET — 45 мм. Центр. отверстие DIA — 67,1. Макс. нагрузка — 690 кг.'), passage(1, 'Колпачок центральный с логотипом в комплекте.')];

  it('answers the whole word where the sentence states everything else asked', () => {
    const hole = ask(wheels, 'центральное отверстие какое');
    expect(hole.status).toBe('FOUND');
    expect(hole.text).toContain('67,1');
    expect(ask(wheels, 'максимальная нагрузка какая').text).toContain('690 кг');
  });

  it('is not read from the end of a sentence written in a hurry, nor where the rest stands apart', () => {
    const reading = { knows: () => true, weak: () => false, termsOf: extractTerms };
    const hurried = passage(0, 'Доставка бесплатно. дальше по тарифу');
    expect(createClippedFinder(['бесплатной', 'доставк'], reading)?.(['доставк'], hurried) ?? []).toEqual([]);
    const apart = [passage(0, 'Центр. отделение на Ленина, 5.'), passage(1, 'Отверстие под кронштейн сверлим бесплатно.')];
    expect(ask(apart, 'центральное отверстие какое').status).toBe('NOT_FOUND');
  });
});

describe('a known word that starts a longer one beside the rest', () => {
  const wheels = [passage(0, 'Колпачок центральный с логотипом идёт в комплекте с каждым диском.'), passage(1, 'Центр города, парковка у входа.')];

  it('is found in the sentence that states everything else asked ("по центру": "центральный")', () => {
    const answer = ask(wheels, 'колпачки по центру есть на них');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Колпачок центральный');
  });

  it('is not found where the rest of the question stands apart', () => {
    expect(ask([passage(0, 'Колпачок в комплекте.'), passage(1, 'Стоим в центральном районе.')], 'колпачки по центру есть на них').status).toBe('NOT_FOUND');
  });
});
