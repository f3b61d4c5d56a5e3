import type { PrefixRule } from '../prefix-table.js';

/**
 * A tailor's shop: mending and altering clothes, leather and fur, sewing to order, curtains, fitting to the figure.
 * Snowball cuts the "-шить" verbs to stubs ("ушить" → "уш", as "уши", the ears; "зашить" → "заш", "перешить" →
 * "переш"), so each service's forms are joined here to the stem of the word a price list writes. Earlier groups read
 * "пошить", "сшить" as a country of make ("стран", the vocabulary), "заплатка" as paying ("оплат"), "удлинить" as an
 * insert ("вставк", garden.ts), "ремонт", "примерка", "мерки" ("замер"), "молния", "подкладка", "пуговица", "мех",
 * "шуба", "покраска", "глажка", "дырка"; the forms here join those terms. Left out, two meanings: "замок" (a zip and a
 * lock), "бегунок"/"слайдер" (a zip's slider, a baby walker, slide sandals), "швейка" (a seamstress and a sewing
 * machine), "шеврон" (a patch and a parquet pattern), "гардина" (a curtain and its rod), "патч" (a patch and an eye
 * patch), "переделать" (to alter and to redo a job), "трактор" (a zip's kind and a tractor). "Шьёте?", "сошьёте?" stay
 * apart from "пошив": in a clothes shop "пошив — Россия" is where a garment was made, and read so, a buyer's "сошьёте
 * на заказ?" would meet it. "Кожанка" stays out of "кожа" as apparel-more.ts keeps it: in a clothes shop a leather
 * jacket is asked, not anything of leather.
 */
export const TAILORING_RULES: readonly PrefixRule[] = [
  // Fitting to the figure: "подогнать по фигуре", "подгоните?" / "подгонка".
  { term: 'подгонк', prefixes: ['подгон', 'подогна'] },
  // Taking in: "ушить", "ушьёте?", "заузить", "сузить брюки" are the documents' "ушивка". Their stub "уш" is also the
  // ears' ("капли в уши"): these forms get the noun's stem instead. "Зауженные" (a cut) stays out.
  {
    term: 'ушивк',
    prefixes: ['ушив', 'ушит'],
    words: ['ушью', 'ушьете', 'ушьем', 'ушьет', 'ушьют', 'ушейте', 'сузить', 'сузите', 'сузим', 'заузить', 'заузите', 'заузим', 'заужение', 'заужения'],
  },
  // Shortening: "подшить брюки", "подошьёте шторы?" are the documents' "укоротить", "укорачивание".
  {
    term: 'укорот',
    prefixes: ['укорот', 'укороч', 'укорач', 'подшит', 'подшив'],
    words: ['подошью', 'подошьете', 'подошьем', 'подошьет', 'подшейте', 'подшить'],
  },
  // Sewing up a tear: "зашьёте дырку?" / "зашить". Snowball cuts "зашить" to "заш".
  { term: 'заш', prefixes: ['зашив', 'зашит'], words: ['зашью', 'зашьете', 'зашьем', 'зашьет', 'зашьют', 'зашейте'] },
  { term: 'штопк', prefixes: ['штоп', 'заштоп'] },
  { term: 'переш', prefixes: ['перешив', 'перешит'], words: ['перешью', 'перешьете', 'перешьем', 'перешьет', 'перешьют'] },
  // Patches sewn on: "нашьёте шеврон?" / "нашивка", "нашить"; "нашить" alone is cut to "наш" (our).
  { term: 'нашивк', prefixes: ['нашив', 'нашит'], words: ['нашью', 'нашьете', 'нашьем', 'нашьет', 'нашейте'] },
  { term: 'вышивк', prefixes: ['вышив', 'вышит'], words: ['вышью', 'вышьете', 'вышьем', 'вышьет'] },
  // Overcasting edges: "обметать края" / "обработка оверлоком". Snowball reads "оверлок" as "оверлк".
  { term: 'оверлк', prefixes: ['оверлок', 'оверлоч', 'обмета', 'обметк', 'обметыв'] },
  // A zip by its maker said aloud: "юкейкей", "юкк" for the documents' YKK.
  { term: 'ykk', words: ['юкейкей', 'юкейкэй', 'юкк', 'йкк', 'укк', 'ykk'] },
  // Measurements taken: commerce.ts reads "мерки", "мерок" as "замер"; "по меркам", "мерку снять" join them.
  { term: 'замер', words: ['мерка', 'мерку', 'меркам', 'мерками', 'мерках', 'меркой'] },
  { term: 'выкройк', prefixes: ['выкро', 'лекал'] },
  // Fur: a furrier ("скорняк", "скорняжные работы") works the documents' "мех" ("меховщик" is read there already).
  { term: 'мех', prefixes: ['скорняк', 'скорняж'] },
  { term: 'норк', prefixes: ['норков'] },
  { term: 'мутон', prefixes: ['мутонов'] },
  { term: 'песц', prefixes: ['песцов'] },
  { term: 'каракул', prefixes: ['каракулев'] },
  // Dyeing again: "перекрасить дублёнку" is the documents' "покраска".
  { term: 'покраск', prefixes: ['перекрас', 'перекраш'] },
  // Pressing: "утюжка" (garden and apparel read "глажка", "утюжить").
  { term: 'глад', prefixes: ['утюжк'] },
  // Garments' diminutives and other names.
  { term: 'юбк', prefixes: ['юбочк', 'юбчонк'] },
  { term: 'пальт', prefixes: ['пальтишк', 'пальтец'] },
  { term: 'пиджак', prefixes: ['пиджачк', 'пиджачок'] },
  { term: 'рубашк', prefixes: ['рубашечк', 'рубах'] },
  { term: 'блузк', prefixes: ['блуз'] },
  { term: 'пояс', prefixes: ['поясок', 'пояск', 'поясочк'] },
  { term: 'рукав', prefixes: ['рукавчик'] },
  // Curtains: "занавески", "портьеры", "шторка" are the documents' "шторы".
  { term: 'штор', prefixes: ['шторк', 'шторочк', 'занавес', 'портьер'] },
  { term: 'тюл', prefixes: ['тюлев'] },
  { term: 'блэкаут', prefixes: ['блэкаут', 'блекаут', 'блэкоут', 'блекоут'], words: ['blackout'] },
  { term: 'люверс', prefixes: ['люферс', 'лювирс', 'люверсн'] },
  // The people: "портниха", "швея" are the documents' "портной", "мастер-закройщик".
  {
    term: 'портн',
    words: [
      'портной', 'портного', 'портному', 'портным', 'портные', 'портных', 'портниха', 'портниху', 'портнихи', 'портнихой', 'портнихе',
      'швея', 'швеи', 'швею', 'швеей', 'швей', 'швеям', 'закройщик', 'закройщика', 'закройщиком', 'закройщица', 'закройщицы', 'закройщицу',
    ],
  },
];
