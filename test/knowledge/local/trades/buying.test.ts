import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../../src/knowledge/local/answer.js';
import { buildPassageIndex } from '../../../../src/knowledge/local/search.js';
import { expectReadAlike, expectReadApart, passage } from '../../../helpers/trade-words.js';

describe('buying words', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      ['сдеком', 'СДЭК'],
      ['сдек', 'сдэком'],
      ['авитодоставкой', 'Авито'],
      ['почтовым', 'почтой'],
      ['постомат', 'постамат'],
      ['пастамата', 'постаматы'],
      ['курьерской', 'курьер'],
      ['курьеркой', 'курьером'],
      ['курером', 'курьер'],
      ['даставка', 'доставка'],
      ['самовывос', 'самовывоз'],
      ['самовызов', 'самовывозом'],
      ['трэк', 'трек'],
      ['доходит', 'срок'],
      ['дошла', 'сроки'],
      ['пару деньков', 'пару дней'],
      ['часик', 'час'],
      ['недельку', 'неделя'],
      ['на выхах', 'в выходные'],
      ['кэшем', 'наличными'],
      ['наликами', 'наличные'],
      ['карточкой', 'картой'],
      ['аплата', 'оплата'],
      ['перевожу', 'переводом'],
      ['расрочка', 'рассрочка'],
      ['предаплата', 'предоплата'],
      ['скидос', 'скидка'],
      ['сбросите', 'торг'],
      ['подешевле', 'дешевая'],
      ['дешевле', 'дешевый'],
      ['недорого', 'дешево'],
      ['дороговато', 'дороже'],
      ['доплачу', 'доплата'],
      ['доплачиваете', 'доплатой'],
      ['комса', 'комиссия'],
      ['отзыв', 'отзывы'],
      ['уценённый', 'уценка'],
      ['закажу', 'под заказ'],
      ['заказать', 'заказ'],
      ['по предзаказу', 'заказ'],
      ['кончились', 'в наличии'],
      ['новенький', 'новый'],
      ['нулёвый', 'новое'],
      ['бэушка', 'б/у'],
      ['ношеный', 'б/у'],
      ['пользованный', 'бу'],
      ['реплику', 'оригинал'],
      ['подлинник', 'оригинальный'],
      ['оригенал', 'оригинал'],
      ['оргинал', 'оригинальная'],
      ['горантия', 'гарантия'],
      ['вазврат', 'возврат'],
      ['откажусь', 'отказ'],
      ['отказываетесь', 'отказе'],
      ['вскрою', 'вскрытие'],
      ['распаковать', 'вскрыть'],
      ['невскрытый', 'запечатанный'],
      ['созвонимся', 'звоните'],
      ['позвоню', 'звонит'],
      ['сколотый', 'сколы'],
      ['помятый', 'без вмятин'],
      ['чекнуть', 'проверка'],
      ['бартер', 'обмен'],
      ['лицуха', 'лицензия'],
      ['ссылочку', 'ссылку'],
    ];
    expectReadAlike(pairs);
  });

  it('keep apart words that look alike but mean other things', () => {
    const pairs: Array<[string, string]> = [
      // A bicycle's bell is not a call.
      ['звонок', 'позвоню'],
      // Income, the way to the shop: not a parcel's time on the road.
      ['доход', 'доходит'],
      ['доехать', 'доходит'],
      // A road is not expensive.
      ['дорога', 'дорого'],
      ['по дороге', 'дороже'],
      // A reset of settings is not a discount.
      ['сброс', 'сбросите'],
      // A company's details card is not paying by card.
      ['карточку предприятия', 'картой'],
      // A brake that failed is a breakdown, not a refused parcel.
      ['отказал', 'откажусь'],
      // Finishing courses is not the stock running out.
      ['закончила', 'кончились'],
      // Wearing and using are not second-hand.
      ['для ношения', 'ношеный'],
      ['пользоваться', 'б/у'],
      // "Не вскрывался" asks whether it was opened; the sealed one is phones.ts's own word.
      ['распаковать', 'запечатан'],
      // Mint is not a dent, a receipt is not checking.
      ['мятный', 'помятый'],
      ['чек', 'чекнуть'],
    ];
    expectReadApart(pairs);
  });

  it('answer a question asked in slang from the passage written in the seller\'s words', () => {
    const index = buildPassageIndex([
      passage(0, 'Отправляем СДЭК и Почтой России, трек-номер присылаем в день отправки.'),
      passage(1, 'Оплата наличными при самовывозе или переводом на карту Сбербанка.'),
      passage(2, 'Состояние: новый, запечатанный, с чеком и гарантийным талоном.'),
      passage(3, 'Рассрочка через Тинькофф на 6 месяцев без переплаты.'),
      passage(4, 'Все духи оригинальные, закупаем у официального дистрибьютора.'),
      passage(5, 'Если откажетесь от получения в пункте выдачи, деньги вернутся автоматически.'),
    ]);
    expect(findAnswer(index, { question: 'сдеком отправите?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('СДЭК') });
    expect(findAnswer(index, { question: 'кэшем оплачу при самовывозе' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('наличными') });
    expect(findAnswer(index, { question: 'расрочка есть?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('Рассрочка') });
    expect(findAnswer(index, { question: 'духи не реплика?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('оригинальные') });
    expect(findAnswer(index, { question: 'а если откажусь на пвз?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('откажетесь') });
    expect(findAnswer(index, { question: 'состояние невскрытый?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('запечатанный') });
  });

  it('answer no question of another meaning from a passage that only looks alike', () => {
    const index = buildPassageIndex([
      passage(0, 'Звоните с 10 до 19, в выходные пишите в чат.'),
      passage(1, 'Доставка по городу 300 ₽, самовывоз бесплатно.'),
    ]);
    for (const question of ['звонок на руль есть?', 'как доехать до вас от дороги?']) {
      expect(findAnswer(index, { question }), question).toMatchObject({ status: 'NOT_FOUND' });
    }
  });
});
