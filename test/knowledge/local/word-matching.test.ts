import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { createRootFamilies, listRoots } from '../../../src/knowledge/local/root-families.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { createTermResolver, findTransliterations, listSounds } from '../../../src/knowledge/local/term-resolver.js';
import { extractTerms, termOf, tokenizeWords } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

describe('verbs of one root under different prefixes', () => {
  const [unfastens] = extractTerms('отстёгивается');
  const [fastens] = extractTerms('пристёгивается');

  it('group the shop\'s terms by what is left once a prefix is taken off', () => {
    const families = createRootFamilies([fastens ?? '', 'капюшон']);
    expect(families.siblingsOf(unfastens ?? '')).toEqual([fastens]);
    expect(families.siblingsOf('капюшон')).toEqual([]);
  });

  it('leave short remainders and one-letter prefixes alone: "по|ставк" is not "до|ставк", "у|становк" not "о|становк"', () => {
    expect(listRoots('поставк')).toEqual(['поставк']);
    expect(listRoots('установк')).toEqual(['установк']);
    expect(createRootFamilies(['установк']).siblingsOf('остановк')).toEqual([]);
  });

  it('answer from the listing that uses the verb under another prefix, though another listing uses the buyer\'s own', () => {
    const index = buildPassageIndex([
      passage(0, 'Капюшон пристёгивается на кнопки.', { document: 'item-1.md', itemId: 1, title: 'Комбинезон детский' }),
      passage(1, 'Капюшон глубокий, не отстёгивается.', { document: 'item-2.md', itemId: 2, title: 'Пуховик женский', position: 0 }),
    ]);
    const answer = findAnswer(index, { question: 'капюшон отстегивается?', listing: { id: 1, title: 'Комбинезон детский' } });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['item-1.md'] });
    expect(answer.text).toContain('пристёгивается на кнопки');
  });

  it('are not consulted where a passage in scope holds the buyer\'s own word', () => {
    const index = buildPassageIndex([
      passage(0, 'Капюшон пристёгивается на кнопки.', { itemId: 1 }),
      passage(1, 'Капюшон отстёгивается, опушка снимается.', { itemId: 1, position: 1 }),
    ]);
    const hits = index.search(index.resolveText('капюшон отстегивается'), (candidate) => candidate.itemId === 1);
    expect(hits.map((hit) => [hit.passage.id, hit.coverage])).toEqual([
      [1, 1],
      [0, 0.5],
    ]);
  });
});

describe('abbreviations and series written with letters', () => {
  it('read a spec\'s Latin abbreviation as the word buyers use, alone or glued to its value', () => {
    expect(extractTerms('вылет какой')).toEqual(extractTerms('ET'));
    expect(extractTerms('7J x 17 ET40')).toEqual(expect.arrayContaining([...extractTerms('вылет'), '17', '40']));
    expect(extractTerms('разболтовка')).toEqual(extractTerms('PCD'));
    expect(extractTerms('сколько оперативки')).toEqual(extractTerms('ОЗУ'));
  });

  it('give a series typed in Cyrillic its number, as the Latin one does ("р16" as "R16")', () => {
    expect(tokenizeWords('диски р16')).toEqual(['диски', 'р16', '16']);
    expect(tokenizeWords('диски r16')).toEqual(['диски', 'r16', '16']);
  });

  it('answer "вылет у 17х" from the spec line of R17', () => {
    const index = buildPassageIndex([
      passage(0, 'Комплект R16\nРазмер: 6.5J x 16 ET42', { itemId: 1, title: 'Диски R16 R17' }),
      passage(1, 'Комплект R17\nРазмер: 7J x 17 ET40', { itemId: 1, title: 'Диски R16 R17', position: 1 }),
    ]);
    const answer = findAnswer(index, { question: 'вылет у 17х какой', listing: { id: 1, title: 'Диски R16 R17' } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('ET40');
  });
});

describe('Latin names typed in Cyrillic', () => {
  it('read "c" before e, i, y both ways: "Cyberpunk" is "киберпанк", "Celeron" is "селерон"', () => {
    expect(listSounds('cyberpunk')).toHaveLength(2);
    expect(listSounds('samsung')).toHaveLength(1);
    const resolver = createTermResolver(new Map([['cyberpunk', 2], ['celeron', 1]]));
    expect(resolver.resolve('киберпанк', 'киберпанке')).toBe('cyberpunk');
    expect(resolver.resolve('селерон', 'селерон')).toBe('celeron');
  });

  it('read a short name spelt letter for letter as the documents\' Latin one: "рио" is Rio, "киа" is Kia', () => {
    const resolver = createTermResolver(new Map([['kia', 2], ['rio', 2], ['solaris', 1]]));
    expect(resolver.resolve('ри', 'рио')).toBe('rio');
    expect(resolver.resolve('ки', 'киа')).toBe('kia');
    // Nothing of the kind in the documents: the word stays as it is.
    expect(resolver.resolve('лад', 'лада')).toBe('лад');
  });

  it('read a document\'s short Russian word as a Latin name only where it spells it: "Камри" is Camry, "весу" is not Visa', () => {
    const words = new Map([['камр', 'камри'], ['вес', 'весу'], ['сер', 'серый'], ['зим', 'зимой'], ['пол', 'поло']]);
    const counts = new Map([...words.keys(), 'camry', 'visa', 'zara', 'some', 'polo'].map((term) => [term, 1]));
    expect(Object.fromEntries(findTransliterations(counts, words))).toEqual({ камр: 'camry', пол: 'polo' });
  });

  it('read a clipped Latin name only where no Russian word of the documents fits: "мастер" is not Mastercard, "косрх" is COSRX', () => {
    expect(findTransliterations(new Map([['мастер', 1], ['mastercard', 1]]), new Map([['мастер', 'мастера']])).size).toBe(0);
    const resolver = createTermResolver(new Map([['mastercard', 2], ['мастерск', 1], ['cosrx', 1]]));
    expect(resolver.resolve('мастер', 'мастер')).toBe('мастерск');
    expect(resolver.resolve('косрх', 'косрх')).toBe('cosrx');
  });

  it('find the weight where the payment document names Visa', () => {
    const index = buildPassageIndex([
      passage(0, 'Оплата картой Visa, Mastercard или МИР.', { document: 'oplata.md' }),
      passage(1, 'Вес: 14,1 кг. Доставка по весу и габаритам.', { document: 'item-1.md', itemId: 1 }),
    ]);
    const weight = findAnswer(index, { question: 'сколько весит?', listing: { id: 1 } });
    expect(weight).toMatchObject({ status: 'FOUND', sources: ['item-1.md'] });
    const card = findAnswer(index, { question: 'картой visa можно?' });
    expect(card.sources).toEqual(['oplata.md']);
  });

  it('read a Russian word as a Latin name only where its letters spell it, not by a loose sound alone', () => {
    const resolve = (latin: string, word: string): string => createTermResolver(new Map([[latin, 3]])).resolve(termOf(word) ?? word, word);
    // "х" is a sound of its own, "о" is never a "u", "з" is no "c", and a name ending in a vowel keeps it.
    expect(resolve('ocean', 'хозяина')).toBe(termOf('хозяина'));
    expect(resolve('essence', 'озона')).toBe(termOf('озона'));
    expect(resolve('ocean', 'озона')).toBe(termOf('озона'));
    expect(resolve('kugoo', 'кого')).toBe(termOf('кого'));
    expect(resolve('visa', 'физ')).toBe('физ');
    expect(resolve('face', 'физ')).toBe('физ');
    // A Russian case ending stands where a name takes one, and keeps its doubled letter: "пола" is not Polo, "деле" not Dell.
    expect(resolve('polo', 'пола')).toBe(termOf('пола'));
    expect(resolve('dell', 'деле')).toBe(termOf('деле'));
    expect(findTransliterations(new Map([['хозяин', 2], ['ocean', 1]]), new Map([['хозяин', 'хозяин']])).size).toBe(0);
  });

  it.each([
    ['samsung', 'самсунга'],
    ['makita', 'макиту'],
    ['bosch', 'боша'],
    ['polaris', 'поларис'],
    ['mazda', 'мазду'],
    ['vesta', 'весту'],
    ['nissan', 'ниссана'],
    ['hyundai', 'хендай'],
    ['apple', 'эпл'],
    ['iphone', 'айфон'],
    ['wifi', 'вайфай'],
    ['magsafe', 'магсейф'],
    ['sportage', 'спортейдж'],
    ['isofix', 'изофикса'],
    ['youtube', 'ютубе'],
    ['cosrx', 'косрх'],
    ['polo', 'поло'],
    ['kronospan', 'кронос'],
    ['electric', 'электро'],
  ])('still read %s typed in Cyrillic ("%s")', (latin, word) => {
    expect(createTermResolver(new Map([[latin, 3]])).resolve(termOf(word) ?? word, word)).toBe(latin);
  });

  it('still resolve short Latin abbreviations typed in Cyrillic ("фпс" for fps)', () => {
    const resolver = createTermResolver(new Map([['fps', 3]]));
    expect(resolver.resolve('фпс', 'фпс')).toBe('fps');
  });
});

describe('catalogue words for "fits"', () => {
  it('answers "подойдут на …?" from a line that states compatibility', () => {
    expect(termOf('совместимость')).toBe(termOf('подойдут'));
    expect(termOf('применимость')).toBe(termOf('подходит'));
  });
});

describe('everyday names for the trade words', () => {
  it.each([
    ['провод', 'шнур'],
    ['термуха', 'термопаста'],
    ['бп', 'питания'],
    ['довезете', 'доставка'],
    ['деньгам', 'цена'],
    ['винду', 'windows'],
    ['накатал', 'пробег'],
    ['вертится', 'вращается'],
    ['тоналку', 'макияж'],
    ['хранится', 'хранения'],
    ['сшита', 'страна'],
    ['починить', 'ремонт'],
    ['экран', 'матрицы'],
    ['мешалку', 'бетономешалка'],
    ['встанет', 'подходит'],
    ['открыт', 'работаем'],
  ])('"%s" is read as "%s"', (buyer, document) => {
    expect(termOf(buyer)).toBe(termOf(document));
  });

  it('keeps words of another meaning apart', () => {
    // "Крутить" in a hair dryer's chat is curling, not a cord that turns; "деньги вернёте?" asks for a refund, not a price.
    expect(termOf('крутить')).not.toBe(termOf('вращается'));
    expect(termOf('деньги')).not.toBe(termOf('цена'));
  });
});

describe('"б/у" and trade terms of payment and stock', () => {
  it('reads "б/у" as one word in any spelling, where its letters would drop out as initials', () => {
    for (const text of ['б/у', 'б.у.', 'Б/У']) expect(extractTerms(`блок питания новый или ${text}?`)).toContain('бу');
    expect(termOf('подержанный')).toBe('бу');
  });

  it.each([
    ['аванс', 'предоплата'],
    ['наложкой', 'наложенным'],
    ['кредит', 'рассрочка'],
    ['осталось', 'наличии'],
  ])('"%s" is read as "%s"', (buyer, document) => {
    expect(termOf(buyer)).toBe(termOf(document));
  });
});

describe('where a part sits', () => {
  it('reads "снизу" as the documents\' "внизу" and "сверху" as "вверху", and leaves "сверх" (beyond) alone', () => {
    expect(extractTerms('снизу')).toEqual(extractTerms('внизу'));
    expect(extractTerms('сверху')).toEqual(extractTerms('наверху'));
    expect(extractTerms('сверх')).not.toEqual(extractTerms('сверху'));
  });

  it('answers the either/or from the line stating one', () => {
    const index = buildPassageIndex([
      passage(0, 'Морозилка внизу, 3 выдвижных ящика.', { itemId: 5, document: 'item-5-atlant.txt' }),
      passage(1, 'Общий объем 345 л.', { itemId: 5, document: 'item-5-atlant.txt' }),
    ]);
    expect(findAnswer(index, { question: 'морозилка сверху или снизу', listing: { id: 5 } }).text).toContain('Морозилка внизу');
  });
});

describe('a Latin brand said the English way', () => {
  it('reads "g" before e, i, y as "дж": "спортейдж" finds Sportage', () => {
    const index = buildPassageIndex([
      passage(0, 'Подходят без переделок на Kia Sportage 3 и 4, Hyundai Tucson.', { itemId: 6, document: 'item-6-diski.md' }),
      passage(1, 'Цена 6 900 ₽ за шт.', { itemId: 6, document: 'item-6-diski.md' }),
    ]);
    expect(findAnswer(index, { question: 'на спортейдж 4 встанут?', listing: { id: 6 } }).text).toContain('Kia Sportage');
  });
});
