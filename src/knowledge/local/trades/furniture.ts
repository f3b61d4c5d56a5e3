import type { PrefixRule } from '../prefix-table.js';

/** Furniture: kitchens and wardrobes made to order, sofas, tables, chairs, beds, their materials and fittings. */
export const FURNITURE_RULES: readonly PrefixRule[] = [
  // Diminutives and everyday names of the pieces, read as the listing's noun. "Кухонь" (of kitchens) and "кухонный
  // гарнитур" are the kitchen the documents call "кухня".
  { term: 'кухн', prefixes: ['кухон'] },
  // "Шифоньер" is the old name of a hinged wardrobe; "гардероб" stays out (it is also a set of clothes).
  { term: 'шкаф', prefixes: ['шкафчик', 'шифоньер', 'шифонер'] },
  { term: 'куп', prefixes: ['купешк', 'купейн'], words: ['купэ'] },
  { term: 'гардеробн', prefixes: ['гардеробк'] },
  { term: 'диван', prefixes: ['диванчик'] },
  // "Столик" by its own prefix: "стол" would take "столешница".
  { term: 'стол', prefixes: ['столик'] },
  { term: 'стул', prefixes: ['стульчик'] },
  { term: 'тумб', prefixes: ['тумбоч'] },
  { term: 'полк', prefixes: ['полочк', 'полочек'] },
  // "Стелаж" misspelt.
  { term: 'стеллаж', prefixes: ['стеллажик', 'стелаж'] },
  { term: 'комод', prefixes: ['комодик'] },
  { term: 'пуф', prefixes: ['пуфик'] },
  // "Шуфлядка" is the drawer in the west and south.
  { term: 'ящик', prefixes: ['ящичк', 'ящичек', 'шуфляд'] },
  { term: 'обувниц', prefixes: ['обувничк', 'галошниц'] },
  { term: 'прихож', prefixes: ['прихожк'] },
  // A cabinet's little doors.
  { term: 'двер', prefixes: ['дверц', 'дверк'], words: ['дверок'] },
  { term: 'столешниц', prefixes: ['столешк'] },
  { term: 'табурет', prefixes: ['табурет'] },
  { term: 'матрас', prefixes: ['матрац', 'матрасик'] },
  { term: 'сиден', prefixes: ['сидушк'] },
  // A bed's slats: "латы" by whole words ("лат" is also a currency).
  { term: 'ламел', words: ['латы', 'латами', 'латах'] },
  // "Отоманка" misspelt.
  { term: 'оттоманк', prefixes: ['отоманк'] },
  // Snowball splits these nouns' own cases ("кровать" → "крова", "кровати" → "кроват"; "массив" → "масс", the stem of
  // "масса"; "зеркало" → "зерка", "зеркалом" → "зеркал"). "Кроватка" is a baby's cot: whole words only.
  { term: 'кроват', words: ['кравать', 'кравати', 'кровать', 'кровати', 'кроватью', 'кроватей', 'кроватям', 'кроватями', 'кроватях'] },
  { term: 'массив', words: ['массив', 'массива', 'массиву', 'массивом', 'массиве'] },
  // "Зеркалка" (a camera) stays out: the adjective by its own prefix.
  {
    term: 'зерка',
    prefixes: ['зеркальн', 'зеркальц'],
    words: ['зеркало', 'зеркала', 'зеркал', 'зеркалу', 'зеркалом', 'зеркале', 'зеркалам', 'зеркалами', 'зеркалах'],
  },
  // Legs of a table or a sofa: "ноги" is already read with "стопа" (apparel), "ножки" joins it.
  { term: 'стоп', words: ['ножка', 'ножки', 'ножку', 'ножкой', 'ножке', 'ножек', 'ножкам', 'ножками', 'ножках'] },
  // Materials as buyers name them. "ДСП" is what buyers call the laminated board the documents write "ЛДСП"; "ДВП" and
  // "оргалит" the back panel the documents write "ХДФ". "Шпонк" (a machine key) is kept out of "шпон".
  { term: 'лдсп', words: ['дсп', 'лдсп', 'лсдп'] },
  { term: 'хдф', prefixes: ['оргалит'], words: ['двп', 'хдф'] },
  { term: 'шпон', prefixes: ['шпонир'] },
  { term: 'пленк', prefixes: ['пленочн'] },
  { term: 'акрил', prefixes: ['акрил'] },
  { term: 'пластик', prefixes: ['пластик', 'пластмасс'] },
  // Upholstery: "обивка какая?" asks what the documents answer with "ткань"; "обшивка" is also a wall's cladding.
  { term: 'материал', prefixes: ['обивк', 'обивочн'] },
  { term: 'велюр', prefixes: ['велюр'] },
  { term: 'экокож', prefixes: ['экокож', 'кожзам'] },
  { term: 'ппу', prefixes: ['поролон', 'пенополиуретан'], words: ['ппу'] },
  // Price per running metre: "пог. м" in price lists, "погонник" said aloud.
  { term: 'погон', prefixes: ['погон'], words: ['пог', 'пм'] },
  // A sofa or a table that opens out: "раскладывается?" / "раздвижной", "разложенный". "Раскладка" (a keyboard's) and
  // "раскладушка" (a camp bed) stay out.
  { term: 'раздвижн', prefixes: ['раздвиж', 'раздвиг', 'раздвин', 'раскладн', 'раскладыв', 'разлож'] },
  { term: 'двуспальн', prefixes: ['двухспальн'] },
  { term: 'двухъярусн', prefixes: ['двухярусн'] },
  // Kitchen appliances built in: "посудомойка" / "ПММ", "микроволновка" / "СВЧ", "холодос", "духовка" / "духовой шкаф".
  { term: 'посудомойк', prefixes: ['посудомо'], words: ['пмм'] },
  { term: 'свч', prefixes: ['микроволн'], words: ['свч'] },
  { term: 'холодильник', prefixes: ['холодос'] },
  { term: 'варочн', prefixes: ['варочк'] },
  // "Духов" alone is perfume (cosmetics): only the oven's own clipped word.
  { term: 'духов', prefixes: ['духовк'] },
  { term: 'тв', words: ['телевизор', 'телевизора', 'телевизору', 'телевизором', 'телевизоре', 'телек', 'телека', 'телеку', 'телик', 'телика', 'телику'] },
  // A kitchen's sink is the documents' "мойка"; "раковина" by whole words ("мойка" is also a wash, but a buyer asking of
  // a "раковина" means a sink).
  { term: 'мойк', words: ['раковина', 'раковину', 'раковины', 'раковиной', 'раковине'] },
  { term: 'вреза', prefixes: ['врезк', 'вреж', 'врезат'] },
  // Building appliances in: "встроите посудомойку?" / "встраиваем вашу технику"; "встроенный шкаф" keeps its own stem.
  { term: 'встраива', prefixes: ['встраив', 'встроит', 'встроим'] },
  { term: 'встроен', prefixes: ['встройк'] },
  { term: 'подключен', prefixes: ['подключ', 'подсоедин'] },
  // The design before the order: "эскиз", "визуализация", "чертёж" are the documents' "проект".
  { term: 'проект', prefixes: ['визуализ', 'эскиз', 'чертеж'] },
  // A cost estimate is counted ("посчитаете?", "прикинет цену"): "смета" by whole words, the prefix would take "сметана".
  { term: 'посчита', words: ['смета', 'смету', 'сметы', 'смете', 'сметой'] },
  // Cutting the board: "распил" is the documents' "раскрой", "порезали" (building reads "порез" as "нарезк").
  { term: 'нарезк', prefixes: ['распил'], words: ['раскрой', 'раскроя'] },
  // Carrying it up: "занесёте на этаж?" is answered by "подъём".
  {
    term: 'подъем',
    words: ['занести', 'занесете', 'занесут', 'занесем', 'заносите', 'заносят', 'затащить', 'затащите', 'затащат', 'затащим', 'донести', 'донесете', 'донесут'],
  },
  // Taking the old piece away: "утилизация", "выкинуть" are the documents' "вынос старой мебели". "Выкид" stays out
  // ("выкидыш").
  { term: 'вынос', prefixes: ['утилиз', 'выкин', 'выбрас', 'выброс'] },
  { term: 'демонтаж', prefixes: ['демонтир'] },
  // Reupholstering and restoring are a repair ("ремонт чужой мебели не делаем").
  { term: 'ремонт', prefixes: ['перетяж', 'реставр'] },
  // Ex-display pieces: "с выставки", "экспонат"; "витрина" is also a glass cabinet and stays out.
  { term: 'выставочн', prefixes: ['выставк', 'экспонат'] },
  // What buyers ask of furniture. A door that slams is answered by "доводчик".
  { term: 'доводчик', prefixes: ['доводч', 'хлопа', 'хлопн'] },
  // "Выдержит 100 кг?" asks the load the documents state; "выдержка" and "выдержанный" (aged) stay out.
  { term: 'нагрузк', prefixes: ['выдержит', 'выдержат', 'выдержив', 'выдюж'], words: ['выдержать'] },
  { term: 'регулиру', prefixes: ['регулир', 'отрегул', 'подрегул', 'подкрут', 'подкруч'] },
  // Chipboard swelling from water ("разбухнет?", "вздулся фасад") and a phone's swollen battery ("вздулся", "вздутый").
  { term: 'разбухан', prefixes: ['разбух', 'набух', 'вздул', 'вздув', 'вздуе', 'вспуч', 'вздут'], words: ['раздулся', 'раздулась', 'раздулись', 'раздуло'] },
  { term: 'откле', prefixes: ['отклеи', 'отклея', 'отслаив', 'отслоил', 'отслоит', 'отслоен', 'отслоя'] },
  // "Покосилась" by whole words: "покосить" is also to mow. Sagging is the garden's "прогибается" ("провисла" is read there).
  {
    term: 'прогиба',
    prefixes: ['перекос', 'перекош'],
    words: ['покосилась', 'покосился', 'покосилось', 'покосились', 'покосится', 'покосятся'],
  },
  // Loose and wobbly, one question: "не шатается?", "петли не болтаются", "люфтов нет", "если что-то разболталось".
  // "Болтать" is also to chat, and "болт" a bolt: "болтается" by whole words.
  {
    term: 'разболта',
    prefixes: ['разболта', 'расшата', 'шатает', 'шатают', 'люфт'],
    words: ['болтается', 'болтаются', 'болтался', 'болталась', 'болталось', 'болтались'],
  },
  { term: 'скатыва', prefixes: ['скатыв', 'скатае', 'скатал', 'катыш'] },
  { term: 'надежн', prefixes: ['прочн', 'крепк'] },
];
