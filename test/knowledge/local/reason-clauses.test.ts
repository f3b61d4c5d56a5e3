import { describe, expect, it } from 'vitest';
import { dropReasons, splitCondition, splitOwnPlan } from '../../../src/knowledge/local/reason-clauses.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const STYLER = 7001;

describe('a reason the buyer gives', () => {
  const shop = useKnowledgeFolder({
    [`item-${STYLER}-fen.md`]: '---\ntitle: Фен-стайлер Dreame, как Dyson Airwrap\n---\n\nСразу честно: это НЕ Dyson, это Dreame.\n\nЦена: 14 900 ₽.\n',
    'vozvrat.md': '# Возврат\n\nДеньги возвращаю в течение 3 дней после фото брака.\n',
  });

  it('is no question: its words do not choose the passage', async () => {
    const answer = await shop.ask('это дайсон или нет а то на фото один в один', { id: STYLER });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('НЕ Dyson');
    expect(answer.sources).toEqual([`item-${STYLER}-fen.md`]);
  });
});

describe('dropReasons', () => {
  it('cuts a reason to the end of its sentence', () => {
    expect(dropReasons('это дайсон или нет а то на фото один в один')).toBe('это дайсон или нет');
    expect(dropReasons('скиньте размеры, потому что не знаю свой. цена?')).toBe('скиньте размеры. цена?');
  });

  it('leaves a noun clause and a message that opens with the words', () => {
    expect(dropReasons('а то что в комплекте?')).toBe('а то что в комплекте?');
    expect(dropReasons('цена не та, а то, что на фото, есть?')).toBe('цена не та, а то, что на фото, есть?');
  });
});

describe('a condition the buyer sets ("если …")', () => {
  const shop = useKnowledgeFolder({
    'vozvrat.md': '# Возврат\n\nВозврат нового товара — в течение 7 дней, если он не был в использовании.\n',
    'skidki.md': '# Скидки\n\nСкидка: от 3 шт. одного вида — минус 5%.\n',
    'garantiya.md': '# Гарантия\n\nГарантия 12 месяцев. Если товар сломался — пишите, ремонт в сервисе или замена. Неиспользованный товар можно вернуть в течение 7 дней.\n',
    'dostavka.md': '# Доставка\n\nОтправка в течение 2 дней после оплаты.\n',
  });

  it('is the buyer\'s case: the main clause is answered where no passage speaks of the condition', async () => {
    const returned = await shop.ask('если не подойдет по размеру можно вернуть?');
    expect(returned.status).toBe('FOUND');
    expect(returned.text).toContain('7 дней');
    const discount = await shop.ask('если возьму 4 пачки древесного сделаете скидку');
    expect(discount.status).toBe('FOUND');
    expect(discount.text).toContain('5%');
  });

  it('is not dropped where a passage speaks of the condition and answers nothing asked', async () => {
    // The warranty passage covers every word and states no time of the repair: the time is not asked alone (the parcel's 2 days).
    expect((await shop.ask('если сломается ремонт по гарантии сколько по времени?')).status).toBe('NOT_FOUND');
  });

  it('is what is asked where the main clause points back at it ("скока это стоит")', async () => {
    expect((await shop.ask('если сломается скока это стоит?')).status).toBe('NOT_FOUND');
  });
});

describe('splitCondition', () => {
  it('ends the condition at a comma, a modal, a question word or a verb addressed to the seller', () => {
    expect(splitCondition('если не подойдет, можно вернуть?')).toEqual({ main: 'можно вернуть?', condition: 'не подойдет' });
    expect(splitCondition('если не подойдет по размеру можно вернуть?')).toEqual({ main: 'можно вернуть?', condition: 'не подойдет по размеру' });
    expect(splitCondition('если возьму 4 пачки сделаете скидку')).toEqual({ main: 'сделаете скидку', condition: 'возьму 4 пачки' });
    expect(splitCondition('что по гарантии если сломается через неделю')).toEqual({ main: 'что по гарантии', condition: 'сломается через неделю' });
  });

  it('keeps the condition\'s own verb, even one addressed to the seller ("если привезете")', () => {
    expect(splitCondition('если вы привезете завтра, оплата как?')).toEqual({ main: 'оплата как?', condition: 'вы привезете завтра' });
  });

  it('finds none in "если что", inside the question, or where the main clause points back at the condition', () => {
    expect(splitCondition('почем если что')).toBeUndefined();
    expect(splitCondition('клаву если под заказ сколько дней ждать?')).toBeUndefined();
    expect(splitCondition('а если компрессор поменять скока это стоит')).toBeUndefined();
    expect(splitCondition('доставка есть?')).toBeUndefined();
  });
});

describe('a day the buyer names', () => {
  const shop = useKnowledgeFolder({
    'bron.md': '# Бронь\n\nБронь: держим товар 2 дня без предоплаты.\n',
    'o-nas.md': '# О нас\n\nРежим работы: пн–пт 10:00–19:00, сб 10:00–16:00, вс — выходной.\n',
  });

  it('is when, not what: the reservation is answered whatever the day', async () => {
    for (const question of ['можете отложить до выходных?', 'бронь можно сделать на субботу?']) {
      const answer = await shop.ask(question);
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain('2 дня');
    }
  });

  it('is what is asked where nothing else is ("в субботу работаете?")', async () => {
    expect((await shop.ask('в субботу работаете?')).text).toContain('сб 10:00–16:00');
  });
});

describe('the buyer\'s own plan in a clause of its own', () => {
  const shop = useKnowledgeFolder({
    'bron.md': '# Бронь\n\nМожно отложить? Да, откладываем на 2 дня бесплатно.\n',
    'o-nas.md': '# О нас\n\nСамовывоз из магазина в часы работы: пн–сб 10:00–18:00.\n',
  });

  it('is the buyer\'s circumstance: what the other clause asks is answered', async () => {
    const answer = await shop.ask('можно отложить до выходных, в субботу приеду');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('на 2 дня');
  });
});

describe('splitOwnPlan', () => {
  it('sets apart a clause telling what the buyer will do, asking nothing', () => {
    expect(splitOwnPlan('беру 2 штуки, за оба скока скинете?')).toEqual({ main: 'за оба скока скинете?', condition: 'беру 2 штуки' });
  });

  it('leaves a story in the past, and a sentence of one clause', () => {
    expect(splitOwnPlan('я у вас холодильник брал, скидка будет?')).toBeUndefined();
    expect(splitOwnPlan('беру 2 штуки')).toBeUndefined();
  });
});

describe('a condition beside a question about what the title names', () => {
  const PHONE = 7621;
  const shop = useKnowledgeFolder({
    [`item-${PHONE}-iphone.md`]: '---\ntitle: iPhone 13 128 ГБ, АКБ 86%, гарантия\n---\n\nГарантия магазина 30 дней. Аккаунт отвязан, телефон не ремонтировался.\n',
    'garantiya.md': '# Гарантия и возврат\n\nЧто покрывает гарантия: телефон перестал включаться или заряжаться.\n\nНе гарантийный случай: падение, следы удара, попадание влаги.\n',
  });

  it('asks about it ("что по гарантии, если сломается через неделю" of a listing titled "…, гарантия")', async () => {
    const answer = await shop.ask('что по гарантии если сломается через неделю', { id: PHONE, title: 'iPhone 13 128 ГБ, АКБ 86%, гарантия' });
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('30 дней') });
  });
});
