import type { PrefixRule } from '../prefix-table.js';

/**
 * Car parts and building materials, a second pass: what auto.ts and building.ts miss. Car parts: contract units, original
 * against aftermarket, VIN, the body, the workshop, wheels and tyres, the units' slang names and what buyers ask of them.
 * Building: the blocks' and roofs' other names, insulation, loading, unloading and trips, breakage, leftovers, caked and
 * wet bags. Left out: "движок" (auto.ts found it let a question about delivery days pass on the engine's warranty days),
 * "коробка" (a gearbox and a box), "липучка" (a studless tyre and a shoe's Velcro), "ветровая" (a roof's gable trim and
 * a wind load), "кладу"/"кладут" (to put anything in a box), "штатный" (a car's own belt in a child seat's listing).
 */
export const AUTO_BUILDING_MORE_RULES: readonly PrefixRule[] = [
  // Car parts. A contract engine as buyers say it: "контракт есть на солярис?", "контрактник".
  { term: 'контрактн', prefixes: ['контракт'] },
  // Aftermarket: "неоригинал есть подешевле?" is answered by the price list's "аналог".
  { term: 'аналог', prefixes: ['неориг'] },
  // "Подберёте по вину?": Cyrillic "вин" read as the documents' Latin VIN; "по вине" (fault) keeps its own stem.
  { term: 'vin', words: ['вин', 'вину', 'винкод', 'винкода', 'винкоду', 'винкодом', 'винкоде'] },
  // Snowball reads "кузов" as "куз" and its other cases as "кузов" ("смотрите по кузову" / "какой кузов?").
  { term: 'кузов', words: ['кузов'] },
  { term: 'запчаст', prefixes: ['автозапчаст'] },
  { term: 'сервис', prefixes: ['автосервис'] },
  // "Можно у гаражника поставить?" meets the warranty's "не гаражный мастер".
  { term: 'гаражн', words: ['гаражник', 'гаражника', 'гаражнику', 'гаражником', 'гаражники', 'гаражников', 'гаражникам'] },
  // "Отбалансируете?" / "на балансировочном стенде"; "сбалансированный корм" (pets) starts otherwise, and the noun
  // "балансир" (a rocker) is not taken.
  { term: 'балансировк', prefixes: ['балансиров', 'отбалансир'] },
  // Curb rash on a used rim: "бордюрка есть?" asks the scuffs the listing states.
  { term: 'потертост', prefixes: ['бордюрк'] },
  // Studded tyres: "шиповка" / "шипованная". "Шипы" alone stays out: a rose's thorns in a garden shop ("шиповник" is
  // not taken either).
  { term: 'шипова', prefixes: ['шипован', 'шиповк'] },
  { term: 'подшипник', words: ['подшип', 'подшипа', 'подшипу', 'подшипом', 'подшипе', 'подшипы', 'подшипов'] },
  { term: 'глушител', words: ['глушак', 'глушака', 'глушаку', 'глушаком', 'глушаке', 'глушаки', 'глушаков'] },
  // The head unit: "мафон не слетит?" is answered by "коды магнитолы сохраняем".
  { term: 'магнитол', prefixes: ['магнитолк', 'автомагнитол', 'магнитофон'], words: ['мафон', 'мафона', 'мафону', 'мафоном', 'мафоне', 'мафоны'] },
  // "Мозги в комплекте?" asks for the engine's ECU, the documents' "ЭБУ".
  { term: 'эб', words: ['мозги', 'мозгов', 'мозгам', 'мозгами', 'мозгах'] },
  // "Кондер" stays out: it is a capacitor in a computer repair shop.
  { term: 'кондиционер', words: ['кондей', 'кондея', 'кондею', 'кондеем', 'кондее', 'кондеи', 'кондеев'] },
  // A used engine's knock: "не стучит?" against the warranty's "стук".
  {
    term: 'стук',
    words: ['стучит', 'стучат', 'стучал', 'стучала', 'стучало', 'стучали', 'стучать', 'застучит', 'застучал', 'постукивает', 'постукивают', 'постукивание'],
  },
  // "Какой километраж?", and "БПР" of contract engines: "без пробега по РФ".
  { term: 'пробег', prefixes: ['километраж'], words: ['бпр'] },
  // Engine attachments: "с навеской?" is the documents' "навесное оборудование".
  { term: 'навесн', words: ['навеска', 'навеску', 'навески', 'навеской', 'навеске', 'навесуха', 'навесуху', 'навесухи', 'навесухой'] },
  // "Колодки не скрипят?" is answered by "противоскрипные пластины".
  { term: 'скрип', prefixes: ['противоскрип'] },
  // A battery's reverse polarity: "прямая или обратка?".
  { term: 'обратн', words: ['обратка', 'обратку', 'обратки', 'обраткой', 'обратке'] },
  // The carrier ПЭК typed with "е"; "пеку" (I bake) keeps its stem.
  { term: 'пэк', words: ['пек', 'пека', 'пеком', 'пеке'] },

  // Building materials. Aerated blocks by their other name ("газосиликат") and misspelt ("газаблок").
  { term: 'газобетон', prefixes: ['газосилик', 'газаблок', 'газабет'] },
  // "Перегородочный блок" / "для перегородок"; "кладочная сетка" / "сетка для кладки": Snowball splits the adjective.
  { term: 'перегородк', prefixes: ['перегородоч'] },
  { term: 'кладк', prefixes: ['кладоч'] },
  // Profiled sheet: "профнастил" and "профлист" are one product.
  { term: 'профлист', prefixes: ['профлис', 'профнаст'] },
  // A roof's ridge: "конёк" is stemmed "конк", "конька" "коньк"; "коньки" (skates) stays out.
  {
    term: 'конк',
    words: ['конька', 'коньку', 'коньком', 'коньке', 'коньковый', 'коньковая', 'коньковой', 'коньковую', 'коньковое', 'коньковые', 'коньковых', 'коньковым'],
  },
  { term: 'снегозадержател', prefixes: ['снегозадерж', 'снегодерж', 'снегоудерж', 'снегостоп'] },
  // Gutters: "желоба", "водосточка" belong to the documents' "водосток".
  {
    term: 'водостк',
    prefixes: ['водосточ'],
    words: ['желоб', 'желоба', 'желобу', 'желобом', 'желобе', 'желобы', 'желобов', 'желобам', 'желобами', 'желобах'],
  },
  { term: 'морозостойк', prefixes: ['морозоустойч'] },
  // Rebar: "арма 12" (the prefix would take "армир", read as reinforcing).
  { term: 'арматур', prefixes: ['арматурк'], words: ['арма', 'арму', 'армы', 'армой', 'арме'] },
  // Plasterboard: "ГКЛ", and "гипрок" said for any brand.
  { term: 'гипсокартон', words: ['гкл', 'гипрок', 'гипрока', 'гипроком', 'гипроке', 'гипроку'] },
  // Insulation by its everyday names: "минвата" for mineral wool, "пеноплекс" for any extruded polystyrene. A pet food's
  // "экструдированный" is read alike on both sides, so it still meets itself.
  { term: 'ват', prefixes: ['минват'] },
  // "XPS" stays out: a Dell laptop in a computer shop.
  { term: 'эппс', prefixes: ['пеноплекс', 'пеноплэкс', 'экструдир', 'экструзион'] },
  // Dispatch: "когда отгрузите?" / "отгрузка", "отгружаем".
  { term: 'отгрузк', prefixes: ['отгруз', 'отгруж'] },
  // Unloading's other verb stem ("разгружает", "выгружаем") stays a verb the engine drops: read as "разгрузка", it let
  // "манипулятор разгружает по времени скока" be answered by the trucks' line, which states no time.
  // Loading at pickup: "погрузите?", "загрузите в машину?", "грузчики есть?" against "грузим погрузчиком"; "загрузка" (a
  // computer's boot) stays out. "Грузчик" is not read as unloading: a furniture shop's loader helps at its own warehouse.
  {
    term: 'груз',
    prefixes: ['погруз', 'грузчик'],
    words: ['загрузить', 'загрузите', 'загрузим', 'загрузят', 'загрузишь'],
  },
  // "За одну ходку увезёте?" is the price list's "за один рейс".
  { term: 'рейс', words: ['ходка', 'ходку', 'ходки', 'ходкой', 'ходке'] },
  // Breakage in transport: "бой" is what the documents call broken blocks ("битые", read as a breakdown).
  { term: 'полом', words: ['бой', 'боя', 'бою', 'боем'] },
  // Leftovers taken back: "излишки примете?" / "если купили лишнее".
  { term: 'лишн', prefixes: ['излиш'] },
  // Caked bags: "не слежались?", "цемент не окаменел?" / "не слёживаются", "без слёживания".
  { term: 'слежива', prefixes: ['слежив', 'слежал', 'слежав', 'окаменел', 'окаменев', 'закаменел', 'закаменев'] },
  // Wet bags: "не промокнут?", "подмокшие" / "не мокнут", "не намокшие" (pets.ts reads "намок" first). "Промок" by whole
  // word: the prefix would take "промокод".
  { term: 'намокан', prefixes: ['промокл', 'промокн', 'промокш', 'подмок', 'мокнут', 'мокнет', 'отсыре'], words: ['промок'] },
  // By hand: "разгрузка руками?" / "разгрузка вручную", "ручного нанесения".
  {
    term: 'вручн',
    words: ['руками', 'ручками', 'ручной', 'ручная', 'ручное', 'ручного', 'ручную', 'ручным', 'ручном', 'ручные', 'ручных', 'ручными'],
  },
];
