/**
 * "розовый есть?", "а в белом цвете есть?": a colour the listing never names asks whether it comes in other colours. The
 * listing's own line on that ("цвет графит, другие цвета — спрашивайте", "цвет чёрный (других цветов нет)") answers; a
 * line naming its colour alone ("Цвет — белый") does not say whether the shop has a brown one.
 */
import { WEAK_TERMS } from './vocabulary.js';
import { termOf } from './terms.js';

export const COLOR_TERM = 'цвет';

const COLORS = [
  'белый', 'черный', 'серый', 'красный', 'синий', 'голубой', 'зеленый', 'желтый', 'оранжевый', 'розовый', 'фиолетовый',
  'коричневый', 'бежевый', 'бордовый', 'сиреневый', 'бирюзовый', 'золотой', 'золотистый', 'серебристый', 'серебряный',
  'графит', 'графитовый', 'хаки', 'молочный', 'кремовый', 'мятный', 'лиловый', 'персиковый', 'изумрудный', 'оливковый', 'песочный',
  'шоколадный', 'салатовый', 'малиновый', 'пудровый', 'темный', 'светлый', 'разноцветный',
];

// "бронзовый" is left out: the term reader gives it the stem of "бронь" ("брон"), and "бронь есть?" asks no colour.

/** The stems of colour words, as the index reads them. */
export const COLOR_TERMS: ReadonlySet<string> = new Set(COLORS.flatMap((color) => termOf(color) ?? []));

/** A colour word, or "цвет" itself. */
export function namesColor(term: string): boolean {
  return term === COLOR_TERM || COLOR_TERMS.has(term);
}

/** Whether a part asks only for a colour: a colour word, perhaps with "цвет", nothing else but circumstances. */
export function asksColorOnly(terms: readonly string[]): boolean {
  return terms.some((term) => COLOR_TERMS.has(term)) && terms.every((term) => namesColor(term) || WEAK_TERMS.has(term));
}

/** "другие цвета", "других цветов нет", "цвет только чёрный": the line speaks of colours besides the listing's own. */
const OTHER_COLORS = /(?<![а-яё])(?:(?:друг|ин)[а-яё]*\s+цвет(?:а|ов|ах|ами)?|(?:все|во\s+всех)\s+цвет(?:а|ах)|цвет(?:а|ов)?\s+(?:[а-яё]+\s+)?(?:только|один|единствен))(?![а-яё])/iu;

export function speaksOfOtherColors(text: string): boolean {
  return OTHER_COLORS.test(text.replaceAll('ё', 'е'));
}
