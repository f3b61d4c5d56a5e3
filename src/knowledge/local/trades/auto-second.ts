import type { PrefixRule } from '../prefix-table.js';

/**
 * Car parts, tyres and wheels, a third pass over what auto.ts, auto-building-more.ts and wheels.ts leave: the parts'
 * slang and trade names, stems Snowball splits, the workshop's verbs, used parts "с разбора", and car and tyre makes by
 * the nicknames the sound match misses ("мерс", "крузак", "йока"; it finds "хендай", "пирелли"). Earlier groups read
 * "ходовка" (bikes.ts), "охлаждайка" (the vocabulary's cooling), "протектор" (a leak, predicates.ts), "заплатка" (paying),
 * "остаток" (stock), "габариты" (a size), "поддон" (a pallet): those keep their terms. Left out, two meanings: "граната"
 * (a CV joint and a pomegranate in a cream's extracts), "печка" (a car's heater and a sauna stove), "оптика" (headlights
 * and a camera's lenses), "фарка" (a towbar and a headlight), "тормозуха" (brake fluid, where "тормозные" is any brake
 * part), "свечи" (spark plugs and candles), "катушка" (an ignition coil and a fishing reel), "коса" (a wiring loom and a
 * scythe), "тяга" (a steering rod and a chimney's draught), "диф" (a differential and an electrician's RCD), "лада"
 * ("лады" are a guitar's frets), "парктроник" (read as "парковка" it would answer where to park at the shop),
 * "схождение" (the documents write "развал-схождение", read as both), "латка" (a tyre patch; the documents' "заплатка"
 * is read as paying), "грыжа" (a tyre's bulge, read as "вздутие" it would meet a mattress shop's spinal hernia),
 * "приборка" (an instrument cluster and a quick tidy-up).
 */
export const AUTO_SECOND_RULES: readonly PrefixRule[] = [
  // Parts by their other names. A towbar: "ТСУ" is the documents' "фаркоп".
  { term: 'фаркоп', prefixes: ['фаркопф'], words: ['тсу'] },
  // Wheel arch liners: "локеры", "подкрыльники" are the documents' "подкрылки".
  {
    term: 'подкрылк',
    prefixes: ['подкрыльник', 'подкрылоч'],
    words: ['локер', 'локеры', 'локера', 'локеров', 'локерами', 'локерах', 'локерам'],
  },
  // Wipers: "дворники" are the catalogue's "щётки стеклоочистителя". A janitor ("дворник") is asked of in no shop of
  // these trades.
  { term: 'стеклоочистител', prefixes: ['дворник', 'дворнич'] },
  { term: 'лобов', prefixes: ['лобовух', 'лобовик', 'лобовушк'] },
  // Bushes clipped: "сайленты" are "сайлентблоки".
  { term: 'сайлентблк', words: ['сайлент', 'сайленты', 'сайлента', 'сайлентов', 'сайлентом', 'сайлентами', 'сайлентах', 'сайлентам'] },
  // Coolant: "тосол" is what buyers call any "антифриз".
  { term: 'антифриз', prefixes: ['тосол'] },
  // Fog lights: Snowball reads "противотуманные" as "противотума" and "противотуманки" apart; "ПТФ", "туманки".
  { term: 'противотума', prefixes: ['противотуман', 'туманк', 'туманочк'], words: ['птф'] },
  { term: 'сцеплен', words: ['сцепа', 'сцепу', 'сцепой', 'сцепе', 'сцепы'] },
  { term: 'выжимн', prefixes: ['выжимник'] },
  // A transfer case: "раздатка", "РКП".
  { term: 'раздаточн', prefixes: ['раздатк'], words: ['ркп'] },
  { term: 'дифференциа', words: ['дифер', 'диффер', 'дифера', 'диффера', 'дифером', 'дифере'] },
  // Power steering: "ГУР", "гидрач" are the documents' "гидроусилитель" ("гидрик" is plumbing's pressure tank).
  { term: 'гидроусилител', words: ['гур', 'гура', 'гуром', 'гуре', 'гидрач', 'гидрача', 'гидрачом'] },
  { term: 'сигнализац', prefixes: ['сигналк', 'сигналочк', 'автосигнализ'] },
  { term: 'иммобилайзер', words: ['иммо', 'имобилайзер', 'имобилайзера'] },
  // A diesel particulate filter: "сажевик", "DPF".
  { term: 'сажев', prefixes: ['сажевик'], words: ['дпф', 'dpf'] },
  { term: 'турбин', prefixes: ['турбокомпрессор'] },

  // The workshop and the breaker's yard. "Отполируете фары?", "полирнуть" against the price list's "полировка".
  { term: 'полировк', prefixes: ['отполир', 'полирн', 'полиру', 'полирова'] },
  // Used parts "с разбора", from an "авторазбор": the documents write "разборка" (moving.ts reads the verbs so).
  { term: 'разборк', prefixes: ['авторазбор'], words: ['разбор', 'разбора', 'разбору', 'разборе', 'разбором', 'разборы', 'разборов'] },
  { term: 'кузовн', prefixes: ['кузовщ'] },

  // Tyres and wheels. Wheel spacers: "спейсеры" are the documents' "проставки".
  { term: 'проставк', prefixes: ['спейсер'] },
  // Forged wheels: Snowball reads "кованые" as "кован", "кованные" as "кова"; "ковка" is the buyer's noun.
  { term: 'кован', prefixes: ['кованн'], words: ['ковка', 'ковки', 'ковку', 'ковкой'] },
  // Staggered sets: "разноширы" against "разноширокие".
  { term: 'разноширк', prefixes: ['разношир'] },
  // A tyre's date code asked in Cyrillic: "какой дот?".
  { term: 'dot', words: ['дот', 'дота'] },
  { term: 'runflat', words: ['ранфлет', 'ранфлэт', 'ранфлеты', 'ранфлэты', 'ранфлетов', 'ранфлэтов'] },
  // Tyre makes said aloud or clipped; the Latin names are the documents' spelling.
  { term: 'michelin', words: ['мишлен', 'мишлена', 'мишлены', 'мишленов', 'мишлене', 'мишленом', 'мишлин', 'мишлина'] },
  { term: 'continental', words: ['конти', 'континенталь', 'континенталя', 'континентали', 'континенталем', 'континенталей'] },
  {
    term: 'yokohama',
    words: ['йокогама', 'йокогамы', 'йокогаму', 'йокогаме', 'йокогамой', 'йокохама', 'йокохамы', 'йокохаму', 'йока', 'йоки', 'йоку', 'йокой'],
  },
  { term: 'hakkapeliitta', words: ['хакка', 'хакки', 'хакку', 'хаккой', 'хаккапелита', 'хаккапелитта', 'хакапелита', 'хаккапелиты'] },
  { term: 'bridgestone', words: ['бриджстоун', 'бриджстоуна', 'бриджстоуны', 'бриджстоунов', 'бриджстон', 'бриджстоны', 'бриджстонов'] },

  // Car makes by their nicknames ("на мерс есть?", "на крузак"), with the documents' Cyrillic spellings.
  {
    term: 'mercedes',
    words: [
      'мерс', 'мерса', 'мерсу', 'мерсом', 'мерсе', 'мерсы', 'мерсов', 'мерсик', 'мерин', 'мерина', 'мерину', 'мерином', 'мерине',
      'мерседес', 'мерседеса', 'мерседесу', 'мерседесом', 'мерседесе', 'мерседесы', 'мерседесов',
    ],
  },
  { term: 'bmw', words: ['бмв', 'бэха', 'бэху', 'бэхи', 'бэхе', 'бэхой', 'бумер', 'бумера', 'бумеру', 'бумере', 'бумером'] },
  { term: 'cruiser', words: ['крузак', 'крузака', 'крузаку', 'крузаке', 'крузаком', 'крузаки', 'крузер', 'крузера', 'крузеру', 'крузере', 'крузером'] },
  {
    term: 'volkswagen',
    words: ['фольц', 'фольца', 'фольцу', 'фольце', 'фольксваген', 'фольксвагена', 'фольксвагену', 'фольксвагене', 'фольксвагеном', 'фольксвагены'],
  },
  { term: 'mitsubishi', words: ['мицу', 'митсу', 'мицубиси', 'мицубиши', 'митсубиси', 'митсубиши', 'мицубисик'] },
  { term: 'chevrolet', words: ['шеви', 'шевик', 'шевика', 'шевику', 'шевроле', 'шевролет', 'шевролета'] },
  { term: 'hyundai', words: ['хундай', 'хундая', 'хундаю', 'хюндай', 'хюндая', 'хендай', 'хендая', 'хендаю', 'хендэ'] },
  // The Zhiguli are the documents' "ВАЗ".
  { term: 'ваз', words: ['жигули', 'жигулей', 'жигулях', 'жигуль', 'жигуля', 'жигулю', 'жигулем'] },
];
