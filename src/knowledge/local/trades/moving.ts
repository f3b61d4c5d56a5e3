import type { PrefixRule } from '../prefix-table.js';

/**
 * Moving and freight by van: flat, office and dacha moves, the Gazelle and its body, movers and riggers, packing,
 * taking furniture apart, carrying up and down, paying by the hour, trips out of town. Earlier groups read "газелька"
 * (building.ts), "грузчики", "погрузим" ("груз", auto-building-more.ts), "выгрузить" ("разгрузк", garden.ts), "ходка"
 * ("рейс"), "воровайка", "водила", "занесёте" ("подъем"), "вывезти" ("вынос"), "сборка", "паллета", "лёжа" and
 * "пупырка" ("упаковк"): those keep their terms. "Коробка" (a gearbox too), "каблук" (a small van and a heel), "бычок"
 * and "газон" (trucks, and a cigarette end and a lawn), "перевожу" (a money transfer too) and "спуск" (a tyre losing
 * air, wheels.ts's "травит") stay out.
 */
export const MOVING_RULES: readonly PrefixRule[] = [
  // "Перевезти", "перевезёте", "перевозите" against the documents' "перевозка", "грузоперевозки". The concept table's
  // "доставка" takes "привезти", "довезти", not this verb.
  { term: 'перевозк', prefixes: ['грузоперевоз', 'перевез', 'перевоз'] },
  // "Переехать", "переезжаем" against "переезд". Snowball keeps each apart.
  { term: 'переезд', prefixes: ['переезж', 'переех'], words: ['перееду', 'переедем', 'переедете', 'переедет', 'переедут', 'переедешь'] },
  { term: 'груз', prefixes: ['носильщик'] },
  // Heavy lifting (a piano, a safe): "такелажные работы", "такелажник".
  { term: 'такелаж', prefixes: ['такелаж'] },
  { term: 'грузовик', prefixes: ['грузовичок', 'грузовичк'] },
  // A tilt body: "тентованная газель", "с тентом".
  { term: 'тент', prefixes: ['тентов'] },
  // A tail lift is called either name.
  { term: 'гидроборт', prefixes: ['гидролифт'] },
  // A pallet jack: "рохля" is the warehouse name of "гидравлическая тележка".
  { term: 'тележк', prefixes: ['рохл'] },
  // Paying by the hour: "почасовка", "почасово" are the documents' "почасовая оплата".
  { term: 'почасов', prefixes: ['почасов'] },
  // The least an order is charged: "минималка" against "минимальный заказ — 2 часа". "Минимум" is left out: "как
  // минимум", "гарантия минимум год" say no order's least.
  { term: 'минимальн', prefixes: ['минималк'] },
  // Trips to another city: "междугородние перевозки", "по межгороду", "междугородка".
  { term: 'межгород', prefixes: ['междугор', 'межгор'] },
  // Sharing a truck: "попуткой", "догруз" are the documents' "попутный груз".
  { term: 'попутн', prefixes: ['попутк', 'догруз'] },
  // Stretch wrap: "стретч" misspelt; a stretch fabric's "стрейч" (apparel) reads alike, and means the same stretch.
  { term: 'стрейч', prefixes: ['стретч', 'стрэйч'] },
  // Wrapping: "обмотаете плёнкой?" is the documents' "упаковка". "Обмотка" (a motor's winding) is why whole words.
  { term: 'упаковк', words: ['обмотать', 'обмотаете', 'обмотаем', 'обмотают', 'замотать', 'замотаете', 'замотаем'] },
  // Taking furniture apart: "разберёте шкаф?" against "разборка мебели". Whole words: "разбираетесь в …?" asks what the
  // seller knows, and "в разобранном виде" is how a thing comes, not a service.
  { term: 'разборк', words: ['разобрать', 'разберете', 'разберут', 'разбирать', 'разбираете', 'разбираем', 'разбирают', 'разобрали'] },
  // "Перевезти фортепиано" is the documents' "перевозка пианино"; a grand ("рояль") weighs and costs more and stays apart.
  { term: 'пианин', prefixes: ['фортепиан', 'пианинк'] },
  // The move by what is moved: "квартирный переезд" / "переезд квартиры". "Офисный" (a chair's, a printer's) and
  // "дачный" (a shower's, and the greenhouse "Дачница") stay apart from the seller's "офис" and "на дачу".
  { term: 'квартир', prefixes: ['квартирн'] },
  { term: 'вещ', prefixes: ['пожитк', 'скарб'] },
  // Bulky loads: "негабарит", "крупногабарит" against "крупногабаритный груз". "Габариты" (a size) is the concept
  // table's and starts otherwise.
  { term: 'крупногабаритн', prefixes: ['крупногабар', 'негабар'] },
  { term: 'цельнометаллическ', prefixes: ['цельномет'] },
  // A refrigerated van: "рефка". "Реф" alone is a refurbished phone (phones.ts).
  { term: 'рефрижератор', prefixes: ['рефк', 'рефрижер'] },
  // A body's or a room's volume: "какая кубатура?" is answered by "объём кузова 16 м³"; "тоннаж" so by "до 1,5 т".
  { term: 'м3', prefixes: ['кубатур'] },
  { term: 'тонн', prefixes: ['тоннаж'] },
  // Euro pallets are the building group's "поддон" ("паллета").
  { term: 'поддон', prefixes: ['европаллет', 'европалет', 'европоддон'] },
  // Carrying from the van to the door: "далеко пронести?" against "пронос свыше 20 м".
  { term: 'пронос', words: ['пронести', 'пронесете', 'пронесем', 'пронесут', 'проносить', 'проносите', 'проносим'] },
  // Snowball reads "самосвал", "самосвала" as "самосва" and the other cases as "самосвал".
  { term: 'самосвал', words: ['самосвал', 'самосвала'] },
];
