import type { PrefixRule } from '../prefix-table.js';

/**
 * Honey and bee products: honey by its plant and its region, honeycomb, bee bread, pollen, propolis, drone brood, wax
 * moth tincture, and the jars, pails and cans it is sold in. Earlier groups read "фасовка"/"расфасуем" (pets.ts),
 * "разливаете" (a perfume's "распив", cosmetics.ts), "дегустация" (confectionery.ts), "орешки" and "сертификат", and the
 * concept table reads "цветочный" as a colour: those keep their terms. "Липа" is also a fake ("справка — липа"), "воск"
 * would take "восковой моли" (a tincture, not wax), and "трёхлитровка" would lose its three litres if read as "литр":
 * all stay out.
 */
export const HONEY_RULES: readonly PrefixRule[] = [
  // "Медок", "медку", "медочек": Snowball reads the diminutives apart from "мёд". "Медк" alone would take "медкнижка" and
  // "медкомиссия", so whole words.
  { term: 'мед', words: ['медок', 'медку', 'медка', 'медком', 'медке', 'медочек', 'медочка', 'медочку', 'медочком'] },
  // "Сотовый мёд" is honey in the comb, what a buyer asks as "мёд в сотах". A phone shop's "сотовый" and a greenhouse's
  // "сотовый поликарбонат" are read so too, but neither shop writes of combs, nor a honey shop of phones.
  { term: 'сот', prefixes: ['сотов'] },
  { term: 'перг', prefixes: ['пергов'] },
  // Pollen the bees carry in: "обножка" is the beekeeper's name of "пчелиная пыльца".
  { term: 'пыльц', prefixes: ['обножк', 'обножечн'] },
  { term: 'прополис', prefixes: ['прополис', 'пропалис', 'праполис', 'прапалис', 'прополюс'] },
  // Drone brood sold as "трутнёвый гомогенат": buyers ask either word.
  { term: 'трутнев', prefixes: ['трутнев', 'гомогенат'] },
  // The wax moth tincture: "огнёвка", "ПЖВМ" (its initials) are the documents' "настойка восковой моли". Snowball reads
  // "моль" as "мол"; a clothes moth is the same insect, so apparel's "от моли" reads alike.
  { term: 'огневк', prefixes: ['огневк'], words: ['пжвм', 'моль', 'моли', 'молью', 'молей'] },
  // Snowball reads "улей", "ульи" as "ул", the street of an address ("ул. Ленина"): the hive keeps a term of its own.
  { term: 'улья', words: ['улей', 'улья', 'улью', 'ульем', 'улье', 'ульи', 'ульев', 'ульям', 'ульями', 'ульях'] },
  // The apiary and its keeper: "вы сами пчеловоды?", "от пасечника?" are answered by "мёд с собственной пасеки";
  // "продукты пчеловодства" and "пчелопродукты" are what the apiary sells.
  { term: 'паск', prefixes: ['пасеч', 'пасек', 'пчеловод', 'пчелопродук'] },
  { term: 'пчел', prefixes: ['пчелк', 'пчелин', 'пчелок', 'пчелоч'] },
  // Honey by its plant, as buyers say it ("с гречки", "гречневый", "подсолнух") against the documents' adjective.
  // "Гречка" is the grain too, but its honey and its grain are one plant.
  { term: 'гречишн', prefixes: ['гречнев', 'гречих', 'гречишник'], words: ['гречка', 'гречки', 'гречку', 'гречкой', 'гречке'] },
  { term: 'акациев', prefixes: ['акаци'] },
  { term: 'донников', prefixes: ['донник'] },
  // Sunflower honey is written "подсолнечниковый" and "подсолнечный" alike.
  { term: 'подсолнечн', prefixes: ['подсолнеч', 'подсолнух', 'подсолнуш'] },
  { term: 'каштанов', prefixes: ['каштан'] },
  // Fireweed: "кипрей" is read by Snowball as "кипр" (Cyprus); "Кипре" (in Cyprus) is why the cases go by whole words.
  { term: 'кипрейн', prefixes: ['кипрей'], words: ['кипрея', 'кипрею', 'кипреем'] },
  { term: 'эспарцетов', prefixes: ['эспарцет', 'эспорцет'] },
  { term: 'клеверн', prefixes: ['клевер'] },
  // "Рапсодия" is why the plant goes by its adjective and whole words.
  { term: 'рапсов', prefixes: ['рапсов'], words: ['рапс', 'рапса', 'рапсом', 'рапсе'] },
  { term: 'фацелиев', prefixes: ['фацели'] },
  { term: 'разнотрав', prefixes: ['разнотрав'] },
  // Honey by its region: "с Алтая", "из Башкирии" are the documents' "алтайский", "башкирский".
  { term: 'башкирск', prefixes: ['башкир', 'башкорт'] },
  { term: 'алтайск', prefixes: ['алтайск'], words: ['алтай', 'алтая', 'алтаю', 'алтаем', 'алтае'] },
  // Wild honey from tree hollows: "бортевой", "бортный", "от бортника". "Бортовой" (a truck's, a car's) starts otherwise.
  { term: 'бортев', prefixes: ['бортев', 'бортн'] },
  // Honey setting: "засахарился?", "сахарится?" are the documents' "кристаллизуется", "кристаллизация — естественный
  // процесс". Candied fruit ("засахаренные") is the cake shops' and reads alike, with no honey beside it.
  { term: 'кристаллизац', prefixes: ['кристаллиз', 'закристаллиз', 'засахар', 'сахарит', 'сахарят'] },
  // "Когда откачивали?" is the documents' "откачка июль 2024"; a septic tank's "откачка"/"откачать" is one action too.
  { term: 'откачк', prefixes: ['откача', 'откачив', 'откачан'] },
  { term: 'сбор', prefixes: ['медосбор'] },
  // "Не бодяжный?", "не фальсификат?" ask what "мёд натуральный, без добавок" answers.
  { term: 'натуральн', prefixes: ['бодяж', 'фальсифиц', 'фальсификат', 'натурпрод'] },
  // Fermenting: "не забродит?" / "брожения нет". "Бродит" by whole words: "бродить" is also to wander.
  { term: 'брожен', prefixes: ['заброд', 'брожен', 'сбражив', 'сброжен'], words: ['бродит', 'бродят', 'бродил', 'бродила', 'бродило'] },
  { term: 'медовух', prefixes: ['медовух', 'медовушк'] },
  // Bulk honey comes in an aluminium "фляга" (40 л) that buyers call a "бидон". "Фляжка" (a hip flask) keeps its stem.
  { term: 'фляг', prefixes: ['бидон'] },
  { term: 'ведр', prefixes: ['ведерк', 'ведерочк', 'ведерец'] },
  // "Баночка", "в баночках": Snowball keeps the diminutive apart from "банка".
  { term: 'банк', prefixes: ['баночк', 'баночек'] },
  { term: 'крышк', prefixes: ['крышечк', 'крышечек'] },
  { term: 'настойк', prefixes: ['настоечк'] },
  { term: 'забрус', prefixes: ['забрус'] },
  // Ripe honey: "зрелость", "дозрел" against "мёд зрелый". "Незрелый" asks the same ripeness.
  { term: 'зрел', prefixes: ['зрелост', 'созрел', 'дозрел', 'незрел'] },
  // Thickening: "загустел", "густеет" against "мёд густой". A cream's "загустел" (cosmetics) is the same thickening.
  { term: 'густ', prefixes: ['загуст', 'густеет', 'густеют', 'густел', 'густот'] },
  // "Стеклотара" is the documents' "в стекле". "Стеклянный" keeps its stem: "стеклянная полка" is no glass jar.
  { term: 'стекл', prefixes: ['стеклотар'] },
  { term: 'боярышников', prefixes: ['боярышн'] },
  { term: 'вересков', prefixes: ['вереск'] },
  { term: 'дягилев', prefixes: ['дягил'] },
  { term: 'кориандров', prefixes: ['кориандр'] },
  { term: 'таежн', prefixes: ['тайг'] },
];
