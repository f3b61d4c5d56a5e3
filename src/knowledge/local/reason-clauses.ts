/**
 * What a buyer adds to say why they ask ("это дайсон или нет, а то на фото один в один"): the reason is the buyer's own
 * story, not a question for the documents, and its words ("фото") would otherwise decide which passage answers.
 */
import { holdsQuestionWord } from './clause-questions.js';

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
  const sentences = (question.match(SENTENCE) ?? []).filter((sentence) => sentence.trim() !== '');
  const isCircumstance = (sentence: string): boolean =>
    !sentence.includes('?') && !holdsQuestionWord(sentence) && OWN_CIRCUMSTANCE.test(sentence.toLowerCase().replaceAll('ё', 'е'));
  const kept = sentences.filter((sentence) => !isCircumstance(sentence));
  return kept.length > 0 && kept.length < sentences.length ? kept.join(' ').trim() : question;
}
