import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';
import { readQuestions } from '../../../src/knowledge/local/query-reading.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { dropCircumstances } from '../../../src/knowledge/local/reason-clauses.js';
import { extractTerms, normalizeText, splitWords, termOf } from '../../../src/knowledge/local/terms.js';

describe('a model and its memory typed as two numbers ("13 128")', () => {
  const shop = useKnowledgeFolder({
    'trade-in.md': [
      '# Trade-in',
      '',
      'Ориентировочные цены в зачёт (с коробкой):',
      '',
      '| Модель | Память | В зачёт до, ₽ |',
      '|---|---|---|',
      '| iPhone 12 | 128 ГБ | 22 000 |',
      '| iPhone 13 | 128 ГБ | 30 000 |',
      '',
      'Без коробки минус 1 000 ₽.',
      '',
    ].join('\n'),
  });

  it('keeps the model and the memory apart, and a price in thousands joined', () => {
    expect(splitWords(normalizeText('сдам свой 13 128 без коробки'))).toEqual(['сдам', 'свой', '13', '128', 'без', 'коробки']);
    expect(splitWords(normalizeText('s22 8 256 за сколько'))).toEqual(['s22', '8', '256', 'за', 'сколько']);
    expect(normalizeText('цена 13 128 ₽')).toBe('цена 13128 ₽');
    expect(normalizeText('24 990')).toBe('24990');
  });

  it('answers from the row of that model', async () => {
    expect((await shop.ask('сдам свой 13 128 сколько в зачет будет')).text).toContain('30 000');
  });
});

describe('a greeting sentence before a question without a question mark', () => {
  const FEED = 4190000001;
  const shop = useKnowledgeFolder({
    [`item-${FEED}-korm.md`]: '# Корм на развес\n\nКорм для собак и кошек, развес от 1 кг.\n\nПри покупке целого мешка скидка 5%.\n',
    'dostavka.md': '# Доставка\n\nПо городу доставка 300 рублей.\n',
  });

  it('is not kept in place of the question the buyer tells as his plan', async () => {
    expect(dropCircumstances('добрый день. если возьму целый мешок скидка будет')).not.toBe('добрый день.');
    expect(await shop.ask('добрый день. если возьму целый мешок скидка будет', { id: FEED, title: 'Корм на развес' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('5%') });
  });
});

describe('"идёт" of a thing, with no word of time or shipment beside it', () => {
  const GUITAR = 4290000001;
  const shop = useKnowledgeFolder({
    [`item-${GUITAR}-gitara.md`]: [
      '# Гитара Yamaha FX310',
      '',
      'В комплекте:',
      '• гитара',
      '• мягкий чехол (тонкий, без утеплителя)',
      '',
      'Гарантия 12 месяцев.',
      '',
    ].join('\n'),
    'dostavka.md': '# Доставка\n\nСДЭК по России, посылка идёт 3–5 дней. Чехол для гитары утеплённый — 2 800 руб.\n',
  });
  const listing = { id: GUITAR, title: 'Гитара Yamaha FX310' };

  it('asks whether the thing comes with the item', async () => {
    expect(extractTerms('а чехол идет?')).toContain(termOf('комплекте'));
    expect(await shop.ask('а чехол идет?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('мягкий чехол') });
  });

  it('keeps the time where a shipment or a time word stands beside it', async () => {
    expect(extractTerms('посылка сколько идет')).not.toContain(termOf('комплекте'));
    expect(await shop.ask('посылка сколько идет?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('3–5 дней') });
  });
});

describe('a city whose name ends like a verb ("Сургут")', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': '# Доставка\n\nДоставка по Москве курьером — 500 руб, на следующий день.\n\nВ другие города по всей России отправляем СДЭК, 3–7 дней.\n',
  });

  it('is the place asked of, not a verb dropped from the question', async () => {
    const index = buildPassageIndex([{ id: 0, document: 'dostavka.md', title: '', headings: [], text: 'Доставка по Москве курьером.', position: 0 }]);
    expect(index.resolveText('доставка в сургут')).toContain(termOf('сургут'));
    expect(await shop.ask('а доставка в сургут есть?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('СДЭК') });
  });
});

describe('"а" typed without a comma before a second question', () => {
  const shop = useKnowledgeFolder({
    'uslovia.md': '# Условия\n\nДоставка по городу курьером, 300 руб.\n\nОплата картой при получении или переводом.\n\nГарантия на всё 14 дней.\n',
  });

  it('opens a question of its own', async () => {
    expect(readQuestions('пенка на сухую кожу пойдет а тонер как часто мазать')).toBe('пенка на сухую кожу пойдет, а тонер как часто мазать');
    expect(readQuestions('а то что есть скидка')).toBe('а то что есть скидка');
    const answer = await shop.ask('курьер по городу доставит а гарантия какая');
    expect(answer.text).toContain('300 руб');
    expect(answer.text).toContain('14 дней');
  });

  it('is left alone inside a short clause or before a clause asking nothing', () => {
    expect(readQuestions('а вы а доставка есть')).toBe('а вы а доставка есть');
    expect(readQuestions('доставка есть по городу а там посмотрим')).toBe('доставка есть по городу а там посмотрим');
  });
});

describe('not fitting given as the reason for a return', () => {
  const SOFA = 4160000003;
  const shop = useKnowledgeFolder({
    [`item-${SOFA}-divan.txt`]: 'Угловой диван Осло, новый. Подходит для комнат от 12 м². Гарантия 18 месяцев.\n',
    'vozvrat.md': '# Возврат\n\nМебель из наличия надлежащего качества можно вернуть в течение 7 дней, если сохранена упаковка.\n',
  });

  it('asks the return, not whether the thing fits', async () => {
    expect(extractTerms('не подойдет вернуть можно')).not.toContain(termOf('подойдет'));
    expect(extractTerms('на рио подойдет?')).toContain(termOf('подойдет'));
    expect(await shop.ask('а диван не подойдет вернуть можно?', { id: SOFA, title: 'Угловой диван Осло' })).toMatchObject({
      status: 'FOUND',
      text: expect.stringContaining('7 дней'),
    });
  });
});

describe('the seller\'s premises asked where they are', () => {
  const shop = useKnowledgeFolder({
    'o-nas.md': [
      '# О нас',
      '',
      'Продаём стройматериалы со своей площадки, работаем с 2011 года.',
      '',
      'Адрес: пос. Южный, ул. Северная, 2Б. Заезд с Ростовского шоссе.',
      '',
      'Телефон склада: +7 918 320-45-17.',
      '',
    ].join('\n'),
  });

  it('are answered by the shop\'s address, which names no premises', async () => {
    expect(extractTerms('адрес склада')).not.toContain(termOf('склада'));
    expect(extractTerms('телефон склада')).toContain(termOf('склада'));
    expect(await shop.ask('напишите адрес склада')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('Северная, 2Б') });
  });
});
