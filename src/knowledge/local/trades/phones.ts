import type { PrefixRule } from '../prefix-table.js';

/**
 * Smartphones and gadgets, new and used: the phone and its nicknames, SIM and eSIM, the screen and its glass, the versions
 * a phone is sold in, the locks and accounts a used one must be free of, trade-in, and what buyers ask of its state.
 */
export const PHONE_RULES: readonly PrefixRule[] = [
  // "Мобильный" stays out (mobile internet, a mobile app); "сотовый" too (the greenhouse's "сотовый поликарбонат").
  {
    term: 'телефон',
    prefixes: ['смартфон', 'мобильник'],
    words: ['мобила', 'мобилу', 'мобилы', 'мобиле', 'мобилой', 'мобилка', 'мобилку', 'сотик', 'сотика', 'сотику', 'сотиком', 'сотики', 'тлф'],
  },
  // Brands typed in Cyrillic are matched by sound elsewhere; these are the trade's own nicknames for them, which are not.
  { term: 'iphone', words: ['айфончик', 'айфончика', 'айфончики', 'айфоша', 'айфошу', 'ифончик', 'яблофон', 'яблофона', 'яблофоны'] },
  // "Самса" (a pastry) and "самсы" are left out.
  { term: 'samsung', words: ['самс', 'самсик', 'самсика', 'самсику', 'самсиком'] },
  { term: 'xiaomi', prefixes: ['сяоми', 'сяомк', 'сяомик', 'ксиаоми', 'ксяоми', 'ксиоми', 'шаоми'] },
  { term: 'redmi', words: ['редмик', 'редмика', 'редмику', 'редмиком'] },
  // "SIM" in specs, "сим-карта", "симка" in text: one slot. "Символ" is kept out by listing "сим" whole.
  { term: 'симк', prefixes: ['симк', 'симочк', 'двухсим', 'дуалсим'], words: ['sim', 'сим', 'симок'] },
  { term: 'esim', words: ['esim', 'есим', 'есимка', 'есимку', 'есимки', 'есимкой', 'есиме', 'есимом', 'иесим', 'йесим'] },
  // The protective glass; "защитка" is the buyer's noun for it. "Бронестекло" is read as a booking ("брон") earlier.
  { term: 'стекл', prefixes: ['стеклышк', 'стеклышек', 'стекляшк', 'защитк'] },
  // Sticking a glass on. "Клеите" stays out: its stem is the building trade's "клей". "Наклейка" (a sticker) and
  // "наклеены" (pads' shims) are left out by listing the verb's forms whole.
  {
    term: 'поклейк',
    prefixes: ['покле', 'перекле'],
    words: ['наклеить', 'наклеите', 'наклеим', 'наклеишь', 'наклеит', 'наклеят', 'наклеете', 'наклею'],
  },
  { term: 'пленк', prefixes: ['гидрогельк'] },
  // New and sealed: "запечатан" / "запечатанный" (Snowball splits them), "запечатка", "нераспакованный".
  { term: 'запечатан', prefixes: ['запечат', 'нераспечат', 'нераспакован'] },
  // Refurbished: "реф" by whole words ("референс" of the cakes is another word).
  { term: 'восстановлен', prefixes: ['восстановк', 'рефаб', 'рефурб', 'refurb'], words: ['реф', 'рефы', 'рефа', 'рефом'] },
  // The version a phone was made for: "РСТ" (Ростест), "глобалка", "китаец", "американец".
  { term: 'рст', prefixes: ['ростест', 'рстш'], words: ['рст'] },
  { term: 'глобальн', prefixes: ['глобалк'], words: ['global', 'глобал', 'глобала', 'глобале', 'глобалом'] },
  { term: 'китайск', prefixes: ['китайк'], words: ['китаец', 'китайца', 'китайцу', 'китайцем', 'китайце'] },
  // "Американо" (a coffee) is another word.
  { term: 'американск', words: ['американец', 'американца', 'американцу', 'американцем', 'американце', 'американка', 'американку'] },
  // Bound to an account or not is one question: "не привязан?" is answered by "аккаунт отвязан".
  { term: 'отвязан', prefixes: ['отвяз', 'отвяж', 'привязан', 'привязк'] },
  // Locked to an operator or an account: "залочен", "лок", "неверлок" (never locked) against the documents' "в блоке".
  { term: 'блок', prefixes: ['залоч', 'разлоч', 'неверлок'], words: ['лок', 'лока', 'локе', 'блокнут', 'блокнутый', 'neverlock'] },
  { term: 'розыск', prefixes: ['краден', 'ворован', 'украден'] },
  { term: 'imei', words: ['imei', 'имей', 'имеи', 'имэй', 'имэи', 'имейка', 'имейку'] },
  // "Прошивка" of a seam is the same word: the verb's forms by whole words ("прошитый шов" stays out).
  { term: 'прошивк', prefixes: ['прошивк', 'перепрош'], words: ['прошить', 'прошьете', 'прошьем', 'прошивать'] },
  // Software updates. "Обновка" (a new garment) and "обновлять" (a sunscreen put on again) stay out.
  {
    term: 'обновлен',
    prefixes: ['обновлен', 'обновляет', 'обновляют', 'обновлял', 'обновит', 'обновят', 'апдейт'],
    words: ['обнова', 'обновы', 'обнову', 'обновой'],
  },
  { term: 'ios', words: ['ios', 'иос', 'иоса', 'иосе', 'иосом', 'айос', 'айоса', 'айосе', 'айоэс'] },
  { term: 'nfc', words: ['nfc', 'нфс', 'нфц', 'нфси', 'энэфси', 'энфси', 'нфска', 'нфску'] },
  { term: 'face', words: ['фейсайди', 'фэйсайди', 'фейсид', 'faceid', 'фейс', 'фэйс', 'фейса', 'фейсом'] },
  // The "ID" of Face ID and Apple ID said aloud.
  { term: 'id', words: ['айди'] },
  // The noun only: "отпечатать" (to print a picture on a cake) is another word.
  { term: 'отпечатк', prefixes: ['отпечатк', 'отпечаток', 'дактилоскоп', 'тачайди'], words: ['touchid'] },
  // A phone's "сенсор" is its touch screen: the noun's forms only ("сенсорный" panels of other goods stay out).
  { term: 'матриц', prefixes: ['тачскрин', 'экранчик'], words: ['сенсор', 'сенсора', 'сенсору', 'сенсором', 'сенсоре'] },
  { term: 'фронтальн', prefixes: ['фронталк', 'фронталочк'] },
  // Megapixels, written "Мп"; the Latin "MP" is left alone (a plaster's name in the building trade).
  { term: 'мп', prefixes: ['мегапикс'], words: ['мпикс'] },
  { term: 'гц', prefixes: ['герцовк'] },
  // Misspellings the sound match misses ("лайтнинг" it finds).
  { term: 'lightning', prefixes: ['лайтин', 'лайтнин', 'лайтенин'] },
  { term: 'планшет', prefixes: ['планшет'] },
  // A screenshot sent to the chat ("скинем скрин отчёта").
  { term: 'скрин', prefixes: ['скриншот', 'скринш'] },
  { term: 'наушник', prefixes: ['наушник', 'наушнич', 'наушк'], words: ['науши', 'наушей', 'наушах'] },
  { term: 'повербанк', prefixes: ['повербанк', 'павербанк', 'пауэрбанк', 'пауербанк', 'паурбанк'], words: ['powerbank'] },
  { term: 'bluetooth', prefixes: ['блютуз', 'блютус', 'блутуз'], words: ['bluetooth'] },
  { term: 'держател', prefixes: ['держател', 'холдер'], words: ['держак', 'держака', 'держаком', 'держаки'] },
  // "Быстро разряжается?", "автономность": asked of the battery. "Садится" stays a garment's fit (read earlier).
  { term: 'аккумулятор', prefixes: ['разряжа', 'разрядил', 'автономност'] },
  // A swollen battery; "раздутые цены" stay out, so "раздулся" by whole words.
  // A swollen battery ("вздулся", "раздулась") is read by the furniture's group for swelling.
  // A screen's burn-in and a fabric's fading: one word, "выгорает"/"выгорел"/"выгорание" under one stem.
  { term: 'выгоран', prefixes: ['выгора', 'выгорел', 'выгорев', 'выгорит'] },
  // Water damage: "не утопленник?" against "попадание влаги", "следы влаги".
  // "Искупал" is left out: pets are bathed too.
  { term: 'влаг', words: ['утопленник', 'утопленника', 'утопленником', 'утопленники', 'утопил', 'утопила', 'утопили', 'утонул', 'утонула'] },
  { term: 'влагозащит', prefixes: ['влагозащ', 'водозащ', 'водонепрониц', 'влагонепрониц', 'влагостойк', 'водостойк'] },
  // "Битый" is a cracked screen or a dead pixel; "побитый" is worn.
  { term: 'полом', words: ['битый', 'битая', 'битое', 'битые', 'битым', 'битой', 'битого', 'битых', 'битыми'] },
  { term: 'потертост', prefixes: ['побит', 'потаскан'] },
  // "Как по внешке?", "косяки по внешке?" ask how the thing looks, which sellers state under "Состояние: царапины на деке…"
  // far more often than as "внешний вид".
  { term: 'состоян', words: ['внешка', 'внешку', 'внешке', 'внешки', 'внешкой'] },
  { term: 'идеальн', words: ['идеал', 'идеале', 'идеала', 'идеальчик'] },
  // Opened for repair: "не вскрывался?" / "вскрытие", "разбирали?".
  { term: 'вскрыт', prefixes: ['вскрыв'], words: ['разбирали', 'разбирался', 'разбиралась'] },
  { term: 'сервис', words: ['сц', 'асц', 'сервисник', 'сервисника', 'сервиснику', 'сервисником'] },
  { term: 'ремонт', words: ['чинился', 'чинилась', 'чинили', 'чинил', 'чинила'] },
  { term: 'сброшен', prefixes: ['обнулен', 'обнулил', 'ресет'] },
  // "Потестить" / "потыкать" before buying is the documents' "проверить".
  { term: 'провер', prefixes: ['потест', 'протестир', 'тестан'], words: ['тестить', 'потыкать', 'потыкаю', 'погонять', 'погоняю'] },
  { term: 'трейд', words: ['трейд', 'трейда', 'трейду', 'трейдом', 'трейде', 'трейдин', 'трейдина', 'трейдину', 'трейдином', 'трейдине', 'трэйд', 'трэйдин', 'trade', 'tradein'] },
  // Buying a phone off its owner: "скупаете?" / "выкупить", "выкупаете"; a trade-in is another thing (no purchase).
  { term: 'выкуп', prefixes: ['выкуп', 'скупк', 'скупа'] },
  // Valuing an old phone: "оцените?" is answered by "оценка при осмотре" (Snowball splits the verb from the noun).
  { term: 'оценк', prefixes: ['оцен'] },
];
