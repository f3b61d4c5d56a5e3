import { describe, expect, it } from 'vitest';
import { readPhrases } from '../../../src/knowledge/local/phrase-reading.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('an exchange the buyer offers ("обмен на …", "поменяю на свой … с доплатой")', () => {
  const WATCH = 7901;
  const shop = useKnowledgeFolder({
    [`item-${WATCH}-chasy.md`]: '---\ntitle: Часы Galaxy Watch5\n---\n\nБ/у, без царапин, ремешок родной.\n\n12 500 руб. Небольшой торг при встрече. Обмен не интересует.',
    'faq.md': '# Вопросы\n\n**Можно обменять б/у кресло на ваше?** Обмен не делаем, но можем взять ваше на комиссию.',
  });

  it('is answered by the exchange itself: the thing offered is the buyer\'s own', async () => {
    for (const question of ['а обмен на эирподсы интересует?', 'поменяю на свой ибанез с доплатой, интересно?']) {
      const answer = await shop.ask(question, { id: WATCH });
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain('Обмен не интересует');
    }
  });

  it('names the buyer\'s thing by "наше" and the surcharge by "с доплатой", neither of which the documents hold', async () => {
    const answer = await shop.ask('можно наше кресло обменять на ваше с доплатой');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Обмен не делаем');
  });

  it('keeps the words after "на" of anything else', () => {
    expect(readPhrases(['доставка', 'на', 'дом'])).toEqual(['доставка', 'на', 'дом']);
    expect(readPhrases(['обмен', 'на', 'эирподсы', 'с', 'доплатой'])).toEqual(['обмен', 'на', 'с']);
  });
});

describe('a trade-in asked ("в зачёт примете?", "за сколько примете?", "трейдин")', () => {
  const shop = useKnowledgeFolder({
    'o-magazine.txt': 'Магазин часов и наушников.\n\nСкупка: б/у часы и наушники выкупаем или берем в зачет при покупке, цену называем после осмотра.\n\nДоставка СДЭК по России.',
    'trade-in.md': '# Ваш телефон в зачёт\n\n| Модель | Память | В зачёт до, ₽ |\n|---|---|---|\n| Samsung Galaxy S22 | 8/128 | 19 000 |\n| iPhone 12 | 128 ГБ | 22 000 |',
    'prays.md': '# Цены\n\n| Модель | Цена, ₽ |\n|---|---|\n| Samsung Galaxy S22 8/128 | 32 000 |\n| iPhone 13 128 ГБ | 42 000 |',
  });

  it('is answered by "берём в зачёт": the buyer\'s "примете" asks nothing of its own', async () => {
    const answer = await shop.ask('старые часы в зачет примете?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('берем в зачет');
  });

  it('reads "за сколько примете" as the value in trade-in', async () => {
    const answer = await shop.ask('самсунг s22 за сколько примете');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('19 000');
    expect(answer.text).not.toContain('32 000');
  });
});

describe('a discount refused in the plural ("Скидок нет")', () => {
  const CHAIR = 7902;
  const shop = useKnowledgeFolder({
    [`item-${CHAIR}-stulchik.md`]: '---\ntitle: Стульчик для кормления\n---\n\nСтульчик новый, два в наличии.\n\nЦена 8 990 ₽. Скидок на него нет, цена фиксированная.',
  });

  it('answers "скидка будет?"', async () => {
    const answer = await shop.ask('скидка будет?', { id: CHAIR });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Скидок на него нет');
  });
});

describe('a lower price on a condition of the deal ("наличкой дешевле будет?")', () => {
  const SCOOTER = 7903;
  const BAGS = 7904;
  const shop = useKnowledgeFolder({
    [`item-${SCOOTER}-samokat.json`]: JSON.stringify({ item_id: SCOOTER, название: 'Электросамокат', цена: '46 990 руб', торг: 'нет, но при оплате наличными скидка 1 000 руб' }),
    [`item-${BAGS}-rotband.md`]: '---\ntitle: Штукатурка Ротбанд\n---\n\nСухие смеси в мешках храним на поддонах. Отпускаем от 1 мешка, целыми поддонами — в заводской плёнке.\n\nЦена 560 ₽ за мешок.',
  });

  it('is the discount the documents state', async () => {
    const answer = await shop.ask('наличкой дешевле будет?', { id: SCOOTER });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('скидка 1 000 руб');
  });

  it('still needs a passage stating a price: a bulk price never stated is not made up', async () => {
    const answer = await shop.ask('целый поддон возьму, за мешок дешевле выйдет?', { id: BAGS });
    expect(answer.status).toBe('NOT_FOUND');
  });
});

describe('buying so many ("если все 4 беру", "беру 6 штук")', () => {
  const TIRES = 7905;
  const shop = useKnowledgeFolder({
    [`item-${TIRES}-shiny.txt`]: 'Cordiant Comfort 2 185/65 R15, новые.\n\nЦена 5 200 р. за 1 шт. Комплект 4 шт - 20 000 р.\n\nУстановка у нас - по прайсу на шиномонтаж, при покупке 4 шт монтаж R15 за 1000 р. вместо 2000.',
  });

  it('is the condition of the price the documents state, no question of its own', async () => {
    const answer = await shop.ask('если все 4 беру монтаж у вас скока будет', { id: TIRES });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('за 1000 р.');
  });
});

describe('a part of a set bought apart ("без остального", "без матраса подешевле")', () => {
  const SET = 7906;
  const COT = 7907;
  const shop = useKnowledgeFolder({
    [`item-${SET}-nabor.md`]: '---\ntitle: Набор COSRX: пенка, тонер, крем\n---\n\nНабор из трёх средств, всё новое.\n\n| Что | Объём | Цена отдельно |\n|---|---|---|\n| Пенка | 150 мл | 1 190 ₽ |\n| Крем | 100 г | 1 990 ₽ |\n\n**Цена за весь набор — 2 900 ₽.**',
    [`item-${COT}-krovatka.txt`]: 'Кроватка детская с маятником + матрас. Новая, в упаковке.\n\nМатрас в комплекте: кокос, толщина 10 см.\n\nЦена кроватка + матрас 14 900 р. Отдельно кроватку без матраса не продаём.',
  });

  it('is the documents\' "отдельно"', async () => {
    const answer = await shop.ask('можно тока крем взять без остального скока он', { id: SET });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('1 990');
  });

  it('asks, by a lower price for leaving a part out, whether it is sold apart', async () => {
    const answer = await shop.ask('а можно без матраса подешевле взять', { id: COT });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('без матраса не продаём');
  });
});

describe('a bargain and a total asked together ("скока за все 4 колеса, подвинетесь по цене?")', () => {
  const WHEELS = 7908;
  const shop = useKnowledgeFolder({
    [`item-${WHEELS}-kolesa.json`]: JSON.stringify({
      item_id: WHEELS,
      название: 'Колеса в сборе: штампованные диски + зимняя резина 185/65 R15',
      цена: '24 000 руб за 4 колеса в сборе',
      торг: 'разумный торг у машины',
      'что входит': '4 колеса собраны и отбалансированы, ниппели новые',
    }),
  });

  it('answers both: "сколько за" asks the price, "по цене" belongs to the bargain', async () => {
    const answer = await shop.ask('скока за все 4 колеса, подвинетесь по цене?', { id: WHEELS });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('24 000');
    expect(answer.text).toContain('у машины');
  });
});

describe('one piece sold on its own ("а одну продадите?")', () => {
  const TIRES = 7909;
  const shop = useKnowledgeFolder({
    [`item-${TIRES}-shiny.txt`]: 'Cordiant Comfort 2 185/65 R15, новые, с наклейками. В наличии 8 шт, можно брать и по одной, и по 2, и комплект.\n\nЦена 5 200 р. за 1 шт.',
    'teplica.md': '# Теплица\n\nДвери 2 шт (по одной в каждом торце), форточки 2 шт.',
  });

  it('is answered by "можно брать и по одной"', async () => {
    const answer = await shop.ask('а одну продадите?', { id: TIRES });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('брать и по одной');
  });

  it('is not "по одной в каждом торце", which shares them out', async () => {
    const answer = await shop.ask('двери по одной продаете?');
    expect(answer.text).not.toContain('торце');
  });
});
