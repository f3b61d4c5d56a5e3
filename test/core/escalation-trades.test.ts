// Requests for a person as buyers of many trades make them (the sixth escalation set's forms, written apart from it):
// whom to agree with, a talk or consultation with the one who makes or knows the goods, a voice message, a call arranged.
// Each block holds the near misses of the same family that must stay questions.
import { describe, expect, it } from 'vitest';
import { createEscalationMatcher } from '../../src/core/escalation.js';
import { readsAsYes } from '../../src/core/small-talk.js';

const matcher = createEscalationMatcher([]);

describe('agreeing or talking with a person of the shop', () => {
  it.each([
    'с кем можно договориться о скидке на две удочки?',
    'хочу договориться с хозяином о цене',
    'хочу посоветоваться с настройщиком',
    'позовите дизайнера, обсудим фасады',
    'я не местный, надо с кем-то из салона переговорить',
    'я в гитарах не разбираюсь, можно с хозяином гитары пообщаться?',
    'поговорить бы с бабушкой, которая продает',
    'дайте поговорить с ветеринаром перед покупкой',
  ])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each([
    'с курьером можно договориться о времени доставки?',
    'договориться о доставке на субботу можно?',
    'ветеринар у вас свой или приходящий?',
    'кто-то из магазина звонил мне вчера',
    'дизайнер делает проект бесплатно?',
    'у котят был один хозяин?',
    'мастер-класс по сборке удочек проводите?',
    'с хозяином квартиры договорились, привезете в субботу?',
  ])('not: %s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('a voice message to or from a person', () => {
  it.each(['пусть продавщица мне голосовое запишет', 'можно голосовое?', 'давайте голосовыми, мне так удобнее', 'голосовое скину менеджеру, так быстрее объяснить'])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each(['голосовое управление у колонки есть?', 'голосовые не слушаю, напишите текстом', 'голосовые сообщения в телефоне можно восстановить?', 'голосовой помощник в машине работает?'])('not: %s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe("a person's own counsel wanted", () => {
  it.each(['нужен совет мастера-настройщика по струнам', 'хотелось бы консультацию от специалиста по паркету', 'нужно мнение кондитера про крем'])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each(['консультация специалиста платная?', 'нужна ли консультация мастера перед установкой?', 'есть консультация специалиста при покупке?', 'мнение покупателей какое?', 'совет мастера пригодился, спасибо'])('not: %s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('a call or a talk arranged', () => {
  it.each([
    'можно утречком звякнуть?',
    'давайте обсудим по телефону размеры',
    'хочу, чтоб мне позвонили и рассказали про доставку',
    'скажите хозяйке, что жду ее звонка',
    'устройте мне разговор с вашим заводчиком',
    'короче нужен человек живой, а не эти ответы',
  ])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each([
    'звякнуть в дверь можно?',
    'обсудим с мужем и закажем по телефону',
    'жду звонка курьера',
    'скажите курьеру, что я жду его звонка',
    'организуйте доставку с курьером на субботу',
    'хочу, чтоб мне привезли и собрали',
  ])('not: %s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('a person by name, or asked to answer in person', () => {
  it.each(['Светлана Петровна, позовите его, пожалуйста', 'мне бы Сергея, он мне вчера диван собирал', 'отвечай сам, брат', 'ответьте лично, по заказу вопрос'])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each(['отвечайте сами на отзывы?', 'отвечайте нормально сами: размер какой?', 'Анна, дайте его примерить', 'мне бы Сашу порадовать, что подарить?'])('not: %s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('the master or a specialist in Latin letters', () => {
  it.each(['pozovite mastera', 'mne nuzhen specialist', 'hochu pogovorit so specialistom'])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each(['master klass est?', 'masterskaya gde nahoditsya?'])('not: %s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('a call on news of the order, asked about', () => {
  it.each(['позвоните, когда будете свободны', 'вы позвоните мне завтра?'])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each(['вы перезвоните, когда заказ придет?', 'вы позвоните, как только торт будет готов?'])('not: %s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('a yes given in resignation, after the offer of a manager', () => {
  it.each(['куда деваться, зовите', 'ну а что делать, давайте', 'что мне остается, да'])('%s', (text) => {
    expect(readsAsYes(text)).toBe(true);
  });

  it.each(['а что делать если не подойдет?', 'что еще остается в наличии?', 'куда деваться, нет'])('not: %s', (text) => {
    expect(readsAsYes(text)).toBe(false);
  });
});

describe('counsel, calls, numbers and talks, in more words', () => {
  it.each([
    'можно проконсультироваться с продавцом по размеру?',
    'хочу проконсультироваться у специалиста',
    'можно вам набрать после семи?',
    'когда можно позвонить?',
    'дайте номер Ольги',
    'нужен разговор с хозяином',
    'требуется звонок менеджера',
    'можно позвать того, кто шьет?',
    'хочу обсудить размеры с кем-то из ваших',
  ])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });

  it.each([
    'заводчица консультирует после продажи?',
    'когда курьер позвонит?',
    'можно позвонить в сервис после шести?',
    'номер заказа какой?',
    'нужен ли звонок менеджера для подтверждения?',
    'разговор с продавцом был грубым',
    'можно позвать друзей на примерку?',
    'хочу обсудить покупку с кем-то из родных',
  ])('not: %s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});
