import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../../src/knowledge/local/terms.js';

function passage(id: number, text: string): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id };
}

describe('pet supplies words', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      ['покормить', 'корм'],
      ['кормлю', 'корма'],
      ['скормить', 'кормом'],
      ['влажку', 'влажный'],
      ['вразвес', 'развес'],
      ['развесной', 'на развес'],
      ['наполнитиль', 'наполнитель'],
      ['силикогелевый', 'силикагель'],
      ['бентонитовый', 'бентонит'],
      ['комочками', 'комки'],
      ['лоточек', 'лоток'],
      ['совочек', 'совок'],
      ['когтедралку', 'когтеточка'],
      ['лежанку', 'лежак'],
      ['поводочек', 'поводок'],
      ['с переноской', 'в переноске'],
      ['переносочку', 'переноски'],
      ['защелки', 'задвижки'],
      ['акварик', 'аквариумы'],
      ['аквариумный', 'аквариум'],
      ['градусник', 'термометр'],
      ['тумбочку', 'тумба'],
      ['запустите', 'запуск'],
      ['кота', 'кошки'],
      ['котику', 'кошек'],
      ['кошачий', 'кошка'],
      ['котенку', 'котят'],
      ['котята', 'Kitten'],
      ['щенятам', 'щенков'],
      ['puppy', 'щенок'],
      ['пёселя', 'собаки'],
      ['пса', 'собак'],
      ['собачьего', 'собака'],
      ['рыбок', 'рыбы'],
      ['хомячка', 'хомяк'],
      ['волнистика', 'попугаев'],
      ['шиншилу', 'шиншиллы'],
      ['крыске', 'крысы'],
      ['крольчонка', 'кролика'],
      ['черепашке', 'черепаха'],
      ['питомца', 'животных'],
      ['кастрированного', 'стерилизованных'],
      ['стерилок', 'Sterilised'],
      ['вкусняшки', 'лакомства'],
      ['мкб', 'мочекаменка'],
      ['ветеринарке', 'ветеринару'],
      ['вет', 'ветеринарные'],
      ['заплесневел', 'плесень'],
      ['воняет', 'запах'],
      ['побьется', 'бьются'],
      ['подтекает', 'протечку'],
      ['выдержит', 'выдерживает'],
      ['складная', 'складывается'],
      ['намокнет', 'намокании'],
      ['смыть', 'смывается'],
      ['взвесите', 'перевесить'],
      ['зоогостиница', 'передержку'],
      ['проплан', 'Plan'],
    ];
    for (const [buyer, seller] of pairs) expect(extractTerms(buyer), buyer).toEqual(extractTerms(seller));
  });

  it('keep apart words that look alike but mean other things', () => {
    const pairs: Array<[string, string]> = [
      ['кормушка', 'корм'],
      ['подкормка', 'корм'],
      ['перед едой', 'корм'],
      ['развесистый', 'развес'],
      ['наполнить', 'наполнитель'],
      ['лоточник', 'лоток'],
      ['который', 'кот'],
      ['котиковая', 'котик'],
      ['котята', 'кошки'],
      ['щенная', 'щенок'],
      ['песок', 'пёс'],
      ['собачка', 'собака'],
      ['волнистые', 'волнистик'],
      ['зверь', 'зверёк'],
      ['стерильная', 'стерилизованная'],
      ['кастрюля', 'кастрированный'],
      ['ветка', 'вет'],
      ['ветивер', 'ветеринар'],
      ['подтёки', 'подтекает'],
      ['выдержка', 'выдержит'],
      ['склад', 'складная'],
      ['смыл', 'смыть'],
      ['взвешенный', 'взвесить'],
      ['перевес', 'перевесить'],
      ['бьют', 'бьются'],
      ['банка', 'аквариум'],
      ['защелкивается', 'защелка'],
      ['плеснуть', 'плесень'],
      ['складывать', 'складная'],
    ];
    for (const [one, other] of pairs) expect(extractTerms(one), one).not.toEqual(extractTerms(other));
  });

  it('answer a question asked in slang from the passage written in the trade\'s words', () => {
    const index = buildPassageIndex([
      passage(0, 'Корма для котят и щенков на развес нет, только в заводской упаковке (Pro Plan Kitten 400 г — 690 р).'),
      passage(1, 'Тофу N1 Naturel, 6 л — 690 р. Комкующийся, лёгкий, смывается в унитаз.'),
      passage(2, 'В комплекте аквариума: фильтр, нагреватель, термометр на присоске, сачок.'),
      passage(3, 'Pro Plan Sterilised для стерилизованных кошек, индейка — 1 450 ₽ за 1 кг.'),
      passage(4, 'Доставка по городу 250 ₽, самовывоз бесплатно.'),
    ]);
    expect(findAnswer(index, { question: 'для щенят развесной есть?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('на развес нет') });
    expect(findAnswer(index, { question: 'а в унитаз его смыть можно?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('смывается в унитаз') });
    expect(findAnswer(index, { question: 'градусник в комплекте есть?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('термометр') });
    expect(findAnswer(index, { question: 'проплан для кастрированного кота почем?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('1 450') });
  });

  it('answer no question of another meaning from a passage that only looks alike', () => {
    const index = buildPassageIndex([
      passage(0, 'Корма для котят и щенков на развес нет, только в заводской упаковке (Pro Plan Kitten 400 г — 690 р).'),
      passage(1, 'Клетка складывается чемоданом за минуту, без инструментов.'),
      passage(2, 'Доставка по городу 250 ₽, самовывоз бесплатно.'),
    ]);
    // A grown cat is not a kitten: Snowball alone reads "котят" as "кот".
    for (const question of ['кот у меня, на развес для него есть?', 'кормушка для котят есть?', 'где ваш склад?']) {
      expect(findAnswer(index, { question }), question).toMatchObject({ status: 'NOT_FOUND' });
    }
  });
});
