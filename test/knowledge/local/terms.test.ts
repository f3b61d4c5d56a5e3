import { describe, expect, it } from 'vitest';
import { extractTerms, normalizeText, splitWords } from '../../../src/knowledge/local/terms.js';

describe('normalizeText', () => {
  it('folds case, ё, apostrophes in names, thousands separators and decimal commas', () => {
    expect(normalizeText("Объём De'Longhi: 24 990 ₽, 1,8 Л")).toBe('объем delonghi: 24990 ₽, 1.8 л');
    expect(normalizeText('24\u00a0990')).toBe('24990');
  });

  it('does not glue numbers that are not a thousands group', () => {
    expect(splitWords(normalizeText('за 2 дня'))).toEqual(['за', '2', 'дня']);
    expect(splitWords(normalizeText('24 × 35 × 43 см'))).toEqual(['24', '35', '43', 'см']);
  });
});

describe('extractTerms', () => {
  it('gives every case of a noun Snowball reads as a verb one term', () => {
    for (const forms of [['экран', 'экрана', 'экраны', 'экрану'], ['замена', 'замену', 'замены', 'замене'], ['карман', 'кармана', 'карманы']]) {
      const terms = forms.map((form) => extractTerms(form));
      for (const term of terms) expect(term).toEqual(terms[0]);
    }
  });

  it('reads sizes typed with any cross as one size and its numbers, and "Wi-Fi" as one word', () => {
    for (const size of ['600х300х200', '600x300x200', '600×300×200', '600 x 300 x 200']) expect(extractTerms(size)).toEqual(['600×300×200', '600', '300', '200']);
    expect(extractTerms('Wi-Fi 6')).toEqual(['wifi', '6']);
    expect(extractTerms('USB-C')).toEqual(['usb']);
  });

  it('drops the fillers of spoken Russian ("в зеленый например")', () => {
    expect(extractTerms('в зеленый например')).toEqual(extractTerms('зеленый'));
    expect(extractTerms('там вроде ограничение есть блин')).toEqual(extractTerms('там ограничение есть'));
  });

  it('drops "бывает", which asks what there is as "есть" does ("цвета какие бывают")', () => {
    expect(extractTerms('цвета какие бывают')).toEqual(extractTerms('цвет'));
  });

  it('drops chat words typed in Latin, which no document answers ("pls скажите цену")', () => {
    expect(extractTerms('pls скажите цену')).toEqual(['цена']);
    expect(extractTerms('ok, plz доставка')).toEqual(['доставк']);
  });

  it('gives inflected forms one term', () => {
    const forms = ['доставка', 'доставкой', 'доставку', 'доставки', 'доставляете', 'отправляете'];
    const terms = forms.map((form) => extractTerms(form));
    for (const term of terms) expect(term).toEqual(terms[0]);
    expect(terms[0]).toHaveLength(1);
  });

  it('treats ё and е alike', () => {
    expect(extractTerms('Чёрный объём')).toEqual(extractTerms('черный объем'));
    expect(extractTerms('ЁЛКА')).toEqual(extractTerms('елка'));
  });

  it('drops stop words, greetings and question scaffolding', () => {
    expect(extractTerms('Здравствуйте! Подскажите, пожалуйста, а есть ли у вас это?')).toEqual([]);
    expect(extractTerms('Добрый день, какая гарантия?')).toEqual(extractTerms('гарантия'));
  });

  it('keeps Latin model names and numbers as written, ignoring punctuation and emoji', () => {
    expect(extractTerms('Xiaomi Mi-Robot 2 🙂!!!')).toEqual(['xiaomi', 'mi', 'robot', '2']);
    expect(extractTerms('ECAM 22.110.B')).toEqual(['ecam', '22.110']);
  });

  it('maps words buyers use interchangeably to one concept', () => {
    expect(extractTerms('Сколько стоит?')).toEqual(extractTerms('цена'));
    expect(extractTerms('стоимость')).toEqual(extractTerms('цену'));
    // the asker a few words before the verb: "сколько медовик стоит", "на скока дороже выйдет"
    expect(extractTerms('сколько медовик стоит')).toContain('цена');
    expect(extractTerms('скок стоит')).toEqual(['цена']);
    expect(extractTerms('на скока дороже выйдет')).toContain('цена');
    expect(extractTerms('какая версия стоит')).not.toContain('цена');
    expect(extractTerms('сколько раз в год стоит менять')).not.toContain('цена');
    expect(extractTerms('вернуть')).toEqual(extractTerms('возврат'));
  });

  it('merges the word families buyers and documents use for the same thing', () => {
    expect(extractTerms('Какой адрес?')).toEqual(extractTerms('Где вы находитесь?'));
    expect(extractTerms('Сколько лет?')).toEqual(extractTerms('года'));
    expect(extractTerms('если не подойдёт')).toEqual(extractTerms('не подошёл'));
    expect(extractTerms('если не понравится')).toEqual(extractTerms('не подошёл'));
    expect(extractTerms('Моет полы?')).toEqual(extractTerms('мытья полов'));
    expect(extractTerms('Цена окончательная')).toContain(extractTerms('торг')[0]);
  });

  it('reads "не" with the word after it only where the pair means something of its own', () => {
    // "Не понравится" is "не подойдёт"; "понравилась?" alone is small talk.
    expect(extractTerms('Понравилась?')).not.toEqual(extractTerms('подошла'));
    expect(extractTerms('Не работает?')).toEqual(extractTerms('работает'));
    expect(extractTerms('не')).toEqual([]);
  });

  it('keeps apart words a shared prefix would confuse', () => {
    // "Почём?" asks the price, "почему?" does not; a thing that works is not a seller's working hours.
    expect(extractTerms('Почём?')).toEqual(extractTerms('цена'));
    expect(extractTerms('Почему?')).not.toEqual(extractTerms('цена'));
    expect(extractTerms('Всё работает?')).toEqual(extractTerms('рабочая'));
    expect(extractTerms('Всё работает?')).not.toEqual(extractTerms('Во сколько работаете?'));
    expect(extractTerms('Часы работы')).toContain(extractTerms('Во сколько работаете?')[0]);
  });

  it('drops scheduling words and pronouns that documents never answer', () => {
    expect(extractTerms('Можно завтра забрать?')).toEqual(extractTerms('забрать'));
    expect(extractTerms('Как с вами связаться?')).toEqual(extractTerms('связь'));
  });

  it('returns nothing for text without words', () => {
    expect(extractTerms('')).toEqual([]);
    expect(extractTerms('🙂🙂 ?!… --')).toEqual([]);
  });
});
