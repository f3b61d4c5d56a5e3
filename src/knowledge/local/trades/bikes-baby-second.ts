import type { PrefixRule } from '../prefix-table.js';

/**
 * Bicycles, scooters, prams and baby goods: a second pass over what bikes.ts and baby.ts miss, written from the trade
 * alone. Left out for two meanings: "передачи" (a bike's gears and handing the goods over), "звонок" (a bell and a call),
 * "грипсы" joined to "ручки" (a shop's "тормозные ручки" are brake levers), "отцентровать" (wheels.ts reads "центровка"
 * as a hub bore), "видеоняня" joined to "радионяня" (a buyer asking for video is not answered by a sound-only one),
 * "трёхколёсник" (read "3" and "колёсный" in a price list, and "двухколёсный" would answer it), "пацан" (said to grown men),
 * "джой" (the car-seat brand Joie and a joystick), "трек" (the brand Trek and a track).
 */
export const BIKES_BABY_SECOND_RULES: readonly PrefixRule[] = [
  // Bicycle parts by their diminutives, which the engine's reading of unknown words does not reach (short stems).
  { term: 'звезд', prefixes: ['звездочк', 'звездочек'] },
  { term: 'цеп', prefixes: ['цепочк', 'цепочек'] },
  // Snowball reads "педали" as "педа", apart from "педаль" and "педалей".
  { term: 'педал', prefixes: ['педальк', 'педалек', 'педалечк', 'педальн'], words: ['педали'] },
  // "Двухподвесный" would be read as "2" and "подвесный", apart from the documents' "двухподвес".
  { term: 'двухподвес', prefixes: ['двухподвес', 'двуподвес'] },
  { term: 'дисков', words: ['дискачи', 'дискачей', 'дискачами', 'дискачах', 'дискари'] },
  { term: 'беговел', prefixes: ['балансбайк', 'бегобайк', 'беговелосипед'] },
  { term: 'трюков', prefixes: ['трюкач'] },
  { term: 'спидометр', prefixes: ['спидометр'], words: ['спидак', 'спидака', 'спидаку', 'спидаком', 'спидаке', 'спидаки'] },
  // A hoverboard: "гироборд", "гирик" against the documents' "гироскутер" ("сигвей" is another machine).
  { term: 'гироскутер', prefixes: ['гироборд', 'гироскутор', 'гироскуттер'], words: ['гирик', 'гирика', 'гирику', 'гириком', 'гирике', 'гирики', 'гириков'] },
  // Scooter brands the sound match misses.
  { term: 'ninebot', words: ['найнбот', 'найнбота', 'найнботу', 'найнботом', 'найнботе', 'найнботы', 'нинебот', 'нейнбот'] },
  { term: 'kugoo', words: ['куго', 'кугоо'] },
  // Baby brands said aloud: "Хэппи Беби" (Happy Baby), "Йойо" (Babyzen Yoyo).
  { term: 'happy', words: ['хэппи', 'хеппи', 'хэпи'] },
  { term: 'baby', words: ['беби', 'бэби', 'бейби', 'бэйби'] },
  { term: 'yoyo', words: ['йойо'] },
  // The stroller's seat unit, as mothers call it: "сидячка" is the documents' "прогулочный блок".
  { term: 'прогулочн', words: ['сидячка', 'сидячку', 'сидячки', 'сидячкой', 'сидячке'] },
  { term: 'капюшон', words: ['капор', 'капора', 'капору', 'капором', 'капоре', 'капоры'] },
  // Nappies by the brand that named them: the Cyrillic "памперсы" for any make; the Latin brand keeps its own term.
  { term: 'подгузник', prefixes: ['памперс', 'подгузик'] },
  { term: 'постельн', words: ['кпб'] },
  // Snowball gives "одеяло" and "одеялом" two stems.
  { term: 'одея', prefixes: ['одеялк', 'одеяльц', 'одеялочк'], words: ['одеялом', 'одеялу', 'одеяле', 'одеялам', 'одеялами', 'одеялах'] },
  { term: 'бод', words: ['бодик', 'бодика', 'бодику', 'бодиком', 'бодики', 'бодиков', 'бодичек', 'бодички'] },
  // Twins: "для двойни", "для двойняшек" are the documents' "для близнецов". "Двойня" shares Snowball's "двойн" with
  // "двойной" (double), so its forms go whole, under the twins' own term.
  {
    term: 'близнц',
    words: ['двойня', 'двойни', 'двойню', 'двойней', 'двойне', 'двойняшки', 'двойняшек', 'двойняшкам', 'двойняшками', 'двойняшка', 'близняшки', 'близняшек', 'близняшкам'],
  },
  // Whom it is for: "для дочки", "сыну 5 лет" meet the documents' "для девочки", "для мальчика" (as apparel-more.ts reads
  // "для жены" as "женский"). "Пацан" stays out: it is said to grown men as well.
  {
    term: 'девочк',
    // "Девчонка" is not listed: apparel-second.ts, read first, already takes it as "женский".
    prefixes: ['девчач', 'дочур', 'доченьк', 'дочень'],
    words: ['дочка', 'дочки', 'дочку', 'дочке', 'дочкой', 'дочек', 'дочь', 'дочери', 'дочерью', 'доча', 'дочу', 'доче'],
  },
  {
    term: 'мальчик',
    prefixes: ['мальчиков', 'мальчуков', 'мальчишк', 'сыночк', 'сынишк', 'сынул'],
    words: ['сын', 'сына', 'сыну', 'сыном', 'сыне', 'сыновья', 'сыновей', 'сыновьям', 'сынок', 'сынка', 'сынку'],
  },
];
