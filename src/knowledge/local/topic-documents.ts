/** General documents on one topic of the shop's terms ("Доставка", oplata.txt): what a one-topic question is answered from. */
import type { Passage } from './passages.js';
import { splitSentences } from './passages.js';
import { moveFirst, type PassageHit } from './search.js';
import { soundOf, transliterate } from './term-resolver.js';
import { CITY_TERMS, NATIONWIDE, WEAK_TERMS } from './vocabulary.js';

// Shorter sounds ("opl" of "oplata" is fine, "da" is not) match too many file names.
const MIN_NAME_SOUND = 4;

/**
 * The passage's document is titled by `topic`: its title holds the term, or a word of its file name spells it in Latin
 * ("dostavka-i-kurer.md" for "доставк", "garantiya-i-vozvrat.md" for "возврат"): sellers name files after what they hold.
 */
export function isTitledBy(passage: Passage, topic: string, termsOf: (text: string) => string[]): boolean {
  // Asked of every passage a search meets: a document's answer is remembered (its title is part of the key).
  const key = `${topic}\u0000${passage.document}\u0000${passage.title}`;
  let titled = titledCache.get(key);
  if (titled === undefined) {
    if (titledCache.size >= TITLED_CACHE_LIMIT) titledCache.clear();
    titled = namesDocument(passage, topic, termsOf);
    titledCache.set(key, titled);
  }
  return titled;
}

const titledCache = new Map<string, boolean>();
const TITLED_CACHE_LIMIT = 10_000;

/** A name in quotes ("О нас — магазин «Детская комната»"): the shop's or a product's name, not what the document is on. */
const QUOTED_NAME = /«[^»]*»|"[^"]*"|“[^”]*”/gu;

/**
 * A document's title holds every term of `word`, or a word of its file name sounds like it ("прайс" of prais.csv,
 * "гарантию" of garantiya-i-vozvrat.md, "доставк" of dostavka.md): how a topic titles a document, and how a pointer ("см.
 * прайс") names one (cross-references.ts).
 */
export function namesDocument(passage: Pick<Passage, 'document' | 'title'>, word: string, termsOf: (text: string) => string[]): boolean {
  const terms = termsOf(word);
  if (passage.title !== '' && terms.length > 0) {
    const titled = termsOf(passage.title.replace(QUOTED_NAME, ' '));
    if (terms.every((term) => titled.includes(term))) return true;
  }
  const sound = soundOf(transliterate(word));
  if (sound.length < MIN_NAME_SOUND) return false;
  const name = passage.document.replace(/^.*\//, '').replace(/\.[a-z0-9]+$/i, '').toLowerCase();
  return name.split(/[^a-z0-9]+/).some((part) => {
    const own = soundOf(part);
    return own.length >= MIN_NAME_SOUND && (own.startsWith(sound) || sound.startsWith(own));
  });
}

/** A statement's first words: the listing states a topic when it opens one of its statements with it. */
const STATEMENT_LEAD = 2;
const STATEMENT_BREAKS = /[;:()]/;
/** "Если доставкой СДЭК — можно с примеркой": a condition mentions the topic, the statement is about something else. */
const CONDITION = /^\s*(?:если|при|когда|кроме)(?![а-яё])/iu;

/**
 * "не отправляю", "только самовывоз", "без доставки", "гарантия 3 месяца", "на следующий день", "у метро Петроградская": a
 * statement that denies, bounds, measures, dates or places what it names.
 */
const DEFINITE = /(?<![а-яё])(?:не|нет|только|лишь|без|день|дня|дней|сегодня|завтра|метро|ул)(?![а-яё])|\p{N}/iu;

function isDefinite(statement: string, termsOf: (text: string) => string[]): boolean {
  return DEFINITE.test(statement) || termsOf(statement).some((term) => CITY_TERMS.has(term));
}

/**
 * The listing's own terms on the topic ("Авито Доставкой не отправляю: велосипед не проходит по габаритам") stand: the
 * shop's general document would contradict them. Only definite terms (see DEFINITE): a line naming the ways ("Отправка СДЭК
 * или Авито Доставкой, фен упаковываю в коробку") agrees with the shop's document, which says what they cost and take. A
 * passing mention ("привозим небольшими партиями") stands neither.
 */
export function statesTopic(passage: Passage, topic: string, termsOf: (text: string) => string[]): boolean {
  if (termsOf(passage.headings.join('\n')).includes(topic)) return true;
  return passage.text
    .split('\n')
    .flatMap(splitSentences)
    .flatMap((sentence) => sentence.split(STATEMENT_BREAKS))
    .some((statement) => !CONDITION.test(statement) && isDefinite(statement, termsOf) && termsOf(statement).slice(0, STATEMENT_LEAD).includes(topic));
}

const titledTopics = new WeakMap<readonly Passage[], Map<string, boolean>>();

/** Whether any general document is titled by `topic`: most topics have none, and then nothing more is searched. */
export function hasTitledDocument(passages: readonly Passage[], topic: string, termsOf: (text: string) => string[]): boolean {
  let topics = titledTopics.get(passages);
  if (topics === undefined) {
    topics = new Map();
    titledTopics.set(passages, topics);
  }
  let found = topics.get(topic);
  if (found === undefined) {
    const seen = new Set<string>();
    found = passages.some((passage) => {
      if (passage.itemId !== undefined || seen.has(passage.document)) return false;
      seen.add(passage.document);
      return isTitledBy(passage, topic, termsOf);
    });
    topics.set(topic, found);
  }
  return found;
}

/** Where and how little: a city ("в москву"), the country, an everyday word, a number say what the case is, not what is asked. */
function isCircumstance(term: string): boolean {
  return WEAK_TERMS.has(term) || CITY_TERMS.has(term) || term === NATIONWIDE || /^\p{N}/u.test(term);
}

/**
 * "авито доставкой комплект в москву отправите?": the payment terms ("в другой город — 100% предоплата, либо через Авито
 * Доставку") match the city too, the delivery document ("Авито Доставкой отправляем только 1–2 шины…") matches all the
 * rest. A hit of a document titled by a term it matches comes first when the first hit's document is titled by none of
 * its own and is ahead only by circumstances the titled one lacks: the topic's own document answers. Where both match the
 * same terms, which states them is left to countStated (statement-rank.ts).
 */
export function preferTopicDocument(hits: readonly PassageHit[], termsOf: (text: string) => string[]): PassageHit[] {
  const [top] = hits;
  if (top === undefined || top.matched.some((term) => isTitledBy(top.passage, term, termsOf))) return [...hits];
  const asked = top.matched.filter((term) => !isCircumstance(term));
  const titled = hits.find(
    (hit) =>
      hit.passage.document !== top.passage.document &&
      asked.every((term) => hit.matched.includes(term)) &&
      top.matched.some((term) => !hit.matched.includes(term)) &&
      hit.matched.some((term) => !isCircumstance(term) && isTitledBy(hit.passage, term, termsOf)),
  );
  return moveFirst(hits, titled);
}
