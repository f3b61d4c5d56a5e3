import type { PrefixRule } from '../prefix-table.js';

/**
 * Power tools, for sale and for hire: rotary hammers, grinders, drill-drivers, generators, their batteries and
 * consumables, the hire's days, deposit and lateness, the workshop's repairs. Earlier tables already read "аккум", "акб",
 * "прокат"/"аренда", "залог", "ремонт"; "шуруповёрт" is read as a screw ("саморез", building.ts), so its clipped name
 * "шурик" is read so too, or it would never meet the documents' "шуруповерт". Left out: "ротор" (a bike's brake disc),
 * "лазер" (a beauty salon's laser), "биты" (broken), "инвертор" (a welder to some, a generator's type to others),
 * "день" (any day: "доставка в день заказа").
 */
export const TOOL_RULES: readonly PrefixRule[] = [
  // A rotary hammer: "перф", "перфик", misspelt "перфаратор". "Перфорированный" (perforated sheet) is not taken.
  {
    term: 'перфоратор',
    prefixes: ['перфик', 'перфаратор', 'пирфоратор', 'перфоратр'],
    words: ['перф', 'перфа', 'перфу', 'перфом', 'перфе', 'перфы', 'перфов', 'перфам', 'перфами', 'перфах'],
  },
  // An angle grinder: "УШМ" is the listing's other name for "болгарка"; "болгарский" is not taken.
  { term: 'болгарк', prefixes: ['болгарк', 'болгарочк', 'балгарк', 'ушмк'], words: ['ушм', 'ушмы', 'ушму', 'ушмом', 'болга', 'болгу'] },
  // A drill-driver: the documents' "шуруповерт" is read as "саморез" (building.ts), so "шурик" and the misspelt
  // "шуроповерт" are read so too.
  {
    term: 'саморез',
    prefixes: ['шуроп', 'шуриковерт'],
    words: ['шурик', 'шурика', 'шурику', 'шуриком', 'шурике', 'шурики', 'шуриков', 'шурикам', 'шуриками', 'шуриках'],
  },
  { term: 'дрел', prefixes: ['дрельк', 'дрелечк'] },
  // Hammer action: "ударка", "ударная" against "сверление с ударом".
  { term: 'удар', prefixes: ['ударк', 'ударн'] },
  // A generator: "генер", "бензогенератор", "электростанция". "Генеральная уборка" is not taken: whole words only.
  {
    term: 'генератор',
    prefixes: ['бензогенератор', 'электрогенератор', 'дизельгенератор', 'бензостанц', 'электростанц', 'генераторчик'],
    words: ['генер', 'генера', 'генеру', 'генером', 'генере', 'генеры', 'генеров', 'генерам', 'генерами', 'генерах'],
  },
  { term: 'отбойн', prefixes: ['отбойник', 'отбойничк'] },
  // Chiselling mode: "долбит?", "долбёжка" against the listing's "долбление".
  { term: 'долблен', prefixes: ['долбит', 'долбеж', 'долбле', 'подолб', 'выдолб'], words: ['долбить', 'долбим', 'долбят'] },
  { term: 'нивелир', prefixes: ['лазерник', 'нивелирчик'] },
  { term: 'бур', prefixes: ['бурик'] },
  // The chuck standard typed in Cyrillic: "патрон сдс?" against "SDS-plus".
  { term: 'sds', words: ['сдс'] },
  // Motor brushes: "угольки" are the workshop's "щетки".
  { term: 'щетк', prefixes: ['угольк'] },
  { term: 'редуктор', words: ['редуха', 'редуху', 'редухи', 'редухой', 'редухе'] },
  // Rewinding an armature: "перемотаете?" against "перемотка".
  { term: 'перемотк', prefixes: ['перемот', 'перемата'] },
  // Bits, discs, drill bits as one: "оснастка" is the hire terms' "расходники".
  { term: 'расходник', prefixes: ['оснастк', 'расходничк'] },
  // "Бесщёточный" misspelt with "з", as buyers write it.
  { term: 'бесщеточн', prefixes: ['безщеточн'] },
  { term: 'сварочн', prefixes: ['сварочник'] },
  // Fuel: "бенз", "бензиновый" against "бензин"; "бензопила" and "бензоинструмент" start otherwise.
  { term: 'бензин', prefixes: ['бензинов'], words: ['бенз', 'бенза', 'бензу', 'бензом', 'бензе'] },
  // "Сколько жрёт?" asks the consumption the listing states ("расход 1,1 л/ч").
  { term: 'расход', words: ['жрет', 'жрут', 'жрал', 'жрала', 'жрать', 'сжирает', 'сжирают'] },
  { term: 'кейс', prefixes: ['кейсик', 'чемоданчик'] },
  // Engine hours of a used generator: "сколько наработал?" against "наработка около 120 моточасов".
  { term: 'наработк', prefixes: ['наработал', 'наработан'] },
  // The hire: "прокатный" (a tool out of the hire fleet) and the daily rate ("посуточно" against "сутки").
  { term: 'аренд', prefixes: ['прокатн'] },
  { term: 'сутк', prefixes: ['посуточн', 'суточн'] },
  // Returning late: "если опоздаю / задержу на день?" against the hire terms' "опоздание" ("просрочу" is read as "срок" first).
  {
    term: 'опоздан',
    words: ['опоздаю', 'опоздаем', 'опоздал', 'опоздала', 'опоздали', 'опоздать', 'задержу', 'задержим', 'задержал', 'задержала'],
  },
  // Extending a hire: "продление" and "продлевать" against the documents' "продлить".
  { term: 'продл', prefixes: ['продлен', 'продлев'] },
];
