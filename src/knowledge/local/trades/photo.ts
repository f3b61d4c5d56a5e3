import type { PrefixRule } from '../prefix-table.js';

/**
 * Photography, the service and used gear: photo sessions and their kinds, retouching, source files, prints; cameras,
 * lenses, flashes, tripods, drones and what buyers ask of a used camera. The vocabulary reads every word starting
 * "фото" as "фото" (a photo, a photographer, a camera, a session alike), "снимать"/"снимете" as removable ("съемн"),
 * "зеркальный" as a mirror ("зерка", furniture.ts), "сенсор" as a screen ("матриц", phones.ts), "цветокоррекция" as a
 * colour, "локация" as where the shop is, "пример" (of works) as a fitting, "распечатать" as unsealing, "свадьба" and
 * "выпускной" by their own groups; these groups join the buyer's other words to those terms. Left out, two meanings:
 * "стекло" (a lens and a phone's glass), "линза" (and a contact lens), "фикс" (a prime lens and a fixed price),
 * "полтинник" (a 50 mm lens and fifty roubles), "мыльница" (and a soap dish), "боди" (a camera body and a baby's
 * bodysuit), "тушка" (a camera body and a bird's carcass), "кит" alone (and a whale), "грибок" (in a lens and on a
 * nail), "обработка" (of photos and of a seam or a pet against ticks), "кадр" (read as "фото" it would let a camera's
 * shutter count answer any question of photos), "RAW" in Latin (and raw pet food), "флешка" (a memory card and a USB
 * stick). "Зеркалка" stays apart from the mirror too: furniture.ts keeps it out of "зерка" on purpose. Latin names keep
 * their own terms ("Fuji" is a bike too, "Zoom" a recorder, "Speedlite" a model line): read as another term, a Latin
 * word loses the readings that go by its spelling.
 */
export const PHOTO_RULES: readonly PrefixRule[] = [
  // A camera and a shoot are "фото" to the vocabulary ("фотоаппарат", "фотосъёмка"): "фотик", "пофоткать", and the
  // documents' bare "съёмка" ("съёмка 1 час — 4000") join it. "Видеосъёмка" keeps its own term, below.
  {
    term: 'фото',
    prefixes: ['пофотк', 'нафотк', 'отфотк', 'пофотограф', 'отфотограф'],
    words: [
      'фотик', 'фотика', 'фотику', 'фотиком', 'фотике', 'фотики', 'фотиков', 'фотикам', 'фотиками', 'фотиках',
      'съемка', 'съемку', 'съемки', 'съемкой', 'съемке', 'съемок', 'съемкам', 'съемками', 'съемках',
      'отснять', 'отснимете', 'отснимем', 'отсниму', 'поснимать', 'поснимаете', 'поснимаем', 'заснять', 'заснимете', 'заснимем',
    ],
  },
  { term: 'видеосъемк', prefixes: ['видеосъем', 'видеограф', 'видеооператор'] },
  // Snowball reads "объектив" as "объект" (an object, a site) but "объектива" as "объектив".
  { term: 'объектив', prefixes: ['объективчик'], words: ['объектив'] },
  // The kit lens: "китовый", "китовик" are the listings' "kit 18-55". "Кит" alone is a whale in a toy shop.
  {
    term: 'kit',
    words: [
      'китовый', 'китовая', 'китовое', 'китовые', 'китового', 'китовым', 'китовом', 'китовую', 'китовых',
      'китовик', 'китовика', 'китовиком', 'китовике', 'китовики', 'китовиков',
    ],
  },
  { term: 'телеобъектив', prefixes: ['телевик'], words: ['телеобъектив'] },
  // "Ширик" is a wide-angle lens; "ширина", "ширинка" start otherwise.
  { term: 'широкоугольн', prefixes: ['широкоугол', 'ширик'] },
  { term: 'портретн', prefixes: ['портретник'] },
  // Snowball reads "светосила" as "светос", its other cases and the adjective apart.
  { term: 'светосил', prefixes: ['светосил'] },
  // Autofocus: "AF-S", "AF" in a lens's name answer "автофокус есть?".
  { term: 'автофокус', prefixes: ['автофокус'], words: ['af'] },
  { term: 'зум', words: ['зумм', 'зумма', 'зуммом'] },
  { term: 'беззеркальн', prefixes: ['беззеркал'], words: ['бзк', 'mirrorless'] },
  { term: 'вспышк', words: ['вспыха', 'вспыху', 'вспыхи', 'вспыхой', 'спидлайт', 'спидлайта'] },
  // Snowball reads "штатив" as "штат" (a state, the staff) and "штатива" as "штатив".
  { term: 'штатив', prefixes: ['штативчик', 'трипод', 'треног'], words: ['штатив'] },
  // A crop sensor: "кроп", "кропнутая" against the listings' "APS-C" (its "C" drops out as a single letter).
  { term: 'кроп', prefixes: ['кропнут', 'кропов'], words: ['aps', 'apsc'] },
  // Full frame: "фулфрейм", "ФФ" against "полнокадровая". The Latin "Full Frame" stays as it is: a Latin word read as
  // another term loses the brand and model readings that go by its spelling.
  { term: 'полнокадров', prefixes: ['полнокадр', 'фулфрейм', 'фуллфрейм'], words: ['фф', 'ff', 'fullframe'] },
  // A used camera's shutter count: "сколько нащёлкал?" is the listing's "пробег 12 тыс. кадров". "Отщёлкивается" (snaps
  // off) is why whole words.
  { term: 'пробег', words: ['нащелкал', 'нащелкала', 'нащелкано', 'нащелкали', 'отщелкал', 'отщелкала', 'отщелкано'] },
  { term: 'экшн', prefixes: ['экшен', 'экшнк'] },
  { term: 'gopro', words: ['гопро', 'гоупро', 'гопрошка', 'гопрошку', 'гопрошки', 'гопрошкой'] },
  { term: 'квадрокоптер', prefixes: ['квадрокоптер', 'квадракоптер', 'квадрик', 'коптер'], words: ['дрон', 'дрона', 'дрону', 'дроном', 'дроне', 'дроны', 'дронов', 'дронам', 'дронами', 'дронах'] },
  { term: 'мануальн', prefixes: ['мануальник'] },
  // A camera case: "кофр" is the documents' "кейс", "чехол" (cosmetics.ts reads them as one).
  { term: 'кейс', words: ['кофр', 'кофра', 'кофру', 'кофром', 'кофре', 'кофры', 'кофров'] },
  { term: 'байонет', prefixes: ['байонет'], words: ['маунт', 'маунта', 'маунтом', 'маунте'] },
  // Brands spelt so that a letter-by-letter reading misses them, and their diminutives.
  { term: 'canon', words: ['кэнон', 'кенон', 'канон', 'кэнона', 'кенона', 'кэнону', 'кэноном', 'кеноном', 'кэноне', 'кеноне', 'кэнончик', 'кенончик', 'кэнонов'] },
  { term: 'nikon', words: ['никончик', 'никончика', 'никоны', 'никонов'] },
  // "Сони" is read as "сон" (sleep) by Snowball.
  { term: 'sony', words: ['сони', 'сонька', 'соньку', 'соньки', 'сонькой'] },
  { term: 'sd', words: ['сдшка', 'сдшку', 'сдшки', 'сдшкой', 'сдэшка', 'сдэшку', 'сдэшки', 'сдкарта', 'сдкарту', 'сдкарты'] },

  // The service. Retouching: "отретушируете?", "ретушка" / "ретушь".
  { term: 'ретуш', prefixes: ['ретуш', 'отретуш'] },
  // Source files: "равки отдаёте?" is the documents' "исходники не отдаём". "Исходный" (initial) keeps its stem.
  { term: 'исходник', prefixes: ['исходник'], words: ['равки', 'равок', 'равками', 'равках', 'равы', 'равов'] },
  { term: 'story', words: ['лавстори', 'лавсторя', 'стори'] },
  { term: 'reels', words: ['рилс', 'рилсы', 'рилсов', 'рилз', 'рилсик', 'рилсики'] },
  // "Фотосессия для семьи" is the documents' "семейная фотосессия".
  {
    term: 'семейн',
    words: ['семья', 'семьи', 'семью', 'семьей', 'семье', 'семей', 'семьям', 'семьями', 'семьях', 'семейка', 'семейку', 'семейки', 'семейкой'],
  },
  // Newborn shoots: "ньюборн" is the documents' "съёмка новорождённых" (baby.ts reads the rest).
  { term: 'рожден', prefixes: ['ньюборн', 'нюборн', 'ньюбон'], words: ['newborn'] },
  { term: 'крещен', prefixes: ['крестин'] },
  { term: 'репортаж', prefixes: ['репортаж'] },
  { term: 'студ', prefixes: ['студийн'] },
  { term: 'предметн', prefixes: ['предметк'] },
  // Make-up at the shoot: "визажист" is the documents' "макияж".
  { term: 'макияж', prefixes: ['визаж'] },
  // Prints: "напечатаете фото?" / "печать фото 10×15". "Распечатать" is read as unsealing first.
  { term: 'печат', prefixes: ['печата', 'напечат', 'отпечата'] },
  { term: 'оцифровк', prefixes: ['оцифров', 'оцифру'] },
];
