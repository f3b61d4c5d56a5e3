import type { PrefixRule } from '../prefix-table.js';

/**
 * Clothes and shoes, new and second-hand, a third pass over what apparel.ts, apparel-more.ts and tailoring.ts leave:
 * garments the engine cannot reach from the documents' word (a slang name, a trade name, a stem Snowball splits), the
 * materials' adjectives short stems hide, sizes in Cyrillic letters, whom a garment is for, and brands by their buyers'
 * nicknames (the sound match finds "адидас", "конверсы", not "адики", "тимбы"). Diminutives ("шортики", "пижамка",
 * "валеночки") are left to the engine's reading of unknown words, which already finds them. Left out, two meanings:
 * "сток" (stock clothes and a drain), "сланцы" (flip-flops and slate), "луноходы" (moon boots and a toy rover), "гольфы"
 * (knee socks and the game), "бра" (a bra and a wall lamp), "топик" ("топ продаж" is a bestseller), "хенд" (of "секонд
 * хенд" and of "хенд мейд"), "ушанка" (a kind of "шапка", not any), "джинсовый" (a denim jacket is not jeans), "утеплённый"
 * (windows.ts reads the insulating of a balcony as "утеплен"), "утюжок" (tailoring.ts reads its other cases as pressing).
 */
export const APPAREL_SECOND_RULES: readonly PrefixRule[] = [
  // Garments by another name. A turtleneck: "бадлон" is the documents' "водолазка".
  { term: 'водолазк', prefixes: ['бадлон', 'водолазочк'] },
  // A trench coat is a "плащ" to a buyer, and to the sellers who title it "плащ-тренч".
  { term: 'плащ', prefixes: ['плащик', 'тренч'] },
  // Snowball reads "лонгслив" as "лонгсл" and its other cases as "лонгслив"; "лонг" is its clipped name.
  { term: 'лонгслив', prefixes: ['лонгсливчик'], words: ['лонгслив', 'лонг', 'лонги', 'лонга', 'лонгом'] },
  // Leggings under three names: "лосины", "легинсы", "леги" are one garment.
  {
    term: 'лосин',
    prefixes: ['лосинк', 'легинс', 'леггинс', 'легенс'],
    words: ['леги', 'легги', 'легах', 'легами'],
  },
  // "Маечка": the diminutive's fleeting vowel hides it from the engine ("маек" too).
  { term: 'майк', prefixes: ['маечк', 'маечек'], words: ['маек'] },
  { term: 'бюстгальтер', prefixes: ['лифчик', 'лифон', 'бюстгалтер', 'бюстик'] },
  { term: 'спортивн', prefixes: ['спортивк'] },
  // A cap: most "кепки" on Avito are baseball caps, and sellers title either word.
  { term: 'кепк', prefixes: ['кепочк', 'бейсболк'] },
  // Snowball reads "сандалии" as "сандал" but "сандали" as "санда".
  { term: 'сандал', prefixes: ['сандалик', 'сандалет'], words: ['сандали'] },
  // "Шлёпки" and "шлёпанцы" are one pair of slides.
  { term: 'шлепанц', prefixes: ['шлепк', 'шлепанчик'] },
  { term: 'дутик', prefixes: ['дутыш'] },
  { term: 'ортопедическ', prefixes: ['ортопедк'] },
  // A garment's sleeve: Snowball reads "рукав" as "рука" (a hand) and its other cases as "рукав" ("длина рукава?" /
  // "рукав 62 см").
  { term: 'рукав', words: ['рукав'] },

  // Materials. "Мембранная куртка": Snowball reads the adjective as "мембра", the noun as "мембран".
  { term: 'мембран', prefixes: ['мембранн', 'мембранк'] },
  // Elastane under its trade names: "лайкра", "спандекс".
  { term: 'эластан', prefixes: ['эластанов', 'лайкр', 'спандекс'] },
  // Linen: "лён", "льна", "льняное" are three stems; "льнуть" (to cling) is why the noun's cases go whole.
  { term: 'лен', prefixes: ['льнян'], words: ['льна', 'льну', 'льном', 'льне'] },
  // Silk: "шелковистый" (silky hair, a cosmetics claim) is why the adjective goes by whole words.
  {
    term: 'шелк',
    words: ['шелковый', 'шелковая', 'шелковое', 'шелковые', 'шелкового', 'шелковой', 'шелковую', 'шелковых', 'шелковым', 'шелковыми', 'шелковом'],
  },

  // Condition of a used garment: "зацепки" are the documents' "затяжки".
  { term: 'затяжк', prefixes: ['зацепк', 'зацепочк', 'зацепок'] },
  // Second-hand: "секонд", "секонд-хенд" are the documents' "б/у".
  { term: 'бу', words: ['секонд', 'секонда', 'секонде', 'секондом', 'сэконд', 'сэконда', 'секондхенд', 'сэкондхенд'] },
  // A cut that follows the figure: "приталенная?" asks the fit the documents state ("посадка свободная").
  { term: 'посадк', prefixes: ['притален'] },

  // Sizes in Cyrillic letters: "хс" for XS, "хххл", "3хл" for XXXL (apparel-more.ts reads "хл", "ххл").
  { term: 'xs', words: ['хс', 'иксэс', 'иксс'] },
  { term: 'xxxl', words: ['хххл', '3хл', '3xl'] },

  // Whom it is for. "На парня", "парню" are the documents' "мужская" (Snowball reads "парня" as "парн", the steam room's
  // stem, sauna-stoves.ts). "Девушка" itself stays out: it is how a buyer addresses a saleswoman ("девушка, а 44 есть?").
  { term: 'мужск', words: ['парень', 'парня', 'парню', 'парнем', 'парне', 'парни', 'парней', 'парням', 'парнями'] },
  { term: 'женск', prefixes: ['девчонк', 'девчачь'], words: ['девушки', 'девушке', 'девушку', 'девушкой', 'девушек', 'девушкам'] },

  // Brands by the nicknames the sound match misses; the documents' Cyrillic spellings join so that either side meets.
  {
    term: 'adidas',
    words: ['адики', 'адиков', 'адиках', 'адидас', 'адидаса', 'адидасы', 'адидасов', 'адидасах', 'адидасе', 'адидасом', 'адидасу'],
  },
  {
    term: 'timberland',
    words: ['тимбы', 'тимбов', 'тимбах', 'тимберы', 'тимберов', 'тимберленд', 'тимберленды', 'тимберлендов', 'тимберленда', 'тимберлендах'],
  },
  { term: 'martens', words: ['мартинсы', 'мартинсов', 'мартинсах', 'мартенсы', 'мартенсов', 'мартенсах', 'мартинс', 'мартенс'] },
  // UGG: "уги", "угги" (the documents write either, or the Latin).
  { term: 'ugg', words: ['угги', 'уги', 'угг', 'уггов', 'угов', 'уггах', 'угах', 'уггами'] },
  // New Balance: "нб", "нью беленс"; the sound match finds "балансы", not the clipped forms.
  { term: 'balance', words: ['нб', 'ньюбаланс', 'ньюбэланс', 'ньюбеланс', 'ньюбалансы', 'ньюбэлансы', 'ньюбелансы', 'ньюбэлансов'] },
  { term: 'new', words: ['нью'] },
  // The North Face by its letters, Stone Island by its nickname.
  { term: 'north', words: ['тнф', 'tnf', 'нортфейс', 'норфейс'] },
  { term: 'stone', words: ['стоник', 'стоника', 'стонику', 'стоники', 'стоников', 'стонайленд', 'стонайленда'] },
  { term: 'island', words: ['айленд', 'айлэнд', 'айленда'] },
];
