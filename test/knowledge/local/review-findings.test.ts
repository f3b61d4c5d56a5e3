/**
 * Review of the engine changes since 94b9eb1: questions the new code answered with something the documents do not say,
 * or no longer answered where 94b9eb1 quoted the right passage. Each `it` is one finding; each failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('review: a condition beside a question of only title words (answer.ts setCircumstancesApart, asksTitle)', () => {
  const PHONE = 9101;
  const SOFA = 9102;
  const shop = useKnowledgeFolder({
    [`item-${PHONE}-telefon.md`]: '# Телефон Samsung A52, гарантия\n\nТелефон в хорошем состоянии. Гарантия магазина 3 месяца.\n',
    [`item-${SOFA}-divan.md`]: '# Диван угловой\n\nДиван угловой, механизм еврокнижка. Размер 240×160, спальное место 200×140.\n',
  });

  it('does not answer what happens under the condition with the bare title words ("телефон если в воду упадет?")', async () => {
    // 94b9eb1: NOT_FOUND. Now: "Телефон в хорошем состоянии. Гарантия магазина 3 месяца." — nothing about water.
    expect((await shop.ask('телефон если в воду упадет?', { id: PHONE, title: 'Телефон Samsung A52, гарантия' })).status).toBe('NOT_FOUND');
    // Now: the sofa's description, which says nothing about a cat's claws.
    expect((await shop.ask('диван если кошка подерет?', { id: SOFA, title: 'Диван угловой' })).status).toBe('NOT_FOUND');
  });

  it('does not answer whether the warranty covers a drop with the warranty term alone ("гарантия если уроню?")', async () => {
    // 94b9eb1: NOT_FOUND. Now: "Гарантия магазина 3 месяца", read by the buyer as "a dropped phone is covered".
    for (const question of ['гарантия если уроню?', 'а гарантия, если экран разобью?', 'гарантия если утоплю']) {
      expect((await shop.ask(question, { id: PHONE, title: 'Телефон Samsung A52, гарантия' })).status, question).toBe('NOT_FOUND');
    }
  });
});

describe('review: "мкр"/"ул" read as the location concept (vocabulary.ts, answer.ts ADDRESS and isAbout)', () => {
  const FILTER = 9103;
  const shop = useKnowledgeFolder({
    [`item-${FILTER}-kartridzh.md`]: '# Картридж для фильтра\n\nКартридж механической очистки, 5 мкр, 10 дюймов. Менять раз в 3 месяца.\n',
    'prais.csv': 'Наименование;Цена\nКартридж PP 5 мкр 10";250\nКартридж PP 1 мкр 20";400\n',
    'oplata.md': '# Оплата\n\nОплата переводом или Авито Доставкой.\n',
  });

  it('does not answer "где вы находитесь" with a filter\'s micron rating ("5 мкр")', async () => {
    // 94b9eb1: NOT_FOUND. Now: "Картридж механической очистки, 5 мкр, 10 дюймов…" and the price list's "PP 5 мкр 10\"".
    expect((await shop.ask('где вы находитесь?', { id: FILTER, title: 'Картридж для фильтра' })).text).not.toMatch(/мкр/u);
    expect((await shop.ask('адрес скиньте')).text).not.toMatch(/Картридж/u);
  });

});

describe('review: a delivery zone read as the shop\'s address (vocabulary.ts "мкр"/"ул", answer.ts ADDRESS and isAbout)', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': '# Доставка\n\nПо центру бесплатно. В мкр Северный 2 и Южный — 300 ₽.\n\nДоставляем по городу: ул. Ленина 1-100 бесплатно, остальное — 300 ₽.\n',
    'oplata.md': '# Оплата\n\nНаличными курьеру или переводом.\n',
  });

  it('does not answer "где вы находитесь" with the districts a delivery goes to', async () => {
    // 94b9eb1: NOT_FOUND. Now: "По центру бесплатно. В мкр Северный 2 и Южный — 300 ₽." or "…ул. Ленина 1-100 бесплатно…":
    // where the shop delivers, not where it is.
    for (const question of ['где вы находитесь?', 'адрес ваш']) {
      const answer = await shop.ask(question);
      expect(answer.status, `${question}: ${answer.text}`).toBe('NOT_FOUND');
    }
  });
});

describe('review: the buyer\'s case in a trailing "у меня…" clause dropped (reason-clauses.ts dropCircumstanceTail)', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': '# Доставка\n\nДоставка по России 3–5 дней.\n\nВ Калининград — 7–10 дней, только Почтой.\n',
    'ceny.md': '# Цены\n\nПокраска диска — 2000 ₽.\n\nДиски R18 и больше — 3000 ₽ за диск.\n',
    'razmery.md': '# Размеры\n\n86 — на 1–1,5 года.\n\n92 — на 2 года.\n\n98 — на 3 года.\n\n104 — на 4 года.\n',
  });

  it('answers for the buyer\'s region, not the general case ("сколько дней доставка, у меня калининград")', async () => {
    // 94b9eb1: "В Калининград — 7–10 дней". Now: "Доставка по России 3–5 дней" — wrong for Kaliningrad.
    for (const question of ['сколько дней доставка, у меня калининград', 'какие сроки доставки, у нас калининград']) {
      expect((await shop.ask(question)).text, question).toContain('7–10 дней');
    }
  });

  it('answers for the buyer\'s size, not the base price ("сколько стоит покраска, у меня r18")', async () => {
    // 94b9eb1: both lines, R18's 3000 ₽ among them. Now: only "Покраска диска — 2000 ₽" — wrong for R18.
    for (const question of ['сколько стоит покраска, у меня r18', 'сколько стоит покраска диска, у нас диски r18']) {
      expect((await shop.ask(question)).text, question).toContain('3000');
    }
  });

  it('still answers a size asked for the buyer\'s child ("какой размер взять, у меня ребенку 3 года")', async () => {
    // 94b9eb1: "98 — на 3 года". Now: NOT_FOUND.
    for (const question of ['какой размер взять, у меня ребенку 3 года', 'какой размер брать, у нас 3 года']) {
      expect((await shop.ask(question)).text, question).toContain('98 — на 3 года');
    }
  });
});

describe('review: an address preferred for any "адрес" question (answer.ts preferAddress)', () => {
  const shop = useKnowledgeFolder({
    'vozvrat.md': '# Возврат\n\nВозврат в течение 14 дней: отправьте на адрес, указанный в накладной.\n',
    'o-nas.md': '# О нас\n\nПункт выдачи — ул. Ленина, 5, возврат тоже принимаем.\n',
  });

  it('answers where to send a return with the return rule, not the pick-up point\'s street', async () => {
    // 94b9eb1: "…отправьте на адрес, указанный в накладной." Now: "Пункт выдачи — ул. Ленина, 5…" as the return address.
    for (const question of ['адрес для возврата какой?', 'на какой адрес отправлять возврат']) {
      expect((await shop.ask(question)).text, question).toContain('указанный в накладной');
    }
  });
});

describe('review: a count written into a word with a range (listed-values.ts numbersOtherCounts via holdsNumbers)', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': '# Доставка\n\nОтправка в течение 1-2-х дней после оплаты. СДЭК, Почта России.\n',
  });

  it('still answers "отправите за 3 дня?" from "в течение 1-2-х дней"', async () => {
    // 94b9eb1: FOUND with that line. Now: NOT_FOUND — "2-х дней" is read as the only count of days the passage allows.
    expect((await shop.ask('отправите за 3 дня?')).text).toContain('1-2-х дней');
  });
});

describe('review: a paragraph led by the whole product named in a set\'s title (answer-check.ts speaksOfNamedPart)', () => {
  const STROLLER = 9104;
  const shop = useKnowledgeFolder({
    [`item-${STROLLER}-kolyaska.md`]:
      '# Коляска 2 в 1\n\nКоляска. Колёса надувные, амортизация на всех колёсах, складывается книжкой.\n\nЛюлька. Матрасик кокосовый, капюшон до бампера.\n',
  });

  it('still answers of the stroller\'s chassis for its walking unit ("а у прогулки какие колеса?")', async () => {
    // 94b9eb1: "Коляска. Колёса надувные…". Now: NOT_FOUND — "Коляска." is read as another product of the title.
    const listing = { id: STROLLER, title: 'Коляска 2 в 1, люлька и прогулка' };
    expect((await shop.ask('а у прогулки какие колеса?', listing)).text).toContain('Колёса надувные');
    expect((await shop.ask('прогулка как складывается', listing)).text).toContain('складывается книжкой');
  });
});

describe('review: "скока ударов" answered only by a number before the noun (measure-check.ts findCountedNouns)', () => {
  const DRILL = 9105;
  const shop = useKnowledgeFolder({
    [`item-${DRILL}-perforator.md`]:
      '# Перфоратор Makita HR2470\n\nМощность 780 Вт. Энергия удара 2,4 Дж. Частота ударов: 4500 уд/мин.\n\nВ комплекте кейс и 3 бура.\n',
  });

  it('still answers from "Частота ударов: 4500 уд/мин"', async () => {
    // 94b9eb1: FOUND with that line. Now: NOT_FOUND — the label "Частота ударов" is not "Количество ударов".
    expect((await shop.ask('скока ударов', { id: DRILL, title: 'Перфоратор Makita HR2470' })).text).toContain('4500');
  });
});

describe('review: any word after "выдачи"/"пвз" read as a named option (named-options.ts PICKUP_POINTS)', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': '# Доставка\n\nОтправляем СДЭК и Почтой России. Забрать можно в пункте выдачи СДЭК в течение 7 дней.\n',
  });

  it('still answers "пункт выдачи любой можно?": "любой" names no one\'s pick-up point', async () => {
    // 94b9eb1: FOUND with that line. Now: NOT_FOUND — "любой" is taken for a delivery service the shop never names.
    expect((await shop.ask('пункт выдачи любой можно?')).text).toContain('в пункте выдачи СДЭК');
  });
});

describe('review: a brand said the Russian way no longer read by sound (latin-reading.ts readsAsLatin, merged from h/sound)', () => {
  const shop = useKnowledgeFolder({
    'prais.csv': 'Наименование;Цена\nБензопила Stihl MS 180;21000\nТриммер Husqvarna 128R;15000\n',
  });

  it('still reads "штиль" as Stihl in a shop selling Stihl saws', async () => {
    // 94b9eb1: "Бензопила Stihl MS 180; 21000". Now: NOT_FOUND — "ш" is spelt only sh/sch/ch, never the "S" of "St".
    for (const question of ['штиль есть?', 'бензопила штиль 180 сколько стоит']) {
      expect((await shop.ask(question)).text, question).toContain('Stihl');
    }
  });
});

describe('review: a listing titled with its micron rating (vocabulary.ts "мкр" as the location concept)', () => {
  const FILTER = 9106;
  const shop = useKnowledgeFolder({
    [`item-${FILTER}-filtr.md`]: '---\ntitle: Фильтр для воды 5 мкр\nprice: 900\n---\n\nМеханическая очистка, картридж 10 дюймов.\n',
  });

  it('does not answer "адрес?" with the listing\'s description', async () => {
    // 94b9eb1: NOT_FOUND. Now: "Механическая очистка, картридж 10 дюймов." — the title's "мкр" reads as "где находится".
    for (const question of ['адрес?', 'где вы находитесь']) {
      expect((await shop.ask(question, { id: FILTER, title: 'Фильтр для воды 5 мкр' })).status, question).toBe('NOT_FOUND');
    }
  });
});
