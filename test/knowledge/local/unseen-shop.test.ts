// The mechanisms that carry the engine to shops it was never tuned on (issue 15): units and weekdays, brands in either
// script, typos and clipped words, counted numbers, the listing's own words, follow-up questions, sentence quotes.
import { describe, expect, it } from 'vitest';
import { findAnswer, quoteSentences } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { splitPassages } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { createTermResolver } from '../../../src/knowledge/local/term-resolver.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

function indexOf(...texts: string[]) {
  return buildPassageIndex(texts.map((text, id) => passage(id, text)));
}

describe('units and weekdays', () => {
  it('reads written-out, abbreviated and glued units as one term', () => {
    expect(extractTerms('сколько гигабайт')).toEqual(extractTerms('ГБ'));
    expect(extractTerms('RTX 3060 12GB')).toEqual(['rtx', '3060', '12', 'гб']);
    expect(extractTerms('блок на 650 Вт')).toContain('ватт');
    expect(extractTerms('скока ватт')).toEqual(['ватт']);
    expect(extractTerms('60 а/ч')).toContain('ач');
    expect(extractTerms('сколько ампер-часов')).toEqual(['ач']);
    expect(extractTerms('м² и кубометров')).toEqual(['м2', 'м3']);
  });

  it('reads an adjective made of a unit as that unit ("10 метровая", "двухметровый", "вольтовый")', () => {
    expect(extractTerms('а 10 метровая есть')).toEqual(['10', 'метр']);
    expect(extractTerms('десятиметровая')).toEqual(['10', 'метр']);
    expect(extractTerms('на 12-вольтовый')).toEqual(['12', 'вольт']);
    expect(extractTerms('двухметровый')).toEqual(['2', 'метр']);
    // No unit inside: the word keeps its own stem.
    expect(extractTerms('штучный')).not.toContain('шт');
    const index = indexOf('Длина теплицы: 4 м — 24 900 р., 6 м — 31 500 р.', 'Доставка по городу бесплатно.');
    const answer = findAnswer(index, { question: 'почем 6 метровая' });
    expect(answer.text).toContain('31 500');
  });

  it('reads a short form that is also a word as a unit only right after a number', () => {
    expect(extractTerms('5 м кабеля')).toContain('метр');
    expect(extractTerms('24 990, а цена')).not.toContain('ампер');
    expect(extractTerms('вт')).toEqual(['вторник']);
  });

  it('stands a weekday range for every day in it, and for "будни"', () => {
    expect(extractTerms('пн–пт 10:00–19:00')).toEqual(expect.arrayContaining(['среда', 'будни']));
    expect(extractTerms('с понедельника по пятницу')).toContain('четверг');
    expect(extractTerms('Пн, Пт')).not.toContain('среда');
    expect(extractTerms('ежедневно')).toContain('воскресенье');
  });

  it('answers a day the documents only cover by a range', () => {
    const index = indexOf('Режим работы: пн–пт 10:00–19:00, сб 11:00–16:00.', 'Доставка по городу.');
    expect(findAnswer(index, { question: 'в среду работаете?' }).text).toContain('пн–пт');
    expect(findAnswer(index, { question: 'в будни до скольки?' }).text).toContain('10:00–19:00');
  });
});

describe('the documents\' own spelling of a buyer\'s word', () => {
  const counts = new Map([
    ['samsung', 3],
    ['bosch', 2],
    ['visa', 1],
    ['cosrx', 2],
    ['гарант', 4],
    ['заброниров', 1],
    ['аккумулятор', 2],
    ['наличн', 2],
  ]);
  const resolver = createTermResolver(counts);

  it('matches a brand typed in Cyrillic by its sound, from the whole word', () => {
    expect(resolver.resolve('самсунг', 'самсунг')).toBe('samsung');
    expect(resolver.resolve('бош', 'бош')).toBe('bosch');
    expect(resolver.resolve('косрх', 'косрх')).toBe('cosrx');
    // The stem "воз" sounds like "visa"; the word "возите" does not.
    expect(resolver.resolve('воз', 'возите')).toBe('воз');
  });

  it('matches typos, other prefixes and clipped words of long stems only', () => {
    expect(resolver.resolve('гаранит', 'гаранития')).toBe('гарант');
    expect(resolver.resolve('брониров', 'бронировать')).toBe('заброниров');
    expect(resolver.resolve('аккум', 'аккум')).toBe('аккумулятор');
    // A short stem is a word of its own as often as a typo: "в наличии" is not "наличными".
    expect(resolver.resolve('налич', 'наличии')).toBe('налич');
  });

  it('does not hear a Russian word in a brand that only shares its vowels', () => {
    expect(createTermResolver(new Map([['joseon', 2]])).resolve('озон', 'озона')).toBe('озон');
  });

  it('reads an ordinal as itself, not as the weekday one letter away, and still a clipped weekday', () => {
    const days = createTermResolver(new Map([['четверг', 3], ['воскресенье', 3]]));
    expect(days.resolve('четверт', 'четвертый')).toBe('четверт');
    expect(days.resolve('воскр', 'воскр')).toBe('воскресенье');
  });

  it('never reads the engine\'s own words as something else', () => {
    expect(createTermResolver(new Map([['good', 3]])).resolve('год', 'год')).toBe('год');
  });

  it('indexes a brand written in both scripts as one term', () => {
    const index = indexOf('Колодки Brembo на Camry XV50 2011–2017.', 'Подходят на Камри 40 и 50.');
    const answer = findAnswer(index, { question: 'на камри подойдут?' });
    expect(answer.status).toBe('FOUND');
  });
});

describe('numbers in a question', () => {
  it('are not evidence on their own: the buyer\'s own quantity does not match a passage', () => {
    const index = indexOf('Остатки примем обратно: не меньше 3 месяцев срока годности, поддоны целые.', 'Скидок на опт нет.');
    expect(findAnswer(index, { question: 'мне 3 поддона, скидку сделаете?' }).status).toBe('NOT_FOUND');
  });

  it('count when the passage holds them beside what they count', () => {
    const index = indexOf('Рост 98 см: 2–3 года. Рост 104 см: 3–4 года.', 'Стирка при 30 градусах.');
    expect(findAnswer(index, { question: 'на 3 года какой рост брать' }).text).toContain('3 года');
  });
});

describe('what a question names', () => {
  it('a measure the passage never states, alone or in a range, is not answered', () => {
    const index = indexOf('Размеры: 44–54 (российские). Чёрный — все размеры.', 'Насадки для локонов 30 мм, две штуки.');
    expect(findAnswer(index, { question: 'черный в 56 размере будет?' }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'черный в 50 размере будет?' }).status).toBe('FOUND');
    expect(findAnswer(index, { question: 'насадки 40 мм для локонов есть?' }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'насадки 30 мм для локонов есть?' }).status).toBe('FOUND');
  });

  it('a brand of the shop picks its product: a passage about another one does not answer', () => {
    const index = indexOf('Rotband. Расход: около 8,5 кг на 1 м² при слое 10 мм.', 'Fugen — шпаклёвка для швов, мешок 25 кг.');
    expect(findAnswer(index, { question: 'фуген какой расход на квадрат?' }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'ротбанд какой расход на квадрат?' }).text).toContain('8,5 кг');
    // A Latin word the documents never use is no product of the shop: it counts like any other word.
    expect(findAnswer(index, { question: 'please какой расход ротбанд на квадрат?' }).status).toBe('FOUND');
  });
});

describe('a request not to call anyone', () => {
  it.each([
    'не зовите никого, просто скажите как доставляете',
    'бот, не надо звать продавца, доставка есть?',
    'оператор не нужен, ответьте: как доставляете?',
    'звать никого не надо, сам разберусь. доставка как?',
    'не надо живого человека, просто напишите про доставку',
  ])('leaves the question itself to answer: %s', (question) => {
    const index = indexOf('Доставка: СДЭК и Почта России, 2–5 дней.', 'Оплата: картой или наличными.');
    expect(findAnswer(index, { question }).text).toContain('СДЭК');
  });
});

describe('what a question part asks', () => {
  it('asks a one-word follow-up about the thing just named', () => {
    const index = indexOf('COSRX Snail 96 Essence — 1750 ₽.', 'Цены — в прайсе, наличие уточняйте в чате.');
    const answer = findAnswer(index, { question: 'эссенция cosrx с улиткой есть? цена' });
    expect(answer.text).toContain('1750');
    expect(answer.text).not.toContain('в прайсе');
  });

  it('splits either/or questions and answers each side the documents hold', () => {
    const index = indexOf('Наличные: при встрече.', 'Перевод: по СБП на карту.', 'Доставка: СДЭК.');
    const answer = findAnswer(index, { question: 'наличка или перевод' });
    expect(answer.text).toContain('при встрече');
    expect(answer.text).toContain('СБП');
  });

  it('keeps a unit-only clause with the clause it belongs to', () => {
    const index = indexOf('Двигатель 1,6 л, 122 л.с.', 'Масло не продаём.');
    expect(findAnswer(index, { question: 'какое масло заливать посоветуете и сколько литров' }).status).toBe('NOT_FOUND');
  });

  it('reads "стоит" as the price only beside a number or "сколько"', () => {
    expect(extractTerms('сколько стоит')).toEqual(['цена']);
    expect(extractTerms('стоит 500 р')).toContain('цена');
    expect(extractTerms('где стоит G4FC')).toEqual(['g4fc']);
    expect(extractTerms('упаковка — 250 ₽')).toContain('цена');
  });
});

describe('quoting', () => {
  it('quotes the sentences that answer from a long passage, with a short topic sentence\'s follow-up', () => {
    const long =
      'Велосипед в хорошем состоянии, катался один сезон по городу. Рама алюминиевая, размер M на рост 170–185. ' +
      'Тормоза дисковые гидравлические Shimano MT200, прокачаны в мае. Колёса 29 дюймов, покрышки почти новые. ' +
      'Вилка пружинная, ход 100 мм. Звонок и крылья в подарок. Отдам с замком и насосом, торг у велосипеда уместен при осмотре.';
    const quote = quoteSentences(long, extractTerms('какие тормоза'));
    expect(quote).toBe('Тормоза дисковые гидравлические Shimano MT200, прокачаны в мае.');
    const topical = quoteSentences(`Аллергия. Косметика может вызвать реакцию, сделайте тест на запястье. ${long}`, extractTerms('аллергия'));
    expect(topical).toBe('Аллергия. Косметика может вызвать реакцию, сделайте тест на запястье.');
  });

  it('keeps "Label: value" lines of a Markdown paragraph apart, so a price line answers', () => {
    const [piece] = splitPassages({ path: 'item-1.md', format: 'markdown', markup: 'markdown', itemId: 1, text: 'Пробег: 71 000 км\nВес: около 100 кг\nЦена: 68 000 ₽' });
    expect(piece?.text.split('\n')).toEqual(['Пробег: 71 000 км', 'Вес: около 100 кг', 'Цена: 68 000 ₽']);
  });

  it('reads a short paragraph right before a list as what the list is about', () => {
    const text = '## Шпаклёвки\n\nKnauf HP Finish — финишная шпаклёвка.\n\n- Фасовка: мешок 25 кг\n- Расход: около 1 кг на 1 м²';
    const passages = splitPassages({ path: 'item-2.md', format: 'markdown', markup: 'markdown', itemId: 2, text });
    expect(passages.at(-1)?.headings).toEqual(['Шпаклёвки', 'Knauf HP Finish — финишная шпаклёвка.']);
    const index = buildPassageIndex(passages.map((piece, id) => ({ ...piece, id })));
    expect(findAnswer(index, { question: 'hp finish расход какой?', listing: { id: 2 } }).text).toContain('1 кг на 1 м²');
  });

  it('says which passages an answer stands on and why', () => {
    const index = indexOf('Доставка СДЭК по всей России, 2–5 дней.', 'Оплата картой.');
    const answer = findAnswer(index, { question: 'доставка сдэк есть?' });
    expect(answer.passages).toEqual([expect.objectContaining({ source: 'doc.md', coverage: 1, matched: ['доставк', 'сдэк'], scope: 'general' })]);
  });
});

describe('a noun in "-ость" is a noun, not a verb dropped beside known words', () => {
  it('keeps "теплопроводность" asked: a passage on the block without it does not answer', () => {
    const BLOCK = 4140000001;
    const index = buildPassageIndex([
      passage(0, 'Газобетон D500, класс прочности B2,5, морозостойкость F100.', { title: 'Газобетон D500', itemId: BLOCK }),
      passage(1, 'Доставка манипулятором.'),
    ]);
    const listing = { id: BLOCK, title: 'Газобетон D500' };
    expect(findAnswer(index, { question: 'теплопроводность у d500 какая', listing }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'морозостойкость у d500 какая', listing }).text).toContain('F100');
  });
});

describe('how much the buyer hopes for is no word of the question', () => {
  it('answers "если налом заплачу скинете немного" by the bargaining line', () => {
    const PHONE = 4170000001;
    const index = buildPassageIndex([
      passage(0, 'Цена 41 500 ₽. Торг небольшой, только при осмотре: за наличные можем скинуть до 500 ₽.', { title: 'iPhone 13', itemId: PHONE }),
      passage(1, 'В магазине: наличные, перевод по СБП, банковская карта через терминал.', { document: 'oplata.md' }),
    ]);
    const answer = findAnswer(index, { question: 'если налом заплачу скинете немного', listing: { id: PHONE, title: 'iPhone 13' } });
    expect(answer.text).toContain('до 500');
  });
});
