import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { readAskedSizes, statesAskedSize } from '../../../src/knowledge/local/sibling-values.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

function ask(passages: Passage[], question: string, listing?: { id: number; title: string }) {
  return findAnswer(buildPassageIndex(passages), { question, ...(listing === undefined ? {} : { listing }) });
}

describe('a size the question names', () => {
  const listing = { id: 2, title: 'Костюм худи + джоггеры' };
  const suit = [
    passage(0, 'Размеры: S, M, L, XL. Модель унисекс, посадка свободная.', { itemId: 2, document: 'item-2-kostyum.md', title: listing.title }),
    passage(1, 'Парень на фото рост 175 см, на нём M. Девушкам лучше на размер меньше.', { itemId: 2, document: 'item-2-kostyum.md', title: listing.title }),
    passage(2, 'Худи: капюшон двойной на шнурке, длина худи 70 см на размере M.', { itemId: 2, document: 'item-2-kostyum.md', title: listing.title }),
  ];

  it('is read from lone Latin letters and ranges, not from names like M.2', () => {
    expect(readAskedSizes('а длина худи на размере L скока см?')).toEqual([4]);
    expect(readAskedSizes('на 2XL есть?')).toEqual([6]);
    expect(readAskedSizes('ссд M.2 стоит?')).toEqual([]);
    expect(statesAskedSize(passage(0, 'Размеры S-XL в наличии'), [4])).toBe(true);
    expect(statesAskedSize(passage(0, 'длина 70 см на размере M'), [4])).toBe(false);
    expect(statesAskedSize(passage(0, 'длина 70 см'), [4])).toBe(true);
  });

  it('is not answered by the fact stated for a sibling size, nor by a passage with the unit but nothing it measures', () => {
    expect(ask(suit, 'а длина худи на размере L скока см?', listing).status).toBe('NOT_FOUND');
  });

  it('is answered where the passage states it', () => {
    expect(ask(suit, 'а длина худи на размере M скока см?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('70 см') });
  });
});

describe('a noun phrase left bare by a verb the documents never use', () => {
  const listing = { id: 3, title: 'Ботинки женские зимние' };
  const boots = [passage(0, 'Подкладка — натуральный мех до самого носка, стелька тоже меховая. Каблук 4 см.', { itemId: 3, document: 'item-3-botinki.txt', title: listing.title })];

  it('asks what the verb says of it, which the passage does not state', () => {
    expect(ask(boots, 'стелька меховая вынимается чтоб посушить', listing).status).toBe('NOT_FOUND');
  });

  it('is answered when it is all the buyer asks', () => {
    expect(ask(boots, 'стелька меховая?', listing).status).toBe('FOUND');
  });
});

describe('a transport company named after "тк"', () => {
  const delivery = [passage(0, 'Авито Доставкой отправляем мелочь до 15 кг. Двигатели, коробки, диски и АКБ — только через ТК.', { document: 'dostavka.md', title: 'Доставка' })];

  it('is not answered by a passage about the shop own ТК when no document names it', () => {
    expect(ask(delivery, 'тк кит двигатель отправите? у нас в городе только кит').status).toBe('NOT_FOUND');
  });

  it('leaves "через тк" answered', () => {
    expect(ask(delivery, 'двигатель через тк отправите?').status).toBe('FOUND');
  });
});

describe('attribute words asked of the listing in a general document', () => {
  const listing = { id: 5, title: 'Диск тормозной передний' };
  const shop = [
    passage(0, 'Диски тормозные передние, новые, в коробке.', { itemId: 5, document: 'item-5-diski.md', title: listing.title }),
    passage(1, 'Авито Доставкой отправляем только колодки и прочую мелочь весом до 15 кг. Двигатели, коробки, диски и АКБ — только через ТК.', {
      document: 'dostavka.md',
      title: 'Доставка',
    }),
  ];

  it('need a sentence naming the product and stating the attribute', () => {
    expect(ask(shop, 'диск тормозной скока весит один', listing).status).toBe('NOT_FOUND');
  });

  it('are answered by a row that states both', () => {
    const list = [...shop, passage(2, 'Наименование: Диск тормозной передний; Вес: 7,2 кг; Цена: 4 100', { id: 2, document: 'prais.csv', title: 'Прайс' })];
    expect(ask(list, 'диск тормозной скока весит один', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('7,2 кг') });
  });
});

describe('an amount in the listing own unit', () => {
  const listing = { id: 6, title: 'Распив духов, отливант 5 мл / 10 мл, тестер 50 мл' };
  const returns = '• брак, протёкший или разбитый флакон, повреждение при доставке — пришлите фото. Заменю или верну стоимость полностью;\n• товар не вскрыт, целый — возврат в течение 14 дней.';
  const shop = [
    passage(0, 'Отливанты по 5 и 10 мл, стекло, атомайзер. Цена 900 ₽.', { itemId: 6, document: 'item-6-raspiv.md', title: listing.title }),
    passage(1, returns, { document: 'vozvrat.md', title: 'Возврат' }),
  ];

  it('is not answered by a passage stating neither the number nor any amount in that unit', () => {
    expect(ask(shop, 'а целый флакон 100 мл продадите почем', listing).status).toBe('NOT_FOUND');
  });

  it('is answered where the passage states the amount', () => {
    const bottle = passage(2, 'Целый флакон 100 мл — цена 21 000 ₽, под заказ.', { id: 2, itemId: 6, document: 'item-6-raspiv.md', title: listing.title });
    expect(ask([...shop, bottle], 'а целый флакон 100 мл продадите почем', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('21 000') });
  });
});

describe('a colour the question asks', () => {
  const listing = { id: 3, title: 'Бенто-торт' };
  const bento = [
    passage(0, 'В комплекте: коробка-ланчбокс, деревянная ложечка и свечка.', { itemId: 3, document: 'item-3-bento.md', title: listing.title }),
    passage(1, 'Крем: сливочный, цвет крема белый или голубой.', { itemId: 3, document: 'item-3-bento.md', title: listing.title }),
  ];

  it('is not answered by a passage naming the thing but no colour', () => {
    expect(ask(bento, 'ланчбокс какого цвета?', listing).status).toBe('NOT_FOUND');
    expect(ask(bento, 'ланчбокс розовый можно?', listing).status).toBe('NOT_FOUND');
  });

  it('is answered where the passage states colours', () => {
    expect(ask(bento, 'крем какого цвета бывает', listing).text).toContain('голубой');
  });
});

describe('a grade named by what it grades ("класс отжима")', () => {
  const WASHER = 5;
  const specs =
    '- Загрузка фронтальная, до 6 кг сухого белья\n- Отжим до 1200 об/мин (можно выставить 400 / 800)\n- 12 программ: хлопок, синтетика, шерсть\n- Класс энергопотребления А\n- Цвет белый';
  const index = buildPassageIndex([
    { id: 0, document: 'item-5-stiralka.md', itemId: WASHER, title: 'Стиральная машина Samsung', headings: ['Характеристики'], text: specs, position: 0 },
  ]);

  it('refuses a line on another grade beside a line naming the thing, and answers the grade stated with its thing', () => {
    expect(findAnswer(index, { question: 'класс отжима какой у нее', listing: { id: WASHER } }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'класс энергопотребления какой', listing: { id: WASHER } }).text).toContain('Класс энергопотребления А');
  });
});
