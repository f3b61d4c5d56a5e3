import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

function ask(passages: Passage[], question: string, listing?: { id: number; title: string }) {
  return findAnswer(buildPassageIndex(passages), { question, ...(listing === undefined ? {} : { listing }) });
}

describe('an amount the question names', () => {
  const mixes = [passage(0, '• Фасовка: мешок 30 кг\n• Цена: 560 ₽/мешок\n• Слой: 5–50 мм за один проход', { document: 'smesi.md', title: 'Сухие смеси' })];

  it('is not answered by a passage stating that unit only with other amounts', () => {
    expect(ask(mixes, 'в мешках по 5 кг есть?').status).toBe('NOT_FOUND');
  });

  it('is answered where the passage states it, alone or within a range', () => {
    expect(ask(mixes, 'в мешках по 30 кг есть?').status).toBe('FOUND');
    expect(ask(mixes, 'слой 20 мм за один проход можно?').status).toBe('FOUND');
  });
});

describe('a brand the question names', () => {
  const listing = { id: 7, title: 'Колодки передние Brembo' };
  const pads = [
    passage(0, 'Brembo идут с датчиком износа (пищалка на одной колодке из четырёх), противоскрипные пластины уже наклеены. Akebono — японские, керамика, пылят меньше.', {
      itemId: 7,
      document: 'item-7-kolodki.md',
      title: 'Колодки передние Brembo',
      headings: ['Про колодки'],
    }),
  ];

  it('is not answered by a sentence about another brand of the same passage', () => {
    expect(ask(pads, 'у брембо колодки керамика?', listing).status).toBe('NOT_FOUND');
    expect(ask(pads, 'акебоно тоже с пищалкой?', listing).status).toBe('NOT_FOUND');
  });

  it('carries to a part of the message that names no brand', () => {
    expect(ask(pads, 'акебоно тоже с пищалкой? противоскрипные пластины на них есть', listing).status).toBe('NOT_FOUND');
  });

  it('carries back only: a part before the name asks a question of its own', () => {
    const phone = { id: 8, title: 'Смартфон Samsung Galaxy S23' };
    const specs = [
      passage(0, 'Батарея родная. Samsung Members пишет «Нормальное», AccuBattery показывает 92 процента ёмкости.', { itemId: 8, document: 'item-8-s23.md' }),
      passage(1, 'NFC работает, оплата телефоном настраивается без проблем.', { itemId: 8, document: 'item-8-s23.md', position: 1 }),
    ];
    const answer = ask(specs, 'батарея сколько процентов? nfc есть', phone);
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('92 процента') });
    expect(answer.text).toContain('NFC работает');
  });

  it('is answered by the sentence about it', () => {
    expect(ask(pads, 'у акебоно колодки керамика?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('керамика') });
    expect(ask(pads, 'брембо с пищалкой?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('пищалка') });
  });
});

describe('what "сколько <unit>" and "из чего" ask for', () => {
  const engine = { document: 'dvigatel.md', title: 'ДВС G4FC', headings: ['Двигатель контрактный G4FC 1.6 л'] };

  it('needs a number of that unit in the passage, not in its heading', () => {
    const oil = [passage(0, 'Перед установкой масло, фильтр и свечи менять обязательно.', engine)];
    expect(ask(oil, 'какое масло заливать посоветуете и сколько литров').status).toBe('NOT_FOUND');
    const stated = [passage(0, 'Масло: 5W-30, в двигатель входит 3,3 л.', engine)];
    expect(ask(stated, 'какое масло заливать посоветуете и сколько литров')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('3,3 л') });
  });

  it('needs a material for "из чего"', () => {
    const row = 'Наименование: Шарф крупной вязки; Цвет: серый/молочный; Цена, ₽: 1 200';
    expect(ask([passage(0, row, { document: 'prays.csv' })], 'шарф крупной вязки из чего?').status).toBe('NOT_FOUND');
    const described = [passage(0, `${row}; Состав: 50% шерсть, 50% акрил`, { document: 'prays.csv' })];
    expect(ask(described, 'шарф крупной вязки из чего?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('шерсть') });
  });
});

describe('a one-word section the question names', () => {
  const delivery = [
    passage(0, 'Можно оформить с примеркой в пункте выдачи.', { document: 'dostavka.md', title: 'Доставка', headings: ['СДЭК'] }),
    passage(1, 'Отправляю первым классом, трек-номер присылаю сюда в чат в день отправки. Дольше, чем СДЭК, зато есть в любом посёлке.', {
      document: 'dostavka.md',
      title: 'Доставка',
      headings: ['Почта России'],
      position: 1,
    }),
  ];

  it('is not answered from another section that mentions it in passing', () => {
    expect(ask(delivery, 'сдэком если отправите трек когда пришлете?').status).toBe('NOT_FOUND');
  });

  it('leaves the other sections answering what they are about', () => {
    expect(ask(delivery, 'почтой если отправите трек когда пришлете?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('трек-номер') });
  });
});

describe('the second alternative of "X или Y"', () => {
  const overall = [
    passage(0, 'Ткань верха: 100% полиэстер с водоотталкивающей пропиткой', { itemId: 3, document: 'item-3.json', title: 'Комбинезон детский зимний' }),
    passage(1, 'Капюшон: съёмный, на кнопках, утеплён тем же синтепоном', { itemId: 3, document: 'item-3.json', title: 'Комбинезон детский зимний', position: 1 }),
  ];
  const listing = { id: 3, title: 'Комбинезон детский зимний' };

  it('is asked of the first alternative\'s subject', () => {
    const bare = overall.slice(0, 1);
    expect(ask(bare, 'капюшон тоже утепленный или просто ткань?', listing).status).toBe('NOT_FOUND');
  });

  it('is answered where that subject is named', () => {
    expect(ask(overall, 'капюшон тоже утепленный или просто ткань?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('Капюшон') });
  });
});

describe('how much or how many asked of one word', () => {
  const listing = { id: 9, title: 'Холодильник Атлант б/у' };
  const fridge = [
    passage(0, 'Состояние: корпус без вмятин. Одна полочка на двери с отколотым уголком, пользоваться можно.', { itemId: 9, document: 'item-9-atlant.txt' }),
    passage(1, 'Доставка по городу 500 р, подъём на этаж отдельно.', { document: 'dostavka.md' }),
  ];

  it('is not answered by a statement of that word holding no number', () => {
    expect(ask(fridge, 'скока им пользовались до вас?', listing).status).toBe('NOT_FOUND');
  });

  it('is answered by one holding a number, or an amount in words', () => {
    const used = [passage(0, 'Пользовались им 3 года, на даче.', { itemId: 9, document: 'item-9-atlant.txt' })];
    expect(ask(used, 'скока им пользовались до вас?', listing).status).toBe('FOUND');
    const words = [passage(0, 'Пользовались пару лет, на даче.', { itemId: 9, document: 'item-9-atlant.txt' })];
    expect(ask(words, 'скока им пользовались до вас?', listing).status).toBe('FOUND');
  });

  it('leaves the other question of the sentence alone', () => {
    const files = [
      passage(0, 'Фото и документы копируем перед переустановкой и возвращаем на место.', { itemId: 9, document: 'item-9-windows.json' }),
      passage(1, 'Сроки: Windows с драйверами 2–3 часа.', { itemId: 9, document: 'item-9-windows.json' }),
    ];
    expect(ask(files, 'фото не пропадут после переустановки и скока по времени займет?', listing).text).toContain('копируем');
  });
});

describe('a year or a maker asked', () => {
  const listing = { id: 11, title: 'Автокресло Britax' };
  const seat = (text: string) => [passage(0, text, { itemId: 11, document: 'item-11-kreslo.md' })];

  it('is answered by a year, not by a number of years', () => {
    expect(ask(seat('Ездили около 2 лет, в ДТП не было, корпус без трещин.'), 'кресло какого года выпуска', listing).status).toBe('NOT_FOUND');
    expect(ask(seat('Год выпуска 2019, ездили около 2 лет.'), 'кресло какого года выпуска', listing).status).toBe('FOUND');
  });

  it('is answered by a name, not by a sentence about "the maker"', () => {
    const sheets = { id: 12, title: 'Поликарбонат сотовый 4 мм' };
    const doc = (text: string) => [passage(0, text, { itemId: 12, document: 'item-12-polikarbonat.md' })];
    expect(ask(doc('Производитель дает гарантию 10 лет на сохранение свойств.'), 'какой фирмы поликарбонат?', sheets).status).toBe('NOT_FOUND');
    expect(ask(doc('Производитель — завод «Кронос», гарантия 10 лет.'), 'какой фирмы поликарбонат?', sheets).status).toBe('FOUND');
    expect(ask(doc('Производитель Россия, гарантия 10 лет.'), 'кто производитель?', sheets).status).toBe('FOUND');
  });
});

describe("the buyer's own area, priced by a rate", () => {
  const listing = { id: 13, title: 'Уборка после ремонта' };
  const prices = [passage(0, 'Цены: после косметического ремонта — 160 руб/м2, после капитального — 200 руб/м2.', { itemId: 13, document: 'item-13-uborka.txt' })];

  it('is answered by the rate per that unit', () => {
    const answer = ask(prices, 'после капитального ремонта 45м скок будет', listing);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('200 руб/м2');
  });

  it('is not answered by a passage stating other amounts and no rate', () => {
    const sizes = [passage(0, 'Ковры чистим размером до 3 м, дорожки до 10 м.', { itemId: 13, document: 'item-13-uborka.txt' })];
    expect(ask(sizes, 'ковер 45м почистите?', listing).status).toBe('NOT_FOUND');
  });
});

describe('an adjective closing a yes-or-no question', () => {
  const catalogue = [
    passage(0, 'Бренд: Beauty of Joseon; Наименование: Крем Relief Sun SPF 50; Объём: 50 мл; Цена: 1 290', { document: 'katalog.csv' }),
    passage(1, 'Бренд: Round Lab; Наименование: Крем Birch Sun, водостойкий, SPF 45; Цена: 1 590', { document: 'katalog.csv' }),
  ];

  it('is asked: a passage naming everything else and not it does not answer', () => {
    expect(ask(catalogue, 'joseon relief sun водостойкий?').status).toBe('NOT_FOUND');
  });

  it('is answered where the passage states it', () => {
    expect(ask(catalogue, 'round lab birch sun водостойкий?').status).toBe('FOUND');
  });
});
