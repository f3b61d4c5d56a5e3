import type { PrefixRule } from '../prefix-table.js';

/**
 * Cosmetics and perfume, computers and their repair: a second pass over what cosmetics.ts and computers.ts miss. Left out
 * for two meanings or for the engine's own handling: "клава" (read within one sentence by clipped-words.ts, so that a
 * keyboard line does not answer how long an ordered one takes), "лаги" (a floor's joists), "опера" (the browser), "мать"
 * (a mother), "камень" (a stone), "винт" (a screw), "жёсткий" (a stiff brush), "начинка" (a cake's filling), "игрушки"
 * (toys), "майн" (mining and Minecraft both), "накатить" (read as a mileage), "поменять"/"заменить" (read as an exchange),
 * "ниша"/"нишевый" (a wall's niche), "делёнка" (a plant's division), "блеск" (a lip gloss), "жирность" (cream's fat).
 * Left to the engine's reading of unknown words, which already finds them: "шлейфовый", "тестерный", "кислотка",
 * "ниацин", "чуствительная", "засветка", "дискретка", "тачпэд", "сборочка", "проапгрейдить".
 */
export const COSMETICS_COMPUTERS_MORE_RULES: readonly PrefixRule[] = [
  // Cosmetics and perfume.
  // A bottle, as perfume buyers call it; "полник" is a full bottle against a decant. "Бутылочка" (a baby's) stays out.
  {
    term: 'флакон',
    prefixes: ['флакон', 'флакош', 'флакуш'],
    words: ['бутылек', 'бутылька', 'бутыльку', 'бутыльком', 'бутыльке', 'бутыльки', 'бутыльков', 'полник', 'полника', 'полнику', 'полником', 'полнике', 'полники', 'полников'],
  },
  // Smelling a tester: "понюхать при встрече" / "давать нюхать" (Snowball splits the prefixed verb).
  { term: 'нюха', prefixes: ['понюх', 'нюхн', 'занюх', 'обнюх'] },
  { term: 'текстур', prefixes: ['консистенц', 'консистенс', 'кансистенц', 'конситенц'] },
  // What Russian shops sell as a "тоник" the Korean ones call a "тонер": one product. A printer's toner keeps its word.
  { term: 'тонер', words: ['тоник', 'тоника', 'тонику', 'тоником', 'тонике', 'тоники', 'тоников', 'тоничек', 'тонички'] },
  // "Гиалуронка" and misspellings; the salt "гиалуронат натрия" is the same acid to a buyer.
  { term: 'гиалуронов', prefixes: ['гиалурон', 'гиалорон', 'гилурон', 'гиолурон', 'гиалуран'] },
  { term: 'мицеллярн', prefixes: ['мицеллярн', 'мицелярн', 'мицеллярк', 'мицелярк', 'мицелк'] },
  // "Объём" is a measure's name (measures.ts reads its forms); its misspellings are left to the typo reading.
  // Stinging and burning are the documents' "раздражение"; "печёт" stays out (it also bakes).
  {
    term: 'раздражен',
    prefixes: ['раздраж', 'пощипыв'],
    words: ['щиплет', 'щиплют', 'щипет', 'щипит', 'щипало', 'жжет', 'жжется', 'жгет', 'жжение', 'жжения', 'жжением'],
  },
  // A rash after a cream: "не обсыпет?" asks what "аллергия" answers. "Обсыплет", "обсыпала" stay out (sprinkling nuts).
  { term: 'аллерг', words: ['обсыпет', 'обсыпит', 'обсыпало'] },
  // "Увлажняшка", "увлажнит?" against "увлажняющий крем"; "увлажнитель" (an air humidifier) stays out.
  {
    term: 'увлажня',
    prefixes: ['увлажнялк', 'увлажняшк', 'увлажнен'],
    words: ['увлажнит', 'увлажнять', 'увлажнил', 'увлажнила', 'увлажнило'],
  },
  // Marking: "ЧЗ" is "Честный знак"; "промаркирован?" is answered by "с маркировкой".
  { term: 'маркировк', prefixes: ['маркирова', 'промаркир', 'немаркир'], words: ['чз', 'честнак'] },
  // Made in Korea: "из Кореи?" (Snowball: "кор") and "корейка", the buyers' word for Korean cosmetics.
  {
    term: 'корейск',
    words: ['корея', 'кореи', 'корее', 'корею', 'кореей', 'корейка', 'корейку', 'корейки', 'корейкой', 'корейке', 'кбьюти'],
  },
  { term: 'улитк', prefixes: ['улиточ'] },
  { term: 'сыворотк', words: ['серум', 'серума', 'серуму', 'серумом', 'серумы', 'серумов', 'серумчик', 'сывортка', 'сывортку', 'сывортки'] },
  // Acne as the documents write it (also in product names, "Acne Pimple Master Patch") and pimples as buyers say it.
  // "Постакне" (the marks left after) is another complaint and keeps its stem.
  { term: 'акн', prefixes: ['прыщ'], words: ['акне', 'acne'] },
  // A set of products; "сетка" (a mesh) is not taken, the word goes whole.
  { term: 'набор', words: ['сет', 'сета', 'сету', 'сетом', 'сете', 'сеты', 'сетов', 'сетик', 'сетика', 'сетики', 'наборчик', 'наборчика', 'наборчики'] },
  // A perfume's notes: "нотки", "пирамида" (of notes).
  { term: 'нот', words: ['нотки', 'нотка', 'нотку', 'ноток', 'нотками', 'пирамида', 'пирамиду', 'пирамиды', 'пирамиде'] },
  // Still in its film: "в целлофане?" is answered by "в заводской плёнке".
  { term: 'пленк', prefixes: ['целлофан', 'целофан'] },
  // "ЗЯ" is the perfume chain "Золотое Яблоко", where a seller says the bottle was bought.
  { term: 'яблк', words: ['зя'] },
  // Brands by their buyers' nicknames, which the sound match misses: "ЛРП", "ларошка" for La Roche-Posay, "косрикс" for
  // COSRX (the Latin "x" is said "кс" after a vowel the brand does not write).
  { term: 'roche', words: ['лрп', 'ларош', 'ларошь', 'ларошка', 'ларошку', 'ларошки', 'ларошкой', 'ларошке', 'лярош', 'ларошпозе'] },
  { term: 'cosrx', words: ['косрикс', 'косрекс', 'косрыкс', 'косрэкс', 'косрх', 'коср'] },
  // Drying skin or hair: "пересушивает?" is answered by "не сушит".
  { term: 'суш', prefixes: ['пересуш', 'иссуш'] },

  // Computers and their repair.
  // "Компютер" without the soft sign and other misspellings; "компик", "компух".
  {
    term: 'компьютер',
    prefixes: ['компютер', 'кампьютер', 'кампютер', 'компутер', 'компуктер', 'кампутер', 'компух'],
    words: ['компик', 'компика', 'компику', 'компиком', 'компике', 'компики', 'компиков'],
  },
  { term: 'ноутбук', prefixes: ['нотбук', 'ноудбук', 'ультрабук'] },
  { term: 'видеокарт', prefixes: ['видух', 'видюш'], words: ['гпу'] },
  // "РТХ", "ГТХ" typed in Cyrillic: "х" sounds unlike the Latin "x", so the sound match misses them.
  { term: 'rtx', words: ['ртх', 'ртикс', 'ртэкс', 'эртикс', 'ртхшка', 'ртхшку', 'ртхи'] },
  { term: 'gtx', words: ['гтх', 'гтикс', 'гтэкс', 'джитиикс'] },
  // Drives: "хард", "винчестер" for a hard disk ("винт" is also a screw, "жёсткий" a stiff brush); "ссдшка".
  { term: 'hdd', prefixes: ['винчестер', 'винчестр'], words: ['хдд', 'хддшка', 'хддшку', 'хард', 'харда', 'харду', 'хардом', 'харде', 'харды', 'хардов'] },
  {
    term: 'ssd',
    prefixes: ['твердотельн', 'ссдшк', 'ссдшн'],
    words: ['ссд', 'ссдэшка', 'ссдэшку', 'эсэсди'],
  },
  { term: 'nvme', words: ['нвме', 'нвмэ', 'нвмешка', 'нвмешку', 'нвмешки', 'нвмешник'] },
  // Cooling: "куллер" misspelt, a water loop ("водянка", "СЖО").
  { term: 'охлажд', prefixes: ['куллер', 'водянк'], words: ['сжо'] },
  // "Термоподложка" (a floor's underlay) is why "термоподы" goes by whole words.
  { term: 'термопрокладк', prefixes: ['термопад', 'термопрокл'], words: ['термопод', 'термоподы', 'термоподов', 'термоподами'] },
  { term: 'пыл', prefixes: ['пылюк', 'пылюг', 'пылищ'] },
  { term: 'перегрев', prefixes: ['троттл', 'тротл'] },
  // Slow: "тупит", "тупняк", "статтеры" against the documents' "тормозит".
  {
    term: 'тормоз',
    words: ['тупит', 'тупят', 'тупил', 'тупила', 'тупило', 'подтупливает', 'подтупливают', 'тупняк', 'тупняки', 'статтеры', 'статтерит', 'статтерят'],
  },
  // Noises a fan or a coil makes: the documents write "шумит".
  {
    term: 'шум',
    words: ['свистит', 'свистят', 'свистел', 'трещит', 'трещат', 'тарахтит', 'тарахтят', 'пищит', 'пищат', 'писк', 'дребезжит'],
  },
  // Shutting down by itself: "вырубается", "отключается" are the documents' "выключается".
  {
    term: 'выключа',
    words: ['вырубается', 'вырубаются', 'вырубился', 'вырубилась', 'вырубилось', 'отключается', 'отключаются', 'отключился', 'отключилась', 'отключилось'],
  },
  { term: 'включа', words: ['врубается', 'врубаются', 'врубится'] },
  { term: 'камер', words: ['вебка', 'вебку', 'вебки', 'вебкой', 'вебке', 'вебкамера', 'вебкамеру', 'вебкамеры', 'вебкамерой'] },
  // A laptop's "порты" are its connectors ("разъём для наушников", "замена разъёма питания").
  { term: 'разъем', words: ['порт', 'порта', 'порту', 'портом', 'порте', 'порты', 'портов', 'портами', 'портах'] },
  // Reinstalling is installing: "переустановить винду" against "Установка Windows".
  { term: 'установк', prefixes: ['переустан'] },
  // Pirated software: the documents write "взломанные программы не ставим". "Ломаный" (broken) and "пиратский" (a
  // cake's pirate theme) stay out.
  { term: 'взлома', prefixes: ['пиратк', 'крякн', 'крякан'], words: ['кряк', 'кряка', 'кряком'] },
  // A PC's configuration is its specs.
  { term: 'характеристик', words: ['конфиг', 'конфига', 'конфигу', 'конфигом', 'конфиге', 'конфиги', 'конфигов', 'спеки', 'спеков', 'спеках'] },
  // Games: "поиграть", "играть" against "для игр"; "игрушки" (toys) stays out.
  { term: 'игр', prefixes: ['поигр'], words: ['играть', 'играю', 'играет', 'играют', 'играем', 'играете', 'играл', 'играла'] },
  // Game names as typed in Cyrillic, which the sound match misses: "кс", "контра" for Counter-Strike (CS2), "майнкрафт".
  { term: 'cs2', words: ['кс', 'кс2', 'ксго', 'кска', 'кску', 'контра', 'контру', 'контре', 'контрой', 'csgo', 'контрстрайк'] },
  { term: 'minecraft', words: ['майнкрафт', 'майнкрафта', 'майнкрафте', 'майнкрафту', 'майнкрафтом'] },
  { term: 'full', words: ['фулхд', 'фуллхд', 'фхд', 'fullhd', 'fhd', 'фулашди', 'фуллашди'] },
  // Overclocked: "разогнанная карта?", "разгоняли?" against "разгон процессора"; bikes read "разгоняется" as a speed.
  {
    term: 'разгон',
    prefixes: ['оверклок'],
    words: ['разогнан', 'разогнана', 'разогнанный', 'разогнанная', 'разогнанные', 'разогнанной', 'разогнанную', 'разгоняли', 'разгонял', 'разгоняла'],
  },
  // Warranty seals: "пломбы целые?" against "сорваны гарантийные наклейки"; "пломбир" (ice cream) is why "пломба" goes whole.
  {
    term: 'наклейк',
    prefixes: ['опломб'],
    words: ['пломба', 'пломбы', 'пломбу', 'пломбой', 'пломбе', 'пломб', 'пломбами', 'пломбах', 'пломбочки'],
  },
  { term: 'вирус', prefixes: ['троян', 'малвар', 'зловред'] },
];
