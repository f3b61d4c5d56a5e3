import { describe, expect, it } from 'vitest';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';
import { expectAnswered, expectNotAnswered, expectReadAlike, expectReadApart, passage } from '../../helpers/trade-words.js';

describe('fishing tackle and boat words', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    expectReadAlike([
      ['крыльчатка', 'импеллер'],
      ['крыльчатку', 'импелер'],
      ['проветривание', 'вентиляция'],
      ['проветривать', 'вентиляцию'],
    ]);
    // People counted by a collective numeral and by who they are are one capacity; the nominative counts anything.
    expect(extractTerms('на троих')).toEqual(extractTerms('сколько человек'));
    expect(extractTerms('Вместимость: 2-3 рыбака')).toContain('персон');
    expect(extractTerms('трое суток')).not.toContain('персон');
    // The petrol grade names petrol: "АИ-92" holds what "какой бенз" asks.
    expect(extractTerms('Топливо АИ-92')).toContain('бензин');
  });

  describe('asked of the listing', () => {
    const shop = useKnowledgeFolder({
      'item-7-lodka.md':
        '# Лодка ПВХ с мотором\n\nTohatsu M 9.8 B S — двухтактный, короткая нога (S), стартер ручной. Бак выносной 12 л. ' +
        'Топливо АИ-92 с маслом 1:50.\nВ октябре прошел ТО у нас: заменили свечи, импеллер, масло в редукторе.\n\n' +
        'Палатка в подарок. Вентиляция: 4 клапана, можно с газовой горелкой или теплообменником.\n\n' +
        'Палатка: вместимость 2-3 рыбака, вес 11,5 кг.',
    });
    const listing = { id: 7, title: 'Лодка ПВХ с мотором' };

    it.each([
      ['какой бенз заливать', 'АИ-92'],
      ['крыльчатку меняли?', 'импеллер'],
      ['проветривание есть', '4 клапана'],
      ['на троих норм будет?', '2-3 рыбака'],
    ])('answers "%s" from the passage written in the trade\'s words', async (question, fragment) => {
      const answer = await shop.ask(question, listing);
      expect(answer.status).toBe('FOUND');
      expect(answer.text).toContain(fragment);
    });
  });
});

describe('musical instrument words', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    expectReadAlike([
      ['мощные', 'мощность'],
      ['мощный', 'мощность'],
      ['косяки', 'дефекты'],
      ['косячки', 'дефекты'],
      ['нюансы', 'дефекты'],
    ]);
  });

  it('keep a comparison apart from the watts: "помощнее" compares, it asks no power', () => {
    expectReadApart([['помощнее', 'мощность']]);
  });

  it('answer a question asked in the buyer\'s words from the passage written in the trade\'s', () => {
    const index = buildPassageIndex([
      passage(0, 'Встроенные динамики 2 × 8 Вт, 2 выхода на наушники.'),
      passage(1, 'Честно пишу все нюансы: потертости на задней деке, скол лака около 2 мм на нижнем роге.'),
    ]);
    expectAnswered(index, [
      ['динамики там мощные?', '8 Вт'],
      ['какие косяки есть, сколы трещины?', 'скол лака'],
    ]);
  });
});

describe('phrases read as the documents write them', () => {
  it('reads a number said in thousands as the digits ("3 тыщи" is "3 000")', () => {
    expect(extractTerms('на 3 тыщи')).toEqual(extractTerms('на 3000'));
    expect(extractTerms('залог 10 тыс')).toEqual(extractTerms('залог 10 000'));
    expect(extractTerms('5 тысяч')).toEqual(extractTerms('5 000'));
  });

  it('reads "полом" as the floor, never as a breakdown', () => {
    expect(extractTerms('с полом')).toEqual(extractTerms('пол'));
    expect(extractTerms('с полом')).not.toEqual(extractTerms('поломка'));
  });

  it('reads "во сколько встанет" as a price, "встанет" alone as whether a part fits', () => {
    expect(extractTerms('во сколько встанет')).toEqual(extractTerms('цена'));
    expect(extractTerms('встанет на мою машину')).not.toContain('цена');
  });

  it('reads every form of "скинуть" beside a video or a photo as sending it, not as a discount', () => {
    expect(extractTerms('можете скинуть видос')).toEqual(extractTerms('видео'));
    expect(extractTerms('скинете фото?')).toEqual(extractTerms('фото'));
    expect(extractTerms('скинете немного?')).toEqual(extractTerms('скидка'));
  });

  it('reads "идёт" beside the item\'s pronoun as what comes with it, not as a time', () => {
    expect(extractTerms('чехол к нему идет?')).toEqual(extractTerms('чехол'));
    expect(extractTerms('с ней идут ключи?')).toEqual(extractTerms('ключи'));
    expect(extractTerms('сколько идет доставка')).toContain('срок');
  });

  it('drops the verb of filling beside the fuel it names', () => {
    expect(extractTerms('какой бензин заливать')).toEqual(extractTerms('бензин'));
    expect(extractTerms('чем заправлять, какое топливо')).toEqual(extractTerms('топливо'));
    expect(extractTerms('полы заливаете?')).not.toEqual(extractTerms('полы'));
  });

  it('answers these phrases from the passages that state them', () => {
    const index = buildPassageIndex([
      passage(0, 'Пол в комплекте нет. Скидка: палатка + пол вместе 16 900 руб.'),
      passage(1, 'Подарочные сертификаты есть, на 1000, 3000 и 5000 р. Действуют 6 месяцев.'),
      passage(2, 'Можем показать работу прямо в магазине. По видео тоже можем показать, пишите в чат.'),
    ]);
    expectAnswered(index, [
      ['с полом вместе во сколько встанет', '16 900'],
      ['а подарочный сертификат на 3 тыщи у вас есть', '3000'],
      ['можете скинуть видос как он работает', 'По видео'],
    ]);
    expectNotAnswered(index, ['сертификат на 2 тыщи есть?']);
  });
});

describe('pet food by weight', () => {
  it('reads putting food into a bag as the listing\'s "фасуем"', () => {
    expectReadAlike([
      ['насыпаете', 'фасуем'],
      ['отсыплете', 'фасуем'],
      ['расфасовка', 'фасуем'],
    ]);
    const index = buildPassageIndex([
      passage(0, 'Фасуем при вас в зип-пакет (или в вашу тару, если принесёте, контейнер тоже можно).'),
      passage(1, 'Мешок вскрываем при первой продаже, на каждый пакет клеим дату вскрытия.'),
    ]);
    expectAnswered(index, [['насыпаете во что?', 'зип-пакет']]);
  });
});
