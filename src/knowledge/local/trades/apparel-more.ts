import type { PrefixRule } from '../prefix-table.js';

/**
 * Clothes and shoes, a second pass over what apparel.ts misses: the garments' diminutives and misspellings, materials
 * and their adjectives, fit, weather, parts of shoes and garments, whom a garment is for, where it is made. "Носок" (a sock
 * and a shoe's toe), "колодка" (a shoe's last and a brake pad), "собачка" (a zip's slider and a dog), "стрейч" (stretch
 * fabric and stretch film), "пог" (read as "погонный"), "термуха" (read as thermal paste) and "вязка" (knitting, a dogs'
 * mating, tying rebar) stay out: two meanings.
 */
export const APPAREL_MORE_RULES: readonly PrefixRule[] = [
  // Garments and shoes as buyers type them: diminutives, slang and misspellings.
  // "Кросик", "кроссач" are also a motocross bike: left out.
  { term: 'кроссовк', prefixes: ['красовк', 'крассовк', 'кросовок', 'красовок', 'ботас', 'батас'] },
  // "Туфель", "туфелек", "туфельки": Snowball gives each a stem of its own.
  { term: 'туфл', prefixes: ['туфел', 'туфельк'] },
  { term: 'сапог', prefixes: ['сапожк', 'сапожок', 'сапожек', 'сапожочк'] },
  { term: 'кед', prefixes: ['кедик', 'кедос'] },
  { term: 'тапк', prefixes: ['тапоч', 'тапул'] },
  { term: 'куртк', prefixes: ['курточ', 'куртец', 'куртц', 'куртейк'] },
  { term: 'жилет', prefixes: ['жилетк', 'жилеточк', 'безрукавк'] },
  { term: 'свитер', prefixes: ['свитерок', 'свитерк', 'свитерочек', 'свитерочк'] },
  { term: 'кофт', prefixes: ['кофточ', 'кофтейк', 'кофтеч'] },
  { term: 'футболк', prefixes: ['футболочк'] },
  // "Платье" is read "плат" by Snowball (like "плата"): only its diminutives join it.
  { term: 'плат', prefixes: ['платьиц', 'платьишк', 'платюшк'] },
  { term: 'джинс', prefixes: ['джинсик', 'джынс'] },
  { term: 'шарф', prefixes: ['шарфик'] },
  { term: 'перчатк', prefixes: ['перчаточ'] },
  // "Термоноски" are the documents' "носки термо".
  { term: 'носк', prefixes: ['носоч', 'термоноск'] },
  { term: 'шуб', prefixes: ['шубк', 'шубейк'] },
  { term: 'костюм', prefixes: ['костюмчик'] },
  { term: 'комбинезон', prefixes: ['комбиниз', 'камбинез', 'камбиниз', 'комбенез', 'комбинзон'] },
  // Common misspellings of the documents' words: "батинки", "копюшон", "малния", "премерить" ("премьера" keeps its "ь").
  { term: 'ботинк', prefixes: ['батин'] },
  { term: 'капюшон', prefixes: ['копюш'] },
  { term: 'молн', prefixes: ['мални'] },
  { term: 'примерк', prefixes: ['премер'] },
  // Clothes and shoes in general: "шмотки", "одёжка", "обувка".
  { term: 'вещ', prefixes: ['шмот'] },
  { term: 'одежд', prefixes: ['одежк', 'одежонк'] },
  { term: 'обув', prefixes: ['обувк', 'обувочк'] },

  // Materials. "Натуралка", "нат. кожа" are the documents' "натуральная"; "кожаные" is "кожа" ("кожанка", a leather jacket,
  // stays out: whole words).
  { term: 'натуральн', prefixes: ['натуралк'], words: ['натурал', 'натурала', 'нат', 'натур'] },
  {
    term: 'кож',
    words: ['кожаный', 'кожаная', 'кожаное', 'кожаные', 'кожаного', 'кожаной', 'кожаную', 'кожаных', 'кожаными', 'кожаным', 'кожаном'],
  },
  // "Х/б" loses its single letters; "хб" and "хлопковый" are the documents' "хлопок".
  { term: 'хлопк', prefixes: ['хлопков', 'хлопчатобумаж', 'коттон'], words: ['хб'] },
  { term: 'полиэстер', prefixes: ['полиэфир', 'полиэстр', 'полиестер', 'полиэстэр'] },
  { term: 'шерст', prefixes: ['шерстян', 'шерстен'] },
  { term: 'трикотаж', prefixes: ['трикотажн'] },
  { term: 'мех', prefixes: ['мехов'] },
  // "Пуховый"; "пуховик" and "пуховка" are read by apparel.ts before this.
  { term: 'пух', prefixes: ['пухов'] },
  { term: 'замш', prefixes: ['замшев'] },
  // A filler named by its kind ("на синтепоне?") asks what the documents list as "утеплитель".
  { term: 'утеплител', prefixes: ['синтепон', 'синтепух', 'холлофайбер', 'холофайбер', 'тинсулейт', 'изософт'] },
  // "Не синтетика?" asks the composition ("состав", read as "материал").
  { term: 'материал', prefixes: ['синтетик', 'синтетич'] },

  // Fit: "маловат?", "не будут жать?", "впору" are answered by "садится размер в размер". "Великоваты" in a hair styler's
  // text is read so too. "Полномерит" keeps its stem: the engine meets it with the boots' "полнота", where their fit is told.
  {
    term: 'посадк',
    prefixes: ['маловат', 'великоват', 'мелковат', 'тесноват', 'облегающ'],
    words: ['впору', 'впритык', 'обтяжку', 'облегает', 'облегают', 'жмут', 'жмет', 'поджимает', 'поджимают', 'натирает', 'натирают', 'натрут', 'натрет', 'натерли'],
  },
  { term: 'оверсайз', prefixes: ['оверсайз', 'оверсайс', 'оверсаиз', 'oversiz'], words: ['овер'] },
  { term: 'унисекс', prefixes: ['юнисекс', 'унисэкс', 'unisex'] },
  // Stretching with wear: "разносятся?" (shoes), "не вытягивается?"; "разносить" (to deliver) stays out.
  {
    term: 'растягива',
    prefixes: ['растягив', 'растянет', 'растянут', 'растянул', 'вытягив', 'вытянет', 'вытянут', 'вытянул', 'разнашива'],
    words: ['разносятся', 'разносится'],
  },
  // "Не колючий?" is answered by "не колется".
  { term: 'колет', words: ['колются', 'колючий', 'колючая', 'колючее', 'колючие', 'колючего', 'колючей', 'кусачая', 'кусачий', 'кусачие'] },
  { term: 'линя', prefixes: ['полиня', 'слиня', 'вылиня'] },
  // Sizes: "рр 42", "разм"; Cyrillic "хл" for XL; "ОГ" (chest girth) is the size charts' "обхват груди".
  { term: 'размер', words: ['рр', 'разм', 'рзм'] },
  // "Какая длинна рукава?": the misspelt noun gets a stem of its own ("длинн").
  { term: 'длин', words: ['длинна', 'длинны'] },
  { term: 'xl', words: ['хл', 'иксэль', 'иксель'] },
  { term: 'xxl', words: ['ххл'] },
  { term: 'обхват', prefixes: ['полуобхват'], words: ['ог', 'обх'] },

  // Weather: "непромокаемый?" meets the documents' "водоотталкивающая" and the phones' "влагозащита". The verb ("промокнет")
  // is the building's getting wet (read first) or a verb the engine drops ("чтоб не промокали": the care line answers).
  { term: 'влагозащит', prefixes: ['непромока', 'водоотталк', 'влагоотталк'] },
  // "Не продувает?" meets "от ветра"; "продувка" (of injectors) stays out, and "ветер" only as the whole word ("ветеринар").
  { term: 'ветр', prefixes: ['продува', 'продуе', 'непродува', 'ветрозащ', 'ветронепрод'], words: ['ветер'] },
  // The seasons' adjectives keep their own stems: a listing's title ("пуховик зимний") stands over each of its passages, and
  // read as "зима" it let "на зиму пойдёт?" be answered by any of them.
  { term: 'демисезон', prefixes: ['межсезон'] },
  // "Не холодно в нём?" asks the temperature a garment is rated for (apparel.ts reads "замёрзну" so); "холодный" stays out.
  { term: 'температур', words: ['холодно', 'холодновато', 'жарко', 'жарковато'] },

  // Parts. Snowball gives each case of "шов" its own stem.
  { term: 'шов', words: ['швы', 'шва', 'шву', 'швом', 'шве', 'швов', 'швам', 'швами', 'шовчик'] },
  // "На чём застёгивается?" / "застёжка — молния"; "в застёгнутом виде", "расстегнуть снизу". "Отстёгивается" (removable)
  // stays out: the engine's root families join it to "пристёгивается".
  { term: 'застежк', prefixes: ['застег', 'застеж', 'расстег', 'расстеж'] },
  { term: 'каблук', prefixes: ['каблуч'] },
  // A boot's shaft: "голяшка", and the calf it has to fit ("на широкую голень").
  { term: 'голенищ', prefixes: ['голяшк'], words: ['голень', 'голени', 'голенью'] },
  { term: 'стельк', prefixes: ['стелечк', 'стелек'] },
  { term: 'подкладк', prefixes: ['подкладочн', 'подкладочк'], words: ['подклад'] },
  { term: 'карман', prefixes: ['кармаш', 'карманчик'] },
  { term: 'пуговиц', prefixes: ['пуговк', 'пуговичк', 'пуговок'] },
  { term: 'воротник', prefixes: ['воротнич'] },
  { term: 'двухзамков', prefixes: ['двузамк', 'двухбегунк', 'двубегунк'] },
  // "Как ухаживать?" is answered under "Уход".
  { term: 'уход', prefixes: ['ухажив'] },

  // Whom it is for: "на мужа", "для жены", "на ребёнка" meet "мужская", "женский", "детский" ("жен." in price lists).
  // Not "жене", "женой", "мужем": to whom and with whom, the buyer's kin (vocabulary.ts), not which cut.
  { term: 'мужск', prefixes: ['мужчин', 'мужик'], words: ['муж', 'мужа', 'мужу', 'мужей'] },
  { term: 'женск', prefixes: ['женщин'], words: ['жен', 'жена', 'жены', 'жену'] },
  { term: 'ребенк', prefixes: ['детск'] },
  // Where it is made: "китайское?" / "Производство — Китай"; "турецкие?" / "Турция" ("турка", a coffee pot, stays out).
  { term: 'китайск', words: ['китай', 'китая', 'китае', 'китаю', 'китаем'] },
  { term: 'турц', prefixes: ['турецк'] },
];
