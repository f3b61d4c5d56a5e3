import type { PrefixRule } from '../prefix-table.js';

/**
 * Building materials and tools, a third pass over what building.ts, auto-building-more.ts and tools.ts leave: blocks,
 * aggregates, boards and finishes by their other names, stems Snowball splits ("щебень" / "щебня"), the verbs of priming
 * and tinting, tools by their clipped and "электро-" names, and makers' adjectives ("бошевский"). Earlier groups read
 * "кафель" ("плитк", cleaning.ts), "влагостойкий" ("влагозащит", phones.ts), "сборщик" ("бригад", garden.ts),
 * "палетка" ("поддон"), "ДПК" (a coal grade, fuel.ts), "монтажка" ("установк"): those keep their terms. Left out, two
 * meanings: "брусок" (a small timber beside "брус", a beam, which sellers price apart), "евровагонка" (a profile of its
 * own beside "вагонка"), "брусчатка" (paving stones beside "тротуарная плитка"), "гравийный" (a gravel bike), "грунт"
 * (soil in a garden shop) and "грунтовая" (a dirt road), "маячки" (plaster beacons and a car's GPS beacon), "фуга" (a
 * fugue), "праймер" (a make-up primer), "монтажка" (a pry bar, read as fitting), "пятисотка" (M500 cement and a
 * 500-rouble note), "леса" (scaffolding and forests), "трамбовка" (a rammer beside the documents' "виброплита", which a
 * hire shop lists apart), "дисковая пила" ("дисковые" brakes), "термофен" (a hair dryer's "фен").
 */
export const BUILDING_SECOND_RULES: readonly PrefixRule[] = [
  // Blocks. Foam concrete: "пеноблоки" are the documents' "пенобетон" (aerated "газобетон" stays apart).
  { term: 'пенобетон', prefixes: ['пеноблок', 'пеноблоч'] },
  { term: 'керамзитобетон', prefixes: ['керамзитоблок', 'керамзитоблоч'] },
  // Aggregates: Snowball reads "щебень" as "щебен" and "щебня" as "щебн"; "щебёнка" is the buyer's word.
  { term: 'щебен', prefixes: ['щебенк', 'щебеночк'], words: ['щебня', 'щебню', 'щебнем', 'щебне'] },
  // Snowball reads "отсев" as "отс" and "отсева" as "отсев".
  { term: 'отсев', words: ['отсев'] },
  { term: 'песк', prefixes: ['песочк'], words: ['песочек'] },
  { term: 'мешк', prefixes: ['мешочк'], words: ['мешочек'] },
  // Boards and sheets. OSB in Cyrillic ("ОСБ", "ОСП", "осбшка") and in Latin ("OSB-3") is one board.
  { term: 'osb', prefixes: ['осбшк', 'осбэшк'], words: ['осб', 'осп'] },
  { term: 'полов', prefixes: ['половух'] },
  { term: 'террасн', prefixes: ['декинг'] },
  // Insulation: "ППС" is the documents' "пенопласт", "техноплекс" (a maker's XPS) their "ЭППС".
  { term: 'пенопласт', prefixes: ['пенопластик'], words: ['ппс'] },
  { term: 'эппс', prefixes: ['техноплекс'] },
  // Bitumen sheets: "еврошифер" is what the maker "Ондулин" sells, and buyers call any of them so.
  { term: 'ондулин', prefixes: ['еврошифер'] },
  // The frame's tube clipped: "профилька" (garden.ts reads "профтруба").
  { term: 'профильн', prefixes: ['профильк'] },
  // Tile adhesive and the tiler: "плиточный клей", "плиточник" against "клей для плитки".
  { term: 'плитк', prefixes: ['плиточн'] },
  { term: 'тротуарн', prefixes: ['тротуарк'] },
  // A kerb: "поребрик" is St Petersburg's "бордюр".
  { term: 'бордюр', prefixes: ['поребрик'] },
  { term: 'геотекстил', prefixes: ['геоткан', 'дорнит'] },
  // Fasteners: "метизы", "крепёжные" are the documents' "крепёж", which cakes-garden-second.ts joins to "крепление";
  // "дюпель" misspelt.
  { term: 'креплен', prefixes: ['крепежн', 'метиз'] },
  { term: 'дюбел', prefixes: ['дюпел'] },
  // Plaster beacons: "маячковый профиль" against "маяки" ("маячки" alone stays out: a car's GPS beacon).
  { term: 'маяк', prefixes: ['маячков'] },

  // Finishes. Priming as a verb ("прогрунтовать?", "загрунтуете?") against "грунтовка"; "грунтовая" (a dirt road) and
  // "грунт" (soil) start otherwise or stay whole.
  { term: 'грунтовк', prefixes: ['загрунт', 'прогрунт', 'грунтану', 'грунтовочн', 'грунтуе', 'грунтую'], words: ['грунтовать'] },
  { term: 'водоэмульсион', prefixes: ['водоэмульсионк'] },
  // Tinting paint: "колер", "заколеруете?" against "колеровка".
  { term: 'колеровк', prefixes: ['колер', 'заколер'] },

  // Tools by their "электро-" and clipped names. The engine finds "стремяночка", "плиткорезка"; not these.
  { term: 'лобзик', prefixes: ['электролобзик'] },
  { term: 'рубанк', prefixes: ['электрорубан'] },
  { term: 'циркулярн', prefixes: ['циркулярк', 'циркулярочк'] },
  { term: 'торцовочн', prefixes: ['торцовк'] },
  { term: 'сабельн', prefixes: ['сабельк', 'сабельник'] },
  { term: 'шлифовальн', prefixes: ['шлифмаш', 'шлифовалк'] },
  { term: 'краскопульт', prefixes: ['краскораспыл'] },
  { term: 'сверл', prefixes: ['сверлышк', 'сверлышек'] },
  // A laser level is sold as "построитель плоскостей" too.
  { term: 'нивелир', prefixes: ['построител'] },
  { term: 'мотобур', prefixes: ['ямобур'] },
  // A wall chaser: "бороздодел", "штробер" are the documents' "штроборез".
  { term: 'штроборез', prefixes: ['бороздодел', 'штробер', 'штроборезк'] },
  { term: 'пассатиж', prefixes: ['плоскогубц'] },
  // "АКБ и ЗУ в комплекте": the charger is read with the battery, as the vocabulary reads "зарядка".
  { term: 'аккумулятор', words: ['зу'] },
  // Makers' adjectives ("бошевский шуруповёрт", "макитовская"): the sound match finds "бош", not these.
  { term: 'bosch', prefixes: ['бошевск'] },
  { term: 'makita', prefixes: ['макитовск'] },
];
