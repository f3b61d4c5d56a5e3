import type { PrefixRule } from '../prefix-table.js';

/**
 * Firewood and solid fuel: split and unsplit logs by species, dryness and length, coal, pellets and briquettes,
 * kindling, diesel for stoves, delivery by tipper truck, unloading and stacking. Earlier groups read "дрова", "дров" as
 * a computer's drivers ("драйвер", computers.ts), "куб"/"кубометр" as a unit, "сложить" as folding ("складн", baby.ts),
 * "распил" as cutting to size ("нарезк"), "выгрузка"/"разгрузка", "газель", "гнилые", "просохли" (cleaning's drying);
 * these groups join the documents' and buyers' other forms to those terms. Left out, two meanings: "сырые" (damp wood,
 * raw meat, and Snowball's "сыр"), "гранулы" (pellets, cat litter, fertiliser), "уголёк" (Snowball's "уголок", a
 * corner), "угольник" (a set square, a pipe elbow), "колки" (a guitar's tuning pegs), "антрацит" (coal and a grey
 * colour), "орех" (a coal size and a nut), "затопить" (to light a stove and to flood), "проезд" (an access road and a
 * street's name), "подъезд" (an access road and a block of flats' entrance). The species' adjectives ("берёзовые",
 * "дубовые", "ольховые") keep their stems apart from the trees: in a furniture shop "дуб сонома", "ольха" are laminate
 * colours, and "дубовый" is solid oak.
 */
export const FUEL_RULES: readonly PrefixRule[] = [
  // Firewood: the documents' "дрова" is read as "драйвер" by computers.ts, so its other cases and diminutives join that
  // term ("по дровам", "в дровах", "дровишек").
  {
    term: 'драйвер',
    words: ['дровам', 'дровах', 'дровишек', 'дровишкам', 'дровишками', 'дровишках', 'дровец', 'дровца', 'дровеца'],
  },
  // Splitting: "колка дров", "наколете?" against "колотые". "Колется" (prickly, apparel-more.ts) keeps its stem.
  {
    term: 'колот',
    words: ['колка', 'колку', 'колкой', 'колке', 'колем', 'колете', 'наколоть', 'наколете', 'наколем', 'наколют', 'наколю', 'расколоть', 'расколете', 'расколем', 'расколотые'],
  },
  // Unsplit rounds: "чурбаки", "кругляк", "неколотые" are the documents' "чурки".
  {
    term: 'чурк',
    prefixes: ['чурбак', 'чурбан', 'чурочк', 'неколот'],
    words: ['кругляк', 'кругляка', 'кругляком', 'кругляки', 'кругляков'],
  },
  { term: 'хвойн', words: ['хвоя', 'хвои', 'хвою', 'хвоей'] },
  // Dryness: "высушенные?", "просушенные" are the documents' "сухие дрова"; "сушеные" (dried fruit) stays out.
  {
    term: 'сух',
    words: [
      'высушенные', 'высушенных', 'высушенный', 'высушенная', 'высушены', 'высушена',
      'просушенные', 'просушенных', 'просушенный', 'просушены', 'подсушенные', 'подсушенных', 'подсушены',
    ],
  },
  // Firewood's length: "полешки", "поленце" are the documents' "поленья".
  { term: 'полен', prefixes: ['полешк', 'полешек', 'поленц'] },
  // Coal: Snowball reads "уголь" as "угол" (a corner) and "угля" as "угл". "Угольник" (a set square) is why the
  // adjective goes by whole words.
  {
    term: 'угл',
    words: ['уголь', 'угольный', 'угольная', 'угольное', 'угольные', 'угольного', 'угольной', 'угольную', 'угольных', 'угольным', 'угольными'],
  },
  // Long-flame coal by its grade's letters: "ДПК", "ДПКО".
  { term: 'длиннопламен', prefixes: ['длиннопламен', 'длинопламен'], words: ['дпк', 'дпко'] },
  { term: 'пеллет', prefixes: ['пеллет', 'пелет', 'пэллет', 'пэлет'] },
  // Briquettes: "евродрова" are the documents' "топливные брикеты"; "пиникей" is their kind "Pini Kay", two words
  // there.
  { term: 'брикет', prefixes: ['евродров', 'брикетик'] },
  { term: 'pini', words: ['пиникей', 'пиникай', 'пини', 'pinikay'] },
  { term: 'топлив', prefixes: ['топливн'] },
  // Heat given by a fuel: "теплотворность угля" is the documents' "калорийность 5500 ккал" (read as a cake's calories).
  { term: 'калорийн', prefixes: ['теплотвор'] },
  // Diesel for stoves and boilers: "солярка", "ДТ" are the documents' "дизтопливо". "Дизельный" (an engine) stays out.
  { term: 'дизтоплив', prefixes: ['дизтоплив', 'солярк', 'солярочк'], words: ['дт', 'соляра', 'соляры', 'соляру', 'солярой'] },
  // Stacking: "поленница" is the documents' "укладка в поленницу", and "уложите?" asks it. The reflexive "уложиться"
  // (in a budget, in time) stays out: whole words.
  {
    term: 'укладк',
    prefixes: ['поленниц'],
    words: ['уложить', 'уложите', 'уложим', 'уложу', 'уложат', 'уложили', 'уложил', 'укладываете', 'укладываем', 'укладывать', 'укладывают'],
  },
  // The truck: Snowball reads "самосвал" as "самосва" but "самосвалом" as "самосвал"; "КамАЗ", "ЗИЛ" name it.
  {
    term: 'самосвал',
    prefixes: ['самосвал'],
    words: ['камаз', 'камаза', 'камазом', 'камазе', 'камазу', 'камазы', 'камазов', 'зил', 'зила', 'зилом', 'зиле', 'зилу', 'зилок'],
  },
  // Loose, not stacked: "насыпью", "внавал" are the documents' "навалом".
  { term: 'навал', words: ['навал', 'навалом', 'внавал', 'внавалку', 'насыпью', 'россыпью'] },
  // Whether a truck gets to the plot: "самосвал проедет?" / "нужен заезд на участок".
  { term: 'заезд', words: ['проедет', 'проедут'] },
  // Tipping the load at the gate: "вывалите у забора?" / "выгрузка".
  { term: 'разгрузк', words: ['вывалить', 'вывалите', 'вывалим', 'вывалят', 'вываливаете', 'вываливаем'] },
  // Kindling: "розжиг", "разжечь" are the documents' "растопка". "Растопить" joins it in sauna-stoves.ts by its whole verb
  // forms only ("растопленный шоколад" is a cake's).
  { term: 'растопк', prefixes: ['растопк', 'розжиг', 'разжиг'], words: ['разжечь', 'разожгу', 'разожжет'] },
  { term: 'бан', words: ['банька', 'баньку', 'баньки', 'банькой', 'баньке', 'банек'] },
  // Snowball reads "мангал" as "манга" but "мангала" as "мангал"; "на шашлык" asks the same wood.
  { term: 'мангал', prefixes: ['мангал', 'шашлык', 'шашлыч'], words: ['барбекю', 'bbq'] },
  { term: 'печ', prefixes: ['печк', 'печур', 'буржуйк'] },
  // Snowball reads "котёл" as "котел" and "котла" as "котл".
  { term: 'котл', words: ['котел'] },
  // Rotten wood: "труха", "трухлявые" (garden.ts reads "гнилые").
  { term: 'гниет', prefixes: ['трухляв'], words: ['труха', 'трухи', 'труху', 'трухой'] },
  { term: 'сучк', prefixes: ['сучковат', 'сучочк'] },
  { term: 'щеп', prefixes: ['щепк', 'щепочк'] },
];
