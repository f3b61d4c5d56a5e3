import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const DOCUMENTS = {
  'oplata.txt': 'Оплата\n\nПереводом по СБП на расчётный счёт ИП. На личные карты не переводите, такие платежи не принимаем.\n\nСкидки: от 3 товаров в одном заказе — 10% на весь заказ.',
  'smesi.md': '# Сухие смеси\n\nСрок годности у смесей — 12 месяцев с даты выпуска.\n\nСклад крытый, мешки храним на поддонах.',
  'o-nas.md': '# О нас\n\nАдрес: ул. Титова, 31, вход с торца.\n\nПарковка бесплатная прямо у входа.',
  'shtory.md': '# Пошив штор\n\nСроки пошива штор: 7–10 рабочих дней с момента предоплаты.\n\nСмс о готовности не присылаем, звоним сами.',
  'item-7-chistka.md': '# Чистка ноутбука и замена термопасты\n\nТермопаста у нас Arctic MX-4, не дешёвая КПТ-8.\n\nУстановка Windows — 1 200 ₽.',
};

describe('a word its neighbour gives another meaning', () => {
  const shop = useKnowledgeFolder(DOCUMENTS);

  it('reads money sent to a card as a transfer, not a discount', async () => {
    const answer = await shop.ask('на личную карту сбер скинуть можно');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('На личные карты не переводите');
  });

  it('keeps "скинете" beside no card a discount', async () => {
    const answer = await shop.ask('скинете немного?');
    expect(answer.text).not.toContain('переводите');
  });

  it('reads "сколько хранится" as a shelf life', async () => {
    const answer = await shop.ask('скока хранятся смеси');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('12 месяцев');
  });

  it('reads "когда будут готовы" and "через сколько готово" as asking how long it takes', async () => {
    for (const question of ['когда будут готовы шторы?', 'через сколько шторы готовы']) {
      const answer = await shop.ask(question);
      expect(answer.status).toBe('FOUND');
      expect(answer.text).toContain('7–10 рабочих дней');
    }
  });

  it('keeps "когда … готов" a condition where nothing asks a time', async () => {
    const answer = await shop.ask('смс приходит когда шторы готовы?');
    expect(answer.text).not.toContain('7–10 рабочих дней');
  });

  it('reads "какую … ставите" as asking which one, not about installing', async () => {
    const answer = await shop.ask('термуху какую ставите дешманскую или норм', { id: 7, title: 'Чистка ноутбука и замена термопасты' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Arctic MX-4');
  });

  it('reads things counted as pieces ("3 штуки" / "от 3 товаров")', async () => {
    const answer = await shop.ask('если 3 штуки возьму скидка будет');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('10%');
  });

  it('reads leaving a car as parking', async () => {
    const answer = await shop.ask('машину есть где бросить?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Парковка бесплатная');
  });

  it('reads a place to stand with a car as parking', async () => {
    const answer = await shop.ask('с машиной есть где встать');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Парковка бесплатная');
  });
});

describe('"забрать" a parcel at a carrier\'s point', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md':
      '# Доставка\n\nСДЭК по тарифу, оплата при получении. При получении в СДЭК можно вскрыть и проверить коляску.\n\n' +
      'Самовывоз из шоурума на Малиновского — бесплатно, по предоплате 1000 ₽.',
    'oplata.txt': 'Оплата\n\nСДЭК: предоплата 1000 р, это гарантия, что заберёте посылку; проверку делаем до отправки.',
  });

  it('is receiving it, not collecting from the shop', async () => {
    const answer = await shop.ask('на сдэке можно открыть проверить перед тем как забрать?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('вскрыть и проверить');
    expect(answer.text).not.toContain('заберёте посылку');
  });

  it('stays collecting where no carrier is named', async () => {
    const answer = await shop.ask('можно забрать самому?');
    expect(answer.text).toContain('Самовывоз');
  });
});

describe('"окончательная" beside a price, and beside anything else', () => {
  const STROLLER = 7801;
  const shop = useKnowledgeFolder({
    [`item-${STROLLER}-kolyaska.md`]: '---\ntitle: Коляска Babalo\n---\n\nЦена 11 490 руб, цена окончательная.\n',
    'trade-in.txt': 'Трейд-ин\n\nМожно прислать фото для предварительной оценки. Окончательную сумму называем только после осмотра.\n',
  });

  it('refuses bargaining only beside the price', async () => {
    const answer = await shop.ask('торгуетесь?', { id: STROLLER });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('цена окончательная');
    expect(answer.text).not.toContain('после осмотра');
  });
});

describe('"идёт в комплекте"', () => {
  const shop = useKnowledgeFolder({
    'item-9-redmi.md': '# Смартфон Redmi Note 13\n\nКомплект: телефон, зарядный блок, кабель, силиконовый чехол.\n\nПод заказ: версия 12/512 ГБ, привоз 3-5 дней.',
  });

  it('asks what the kit holds, not how long something takes', async () => {
    const answer = await shop.ask('чехол в комплекте идет?', { id: 9, title: 'Смартфон Redmi Note 13' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('силиконовый чехол');
    expect(answer.text).not.toContain('привоз 3-5 дней');
  });
});

describe("the shop's reach and its trips out", () => {
  const shop = useKnowledgeFolder({
    'dostavka.txt': 'Доставка\n\nПо городу возим сами, 500 р.\n\nВ другие города отправляем СДЭК, 2–5 дней.',
    'vyezd.txt': 'Выезд за город\n\nПо городу выезд бесплатный. За город: Боровский, Каменка — 1000 ₽.\n\nВ СНТ тоже ездим, по тем же зонам.',
  });

  it('reads "в другие города" as the reach a city it never names is found in', async () => {
    const answer = await shop.ask('в казань отправите?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('СДЭК');
  });

  it('reads "ездите" as the trips out', async () => {
    const answer = await shop.ask('в боровский ездите?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('1000 ₽');
  });
});

describe('sending what the buyer asks for, and the bare verb of delivery', () => {
  const shop = useKnowledgeFolder({
    'o-nas.md': '# О нас\n\nАдрес: г. Липецк, ул. Гагарина, 113, вход с торца.',
    'vozim.txt': 'Возим пн–сб, в воскресенье не возим. По городу 500 р.',
    'chasy.txt': 'В субботу магазин открыт до 16:00.',
  });

  it('reads "адрес скиньте" as the address asked', async () => {
    const answer = await shop.ask('где вы находитесь адрес скиньте');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Гагарина');
  });

  it('reads "возите" and "возим" as delivery', async () => {
    const answer = await shop.ask('а в субботу привезете?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('пн–сб');
  });
});

describe('"на месте": where, not what', () => {
  const shop = useKnowledgeFolder({
    'vozvrat.md': '# Возврат\n\nВернуть новый товар можно в течение 7 дней, если наклейки на месте и нет следов монтажа. Деньги возвращаем тем же способом, которым платили.',
    'oplata.txt': 'Оплата\n\nПринимаем наличными, переводом на карту или через СБП, на точке есть терминал - можно картой.',
  });

  it('does not let "на месте" of the question meet "наклейки на месте" of the returns', async () => {
    const answer = await shop.ask('а картой на месте можно оплатить');
    expect(answer.text).not.toContain('наклейки');
  });

  it('keeps the rest of the question asked', async () => {
    expect((await shop.ask('на точке картой можно')).text).toContain('терминал');
  });
});

describe('"как это работает": how, not whether it works', () => {
  const shop = useKnowledgeFolder({
    'trade-in.md': '# Трейд-ин\n\nКак это работает: пишете модель, память и ёмкость АКБ, присылаете фото — даём оценку в чате.',
    'item-5-iphone.md': '---\nitem_id: 5\n---\n# iPhone 13\n\nЁмкость АКБ — 86%, корпус без сколов.',
  });

  it('does not answer "does the wireless charging work" with the trade-in steps', async () => {
    const answer = await shop.ask('беспроводная зарядка у него работает', { id: 5, title: 'iPhone 13' });
    expect(answer.text).not.toContain('пишете модель');
  });
});

describe('seeing in the dark ("ночью видно?")', () => {
  const MONITOR = 7901;
  const shop = useKnowledgeFolder({
    [`item-${MONITOR}-videonyanya.md`]:
      '---\ntitle: Видеоняня\n---\n\n• Экран: 2.4 дюйма, изображение чёткое днём\n• Ночное видение: есть, инфракрасная подсветка\n• Дальность: 300 м',
  });

  it('is the documents\' "ночное видение"', async () => {
    for (const question of ['ночью видно изображение?', 'в темноте видно что-нибудь?']) {
      const answer = await shop.ask(question, { id: MONITOR });
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain('инфракрасная подсветка');
    }
  });
});

describe('a check beside a repair, and whether one pays for it', () => {
  const shop = useKnowledgeFolder({
    'item-7-remont.md':
      '---\ntitle: Ремонт ноутбуков\n---\n\nПеред ремонтом всегда говорим точную цену.\n\nДиагностика — бесплатно (при отказе от ремонта 500 ₽), от 30 минут.\n\nЗамена матрицы — от 4 500 ₽.',
    'oplata.txt': 'Оплата\n\nБ/у ноутбуки: при получении можно проверить, оплата после проверки картой или наличными.',
  });

  it('reads "проверка" of a repair as the workshop\'s diagnostics, "платить надо?" as whether it costs', async () => {
    const answer = await shop.ask('если чинить не буду за проверку платить надо', { id: 7, title: 'Ремонт ноутбуков' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('при отказе от ремонта 500 ₽');
  });

  it('keeps checking goods on receipt where no repair is named', async () => {
    const answer = await shop.ask('проверить при получении можно?');
    expect(answer.text).toContain('при получении можно проверить');
  });
});

describe('"сплит" of an air conditioner and of paying in parts', () => {
  const shop = useKnowledgeFolder({
    'konditsionery.md': '# Сплит-система Haier\n\nСплит-система Haier HSU-09, инвертор, до 25 м².\n\nЦена 32 000 ₽.',
  });
  const payments = useKnowledgeFolder({
    'oplata.md': 'Оплата: наличными, картой, Яндекс Сплит (частями на 4 месяца).',
  });

  it('does not answer "рассрочка есть?" with the description of a split system', async () => {
    const answer = await shop.ask('рассрочка есть?');
    expect(answer.status).not.toBe('FOUND');
  });

  it('still reads Yandex Split as paying in parts', async () => {
    const answer = await payments.ask('рассрочка есть?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Яндекс Сплит');
  });
});
