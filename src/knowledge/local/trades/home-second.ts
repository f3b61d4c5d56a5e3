import type { PrefixRule } from '../prefix-table.js';

/**
 * Household appliances and home cleaning: a second pass over what appliances.ts and cleaning.ts miss, written from the
 * trade alone. Left out for two meanings: "кондер" (an air conditioner and a capacitor), "известка" (limescale and the
 * builders' lime), "грибок" (mould and a nail fungus), "полочка" (a shelf and a garment's front panel), "сливаю" (draining
 * and the sellers' "selling off cheap"), "внешний" (outside, and the "внешний вид" of a used thing), "затопили" (flooded,
 * and a stove lit), "встройка" (furniture.ts reads it with "встроенный шкаф", apart from "встраиваемая техника").
 */
export const HOME_SECOND_RULES: readonly PrefixRule[] = [
  // Appliances.
  { term: 'кондиционер', words: ['кондюк', 'кондюка', 'кондюку', 'кондюком', 'кондюке', 'кондюки', 'кондишн', 'кондишен'] },
  // "Не сливает воду?" against "слив воды" (the appliances' "сливн"). "Сливаю" stays out: it is also selling off cheap,
  // and the reflexive "сливается" (blends in) too.
  { term: 'сливн', words: ['сливает', 'сливают', 'сливал', 'сливала', 'сливало', 'сливать', 'сольет', 'сольют'] },
  // A drum knocking: "гремит", "грохочет" against the documents' "стук при отжиме".
  {
    term: 'стук',
    words: ['грохочет', 'грохочут', 'грохотал', 'грохотала', 'грохот', 'грохота', 'гремит', 'гремят', 'гремел', 'гремела', 'громыхает', 'громыхают'],
  },
  // Snowball reads "стеклокерамика" and "стеклокерамическая" apart.
  { term: 'стеклокерамик', prefixes: ['стеклокерам'] },
  { term: 'плит', prefixes: ['электроплит'] },
  // A robot vacuum typed as one word: "робопылесос" against "робот-пылесос" (read "робот" and "пылесос").
  { term: 'робот', prefixes: ['робопылесос', 'роботпылесос'] },
  // Power cut by the machine: "пробки вышибает" against "выбивает автомат".
  { term: 'выбива', words: ['вышибает', 'вышибают', 'вышибло', 'вышибал', 'выбило', 'выбивало'] },
  // Ice building up in a freezer (or on a window): "намерзает?" against "наледь".
  { term: 'налед', prefixes: ['намерз', 'обледен'] },
  // Steaming clothes is ironing to the documents ("отпариватель" is read there already).
  { term: 'глад', prefixes: ['отпарк'] },

  // Cleaning.
  // Removing smells with ozone: "озонатор", "озонация" against "озонирование".
  { term: 'озонирован', prefixes: ['озонир', 'озонатор', 'озонац'] },
  // Consumables: "расходники ваши?" against "расходные материалы включены" (tools.ts reads "расходники" on its own stem).
  // The adjective's forms only: "расход" (consumption) starts alike.
  {
    term: 'расходник',
    words: ['расходные', 'расходных', 'расходными', 'расходный', 'расходная', 'расходное', 'расходного', 'расходной', 'расходную', 'расходным'],
  },
  // A housekeeper is hired for the documents' regular cleaning: "нужна домработница" / "поддерживающая уборка".
  { term: 'уборк', prefixes: ['домработниц', 'горничн'] },
  // Pets' and children's accidents: "кот нассал", "ребёнок описался" against "удаление запаха мочи". "Описал" (described)
  // and "пометил" (marked) stay out: only forms that mean nothing else. "Урина" by its whole forms: "уринари" is the
  // Urinary line of veterinary food, said aloud.
  {
    term: 'моч',
    words: ['урина', 'урины', 'урину', 'уриной', 'урине', 'мочой', 'нассал', 'нассала', 'нассали', 'нассать', 'обоссал', 'обоссала', 'обоссали', 'описался', 'описалась', 'описались', 'пописал', 'пописала'],
  },
  { term: 'пыл', prefixes: ['обеспыл'] },
  // Smoke: "прокуренная квартира", "после курильщиков" against "удаление запаха табака". "Прокур" alone would take
  // "прокуратура", and "курица" is why the verb goes by whole words. One term with furniture-second.ts's "некурящая": a flat
  // "не прокурена" and "запах табака" are the same smoke.
  {
    term: 'некуря',
    prefixes: ['прокурен', 'накурен', 'табак', 'табачн', 'курильщ'],
    words: ['сигарет', 'сигареты', 'сигаретами', 'сигаретный', 'сигаретного', 'сигаретным', 'курение', 'курения', 'курят', 'курили', 'курил', 'курила'],
  },
  // Outside: "снаружи помоете?" against "наружные откосы", a split system's "наружка".
  { term: 'снаруж', prefixes: ['наружн', 'наружк'] },
  { term: 'душ', prefixes: ['душевух', 'душевушк'] },
  // Whitening: "отбелите тюль?" against "отбеливание" (Snowball keeps the verb apart).
  { term: 'отбеливан', prefixes: ['отбел'] },
  { term: 'плесен', prefixes: ['антиплесен'] },
];
