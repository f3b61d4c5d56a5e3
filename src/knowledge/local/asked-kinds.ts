/**
 * The kind of value a question asks for beyond its words: "когда снова будут?" asks a time, "какого цвета уплотнитель?" a
 * colour, "до скольки градусов открывает?" a temperature, "скока процентов износ?" a percentage. A passage on the right
 * thing that states no value of that kind ("Наличие: нет, ожидается", "Уплотнитель и торцевая лента — тоже положим")
 * covers the words and never says what was asked. One table: the words asking each kind, and what states a value of it.
 */
import { COLOR_TERMS } from './asked-colors.js';
import { isMeasureTerm, nameMeasure } from './measures.js';
import type { Passage } from './passages.js';
import { splitSentences } from './passages.js';
import { VERB_FORM } from './search.js';
import { LABEL, readLead } from './sentences.js';
import { readAmounts } from './stated-amounts.js';
import { HOW_MUCH_WORD, termOf } from './terms.js';
import { UNIT_TERMS } from './units.js';
import { WEAK_TERMS } from './vocabulary.js';
import { isAdjectiveForm, PREPOSITION } from './word-forms.js';

/** A kind of value: the words of a clause asking it, and whether a text states a value of it. */
interface ValueKind {
  name: string;
  asks: RegExp;
  states: (text: string) => boolean;
  /** The word naming the kind as a line's label: "Цвет тумбы — венге" states a colour whatever the colour's name. */
  label: string;
}

const NOT_LETTER_BEFORE = '(?<![а-яё])';
const HOW_MUCH = HOW_MUCH_WORD;
/** Words between "скока" and its verb that leave the verb asking how long: "на скока примерно хватает". */
const HEDGES = String.raw`(?:примерно|обычно|где-то|вообще|по времени)`;

/**
 * "скока по времени", "через сколько", "на скока хватает", "как долго", "скок займет". "когда" is left out: as often as it
 * asks a date it is answered by the event the thing waits for ("после оплаты", "по записи"), which no table of times reads.
 */
const ASKS_TIME = new RegExp(
  [
    String.raw`${NOT_LETTER_BEFORE}${HOW_MUCH}\s+(?:[а-яё]+\s+)?по\s+времени`,
    String.raw`${NOT_LETTER_BEFORE}через\s+${HOW_MUCH}\s*$`,
    String.raw`${NOT_LETTER_BEFORE}${HOW_MUCH}\s+(?:${HEDGES}\s+)?(?:займ[её]т|занима[а-яё]*|ждать|годен|годна|годны|хранится|хватает|хватит|менять)`,
    String.raw`${NOT_LETTER_BEFORE}как\s+долго`,
  ].join('|'),
  'u',
);

/**
 * A time stated: an amount of time ("3-5 дней", "2 недели", "1 час", "за 40 минут"), a day or date ("в пятницу", "15 мая",
 * "завтра", "на следующий день"), a clock time ("до 14:00"), a season or month ("весной", "в марте").
 */
const STATES_TIME = new RegExp(
  [
    String.raw`\d\s*(?:[-–—]\s*\d+\s*)?(?:раб[а-яё.]*\s+|календ[а-яё.]*\s+)?(?:мин|час|ч\.?(?![а-яё])|дн|день|дня|сут|нед|мес|год|лет|г\.(?![а-яё]))`,
    String.raw`\d{1,2}[:.]\d\d`,
    String.raw`${NOT_LETTER_BEFORE}(?:сегодня|завтра|послезавтра|сразу|быстро|срочно|ежедневно|круглосуточно|неделю|неделя|недели|месяц|месяца|полгода|год|года|сутки|суток|часа|час|день|дня|дней|минут)(?![а-яё])`,
    String.raw`${NOT_LETTER_BEFORE}(?:пн|вт|ср|чт|пт|сб|вс|понедельник|вторник|сред[уаы]|четверг|пятниц|суббот|воскресень|будн|выходн)`,
    String.raw`${NOT_LETTER_BEFORE}(?:январ|феврал|март|апрел|ма[йяе](?![а-яё])|июн|июл|август|сентябр|октябр|ноябр|декабр|весн|лет[оа]м?(?![а-яё])|осен|зим)`,
    String.raw`${NOT_LETTER_BEFORE}(?:один|два|две|три|четыре|пять|шесть|семь|пару|полтора|несколько)\s+(?:мин|час|дн|день|дня|сут|нед|мес|год|лет)`,
  ].join('|'),
  'u',
);

const ASKS_COLOUR = /(?<![а-яё])(?:какого\s+цвета|какой\s+цвет|какие\s+цвета|цвет\s+какой|цвета\s+какие|по\s+цвету\s+как)(?![а-яё])/u;
/** A colour word as the passage writes it; "Graphite" and other Latin names of colours too. */
const LATIN_COLOUR = /(?<![a-z])(?:black|white|grey|gray|graphite|silver|blue|red|green|beige|pink|gold)(?![a-z])/iu;

const ASKS_DEGREES = new RegExp(String.raw`${NOT_LETTER_BEFORE}(?:(?:до|от|при)\s+)?${HOW_MUCH}\s+градус|какая\s+температур|температур[аы]?\s+какая|какой\s+температур`, 'u');
const STATES_DEGREES = /°|(?<![а-яё])градус|\d\s*(?:c|с)(?![а-яёa-z])/u;

const ASKS_PERCENT = new RegExp(String.raw`${NOT_LETTER_BEFORE}(?:${HOW_MUCH}|какой)\s+(?:[а-яё]+\s+)?процент`, 'u');
const STATES_PERCENT = /%|(?<![а-яё])процент/u;

/** "скока весит", "вес какой", "тяжелая?" is no amount asked: answered by an amount in a unit of weight (measures.ts). */
const ASKS_WEIGHT = new RegExp(String.raw`${NOT_LETTER_BEFORE}(?:${HOW_MUCH}\s+(?:[а-яё]+\s+)?вес[а-яё]*|вес(?:ит|ят)?\s+(?:[а-яё]+\s+)?${HOW_MUCH}|(?:какой|каков)\s+вес|вес\s+какой)(?![а-яё])`, 'u');

/** "какой объем", "на скока литров", "скока мл": answered by an amount in a unit of volume. */
const ASKS_VOLUME = new RegExp(String.raw`${NOT_LETTER_BEFORE}(?:(?:какой|каков)\s+объем|объем\s+какой|${HOW_MUCH}\s+(?:литр|мл(?![а-яё])|миллилитр))`, 'u');

/** An amount in a unit of the measure `name` (measures.ts): a weight in "кг", a volume in "л". */
function statesMeasure(name: string): (text: string) => boolean {
  return (text) => readAmounts(text).some((amount) => nameMeasure(amount.unit) === name);
}

/**
 * "из какой стали", "из какого материала", "какая ткань", "что за материал": answered by a material named. "из чего" is
 * answer-check.ts's (it asks the passage to name a material by the word "материал" or "состав" too).
 */
const ASKS_MATERIAL = /(?<![а-яё])(?:из\s+как(?:ого|ой)\s+(?:материал|стал|ткан|дерев|пластик|металл)[а-яё]*|(?:какой|что\s+за)\s+материал|материал\s+какой|(?:какая|что\s+за)\s+ткань|ткань\s+какая)/u;
/**
 * Materials things are made of, as the passage writes them (lower case, ё as е): a closed list of stems. "дуб сонома" is a
 * board's decor, a colour.
 */
const MATERIAL = new RegExp(
  String.raw`${NOT_LETTER_BEFORE}(?:` +
    [
      'метал', 'стал', 'нерж', 'алюмин', 'чугун', 'латун', 'мед(?:ь|н)', 'титан', 'хром', 'оцинк',
      'пластик', 'пластмасс', 'abs', 'пвх', 'полипропилен', 'полиэтилен', 'поликарбонат', 'акрил', 'нейлон', 'силикон', 'резин',
      'дерев', 'массив', 'сосн', String.raw`дуб(?![а-яё]*\s+сонома)`, 'бук', 'берез', 'ольх', 'фанер', 'лдсп', 'дсп', 'мдф', 'шпон',
      'стекл', 'керамик', 'фарфор', 'камен', 'камн', 'гранит', 'мрамор', 'бетон', 'кирпич',
      'хлоп', 'лен(?![а-яё])', 'льн', 'шерст', 'полиэстер', 'полиэфир', 'вискоз', 'трикотаж', 'флис', 'кож', 'замш', 'текстил', 'эко-?кож',
    ].join('|') +
    ')',
  'u',
);

/**
 * "чье стекло", "какой фирмы", "кто производитель", "страна производства": answered by a name (a Latin word, a quoted name)
 * or a country, not by "энергосберегающий стеклопакет (И-стекло)".
 */
const ASKS_MAKER = /(?<![а-яё])(?:чей|чья|чье|чьи|чьего|как(?:ой|ая|ого)\s+(?:фирм|марк|бренд|производител)[а-яё]*|кто\s+производитель|производитель\s+какой|страна\s+(?:производств|изготовител)|где\s+(?:сделан|произвед|изготовлен)[а-яё]*)(?![а-яё])/u;
/** Countries and nationalities a maker is named by: "производство Россия", "немецкая фурнитура". */
const ORIGIN = /(?<![а-яё])(?:росси|китай|китае|коре[яийю]|япони|германи|беларус|белорус|турци|итали|польш|франци|чехи|швеци|финлянди|сша|тайван|вьетнам|австри|отечествен|немецк|китайск|корейск|японск|турецк|итальянск|российск|польск|австрийск)/u;

function statesMaker(text: string): boolean {
  return /[a-z]{3,}/u.test(text) || /[«"][^»"]{2,}[»"]/u.test(text) || ORIGIN.test(text);
}

/** In the order tried; the first whose words a clause holds is the kind it asks. */
const VALUE_KINDS: readonly ValueKind[] = [
  { name: 'weight', asks: ASKS_WEIGHT, states: statesMeasure('вес'), label: 'вес' },
  { name: 'temperature', asks: ASKS_DEGREES, states: (text) => STATES_DEGREES.test(text), label: 'температура' },
  { name: 'percent', asks: ASKS_PERCENT, states: (text) => STATES_PERCENT.test(text), label: 'процент' },
  { name: 'colour', asks: ASKS_COLOUR, states: statesColour, label: 'цвет' },
  { name: 'time', asks: ASKS_TIME, states: (text) => STATES_TIME.test(text), label: 'срок' },
  { name: 'volume', asks: ASKS_VOLUME, states: statesMeasure('объем'), label: 'объем' },
  { name: 'material', asks: ASKS_MATERIAL, states: (text) => MATERIAL.test(text), label: 'материал' },
  { name: 'maker', asks: ASKS_MAKER, states: statesMaker, label: 'производитель' },
];

function statesColour(text: string): boolean {
  return LATIN_COLOUR.test(text) || text.split(/[^а-яё]+/u).some((word) => COLOR_TERMS.has(termOf(word) ?? ''));
}

/** A kind asked, and the terms of the question's words it is asked of. */
export interface AskedKind {
  name: string;
  /** The term of the kind's label word (see ValueKind). */
  label: string | undefined;
  within: ReadonlySet<string>;
  /** The terms naming what the value is asked of ("тумба" of "а тумба сама скока весит"); none where the clause names nothing. */
  things: readonly string[];
  states: (text: string) => boolean;
}

/** A word asking a question of its own: a clause holding one asks its own thing, not the kind its neighbour asks. */
const QUESTION_WORD = /(?<![а-яё])(?:как[а-яё]*|скольк[а-яё]*|скок[аоу]?|скоко|почем|почём|где|куда|когда|зачем|почему|кто|что|чо|че|можно|есть|ли)(?![а-яё])/u;

/**
 * Per sentence of the question, the kind it asks and the words asked of it: the clause holding the kind's words, and the
 * clauses beside it that ask nothing of their own ("уплотнитель и торцевая лента какого цвета": both are asked their colour;
 * "доставка сколько стоит и когда привезете": the price is no time).
 */
export function findAskedKinds(question: string, resolveText: (text: string) => string[]): AskedKind[] {
  const asked: AskedKind[] = [];
  let before: AskedKind | undefined;
  for (const sentence of question.toLowerCase().replaceAll('ё', 'е').split(/[?!.\n]+/u)) {
    const clauses = sentence.split(/,|\s(?:и|а|или)\s/u);
    const kind = VALUE_KINDS.find((candidate) => clauses.some((clause) => asksKind(clause, candidate)));
    const found = kind === undefined ? guessAskedKind(before, clauses, resolveText) : readAskedKind(kind, clauses, resolveText);
    if (found !== undefined) asked.push(found);
    before = found;
  }
  return asked;
}

function readAskedKind(kind: ValueKind, sentenceClauses: readonly string[], resolveText: (text: string) => string[]): AskedKind {
  const clauses = sentenceClauses.map((clause) => cutQuestionTypedOn(clause, kind));
  const at = clauses.findIndex((clause) => asksKind(clause, kind));
  // A clause after it is a question typed on ("скока весит и экран матовый или глянцевый"), not what the value is asked of.
  const words = clauses.filter((clause, place) => place === at || (place < at && !asksOwn(clause)));
  const unasked = words.map((clause) => (clause === clauses[at] ? clause.replace(kind.asks, ' ') : clause));
  return { name: kind.name, label: termOf(kind.label), within: new Set(resolveText(words.join(' '))), things: findThings(unasked.join(' '), resolveText), states: kind.states };
}

/**
 * "производитель какой у блоков морозостойкость какая": a question word after the kind's words asks of the noun before it,
 * a second question typed on without a break; the kind's clause ends before that noun.
 */
function cutQuestionTypedOn(clause: string, kind: ValueKind): string {
  const found = kind.asks.exec(clause);
  if (found === null) return clause;
  const end = found.index + found[0].length;
  const rest = clause.slice(end);
  const next = QUESTION_WORD.exec(rest);
  if (next === null) return clause;
  const before = rest.slice(0, next.index).trim().split(/\s+/u).filter((word) => word !== '');
  return `${clause.slice(0, end)} ${before.slice(0, -1).join(' ')}`;
}

/**
 * "крышка какого цвета? черная или серая": a sentence offering values of the kind the sentence before asks guesses its
 * answer, asked of the same things; "Стекло — силикон чёрный" does not say the lid is black.
 */
function guessAskedKind(before: AskedKind | undefined, clauses: readonly string[], resolveText: (text: string) => string[]): AskedKind | undefined {
  const guesses = before === undefined ? [] : clauses.filter((clause) => before.states(clause));
  if (before === undefined || guesses.length === 0) return undefined;
  return { ...before, within: new Set(resolveText(guesses.join(' '))) };
}

/**
 * A clause with a question word, a verb or a "не" asks a question of its own ("фотки не слетят после переустановки и скока
 * по времени займет"); a bare noun phrase ("уплотнитель и торцевая лента какого цвета") is asked what its neighbour asks.
 */
function asksOwn(clause: string): boolean {
  return QUESTION_WORD.test(clause) || clause.split(/[^а-яё]+/u).some((word) => word === 'не' || VERB_FORM.test(word));
}

/**
 * "можно машинку сдать в зачет когда у вас беру?": after a question word of its own the kind's word opens a subordinate
 * clause ("когда" as "while"), and the clause asks what that word asks.
 */
function asksKind(clause: string, kind: ValueKind): boolean {
  const found = kind.asks.exec(clause);
  return found !== null && !QUESTION_WORD.test(clause.slice(0, found.index));
}

/**
 * The things a clause asks a value of: its nouns, leaving out question words, verbs, adjectives ("сама", "пустой" say which
 * state of the thing), and a preposition's noun, which is a circumstance ("если по гарантии сломается ремонт скока займет":
 * the repair's time, not the warranty's).
 */
function findThings(text: string, resolveText: (text: string) => string[]): string[] {
  const words = text.split(/[^а-яёa-z0-9]+/u).filter((word) => word !== '');
  const opensAdjunct = (word: string): boolean => PREPOSITION.test(word) || TIME_PREPOSITION.test(word);
  const kept = words.filter((word, at) => !QUESTION_WORD.test(word) && !VERB_FORM.test(word) && !isAdjectiveForm(word) && !opensAdjunct(word) && !opensAdjunct(words[at - 1] ?? ''));
  // A measure's word ("займет" reads as срок, "литров" as объём) is the kind asked, not a thing.
  return resolveText(kept.join(' ')).filter((term) => !WEAK_TERMS.has(term) && !UNIT_TERMS.has(term) && !isMeasureTerm(term) && !/^\p{N}/u.test(term));
}

/** "тонер после вскрытия скок годен": a time's prepositions open a condition, not the thing asked of. */
const TIME_PREPOSITION = /^(?:после|перед|между)$/u;

/** Where a passage stands: its terms and whether it is the listing's own, and the listing's title (heads: its first terms). */
export interface KindContext {
  termsOf: (text: string) => string[];
  isOwn: boolean;
  titleHeads: ReadonlySet<string>;
}

/**
 * Whether the passage states a value of every kind asked of the part's terms (all of them among the kind's words), and,
 * given where the passage stands, states it of the thing asked.
 */
export function statesAskedKinds(kinds: readonly AskedKind[], terms: readonly string[], passage: Passage, context?: KindContext): boolean {
  const asked = kinds.filter((kind) => terms.length > 0 && terms.every((term) => kind.within.has(term)));
  if (asked.length === 0) return true;
  const text = `${passage.headings.join('\n')}\n${passage.text}`.toLowerCase().replaceAll('ё', 'е');
  if (context === undefined) return asked.every((kind) => kind.states(text));
  return asked.every((kind) => (kind.states(text) || labelsKind(kind, passage, context.termsOf)) && statesOfThing(kind, passage, context));
}

/** "Цвет тумбы — венге / дуб сонома": a line labelled with the kind's word states a value of it, whatever the value's name. */
function labelsKind(kind: AskedKind, passage: Passage, termsOf: (text: string) => string[]): boolean {
  return kind.label !== undefined && passage.text.split('\n').some((line) => termsOf(LABEL.exec(line)?.[1] ?? '').includes(kind.label ?? ''));
}

/**
 * The value must be said of the thing asked: "а тумба сама скока весит" is not answered by "Вес аквариума (пустой) — ок. 17
 * кг", nor "чистка скока по времени" by "Стекло 6-10 мм, срок 10-14 дней" of a made-to-order tank. A sentence stating a value
 * of the kind names the thing, or stands under a heading, a label, a table header or a lead naming it. A clause naming no
 * thing asks of the listing, as does one naming the listing's item in the listing's own passage.
 */
function statesOfThing(kind: AskedKind, passage: Passage, { termsOf, isOwn, titleHeads }: KindContext): boolean {
  if (kind.things.length === 0) return true;
  if (isOwn && kind.things.some((thing) => titleHeads.has(thing))) return true;
  // A listing's own title names its parts too ("Аквариум 100 л с тумбой"), and so does a heading naming its item ("# Аквариум
  // 100 л + тумба"): only the item, read above, is what they speak of.
  const headings = isOwn ? passage.headings.filter((heading) => !termsOf(heading).some((term) => titleHeads.has(term))) : [passage.title, ...passage.headings];
  const shared = new Set(termsOf([...headings, passage.tableHeader ?? '', readLead(passage.text) ?? ''].join('\n')));
  if (kind.things.some((thing) => shared.has(thing))) return true;
  return passage.text.split('\n').some((line) => {
    const label = LABEL.exec(line)?.[1] ?? '';
    return splitSentences(line).some((sentence) => {
      const named = new Set(termsOf(`${label}\n${sentence}`));
      const labelled = kind.label !== undefined && termsOf(LABEL.exec(sentence)?.[1] ?? label).includes(kind.label);
      return (labelled || kind.states(sentence.toLowerCase().replaceAll('ё', 'е'))) && kind.things.some((thing) => named.has(thing));
    });
  });
}
