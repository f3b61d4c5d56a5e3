// Requests for a person in forms the matcher first missed on a realistic blind set (eval/escalation/eighth.jsonl). Each
// form is written apart from that set, through createEscalationMatcher, with the near misses that must stay questions.
import { describe, expect, it } from 'vitest';
import { createEscalationMatcher } from '../../src/core/escalation.js';

const matcher = createEscalationMatcher([]);

describe('a person asked for into the chat', () => {
  it.each(['менеджера в чат 🙏', 'оператора к диалогу пж', 'человека в чат срочно', 'продавца в переписку, пожалуйста'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['продавец в чат писал, что есть скидка', 'менеджер вчера обещал скидку', 'в чате продавца фото не грузятся'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe("a messenger's name typed in two parts", () => {
  it.each(['в вотс ап можно пообщаться?', 'напишите мне в ват сап', 'давайте в теле грам', 'есть вай бер?', 'whats app есть?', "напишите в what's app"])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['в вотс апе у меня фото не грузятся, скиньте сюда', 'по вотс апу вы тоже принимаете заказы или только на авито?', 'в к 5 часам подъеду', 'телефон поддерживает whats app?'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('the talk moved to a messenger as a place, or written to there', () => {
  it.each(['давайте в телегу переместимся', 'переберемся в вайбер?', 'можно в макс написать?', 'в ватсап можно позвонить?'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['в ватсап писать не надо, давайте тут', 'пишу сюда потому что в вотсапе не отвечаете, товар еще есть?', 'телефон поддерживает ватсап?'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('the one who lets, sells or brings the goods for the seller, talked with', () => {
  it.each(['мне бы с агентом поговорить по квартире', 'можно с водителем связаться, где он?', 'соедините с риелтором', 'хочу поговорить с юристом компании'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['курьер позвонит?', 'водитель сам грузит или нужны грузчики?', 'риелтор сказал что можно с кошкой, подтвердите', 'можно водителю оставить посылку у соседки?'])(
    'leaves %j a question',
    (text) => {
      expect(matcher.match(text)).toBeUndefined();
    },
  );
});

describe('an infinitive typed "-тся" after a word an infinitive follows', () => {
  it.each(['можно созвонится?', 'хочу связатся с продавцом', 'можно с вами пообщатся по телефону?'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['курьер созвонится с вами?', 'можно узнать, когда курьер созвонится?', 'водитель созвонится перед приездом?'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('explaining by phone, asked of the one read', () => {
  it.each(['а можете по телефону объяснить? мне писать неудобно', 'расскажите мне по телефону', 'сможете по телефону все объяснить?'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['по телефону мне сказали цену 1200 за м2, она актуальна?', 'по телефону можно заказать или только через авито?', 'расскажите по телефону подробнее, камера хорошая?'])(
    'leaves %j a question',
    (text) => {
      expect(matcher.match(text)).toBeUndefined();
    },
  );
});

describe('someone in charge, called for', () => {
  it.each(['отзовитесь кто-нибудь ответственный, надо обсудить', 'есть кто-то ответственный?', 'кто-нибудь ответственный, ау'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['кто ответственный за доставку?', 'кто-то ответственный за упаковку у вас есть, коробки мятые?', 'а кто старший из щенков?'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('anyone needed by what they know', () => {
  it.each(['мне нужен кто-нибудь, кто в теме по запчастям', 'нужен кто-то, кто разбирается в двигателях', 'нужен тот, кто шарит в электрике', 'есть кто-нибудь, кто в курсе?'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['нужен кто-нибудь, кто поможет занести шкаф?', 'мне нужен кто-то кто отвезет диван', 'кто-нибудь, кто знает, подскажите, подойдет ли на ниву'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('the one read asked to write to the buyer in person, when they are there', () => {
  it.each(['Уважаемая хозяйка, напишите мне лично, пожалуйста, когда будете на связи', 'напишите мне лично', 'напишите лично, когда освободитесь'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['напишите мне лично размеры', 'пишите сами, какой размер лучше', 'напишите мне лично, как будет готово'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('a messenger typed with a double "п"', () => {
  it.each(['давай в вотсапп', 'можно в ватсапп написать?', 'в ватсаппе можно?'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['ватсапп у телефона работает?', 'в ватсаппе у меня фото не открываются, скиньте сюда'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('a person called to the phone', () => {
  it.each(['продавца к телефону', 'хозяйку к трубке, пожалуйста'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['к телефону зарядка идёт?', 'чехол к телефону продавца', 'к телефону продавца чехол есть?'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('a contact asked by a modal, or whose it is after "у"', () => {
  it.each(['можете скинуть номерок?', 'сможете продиктовать ваш телефон?', 'какой номер у продавца?', 'номер у хозяина какой?'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['можете сказать номер заказа?', 'можете скинуть телефон на 128 гб?', 'какой номер у телефона модели?', 'можете дать телефон посмотреть?'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('the owner of the goods needed', () => {
  it.each(['можно хозяина машины?', 'мне нужен владелец авто', 'нужна хозяйка собаки'])('escalates %j', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
  it.each(['хозяин машины один?', 'нужен ли хозяин квартиры при заселении?', 'нужен собственник при сделке?'])('leaves %j a question', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});
