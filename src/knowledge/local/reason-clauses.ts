/**
 * What a buyer adds to say why they ask ("это дайсон или нет, а то на фото один в один"): the reason is the buyer's own
 * story, not a question for the documents, and its words ("фото") would otherwise decide which passage answers.
 */
import { stemmer } from '@orama/stemmers/russian';
import { holdsQuestionWord } from './clause-questions.js';
import { CITY_TERMS, STOP_WORDS } from './vocabulary.js';

/** "а то" (else, because) and "потому что" open a reason ("так как" also asks "how": left alone); "а то, что…" is a noun clause. */
const REASON = /(?:^|[\s,])(?:а\s+то|потому\s+что)(?![а-яё])(?!\s*,?\s*(?:что|чем)(?![а-яё]))/iu;
/** A reason runs to the end of its sentence. */
const SENTENCE_END = /[.!?\n…]/u;
const WORD = /[а-яёa-z0-9]/iu;

/** The message without the reasons it gives, each cut to the end of its sentence; a sentence that is only a reason stays. */
export function dropReasons(question: string): string {
  let text = question;
  for (let guard = 0; guard < 8; guard += 1) {
    const found = REASON.exec(text);
    if (found === null) return text;
    const start = found.index;
    // The question stands before the reason: a message opening with one ("а то …?") is left as written.
    if (!WORD.test(text.slice(0, start).split(SENTENCE_END).at(-1) ?? '')) return text;
    const rest = text.slice(start + found[0].length);
    const end = rest.search(SENTENCE_END);
    text = `${text.slice(0, start).replace(/[\s,]+$/u, '')}${end < 0 ? '' : rest.slice(end)}`;
  }
  return text;
}

/** The buyer speaking of what he has: "у меня кухня 3 метра", "у нас в городе только КИТ". */
const OWN_CIRCUMSTANCE = /(?:^|[^а-яё])у\s+(?:меня|нас)(?![а-яё])/u;
/** A sentence with its end mark, or the last one without. */
const SENTENCE = /[^.!?\n…]*(?:[.!?\n…]+|$)/gu;

/**
 * "фасады из шпона делаете? кухня 3 метра у меня": a sentence telling what the buyer has, asking nothing (no question
 * mark, no question word), is the buyer's story beside the question, not a question for the documents: its words ("кухня",
 * "3 метра") would be answered from whatever passage holds them. It drops out where another sentence remains.
 */
export function dropCircumstances(question: string): string {
  const read = (question.match(SENTENCE) ?? []).filter((sentence) => sentence.trim() !== '');
  const sentences = read.map(dropCircumstanceTail);
  const kept = sentences.filter((sentence) => !isCircumstance(sentence));
  if (kept.some(saysAnything) && kept.length < sentences.length) return kept.join(' ').trim();
  return sentences.every((sentence, at) => sentence === read[at]) ? question : sentences.join(' ').trim();
}

/**
 * "добрый день. если возьму 6 кило, скидка будет": a greeting is no sentence to keep in place of the buyer's own; one with
 * a word beyond greetings and fillers says something.
 */
function saysAnything(sentence: string): boolean {
  return sentence
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/[^а-яa-z0-9]+/u)
    .some((word) => word !== '' && !STOP_WORDS.has(word));
}

/**
 * "у меня калининград", "у меня r18", "ребенку 3 года": a place, a number or a code names the buyer's case, which the
 * documents may answer apart from the general one ("В Калининград — 7–10 дней"): such a clause stays.
 */
function namesCase(clause: string): boolean {
  return /[\d]|[a-z]/iu.test(clause) || clause.split(/[^а-яё]+/u).some((word) => CITY_TERMS.has(stemmer(word)));
}

function isCircumstance(text: string): boolean {
  if (text.includes('?') || holdsQuestionWord(text)) return false;
  const lower = text.toLowerCase().replaceAll('ё', 'е');
  return OWN_CIRCUMSTANCE.test(lower) || OWN_PLAN.test(lower);
}

/**
 * "какой размер в сложенном, у нас кухня маленькая": comma clauses after the question telling what the buyer has drop
 * out. Not before it ("у меня бывает аллергия, как понять…" sets what is asked), nor after a question without a question
 * word ("подойдет, у меня айфон 13": asked of that very phone).
 */
function dropCircumstanceTail(sentence: string): string {
  const clauses = sentence.split(/,\s*/u);
  let end = clauses.length;
  while (end > 1 && isCircumstance(clauses[end - 1] ?? '') && !namesCase(clauses[end - 1] ?? '')) end -= 1;
  if (end === clauses.length || !clauses.slice(0, end).some(holdsQuestionWord)) return sentence;
  const mark = /[.!?…]+\s*$/u.exec(sentence)?.[0] ?? '';
  return `${clauses.slice(0, end).join(', ').trim()}${mark}`;
}

/** "если" opening a condition ("а если", ", если"); "если что" (just in case) is none. */
const CONDITION = /(?:^|[^а-яё])если(?![а-яё])(?!\s+(?:что|чо|че|чё)(?:[^а-яё-]|$))/u;
/** Words that open the main clause after a condition: a modal, a question word, "то"/"тогда". */
const MAIN_OPENERS: ReadonlySet<string> = new Set([
  'то', 'тогда', 'можно', 'нельзя', 'нужно', 'надо', 'реально', 'сколько', 'скока', 'скок', 'почем', 'почём', 'что', 'чё', 'че', 'чо',
  'как', 'кто', 'где', 'куда', 'когда', 'какой', 'какая', 'какие', 'какое', 'каким', 'какую',
]);
/** The seller's own act asked ("сделаете скидку", "скинете"): a verb addressed to "вы". */
const ADDRESSED_VERB = /^[а-яё]{3,}(?:ете|ёте|ите)$/u;
/** A pronoun in the main clause pointing back at the condition ("скока это стоит"): then the condition is what is asked. */
const BACK_REFERENCE = /(?:^|[^а-яё])(?:это|этого|этом)(?![а-яё])/u;
/** Words with their hyphenated tails: "что-то" is one word, its "то" no opener. */
const WORDS = /[а-яёa-z0-9]+(?:-[а-яё]+)*/gu;
const PREPOSITIONS: ReadonlySet<string> = new Set(['в', 'во', 'на', 'с', 'со', 'по', 'за', 'из', 'о', 'об', 'у', 'к', 'от', 'до', 'при', 'для']);
/** Words before the condition's verb, any number of them: "если не подойдет", "если вы не сможете". */
const SUBJECTS: ReadonlySet<string> = new Set(['не', 'вы', 'я', 'мы']);

/**
 * "если не подойдет по размеру можно вернуть?", "если возьму 4 пачки сделаете скидку": the condition is the buyer's
 * circumstance, the main clause what is asked. Returns the sentence split into the two (the main clause is what stands
 * before "если" and after the condition's end: a comma, or the first word that opens a main clause), or undefined where
 * there is no condition or no main clause beside it.
 */
export function splitCondition(sentence: string): { main: string; condition: string } | undefined {
  const text = sentence.toLowerCase().replaceAll('ё', 'е');
  const found = CONDITION.exec(text);
  if (found === null) return undefined;
  const start = found.index + found[0].length;
  const rest = text.slice(start);
  let end = rest.length;
  const comma = rest.search(/[,;:]|\s[-–—]\s/u);
  if (comma >= 0) end = comma;
  // The condition's own verb comes first ("если возьмете двое", "если не подойдет"): the main clause opens after it.
  const words = [...rest.slice(0, end).matchAll(WORDS)];
  let own = 0;
  while (SUBJECTS.has(words[own]?.[0] ?? '')) own += 1;
  // A noun after a preposition ("в пакете") is no verb addressed to the seller.
  const opens = (word: RegExpExecArray, at: number): boolean =>
    MAIN_OPENERS.has(word[0]) || (ADDRESSED_VERB.test(word[0]) && !PREPOSITIONS.has(words[at - 1]?.[0] ?? ''));
  const opener = words.find((word, at) => at > own && opens(word, at));
  if (opener !== undefined) end = opener.index;
  const condition = rest.slice(0, end);
  const before = text.slice(0, found.index);
  const after = rest.slice(end);
  // A condition standing inside the question ("клаву если под заказ сколько ждать?") says which case is asked about.
  if (WORD.test(before.replace(/^\s*(?:а|и|ну)(?![а-яё])/u, '')) && WORD.test(after)) return undefined;
  // "в рассрочку 14 про, а если досрочно закрою штрафа нет?": a condition after ", а" running to the end asks by itself (the
  // case it names is the question); what stands before the contrast is another clause, not its main one.
  if (!WORD.test(after) && WORD.test(before) && CONTRASTED_END.test(before)) return undefined;
  const main = `${before} ${after}`.replace(/^[\s,]+/u, '').trim();
  if (BACK_REFERENCE.test(main)) return undefined;
  return { main, condition: condition.trim() };
}

/** A clause ending in the contrast that opens the condition: "…, а если". */
const CONTRASTED_END = /,\s*а\s*$/u;

/** The buyer's own plan: "беру 2 штуки", "в субботу приеду", "могу только после работы" (a story in the past is no plan). */
const OWN_PLAN =
  /(?:^|[^а-яё])(?:беру|берем|возьму|возьмем|приеду|приедем|подъеду|подъедем|заеду|заедем|заберу|заберем|могу|можем|смогу|сможем|буду|будем|оплачу|оплатим|закажу|закажем|куплю|купим)(?![а-яё])/u;

/**
 * "беру 2 штуки, за оба скока скинете?", "можно отложить до выходных, в субботу приеду": a comma's clause telling what the
 * buyer will do, asking nothing, beside a clause that asks. Returns the two, or undefined.
 */
export function splitOwnPlan(sentence: string): { main: string; condition: string } | undefined {
  const text = sentence.toLowerCase().replaceAll('ё', 'е');
  const clauses = text.split(/,\s*/u).filter((clause) => clause.trim() !== '');
  if (clauses.length < 2) return undefined;
  const isPlan = (clause: string): boolean => OWN_PLAN.test(clause) && !holdsQuestionWord(clause) && !clause.includes('?');
  const plans = clauses.filter(isPlan);
  if (plans.length === 0 || plans.length === clauses.length) return undefined;
  // The other clause must ask: "могу приехать в воскресенье, удобно вам" asks by the plan itself.
  if (!clauses.some((clause) => !isPlan(clause) && (holdsQuestionWord(clause) || clause.includes('?')))) return undefined;
  return { main: clauses.filter((clause) => !isPlan(clause)).join(', ').trim(), condition: plans.join(', ').trim() };
}

/** The buyer speaking of himself: "я высокая 178", "мне 55 метров", "у нас 3 комнаты", "моя кухня 2.8". */
const SELF = /(?:^|[^а-яё])(?:я|мне|меня|нас|мы|нам|мой|моя|мое|мои|моему|моей|наш|наша|наше|наши)(?![а-яё])/u;
/** A clause stating an amount of the buyer's own: a number, and at most a few words beside it. */
const OWN_AMOUNT = /\d/u;
const MAX_SITUATION_WORDS = 4;
const NUMBER_WORD = /^\d/u;

/**
 * "сколько часов вы будете убирать, 55 метров", "высота столешницы какая, я высокая 178": a comma clause after the question
 * that tells the buyer's own case (an amount alone, or himself with one), asking nothing, is no question of its own. Its
 * words only rank (answer.ts), and its amount is checked against what a passage states of that measure (own-amounts.ts),
 * never taken as evidence. A thing with its amount ("…, кухня 2.8", "…, диван 3-местный") names what is asked about, and
 * stays. `isUnit` tells a unit's word ("метров"). Returns the question and the situation, or undefined.
 */
export function splitOwnSituation(sentence: string, isUnit: (word: string) => boolean): { main: string; situation: string } | undefined {
  const clauses = sentence.split(/,\s*/u);
  if (clauses.length < 2) return undefined;
  const text = (clause: string): string => clause.toLowerCase().replaceAll('ё', 'е');
  const isSituation = (clause: string): boolean => {
    const lower = text(clause);
    const words = lower.split(/[^а-яёa-z0-9.]+/u).filter((word) => word !== '');
    return OWN_AMOUNT.test(lower) && words.length <= MAX_SITUATION_WORDS && !lower.includes('?') && !holdsQuestionWord(lower) && !OWN_PLAN.test(lower) && (SELF.test(lower) || words.every((word) => NUMBER_WORD.test(word) || isUnit(word)));
  };
  let end = clauses.length;
  while (end > 1 && isSituation(clauses[end - 1] ?? '')) end -= 1;
  if (end === clauses.length || !clauses.slice(0, end).some((clause) => holdsQuestionWord(text(clause)) || clause.includes('?'))) return undefined;
  return { main: clauses.slice(0, end).join(', ').trim(), situation: clauses.slice(end).join(', ').trim() };
}
