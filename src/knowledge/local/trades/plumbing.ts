import type { PrefixRule } from '../prefix-table.js';

/**
 * Plumbing, goods and a plumber's services: taps and mixers, toilets and cisterns, sinks, showers and baths, pipes and
 * fittings, meters, water heaters and towel rails, blockages, leaks, fitting and connecting. Earlier groups already
 * read "установка"/"монтаж"/"поставить" ("установк"), "подключить" ("подключен"), "демонтаж", "врезка", "прочистка"
 * ("чистк"), "течёт"/"подтекает"/"протечка" ("протека"), "канализация"/"слив" ("сливн"), "раковина" (as the furniture's
 * "мойка"), "поддон", "переходник" ("адаптер"), "помпа" ("насос"), "реставрация" (a repair). Read earlier and left as
 * they are: "кран" (a crane's term, building.ts; its other cases join it below), "батарея" (a battery, the vocabulary),
 * "поменять"/"заменить" (an exchange, the vocabulary), "умывальник" (washing, cosmetics.ts). Left out, two meanings:
 * "толчок" (a toilet and a car's jolt), "тройник" (a pipe tee and a power splitter), "змеевик" (a towel rail and a
 * boiler's or a still's coil), "манжета" (a toilet's cuff and a shirt's), "мыльница" (a soap dish and a compact
 * camera), "клик-клак" (a drain plug and a sofa's mechanism), "полдюйма" (read as "дюйм" it would answer for any size).
 */
export const PLUMBING_RULES: readonly PrefixRule[] = [
  // A plumber's documents say "кран", read as a crane's term by building.ts: Snowball gives its other cases a stem of
  // their own ("шаровых кранов", "на кране"), so they join it, with the diminutive ("краник капает").
  {
    term: 'манипулятор',
    words: ['кранов', 'крану', 'кране', 'кранам', 'кранами', 'кранах', 'краник', 'краника', 'кранику', 'краником', 'кранике', 'краники', 'краников'],
  },
  // Mixers misspelt ("смиситель", "смесетель").
  { term: 'смесител', prefixes: ['смисит', 'смесет', 'смеситил', 'смиситил', 'сместител'] },
  // The spout: Snowball reads "излив" as "изл" but "излива" as "излив"; buyers call it "гусак" ("гусак длинный?").
  { term: 'излив', words: ['излив', 'гусак', 'гусака', 'гусаку', 'гусаком', 'гусаке', 'гусаки', 'гусаков'] },
  // "Душевая кабина", "душевой шланг" are a shower's parts: the adjective joins the noun ("шланг для душа").
  {
    term: 'душ',
    words: ['душевой', 'душевая', 'душевое', 'душевые', 'душевого', 'душевую', 'душевых', 'душевым', 'душевыми', 'душевом', 'душевому'],
  },
  { term: 'кабин', prefixes: ['кабинк', 'душкабин', 'гидробокс'] },
  // A bathtub: Snowball reads "ванна", "ванны" as "ванн" but "ванну", "в ванне" as "ван", the stem of the bathroom
  // ("ванная", "в ванной"). Only the tub's own forms join: "поменять ванну" is the documents' "замена ванны".
  { term: 'ванн', words: ['ванну', 'ванне', 'ваннам', 'ваннами', 'ваннах'] },
  { term: 'тропическ', words: ['тропик', 'тропика', 'тропиком', 'тропике'] },
  // A bidet shower: "гигиенка", "гигиеничка". "Гигиеничный" (hygienic) keeps its stem.
  { term: 'гигиеническ', prefixes: ['гигиенк', 'гигиеничк'] },
  { term: 'унитаз', prefixes: ['унитас', 'унетаз', 'унитазик', 'унитазн'] },
  { term: 'инсталляц', prefixes: ['инсталяц', 'инсталяшк', 'инсталляшк'] },
  // Rimless bowls, however the buyer spells them: "безободочный", "без ободка", "rimless".
  { term: 'безободков', prefixes: ['безобод'], words: ['rimless', 'римлесс', 'римлес'] },
  // Flushing: "кнопка смыва" is the toilet's drain ("сливной бачок", "кнопка слива").
  { term: 'сливн', words: ['смыв', 'смыва', 'смыву', 'смывом', 'смыве'] },
  // Draining a system or a ceiling's water: "сливаете воду?" / "слив воды". "Слива" (a plum) and "сливки" stay out.
  { term: 'сливн', words: ['слить', 'сливаете', 'сливаем', 'сливать', 'сливают', 'сольете', 'сольем'] },
  { term: 'гофр', prefixes: ['гофрир'] },
  // Sinks: furniture.ts reads "раковина" as the documents' "мойка" by whole words; the other cases and the washstand
  // join.
  {
    term: 'мойк',
    words: [
      'раковин', 'раковинам', 'раковинами', 'раковинах', 'раковинка', 'раковинку', 'раковинки',
      'рукомойник', 'рукомойника', 'рукомойнику', 'рукомойником', 'рукомойнике', 'рукомойники', 'рукомойников',
    ],
  },
  { term: 'сифон', prefixes: ['сифончик'] },
  // Pipes by their material: "пропилен", "ППР", "PPR-C" are the documents' "полипропилен"; the adjective joins the
  // noun.
  { term: 'полипропилен', prefixes: ['полипропилен', 'полипропелен', 'пропилен', 'пропелен'], words: ['ппр', 'ppr', 'ппрс', 'pprc'] },
  { term: 'металлопластик', prefixes: ['металлопласт', 'металопласт'] },
  // Soldering polypropylene (and a phone's connector): "спаяете?", "паяльник" / "пайка". "Запаянный" (a sealed pack)
  // stays out.
  { term: 'пайк', prefixes: ['пая', 'спая', 'припая', 'перепая'] },
  // Water meters: "водомер", "ИПУ"; "ипу" alone is read as "ИП" (a sole trader) by Snowball.
  { term: 'счетчик', prefixes: ['водосчетч', 'водомер'], words: ['ипу'] },
  { term: 'водонагревател', prefixes: ['бойлер', 'водонагрев', 'водогрей'] },
  { term: 'полотенцесушител', prefixes: ['полотенцесуш'] },
  { term: 'насос', prefixes: ['насосн'] },
  { term: 'гидроаккумулятор', prefixes: ['гидроаккум', 'гидроакум', 'гидробак'], words: ['гидрик', 'гидрика', 'гидрику', 'гидриком', 'гидрики'] },
  // Blocked: "забилась раковина" is the documents' "засор". "Забить гвоздь", "забит" (booked up) stay out: only the
  // reflexive verb.
  {
    term: 'засор',
    prefixes: ['засорен'],
    words: ['забилась', 'забился', 'забилось', 'забились', 'забивается', 'забиваются', 'забило'],
  },
  // "Прочищаете засоры?": earlier groups read "прочистка", "прочистить" as "чистк", not this form.
  { term: 'чистк', prefixes: ['прочищ'] },
  // A dripping tap is a leak ("кран капает" / "устранение течи"). "Капать" (drops into the eyes) stays out.
  {
    term: 'протека',
    words: ['капает', 'капают', 'капало', 'капала', 'капал', 'закапал', 'закапало', 'закапала', 'подкапывает', 'подкапывают', 'накапало'],
  },
  { term: 'герметизац', prefixes: ['герметизир', 'загерметиз', 'перегерметиз'] },
  { term: 'опрессовк', prefixes: ['опрессов'] },
  // Flushing pipes or a heating system: "промоете трубы?" / "промывка". Snowball cuts "промыть" to "пром".
  { term: 'промывк', prefixes: ['промыв', 'промыт'], words: ['промоете', 'промоем', 'промою'] },
  { term: 'отоплен', prefixes: ['отопит'] },
  // "Термостатический смеситель" is a mixer "с термостатом"; aquariums.ts reads "термостат" as the documents'
  // "терморегулятор", so the adjective joins that term.
  { term: 'терморегулятор', prefixes: ['термостатич'] },
  // The plumber and plumbing share a stem ("сантехник", "сантехника"); "сантех", "водопроводчик" name the same man.
  {
    term: 'сантехник',
    prefixes: ['сантехническ'],
    words: [
      'сантех', 'сантеха', 'сантеху', 'сантехом', 'сантехе', 'сантехи', 'сантехов', 'сантехам',
      'водопроводчик', 'водопроводчика', 'водопроводчику', 'водопроводчиком', 'водопроводчики', 'водопроводчиков',
    ],
  },
  { term: 'водоснабжен', prefixes: ['водопровод'] },
  // A call-out is the trip the documents price: "вызов сантехника сколько?" / "выезд мастера 500 ₽". Snowball reads
  // "вызов" as "выз" and "вызова" as "вызов".
  { term: 'выезд', words: ['вызов', 'вызова', 'вызову', 'вызовом', 'вызове', 'вызовы'] },
  // Water pressure: "слабый напор" is the documents' "низкое давление".
  { term: 'давлен', words: ['напор', 'напора', 'напору', 'напором', 'напоре'] },
  { term: 'нержавеющ', prefixes: ['нержав'], words: ['нерж', 'нержа'] },
  { term: 'хром', prefixes: ['хромир'] },
  { term: 'силумин', prefixes: ['силумин'] },
  // "Керамический картридж" / "керамика"; the adjective and the noun are one material.
  { term: 'керамик', prefixes: ['керамич'] },
  { term: 'шаров', words: ['шаровик', 'шаровика', 'шаровики', 'шаровиков', 'шаровиком'] },
  // A check valve: "обратник" is the documents' "обратный клапан".
  { term: 'обратн', prefixes: ['обратник'] },
  { term: 'люк', words: ['лючок', 'лючка', 'лючку', 'лючком', 'лючке', 'лючки', 'лючков'] },
  // Brands said aloud where a letter-by-letter reading misses them (the "h" is not said).
  { term: 'grohe', words: ['грое', 'гроэ', 'грохе'] },
  { term: 'hansgrohe', words: ['хансгрое', 'хансгроэ', 'хансгрохе'] },
];
