/**
 * The small words every reading skips or stops at: fillers, prepositions, greetings, negations.
 */
export const FILLER = new Set([
  'пожалуйста', 'пжл', 'пж', 'плиз', 'плз', 'мне', 'меня', 'нам', 'нас', 'вы', 'уже', 'срочно', 'скорее', 'быстрее', 'побыстрее',
  'сюда', 'тут', 'здесь', 'бы', 'же', 'ну', 'а', 'и', 'уж', 'хоть', 'то', 'тогда', 'лучше', 'просто', 'еще', 'сейчас', 'лично',
  'напрямую', 'прямо', 'непосредственно', 'все-таки', 'таки', 'ли', 'быстро', 'ты', 'вообще',
  // Interjections and excuses a request opens with: "э, алло, менеджера сюда", "блин, дайте человека", "извините, можно…".
  'э', 'блин', 'короче', 'слышь', 'слушайте', 'извините', 'простите', 'ребят', 'ребята',
]);

export const PREPOSITION = new Set(['с', 'со', 'на', 'к', 'до']);

/** "с" before the one talked with: "с продавцом", "со мной", "с ним". */
export const WITH: ReadonlySet<string> = new Set(['с', 'со']);

export const GREETING = new Set(['здравствуйте', 'привет', 'добрый', 'день', 'вечер', 'утро', 'алло', 'ало', 'ау', 'эй']);

export const NEGATION = new Set(['не', 'ни', 'никого', 'никто', 'никому', 'никем']);

/** "не могли бы позвать…" asks politely; it negates nothing. */
export const POLITE = new Set(['могли', 'можете', 'сможете', 'подскажете', 'подскажите', 'сложно', 'трудно', 'затруднит', 'против']);

/**
 * "не могли бы дать ваш телефон?", "номер не подскажете?", "телефон не дадите?": a "не" before a modal or a verb asked of
 * the one read is how Russian asks politely, not a refusal; sentences.ts reads the words without it. Narrower than POLITE:
 * "не против", "не сложно" keep their "не".
 */
export const POLITE_ASK = /^(?:могли|можете|сможете|подскажете|дадите|скинете|кинете|пришлете|напишете|продиктуете|назовете|оставите|скажете|сообщите)$/u;

/** The subjunctive: "бы", or "чтобы" after a wish ("хочу, чтобы со мной связались", "я бы поговорила с мастером"). */
export const WOULD: ReadonlySet<string> = new Set(['бы', 'чтобы', 'чтоб']);

/** Negations a refusal is made of, besides NEGATION: "без менеджера", "никакого менеджера", "нет, не надо". */
export const REFUSING = /^(?:без|нет|никак(?:ой|ого|ая|ую|их|им|ими))$/u;
