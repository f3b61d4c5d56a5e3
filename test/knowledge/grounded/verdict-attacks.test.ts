/**
 * The grounding check under attack, and what it costs. Attacks are model replies that state a fact the cited passages
 * do not hold: each one refused is a regression test, each one let through stays here as `it.fails('bypass: …')` so
 * the suite is green and every known hole is listed. Good answers a decent model writes are asserted FOUND; each one
 * refused stays as `it.fails('false refusal: …')` with the reason the check gave.
 */
import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../../src/core/ports.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { judgeReply, type GroundingContext, type Verdict } from '../../../src/knowledge/grounded/verdict.js';

const LISTING_TITLE = "Кофемашина De'Longhi Magnifica S ECAM 22.110.B";
const MACHINE = "Кофемашина De'Longhi Magnifica S";

/** A seller's documents as the index splits them: the listing's own first, then general ones (ids P1…P7 in this order). */
const DOCUMENTS: ReadonlyArray<Omit<Passage, 'id' | 'position'>> = [
  {
    document: 'items/1/kofemashina.md',
    itemId: 1,
    title: MACHINE,
    headings: ['Цена и состояние'],
    text: 'Цена — 24 990 ₽. Торг небольшой, при осмотре. Состояние отличное, пользовались 1 год. Полный комплект: коробка, гарантийный талон, дата продажи указана в документах.',
  },
  {
    document: 'items/1/kofemashina.md',
    itemId: 1,
    title: MACHINE,
    headings: ['Характеристики'],
    text: 'Цвет чёрный. Резервуар для воды 1,8 л, давление 15 бар, мощность 1450 Вт. Встроенная кофемолка, капучинатор ручной.',
  },
  {
    document: 'dostavka.md',
    title: 'Доставка и самовывоз',
    headings: [],
    text: 'Доставка по Москве курьером — 500 ₽, 1–2 дня. По России отправляем СДЭКом, стоимость по тарифу СДЭК. Самовывоз: м. Бауманская, ул. Ленина, 5.',
  },
  { document: 'oplata.md', title: 'Оплата', headings: [], text: 'Оплата наличными при получении или переводом на карту. Рассрочки и кредита нет.' },
  {
    document: 'garantiya.md',
    title: 'Гарантия и возврат',
    headings: [],
    text: 'Гарантия на кофемашины — 12 месяцев. Возврат принимаем в течение 14 дней, если товар не был в использовании.',
  },
  { document: 'kontakty.md', title: 'Контакты', headings: [], text: 'Работаем ежедневно с 10:00 до 20:00. Телефон: +7 (999) 123-45-67.' },
  {
    document: 'aksessuary.md',
    title: 'Аксессуары к кофемашинам',
    headings: [],
    text: 'Средство от накипи — 450 ₽. Молочник стальной 350 мл — 1 200 ₽. Фильтр для воды — 690 ₽.',
  },
];

const index = buildPassageIndex(DOCUMENTS.map((document, id) => ({ ...document, id, position: id })));
const PASSAGES: RetrievedPassage[] = DOCUMENTS.map((document) => ({
  source: document.document,
  text: document.text,
  heading: [document.title, ...document.headings].join(' › '),
  score: 1,
  scope: document.itemId === undefined ? 'general' : 'item',
  ...(document.itemId === undefined ? {} : { itemId: document.itemId }),
  matched: [],
}));

const contextOf = (question: string): GroundingContext => ({ passages: PASSAGES, termsOf: index.termsOf, question, listingTitle: LISTING_TITLE });
const jsonReply = (answer: string, sources: readonly string[]): string => JSON.stringify({ answerable: true, wants_person: false, answer, sources });

interface Case {
  /** What the case is, as the test's name. */
  name: string;
  question: string;
  /** The model's answer text; `raw` replaces the whole completion instead. */
  answer?: string;
  sources?: readonly string[];
  raw?: string;
  /** Attacks: why the check lets it through (a known bypass). Good answers: the reason the check refused it. */
  known?: string;
}

const judge = (test: Case): Verdict =>
  judgeReply({ text: test.raw ?? jsonReply(test.answer ?? '', test.sources ?? ['P1']), finishReason: 'stop' }, contextOf(test.question));

/** Replies that state something no cited passage says: each must end as NOT_FOUND. */
const ATTACKS: Case[] = [
  // Numbers in words and odd formats.
  {
    name: 'a price in words the number reader does not know ("семьсот")',
    question: 'Сколько стоит молочник?',
    answer: 'Молочник стоит семьсот рублей.',
    sources: ['P7'],
  },
  {
    name: 'a price as "девятьсот девяносто" (read as 90)',
    question: 'Сколько стоит молочник?',
    answer: 'Молочник стальной стоит девятьсот девяносто рублей.',
    sources: ['P7'],
  },
  { name: 'a price as "0,99 тыс"', question: 'Сколько стоит молочник?', answer: 'Молочник стальной — 0,99 тыс. ₽.', sources: ['P7'] },
  { name: 'a price glued to its unit ("990р")', question: 'Сколько стоит молочник?', answer: 'Молочник стальной — 990р.', sources: ['P7'] },
  {
    name: 'a price as "1.8k" whose digits stand in another cited passage (1,8 л)',
    question: 'Сколько стоит фильтр?',
    answer: 'Фильтр для воды стоит 1.8k.',
    sources: ['P2', 'P7'],
  },
  {
    name: 'a price as "две с половиной тысячи"',
    question: 'Сколько стоит молочник?',
    answer: 'Молочник стальной стоит две с половиной тысячи.',
    sources: ['P7'],
  },
  {
    name: 'a warranty in roman numerals',
    question: 'Какая гарантия?',
    answer: 'Гарантия на кофемашины — XXIV месяца.',
    sources: ['P5'],
  },
  {
    name: 'a date in words ("пятого мая")',
    question: 'Когда отправите?',
    answer: 'Отправим СДЭКом по России пятого мая, по Москве доставка курьером.',
    sources: ['P3'],
  },
  {
    name: 'a delay in words ("через неделю")',
    question: 'Когда отправите в Казань?',
    answer: 'По России отправляем СДЭКом через неделю.',
    sources: ['P3'],
  },
  {
    name: 'a price in full-width digits',
    question: 'Сколько стоит доставка по Москве?',
    answer: 'Доставка по Москве курьером — ７００ ₽.',
    sources: ['P3'],
  },
  {
    name: 'a price with Latin O for zeros ("1OOO ₽" read as 1)',
    question: 'Сколько стоит доставка по Москве?',
    answer: 'Доставка по Москве курьером — 1OOO ₽.',
    sources: ['P3'],
  },
  {
    name: 'a price with a European thousands dot ("1.800 ₽" read as 1.8)',
    question: 'Сколько стоит фильтр?',
    answer: 'Фильтр для воды — 1.800 ₽.',
    sources: ['P2', 'P7'],
  },
  // Negation flips: the passage's words, the opposite fact.
  {
    name: '"no delivery" over a passage that delivers',
    question: 'Доставка есть?',
    answer: 'Доставки по Москве нет, только самовывоз.',
    sources: ['P3'],
  },
  {
    name: '"we do not take returns" over "возврат принимаем"',
    question: 'Можно вернуть, если не понравится?',
    answer: 'Возврат не принимаем.',
    sources: ['P5'],
  },
  {
    name: '"yes, instalments" over "рассрочки нет"',
    question: 'Можно в рассрочку?',
    answer: 'Да, рассрочка есть.',
    sources: ['P4'],
  },
  {
    name: '"no bargaining" over "торг небольшой"',
    question: 'Торг уместен?',
    answer: 'Торга нет, цена окончательная.',
    sources: ['P1'],
  },
  {
    name: '"cannot pay by card" over a passage that takes transfers ("нельзя" is a stop word)',
    question: 'Переводом можно?',
    answer: 'Переводом на карту оплатить нельзя, только наличными при получении.',
    sources: ['P4'],
  },
  // Facts moved between items, passages, units.
  {
    name: "one item's price given for another in the same price list",
    question: 'Сколько стоит молочник?',
    answer: 'Молочник стальной 350 мл стоит 690 ₽.',
    sources: ['P7'],
  },
  {
    name: 'a price borrowed from another cited passage',
    question: 'Сколько стоит доставка по Москве?',
    answer: 'Доставка по Москве курьером — 450 ₽.',
    sources: ['P3', 'P7'],
  },
  {
    name: "the return period's number given as the warranty",
    question: 'Какая гарантия?',
    answer: 'Гарантия на кофемашины — 14 месяцев.',
    sources: ['P5'],
  },
  {
    name: 'a price from the phone number of a cited passage',
    question: 'Сколько стоит доставка по Москве?',
    answer: 'Доставка по Москве курьером — 999 ₽.',
    sources: ['P3', 'P6'],
  },
  {
    name: 'a discount whose percentage is the opening hour of a cited passage',
    question: 'Скидку сделаете?',
    answer: 'Торг небольшой: при осмотре скидка 10%.',
    sources: ['P1', 'P6'],
  },
  {
    name: 'roubles swapped for dollars',
    question: 'Сколько стоит доставка?',
    answer: 'Доставка по Москве курьером — 500 $.',
    sources: ['P3'],
  },
  {
    name: 'months swapped for years',
    question: 'Какая гарантия?',
    answer: 'Гарантия на кофемашины — 12 лет.',
    sources: ['P5'],
  },
  {
    name: 'hours made minutes',
    question: 'Как быстро доставка по Москве?',
    answer: 'Доставка по Москве курьером за 1–2 часа.',
    sources: ['P3'],
  },
  // Places, brands, colours, sizes.
  {
    name: 'another street for pickup',
    question: 'Где самовывоз?',
    answer: 'Самовывоз: м. Бауманская, ул. Пушкина, 5.',
    sources: ['P3'],
  },
  {
    name: 'another colour',
    question: 'Какой цвет?',
    answer: "Кофемашина De'Longhi Magnifica S, цвет серебристый.",
    sources: ['P2'],
  },
  {
    name: 'another brand',
    question: 'Какая фирма?',
    answer: 'Кофемашина Philips, цвет чёрный, резервуар для воды 1,8 л.',
    sources: ['P2'],
  },
  {
    name: 'a milk system the listing does not have',
    question: 'Капучинатор автоматический?',
    answer: 'Да, капучинатор автоматический, кофемолка встроенная.',
    sources: ['P2'],
  },
  { name: 'a size the passage does not state', question: 'Какой объём резервуара?', answer: 'Резервуар для воды на 3 литра.', sources: ['P2'] },
  // Yes and no: agreeing to the buyer's claim with the passage's words.
  { name: '"yes, in stock" repeating the question', question: 'Есть в наличии?', answer: 'Да, в наличии.', sources: ['P1'] },
  {
    name: '"yes" to free delivery, with only grounded words after it',
    question: 'Доставка бесплатная?',
    answer: 'Да, доставка по Москве курьером.',
    sources: ['P3'],
  },
  {
    name: '"yes" to "is it new?" over a used machine',
    question: 'Кофемашина новая?',
    answer: 'Да, состояние отличное, полный комплект.',
    sources: ['P1'],
  },
  {
    name: '"yes" to a foreign city, named as "your city"',
    question: 'Отправите в Минск?',
    answer: 'Да, отправим СДЭКом в ваш город.',
    sources: ['P3'],
  },
  {
    name: '"yes" to a city no passage names',
    question: 'Доставляете в Казань курьером?',
    answer: 'Да, доставляем курьером в Казань.',
    sources: ['P3'],
  },
  {
    name: 'a city the buyer named in an earlier message, not in the question',
    question: 'А курьером?',
    answer: 'Да, курьером доставляем и в Казань, по Москве 1–2 дня.',
    sources: ['P3'],
  },
  // Promises.
  {
    name: 'same-day dispatch ("сегодня" is a stop word)',
    question: 'Когда отправите?',
    answer: 'Отправим сегодня СДЭКом.',
    sources: ['P3'],
  },
  {
    name: 'a discount and same-day dispatch promised',
    question: 'Скинете, если заберу сегодня?',
    answer: 'Для вас сделаем скидку и отправим сегодня же.',
    sources: ['P1', 'P3'],
  },
  {
    name: 'free delivery',
    question: 'Сколько стоит доставка?',
    answer: 'Доставка по Москве курьером бесплатно, 1–2 дня.',
    sources: ['P3'],
  },
  // One invented clause among quoted ones.
  {
    name: 'a gift appended to a quoted passage',
    question: 'Как доставляете?',
    answer:
      'Доставка по Москве курьером — 500 ₽, 1–2 дня. По России отправляем СДЭКом, стоимость по тарифу СДЭК. Самовывоз: м. Бауманская, ул. Ленина, 5. К заказу дарим упаковку капсул.',
    sources: ['P3'],
  },
  {
    name: 'an extended warranty appended to quoted passages',
    question: 'Гарантия и возврат?',
    answer:
      'Гарантия на кофемашины — 12 месяцев. Возврат принимаем в течение 14 дней, если товар не был в использовании. За доплату продлим гарантию.',
    sources: ['P5'],
  },
  // Other scripts.
  {
    name: 'an answer wholly in English',
    question: 'Do you deliver to Moscow?',
    answer: 'Yes, delivery in Moscow by courier is free of charge.',
    sources: ['P3'],
  },
  {
    name: 'an English clause after a grounded Russian one',
    question: 'Сколько стоит доставка?',
    answer: 'Доставка по Москве курьером — 500 ₽, shipping is free.',
    sources: ['P3'],
  },
  {
    name: 'the question\'s city with a Latin "a" (escapes the echo check)',
    question: 'Доставляете в Казань курьером?',
    answer: 'Да, доставляем курьером в Кaзань, по Москве 1–2 дня.',
    sources: ['P3'],
  },
  // Citations and JSON.
  {
    name: 'a real and a bogus citation',
    question: 'Сколько стоит доставка?',
    answer: 'Доставка по Москве курьером — 500 ₽.',
    sources: ['P3', 'P12'],
  },
  {
    name: 'citing every passage to borrow a number',
    question: 'Сколько стоит доставка по Москве?',
    answer: 'Доставка по Москве курьером — 1 200 ₽.',
    sources: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'],
  },
  {
    name: 'answerable as the string "true"',
    question: 'Рассрочка есть?',
    raw: '{"answerable": "true", "wants_person": false, "answer": "Да, рассрочка на 12 месяцев.", "sources": ["P4"]}',
  },
  {
    name: 'a second JSON object after the first',
    question: 'Сколько стоит доставка?',
    raw: `${jsonReply('Доставка по Москве курьером — 500 ₽.', ['P3'])}\n${jsonReply('Всё бесплатно!', ['P3'])}`,
  },
  {
    name: 'a duplicate "answer" key: the last one, invented, wins',
    question: 'Сколько стоит доставка?',
    raw: '{"answerable": true, "wants_person": false, "answer": "Доставка по Москве курьером — 500 ₽.", "answer": "Доставка бесплатно!", "sources": ["P3"]}',
  },
  {
    name: 'JSON nested in the answer text',
    question: 'Сколько стоит доставка?',
    answer: '{"answer": "Доставка по Москве курьером — 500 ₽", "note": "бесплатно"}',
    sources: ['P3'],
  },
  {
    name: 'an invented fact in a fenced block with a citation in the text',
    question: 'Рассрочка есть?',
    raw: '```json\n{"answerable": true, "wants_person": false, "answer": "Да, рассрочка без переплаты [P4].", "sources": ["P4"]}\n```',
  },
  {
    name: 'the answer under another key, the invented text in prose around the JSON',
    question: 'Сколько стоит доставка?',
    raw: 'Доставка бесплатно! {"answerable": true, "wants_person": false, "text": "Доставка бесплатно!", "sources": ["P3"]}',
  },
];

/** Answers a decent model writes from the passages: each must be FOUND. */
const GOOD_ANSWERS: Case[] = [
  {
    name: 'a greeting, the price and the bargaining, naming the product from the heading',
    question: 'Здравствуйте, сколько стоит?',
    answer: 'Здравствуйте! Кофемашина стоит 24 990 ₽, небольшой торг возможен при осмотре.',
    sources: ['P1'],
  },
  {
    name: 'delivery in other word forms and order',
    question: 'Доставите по Москве?',
    answer: 'Да, доставим курьером по Москве за 1–2 дня, стоимость 500 рублей.',
    sources: ['P3'],
  },
  { name: 'a warranty of "год" for 12 months', known: 'the answer says "год", which no cited passage holds', question: 'Гарантия есть?', answer: 'Да, гарантия на кофемашину — год.', sources: ['P5'] },
  {
    name: 'returns in other words',
    question: 'Можно вернуть?',
    answer: 'Вернуть можно в течение 14 дней, если кофемашиной не пользовались.',
    sources: ['P5'],
  },
  { name: 'payment', question: 'Как оплатить?', answer: 'Оплатить можно наличными при получении или переводом на карту.', sources: ['P4'] },
  {
    name: 'no instalments, with an apology',
    question: 'В рассрочку можно?',
    answer: 'К сожалению, рассрочки нет — оплата наличными или переводом на карту.',
    sources: ['P4'],
  },
  {
    name: 'price and delivery from two cited passages',
    question: 'Сколько стоит с доставкой по Москве?',
    answer: 'Кофемашина стоит 24 990 ₽, доставка по Москве курьером — 500 ₽.',
    sources: ['P1', 'P3'],
  },
  { name: 'the colour', question: 'Какого цвета?', answer: 'Цвет — чёрный.', sources: ['P2'] },
  { name: '"Да" and the fact', question: 'Кофемолка есть?', answer: 'Да, кофемолка встроенная.', sources: ['P2'] },
  {
    name: '"каждый день" for "ежедневно"', known: 'the answer says "кажд", which no cited passage holds',
    question: 'Когда работаете?',
    answer: 'Мы работаем каждый день с 10 до 20.',
    sources: ['P6'],
  },
  {
    name: '"без выходных" for "ежедневно"', known: 'the answer says "выходн", which no cited passage holds',
    question: 'В воскресенье работаете?',
    answer: 'Да, работаем без выходных с 10:00 до 20:00.',
    sources: ['P6'],
  },
  {
    name: 'the phone and the hours',
    question: 'Как с вами связаться?',
    answer: 'Звоните по телефону +7 999 123-45-67, ежедневно с 10:00 до 20:00.',
    sources: ['P6'],
  },
  {
    name: 'pickup with the abbreviations written out', known: 'the answer says "метр", which no cited passage holds',
    question: 'Где можно забрать?',
    answer: 'Самовывоз у метро Бауманская, улица Ленина, дом 5.',
    sources: ['P3'],
  },
  {
    name: 'a city reached by "по России"', known: 'the answer says "казан" from the question, which no cited passage holds',
    question: 'Отправите в Казань?',
    answer: 'Да, в Казань отправим СДЭКом, стоимость по тарифу СДЭК.',
    sources: ['P3'],
  },
  {
    name: 'the product named from the listing title, with its state',
    question: 'Какое состояние?',
    answer: "Кофемашина De'Longhi Magnifica S в отличном состоянии, пользовались 1 год.",
    sources: ['P1'],
  },
  {
    name: 'specifications with units written out',
    question: 'Какие характеристики?',
    answer: 'Давление 15 бар, мощность 1450 Вт, резервуар для воды на 1,8 литра.',
    sources: ['P2'],
  },
  {
    name: 'a fact and a polite closing line',
    question: 'Какая гарантия?',
    answer: 'Гарантия на кофемашины — 12 месяцев. Будем рады помочь!',
    sources: ['P5'],
  },
  {
    name: 'bargaining with a greeting',
    question: 'Торг возможен?',
    answer: 'Здравствуйте! Да, торг возможен, но небольшой и при осмотре.',
    sources: ['P1'],
  },
  {
    name: 'two accessory prices from a price list',
    question: 'Сколько стоят фильтр и средство от накипи?',
    answer: 'Фильтр для воды стоит 690 ₽, средство от накипи — 450 ₽.',
    sources: ['P7'],
  },
  {
    name: 'the warranty card and where its date is',
    question: 'Гарантийный талон есть?',
    answer: 'Да, гарантийный талон в комплекте, дата продажи указана в документах.',
    sources: ['P1'],
  },
  { name: 'a price in words', question: 'Сколько доставка по Москве?', answer: 'Доставка по Москве — пятьсот рублей.', sources: ['P3'] },
  {
    name: 'hours as "с 10 утра до 8 вечера"',
    question: 'До скольки работаете?',
    answer: 'Работаем ежедневно с 10 утра до 8 вечера.',
    sources: ['P6'],
  },
  {
    name: 'the phone written with 8 instead of +7',
    question: 'Какой телефон?',
    answer: 'Телефон: 8 (999) 123-45-67.',
    sources: ['P6'],
  },
  {
    name: 'a price without its space, in "руб."',
    question: 'Сколько стоит?',
    answer: 'Цена кофемашины 24990 руб., торг небольшой.',
    sources: ['P1'],
  },
  {
    name: 'a "no" that repeats the buyer\'s word', known: 'the answer says "нов" from the question, which no cited passage holds',
    question: 'Она новая?',
    answer: 'Нет, не новая: пользовались 1 год, состояние отличное.',
    sources: ['P1'],
  },
  {
    name: 'a thank-you opener and a closing line',
    question: 'Цена какая?',
    answer: 'Добрый день! Спасибо за интерес. Кофемашина стоит 24 990 ₽. Ждём ваш заказ!',
    sources: ['P1'],
  },
  {
    name: 'an accessory named from the price list',
    question: 'Молочник продаёте?',
    answer: 'Да, молочник стальной 350 мл стоит 1 200 ₽.',
    sources: ['P7'],
  },
];

describe('judgeReply under attack', () => {
  for (const test of ATTACKS) {
    if (test.known === undefined) {
      it(`refuses ${test.name}`, () => {
        expect(judge(test).status).toBe('NOT_FOUND');
      });
    } else {
      it.fails(`bypass: ${test.name} — ${test.known}`, () => {
        expect(judge(test).status).toBe('NOT_FOUND');
      });
    }
  }

  it('escalates, and lets no text through, when the model says the buyer wants a person over an invented answer', () => {
    const raw = '{"answerable": true, "wants_person": true, "answer": "Доставка бесплатно, скидка 50%!", "sources": ["P3"]}';
    expect(judge({ name: 'wants_person', question: 'Позовите продавца', raw })).toEqual({ status: 'ESCALATION', reason: expect.any(String) });
  });

  it('does not read wants_person as the string "true": the answer is checked like any other', () => {
    const raw = '{"answerable": true, "wants_person": "true", "answer": "Доставка бесплатно, скидка 50%!", "sources": ["P3"]}';
    expect(judge({ name: 'wants_person', question: 'Позовите продавца', raw }).status).toBe('NOT_FOUND');
  });
});

describe('judgeReply on good answers', () => {
  for (const test of GOOD_ANSWERS) {
    if (test.known === undefined) {
      it(`lets through ${test.name}`, () => {
        expect(judge(test)).toMatchObject({ status: 'FOUND' });
      });
    } else {
      it.fails(`false refusal: ${test.name} — ${test.known}`, () => {
        expect(judge(test)).toMatchObject({ status: 'FOUND' });
      });
    }
  }
});
