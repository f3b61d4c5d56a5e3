import type { PrefixRule } from '../prefix-table.js';

/**
 * Stretch ceilings: the fabric and its finishes, profiles, shadow and floating ceilings, lights and their mounts, the
 * measurer's visit, fitting, water from a flood above. Earlier groups read "монтаж", "монтажник", "установщик" as
 * "установк", "замерщик" as "замер", "померить" as a fitting, "провиснет" as sagging ("прогиба"), "матовый" and
 * "глянцевый" as one ("матов", computers.ts), "тканевый" as a material, "плёнка" as a film ("пленк"), "фотопечать" as a
 * photo, "под ключ" as a licence key, "трек" as a parcel's tracking (commerce.ts); those stay as they are. Left out,
 * two meanings: "заглушка" (a ceiling's insert and a pipe's plug), "гардина" (a curtain and its rod), "накладной" (a
 * surface-mounted light and a waybill), "молдинг" (a cornice and a car's trim), "натянуть" (a ceiling, and a chain or a
 * string).
 */
export const CEILING_RULES: readonly PrefixRule[] = [
  { term: 'потолк', prefixes: ['потолоч'] },
  // "Натяжка" is what buyers call a stretch ceiling ("натяжку в зал сколько?"). "С натяжкой" (barely) is read so too,
  // and is asked of nothing else a ceiling's documents say.
  { term: 'натяжн', words: ['натяжка', 'натяжку', 'натяжки', 'натяжкой', 'натяжке', 'натяжек', 'натяжечка', 'натяжечку'] },
  { term: 'бесшовн', prefixes: ['бесшов', 'безшов'] },
  { term: 'сатин', prefixes: ['сатинов'] },
  // The mounting profile is "багет" to the trade ("багет алюминиевый?" / "профиль стеновой"). A baker's "багет" is read
  // so too, and is asked the same way in its own shop.
  { term: 'профил', words: ['багет', 'багета', 'багету', 'багетом', 'багете', 'багеты', 'багетов', 'багетами', 'багетах', 'багетам'] },
  // Shadow-gap ceilings: "теневик"; the EuroKraab profile said aloud.
  { term: 'тенев', prefixes: ['теневик', 'теневушк'] },
  { term: 'eurokraab', words: ['еврокраб', 'еврокрааб', 'крааб'] },
  // Snowball reads "уровень" as "уровен" but "уровня" as "уровн"; "двухуровневый" is read as "2" and "уровнев".
  { term: 'уровн', prefixes: ['уровнев', 'многоуровн'], words: ['уровень'] },
  // Lights: "споты" are the documents' "светильники".
  {
    term: 'светильник',
    prefixes: ['светильнич'],
    words: ['спот', 'спота', 'споту', 'спотом', 'споте', 'споты', 'спотов', 'спотам', 'спотами', 'спотах', 'спотик', 'спотики'],
  },
  // "Точечники" are the documents' "точечные светильники".
  { term: 'точечн', prefixes: ['точечник'] },
  { term: 'ламп', prefixes: ['лампочк', 'лампочек'] },
  { term: 'люстр', prefixes: ['люстроч'] },
  // Track lights: "трековые" joins "трек" (commerce.ts reads it as a parcel's tracking; a "трековый номер" is one too).
  { term: 'трек', prefixes: ['треков'] },
  { term: 'карниз', prefixes: ['карнизик'] },
  // A light's mounting platform: "закладушка" is the documents' "закладная".
  { term: 'закладн', prefixes: ['закладушк'] },
  { term: 'светодиодн', prefixes: ['светодиод', 'диодн'], words: ['led', 'лэд'] },
  // Measuring: "измерите?" is the documents' "замер".
  {
    term: 'замер',
    words: ['измерить', 'измерите', 'измерим', 'измеряете', 'измеряем', 'измерять', 'измерение', 'измерения', 'измерении', 'измерений', 'измерением'],
  },
  // Flooded from above: "если зальют соседи?", "потоп" against "слив воды после затопления". "Затопили", "затопят" stay
  // out: a stove is lit so too.
  {
    term: 'залит',
    words: ['затопление', 'затопления', 'затоплении', 'затоплением', 'потоп', 'потопа', 'потопе', 'потопом', 'зальют', 'зальет'],
  },
  // Sagging: "обвис" joins garden.ts's "провис".
  { term: 'прогиба', prefixes: ['обвис'] },
  // Going round a pipe: "обход трубы" is the price list's "обвод трубы".
  { term: 'обвод', words: ['обход', 'обхода', 'обходу', 'обходом', 'обходе', 'обходы'] },
  // The ceiling's plinth: "галтель" is the documents' "плинтус".
  { term: 'плинтус', words: ['галтель', 'галтели', 'галтелью', 'галтелей'] },
  // Fabric brands said by their letters: "эмэсди" for MSD.
  { term: 'msd', words: ['мсд', 'эмэсди', 'эмесди'] },
];
