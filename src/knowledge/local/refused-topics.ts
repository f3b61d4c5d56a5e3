/**
 * "лазерный уровень ада продаете? купить хочу не аренда": the buyer says which of the shop's topics he does not want. The
 * rental price list ("Лазерный уровень ADA; Сутки, руб: 450") covers every word of his question and answers another one:
 * a passage of a document titled by the refused topic does not answer him, and the words refusing it ask nothing.
 */
import type { Passage } from './passages.js';
import { VERB_FORM } from './search.js';
import { hasTitledDocument, isTitledBy } from './topic-documents.js';

interface TopicIndex {
  passages: readonly Passage[];
  termsOf: (text: string) => string[];
  resolveText: (text: string) => string[];
}

/** "не аренда", "не под заказ": the word after "не" in a sentence that asks nothing. */
const REFUSED_WORD = /(?<![а-яё])не\s+([а-яё]{3,})/gu;
/** A question asked: "не бу?", "а не битый?" ask whether the thing is that. */
const ASKING = /\?|(?<![а-яё])(?:как[а-яё]*|скольк[а-яё]*|скок[аоу]?|почем|где|когда|можно|ли|есть)(?![а-яё])/u;
/** "не новый", "не дороже": a quality of the thing, not a topic of the shop. */
const QUALITY = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|же|ше)$/u;

/** The terms of topics a sentence of the question refuses, where a general document is titled by them. */
export function findRefusedTopics(question: string, index: TopicIndex): ReadonlySet<string> {
  const refused = new Set<string>();
  for (const sentence of question.toLowerCase().replaceAll('ё', 'е').split(/(?<=[?!.\n])/u)) {
    if (ASKING.test(sentence)) continue;
    for (const match of sentence.matchAll(REFUSED_WORD)) {
      const word = match[1] ?? '';
      if (VERB_FORM.test(word) || QUALITY.test(word)) continue;
      for (const term of index.resolveText(word)) if (hasTitledDocument(index.passages, term, index.termsOf)) refused.add(term);
    }
  }
  return refused;
}

/** False for a part made only of refused topics, and for a passage of a document titled by one. */
export function answersBesideRefused(refused: ReadonlySet<string>, terms: readonly string[], passage: Passage, termsOf: (text: string) => string[]): boolean {
  if (refused.size === 0) return true;
  if (terms.length > 0 && terms.every((term) => refused.has(term))) return false;
  return ![...refused].some((topic) => isTitledBy(passage, topic, termsOf));
}
