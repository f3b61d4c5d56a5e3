import type { PrefixRule } from '../prefix-table.js';

/**
 * PVC windows: fitting, repair and adjustment, sashes and their fittings, glass units, seals, reveals, sills, drip caps,
 * mosquito nets, balcony glazing, and a window's troubles (draughts, condensation, a sagging sash). Earlier groups read
 * "окошко" ("окн", cleaning.ts, which keeps "окон" apart on purpose), "форточка"/"фрамуга", "отрегулировать",
 * "проветривание" ("вентиляц"), "продувает" ("ветр"), "промерзает", "провисла", "заедает", "замерщик", "москитка",
 * "блокиратор", "энергоэффективный", "шумоизоляция", "трещина" ("полом") and "отлив" (a perfume's "распив"): those keep
 * their terms. "Резинка" (a window's seal, but a wiper blade beside the door seals in a car parts shop),
 * "стеклопакеты" (buyers' name of whole windows and the glass unit), "двухкамерник" (a glass unit, where
 * "трёхкамерный" is also a profile), "сифонит" (Snowball's "сифон", a gravel cleaner), "наледь" (the broad
 * "температур" of "промерзает" would let any mention of a temperature answer it) and "века" (centuries) stay out.
 */
export const WINDOW_RULES: readonly PrefixRule[] = [
  // "Поворотно-откидная" reads "поворотно" apart from "поворотная" (baby.ts's swivel wheels, "вращ").
  { term: 'вращ', words: ['поворотно'] },
  // Tilting: "откидывается на проветривание?" / "откидная створка".
  { term: 'откидн', prefixes: ['откидыва', 'откину'] },
  // "Двухстворчатое окно" is read as "2" and "створчат": the adjective joins "створка" ("окно из 2 створок").
  { term: 'створк', prefixes: ['створчат', 'створочк'] },
  // Trickle ventilation: "щелевое проветривание" is the documents' "микропроветривание".
  { term: 'микропроветриван', prefixes: ['микропроветр'], words: ['щелевое', 'щелевого', 'щелевым', 'щелевом'] },
  { term: 'уплотнител', prefixes: ['уплотнительн', 'уплотнитил'] },
  // Draughts: "дует", "сквозняк", "сквозит" are read with apparel-more.ts's "продувает" ("ветр"). Whole words: "задувать
  // свечи" (a cake's candles) and "поддувало" (a stove's ash pit) are other things.
  {
    term: 'ветр',
    words: [
      'дует', 'дуют', 'задувает', 'задувают', 'поддувает', 'поддувают', 'сквозит', 'сквозят', 'сквозило',
      'сквозняк', 'сквозняка', 'сквозняки', 'сквозняков', 'сквозняком',
    ],
  },
  // Misting: "запотевают" meets the documents' "конденсат"; "потеют" is left out ("ноги потеют" in shoes).
  { term: 'конденсат', prefixes: ['запотева', 'запотел', 'запотеет', 'запотеют', 'отпотева'] },
  // A sash that has dropped: "просела" is garden.ts's "провисла" ("прогиба"), as a sofa's seat is.
  // "Просёлочная" (a dirt road) is why "просела" goes by whole words.
  { term: 'прогиба', prefixes: ['проседа', 'просядет', 'просядут'], words: ['просел', 'просела', 'просело', 'просели'] },
  // Energy-saving glass: "энергосберегающий", "теплосберегающий", "низкоэмиссионное" are read with appliances.ts's
  // "энергоэффективный".
  { term: 'энергопотреблен', prefixes: ['энергосбер', 'теплосбер', 'низкоэмисс'] },
  // Sound insulation: "звукоизоляция" is read with computers.ts's "шумоизоляция" ("шум"): "шумно с улицы?" asks it.
  { term: 'шум', prefixes: ['звукоизол', 'звуконепрониц'] },
  { term: 'тонировк', prefixes: ['тонир', 'затонир'] },
  // "Ламинированный профиль" against "ламинация"; "ламинат" (a floor) starts otherwise.
  { term: 'ламинац', prefixes: ['ламинир'] },
  // Glazing a balcony: "застеклить", "остеклить" against "остекление".
  { term: 'остеклен', prefixes: ['застекл', 'остекл'] },
  // "Подоконная доска" and the sill misspelt.
  { term: 'подоконник', prefixes: ['подокон', 'подакон', 'падокон', 'падакон'] },
  { term: 'откос', prefixes: ['откосик'] },
  // A drip cap's longer name joins the term cosmetics.ts gives "отлив" (a perfume decant), which the documents' word has.
  { term: 'распив', prefixes: ['водоотлив'] },
  { term: 'москитн', prefixes: ['маскитн', 'маскитк'] },
  // A pet-proof net: "антикошка", "антикот".
  { term: 'антикошк', prefixes: ['антикош', 'антикот'] },
  // Foaming a frame in: "запените?", "пропенить щели" against "монтажная пена".
  { term: 'пен', prefixes: ['запен', 'пропен'] },
  { term: 'стеклопакет', prefixes: ['стеклопокет', 'стеклапакет', 'стиклопакет', 'стеклопакед'] },
  { term: 'однокамерн', prefixes: ['однокамерник', 'однокамерк'] },
  { term: 'ручк', prefixes: ['ручечк'] },
  // Lining and insulating a balcony: "обшить", "утеплить" against "обшивка", "утепление". "Утеплитель" (the material) is
  // read earlier.
  { term: 'обшивк', prefixes: ['обшив', 'обшит'], words: ['обшить', 'обшьете', 'обшьем'] },
  { term: 'утеплен', words: ['утеплить', 'утеплите', 'утеплим', 'утеплят', 'утепляете', 'утепляем', 'утеплять'] },
  { term: 'рольставн', prefixes: ['роллет', 'ролет', 'роллстав', 'ролстав', 'рольстав'] },
  // Profiles and fittings said aloud where the Latin spelling is not how they sound.
  { term: 'rehau', words: ['рехау', 'рехао', 'рихау'] },
  { term: 'kbe', words: ['кбе', 'кбэ', 'кабэе'] },
  { term: 'montblanc', words: ['монблан', 'монблана', 'монблане', 'монбланом'] },
  { term: 'schuco', words: ['schüco', 'шуко', 'шюко'] },
  // Sills: "Данке" (Danke), "Мёллер" (Moeller, Möller).
  { term: 'danke', words: ['данке'] },
  { term: 'moeller', words: ['möller', 'меллер', 'меллера', 'моеллер'] },
];
