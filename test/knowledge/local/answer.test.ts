import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_LENGTH, findAnswer, focusList, splitQuestion, trimAtSentence } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { splitSentences } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex, measureCoverage } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

describe('trimAtSentence', () => {
  it('leaves short text alone', () => {
    expect(trimAtSentence('  Коротко.  ', 999)).toBe('Коротко.');
  });

  it('cuts at the last sentence end that fits', () => {
    expect(trimAtSentence('Первое предложение. Второе предложение. Третье.', 40)).toBe('Первое предложение. Второе предложение.');
  });

  it('cuts between lines of a list', () => {
    expect(trimAtSentence('• один\n• два\n• три', 13)).toBe('• один\n• два');
  });

  it('cuts a single overlong sentence between words', () => {
    expect(trimAtSentence('слово слово слово слово', 12)).toBe('слово слово');
  });

  it('always returns a prefix of the text within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 5, max: 300 }), (text, limit) => {
        const trimmed = trimAtSentence(text, limit);
        expect(trimmed.length).toBeLessThanOrEqual(limit);
        expect(text.trim().startsWith(trimmed)).toBe(true);
      }),
    );
  });
});

describe('focusList', () => {
  const spec = '• Тип: автоматическая\n• Давление помпы: 15 бар\n• Объём: 1,8 л\n• Цвет: чёрный';

  it('quotes only the items of a long list that hold the question terms', () => {
    expect(focusList(spec, ['давлен'])).toBe('• Давление помпы: 15 бар');
  });

  it('quotes the whole list when its introducing line is what was asked', () => {
    const kit = 'В комплекте:\n• ложка\n• инструкция\n• коробка\n• трубка';
    expect(focusList(kit, ['комплект', 'коробк'])).toBe(kit);
  });

  it('quotes short lists and lists where nothing or everything matches whole', () => {
    expect(focusList('• Давление: 15 бар\n• Цвет: чёрный', ['давлен'])).toBe('• Давление: 15 бар\n• Цвет: чёрный');
    expect(focusList(spec, ['гарант'])).toBe(spec);
    expect(focusList('Просто абзац про давление.', ['давлен'])).toBe('Просто абзац про давление.');
  });
});

describe('measureCoverage', () => {
  it('is the weighted share of terms found, attribute words and "где" words weighing half', () => {
    expect(measureCoverage(['доставк', 'пицц'], ['доставк'])).toBe(0.5);
    expect(measureCoverage(['рам', 'размер'], ['рам'])).toBeCloseTo(2 / 3);
    expect(measureCoverage(['доставк', 'город'], ['доставк'])).toBeCloseTo(2 / 3);
    expect(measureCoverage([], [])).toBe(0);
  });

  it('counts a city fully, unless the passage is the listing\'s own (it answers for any city)', () => {
    expect(measureCoverage(['доставк', 'казан'], ['доставк'])).toBe(0.5);
    expect(measureCoverage(['доставк', 'казан'], ['доставк'], { weak: (term) => term === 'казан' })).toBeCloseTo(2 / 3);
  });
});

describe('findAnswer', () => {
  const index = buildPassageIndex([
    passage(0, 'Доставка по всей России через СДЭК.', { document: 'dostavka.md', headings: ['Доставка'] }),
    passage(1, 'Стоимость доставки по тарифу перевозчика.', { document: 'dostavka.md', headings: ['Стоимость доставки'], position: 1 }),
    passage(2, 'Гарантия 6 месяцев.', { document: 'item-1.md', itemId: 1, title: 'Чайник Bosch' }),
    passage(3, 'Цвет корпуса бирюзовый.', { document: 'item-1.md', itemId: 1, title: 'Чайник Bosch', position: 1 }),
  ]);

  it('answers from general documents without a listing', () => {
    const answer = findAnswer(index, { question: 'Доставка есть?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'], engine: 'local', strategy: 'general' });
    expect(answer.text).toContain('СДЭК');
  });

  it('joins a second passage of the same document in document order', () => {
    const answer = findAnswer(index, { question: 'Как доставляете?' });
    expect(answer.text).toBe('Доставка по всей России через СДЭК.\n\nСтоимость доставки по тарифу перевозчика.');
  });

  it('drops the words naming the listing itself (its title) before judging coverage', () => {
    const untitled = buildPassageIndex([passage(0, 'Гарантия 6 месяцев.', { itemId: 1 })]);
    const question = 'Гарантия на чайник Bosch есть?';
    expect(findAnswer(untitled, { question, listing: { id: 1, title: 'Чайник Bosch TWK' } })).toMatchObject({ status: 'FOUND', strategy: 'item' });
    expect(findAnswer(untitled, { question, listing: { id: 1 } }).status).toBe('NOT_FOUND');
  });

  it('never answers from another listing\'s documents', () => {
    expect(findAnswer(index, { question: 'Какой цвет корпуса?', listing: { id: 1 } }).status).toBe('FOUND');
    expect(findAnswer(index, { question: 'Какой цвет корпуса?', listing: { id: 2 } })).toMatchObject({ status: 'NOT_FOUND', strategy: 'cascaded' });
    expect(findAnswer(index, { question: 'Какой цвет корпуса?' })).toMatchObject({ status: 'NOT_FOUND', strategy: 'general' });
  });

  it('does not answer attribute-only questions from general documents', () => {
    const general = buildPassageIndex([passage(0, 'Стоимость зависит от веса и размеров посылки.')]);
    expect(findAnswer(general, { question: 'Какой вес и размер?', listing: { id: 9 } }).status).toBe('NOT_FOUND');
    expect(findAnswer(general, { question: 'Стоимость зависит от веса?' }).status).toBe('FOUND');
  });

  it('honours the threshold', () => {
    expect(findAnswer(index, { question: 'Доставка пиццы?' }, 0.6).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'Доставка пиццы?' }, 0.5).status).toBe('FOUND');
  });

  it('answers one of several buyer lines when the whole inquiry is not covered', () => {
    const answer = findAnswer(index, { question: 'Здравствуйте!\nКвартиры продаёте?\nА доставка есть?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'] });
  });
});

describe('splitQuestion', () => {
  it.each([
    ['Какое давление у кофемашины и что входит в комплект?', ['Какое давление у кофемашины', 'что входит в комплект?']],
    ['Сколько стоит и есть ли доставка?', ['Сколько стоит', 'есть ли доставка?']],
    ['Доставка есть, а самовывоз?', ['Доставка есть', 'самовывоз?']],
    ['Размеры и вес?', ['Размеры', 'вес?']],
    ['Цена?Торг?', ['Цена?', 'Торг?']],
    ['Здравствуйте!\nСколько стоит?\nДоставка есть?', ['Здравствуйте!', 'Сколько стоит?', 'Доставка есть?']],
    ['Добрый день. Какая гарантия?', ['Добрый день.', 'Какая гарантия?']],
    // Not split: a side without a meaningful word, or a dot inside a model number.
    ['Что и как?', ['Что и как?']],
    ['Подскажите и скажите, сколько стоит?', ['Подскажите и скажите, сколько стоит?']],
    ['ECAM 22.110 какое давление?', ['ECAM 22.110 какое давление?']],
    ['', []],
  ])('%j → %j', (question, parts) => {
    expect(splitQuestion(question)).toEqual(parts);
  });

  it('does not split off a clause that only names the listing', () => {
    expect(splitQuestion('Кофемашина и кофемолка есть?', new Set(['кофемашин']))).toEqual(['Кофемашина и кофемолка есть?']);
    expect(splitQuestion('Кофемашина и кофемолка есть?')).toEqual(['Кофемашина', 'кофемолка есть?']);
  });

  it('only cuts the question: every part is a piece of it and no term is lost', () => {
    const word = fc.constantFrom('доставка', 'и', 'а', 'цена', 'торг', 'что', 'гарантия', 'Казань', '22.110', '24 990', 'есть');
    const joint = fc.constantFrom(' ', ' и ', ', а ', '? ', '?', '. ', '\n', ', и ', '!');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, joint), { maxLength: 12 }), (pairs) => {
        const question = pairs.map(([w, j]) => w + j).join('');
        const parts = splitQuestion(question);
        for (const part of parts) expect(question).toContain(part);
        expect(new Set(parts.flatMap((part) => extractTerms(part)))).toEqual(new Set(extractTerms(question)));
      }),
    );
  });
});

describe('findAnswer with several questions in one inquiry', () => {
  const kettle = { document: 'item-7.md', itemId: 7, title: 'Чайник Bosch' };
  const index = buildPassageIndex([
    passage(0, 'Цена — 5 000 ₽. Торг уместен.', { ...kettle, headings: ['Цена'], position: 0 }),
    passage(1, 'В комплекте:\n• подставка\n• инструкция\n• коробка\n• фильтр', { ...kettle, headings: ['Комплектация'], position: 1 }),
    passage(2, 'Шнур питания не входит в комплект.', { ...kettle, headings: ['Комплектация'], position: 2 }),
    passage(3, 'Мощность: 2200 Вт', { ...kettle, headings: ['Характеристики'], position: 3 }),
    passage(4, 'Доставляем по всей России через Авито Доставку.', { document: 'dostavka.md', headings: ['Доставка'] }),
  ]);
  const ask = (question: string) => findAnswer(index, { question, listing: { id: 7 } });

  it('answers each part in the buyer\'s order, with the union of sources', () => {
    const answer = ask('Какая мощность и как доставляете?');
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['item-7.md', 'dostavka.md'], strategy: 'cascaded' });
    expect(answer.text).toBe('Мощность: 2200 Вт\n\nДоставляем по всей России через Авито Доставку.');
    expect(ask('Сколько стоит?\nКакая мощность?')).toMatchObject({
      text: 'Цена — 5 000 ₽. Торг уместен.\n\nМощность: 2200 Вт',
      sources: ['item-7.md'],
      strategy: 'item',
    });
  });

  it('answers the answerable parts and leaves the rest out', () => {
    expect(ask('Есть рассрочка?\nА мощность какая?')).toMatchObject({ status: 'FOUND', text: 'Мощность: 2200 Вт' });
    expect(ask('Есть рассрочка? Продаёте оптом?')).toMatchObject({ status: 'NOT_FOUND', text: '', sources: [] });
  });

  it('quotes a passage once when several parts find it', () => {
    expect(ask('Цена? Торг уместен?').text).toBe('Цена — 5 000 ₽. Торг уместен.');
    // The section a later part asks for takes the place of the piece of it quoted earlier.
    const answer = ask('Коробка есть? И что входит в комплект?');
    expect(answer.text).toBe('В комплекте:\n• подставка\n• инструкция\n• коробка\n• фильтр\n\nШнур питания не входит в комплект.');
  });

  it('quotes the whole short section the question names, and one passage otherwise', () => {
    expect(ask('Что входит в комплект?').text).toBe(
      'В комплекте:\n• подставка\n• инструкция\n• коробка\n• фильтр\n\nШнур питания не входит в комплект.',
    );
    expect(ask('Шнур есть?').text).toBe('Шнур питания не входит в комплект.');
    expect(ask('Фильтр есть?').text).toBe('• фильтр');
  });

  it('quotes a long section by passage', () => {
    const long = `${'Подробности комплектации указаны в инструкции к чайнику. '.repeat(14).trim()}`;
    const big = buildPassageIndex([
      passage(0, long, { ...kettle, headings: ['Комплектация'] }),
      passage(1, 'Шнур питания не входит в комплект.', { ...kettle, headings: ['Комплектация'], position: 1 }),
    ]);
    expect(findAnswer(big, { question: 'Шнур входит в комплект?', listing: { id: 7 } }).text).toBe('Шнур питания не входит в комплект.');
  });

  it('shares the 1000-character limit between parts, cutting at sentence ends', () => {
    const sentences = (topic: string) =>
      Array.from({ length: 9 }, (_, n) => `${topic} условие номер ${n + 1} описано здесь подробно и без сокращений для покупателя.`);
    const warranty = sentences('Гарантия');
    const delivery = sentences('Доставка');
    const big = buildPassageIndex([
      passage(0, warranty.join(' '), { ...kettle, headings: ['Гарантия'] }),
      passage(1, delivery.join(' '), { ...kettle, headings: ['Доставка'], position: 1 }),
    ]);
    const answer = findAnswer(big, { question: 'Какая гарантия? И как доставляете?', listing: { id: 7 } });
    expect(answer.text.length).toBeLessThanOrEqual(MAX_ANSWER_LENGTH);
    const [first, second, ...rest] = answer.text.split('\n\n');
    expect(rest).toEqual([]);
    expect(first?.startsWith(warranty[0] ?? '')).toBe(true);
    expect(second?.startsWith(delivery[0] ?? '')).toBe(true);
    for (const sentence of splitSentences(answer.text.replace(/\n/g, ' '))) expect([...warranty, ...delivery]).toContain(sentence);
  });
});

describe('findAnswer for a one-word question', () => {
  it('does not take a passing mention in a general document for an answer', () => {
    const general = buildPassageIndex([
      passage(0, 'Для техники с гарантией передаём чек магазина.', { document: 'oplata.md', title: 'Оплата', headings: ['Чеки'] }),
      passage(1, 'Частые вопросы. Рассрочки нет.', { document: 'faq.md', headings: ['Разное'] }),
    ]);
    expect(findAnswer(general, { question: 'Есть гарантия?' }).status).toBe('NOT_FOUND');
    // Two terms found together are evidence enough.
    expect(findAnswer(general, { question: 'Чек магазина передаёте?' }).status).toBe('FOUND');
    // A term that opens a sentence is what the sentence is about.
    expect(findAnswer(general, { question: 'Рассрочка есть?' })).toMatchObject({ status: 'FOUND', sources: ['faq.md'] });
    const headed = buildPassageIndex([passage(0, 'На всю технику 14 дней на проверку.', { document: 'obshchee.md', headings: ['Гарантия'] })]);
    expect(findAnswer(headed, { question: 'Есть гарантия?' }).status).toBe('FOUND');
  });

  it('lets a listing\'s documents answer with any clause the term opens, but not with a word deep inside one', () => {
    const item = { document: 'item-8.md', itemId: 8, title: 'Пылесос' };
    const index = buildPassageIndex([
      passage(0, 'Брал в подарок, не подошёл по размеру квартиры. Кассовый чек сохранён.', item),
      passage(1, '• Размеры: 20 × 30 см', { ...item, position: 1 }),
    ]);
    const ask = (question: string) => findAnswer(index, { question, listing: { id: 8 } });
    expect(ask('Квартиры продаёте?').status).toBe('NOT_FOUND');
    expect(ask('Чек есть?')).toMatchObject({ status: 'FOUND', strategy: 'item' });
    expect(ask('Какие размеры?').text).toBe('• Размеры: 20 × 30 см');
  });
});

describe('findAnswer on how a buyer words a question', () => {
  const index = buildPassageIndex([
    passage(0, 'Продаём запчасти с 2012 года, склад на Таганской.', { document: 'o-nas.md', title: 'О нас' }),
    passage(1, 'Матрица 15,6" Full HD — 4 500 ₽, под заказ 5–7 дней.', { document: 'remont.md', title: 'Ремонт', position: 1 }),
    passage(2, 'Брак при доставке — заменим бесплатно.', { document: 'vozvrat.md', title: 'Возврат', headings: ['Брак при доставке'], position: 2 }),
    passage(3, 'Возим своими машинами пн–сб.', { document: 'dostavka.md', title: 'Доставка', position: 3 }),
  ]);

  it('takes a number beside a word for a statement of it ("с 2012 года" says how long)', () => {
    expect(findAnswer(index, { question: 'давно работаете?' })).toMatchObject({ status: 'FOUND', sources: ['o-nas.md'] });
  });

  it('leaves out verbs the documents never use, unless another word is unknown too', () => {
    expect(findAnswer(index, { question: 'матрицу долго ждать придется?' })).toMatchObject({ status: 'FOUND', sources: ['remont.md'] });
    expect(findAnswer(index, { question: 'клавиатуру долго ждать придется?' }).status).toBe('NOT_FOUND');
  });

  it('does not answer a fractional measure the passage does not state', () => {
    expect(findAnswer(index, { question: 'матрица на 15.6 почем?' }).status).toBe('FOUND');
    expect(findAnswer(index, { question: 'матрица на 17.3 почем?' }).status).toBe('NOT_FOUND');
  });

  it('answers a one-topic question from the document titled by it', () => {
    expect(findAnswer(index, { question: 'доставка?' })).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'] });
  });
});

describe('findAnswer when a listing\'s match rests on one loosely used word', () => {
  const item = { document: 'item-9.md', itemId: 9, title: 'Робот-пылесос' };
  const battery = passage(0, 'Работает 110 минут. Когда заряд кончается, пылесос сам возвращается на станцию.', { ...item, headings: ['Аккумулятор'] });
  const receipt = passage(1, 'Гарантия 12 месяцев. Кассовый чек сохранён.', { ...item, headings: ['Гарантия'], position: 1 });
  const returns = passage(2, 'Возврат в течение 14 дней при скрытом дефекте.', { document: 'vozvrat.md', headings: ['Возврат'] });
  const receipts = passage(3, 'Для техники передаём чек магазина.', { document: 'oplata.md', headings: ['Чеки'] });
  const ask = (passages: Passage[], question: string) =>
    findAnswer(buildPassageIndex(passages.map((one, id) => ({ ...one, id }))), { question, listing: { id: 9 } });

  it('prefers a general document about the word to a clause that merely uses it', () => {
    expect(ask([battery, receipt, returns, receipts], 'Можно вернуть?')).toMatchObject({
      status: 'FOUND',
      sources: ['vozvrat.md'],
      strategy: 'cascaded',
      text: 'Возврат в течение 14 дней при скрытом дефекте.',
    });
  });

  it('keeps the listing\'s clause when no general document is about the word', () => {
    expect(ask([battery, receipt, receipts], 'Можно вернуть?')).toMatchObject({ status: 'FOUND', sources: ['item-9.md'], strategy: 'item' });
  });

  it('keeps the listing\'s clause that gives the word its amount ("даем свою гарантию магазина 6 месяцев")', () => {
    const own = passage(0, 'Оригинал. Привезены из ОАЭ, поэтому официальной гарантии Apple в России нет, даем свою гарантию магазина 6 месяцев.', item);
    const general = passage(1, 'Гарантия магазина на новую технику — от 3 мес. до 1 года, срок указан в каждом объявлении.', { document: 'garantiya.md', headings: ['Гарантия'] });
    const answer = ask([own, general], 'а гарантия какая на них?');
    expect(answer.sources[0]).toBe('item-9.md');
    expect(answer.text.startsWith(own.text)).toBe(true);
  });

  it('keeps the listing\'s answer when a statement of it opens with the word', () => {
    expect(ask([battery, receipt, returns, receipts], 'Чек есть?')).toMatchObject({
      status: 'FOUND',
      sources: ['item-9.md'],
      text: 'Гарантия 12 месяцев. Кассовый чек сохранён.',
    });
  });
});
