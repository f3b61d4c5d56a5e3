import { describe, it } from 'vitest';
import { buildPassageIndex } from '../../../../src/knowledge/local/search.js';
import { expectAnswered, expectNotAnswered, expectReadAlike, expectReadApart, passage } from '../../../helpers/trade-words.js';

describe('buyers\' predicates', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      ['простоит', 'хранится'],
      ['полежит', 'хранение'],
      ['пролежат', 'хранения'],
      ['навернется', 'поломка'],
      ['гикнулся', 'сломался'],
      ['откажет', 'поломки'],
      ['развалится', 'сломается'],
      ['помрет', 'неисправен'],
      ['меняли', 'заменили'],
      ['менялся', 'заменён'],
      ['менял', 'заменена'],
    ];
    expectReadAlike(pairs);
  });

  it('keep apart words that look alike but mean other things', () => {
    const pairs: Array<[string, string]> = [
      ['простоя', 'простоит'],
      ['полетит', 'поломка'],
      ['отказали', 'поломка'],
      ['крякнет', 'поломка'],
      ['замена', 'заменили'],
      ['поменять', 'заменили'],
      ['менять', 'меняли'],
    ];
    expectReadApart(pairs);
  });

  it('answer a question asked with the buyer\'s verb from the passage written in the seller\'s', () => {
    const index = buildPassageIndex([
      passage(0, 'Что сделали у нас в мастерской: химчистка, заменили передний правый подшипник (шумел).'),
      passage(1, 'Хранение: в холодильнике до 5 суток.', { position: 1 }),
      passage(2, 'Ремонт: замена колес и подшипников — от 500 ₽, замена термопрокладок — от 700 ₽.', { position: 2 }),
    ]);
    expectAnswered(index, [
      ['подшипник меняли?', 'передний правый'],
      ['сколько простоит в холодильнике?', 'до 5 суток'],
    ]);
  });

  it('answer no question of what was done to the item from a service offered', () => {
    const index = buildPassageIndex([passage(0, 'Ремонт: замена колес — от 500 ₽, замена термопрокладок — от 700 ₽.')]);
    expectNotAnswered(index, ['термопрокладки меняли?']);
  });
});
